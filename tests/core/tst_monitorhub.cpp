#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "core/monitor/monitorhub.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Gantry::AuthKind;
using Gantry::EventRecord;
using Gantry::HostSnapshot;
using Gantry::HostState;
using Gantry::MonitorHub;
using Gantry::Workspace;

namespace {

// A local HTTP receiver that keeps the body of every request and answers 200.
class Receiver final : public QObject {
public:
    Receiver()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString url() const { return u"http://127.0.0.1:%1/hook"_s.arg(m_server.serverPort()); }
    QList<QByteArray> bodies;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        bodies << buffer.mid(end + 4, length);
        buffer.clear();
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// Nothing listens on port 1 of the loopback: the connection is refused at once.
Gantry::ServerRecord closedServer(const QString &name)
{
    return { name, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, u"linux"_s, u"amd64"_s };
}

} // namespace

class TestMonitorHub final : public QObject {
    Q_OBJECT

private slots:
    void servicesComeFromTheLastDeploymentsProfile();
    void noServersNoMonitors();
    void unreachableServerRaisesOneStoredPostedAlert();
    void stopDoesNotWaitAndSilencesTheHub();
    void acceptedSnapshotsFeedTheAlertEngine();

private:
    std::unique_ptr<Workspace> openWorkspace(const QTemporaryDir &dir)
    {
        auto ws = Workspace::open(dir.path());
        if (!ws)
            qWarning() << ws.error().toString();
        return ws ? std::move(*ws) : nullptr;
    }
};

void TestMonitorHub::servicesComeFromTheLastDeploymentsProfile()
{
    QTemporaryDir dir;
    auto ws = openWorkspace(dir);
    QVERIFY(ws);
    QVERIFY(ws->addServer(closedServer(u"web1"_s)));
    QVERIFY(ws->addServer(closedServer(u"web2"_s)));
    QVERIFY(ws->addProject({ u"shop"_s, u"/src/Shop"_s, {}, {} }));
    QVERIFY(ws->addProject({ u"blog"_s, u"/src/blog"_s, QJsonObject { { u"app"_s, u"journal"_s } }, {} }));
    QVERIFY(ws->addProfile({ u"shop"_s, u"canary"_s, u"prod"_s,
        QJsonObject { { u"service_port"_s, 9091 }, { u"health_path"_s, u"/ready"_s } } }));
    QVERIFY(ws->addDeployment({ 0, u"ann"_s, QDateTime::currentDateTimeUtc().addSecs(-60), u"shop"_s,
        u"1.0.0"_s, u"prod"_s, { u"web1"_s }, u"success"_s, 1, {} }));
    QVERIFY(ws->addDeployment({ 0, u"ann"_s, QDateTime::currentDateTimeUtc(), u"shop"_s, u"1.1.0"_s,
        u"canary"_s, { u"web1"_s }, u"success"_s, 1, {} }));
    QVERIFY(ws->addDeployment({ 0, u"ann"_s, QDateTime::currentDateTimeUtc(), u"blog"_s, u"2.0.0"_s,
        u"prod"_s, { u"web2"_s }, u"success"_s, 1, {} }));

    const auto web1 = MonitorHub::servicesOn(*ws, u"web1"_s);
    QCOMPARE(web1.size(), 1);
    QCOMPARE(web1[0].project, u"shop"_s);
    QCOMPARE(web1[0].app, u"shop"_s);
    QCOMPARE(web1[0].port, 9091);
    QCOMPARE(web1[0].healthPath, u"/ready"_s);
    const auto web2 = MonitorHub::servicesOn(*ws, u"web2"_s);
    QCOMPARE(web2.size(), 1);
    QCOMPARE(web2[0].app, u"journal"_s);
    QCOMPARE(web2[0].port, 8080);
    QVERIFY(MonitorHub::servicesOn(*ws, u"nowhere"_s).isEmpty());
}

void TestMonitorHub::noServersNoMonitors()
{
    QTemporaryDir dir;
    auto ws = openWorkspace(dir);
    QVERIFY(ws);
    MonitorHub hub(ws.get());
    QCOMPARE(hub.start(), 0);
    QVERIFY(!hub.isRunning());
    MonitorHub none(nullptr);
    QCOMPARE(none.start(), 0);
}

void TestMonitorHub::unreachableServerRaisesOneStoredPostedAlert()
{
    QTemporaryDir dir;
    auto ws = openWorkspace(dir);
    QVERIFY(ws);
    Receiver receiver;
    QVERIFY(ws->setWebhookUrl(receiver.url()));
    QVERIFY(ws->addServer(closedServer(u"down1"_s)));
    MonitorHub hub(ws.get());
    hub.setInterval(100ms);
    QSignalSpy snapshots(&hub, &MonitorHub::snapshotReady);
    QSignalSpy alerts(&hub, &MonitorHub::alertRaised);
    QSignalSpy problems(&hub, &MonitorHub::problem);
    QCOMPARE(hub.start(), 1);
    QCOMPARE(hub.servers(), QStringList { u"down1"_s });

    // Retried with backoff: 100, 200 ms. Each try waits for the refusal of a closed port, which
    // Windows (and Wine, under load) can take seconds to report.
    QTRY_VERIFY_WITH_TIMEOUT(snapshots.size() >= 3, 60000);
    const auto first = snapshots.first().first().value<HostSnapshot>();
    QCOMPARE(first.server, u"down1"_s);
    QCOMPARE(first.state, HostState::Unreachable);
    QVERIFY(!first.problem.message.isEmpty());
    QCOMPARE(alerts.size(), 1); // once per transition, not once per refresh
    const auto alert = alerts.first().first().value<EventRecord>();
    QCOMPARE(alert.kind, u"unreachable"_s);
    QCOMPARE(alert.server, u"down1"_s);
    QVERIFY(alert.id > 0); // stored before it was announced

    const auto stored = ws->events();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().id, alert.id);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.bodies.size(), 1, 10000);
    const QJsonObject posted = QJsonDocument::fromJson(receiver.bodies.first()).object();
    QCOMPARE(posted.value(u"kind"_s).toString(), u"unreachable"_s);
    QCOMPARE(posted.value(u"server"_s).toString(), u"down1"_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
    hub.stop();
}

