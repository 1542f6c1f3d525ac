#include "core/monitor/hostmonitor.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

#include "core/common/logging.h"
#include "core/common/retiredthreads.h"
#include "core/monitor/cpumeter.h"
#include "core/monitor/hoststatusquery.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

struct HostMonitor::Worker {
    HostConnection connection;
    QList<MonitoredService> services;
    Options options;
    std::function<void(const HostSnapshot &)> deliver;

    std::mutex mutex;
    std::condition_variable wakeUp;
    bool stopping = false;
    bool refreshRequested = false;
    std::optional<QList<MonitoredService>> nextServices; // set by setServices(), taken by refresh()

    // Only the worker thread touches these.
    std::unique_ptr<RemoteHost> host;
    std::unique_ptr<Workspace> workspace;
    CpuMeter cpu;
    int failures = 0;
    // The journal's disk use is read on the first answer, then every Options::journalEvery
    // refreshes; the snapshots between carry the last reading.
    int sinceJournal = -1; // refreshes since the last reading; -1: none yet
    bool journalAsked = false;
    std::optional<qint64> journalBytes;
    std::optional<int> journalFsUsePercent;

    void run();
    bool stopped()
    {
        std::lock_guard lock(mutex);
        return stopping;
    }
    void waitFor(std::chrono::milliseconds delay)
    {
        std::unique_lock lock(mutex);
        wakeUp.wait_for(lock, delay, [this] { return stopping || refreshRequested; });
        refreshRequested = false;
    }
    HostSnapshot refresh();
    Result<HostStatus> query(HostSnapshot &snapshot);
    UnitSnapshot unitSnapshot(const UnitStatus &unit, const UnitUsage &usage, const HostStatus &status) const;
    void probe(UnitSnapshot &unit, const MonitoredService &service);
    void store(const HostSnapshot &snapshot);
};

const UnitSnapshot *HostSnapshot::unit(const QString &app) const
{
    const auto it = std::ranges::find(units, app, &UnitSnapshot::app);
    return it == units.end() ? nullptr : &*it;
}

void HostMonitor::Worker::run()
{
    if (!options.workspaceDir.isEmpty()) {
        auto opened = Workspace::open(options.workspaceDir);
        if (opened)
            workspace = std::move(*opened);
        else
            qCWarning(lcSsh).noquote() << "monitor: no health samples:" << opened.error().toString();
    }
    while (!stopped()) {
        const HostSnapshot snapshot = refresh();
        if (stopped())
            break;
        store(snapshot);
        deliver(snapshot);
        waitFor(snapshot.nextRefresh);
    }
    host.reset();
}

Result<HostStatus> HostMonitor::Worker::query(HostSnapshot &snapshot)
{
    if (!host) {
        if (!connection.jumps)
            return std::unexpected(connection.jumps.error());
        host = std::make_unique<RemoteHost>(
            connection.server, connection.knownHostsFile, connection.prompter, RemoteHost::LineSink());
        host->setConnectTimeout(options.connectTimeout);
        host->setJumps(*connection.jumps);
        host->setKeepGoing([this] { return !stopped(); });
        if (auto connected = host->connect(connection.policy); !connected) {
            host.reset();
            return std::unexpected(connected.error());
        }
    }
    QStringList apps;
    for (const MonitoredService &service : std::as_const(services))
        apps << service.app;
    journalAsked = options.journalEvery > 0 && (sinceJournal < 0 || sinceJournal + 1 >= options.journalEvery);
    const Result<QByteArray> script = HostStatusQuery::script(apps, journalAsked);
    if (!script)
        return std::unexpected(script.error());
    ++snapshot.remoteCommands;
    Result<SshSession::ExecResult> answer;
    if (host->sudoKind() == Privilege::SudoKind::Unavailable) {
        SshSession::ExecOptions plain; // no root: every status but the versions
        plain.stdinData = *script;
        answer = host->session().exec(u"sh -s"_s, plain);
    } else {
        answer = host->runAsRoot(*script, true, false);
    }
    if (!answer) {
        host.reset(); // the next attempt connects again
        return std::unexpected(answer.error());
    }
    return HostStatusQuery::parse(answer->stdOut);
}

UnitSnapshot HostMonitor::Worker::unitSnapshot(
    const UnitStatus &unit, const UnitUsage &usage, const HostStatus &status) const
{
    UnitSnapshot s;
    s.app = unit.app;
    s.unit = unit.id;
    s.loadState = unit.loadState;
    s.activeState = unit.activeState;
    s.subState = unit.subState;
    s.mainPid = unit.mainPid;
    s.restarts = unit.nRestarts;
    s.uptimeMSec = usage.uptimeMSec;
    s.cpuPercent = usage.cpuPercent;
    s.usageOfMainProcess = unit.usageOfMainProcess;
    s.memoryBytes = unit.memoryBytes;
    const CurrentRelease release = status.releases.value(unit.app);
    s.release = release.n;
    s.version = release.version;
    return s;
}

void HostMonitor::Worker::probe(UnitSnapshot &unit, const MonitoredService &service)
{
    unit.project = service.project;
    if (unit.activeState != u"active"_s)
        return;
    unit.healthProbed = true;
    auto answer = host->session().httpGet(service.port, service.healthPath, service.healthTimeout);
    if (!answer) {
        unit.healthError = answer.error().message;
        return;
    }
    unit.healthStatus = answer->status;
    unit.healthLatencyMs = int(answer->latency.count());
    if (!unit.healthy())
        unit.healthError = HostMonitor::tr("HTTP %1 from %2").arg(answer->status).arg(service.healthPath);
}

