#include "core/monitor/journalentry.h"

#include <algorithm>
#include <array>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "core/common/shellquote.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

constexpr qsizetype CauseLimit = 200;

// The fields JournalEntry reads; journalctl adds __CURSOR and __REALTIME_TIMESTAMP anyway.
constexpr QStringView NeededFields = u"MESSAGE,PRIORITY,_PID,SYSLOG_IDENTIFIER,_SYSTEMD_UNIT";

QString excerpt(QByteArrayView text)
{
    const QString decoded = QString::fromUtf8(text.first(std::min(text.size(), CauseLimit)));
    return text.size() > CauseLimit ? decoded + u"…"_s : decoded;
}

bool oneLine(const QString &value)
{
    return !value.isEmpty() && !value.contains(u'\n') && !value.contains(u'\r') && !value.contains(QChar(0));
}

// One field value: a string, or an array of byte values for text that is not printable UTF-8.
std::optional<QByteArray> bytesOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (!value.isArray())
        return std::nullopt;
    QByteArray bytes;
    for (const QJsonValue &item : value.toArray()) {
        const double number = item.toDouble(-1);
        if (!item.isDouble() || number < 0 || number > 255 || number != double(int(number)))
            return std::nullopt;
        bytes += char(int(number));
    }
    return bytes;
}

// Every value of a field: journalctl prints a field that occurs several times in an entry as
// an array of values, and a field it left out (over 4 KiB without --all) as null.
QList<QByteArray> valuesOf(const QJsonValue &value)
{
    const QJsonArray array = value.toArray();
    const bool manyValues = value.isArray() && !array.isEmpty() && !array.first().isDouble();
    QList<QByteArray> values;
    for (const QJsonValue &item : manyValues ? array : QJsonArray { value }) {
        if (const auto bytes = bytesOf(item))
            values << *bytes;
    }
    return values;
}

QString firstText(const QJsonObject &object, QStringView key)
{
    const QList<QByteArray> values = valuesOf(object.value(key));
    return values.isEmpty() ? QString() : QString::fromUtf8(values.first());
}

std::optional<qint64> numberField(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble() && value.toDouble() == double(value.toInteger()))
        return value.toInteger();
    bool ok = false;
    const QString text = firstText(object, key);
    const qint64 number = text.toLongLong(&ok);
    return ok && !text.startsWith(u'+') && !text.startsWith(u'-') ? std::optional(number) : std::nullopt;
}

struct StderrRule {
    QByteArrayView marker; // what journalctl prints
    const char *message;
    const char *hint;
};

// journalctl's stderr lines Gantry explains; the rest goes to the error's details.
constexpr std::array StderrRules {
    StderrRule { "Failed to seek to cursor",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "The server's journal no longer has the entry the log stopped at."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Open the log again to continue from the newest entries.") },
    StderrRule { "Failed to parse timestamp",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server did not accept the start time of the log."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Pick another start time.") },
    StderrRule { "unrecognized option",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server is too old for an option Gantry uses."),
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "Update systemd on the server (236 or later reads every option).") },
    StderrRule { "No journal files were found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "The server keeps no journal."),
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "Check that systemd-journald runs: systemctl status systemd-journald.") },
    StderrRule { "not seeing messages from other users",
        QT_TRANSLATE_NOOP("JournalEntryParser", "The server's user may not read the services' log."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Add the user to the systemd-journal group (sudo usermod -aG systemd-journal USER) and connect "
            "again.") },
    StderrRule { "Failed to add filter for units",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server did not accept the service's name."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Check the name of the service.") },
    StderrRule { "journalctl: not found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "journalctl is not installed on the server."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Gantry reads service logs from systemd's journal; the server needs systemd.") },
    StderrRule { "journalctl: command not found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "journalctl is not installed on the server."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Gantry reads service logs from systemd's journal; the server needs systemd.") },
};

} // namespace

