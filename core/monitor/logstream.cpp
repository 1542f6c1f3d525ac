#include "core/monitor/logstream.h"

#include <atomic>

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

#include "core/common/retiredthreads.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr qint64 BatchMSec = 100;

} // namespace

struct LogStream::Worker {
    HostConnection connection;
    LogStreamQuery query;
    std::atomic<bool> stopping = false;
    std::atomic<qint64> skipped = 0;
    std::function<void(QList<LogLine>)> deliver;
    std::function<void(Error)> end;

    QList<LogLine> batch;
    QElapsedTimer sinceFlush;

    void run();
    Result<void> stream();
    void flush()
    {
        if (!batch.isEmpty())
            deliver(std::exchange(batch, {}));
        sinceFlush.restart();
    }
    void take(const QByteArray &line)
    {
        if (auto parsed = toLogLine(connection.server.name, line))
            batch << std::move(*parsed);
        else
            ++skipped;
    }
};

Result<LogLine> LogStream::toLogLine(const QString &server, QByteArrayView json)
{
    Result<JournalEntry> entry = JournalEntryParser::parseLine(json);
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
    sinceFlush.start();
    // exec: journalctl itself gets the TERM that stop() sends, not a shell that would leave it.
    const auto result = host.streamAsRoot(
        "# logs\nexec " + command->toUtf8() + '\n', [this](const QByteArray &line) { take(line); },
        [this] {
            if (sinceFlush.elapsed() >= BatchMSec)
                flush();
            return !stopping.load();
        });
    flush();
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
    , m_worker(std::make_shared<Worker>())
{
    m_worker->connection = std::move(connection);
    m_worker->query = std::move(query);
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
    auto fresh = std::make_shared<Worker>();
    fresh->connection = m_worker->connection;
    fresh->query = m_worker->query;
    m_worker = std::move(fresh);
    retireThread(std::exchange(m_thread, nullptr));
}

bool LogStream::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

qint64 LogStream::skippedLines() const
{
    return m_worker->skipped;
}

} // namespace Gantry
