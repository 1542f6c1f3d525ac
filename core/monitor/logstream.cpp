#include "core/monitor/logstream.h"

#include <atomic>

#include <QPointer>
#include <QThread>

#include "core/common/retiredthreads.h"
#include "core/monitor/logbatcher.h"

using namespace Qt::StringLiterals;

namespace Gantry {

struct LogStream::Worker {
    Worker(HostConnection c, LogStreamQuery q)
        : connection(std::move(c))
        , query(std::move(q))
        , batcher(connection.server.name, [this](QList<LogLine> lines) { deliver(std::move(lines)); })
    {
    }

    HostConnection connection;
    LogStreamQuery query;
    std::atomic<bool> stopping = false;
    std::function<void(QList<LogLine>)> deliver;
    std::function<void(Error)> end;
    LogBatcher batcher;

    void run();
    Result<void> stream();
};

Result<LogLine> LogStream::toLogLine(
    const QString &server, QByteArrayView json, JournalEntryParser::Cursor cursor)
{
    Result<JournalEntry> entry = JournalEntryParser::parseLine(json, cursor);
    if (!entry)
        return std::unexpected(entry.error());
    LogLine line;
    line.server = server;
    line.unit = entry->unit;
    line.level = LogLevelClassifier::classify(entry->message, entry->priority);
    line.entry = std::move(*entry);
    return line;
}

Result<void> LogStream::Worker::stream()
{
    JournalQuery journal;
    journal.unit = query.units.value(0);
    journal.moreUnits = query.units.mid(1);
    journal.follow = query.follow;
    journal.since = query.since;
    journal.lines = query.lines;
    const Result<QString> command = JournalEntryParser::command(journal);
    if (!command)
        return std::unexpected(command.error());
    if (!connection.jumps)
        return std::unexpected(connection.jumps.error());
    RemoteHost host(connection.server, connection.knownHostsFile, connection.prompter, {});
    host.setConnectTimeout(connection.connectTimeout);
    host.setJumps(*connection.jumps);
    if (auto connected = host.connect(connection.policy); !connected)
        return std::unexpected(connected.error());
    if (stopping)
        return {};
    batcher.flush(); // starts the clock
    // exec: journalctl itself gets the TERM that stop() sends, not a shell that would leave it.
    const auto result = host.streamAsRoot(
        "# logs\nexec " + command->toUtf8() + '\n', [this](const QByteArray &line) { batcher.take(line); },
        [this] {
            batcher.poll();
            return !stopping.load();
        });
    batcher.flush();
    if (!result)
        return std::unexpected(result.error());
    if (result->cancelled)
        return {};
    if (result->exitStatus != 0) {
        if (auto problem = JournalEntryParser::diagnose(result->stdErr))
            return std::unexpected(*problem);
        return fail(tr("journalctl on %1 ended with exit status %2.")
                        .arg(connection.server.name)
                        .arg(result->exitStatus),
            tr("Read the details, fix the cause on the server and open the log again."),
            QString::fromUtf8(result->stdErr.left(2000)));
    }
    return {};
}

void LogStream::Worker::run()
{
    const Result<void> ok = stream();
    if (!stopping)
        end(ok ? Error {} : ok.error());
}

LogStream::LogStream(HostConnection connection, LogStreamQuery query, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_shared<Worker>(std::move(connection), std::move(query)))
{
}

LogStream::~LogStream()
{
    stop();
}

void LogStream::start()
{
    if (m_thread)
        return;
    QPointer<LogStream> self(this);
    Worker *worker = m_worker.get(); // a stopped worker's last batches are not this run's
    m_worker->deliver = [self, worker](QList<LogLine> lines) {
        QMetaObject::invokeMethod(
            self,
            [self, worker, lines = std::move(lines)] {
                if (self && self->m_thread && self->m_worker.get() == worker)
                    emit self->linesReady(lines);
            },
            Qt::QueuedConnection);
    };
    m_worker->end = [self, worker](Error error) {
        QMetaObject::invokeMethod(
            self,
            [self, worker, error] {
                if (self && self->m_thread && self->m_worker.get() == worker)
                    emit self->finished(error);
            },
            Qt::QueuedConnection);
    };
    m_thread = QThread::create([worker = m_worker] { worker->run(); });
    m_thread->setObjectName(u"logs "_s + m_worker->connection.server.name);
    m_thread->start();
}

void LogStream::stop()
{
    if (!m_thread)
        return;
    // The worker ends by itself; this thread never waits for it (it may sit in a connect).
    m_worker->stopping = true;
    m_worker = std::make_shared<Worker>(m_worker->connection, m_worker->query);
    retireThread(std::exchange(m_thread, nullptr));
}

bool LogStream::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

qint64 LogStream::skippedLines() const
{
    return m_worker->batcher.skipped();
}

} // namespace Gantry
