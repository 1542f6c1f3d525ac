#include "core/remote/deadpeer.h"

#include <winsock2.h>
#include <ws2tcpip.h>

// ws2ipdef.h of the Windows SDK has it (Vista and later); mingw-w64's headers do not.
#ifndef TCP_MAXRT
#define TCP_MAXRT 5
#endif

namespace Gantry {

void DeadPeer::limit(qintptr socket, std::chrono::seconds silence)
{
    const DWORD seconds = DWORD(silence.count());
    ::setsockopt(SOCKET(socket), IPPROTO_TCP, TCP_MAXRT, reinterpret_cast<const char *>(&seconds),
        int(sizeof seconds));
}

} // namespace Gantry