QDateTime JournalEntry::time() const
{
    return QDateTime::fromMSecsSinceEpoch(realtimeUSec / 1000, Qt::UTC);
}

Result<QString> JournalEntryParser::command(const JournalQuery &query)
{
    if (!oneLine(query.unit) || !std::ranges::all_of(query.moreUnits, oneLine))
        return fail(
            tr("The log needs the name of one service unit."), tr("Pick a service to show the log of."));
    if (query.maxPriority < -1 || query.maxPriority > 7)
        return fail(tr("Log priority %1 does not exist.").arg(query.maxPriority),
            tr("Pick a priority from 0 (emergency) to 7 (debug)."));
    if (query.lines < -1)
        return fail(tr("A log cannot show %1 lines.").arg(query.lines), tr("Pick 0 or more lines."));
    if (!query.afterCursor.isEmpty() && !oneLine(query.afterCursor))
        return fail(tr("The saved log position is damaged."),
            tr("Open the log again to start from the newest entries."));
    QStringList words { u"journalctl"_s, u"--unit="_s + QString::fromUtf8(shellQuote(query.unit)), u"-o"_s,
        u"json"_s, u"--all"_s, u"--no-pager"_s };
    for (const QString &unit : query.moreUnits)
        words.insert(2, u"--unit="_s + QString::fromUtf8(shellQuote(unit)));
    if (query.follow)
        words << u"-f"_s;
    if (query.since.isValid()) {
        const qint64 ms = query.since.toMSecsSinceEpoch();
        words << u"--since=@%1.%2"_s.arg(ms / 1000).arg(ms % 1000, 3, 10, QChar(u'0'));
    }
    if (query.maxPriority >= 0)
        words << u"-p"_s << QString::number(query.maxPriority);
    if (query.lines >= 0)
        words << u"-n"_s << QString::number(query.lines);
    if (!query.afterCursor.isEmpty())
        words << u"--after-cursor="_s + QString::fromUtf8(shellQuote(query.afterCursor));
    if (query.onlyNeededFields)
        words << u"--output-fields="_s + NeededFields;
    return words.join(u' ');
}

Result<JournalEntry> JournalEntryParser::parseLine(QByteArrayView line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (!document.isObject()) {
        return fail(tr("A line of the service's log is not a journal entry."),
            tr("Gantry skips it; if every line fails, check that journalctl on the server is systemd's own."),
            excerpt(line));
    }
    const QJsonObject object = document.object();
    JournalEntry entry;
    entry.cursor = firstText(object, u"__CURSOR");
    const std::optional<qint64> realtime = numberField(object, u"__REALTIME_TIMESTAMP");
    if (entry.cursor.isEmpty() || !realtime || *realtime < 0) {
        return fail(tr("A line of the service's log has no position or time."),
            tr("Gantry skips it; if every line fails, check that journalctl on the server is systemd's own."),
            excerpt(line));
    }
    entry.realtimeUSec = *realtime;
    const QList<QByteArray> message = valuesOf(object.value(u"MESSAGE"));
    entry.messageOmitted = message.isEmpty();
    entry.message = QString::fromUtf8(message.join('\n'));
    const std::optional<qint64> priority = numberField(object, u"PRIORITY");
    entry.priority = priority && *priority >= 0 && *priority <= 7 ? int(*priority) : -1;
    entry.pid = std::max<qint64>(numberField(object, u"_PID").value_or(0), 0);
    entry.identifier = firstText(object, u"SYSLOG_IDENTIFIER");
    entry.unit = firstText(object, u"_SYSTEMD_UNIT");
    return entry;
}

std::optional<Error> JournalEntryParser::diagnose(const QByteArray &stderrText)
{
    for (const StderrRule &rule : StderrRules) {
        if (stderrText.contains(rule.marker))
            return Error { tr(rule.message), tr(rule.hint), QString::fromUtf8(stderrText.trimmed()) };
    }
    return std::nullopt;
}

} // namespace Gantry
