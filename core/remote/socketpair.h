#pragma once

#include <QCoreApplication>
#include <QtGlobal>

#include "core/common/error.h"

namespace Gantry {

// Two connected local stream sockets: what is sent on one end is received on the other. An SSH
// tunnel pumps one end and gives the other to the next SSH session as its connection. POSIX uses
// socketpair(AF_UNIX); Windows a loopback TCP pair, since WSAPoll and libssh need real sockets.
// The functions below are the few socket calls the tunnel needs, for both platforms.
class SocketPair final {
    Q_DECLARE_TR_FUNCTIONS(SocketPair)
public:
    using Socket = qintptr; // int on POSIX, SOCKET on Windows
    static constexpr Socket Invalid = -1;

    static Result<SocketPair> create();

    Socket pumpEnd = Invalid; // non-blocking
    Socket sessionEnd = Invalid; // blocking, as libssh expects of SSH_OPTIONS_FD

    static void close(Socket socket);
    // Bytes sent or received; 0 from receive() means the other end closed; -1 an error; -2 "would block".
    static qint64 send(Socket socket, const char *data, qint64 size);
    static qint64 receive(Socket socket, char *data, qint64 size);
    static constexpr qint64 WouldBlock = -2;
    // Waits at most `timeoutMs` until `local` is readable (or writable, with `wantWrite`) or
    // `remote` is readable. False on an error of the wait itself.
    static bool wait(Socket local, bool wantWrite, Socket remote, int timeoutMs);
};

} // namespace Gantry
