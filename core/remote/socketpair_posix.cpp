#include "core/remote/socketpair.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Gantry {

Result<SocketPair> SocketPair::create()
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return fail(tr("Gantry could not create a local socket for the SSH tunnel."),
            tr("Close other programs (too many open files?) and try again."),
            QString::fromLocal8Bit(std::strerror(errno)));
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    SocketPair pair;
    pair.pumpEnd = fds[0];
    pair.sessionEnd = fds[1];
    return pair;
}

void SocketPair::close(Socket socket)
{
    if (socket != Invalid)
        ::close(int(socket));
}

qint64 SocketPair::send(Socket socket, const char *data, qint64 size)
{
    const ssize_t n = ::send(int(socket), data, size_t(size), MSG_NOSIGNAL);
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? WouldBlock : -1;
    return n;
}

qint64 SocketPair::receive(Socket socket, char *data, qint64 size)
{
    const ssize_t n = ::recv(int(socket), data, size_t(size), 0);
    if (n < 0)
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? WouldBlock : -1;
    return n;
}

bool SocketPair::wait(Socket local, bool wantWrite, Socket remote, int timeoutMs)
{
    pollfd fds[2] = { { int(local), short(POLLIN | (wantWrite ? POLLOUT : 0)), 0 },
        { int(remote), POLLIN, 0 } };
    const int n = ::poll(fds, remote == Invalid ? 1 : 2, timeoutMs);
    return n >= 0 || errno == EINTR;
}

} // namespace Gantry
