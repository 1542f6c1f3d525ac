#include "core/deploy/serviceops.h"

#include <thread>

#include <QElapsedTimer>
#include <QSysInfo>

#include "core/process/processalive.h"
#include "core/profile/systemdenvfile.h"

using namespace Qt::StringLiterals;

namespace Gantry {

QString ServiceOps::deployRoot(const QString &app)
{
    return u"/opt/gantry/"_s + app;
}

QString ServiceOps::unitName(const QString &app)
{
    return u"gantry-"_s + app + u".service"_s;
}

QString ServiceOps::envFilePath(const QString &app)
{
    return deployRoot(app) + u"/shared/"_s + app + u".env"_s;
}

Result<QList<ReleaseInfo>> ServiceOps::releases(RemoteHost &host, const QString &app)
{
    auto listed = host.runAsRoot(ReleaseLayout::listReleases(deployRoot(app)));
    if (!listed)
        return std::unexpected(listed.error());
    return ReleaseLayout::parseReleases(listed->stdOut);
}

ServiceOps::HealthWait ServiceOps::waitHealthy(RemoteHost &host, const DeploySettings &settings,
    const std::function<void(int, const QString &)> &onAttempt)
{
    HealthWait wait;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        ++wait.attempts;
        auto answer = host.session().httpGet(settings.servicePort, settings.healthPath, std::chrono::seconds(settings.healthTimeoutSecs));
        wait.last = answer ? *answer : SshSession::HttpResponse {};
        if (answer && answer->status >= 200 && answer->status < 400) {
            wait.healthy = true;
            wait.lastError.clear();
            return wait;
        }
        wait.lastError = answer ? tr("HTTP %1 from %2").arg(answer->status).arg(settings.healthPath) : answer.error().message;
        if (clock.elapsed() >= qint64(settings.startGraceSecs) * 1000)
            return wait;
        if (onAttempt)
            onAttempt(wait.attempts, wait.lastError);
        // A service usually answers within a second of its start: look early, then every interval.
        const auto early = std::chrono::milliseconds(100 << qMin(wait.attempts - 1, 4));
        std::this_thread::sleep_for(std::min<std::chrono::milliseconds>(early, std::chrono::seconds(settings.healthIntervalSecs)));
    }
}

Result<int> ServiceOps::rollback(RemoteHost &host, const QString &app, int to, const DeploySettings &settings, const QString &who, bool breakLock)
{
    const QString root = deployRoot(app);
    LockInfo info { who, QSysInfo::machineHostName(), QCoreApplication::applicationPid(), QDateTime::currentDateTimeUtc(), u"rollback"_s };
    auto locked = host.runAsRoot(ReleaseLayout::acquireLock(root, info, host.loginUser()), true);
    if (!locked)
        return std::unexpected(locked.error());
    if (locked->exitStatus == ReleaseLayout::LockedExitStatus) {
        const LockInfo holder = ReleaseLayout::parseLockHolder(locked->stdOut);
        const bool stale = holder.host == info.host && !isProcessAlive(holder.pid);
        if (!stale && !breakLock)
            return fail(tr("%1 is locked by %2 from %3 since %4.").arg(host.server().name, holder.who, holder.host, holder.time.toString(Qt::ISODate)),
                tr("Wait for that deploy to end, or break the lock with --break-lock."));
        host.runAsRoot(ReleaseLayout::breakLock(root));
        if (auto again = host.runAsRoot(ReleaseLayout::acquireLock(root, info, host.loginUser())); !again)
            return std::unexpected(again.error());
    } else if (locked->exitStatus != 0) {
        return fail(tr("Could not lock %1 on %2.").arg(root, host.server().name), {}, QString::fromUtf8(locked->stdErr));
    }
    const auto unlock = qScopeGuard([&] { host.runAsRoot(ReleaseLayout::releaseLock(root)); });

    auto list = releases(host, app);
    if (!list)
        return std::unexpected(list.error());
    const ReleaseInfo *current = nullptr;
    for (const ReleaseInfo &r : *list)
        if (r.isCurrent)
            current = &r;
    const ReleaseInfo *target = nullptr;
    for (const ReleaseInfo &r : *list) {
        const bool usable = r.exists && !r.bad && !r.isCurrent;
        if (to > 0 ? r.n == to : usable && (!current || r.n < current->n) && (!target || r.n > target->n))
            target = &r;
    }
    if (!target)
        return fail(to > 0 ? tr("Release %1 is not kept on %2.").arg(to).arg(host.server().name) : tr("There is no earlier good release on %1 to roll back to.").arg(host.server().name),
            tr("List the kept releases with gantryctl releases, and pick one that exists and is not marked bad."));
    if (target->bad || !target->exists || target->isCurrent)
        return fail(tr("Release %1 on %2 cannot be rolled back to: it is %3.").arg(target->n).arg(host.server().name, target->isCurrent ? tr("already current") : target->bad ? tr("marked bad") : tr("gone")),
            tr("Pick another release from gantryctl releases."));
    const QByteArray unit = RemoteHost::quote(unitName(app)).toUtf8();
    QByteArray script = "# roll back\nset -e\n" + ReleaseLayout::switchCurrent(root, target->n) + "systemctl reset-failed " + unit + " 2>/dev/null || true\nsystemctl restart " + unit + "\n";
    if (current)
        script += ReleaseLayout::markBad(root, current->n, current->version);
    if (auto back = host.runAsRoot(script); !back)
        return std::unexpected(back.error());
    const HealthWait health = waitHealthy(host, settings);
    if (!health.healthy)
        return fail(tr("Release %1 on %2 is current again but not healthy: %3").arg(target->n).arg(host.server().name, health.lastError),
            tr("Read the service's log (gantryctl logs, or the Logs page) and fix the cause."));
    return target->n;
}

