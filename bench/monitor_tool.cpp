// monitor_tool: the two monitor benches (bench/monitor_bench.sh runs them).
//
//   monitor_tool ingest-model FILE     the Logs page's pipeline: a reader thread parses and classifies
//                                      every journal-JSON line of FILE in LogStream's batches
//                                      (LogBatcher), the main thread appends each batch to a LogModel
//                                      watched by a LogFilterProxyModel; then the proxy's level filter
//   monitor_tool ingest-gantry FILE    parse + classify every journal-JSON line of FILE, keep them
//   monitor_tool ingest-baseline FILE  read FILE and split it into lines, keep them
//   monitor_tool generate FILE N       write N journal-JSON lines of Go services' logs
//   monitor_tool status KEY IP...      one refresh of every gantry-* unit per host (HostMonitor)
//                                      against one `systemctl show` per unit, hosts in parallel
// Each prints one line of key=value results.
#include <cstdio>
#include <ctime>
#include <thread>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include "core/monitor/hostmonitor.h"
#include "core/monitor/logbatcher.h"
#include "core/monitor/logstream.h"
#include "core/monitor/unitstatus.h"
#include "core/remote/remotehost.h"
#include "widgets/logs/logfilterproxymodel.h"
#include "widgets/logs/logmodel.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

namespace {

// VmRSS (resident now) or VmHWM (the most resident so far) from /proc/self/status, in KiB.
qint64 statusKiB(QByteArrayView field = "VmRSS:")
{
    QFile status(u"/proc/self/status"_s);
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    return 0;
}

qint64 rssKiB()
{
    return statusKiB();
}

// This process's CPU time: on a shared machine, wall time also counts the other processes' turns.
qint64 cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

const char *const Messages[] = {
    "[GIN] 2024/06/01 - 10:00:00 | 200 |     1.2ms |  10.0.0.1 | GET      \"/api/items\"",
    "[GIN] 2024/06/01 - 10:00:00 | 500 |     8.1ms |  10.0.0.1 | POST     \"/api/orders\"",
    "2024/06/01 10:00:00 level=info msg=\"listening\" addr=0.0.0.0:8080",
    "time=2024-06-01T10:00:00Z level=WARN msg=\"slow query\" ms=812",
    "{\"level\":\"error\",\"ts\":1717236000.1,\"caller\":\"db/pool.go:88\",\"msg\":\"connection reset\"}",
    "{\"time\":\"2024-06-01T10:00:00Z\",\"level\":\"INFO\",\"msg\":\"order placed\",\"id\":81723}",
    "[GIN-debug] GET    /healthz                  --> main.handleHealth (3 handlers)",
    "2024/06/01 10:00:00 http: TLS handshake error from 10.0.0.9:51234: EOF",
};

int generate(const QString &path, qint64 n)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    QByteArray chunk;
    for (qint64 i = 0; i < n; ++i) {
        const QJsonObject entry {
            { u"__CURSOR"_s, u"s=8f0c;i=%1;b=4d2;m=%2;t=61a;x=9e"_s.arg(i, 0, 16).arg(i * 7, 0, 16) },
            { u"__REALTIME_TIMESTAMP"_s, QString::number(1717236000000000 + i * 1000) },
            { u"PRIORITY"_s, i % 8 == 1 ? u"3"_s : u"6"_s }, { u"_PID"_s, u"4812"_s },
            { u"SYSLOG_IDENTIFIER"_s, u"shop"_s }, { u"_SYSTEMD_UNIT"_s, u"gantry-shop.service"_s },
            { u"MESSAGE"_s, QString(QString::fromUtf8(Messages[i % 8]) + u" #"_s + QString::number(i)) }
        };
        chunk += QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
        if (chunk.size() > (1 << 20))
            file.write(std::exchange(chunk, {}));
    }
    file.write(chunk);
    return 0;
}

// The lines of FILE the way the SSH channel hands them over (SshSession's LineFeed): 64 KiB reads,
// each line copied out without its newline; `poll` after each read, as LogStream's keep-going
// check. The bytes read.
template<typename Take, typename Poll>
qint64 feedLines(QFile &file, Take take, Poll poll)
{
    qint64 bytes = 0;
    QByteArray pending;
    while (!file.atEnd()) {
        pending += file.read(1 << 16);
        qsizetype start = 0;
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
            QByteArray line = pending.sliced(start, end - start);
            if (line.endsWith('\r'))
                line.chop(1);
            bytes += end - start + 1;
            take(line);
            start = end + 1;
        }
        pending.remove(0, start);
        poll();
    }
    return bytes;
}

