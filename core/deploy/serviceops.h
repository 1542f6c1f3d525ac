#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include "core/deploy/deployrequest.h"
#include "core/deploy/envdiff.h"
#include "core/deploy/releaselayout.h"
#include "core/remote/remotehost.h"

namespace Gantry {

// What systemd and the health check say about a deployed service on one server.
struct ServiceStatus {
    QString host;
    QString unit;
    QString activeState; // active, inactive, failed, activating ... ("not installed" when absent)
    QString subState;
    qint64 mainPid = 0;
    int restarts = 0; // NRestarts
    qint64 memoryBytes = -1;
    qint64 cpuNanos = -1;
    QDateTime since;
    int currentRelease = 0;
    QString version; // of the current release
    int healthStatus = 0; // 0: no answer
    int healthLatencyMs = -1;
    QString healthError;
};

// Blocking operations on one deployed service, for a server's worker thread: releases,
// rollback, status and the env diff.
class ServiceOps final {
    Q_DECLARE_TR_FUNCTIONS(ServiceOps)
public:
    static QString deployRoot(const QString &app);
    static QString unitName(const QString &app);
    static QString envFilePath(const QString &app);

    static Result<QList<ReleaseInfo>> releases(RemoteHost &host, const QString &app);
    // Takes the deploy lock. A lock left by a Gantry of this machine that is gone is taken over,
    // and so is any lock with `breakLock`; otherwise the error names the holder.
    // Returns a note for the user ("took over a stale lock of ...") or an empty string.
    // `onAcquired` is passed to ReleaseLayout::acquireLock().
    static Result<QString> lock(RemoteHost &host, const ReleaseLayout &layout, const LockInfo &me,
        bool breakLock, const QByteArray &onAcquired = {});
    // Switches back to release `to` (0: the newest good release before the current one), restarts,
    // waits for health and marks the release rolled back from as bad. Returns the release now current.
    static Result<int> rollback(RemoteHost &host, const QString &app, int to, const DeploySettings &settings,
        const QString &who, bool breakLock);
    static Result<ServiceStatus> status(RemoteHost &host, const QString &app, const DeploySettings &settings);
    // The app's env file on this server against `next`; no file there is not an error (deployed false).
    static Result<EnvComparison> envDiff(RemoteHost &host, const QString &app, const QList<EnvVariable> &next,
        EnvDiff::Secrets secrets = EnvDiff::Secrets::Masked);
    struct HealthWait {
        bool healthy = false;
        SshSession::HttpResponse last; // the last answer (status 0: none)
        QString lastError; // why the last probe failed, for the user
        int attempts = 0;
    };
    // Polls the health path every interval until it answers 2xx/3xx or the start grace ends.
    static HealthWait waitHealthy(RemoteHost &host, const DeploySettings &settings,
        const std::function<void(int attempt, const QString &problem)> &onAttempt = {});
};

} // namespace Gantry
