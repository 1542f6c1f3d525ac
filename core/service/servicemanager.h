#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include "core/common/error.h"
#include "core/profile/envvariable.h"
#include "core/service/serverlayout.h"
#include "core/service/systemdunit.h"

namespace Gantry {

enum class ServiceManagerKind { Systemd, Supervisor };

// What the service manager says about one service.
struct ServiceState {
    QString activeState; // active, activating, inactive, failed; "not installed" when absent
    QString subState; // the manager's own word (running, BACKOFF ...)
    qint64 mainPid = 0;
    int restarts = 0; // unexpected exits the manager restarted it after
    qint64 memoryBytes = -1;
    qint64 cpuNanos = -1;
    QDateTime since; // when it last became active
};

// The one place that knows how a service is installed, started, stopped, restarted, queried and
// read for logs on one kind of Linux host. The deploy engine, rollbacks, the Health page and
// gantryctl ask it, never systemd or supervisor directly.
//
// Its scripts are POSIX sh fragments for ReleaseLayout-style root scripts: `fail CODE DETAIL`
// is defined, `$root` is the deploy root. A fragment prints result lines of its own
// ("SERVICE installed", "RESTARTED") and fails with "ERROR <code> ...".
class ServiceManager {
    Q_DECLARE_TR_FUNCTIONS(ServiceManager)
public:
    explicit ServiceManager(ServerLayout layout);
    virtual ~ServiceManager();
    Q_DISABLE_COPY_MOVE(ServiceManager)

    static std::unique_ptr<ServiceManager> create(ServiceManagerKind kind, const ServerLayout &layout);
    static QString kindName(ServiceManagerKind kind); // "systemd", "supervisor"
    static std::optional<ServiceManagerKind> kindFromName(const QString &name);
    // Which manager a host uses: `choice` ("systemd", "supervisor") when given, else what the
    // host probe found. None (with the error naming both ways out) when it has neither.
    static Result<ServiceManagerKind> pick(
        const QString &choice, bool hasSystemd, bool hasSupervisor, const QString &serverName);

    // sh conditions, true when systemd (PID 1) or supervisord (its control socket) runs on the
    // host. Paths are under $GANTRY_SYSROOT when a sandbox sets it.
    static QByteArray systemdRuns();
    static QByteArray supervisorRuns();

    const ServerLayout &layout() const { return m_layout; }
    virtual ServiceManagerKind kind() const = 0;
    QString displayName() const { return kindName(kind()); }
    virtual QString serviceName() const = 0; // gantry-<app>.service, gantry-<app>
    virtual QString serviceFile() const = 0; // the unit or program file on the server
    virtual Result<QByteArray> renderServiceFile(const UnitSpec &spec) const = 0;

    // Exits 0 when the service runs; prints nothing.
    virtual QByteArray isActive() const = 0;
    // Writes the env file (and whatever else the service reads it through), keeping the previous
    // one for restore(); prints "ENV written".
    virtual QByteArray writeEnv(
        const QByteArray &envFile, const QList<EnvVariable> &env, const QString &user) const;
    // Installs the service file (the previous one kept for restore()); the service keeps
    // running as it was until restart(). Prints "SERVICE installed".
    virtual QByteArray install(const QByteArray &serviceFile) const = 0;
    // Puts back the env file and service file install() and writeEnv() replaced.
    virtual QByteArray restore() const;
    // (Re)starts the service from `current`: prints "RESTARTED", or fails with restart-failed.
    virtual QByteArray restart() const = 0;
    // start, stop or restart, for the Health page's buttons and a failed first release.
    virtual QByteArray control(const QString &verb) const = 0;
    // Prints the lines parseStatus() reads.
    virtual QByteArray status() const = 0;
    virtual Result<ServiceState> parseStatus(const QByteArray &output) const = 0;
    // The service's last `lines` log lines, oldest first.
    virtual QByteArray logTail(int lines) const = 0;

protected:
    // Restores the service file from layout().serviceFileBackup() and runs `reload`.
    QByteArray restoreServiceFile(const QByteArray &reload) const;

private:
    ServerLayout m_layout;
};

} // namespace Gantry
