#pragma once

#include <atomic>
#include <memory>

#include <QCoreApplication>

#include "core/common/error.h"
#include "core/remote/socketpair.h"
#include "core/remote/sshprompter.h"
#include "core/remote/sshtarget.h"

class QThread;

namespace Gantry {

// One hop of a ProxyJump chain: an SSH session to a jump server with a direct-tcpip channel from
// there to the next hop's host and port, offered here as a local socket. The jump session lives
// on a thread of its own from connect to disconnect and pumps bytes between the channel and one
// end of a SocketPair; the next session gets the other end (SSH_OPTIONS_FD), so it and its
// channels stay on the caller's thread, unchanged.
class SshTunnel final {
    Q_DECLARE_TR_FUNCTIONS(SshTunnel)
public:
    // Connects to `jump` (over `over` when the jump server is itself reached through a tunnel),
    // checking its host key and logging in exactly like a direct connection, opens the channel to
    // `next` and returns once bytes may flow. Errors say which hop failed and why.
    // The tunnel behind `previous` (if any) is kept, and closed after this one.
    static Result<std::unique_ptr<SshTunnel>> open(const SshTarget &jump, const SshTarget &next,
        std::unique_ptr<SshTunnel> previous, const HostKeyPolicy &policy, SshPrompter *prompter);
    // Every hop of `target.jumps`, each through the one before: the last tunnel reaches `target`.
    static Result<std::unique_ptr<SshTunnel>> openChain(
        const SshTarget &target, const HostKeyPolicy &policy, SshPrompter *prompter);
    // Stops pumping, closes the channel and the jump session, and joins the thread.
    ~SshTunnel();
    Q_DISABLE_COPY_MOVE(SshTunnel)

    // The end for the next session; that session owns it from now on (libssh closes it).
    SocketPair::Socket takeSocket();

private:
    SshTunnel() = default;
    struct Pump;
    std::shared_ptr<Pump> m_pump;
    std::unique_ptr<QThread> m_thread;
    SocketPair::Socket m_sessionEnd = SocketPair::Invalid;
    std::unique_ptr<SshTunnel> m_previous; // the jump session's own connection, for a multi-hop chain
};

} // namespace Gantry
