#pragma once

#include <functional>
#include <memory>

#include <QFuture>
#include <QPromise>
#include <QThread>

#include "core/deploy/remotehost.h"

namespace Gantry {

// Runs `body` against one server on a new worker thread that owns the SSH session from connect
// to disconnect; the future resolves when it is done. The thread deletes itself.
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
};

template<typename T>
QFuture<Result<T>> runOnHost(HostConnection c, std::function<Result<T>(RemoteHost &)> body)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    QThread *thread = QThread::create([=]() mutable {
        RemoteHost host(c.server, c.knownHostsFile, c.prompter, c.log);
        host.setConnectTimeout(c.connectTimeout);
        Result<T> result = [&]() -> Result<T> {
            if (auto connected = host.connect(c.policy); !connected)
                return std::unexpected(connected.error());
            return body(host);
        }();
        promise->addResult(std::move(result));
        promise->finish();
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->setObjectName(QStringLiteral("ssh ") + c.server.name);
    thread->start();
    return promise->future();
}

} // namespace Gantry
