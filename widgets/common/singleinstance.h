#pragma once

#include <memory>

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace Gantry {

class InstanceLock;

// One Gantry window per user and workspace. The first instance holds an InstanceLock and listens on
// a local socket; a later one hands its project folder over and quits.
class SingleInstance final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The user name and the workspace folder, hashed into a name fit for a socket and a file.
    static QString keyFor(const QString &workspaceDir);

    // Takes the lock without waiting and listens; false when another instance holds it.
    bool tryBecomePrimary();
    bool isPrimary() const { return m_server != nullptr; }
    // Asks the primary to come to the front and open `projectDir` (may be empty); ends with
    // handoffFinished. Retries for a moment while the primary is still starting.
    void handOff(const QString &projectDir);

signals:
    void activationRequested(const QString &projectDir); // in the primary
    void handoffFinished(bool delivered); // in the later instance

private:
    void onNewConnection();
    void connectToPrimary();
    void onConnectFailed();
    void finishHandoff(bool delivered);

    QString m_key;
    std::unique_ptr<InstanceLock> m_lock;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_socket = nullptr;
    QByteArray m_message;
    int m_attempts = 0;
    bool m_connected = false;
    bool m_handedOff = false;
};

} // namespace Gantry