Result<ServiceStatus> ServiceOps::status(RemoteHost &host, const QString &app, const DeploySettings &settings)
{
    ServiceStatus status;
    status.host = host.server().name;
    status.unit = unitName(app);
    auto shown = host.run(u"systemctl show --no-pager -p LoadState,ActiveState,SubState,MainPID,NRestarts,MemoryCurrent,CPUUsageNSec,ActiveEnterTimestamp "_s + RemoteHost::quote(status.unit));
    if (!shown)
        return std::unexpected(shown.error());
    QMap<QString, QString> props;
    for (const QByteArray &line : shown->stdOut.split('\n'))
        if (const qsizetype eq = line.indexOf('='); eq > 0)
            props.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    status.activeState = props.value(u"LoadState"_s) == u"not-found"_s ? tr("not installed") : props.value(u"ActiveState"_s);
    status.subState = props.value(u"SubState"_s);
    status.mainPid = props.value(u"MainPID"_s).toLongLong();
    status.restarts = props.value(u"NRestarts"_s).toInt();
    bool ok = false;
    status.memoryBytes = props.value(u"MemoryCurrent"_s).toLongLong(&ok);
    if (!ok)
        status.memoryBytes = -1;
    status.cpuNanos = props.value(u"CPUUsageNSec"_s).toLongLong(&ok);
    if (!ok)
        status.cpuNanos = -1;
    if (auto list = releases(host, app)) {
        for (const ReleaseInfo &r : *list)
            if (r.isCurrent)
                status.currentRelease = r.n, status.version = r.version;
    }
    if (status.activeState == u"active"_s) {
        auto answer = host.session().httpGet(settings.servicePort, settings.healthPath, std::chrono::seconds(settings.healthTimeoutSecs));
        if (answer) {
            status.healthStatus = answer->status;
            status.healthLatencyMs = int(answer->latency.count());
        } else {
            status.healthError = answer.error().message;
        }
    }
    return status;
}

Result<QList<EnvChange>> ServiceOps::envDiff(RemoteHost &host, const QString &app, const QList<EnvVariable> &next)
{
    auto current = host.readAsRoot(envFilePath(app));
    if (!current)
        return std::unexpected(current.error());
    QList<EnvVariable> before;
    if (*current) {
        auto parsed = SystemdEnvFile::parse(**current, envFilePath(app));
        if (!parsed)
            return std::unexpected(parsed.error());
        before = *parsed;
    }
    return EnvDiff::compute(before, next);
}

} // namespace Gantry
