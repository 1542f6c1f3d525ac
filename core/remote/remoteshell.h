#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/remote/sshsession.h"
#include "core/store/records.h"

namespace Gantry {

// A server as the deploy engine, rollbacks and status checks see it: commands as the login
// user, POSIX sh scripts as root (on stdin, never on a command line), an upload stream and an
// HTTP GET to a port on the server's loopback. RemoteHost is the real one (SSH); the tests have
// one that runs the same scripts in a sandbox folder. Used on one worker thread only.
//
// Every call that waits for the server is counted, so tests can pin how many a deploy makes:
// on a real network each costs at least one round trip.
class RemoteShell {
    Q_DECLARE_TR_FUNCTIONS(RemoteShell)
public:
    using ExecResult = SshSession::ExecResult;
    using HttpResponse = SshSession::HttpResponse;
    using ProgressCallback = SshSession::ProgressCallback;
    using LineSink = std::function<void(const QString &line)>;

    RemoteShell() = default;
    virtual ~RemoteShell();
    Q_DISABLE_COPY_MOVE(RemoteShell)

    virtual const ServerRecord &server() const = 0;
    virtual QString loginUser() const = 0;
    virtual bool isConnected() const = 0;
    virtual Result<void> connect(const HostKeyPolicy &policy = {}) = 0;
    virtual QString hostKeyFingerprint() const = 0;
    // Where the server's file system starts for the scripts: empty on a real server, a folder
    // for a sandbox (ServerLayout::forApp takes it as its prefix).
    virtual QString pathPrefix() const { return {}; }

    // Non-zero exit statuses are errors carrying the command's stderr, unless `allowFailure`.
    virtual Result<ExecResult> run(
        const QString &command, bool allowFailure = false, bool logStdout = true) = 0;
    virtual Result<ExecResult> runAsRoot(
        const QByteArray &script, bool allowFailure = false, bool logStdout = true) = 0;
    // Sends `localPath` to `remotePath` as the login user and checks its sha256 there.
    virtual Result<qint64> upload(
        const QString &localPath, const QString &remotePath, const ProgressCallback &progress) = 0;
    // GET http://127.0.0.1:<port><path> as seen from the server.
    virtual Result<HttpResponse> httpGet(
        int port, const QString &path, std::chrono::milliseconds timeout) = 0;

    // Runs a root script and reads its output with a ReleaseOutput-style parser.
    template<typename T>
    Result<T> runLayout(const QByteArray &script, Result<T> (*parse)(const QByteArray &))
    {
        auto result = runAsRoot(script, true, false); // stdout is for the parser, not the log
        if (!result)
            return std::unexpected(result.error());
        return parse(result->stdOut);
    }
    // A file only root may read; std::nullopt when it does not exist. Never logged.
    Result<std::optional<QByteArray>> readAsRoot(const QString &path);

    // The calls so far that waited for the server (connect counts as one).
    int serverCalls() const { return m_serverCalls; }

protected:
    void countServerCall() { ++m_serverCalls; }
    // The error for a command that failed: out of disk space, or the command's own words.
    Error commandError(const QString &what, const ExecResult &result) const;

private:
    int m_serverCalls = 0;
};

} // namespace Gantry
