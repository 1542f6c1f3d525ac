#pragma once

#include <functional>

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

#include "core/common/whenready.h"
#include "core/remote/hosttask.h"

namespace Gantry {

// The first contact with a server whose key is not pinned yet: shows its fingerprint, explains
// what a host key is, and lets the user trust exactly that key or cancel.
class HostKeyQuestion final {
    Q_DECLARE_TR_FUNCTIONS(HostKeyQuestion)
public:
    // The fingerprint when `error` is a refusal of an unknown host key; empty otherwise.
    static QString unknownFingerprint(const Error &error);
    // The server whose key `error` refused: `connection`'s own, or one of its jump servers.
    static ServerRecord serverOf(const HostConnection &connection, const Error &error);
    static void ask(QWidget *parent, const ServerRecord &server, const QString &fingerprint,
        std::function<void(bool trusted)> done);
};

// Runs `body` and, while a host key on the way is unknown (the server's, or a jump server's),
// asks the user about that one and connects again trusting exactly the fingerprints shown.
template<typename T>
void runAskingForKeys(QWidget *context, HostConnection connection,
    std::function<Result<T>(RemoteHost &)> body, std::function<void(Result<T>)> done)
{
    whenReady(
        runOnHost<T>(connection, body), context, [context, connection, body, done](Result<T> result) mutable {
            const QString fingerprint =
                result ? QString() : HostKeyQuestion::unknownFingerprint(result.error());
            if (fingerprint.isEmpty() || connection.policy.trusted.contains(fingerprint))
                return done(std::move(result));
            HostKeyQuestion::ask(context, HostKeyQuestion::serverOf(connection, result.error()), fingerprint,
                [context, connection, body, done, result, fingerprint](bool trusted) mutable {
                    if (!trusted)
                        return done(std::move(result));
                    connection.policy.trusted << fingerprint;
                    runAskingForKeys<T>(context, connection, body, done);
                });
        });
}

// Runs `body` on the server's own worker thread and hands the result to `done` on the GUI thread
// (unless `context` is gone). When a key on the way is unknown, asks the user first and connects
// again trusting only the fingerprints shown. `keepAlive` (the prompter) lives as long as the worker.
template<typename T, typename KeepAlive>
void runTrusting(QWidget *context, HostConnection connection, std::shared_ptr<KeepAlive> keepAlive,
    std::function<Result<T>(RemoteHost &)> body, std::function<void(Result<T>)> done)
{
    connection.prompter = keepAlive.get();
    const std::function<Result<T>(RemoteHost &)> kept = [keepAlive, body](
                                                            RemoteHost &host) { return body(host); };
    runAskingForKeys<T>(context, connection, kept, done);
}

} // namespace Gantry
