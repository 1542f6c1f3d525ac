#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/remote/sshprompter.h"
#include "core/remote/sshtarget.h"

struct ssh_session_struct;

namespace Gantry {

// One libssh session. Blocking: it is used from exactly one thread, the host's worker thread
// (never the GUI thread); see SshWorker. Every call has a timeout, and an interrupted
// connection gives an Error, never a hang.
class SshSession final {
    Q_DECLARE_TR_FUNCTIONS(SshSession)
public:
    using OutputCallback = std::function<void(const QByteArray &line)>; // one line, no newline
    using ProgressCallback = std::function<void(qint64 done, qint64 total)>;

    struct ExecResult {
        int exitStatus = -1;
        QByteArray stdOut; // also streamed line by line to the callbacks
        QByteArray stdErr;
        bool cancelled = false; // keepGoing said stop
    };

    struct ExecOptions {
        QByteArray stdinData; // written, then EOF; how secrets and scripts reach the server
        OutputCallback onStdout;
        OutputCallback onStderr;
        std::chrono::seconds timeout { 300 };
        // Asked between reads, at least every 100 ms, on the calling thread. Returning false
        // sends SIGTERM to the command, closes the channel and ends exec() with `cancelled` set.
        std::function<bool()> keepGoing;
        // False for endless streams (journalctl -f): stdout lines reach the callback only.
        bool keepOutput = true;
    };

    struct HttpResponse {
        int status = 0;
        QByteArray body; // at most 64 KiB kept
        std::chrono::milliseconds latency { 0 };
    };

    // Connects, checks the host key against target.knownHostsFile (pinning a new one only as
    // `policy` allows, refusing a changed one), and authenticates as target.auth says, asking
    // `prompter` for passphrases and passwords. Errors name the problem and the fix: unreachable,
    // refused, timed out, unknown/changed host key (with the fingerprint), auth failed.
    // With target.jumps, it goes through each jump server first (SshTunnel), every hop's host key
    // checked the same way. With a `socket` (a tunnel's end), it talks SSH over that one instead of
    // connecting itself, and owns it from then on.
    static Result<std::unique_ptr<SshSession>> connect(
        const SshTarget &target, const HostKeyPolicy &policy, SshPrompter *prompter, qintptr socket = -1);
    ~SshSession();

    // libssh's session, for SshTunnel on this session's thread.
    ssh_session_struct *nativeHandle() const;

    const SshTarget &target() const;
    HostKeyInfo hostKey() const;

    // The fingerprint of an unknown host key when `error` is connect()'s refusal to trust one
    // without the user's word, so a GUI can ask and connect again; empty otherwise.
    static QString unknownHostKeyFingerprint(const Error &error);
    // Whose key it is ("user@host:port"): the server's own or, through jump servers, one hop's.
    static QString unknownHostKeyHost(const Error &error);

    // Runs `command` through the login shell. Returns the exit status; a non-zero one is not an
    // Error (the caller decides). A lost connection or a timeout is.
    Result<ExecResult> exec(const QString &command, const ExecOptions &options);

    // Streams `localPath` to `remotePath` through an exec channel (`cat > tmp && mv`), then checks
    // the sha256 on the server. Returns the number of bytes sent.
    Result<qint64> upload(
        const QString &localPath, const QString &remotePath, const ProgressCallback &progress);

    // A shell command printing "<sha256 hex> ..." for the file at `quotedPath` (already quoted):
    // openssl's digest where the server has it (SHA instructions, 3x sha256sum), else sha256sum.
    static QByteArray sha256Command(const QByteArray &quotedPath);

    // HTTP/1.1 GET http://127.0.0.1:<port><path> on the server, through a direct-tcpip channel:
    // no curl needed there and no port opened to the outside.
    Result<HttpResponse> httpGet(int port, const QString &path, std::chrono::milliseconds timeout);

private:
    SshSession();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Gantry
