#pragma once

#include <atomic>
#include <functional>
#include <mutex>

#include <QString>

#include "core/remote/remoteshell.h"

namespace Gantry {

// The test RemoteShell: it runs the very scripts a deploy sends to a server, with /bin/sh (dash
// on Debian), against a sandbox folder that stands for the server's file system. Every path of
// the deploy (ServerLayout) is under that folder. systemctl, supervisorctl, useradd, chown and
// id are small stand-ins on the PATH that keep the service's state in files; tar, ln, mv,
// readlink and the rest are this machine's own. The health check asks the test.
//
// Faults for the tests: failAt(n) makes the n-th call that waits for the server lose the
// connection (it stays lost until the next connect()).
class SandboxShell final : public RemoteShell {
public:
    // What the service answers on its health path, asked with the release `current` points at
    // (0: none) and whether the stand-in service manager has it running.
    using Health = std::function<int(int currentRelease, bool running)>;

    SandboxShell(ServerRecord server, QString folder, QString manager = QStringLiteral("systemd"));

    const ServerRecord &server() const override { return m_server; }
    QString loginUser() const override { return QStringLiteral("root"); }
    bool isConnected() const override { return m_connected; }
    Result<void> connect(const HostKeyPolicy &policy = {}) override;
    QString hostKeyFingerprint() const override { return QStringLiteral("SHA256:sandbox"); }
    QString pathPrefix() const override { return m_folder; }

    Result<ExecResult> run(const QString &command, bool allowFailure = false, bool logStdout = true) override;
    Result<ExecResult> runAsRoot(
        const QByteArray &script, bool allowFailure = false, bool logStdout = true) override;
    Result<qint64> upload(
        const QString &localPath, const QString &remotePath, const ProgressCallback &progress) override;
    Result<HttpResponse> httpGet(int port, const QString &path, std::chrono::milliseconds timeout) override;

    void setHealth(Health health) { m_health = std::move(health); }
    void failAt(int call) { m_failAt = call; }
    // Every script this shell ran, in order.
    const QList<QByteArray> &scripts() const { return m_scripts; }

    // The sandbox's state, for assertions.
    int currentRelease() const { return currentReleaseIn(m_folder); }
    static int currentReleaseIn(const QString &folder); // the release `current` points at, 0: none
    bool running() const; // the stand-in manager has the service started
    QString folder() const { return m_folder; }

private:
    Result<void> enter();
    Result<ExecResult> shell(const QStringList &args, const QByteArray &stdinData);
    void writeStandIns() const;

    ServerRecord m_server;
    QString m_folder;
    QString m_manager;
    Health m_health;
    int m_failAt = 0;
    bool m_connected = false;
    QList<QByteArray> m_scripts;
};

} // namespace Gantry
