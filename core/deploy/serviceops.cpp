#include "core/deploy/serviceops.h"

#include <thread>

#include <QElapsedTimer>
#include <QLocale>
#include <QScopeGuard>
#include <QSysInfo>

#include "core/common/redactor.h"
#include "core/common/shellquote.h"
#include "core/deploy/releaseoutput.h"
#include "core/process/processalive.h"
#include "core/profile/systemdenvfile.h"
#include "core/service/supervisormanager.h"
#include "core/service/systemdmanager.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

Result<ServerLayout> layoutOf(const RemoteShell &host, const QString &app)
{
    return ServerLayout::forApp(app, host.pathPrefix());
}

} // namespace

QByteArray ServiceOps::detectManagers()
{
    return "if " + ServiceManager::systemdRuns() + "; then echo 'MANAGER systemd'; fi\nif " +
        ServiceManager::supervisorRuns() + "; then echo 'MANAGER supervisor'; fi\n";
}

Result<std::unique_ptr<ServiceManager>> ServiceOps::managerFrom(const QByteArray &output,
    const RemoteShell &host, const DeploySettings &settings, const ServerLayout &layout)
{
    const QList<QByteArray> lines = output.split('\n');
    const QString choice =
        host.server().serviceManager.isEmpty() ? settings.serviceManager : host.server().serviceManager;
    auto kind = ServiceManager::pick(
        choice, lines.contains("MANAGER systemd"), lines.contains("MANAGER supervisor"), host.server().name);
    if (!kind)
        return std::unexpected(kind.error());
    return ServiceManager::create(*kind, layout);
}

Result<std::unique_ptr<ServiceManager>> ServiceOps::findManager(
    RemoteShell &host, const DeploySettings &settings, const ServerLayout &layout)
{
    auto found = host.runAsRoot("# which service manager runs here\n" + detectManagers(), true, false);
    if (!found)
        return std::unexpected(found.error());
    return managerFrom(found->stdOut, host, settings, layout);
}

Result<QList<ReleaseInfo>> ServiceOps::releases(RemoteShell &host, const QString &app)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    auto list = host.runLayout(layout->releases().listReleases(), &ReleaseOutput::parseReleases);
    if (list)
        std::ranges::reverse(*list); // newest first
    return list;
}

Result<QString> ServiceOps::lock(RemoteShell &host, const ReleaseLayout &layout, const LockInfo &me,
    bool breakLock, const QByteArray &onAcquired, QByteArray *output)
{
    const auto acquire = [&]() -> Result<LockResult> {
        auto result = host.runAsRoot(layout.acquireLock(me, onAcquired), true, false);
        if (!result)
            return std::unexpected(result.error());
        if (output)
            *output = result->stdOut;
        return ReleaseOutput::parseLock(result->stdOut);
    };
    auto locked = acquire();
    if (!locked)
        return std::unexpected(locked.error());
    if (locked->acquired)
        return QString();
    const LockInfo &holder = locked->holder;
    // A Gantry of this machine that is gone left it behind.
    const bool stale = holder.host == me.host && holder.pid != me.pid && !isProcessAlive(holder.pid);
    if (!stale && !breakLock) {
        const QDateTime since = QDateTime::fromString(holder.time, Qt::ISODate);
        const QString who = holder.who.isEmpty() ? tr("someone") : holder.who;
        const QString from = holder.host.isEmpty() ? tr("an unknown machine") : holder.host;
        return std::unexpected(Error {
            tr("%1 is being deployed to by %2 from %3 (process %4) since %5, version %6.")
                .arg(host.server().name, who, from)
                .arg(holder.pid)
                .arg(since.isValid() ? QLocale::system().toString(since.toLocalTime(), QLocale::ShortFormat)
                                     : holder.time,
                    holder.version),
            tr("Wait for that deploy to end. If it is gone for good, break the lock: deploy again with "
               "--break-lock (or \"Break lock\" in the app)."),
            {}, ErrorKind::LockHeld, {}, tr("%1 from %2, pid %3").arg(who, from).arg(holder.pid) });
    }
    if (auto broken = host.runLayout(layout.breakLock(), &ReleaseOutput::parseUnlock); !broken)
        return std::unexpected(broken.error());
    auto again = acquire();
    if (!again)
        return std::unexpected(again.error());
    if (!again->acquired)
        return fail(ErrorKind::LockHeld,
            tr("Another deploy took the lock of %1 at the same moment.").arg(host.server().name),
            tr("Try again in a moment."));
    return stale ? tr("took over a stale lock of %1 from %2").arg(holder.who, holder.host)
                 : tr("broke the lock of %1 from %2").arg(holder.who, holder.host);
}

