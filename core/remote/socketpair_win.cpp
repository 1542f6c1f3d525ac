#include "core/remote/socketpair.h"

// WSAPoll needs Windows Vista's API level (mingw may default to an older one).
#if !defined(_WIN32_WINNT) || _WIN32_WINNT < 0x0600
#undef _WIN32_WINNT
#define _WIN32_WINNT 0x0600
#endif

#include <winsock2.h>
#include <ws2tcpip.h>

namespace Gantry {

namespace {

QString lastSocketError()
{
    return QString::number(WSAGetLastError());
}

std::unexpected<Error> failed()
{
    return fail(SocketPair::tr("Gantry could not create a local socket for the SSH tunnel."),
        SocketPair::tr("Check that no security program blocks connections to 127.0.0.1, then try again."),
        lastSocketError());
}

} // namespace

// A listening socket on 127.0.0.1 with a port the system picks, one connection to it, accepted:
// the two connected ends. The listener is closed again at once.
Result<SocketPair> SocketPair::create()
{
    WSADATA data;
    if (WSAStartup(MAKEWORD(2, 2), &data) != 0)
        return failed();
    SOCKET listener = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (listener == INVALID_SOCKET)
        return failed();
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    int length = sizeof address;
    SOCKET client = INVALID_SOCKET;
    SOCKET server = INVALID_SOCKET;
    const bool ok = ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::listen(listener, 1) == 0 &&
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0 &&
        (client = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)) != INVALID_SOCKET &&
        ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        (server = ::accept(listener, nullptr, nullptr)) != INVALID_SOCKET;
    ::closesocket(listener);
    if (!ok) {
        auto error = failed();
        if (client != INVALID_SOCKET)
            ::closesocket(client);
        return error;
    }
    u_long nonBlocking = 1;
    ::ioctlsocket(server, FIONBIO, &nonBlocking);
    BOOL noDelay = TRUE;
    ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char *>(&noDelay), sizeof noDelay);
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char *>(&noDelay), sizeof noDelay);
    SocketPair pair;
    pair.pumpEnd = Socket(server);
    pair.sessionEnd = Socket(client);
    return pair;
}

void SocketPair::close(Socket socket)
{
    if (socket != Invalid)
        ::closesocket(SOCKET(socket));
}

qint64 SocketPair::send(Socket socket, const char *data, qint64 size)
{
    const int n = ::send(SOCKET(socket), data, int(qMin<qint64>(size, 1 << 20)), 0);
    if (n == SOCKET_ERROR)
        return WSAGetLastError() == WSAEWOULDBLOCK ? WouldBlock : -1;
    return n;
}

qint64 SocketPair::receive(Socket socket, char *data, qint64 size)
{
    const int n = ::recv(SOCKET(socket), data, int(qMin<qint64>(size, 1 << 20)), 0);
    if (n == SOCKET_ERROR)
        return WSAGetLastError() == WSAEWOULDBLOCK ? WouldBlock : -1;
    return n;
}

bool SocketPair::wait(Socket local, bool wantWrite, Socket remote, int timeoutMs)
{
    WSAPOLLFD fds[2] = { { SOCKET(local), SHORT(POLLRDNORM | (wantWrite ? POLLWRNORM : 0)), 0 },
        { SOCKET(remote), POLLRDNORM, 0 } };
    return ::WSAPoll(fds, remote == Invalid ? 1 : 2, timeoutMs) != SOCKET_ERROR;
}

} // namespace Gantry
