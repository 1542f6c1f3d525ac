#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>

#include "core/deploy/deploygate.h"
#include "core/deploy/deployrequest.h"
#include "core/deploy/deploystep.h"
#include "core/remote/hostprobe.h"
#include "core/remote/remoteshell.h"
#include "core/service/servicemanager.h"

namespace Gantry {

// The deploy of one release to one server, as a blocking sequence of steps. It runs on the
// server's own worker thread, which owns the shell (the SSH session) from connect to the end.
//
// Each trip to the server costs at least one network round trip, so the steps share trips:
//   1. connect and sign in
//   2. lock, probe, and whether the artifact is already in the upload folder
//   3. the upload stream (skipped when it is there)
//   4. prepare, unpack, env file, service file, and for the first server also switch and restart
//      (the other servers switch in a trip of their own, after the first one is healthy)
//   5. the health check, polled on one connection
//   6. record, prune and unlock
class HostDeployer final {
    Q_DECLARE_TR_FUNCTIONS(HostDeployer)
public:
    using EventSink = std::function<void(const DeployEvent &)>;

    HostDeployer(const DeployRequest &request, int index, DeployGate &gate, const std::atomic_bool &cancelled,
        EventSink events, std::unique_ptr<RemoteShell> shell);
    ~HostDeployer();

    HostOutcome run();
    // What the service file this deploy installs on `host` is made from (also shown by a dry run).
    static UnitSpec unitSpec(
        const DeployRequest &request, const DeployHost &host, const ServerLayout &layout);
    // The server's output lines, for the shell's log sink: they belong to the running step.
    void logLine(const QString &line);

private:
    Result<void> pipeline();
    Result<void> step(DeployStep step, const std::function<Result<QString>()> &body);
    void event(DeployStep step, StepState state, const QString &detail = {});

    Result<QString> lockAndProbe();
    Result<QString> checkProbe();
    Result<QString> upload();
    Result<QString> prepare();
    Result<QString> envWritten();
    Result<QString> serviceInstalled();
    Result<QString> waitForFirst();
    Result<QString> switchAndRestart();
    Result<QString> readSwitch(const QByteArray &output, int release);
    Result<QString> waitHealthy();
    Result<QString> rollBack();
    Result<QString> finish();
    Result<QString> pruned();
    Result<QString> unlocked();
    Result<void> restoreConfig();
    QByteArray prepareScript(const QByteArray &serviceFile) const;
    QByteArray lastLogLines();
    void finishFirst(bool healthy);
    void unlock();

    const DeployRequest &m_request;
    const DeployHost &m_host;
    const int m_index;
    DeployGate &m_gate;
    const std::atomic_bool &m_cancelled;
    EventSink m_events;
    std::unique_ptr<RemoteShell> m_shell;
    DeployStep m_currentStep = DeployStep::Connect; // where the server's output lines belong
    std::optional<ServerLayout> m_layout;
    std::unique_ptr<ServiceManager> m_manager;
    std::optional<HostFacts> m_facts;
    const DeployArtifact *m_artifact = nullptr;
    QString m_lockNote;
    QByteArray m_prepared; // the output of trip 4
    QByteArray m_switchOutput; // its switch and restart, on the first server
    QByteArray m_finished; // the output of trip 6
    bool m_switchedInPrepare = false;
    bool m_uploaded = false; // the probe found the artifact in the upload folder, checksum and all
    bool m_locked = false;
    bool m_inBatch = false;
    bool m_firstReported = false;
    bool m_switched = false;
    bool m_configWritten = false;
    HostOutcome m_outcome;
};

} // namespace Gantry
