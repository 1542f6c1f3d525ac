#include "widgets/common/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include "core/common/logging.h"
#include "widgets/common/instancelock.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int MaxAttempts = 10;
constexpr int RetryMs = 200;
constexpr qint64 MaxMessage = 64 * 1024;

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}

} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::keyFor(const QString &workspaceDir)
{
    QString path = QDir::cleanPath(QDir(workspaceDir).absolutePath());
#ifdef Q_OS_WIN
    path = path.toLower();
#endif
    const QByteArray id = (userName() + u'\n' + path).toUtf8();
    return u"gantry-"_s +
        QString::fromLatin1(QCryptographicHash::hash(id, QCryptographicHash::Sha256).toHex().left(24));
}

bool SingleInstance::tryBecomePrimary()
{
    m_lock = std::make_unique<InstanceLock>(m_key);
    if (!m_lock->tryLock()) {
        m_lock.reset();
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(m_key); // we hold the lock: any socket left is from a crashed instance
    if (!m_server->listen(m_key))
        qCWarning(lcApp) << "single instance: cannot listen on" << m_key << m_server->errorString();
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (socket->bytesAvailable() > MaxMessage) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QJsonObject message = QJsonDocument::fromJson(socket->readLine()).object();
            socket->write("ok\n");
            socket->disconnectFromServer();
            emit activationRequested(message.value(u"project"_s).toString());
        });
    }
}

void SingleInstance::handOff(const QString &projectDir)
{
    m_message = QJsonDocument(QJsonObject { { u"project"_s, projectDir } }).toJson(QJsonDocument::Compact);
    m_message += '\n';
    m_attempts = 0;
    m_handedOff = false;
    connectToPrimary();
}

void SingleInstance::connectToPrimary()
{
    ++m_attempts;
    m_connected = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        m_socket->write(m_message);
    });
    connect(m_socket, &QLocalSocket::readyRead, this, [this] {
        if (m_socket->canReadLine())
            finishHandoff(m_socket->readLine().trimmed() == "ok");
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] { finishHandoff(false); });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        if (m_connected)
            finishHandoff(false);
        else if (error != QLocalSocket::PeerClosedError)
            onConnectFailed();
    });
    m_socket->connectToServer(m_key);
}

void SingleInstance::onConnectFailed()
{
    if (m_attempts >= MaxAttempts) {
        qCWarning(lcApp) << "single instance: the running Gantry does not answer on" << m_key;
        finishHandoff(false);
        return;
    }
    QTimer::singleShot(RetryMs, this, &SingleInstance::connectToPrimary);
}

void SingleInstance::finishHandoff(bool delivered)
{
    if (m_handedOff)
        return;
    m_handedOff = true;
    emit handoffFinished(delivered);
}

} // namespace Gantry
