#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "core/monitor/alertwebhook.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::AlertWebhook;
using Gantry::EventRecord;

namespace {

// A local HTTP receiver: keeps each request's body and answers with `status`.
class Receiver final : public QObject {
public:
    explicit Receiver(int status)
        : m_status(status)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/hook"_s.arg(m_server.serverPort())); }
    QList<QByteArray> bodies;
    QList<QByteArray> heads;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        heads << head;
        bodies << buffer.mid(end + 4, length);
        buffer.clear();
        socket->write("HTTP/1.1 " + QByteArray::number(m_status) +
            " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    int m_status;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

EventRecord sampleEvent()
{
    return EventRecord { 42, QDateTime(QDate(2024, 6, 1), QTime(10, 0), Qt::UTC), u"web1"_s,
        u"gantry-shop.service"_s, u"shop"_s, u"health-failing"_s, false,
        u"gantry-shop.service on web1 failed its health check 3 times in a row: HTTP 503"_s };
}

} // namespace

class TestAlertWebhook final : public QObject {
    Q_OBJECT

private slots:
    void payloadIsOneJsonObject();
    void postsToReceiver();
    void reportsRefusal_data();
    void reportsRefusal();
};

void TestAlertWebhook::payloadIsOneJsonObject()
{
    const QJsonObject json = QJsonDocument::fromJson(AlertWebhook::payload(sampleEvent())).object();
    QCOMPARE(json.value(u"source"_s).toString(), u"gantry"_s);
    QCOMPARE(json.value(u"id"_s).toInt(), 42);
    QCOMPARE(json.value(u"time"_s).toString(), u"2024-06-01T10:00:00.000Z"_s);
    QCOMPARE(json.value(u"server"_s).toString(), u"web1"_s);
    QCOMPARE(json.value(u"unit"_s).toString(), u"gantry-shop.service"_s);
    QCOMPARE(json.value(u"project"_s).toString(), u"shop"_s);
    QCOMPARE(json.value(u"kind"_s).toString(), u"health-failing"_s);
    QCOMPARE(json.value(u"recovery"_s).toBool(), false);
    QVERIFY(json.value(u"message"_s).toString().contains(u"HTTP 503"_s));
}

void TestAlertWebhook::postsToReceiver()
{
    Receiver receiver(200);
    AlertWebhook webhook(receiver.url());
    QSignalSpy delivered(&webhook, &AlertWebhook::delivered);
    webhook.post(sampleEvent());
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.first().at(0).toLongLong(), 42);
    QCOMPARE(delivered.first().at(1).toString(), QString());
    QCOMPARE(receiver.bodies.size(), 1);
    QCOMPARE(receiver.bodies.first(), AlertWebhook::payload(sampleEvent()));
    QVERIFY(receiver.heads.first().startsWith("POST /hook HTTP/1.1"));
    QVERIFY(receiver.heads.first().toLower().contains("content-type: application/json"));
    QCOMPARE(webhook.pending(), 0);
}

void TestAlertWebhook::reportsRefusal_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("500") << 500 << u"500"_s;
    QTest::newRow("404") << 404 << u"404"_s;
    QTest::newRow("nobody listens") << 0 << u"refused"_s;
}

void TestAlertWebhook::reportsRefusal()
{
    QFETCH(int, status);
    QFETCH(QString, error);
    Receiver receiver(status ? status : 200);
    QUrl url = receiver.url();
    if (!status)
        url.setPort(1); // nothing listens on port 1
    AlertWebhook webhook(url);
    QSignalSpy delivered(&webhook, &AlertWebhook::delivered);
    webhook.post(sampleEvent());
    QVERIFY(delivered.wait(5000));
    const QString got = delivered.first().at(1).toString();
    QVERIFY2(got.contains(error, Qt::CaseInsensitive), qPrintable(got));
}

QTEST_GUILESS_MAIN(TestAlertWebhook)
#include "tst_alertwebhook.moc"
