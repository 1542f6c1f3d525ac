#include "core/remote/hosttask.h"

#include "core/store/jumpchain.h"
#include "core/store/workspace.h"

namespace Gantry {

HostConnection HostConnection::to(const Workspace &workspace, const ServerRecord &server)
{
    HostConnection connection;
    connection.server = server;
    connection.knownHostsFile = workspace.knownHostsFile();
    connection.jumps = JumpChain::resolve(workspace, server);
    return connection;
}

} // namespace Gantry
