#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>

#include "core/remote/privilege.h"
#include "core/remote/sshsession.h"
#include "core/store/records.h"

namespace Gantry {

// A server as deploys, rollbacks and status checks see it: an SSH session as the login user,
// root through sudo (scripts on stdin, never on a command line), and everything the server
// says passed to a log sink, redacted. Used on one worker thread only.
class RemoteHost final {
    Q_DECLARE_TR_FUNCTIONS(RemoteHost)
public:
    using LineSink = std::function<void(const QString &line)>;

    RemoteHost(ServerRecord server, QString knownHostsFile, SshPrompter *prompter, LineSink log);
    ~RemoteHost();

    Result<void> connect(const HostKeyPolicy &policy = {});
    void setConnectTimeout(std::chrono::seconds timeout) { m_connectTimeout = timeout; }
    // The jump servers to go through, first hop first (JumpChain::resolve); none: directly.
    void setJumps(QList<ServerRecord> jumps) { m_jumps = std::move(jumps); }
    bool isConnected() const;
    void disconnect();
    SshSession &session();
    const ServerRecord &server() const { return m_server; }
    QString loginUser() const;
    Privilege::SudoKind sudoKind() const;

    // Non-zero exit statuses are errors carrying the command's stderr, unless `allowFailure`.
    Result<SshSession::ExecResult> run(
        const QString &command, bool allowFailure = false, bool logStdout = true);
    Result<SshSession::ExecResult> runAsRoot(
        const QByteArray &script, bool allowFailure = false, bool logStdout = true);
    // Runs one of ReleaseLayout's scripts and reads its output with the matching ReleaseOutput parser.
    template<typename T>
    Result<T> runLayout(const QByteArray &script, Result<T> (*parse)(const QByteArray &))
    {
        auto result = runAsRoot(script, true, false); // stdout is for the parser, not the log
        if (!result)
            return std::unexpected(result.error());
        return parse(result->stdOut);
    }
    // Streams a root script's stdout a line at a time to `onLine`, keeping none of it; ends when
    // the script does or `keepGoing` returns false (then `cancelled` is set). stderr is kept.
    Result<SshSession::ExecResult> streamAsRoot(const QByteArray &script,
        const SshSession::OutputCallback &onLine, const std::function<bool()> &keepGoing);
    // Asked during every command; returning false ends it (a monitor that stops).
    void setKeepGoing(std::function<bool()> keepGoing) { m_keepGoing = std::move(keepGoing); }
    // A file only root may read; std::nullopt when it does not exist.
    Result<std::optional<QByteArray>> readAsRoot(const QString &path);
    QStringList journalTail(const QString &unit, int lines);

    static QByteArray writeFileScript(
        const QString &path, const QByteArray &content, const QString &owner, const QString &mode);

private:
    Error commandError(const QString &what, const SshSession::ExecResult &result) const;
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
