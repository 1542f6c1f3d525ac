#include "app/demoserver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>

#include "core/common/logging.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const QString HostName = u"gantry-demo"_s;
const QString HostIndex = u"60"_s;
const QString ServerName = u"demo"_s;

// "SHA256:<base64 without padding>" of an OpenSSH public key line, as ssh-keygen -l prints it.
QString fingerprintOf(const QByteArray &publicKeyLine)
{
    const QByteArray blob = QByteArray::fromBase64(publicKeyLine.simplified().split(' ').value(1));
    QByteArray hash = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64();
    while (hash.endsWith('='))
        hash.chop(1);
    return u"SHA256:"_s + QString::fromLatin1(hash);
}

} // namespace

DemoServer::DemoServer(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_boot.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_boot, &QProcess::finished, this, &DemoServer::onBooted);
}

DemoServer::~DemoServer()
{
    stop();
}

QString DemoServer::harnessScript()
{
    const QStringList candidates {
        qEnvironmentVariable("GANTRY_TESTHOST"),
        QStringLiteral(GANTRY_SOURCE_DIR) + u"/tests/hosts/testhost.sh"_s,
        QCoreApplication::applicationDirPath() + u"/../share/gantry/testhost.sh"_s,
    };
    for (const QString &candidate : candidates)
        if (!candidate.isEmpty() && QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    return {};
}

bool DemoServer::isSupported(QString *why)
{
    QString reason;
    if (harnessScript().isEmpty())
        reason = tr("The demo server's boot script (testhost.sh) is not installed with this Gantry.");
    else if (QStandardPaths::findExecutable(u"systemd-nspawn"_s).isEmpty())
        reason = tr("The demo server needs systemd-nspawn: install the systemd-container package.");
    else if (QSysInfo::kernelType() != u"linux"_s)
        reason = tr("The demo server needs a Linux machine.");
    else if (QFileInfo(u"/proc/self"_s).ownerId() != 0)
        reason =
            tr("The demo server needs root rights to boot a container: start Gantry with sudo for the demo.");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

QString DemoServer::harness(const QStringList &arguments) const
{
    QProcess query;
    query.start(u"bash"_s, QStringList { harnessScript() } + arguments);
    query.waitForFinished(10000);
    return QString::fromUtf8(query.readAllStandardOutput()).trimmed();
}

void DemoServer::start()
{
    QString why;
    if (!isSupported(&why)) {
        emit failed(why);
        return;
    }
    m_started = true;
    emit progress(tr("Booting the demo server (a local systemd container)…"));
    m_boot.start(u"bash"_s, { harnessScript(), u"up"_s, HostName, HostIndex });
}

void DemoServer::onBooted(int exitCode, QProcess::ExitStatus status)
{
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString output = QString::fromUtf8(m_boot.readAll()).trimmed().section(u'\n', -3);
        emit failed(tr("The demo server did not boot: %1 Check that this machine can run systemd-nspawn "
                       "containers (root, systemd-container installed).")
                        .arg(output));
        return;
    }
    // The harness runs the scripts here; harness() waits for a few milliseconds at most.
    const QString ip = harness({ u"ip"_s, HostName });
    const QString root = harness({ u"root"_s, HostName });
    const QString key = harness({ u"key"_s });
    QFile hostKey(root + u"/etc/ssh/ssh_host_ed25519_key.pub"_s);
    if (ip.isEmpty() || !hostKey.open(QIODevice::ReadOnly)) {
        emit failed(tr("The demo server booted, but its address or host key could not be read."));
        return;
    }
    const QByteArray publicKey = hostKey.readAll().simplified();
    const QList<QByteArray> fields = publicKey.split(' ');
    const QString knownHostsLine = ip + u' ' + QString::fromLatin1(fields.value(0) + ' ' + fields.value(1));

    // Pin the key in Gantry's known_hosts: it was read from the container's own disk, not from the network.
    QFile knownHosts(m_workspace->knownHostsFile());
    QByteArray kept;
    if (knownHosts.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : knownHosts.readAll().split('\n'))
            if (!line.isEmpty() && !line.startsWith(QByteArray(ip.toLatin1() + ' ')))
                kept += line + '\n';
        knownHosts.close();
    }
    if (!knownHosts.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        emit failed(tr("The demo server's host key could not be saved in %1.").arg(knownHosts.fileName()));
        return;
    }
    knownHosts.write(kept + knownHostsLine.toLatin1() + '\n');
    knownHosts.close();

    ServerRecord server;
    server.name = ServerName;
    server.address = ip;
    server.port = 22;
    server.user = u"deploy"_s;
    server.auth = AuthKind::Key;
    server.keyFile = key;
    server.hostKey = knownHostsLine;
    server.hostKeyFingerprint = fingerprintOf(publicKey);
    server.os = u"linux"_s;
    const QString cpu = QSysInfo::currentCpuArchitecture();
    server.arch = cpu == u"x86_64"_s ? u"amd64"_s : cpu == u"i386"_s ? u"386"_s : cpu;
    const Result<void> saved =
        m_workspace->server(ServerName) ? m_workspace->updateServer(server) : m_workspace->addServer(server);
    if (!saved) {
        emit failed(saved.error().toString());
        return;
    }
    qCInfo(lcApp).noquote() << "demo server ready at" << ip << server.hostKeyFingerprint;
    emit ready(ServerName);
}

void DemoServer::stop()
{
    if (!m_started)
        return;
    m_started = false;
    if (m_boot.state() != QProcess::NotRunning) {
        m_boot.kill();
        m_boot.waitForFinished(5000);
    }
    // At exit: the container must not outlive the app.
    QProcess down;
    down.start(u"bash"_s, { harnessScript(), u"down"_s, HostName });
    down.waitForFinished(60000);
}

} // namespace Gantry
