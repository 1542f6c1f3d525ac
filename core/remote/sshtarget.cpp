#include "core/remote/sshtarget.h"

#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace Gantry {

std::chrono::seconds SshTarget::keepAliveFromEnvironment()
{
    // Like OpenSSH's ServerAliveInterval, for a link that drops quiet connections sooner.
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("GANTRY_SSH_KEEPALIVE", &ok);
    return ok && seconds >= 1 && seconds <= 3600 ? std::chrono::seconds(seconds) : std::chrono::seconds(15);
}

QString SshTarget::display() const
{
    return u"%1@%2:%3"_s.arg(user, host).arg(port);
}

QString SshTarget::label() const
{
    return name.isEmpty() ? host : name;
}

SshTarget SshTarget::fromServer(const ServerRecord &server, const QList<ServerRecord> &jumps,
    const QString &knownHostsFile, std::chrono::seconds connectTimeout)
{
    SshTarget target;
    target.name = server.name;
    target.host = server.address;
    target.port = server.port;
    target.user = server.user.isEmpty() ? u"root"_s : server.user;
    target.auth = server.auth;
    target.keyFile = server.keyFile;
    target.knownHostsFile = knownHostsFile;
    target.connectTimeout = connectTimeout;
    target.keepAlive = keepAliveFromEnvironment();
    for (const ServerRecord &jump : jumps)
        target.jumps.push_back(fromServer(jump, {}, knownHostsFile, connectTimeout));
    return target;
}

} // namespace Gantry
