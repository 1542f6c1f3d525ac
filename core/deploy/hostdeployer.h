#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>

#include "core/deploy/deploygate.h"
#include "core/deploy/deployrequest.h"
#include "core/deploy/deploystep.h"
#include "core/deploy/releaselayout.h"
#include "core/remote/remotehost.h"
#include "core/service/systemdunit.h"

namespace Gantry {

// The deploy of one release to one server, as a blocking sequence of steps. It runs on the
// server's own worker thread, which owns the SSH session from connect to the end.
class HostDeployer final {
    Q_DECLARE_TR_FUNCTIONS(HostDeployer)
public:
    using EventSink = std::function<void(const DeployEvent &)>;

    HostDeployer(const DeployRequest &request, int index, DeployGate &gate, const std::atomic_bool &cancelled,
        EventSink events, SshPrompter *prompter);
    ~HostDeployer();

    HostOutcome run();
    // The unit this deploy installs on `host` (also shown by a dry run).
    static UnitSpec unitSpec(const DeployRequest &request, const DeployHost &host);

private:
    Result<void> pipeline();
    Result<void> step(DeployStep step, const std::function<Result<QString>()> &body);
    void event(DeployStep step, StepState state, const QString &detail = {});

    Result<QString> lock();
    Result<QString> probe();
    Result<QString> upload();
    Result<QString> unpack();
    Result<QString> writeEnvFile();
    Result<QString> installUnit();
    Result<QString> waitForFirst();
    Result<QString> switchAndRestart();
    QByteArray restartScript() const;
    Result<QString> switchTo(int release);
    Result<void> restoreConfig();
    QString uploadsDir() const;
    QString uploadPathFor(const DeployArtifact &artifact) const;
    Result<QString> waitHealthy();
    Result<QString> rollBack();
    Result<QString> record();
    Result<QString> prune();
    void finishFirst(bool healthy);
    void unlock();

    const DeployRequest &m_request;
    const DeployHost &m_host;
    const int m_index;
    DeployGate &m_gate;
    const std::atomic_bool &m_cancelled;
    EventSink m_events;
    RemoteHost m_remote;
    DeployStep m_currentStep = DeployStep::Connect; // where the server's output lines belong
    std::optional<ReleaseLayout> m_layout;
    const DeployArtifact *m_artifact = nullptr;
    QString m_uploadPath;
    bool m_uploaded = false; // the probe found the artifact in the upload folder, checksum and all
    bool m_locked = false;
    bool m_inBatch = false;
    bool m_firstReported = false;
    bool m_switched = false;
    bool m_configWritten = false;
    HostOutcome m_outcome;
};

} // namespace Gantry