ServiceOps::HealthWait ServiceOps::waitHealthy(RemoteShell &host, const DeploySettings &settings,
    const std::function<void(int, const QString &)> &onAttempt)
{
    HealthWait wait;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        ++wait.attempts;
        auto answer = host.httpGet(
            settings.servicePort, settings.healthPath, std::chrono::seconds(settings.healthTimeoutSecs));
        wait.last = answer ? *answer : SshSession::HttpResponse {};
        if (answer && answer->status >= 200 && answer->status < 400) {
            wait.healthy = true;
            wait.lastError.clear();
            return wait;
        }
        wait.lastError = answer ? tr("HTTP %1 from %2").arg(answer->status).arg(settings.healthPath)
                                : answer.error().message;
        if (clock.elapsed() >= qint64(settings.startGraceSecs) * 1000)
            return wait;
        if (onAttempt)
            onAttempt(wait.attempts, wait.lastError);
        // A service usually answers within a second of its start: look early, then back off to the interval.
        const auto early = std::chrono::milliseconds(50 << qMin(wait.attempts - 1, 5));
        std::this_thread::sleep_for(
            std::min<std::chrono::milliseconds>(early, std::chrono::seconds(settings.healthIntervalSecs)));
    }
}

Result<int> ServiceOps::rollback(RemoteShell &host, const QString &app, int to,
    const DeploySettings &settings, const QString &who, bool breakLock)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    const ReleaseLayout &releases = layout->releases();
    const LockInfo me { who, QSysInfo::machineHostName(), QCoreApplication::applicationPid(), tr("rollback"),
        {} };
    // One trip: the lock, the service manager and the releases.
    QByteArray output;
    if (auto locked = lock(host, releases, me, breakLock,
            "(\n" + detectManagers() + releases.listReleases() + ")\n", &output);
        !locked)
        return std::unexpected(locked.error());
    const auto unlock =
        qScopeGuard([&] { host.runLayout(releases.releaseLock(), &ReleaseOutput::parseUnlock); });
    auto manager = managerFrom(output, host, settings, *layout);
    if (!manager)
        return std::unexpected(manager.error());
    auto list = ReleaseOutput::parseReleases(output.mid(output.indexOf("CURRENT ")));
    if (!list)
        return std::unexpected(list.error());
    std::ranges::reverse(*list); // newest first
    const auto current = std::ranges::find_if(*list, &ReleaseInfo::isCurrent);
    const auto usable = [&](const ReleaseInfo &r) {
        return r.exists && !r.incomplete && !r.isCurrent && r.status != ReleaseStatus::Bad &&
            r.status != ReleaseStatus::Failed;
    };
    // Newest first: the first usable release older than the current one.
    const auto target = std::ranges::find_if(*list, [&](const ReleaseInfo &r) {
        return to > 0 ? r.n == to : usable(r) && (current == list->end() || r.n < current->n);
    });
    if (target == list->end())
        return fail(to > 0
                ? tr("Release %1 is not kept on %2.").arg(to).arg(host.server().name)
                : tr("There is no earlier good release on %1 to roll back to.").arg(host.server().name),
            tr("List the kept releases with gantryctl releases, and pick one that exists and is not marked "
               "bad."));
    if (!usable(*target))
        return fail(tr("Release %1 on %2 cannot be rolled back to: it is %3.")
                        .arg(target->n)
                        .arg(host.server().name,
                            target->isCurrent    ? tr("already current")
                                : target->exists ? tr("marked bad")
                                                 : tr("pruned")),
            tr("Pick another release from gantryctl releases."));
    // One trip: switch, restart, and mark the release rolled back from as bad.
    QByteArray script =
        releases.switchCurrent(target->n) + releases.rootScript("restart", (*manager)->restart());
    if (current != list->end())
        script = "(\n" + script + ")\n" + releases.markBad(current->n);
    auto switched = host.runAsRoot(script, true, false);
    if (!switched)
        return std::unexpected(switched.error());
    if (auto ok = ReleaseOutput::parseSwitch(switched->stdOut); !ok)
        return std::unexpected(ok.error());
    if (!switched->stdOut.contains("RESTARTED"))
        return fail(tr("%1 could not restart %2 on %3.")
                        .arg((*manager)->displayName(), (*manager)->serviceName(), host.server().name),
            tr("Read the service's log (the Logs page) and fix the cause."),
            ReleaseOutput::failure(switched->stdOut.mid(switched->stdOut.indexOf("CURRENT "))).cause);
    const HealthWait health = waitHealthy(host, settings);
    if (!health.healthy)
        return fail(tr("Release %1 on %2 is current again but not healthy: %3")
                        .arg(target->n)
                        .arg(host.server().name, health.lastError),
            tr("Read the service's log (the Logs page) and fix the cause."));
    return target->n;
}

