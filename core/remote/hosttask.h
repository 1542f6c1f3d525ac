#pragma once

#include <functional>
#include <memory>

#include <QFuture>
#include <QPromise>
#include <QThread>

#include "core/common/retiredthreads.h"
#include "core/remote/remotehost.h"

namespace Gantry {

class Workspace;

// Runs `body` against one server on a new worker thread that owns the SSH session from connect
// to disconnect; the future resolves when it is done and the
// session is closed. The thread deletes itself and is joined by the time the application goes.
struct HostConnection {
    ServerRecord server;
    QString knownHostsFile;
    SshPrompter *prompter = nullptr;
    HostKeyPolicy policy;
    std::chrono::seconds connectTimeout { 10 };
    RemoteHost::LineSink log;
    // Held until the worker using this connection has ended (the prompter, say), so a caller
    // that stops without waiting may let go of its own reference.
    std::shared_ptr<void> keepAlive;
    // The jump servers to go through (JumpChain::resolve); the error when they could not be found.
    Result<QList<ServerRecord>> jumps {};

    // A connection to `server` as the workspace knows it, through its jump servers.
    static HostConnection to(const Workspace &workspace, const ServerRecord &server);
};

template<typename T>
QFuture<Result<T>> runOnHost(HostConnection c, std::function<Result<T>(RemoteHost &)> body)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QThread *thread = QThread::create([=]() mutable {
        // The session is closed before the caller hears the result: a caller that ends the
        // process on it must not race libssh's disconnect on this thread.
        Result<T> result = [&]() -> Result<T> {
            if (!c.jumps)
                return std::unexpected(c.jumps.error());
            RemoteHost host(c.server, c.knownHostsFile, c.prompter, c.log);
            host.setConnectTimeout(c.connectTimeout);
            host.setJumps(*c.jumps);
            if (auto connected = host.connect(c.policy); !connected)
                return std::unexpected(connected.error());
            return body(host);
        }();
        promise->addResult(std::move(result));
        promise->finish();
    });
    thread->setObjectName(QStringLiteral("ssh ") + c.server.name);
    // Deleted once finished, and joined at the latest as the application goes.
    retireThread(thread);
    thread->start();
    return promise->future();
}

} // namespace Gantry
