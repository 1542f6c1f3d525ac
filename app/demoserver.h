#pragma once

#include <QObject>
#include <QProcess>

namespace Gantry {

class Workspace;

// `gantry --demo`: boots a local systemd server from the test-host harness (a booted container
// with sshd, a `deploy` user with sudo), registers it as the server "demo" with its host key
// pinned (read from the container's own files, so nothing is trusted blindly), and stops it
// when the app exits. Needs root and systemd-nspawn, as the harness does.
class DemoServer final : public QObject {
    Q_OBJECT
public:
    explicit DemoServer(Workspace *workspace, QObject *parent = nullptr);
    ~DemoServer() override; // stops the server

    static QString harnessScript(); // empty when none is installed
    static bool isSupported(QString *why = nullptr);

    void start();
    void stop();

signals:
    void progress(const QString &message);
    void ready(const QString &serverName);
    void failed(const QString &message);

private:
    void onBooted(int exitCode, QProcess::ExitStatus status);
    QString harness(const QStringList &arguments) const; // a quick harness query (ip, root, key)

    Workspace *m_workspace;
    QProcess m_boot;
    bool m_started = false;
};

} // namespace Gantry
