#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// One journal entry as `journalctl -o json` prints it.
struct JournalEntry {
    QString message; // MESSAGE; lines joined by "\n" when the field repeats; invalid UTF-8 replaced
    bool messageOmitted =
        false; // MESSAGE was null or absent (journalctl hides fields over 4 KiB without --all)
    int priority = -1; // PRIORITY 0 (emerg) to 7 (debug); -1 when absent or not a number in range
    qint64 realtimeUSec = 0; // __REALTIME_TIMESTAMP: microseconds since the epoch
    qint64 pid = 0; // _PID; 0 when absent
    QString identifier; // SYSLOG_IDENTIFIER ("shop", or "systemd" for the manager's own lines)
    QString cursor; // __CURSOR: where to resume with --after-cursor
    // The unit the line is about: _SYSTEMD_UNIT ("gantry-shop.service"), or for the service
    // manager's lines about a unit ("Stopped ...", _SYSTEMD_UNIT "init.scope" or empty) its
    // UNIT, or USER_UNIT (a user manager's, from user@UID.service); empty when none says.
    QString unit;

    QDateTime time() const; // realtimeUSec in UTC, millisecond precision
};

// What to ask journalctl for.
struct JournalQuery {
    QString unit; // "gantry-shop.service"
    bool follow = true; // -f: keep the command running and print new entries as they come
    QDateTime since; // --since; invalid for none
    int maxPriority = -1; // -p: entries of this priority (0-7) and more severe only; -1 for all
    int lines = -1; // -n: at most this many entries from before; -1 for journalctl's default
    QString afterCursor; // --after-cursor: resume after an entry already shown; empty for none
    // --output-fields: only the fields JournalEntry reads (systemd 236 and later; 2017).
    bool onlyNeededFields = true;
    QStringList moreUnits; // more units, merged into the same stream by journalctl
};

// Reads journalctl's JSON output a line at a time, and builds the command that prints it.
class JournalEntryParser final {
    Q_DECLARE_TR_FUNCTIONS(JournalEntryParser)
public:
    // `journalctl --unit=UNIT -o json --all --no-pager [-f] [--since=@S.US] [-p N] [-n N]
    // [--after-cursor=C] [--output-fields=...]`, every value shell-quoted. Fails for an empty or
    // multi-line unit or cursor, a priority outside 0-7 or a negative line count.
    static Result<QString> command(const JournalQuery &query);

    // Whether to decode __CURSOR into JournalEntry::cursor; Skip still refuses a line without
    // one. A stream resumes after its last entry, so it needs no other entry's.
    enum class Cursor { Decode, Skip };

    // One line of output (without its newline; a "\r" before it is ignored). Fails for a line
    // that is not a JSON object with a cursor and a time, naming what is wrong. Takes
    // parseLineFast's entry when it reads the line, else parseLineGeneric's answer.
    static Result<JournalEntry> parseLine(QByteArrayView line, Cursor cursor = Cursor::Decode);

    // A single pass over the flat object journalctl prints (strings, nulls, whole numbers, byte
    // arrays, arrays of strings) that decodes only the fields JournalEntry keeps; SYSLOG_IDENTIFIER
    // and the unit fields share one string per thread for equal values. None for anything else it
    // leaves to parseLineGeneric (other JSON shapes, unknown escapes, lone surrogates, invalid
    // UTF-8, a kept field twice, a missing cursor or time), so both give the same entry.
    static std::optional<JournalEntry> parseLineFast(QByteArrayView line, Cursor cursor = Cursor::Decode);

    // The same through QJsonDocument: any JSON, at about a tenth of the speed.
    static Result<JournalEntry> parseLineGeneric(QByteArrayView line);

    // What journalctl's stderr says went wrong, for the user; none for harmless notes.
    static std::optional<Error> diagnose(const QByteArray &stderrText);
};

} // namespace Gantry

Q_DECLARE_TYPEINFO(Gantry::JournalEntry, Q_RELOCATABLE_TYPE);
