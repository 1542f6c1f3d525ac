#pragma once

#include <memory>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>

#include "core/common/error.h"
#include "core/monitor/journalentry.h"
#include "core/monitor/loglevel.h"
#include "core/remote/hosttask.h"

namespace Gantry {

// One line of a service's log, typed for a log model: which server and unit, the journal
// entry, and the level read from the line itself (LogLevelClassifier).
struct LogLine {
    QString server;
    QString unit;
    JournalEntry entry;
    LogLevel level = LogLevel::Unknown;
};

} // namespace Gantry

Q_DECLARE_TYPEINFO(Gantry::LogLine, Q_RELOCATABLE_TYPE);

namespace Gantry {

struct LogStreamQuery {
    QStringList units; // gantry-<app>.service, one or more
    bool follow = true;
    QDateTime since; // invalid for journalctl's default
    int lines = -1; // the last N entries before following; -1 for journalctl's default
};

// The journal of one or more units of one server, streamed as root (the login user need not be
// in systemd-journal) on a worker thread that owns the SSH session. Lines arrive in batches
// about every 100 ms on the stream's thread; stop() closes the channel and ends journalctl.
//
// For a log view model: append each linesReady batch (a bounded ring, oldest dropped), filter
// by LogLine::level in a proxy; merge several streams by entry.realtimeUSec.
class LogStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStream)
public:
    LogStream(HostConnection connection, LogStreamQuery query, QObject *parent = nullptr);
    ~LogStream() override; // stops

    void start();
    // Nothing arrives after this returns, and it does not wait: the worker closes the channel
    // (ending journalctl) on its own, at the latest before the application object goes. Keep
    // what the worker uses alive through HostConnection::keepAlive.
    void stop();
    bool isRunning() const;
    qint64 skippedLines() const; // lines that were not journal entries

    // Parses and classifies one line of `journalctl -o json`.
    static Result<LogLine> toLogLine(const QString &server, QByteArrayView json,
        JournalEntryParser::Cursor cursor = JournalEntryParser::Cursor::Decode);

signals:
    void linesReady(const QList<Gantry::LogLine> &lines);
    // The stream ended: by stop(), by journalctl's end without --follow (`error` empty), or on
    // a failure (connection, sudo, journalctl's complaint) told in `error`.
    void finished(const Gantry::Error &error);

private:
    struct Worker;
    std::shared_ptr<Worker> m_worker;
    QThread *m_thread = nullptr;
};

} // namespace Gantry
