#pragma once

#include <QCoreApplication>

#include "core/remote/hostprobe.h"
#include "core/remote/privilege.h"
#include "core/remote/sshtarget.h"

namespace Gantry {

class RemoteHost;

// What "Test Connection" in the app and `gantryctl server add/check` learn about a server.
struct ServerProbe {
    Q_DECLARE_TR_FUNCTIONS(ServerProbe)
public:
    HostFacts facts;
    Privilege::SudoKind sudo = Privilege::SudoKind::Unavailable;
    HostKeyInfo hostKey;

    // Blocking: runs on the server's worker thread. A sudo password is asked for now, so a wrong
    // one shows up here and not in the middle of a deploy.
    static Result<ServerProbe> run(RemoteHost &host);
    static QString sudoText(Privilege::SudoKind kind);
};

} // namespace Gantry
