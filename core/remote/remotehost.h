#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>

#include "core/remote/privilege.h"
#include "core/remote/remoteshell.h"
#include "core/remote/sshsession.h"
#include "core/store/records.h"

namespace Gantry {

// The real RemoteShell: an SSH session as the login user, root through sudo (Privilege), and
// everything the server says passed to a log sink, redacted. Used on one worker thread only.
class RemoteHost final : public RemoteShell {
    Q_DECLARE_TR_FUNCTIONS(RemoteHost)
public:
    RemoteHost(ServerRecord server, QString knownHostsFile, SshPrompter *prompter, LineSink log);
    ~RemoteHost() override;

    Result<void> connect(const HostKeyPolicy &policy = {}) override;
    void setConnectTimeout(std::chrono::seconds timeout) { m_connectTimeout = timeout; }
    // The jump servers to go through, first hop first (JumpChain::resolve); none: directly.
    void setJumps(QList<ServerRecord> jumps) { m_jumps = std::move(jumps); }
    bool isConnected() const override;
    void disconnect();
    SshSession &session();
    const ServerRecord &server() const override { return m_server; }
    QString loginUser() const override;
    QString hostKeyFingerprint() const override;
    Privilege::SudoKind sudoKind() const;

    Result<ExecResult> run(const QString &command, bool allowFailure = false, bool logStdout = true) override;
    Result<ExecResult> runAsRoot(
        const QByteArray &script, bool allowFailure = false, bool logStdout = true) override;
    Result<qint64> upload(
        const QString &localPath, const QString &remotePath, const ProgressCallback &progress) override;
    Result<HttpResponse> httpGet(int port, const QString &path, std::chrono::milliseconds timeout) override;
    // Streams a root script's stdout a line at a time to `onLine`, keeping none of it; ends when
    // the script does or `keepGoing` returns false (then `cancelled` is set). stderr is kept.
    Result<SshSession::ExecResult> streamAsRoot(const QByteArray &script,
        const SshSession::OutputCallback &onLine, const std::function<bool()> &keepGoing);
    // Asked during every command; returning false ends it (a monitor that stops).
    void setKeepGoing(std::function<bool()> keepGoing) { m_keepGoing = std::move(keepGoing); }

private:
    SshSession::ExecOptions options(bool logStdout = true) const;

    ServerRecord m_server;
    QList<ServerRecord> m_jumps;
    std::chrono::seconds m_connectTimeout { 10 };
    QString m_knownHostsFile;
    SshPrompter *m_prompter;
    LineSink m_log;
    std::function<bool()> m_keepGoing;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<Privilege> m_privilege;
};

} // namespace Gantry
