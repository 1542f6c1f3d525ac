#include "core/deploy/serverprobe.h"

#include "core/remote/remotehost.h"

using namespace Qt::StringLiterals;

namespace Gantry {

Result<ServerProbe> ServerProbe::run(RemoteHost &host)
{
    ServerProbe result;
    result.hostKey = host.session().hostKey();
    auto out = host.run(QString::fromUtf8(HostProbe::script(u"/opt/gantry"_s, 0)));
    if (!out)
        return std::unexpected(out.error());
    auto facts = HostProbe::parse(out->stdOut);
    if (!facts)
        return std::unexpected(facts.error());
    result.facts = *facts;
    result.sudo = host.sudoKind();
    if (result.sudo == Privilege::SudoKind::Password) {
        if (auto root = host.runAsRoot("# check sudo\nid -u\n"); !root)
            return std::unexpected(root.error());
    }
    return result;
}

QString ServerProbe::sudoText(Privilege::SudoKind kind)
{
    switch (kind) {
    case Privilege::SudoKind::Root:
        return tr("logged in as root");
    case Privilege::SudoKind::NoPassword:
        return tr("sudo without a password");
    case Privilege::SudoKind::Password:
        return tr("sudo with a password");
    case Privilege::SudoKind::Unavailable:
        break;
    }
    return tr("no sudo");
}

} // namespace Gantry
