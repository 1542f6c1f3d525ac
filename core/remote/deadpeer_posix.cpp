#include "core/remote/deadpeer.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace Gantry {

void DeadPeer::limit(qintptr socket, std::chrono::seconds silence)
{
#ifdef TCP_USER_TIMEOUT
    const unsigned int ms = unsigned(std::chrono::milliseconds(silence).count());
    ::setsockopt(int(socket), IPPROTO_TCP, TCP_USER_TIMEOUT, &ms, sizeof ms); // fails harmlessly on AF_UNIX
#else
    Q_UNUSED(socket);
    Q_UNUSED(silence);
#endif
}

} // namespace Gantry
