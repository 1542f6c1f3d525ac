#include "core/deploy/serviceops.h"

#include <thread>

#include <QElapsedTimer>
#include <QLocale>
#include <QScopeGuard>
#include <QSysInfo>

#include "core/common/shellquote.h"
#include "core/deploy/releaseoutput.h"
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
    auto layout = ReleaseLayout::forRoot(deployRoot(app));
    if (!layout)
        return std::unexpected(layout.error());
    auto list = host.runLayout(layout->listReleases(), &ReleaseOutput::parseReleases);
    if (list)
        std::ranges::reverse(*list); // newest first
    return list;
}

Result<QString> ServiceOps::lock(RemoteHost &host, const ReleaseLayout &layout, const LockInfo &me,
    bool breakLock, const QByteArray &onAcquired)
{
    auto locked = host.runLayout(layout.acquireLock(me, onAcquired), &ReleaseOutput::parseLock);
    if (!locked)
        return std::unexpected(locked.error());
    if (locked->acquired)
        return QString();
    const LockInfo &holder = locked->holder;
    // A Gantry of this machine that is gone left it behind.
    const bool stale = holder.host == me.host && holder.pid != me.pid && !isProcessAlive(holder.pid);
    if (!stale && !breakLock) {
        const QDateTime since = QDateTime::fromString(holder.time, Qt::ISODate);
        return fail(
            tr("%1 is being deployed to by %2 from %3 (process %4) since %5, version %6.")
                .arg(host.server().name, holder.who.isEmpty() ? tr("someone") : holder.who,
                    holder.host.isEmpty() ? tr("an unknown machine") : holder.host)
                .arg(holder.pid)
                .arg(since.isValid() ? QLocale::system().toString(since.toLocalTime(), QLocale::ShortFormat)
                                     : holder.time,
                    holder.version),
            tr("Wait for that deploy to end. If it is gone for good, break the lock: deploy again with "
               "--break-lock (or \"Break lock\" in the app)."));
    }
    if (auto broken = host.runLayout(layout.breakLock(), &ReleaseOutput::parseUnlock); !broken)
        return std::unexpected(broken.error());
    auto again = host.runLayout(layout.acquireLock(me, onAcquired), &ReleaseOutput::parseLock);
    if (!again)
        return std::unexpected(again.error());
    if (!again->acquired)
        return fail(tr("Another deploy took the lock of %1 at the same moment.").arg(host.server().name),
            tr("Try again in a moment."));
    return stale ? tr("took over a stale lock of %1 from %2").arg(holder.who, holder.host)
                 : tr("broke the lock of %1 from %2").arg(holder.who, holder.host);
}

ServiceOps::HealthWait ServiceOps::waitHealthy(RemoteHost &host, const DeploySettings &settings,
    const std::function<void(int, const QString &)> &onAttempt)
{
    HealthWait wait;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        ++wait.attempts;
        auto answer = host.session().httpGet(
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
        // A service usually answers within a second of its start: look early, then every interval.
        const auto early = std::chrono::milliseconds(50 << qMin(wait.attempts - 1, 5));
        std::this_thread::sleep_for(
            std::min<std::chrono::milliseconds>(early, std::chrono::seconds(settings.healthIntervalSecs)));
    }
}

Result<int> ServiceOps::rollback(RemoteHost &host, const QString &app, int to, const DeploySettings &settings,
    const QString &who, bool breakLock)
{
    auto layout = ReleaseLayout::forRoot(deployRoot(app));
    if (!layout)
        return std::unexpected(layout.error());
    const LockInfo me { who, QSysInfo::machineHostName(), QCoreApplication::applicationPid(), tr("rollback"),
        {} };
    if (auto locked = lock(host, *layout, me, breakLock); !locked)
        return std::unexpected(locked.error());
    const auto unlock =
        qScopeGuard([&] { host.runLayout(layout->releaseLock(), &ReleaseOutput::parseUnlock); });

    auto list = releases(host, app);
    if (!list)
        return std::unexpected(list.error());
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
    if (auto switched = host.runLayout(layout->switchCurrent(target->n), &ReleaseOutput::parseSwitch);
        !switched)
        return std::unexpected(switched.error());
    const QByteArray unit = shellQuote(unitName(app));
    if (auto restarted = host.runAsRoot("# restart " + unit + "\nsystemctl reset-failed " + unit +
            " 2>/dev/null || true\nsystemctl restart " + unit + "\n");
        !restarted)
        return std::unexpected(restarted.error());
    if (current != list->end())
        host.runLayout(layout->markBad(current->n), &ReleaseOutput::parseRecord);
    const HealthWait health = waitHealthy(host, settings);
    if (!health.healthy)
        return fail(tr("Release %1 on %2 is current again but not healthy: %3")
                        .arg(target->n)
                        .arg(host.server().name, health.lastError),
            tr("Read the service's log (the Logs page) and fix the cause."));
    return target->n;
}

Result<ServiceStatus> ServiceOps::status(RemoteHost &host, const QString &app, const DeploySettings &settings)
{
    ServiceStatus status;
    status.host = host.server().name;
    status.unit = unitName(app);
    auto shown = host.run(
        u"systemctl show --no-pager -p LoadState,ActiveState,SubState,MainPID,NRestarts,MemoryCurrent,CPUUsageNSec,ActiveEnterTimestamp "_s +
        QString::fromUtf8(shellQuote(status.unit)));
    if (!shown)
        return std::unexpected(shown.error());
    QMap<QString, QString> props;
    for (const QByteArray &line : shown->stdOut.split('\n'))
        if (const qsizetype eq = line.indexOf('='); eq > 0)
            props.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    status.activeState =
        props.value(u"LoadState"_s) == u"not-found"_s ? tr("not installed") : props.value(u"ActiveState"_s);
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
        auto answer = host.session().httpGet(
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

Result<EnvComparison> ServiceOps::envDiff(
    RemoteHost &host, const QString &app, const QList<EnvVariable> &next, EnvDiff::Secrets secrets)
{
    EnvComparison comparison { envFilePath(app), false, {} };
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
