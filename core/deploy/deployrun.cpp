#include "core/deploy/deployrun.h"

#include <QThread>

#include "core/deploy/hostdeployer.h"
#include "core/remote/remotehost.h"

namespace Gantry {

DeployRun::DeployRun(DeployRequest request, SshPrompter *prompter, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_prompter(prompter)
    , m_shellFactory(
          [this](const DeployHost &host, RemoteShell::LineSink log) -> std::unique_ptr<RemoteShell> {
              auto remote = std::make_unique<RemoteHost>(
                  host.server, m_request.knownHostsFile, m_prompter, std::move(log));
              remote->setJumps(host.jumps);
              return remote;
          })
    , m_gate(std::make_unique<DeployGate>(m_request.batchSize, m_cancelled))
{
    qRegisterMetaType<Gantry::DeployEvent>();
}

DeployRun::~DeployRun()
{
    m_cancelled = true;
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void DeployRun::start()
{
    m_outcomes.resize(m_request.hosts.size());
    m_running = int(m_request.hosts.size());
    for (int i = 0; i < m_request.hosts.size(); ++i) {
        // Everything of this server, SSH session included, lives and dies on this thread.
        QThread *thread = QThread::create([this, i] {
            HostDeployer *me = nullptr; // the shell's lines belong to the deployer's current step
            auto shell = m_shellFactory(m_request.hosts.at(i), [&me](const QString &line) {
                if (me)
                    me->logLine(line);
            });
            HostDeployer deployer(
                m_request, i, *m_gate, m_cancelled, [this](const DeployEvent &e) { emit event(e); },
                std::move(shell));
            me = &deployer;
            const HostOutcome outcome = deployer.run();
            QMetaObject::invokeMethod(
                this, [this, i, outcome] { onHostFinished(i, outcome); }, Qt::QueuedConnection);
        });
        thread->setObjectName(QStringLiteral("deploy ") + m_request.hosts.at(i).server.name);
        m_threads.append(thread);
        thread->start();
    }
    if (m_request.hosts.isEmpty())
        QMetaObject::invokeMethod(
            this, [this] { emit finished(false); }, Qt::QueuedConnection);
}

void DeployRun::cancel()
{
    m_cancelled = true;
}

void DeployRun::onHostFinished(int index, const HostOutcome &outcome)
{
    m_outcomes[index] = outcome;
    emit hostFinished(outcome);
    if (--m_running > 0)
        return;
    const bool success = std::ranges::all_of(m_outcomes, [](const HostOutcome &o) { return o.success; });
    emit finished(success);
}

} // namespace Gantry
