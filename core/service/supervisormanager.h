#pragma once

#include "core/service/servicemanager.h"

namespace Gantry {

// supervisor, where there is no systemd (containers, some VPS images, WSL): a program in
// /etc/supervisor/conf.d/gantry-<app>.conf, `supervisorctl`, and bounded log files under
// shared/logs. The program starts through a small root-owned wrapper that reads the profile's
// variables from a 0600 file of the service user, so no secret is on a command line or in the
// world-readable conf.
class SupervisorManager final : public ServiceManager {
    Q_DECLARE_TR_FUNCTIONS(SupervisorManager)
public:
    explicit SupervisorManager(ServerLayout layout);

    ServiceManagerKind kind() const override { return ServiceManagerKind::Supervisor; }
    QString serviceName() const override;
    QString serviceFile() const override;
    Result<QByteArray> renderServiceFile(const UnitSpec &spec) const override;
    QByteArray isActive() const override;
    QByteArray writeEnv(
        const QByteArray &envFile, const QList<EnvVariable> &env, const QString &user) const override;
    QByteArray install(const QByteArray &serviceFile) const override;
    QByteArray restore() const override;
    QByteArray restart() const override;
    QByteArray control(const QString &verb) const override;
    QByteArray status() const override;
    Result<ServiceState> parseStatus(const QByteArray &output) const override;
    QByteArray logTail(int lines) const override;

    QString wrapperPath() const; // <root>/gantry-run
    QString shellEnvFile() const; // shared/<app>.env.sh, what the wrapper reads
    QString logFile() const; // shared/logs/<app>.log (stdout and stderr)
    // supervisord's own log, where it notes each exit of a program.
    QString supervisordLog() const;
    // The env file for `sh` to read: NAME='value' lines. Names sh cannot export are left out.
    static QByteArray renderShellEnv(const QList<EnvVariable> &env);
    // One word of `command=`: supervisor splits it like a POSIX shell, and expands %(...)s.
    static QString quoteArgument(const QString &arg);

private:
    QByteArray wrapper() const;
    QByteArray reload() const;
};

} // namespace Gantry