void TestMonitorHub::stopDoesNotWaitAndSilencesTheHub()
{
    QTemporaryDir dir;
    auto ws = openWorkspace(dir);
    QVERIFY(ws);
    // A server that accepts the connection and never speaks: the worker sits in its connect.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    auto server = closedServer(u"mute"_s);
    server.port = silent.serverPort();
    QVERIFY(ws->addServer(server));
    MonitorHub hub(ws.get());
    hub.setConnectTimeout(3s);
    QSignalSpy snapshots(&hub, &MonitorHub::snapshotReady);
    QCOMPARE(hub.start(), 1);
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    hub.stop();
    QVERIFY2(clock.elapsed() < 200, qPrintable(u"stop() took %1 ms"_s.arg(clock.elapsed())));
    QVERIFY(!hub.isRunning());
    QTest::qWait(4000); // past the connect timeout: the answer is dropped
    QCOMPARE(snapshots.size(), 0);
}

void TestMonitorHub::acceptedSnapshotsFeedTheAlertEngine()
{
    QTemporaryDir dir;
    auto ws = openWorkspace(dir);
    QVERIFY(ws);
    MonitorHub hub(ws.get());
    QSignalSpy alerts(&hub, &MonitorHub::alertRaised);
    QSignalSpy snapshots(&hub, &MonitorHub::snapshotReady);
    HostSnapshot snapshot;
    snapshot.server = u"web1"_s;
    snapshot.state = HostState::Online;
    snapshot.time = QDateTime::currentDateTimeUtc();
    Gantry::UnitSnapshot unit;
    unit.project = u"shop"_s;
    unit.app = u"shop"_s;
    unit.unit = u"gantry-shop.service"_s;
    unit.loadState = u"loaded"_s;
    unit.activeState = u"active"_s;
    snapshot.units = { unit };
    hub.accept(snapshot);
    QCOMPARE(alerts.size(), 0);
    snapshot.units[0].activeState = u"failed"_s;
    hub.accept(snapshot);
    hub.accept(snapshot);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts[0][0].value<EventRecord>().kind, u"failed"_s);
    snapshot.units[0].activeState = u"active"_s;
    hub.accept(snapshot);
    QCOMPARE(alerts.size(), 2);
    QVERIFY(alerts[1][0].value<EventRecord>().recovery);
    QCOMPARE(snapshots.size(), 4);
    QCOMPARE(ws->events()->size(), 2);
}

QTEST_GUILESS_MAIN(TestMonitorHub)
#include "tst_monitorhub.moc"