// Wall and CPU time from construction to stop(); resident memory grown by then, now and at most.
struct Measure {
    qint64 rssBefore = rssKiB();
    qint64 cpuBefore = cpuMs();
    QElapsedTimer clock;
    qint64 ms = 0, cpu = 0, rss = 0;

    Measure() { clock.start(); }
    void stop()
    {
        ms = clock.elapsed();
        cpu = cpuMs() - cpuBefore;
        rss = rssKiB() - rssBefore;
    }
    void print(qint64 lines, qint64 bytes, const QByteArray &more) const
    {
        std::printf("lines=%lld bytes=%lld ms=%lld cpu_ms=%lld rss_kib=%lld peak_rss_kib=%lld %s\n", lines,
            bytes, ms, cpu, rss, statusKiB("VmHWM:") - rssBefore, more.constData());
    }
};

int ingest(const QString &path, bool gantry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    Measure measure;
    std::vector<LogLine> kept;
    std::vector<QByteArray> raw;
    qint64 skipped = 0;
    const qint64 bytes = feedLines(
        file,
        [&](const QByteArray &line) {
            if (!gantry) {
                raw.push_back(line);
            } else if (auto parsed = LogStream::toLogLine(u"web1"_s, line)) {
                kept.push_back(std::move(*parsed));
            } else {
                ++skipped;
            }
        },
        [] {});
    measure.stop();
    QElapsedTimer clock;
    clock.start();
    qint64 warnings = 0;
    for (const LogLine &l : kept)
        warnings += l.level >= LogLevel::Warning;
    const QByteArray more = "filter_ms=" + QByteArray::number(clock.elapsed()) +
        " warn_and_above=" + QByteArray::number(warnings) + " skipped=" + QByteArray::number(skipped);
    measure.print(qint64(gantry ? kept.size() : raw.size()), bytes, more);
    return 0;
}

// The Logs page's pipeline: LogStream's worker parses on its own thread and hands batches over
// queued; the GUI thread appends each to the model, whose proxy shows Warning and above.
int ingestModel(const QString &path)
{
    Measure measure;
    LogModel model;
    LogFilterProxyModel proxy(&model); // Warning and above, as the Logs page opens
    qint64 bytes = 0, skipped = 0, batches = 0;
    bool opened = false;
    QThread *reader = QThread::create([&] {
        QFile file(path);
        opened = file.open(QIODevice::ReadOnly);
        LogBatcher batcher(u"web1"_s, [&model, &batches](QList<LogLine> lines) {
            QMetaObject::invokeMethod(
                &model,
                [&model, &batches, lines = std::move(lines)] {
                    model.appendLines(lines);
                    ++batches;
                },
                Qt::QueuedConnection);
        });
        bytes = feedLines(
            file, [&batcher](const QByteArray &line) { batcher.take(line); }, [&batcher] { batcher.poll(); });
        batcher.flush();
        skipped = batcher.skipped();
    });
    // Queued after the reader's last batch.
    QObject::connect(reader, &QThread::finished, &model, [] { QCoreApplication::quit(); });
    reader->start();
    QCoreApplication::exec();
    reader->wait();
    delete reader;
    measure.stop();
    if (!opened)
        return 1;
    const qint64 shown = proxy.rowCount();

    QElapsedTimer clock;
    clock.start();
    proxy.setMinimumLevel(LogLevel::Unknown);
    const qint64 allMs = clock.restart();
    proxy.setMinimumLevel(LogLevel::Warning);
    const qint64 filterMs = clock.elapsed();
    qint64 warnings = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        warnings += model.row(row).level >= LogLevel::Warning;
    if (warnings != proxy.rowCount() || warnings != shown) {
        std::fprintf(stderr, "the proxy shows %d lines, %lld while ingesting, the model has %lld warnings\n",
            proxy.rowCount(), shown, warnings);
        return 1;
    }
    const QByteArray more = "filter_ms=" + QByteArray::number(filterMs) +
        " filter_all_ms=" + QByteArray::number(allMs) + " warn_and_above=" + QByteArray::number(warnings) +
        " skipped=" + QByteArray::number(skipped) + " batches=" + QByteArray::number(batches);
    measure.print(model.rowCount(), bytes, more);
    return 0;
}

ServerRecord benchServer(const QString &ip, const QString &key)
{
    ServerRecord server;
    server.name = ip;
    server.address = ip;
    server.port = 22;
    server.user = u"root"_s;
    server.auth = AuthKind::Key;
    server.keyFile = key;
    return server;
}

