#pragma once

#include <atomic>
#include <memory>

#include <QList>
#include <QObject>

#include "core/deploy/deploygate.h"
#include "core/deploy/deployrequest.h"
#include "core/deploy/deploystep.h"
#include "core/remote/remoteshell.h"

class QThread;

namespace Gantry {

class SshPrompter;

// A deploy to several servers at once, each on its own worker thread with its own SSH session.
// The first server must pass its health check before the others switch, then they switch in
// batches. Events arrive on the thread that owns this object, in order per server.
class DeployRun final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployRun)
public:
    // Makes the shell for one server of the deploy, not yet connected; called on that
    // server's worker thread. The default one is RemoteHost over SSH.
    using ShellFactory =
        std::function<std::unique_ptr<RemoteShell>(const DeployHost &host, RemoteShell::LineSink log)>;

    DeployRun(DeployRequest request, SshPrompter *prompter, QObject *parent = nullptr);
    ~DeployRun() override; // cancels and waits for the workers

    // Before start(): tests deploy to sandboxes instead of servers.
    void setShellFactory(ShellFactory factory) { m_shellFactory = std::move(factory); }

    void start();
    // Servers that have not switched yet stop before switching; switched ones finish.
    void cancel();
    bool isRunning() const { return m_running > 0; }
    const DeployRequest &request() const { return m_request; }
    const QList<HostOutcome> &outcomes() const { return m_outcomes; }

signals:
    void event(const Gantry::DeployEvent &event);
    void hostFinished(const Gantry::HostOutcome &outcome);
    void finished(bool success);

private:
    void onHostFinished(int index, const HostOutcome &outcome);

    DeployRequest m_request;
    SshPrompter *m_prompter;
    ShellFactory m_shellFactory;
    std::atomic_bool m_cancelled = false;
    std::unique_ptr<DeployGate> m_gate;
    QList<QThread *> m_threads;
    QList<HostOutcome> m_outcomes;
    int m_running = 0;
};

} // namespace Gantry
