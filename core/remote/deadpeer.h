#pragma once

#include <chrono>

#include <QtGlobal>

namespace Gantry {

// How long a TCP connection may leave sent data unacknowledged before the system drops it.
// SSH keep-alives are sent while a session is quiet; with this limit, a server that vanished
// without a word (a cut cable, a powered-off router: no reset ever comes) fails the session after
// about three unanswered keep-alives, instead of after the system's retransmission limit, which
// is many minutes. Linux: TCP_USER_TIMEOUT; Windows: TCP_MAXRT. Elsewhere, and for sockets that are
// not TCP (a tunnel's local end), it does nothing.
class DeadPeer final {
public:
    static void limit(qintptr socket, std::chrono::seconds silence);
};

} // namespace Gantry