// One `systemctl show` per unit, each its own command, hosts in parallel.
void baseline(
    const QStringList &ips, const QString &key, const QString &knownHosts, qint64 *ms, int *commands)
{
    std::vector<std::thread> threads;
    std::atomic<int> count = 0;
    QElapsedTimer clock;
    std::vector<std::unique_ptr<RemoteHost>> hosts;
    for (const QString &ip : ips) {
        hosts.push_back(
            std::make_unique<RemoteHost>(benchServer(ip, key), knownHosts, nullptr, RemoteHost::LineSink()));
        HostKeyPolicy policy;
        policy.acceptNew = true;
        if (auto ok = hosts.back()->connect(policy); !ok)
            std::fprintf(stderr, "%s\n", qPrintable(ok.error().toString()));
    }
    clock.start();
    for (auto &host : hosts)
        threads.emplace_back([&host, &count] {
            auto list = host->run(
                u"systemctl list-units --no-legend --plain 'gantry-*.service' | awk '{print $1}'"_s);
            ++count;
            for (const QByteArray &unit : list->stdOut.split('\n')) {
                if (unit.isEmpty())
                    continue;
                host->run(u"systemctl show -p Id,LoadState,ActiveState,SubState,Result,MainPID,NRestarts,"
                          "ExecMainStartTimestamp,MemoryCurrent,CPUUsageNSec "_s +
                    QString::fromUtf8(unit));
                ++count;
            }
        });
    for (auto &t : threads)
        t.join();
    *ms = clock.elapsed();
    *commands = count;
}

int status(const QString &key, const QStringList &ips)
{
    QTemporaryDir dir;
    const QString knownHosts = dir.filePath(u"known_hosts"_s);
    qint64 baselineMs = 0;
    int baselineCommands = 0;
    baseline(ips, key, knownHosts, &baselineMs, &baselineCommands);

    std::vector<std::unique_ptr<HostMonitor>> monitors;
    QEventLoop loop;
    QHash<QString, HostSnapshot> second;
    QHash<QString, int> seen;
    QElapsedTimer clock;
    for (const QString &ip : ips) {
        HostConnection c { benchServer(ip, key), knownHosts, nullptr, {}, std::chrono::seconds(10), {}, {} };
        HostMonitor::Options options;
        options.interval = std::chrono::hours(1); // refreshed by hand below
        auto monitor = std::make_unique<HostMonitor>(c, QList<MonitoredService> {}, options);
        HostMonitor *m = monitor.get();
        QObject::connect(m, &HostMonitor::snapshotReady, &loop, [&, m](const HostSnapshot &s) {
            if (++seen[s.server] == 1) {
                if (std::ranges::all_of(ips, [&](const QString &i) { return seen.value(i) >= 1; })) {
                    clock.start(); // every session is up: time one refresh of all
                    for (auto &each : monitors)
                        each->refreshNow();
                }
                return;
            }
            Q_UNUSED(m);
            second.insert(s.server, s);
            if (second.size() == ips.size())
                loop.quit();
        });
        monitors.push_back(std::move(monitor));
    }
    for (auto &m : monitors)
        m->start();
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 gantryMs = clock.elapsed();
    int units = 0, commands = 0, maxCommands = 0;
    for (const HostSnapshot &s : std::as_const(second)) {
        units += int(s.units.size());
        commands += s.remoteCommands;
        maxCommands = std::max(maxCommands, s.remoteCommands);
    }
    std::printf("hosts=%lld units=%d gantry_ms=%lld gantry_commands=%d max_commands_per_host=%d "
                "baseline_ms=%lld baseline_commands=%d\n",
        qint64(ips.size()), units, gantryMs, commands, maxCommands, baselineMs, baselineCommands);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == u"generate"_s)
        return generate(args.value(2), args.value(3).toLongLong());
    if (mode == u"ingest-model"_s)
        return ingestModel(args.value(2));
    if (mode == u"ingest-gantry"_s || mode == u"ingest-baseline"_s)
        return ingest(args.value(2), mode == u"ingest-gantry"_s);
    if (mode == u"status"_s)
        return status(args.value(2), args.mid(3));
    std::fprintf(stderr,
        "usage: monitor_tool generate FILE N | ingest-model FILE | ingest-gantry FILE | ingest-baseline FILE "
        "| "
        "status KEY IP...\n");
    return 2;
}
