#pragma once

#include <functional>

#include <QCoreApplication>
#include <QPointer>
#include <QWidget>

#include "core/deploy/hosttask.h"
#include "widgets/whenready.h"

namespace Gantry {

// The first contact with a server whose key is not pinned yet: shows its fingerprint, explains
// what a host key is, and lets the user trust exactly that key or cancel.
class HostKeyQuestion final {
    Q_DECLARE_TR_FUNCTIONS(HostKeyQuestion)
public:
    // The fingerprint when `error` is a refusal of an unknown host key; empty otherwise.
    static QString unknownFingerprint(const Error &error);
    static void ask(QWidget *parent, const ServerRecord &server, const QString &fingerprint,
        std::function<void(bool trusted)> done);
};

// Runs `body` on the server's own worker thread and hands the result to `done` on the GUI thread
// (unless `context` is gone). When the server's key is unknown, asks the user first and connects
// again trusting only the fingerprint shown. `keepAlive` (the prompter) lives as long as the worker.
template<typename T, typename KeepAlive>
void runTrusting(QWidget *context, HostConnection connection, std::shared_ptr<KeepAlive> keepAlive,
    std::function<Result<T>(RemoteHost &)> body, std::function<void(Result<T>)> done)
{
    connection.prompter = keepAlive.get();
    const std::function<Result<T>(RemoteHost &)> kept = [keepAlive, body](
                                                            RemoteHost &host) { return body(host); };
    whenReady(
        runOnHost<T>(connection, kept), context, [context, connection, kept, done](Result<T> result) mutable {
            const QString fingerprint =
                result ? QString() : HostKeyQuestion::unknownFingerprint(result.error());
            if (fingerprint.isEmpty())
                return done(std::move(result));
            HostKeyQuestion::ask(context, connection.server, fingerprint,
                [context, connection, kept, done, result, fingerprint](bool trusted) mutable {
                    if (!trusted)
                        return done(std::move(result));
                    connection.policy.trustFingerprint = fingerprint;
                    whenReady(runOnHost<T>(connection, kept), context, done);
                });
        });
}

} // namespace Gantry