HostSnapshot HostMonitor::Worker::refresh()
{
    {
        std::lock_guard lock(mutex);
        if (nextServices)
            services = *std::exchange(nextServices, std::nullopt);
    }
    HostSnapshot snapshot;
    snapshot.server = connection.server.name;
    QElapsedTimer clock;
    clock.start();
    const Result<HostStatus> status = query(snapshot);
    if (!status) {
        ++failures;
        cpu.reset();
        snapshot.state = HostState::Unreachable;
        snapshot.problem = status.error();
    } else {
        failures = 0;
        snapshot.state = HostState::Online;
        const QList<UnitUsage> usage = cpu.update(status->report);
        for (qsizetype i = 0; i < status->report.units.size(); ++i) {
            UnitSnapshot unit = unitSnapshot(status->report.units.at(i), usage.value(i), *status);
            for (const MonitoredService &service : std::as_const(services))
                if (service.app == unit.app && !stopped())
                    probe(unit, service);
            snapshot.units << unit;
        }
        if (journalAsked) {
            journalBytes = status->journalBytes;
            journalFsUsePercent = status->journalFsUsePercent;
            sinceJournal = 0;
        } else {
            ++sinceJournal;
        }
        snapshot.journalBytes = journalBytes;
        snapshot.journalFsUsePercent = journalFsUsePercent;
        snapshot.journalWarning = snapshot.journalBytes.value_or(0) >= options.journalWarnBytes ||
            snapshot.journalFsUsePercent.value_or(0) >= options.journalWarnFsPercent;
    }
    snapshot.failures = failures;
    snapshot.cycleMSec = clock.elapsed();
    snapshot.time = QDateTime::currentDateTimeUtc();
    snapshot.nextRefresh =
        failures ? HostMonitor::backoff(failures, options.interval, options.maxBackoff) : options.interval;
    return snapshot;
}

void HostMonitor::Worker::store(const HostSnapshot &snapshot)
{
    if (!workspace || snapshot.state != HostState::Online)
        return;
    QList<HealthSample> samples;
    for (const UnitSnapshot &u : snapshot.units)
        samples << HealthSample { snapshot.server, u.unit, snapshot.time, u.activeState,
            u.cpuPercent.value_or(0), qint64(u.memoryBytes.value_or(0)), u.restarts,
            u.healthy() ? u.healthLatencyMs : -1 };
    if (auto ok = workspace->addHealthSamples(samples); !ok)
        qCWarning(lcSsh).noquote() << "monitor: health samples not stored:" << ok.error().toString();
}

HostMonitor::HostMonitor(
    HostConnection connection, QList<MonitoredService> services, Options options, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_shared<Worker>())
{
    m_worker->connection = std::move(connection);
    m_worker->services = std::move(services);
    m_worker->options = std::move(options);
}

HostMonitor::~HostMonitor()
{
    stop();
}

QString HostMonitor::server() const
{
    return m_worker->connection.server.name;
}

void HostMonitor::start()
{
    if (m_thread)
        return;
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->stopping = false;
    }
    QPointer<HostMonitor> self(this);
    Worker *worker = m_worker.get();
    m_worker->deliver = [self, worker](const HostSnapshot &snapshot) {
        if (self)
            QMetaObject::invokeMethod(
                self,
                [self, worker, snapshot] {
                    // stop() drops what was still on its way, and a stopped worker's last one
                    if (self && self->m_thread && self->m_worker.get() == worker)
                        emit self->snapshotReady(snapshot);
                },
                Qt::QueuedConnection);
    };
    m_thread = QThread::create([worker = m_worker] { worker->run(); });
    m_thread->setObjectName(u"monitor "_s + server());
    m_thread->start();
}

void HostMonitor::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->stopping = true;
    }
    m_worker->wakeUp.notify_all();
    // The worker ends by itself; this thread never waits for it (it may sit in a connect).
    auto fresh = std::make_shared<Worker>();
    fresh->connection = m_worker->connection;
    {
        std::lock_guard lock(m_worker->mutex);
        fresh->services = m_worker->nextServices.value_or(m_worker->services);
    }
    fresh->options = m_worker->options;
    m_worker = std::move(fresh);
    retireThread(std::exchange(m_thread, nullptr));
}

void HostMonitor::setServices(QList<MonitoredService> services)
{
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->nextServices = std::move(services);
        m_worker->refreshRequested = true;
    }
    m_worker->wakeUp.notify_all();
}

void HostMonitor::refreshNow()
{
    {
        std::lock_guard lock(m_worker->mutex);
        m_worker->refreshRequested = true;
    }
    m_worker->wakeUp.notify_all();
}

std::chrono::milliseconds HostMonitor::backoff(
    int failures, std::chrono::milliseconds interval, std::chrono::milliseconds maxBackoff)
{
    std::chrono::milliseconds delay = interval;
    for (int i = 1; i < failures && delay < maxBackoff; ++i)
        delay *= 2;
    return std::min(delay, maxBackoff);
}

} // namespace Gantry
