#include "core/service/servicemanager.h"

#include "core/common/shellquote.h"
#include "core/service/supervisormanager.h"
#include "core/service/systemdmanager.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ServiceManager::ServiceManager(ServerLayout layout)
    : m_layout(std::move(layout))
{
}

ServiceManager::~ServiceManager() = default;

std::unique_ptr<ServiceManager> ServiceManager::create(ServiceManagerKind kind, const ServerLayout &layout)
{
    switch (kind) {
    case ServiceManagerKind::Supervisor:
        return std::make_unique<SupervisorManager>(layout);
    case ServiceManagerKind::Systemd:
        break;
    }
    return std::make_unique<SystemdManager>(layout);
}

QString ServiceManager::kindName(ServiceManagerKind kind)
{
    return kind == ServiceManagerKind::Supervisor ? u"supervisor"_s : u"systemd"_s;
}

std::optional<ServiceManagerKind> ServiceManager::kindFromName(const QString &name)
{
    if (name == u"systemd"_s)
        return ServiceManagerKind::Systemd;
    if (name == u"supervisor"_s)
        return ServiceManagerKind::Supervisor;
    return std::nullopt;
}

Result<ServiceManagerKind> ServiceManager::pick(
    const QString &choice, bool hasSystemd, bool hasSupervisor, const QString &serverName)
{
    if (const auto chosen = kindFromName(choice)) {
        if (*chosen == ServiceManagerKind::Systemd && !hasSystemd)
            return fail(tr("%1 is set to use systemd, but systemd does not run there.").arg(serverName),
                tr("Set the server's service manager to automatic or supervisor (Servers page, or gantryctl "
                   "server edit %1 --service-manager auto).")
                    .arg(serverName));
        if (*chosen == ServiceManagerKind::Supervisor && !hasSupervisor)
            return fail(
                tr("%1 is set to use supervisor, but supervisord does not run there.").arg(serverName),
                tr("Install supervisor on the server (apt-get install supervisor, or dnf install supervisor "
                   "and systemctl enable --now supervisord), or set the service manager to automatic."));
        return *chosen;
    }
    if (hasSystemd)
        return ServiceManagerKind::Systemd;
    if (hasSupervisor)
        return ServiceManagerKind::Supervisor;
    return fail(tr("%1 runs neither systemd nor supervisor, so Gantry has nothing to run the service with.")
                    .arg(serverName),
        tr("Install supervisor there (Debian and Ubuntu: apt-get install supervisor; RHEL and Fedora: dnf "
           "install supervisor), or pick a server with systemd. Nothing was changed on %1.")
            .arg(serverName));
}

QByteArray ServiceManager::systemdRuns()
{
    return "[ -d \"${GANTRY_SYSROOT-}/run/systemd/system\" ]";
}

QByteArray ServiceManager::supervisorRuns()
{
    // Debian and Ubuntu: /var/run/supervisor.sock; RHEL and Fedora: /run/supervisor/supervisor.sock.
    return "{ [ -S \"${GANTRY_SYSROOT-}/var/run/supervisor.sock\" ] || [ -S "
           "\"${GANTRY_SYSROOT-}/run/supervisor.sock\" ] "
           "|| [ -S \"${GANTRY_SYSROOT-}/run/supervisor/supervisor.sock\" ]; }";
}

QByteArray ServiceManager::writeEnv(
    const QByteArray &envFile, const QList<EnvVariable> &env, const QString &user) const
{
    Q_UNUSED(env)
    const QByteArray file = shellQuote(m_layout.envFile());
    return "f=" + file +
        "\nif [ -f \"$f\" ]; then cp -p \"$f\" \"$f.previous\"; else rm -f \"$f.previous\"; fi\n" +
        shellWriteFile(m_layout.envFile(), envFile, user + u':', u"0600"_s) + "echo 'ENV written'\n";
}

QByteArray ServiceManager::restore() const
{
    const QByteArray env = shellQuote(m_layout.envFile());
    return "if [ -f " + env + ".previous ]; then mv -f " + env + ".previous " + env + "; fi\n";
}

QByteArray ServiceManager::restoreServiceFile(const QByteArray &reload) const
{
    const QByteArray saved = shellQuote(m_layout.serviceFileBackup());
    return "if [ -f " + saved + " ]; then mv -f " + saved + " " + shellQuote(serviceFile()) + "; " + reload +
        "; fi\n";
}

} // namespace Gantry