Result<ServiceStatus> ServiceOps::status(
    RemoteShell &host, const QString &app, const DeploySettings &settings)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    // One trip: the service manager, what it says, and the releases.
    const SystemdManager systemd(*layout);
    const SupervisorManager supervisor(*layout);
    const QByteArray script = "# the service's status\n" + detectManagers() + "echo '@@systemd'\n" + "if " +
        ServiceManager::systemdRuns() + "; then\n" + systemd.status() + "fi\necho '@@supervisor'\n" + "if " +
        ServiceManager::supervisorRuns() + "; then\n" + supervisor.status() + "fi\necho '@@releases'\n(\n" +
        layout->releases().listReleases() + ")\n";
    auto shown = host.runAsRoot(script, true, false);
    if (!shown)
        return std::unexpected(shown.error());
    const QByteArray &out = shown->stdOut;
    auto manager = managerFrom(out, host, settings, *layout);
    if (!manager)
        return std::unexpected(manager.error());
    const bool isSupervisor = (*manager)->kind() == ServiceManagerKind::Supervisor;
    const qsizetype from = out.indexOf(isSupervisor ? "@@supervisor\n" : "@@systemd\n");
    const qsizetype to = out.indexOf(isSupervisor ? "@@releases\n" : "@@supervisor\n");
    auto state = (*manager)->parseStatus(out.mid(from, to - from));
    if (!state)
        return std::unexpected(state.error());
    ServiceStatus status;
    status.host = host.server().name;
    status.unit = (*manager)->serviceName();
    status.manager = (*manager)->displayName();
    status.activeState = state->activeState;
    status.subState = state->subState;
    status.mainPid = state->mainPid;
    status.restarts = state->restarts;
    status.memoryBytes = state->memoryBytes;
    status.cpuNanos = state->cpuNanos;
    status.since = state->since;
    if (auto list = ReleaseOutput::parseReleases(out.mid(out.indexOf("@@releases\n") + 11))) {
        for (const ReleaseInfo &r : *list)
            if (r.isCurrent)
                status.currentRelease = r.n, status.version = r.version;
    }
    if (status.activeState == u"active"_s) {
        auto answer = host.httpGet(
            settings.servicePort, settings.healthPath, std::chrono::seconds(settings.healthTimeoutSecs));
        if (answer) {
            status.healthStatus = answer->status;
            status.healthLatencyMs = int(answer->latency.count());
        } else {
            status.healthError = answer.error().message;
        }
    }
    return status;
}

Result<void> ServiceOps::control(
    RemoteShell &host, const QString &app, const DeploySettings &settings, const QString &verb)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    auto manager = findManager(host, settings, *layout);
    if (!manager)
        return std::unexpected(manager.error());
    auto done = host.runAsRoot(
        layout->releases().rootScript(QByteArray(verb.toUtf8() + " the service"), (*manager)->control(verb)),
        true);
    if (!done)
        return std::unexpected(done.error());
    if (done->exitStatus != 0)
        return std::unexpected(ReleaseOutput::failure(done->stdOut));
    return {};
}

Result<QStringList> ServiceOps::logTail(
    RemoteShell &host, const QString &app, const DeploySettings &settings, int lines)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    auto manager = findManager(host, settings, *layout);
    if (!manager)
        return std::unexpected(manager.error());
    auto tail = host.runAsRoot("# the service's last log lines\n" + (*manager)->logTail(lines), true, false);
    if (!tail)
        return std::unexpected(tail.error());
    return Redactor::instance().redact(QString::fromUtf8(tail->stdOut)).split(u'\n', Qt::SkipEmptyParts);
}

Result<EnvComparison> ServiceOps::envDiff(
    RemoteShell &host, const QString &app, const QList<EnvVariable> &next, EnvDiff::Secrets secrets)
{
    auto layout = layoutOf(host, app);
    if (!layout)
        return std::unexpected(layout.error());
    EnvComparison comparison { layout->envFile(), false, {} };
    auto current = host.readAsRoot(comparison.path);
    if (!current)
        return std::unexpected(current.error());
    QList<EnvVariable> before;
    if (*current) {
        auto parsed = SystemdEnvFile::parse(**current, comparison.path);
        if (!parsed)
            return std::unexpected(parsed.error());
        before = *parsed;
        comparison.deployed = true;
    }
    comparison.changes = EnvDiff::compute(before, next, secrets);
    return comparison;
}

} // namespace Gantry
