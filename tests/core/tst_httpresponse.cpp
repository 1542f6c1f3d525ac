#include <QRandomGenerator>
#include <QTest>

#include "core/remote/httpresponse.h"

using namespace Gantry;

// Table-driven: every framing a health endpoint may use, cut at every byte.
class TestHttpResponse : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("needsEnd");

        QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << 200
                                        << QByteArray("ok") << false;
        QTest::newRow("json") << QByteArray(
                                     "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                                     "Content-Length: 17\r\n\r\n{\"version\":\"1.0\"}")
                              << 200 << QByteArray("{\"version\":\"1.0\"}") << false;
        QTest::newRow("503") << QByteArray(
                                    "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 4\r\n\r\ndown")
                             << 503 << QByteArray("down") << false;
        QTest::newRow("chunked") << QByteArray(
                                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
                                        "2;x=y\r\nde\r\n0\r\n\r\n")
                                 << 200 << QByteArray("abcde") << false;
        QTest::newRow("until close") << QByteArray("HTTP/1.0 404 Not Found\r\n\r\nnope") << 404
                                     << QByteArray("nope") << true;
        QTest::newRow("empty body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
                                    << 204 << QByteArray() << false;
    }

    void parse()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, needsEnd);

        for (qsizetype cut = 0; cut < raw.size(); ++cut) {
            const auto partial = HttpResponseParser::parse(raw.first(cut), false);
            if (partial && *partial && cut < raw.size())
                QVERIFY2((*partial)->body.size() <= body.size(), qPrintable(QString::number(cut)));
        }
        const auto whole = HttpResponseParser::parse(raw, needsEnd);
        QVERIFY(whole.has_value());
        QVERIFY(whole->has_value());
        QCOMPARE((*whole)->status, status);
        QCOMPARE((*whole)->body, body);
        if (needsEnd)
            QVERIFY(!HttpResponseParser::parse(raw, false).has_value());
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("ssh banner") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
        QTest::newRow("no status") << QByteArray("HTTP/1.1\r\n\r\n");
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 abc OK\r\n\r\n");
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("bad chunk") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("cut headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-");
        QTest::newRow("empty") << QByteArray();
    }

    void garbage()
    {
        QFETCH(QByteArray, raw);
        const auto parsed = HttpResponseParser::parse(raw, true);
        QVERIFY(parsed.has_value());
        QVERIFY(!parsed->has_value());
        QVERIFY(!parsed->error().message.isEmpty());
        QVERIFY(!parsed->error().hint.isEmpty());
    }

    void bodyIsBounded()
    {
        const QByteArray raw = "HTTP/1.1 200 OK\r\n\r\n" + QByteArray(200 * 1024, 'x');
        const auto parsed = HttpResponseParser::parse(raw, false);
        QVERIFY(parsed && *parsed);
        QCOMPARE((*parsed)->body.size(), HttpResponseParser::MaxBody);
    }

    void fuzz()
    {
        // Random bytes and mutations of a valid answer: never a crash, always an answer at the end.
        const QByteArray seed = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                                "5\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        QRandomGenerator random(42);
        for (int i = 0; i < 20000; ++i) {
            QByteArray raw = seed;
            const int edits = 1 + int(random.bounded(8));
            for (int e = 0; e < edits; ++e)
                raw[random.bounded(int(raw.size()))] = char(random.bounded(256));
            if (i % 3 == 0)
                raw.truncate(random.bounded(int(raw.size())));
            QVERIFY(HttpResponseParser::parse(raw, true).has_value());
            HttpResponseParser::parse(raw, false);
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpResponse)
#include "tst_httpresponse.moc"
