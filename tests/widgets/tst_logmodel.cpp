#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "widgets/logs/logfilterproxymodel.h"
#include "widgets/logs/logmodel.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

namespace {

constexpr qint64 Second = 1'000'000;
const qint64 Start = QDateTime(QDate(2026, 3, 1), QTime(10, 0)).toMSecsSinceEpoch() * 1000;

LogLine line(const QString &server, qint64 usec, LogLevel level, const QString &message,
    const QString &unit = u"gantry-shop.service"_s)
{
    LogLine l;
    l.server = server;
    l.unit = unit;
    l.level = level;
    l.entry.message = message;
    l.entry.realtimeUSec = usec;
    l.entry.unit = unit;
    return l;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

QStringList messages(const QAbstractItemModel &model)
{
    return column(model, LogModel::MessageColumn);
}

} // namespace

class tst_LogModel : public QObject {
    Q_OBJECT

private slots:
    void columnsShowTheLine();
    void ringKeepsTheNewest();
    void interleavedBatchesMergeByTime();
    void modelAndProxyPassTheTester();
    void filtersByLevelServerServiceAndTime();
    void managerLinesShowTheirService();
    void searchesTextAndRegex();
    void invalidRegexIsRefused();
    void writesTheShownLines();
    void aMillionLinesStayFast();
};

void tst_LogModel::columnsShowTheLine()
{
    LogModel model;
    model.appendLines({ line(u"web1"_s, Start + 1234, LogLevel::Error, u"db down\nretrying in 5s"_s) });
    QCOMPARE(model.rowCount(), 1);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(Start / 1000 + 1);
    QCOMPARE(
        model.index(0, LogModel::TimeColumn).data().toString(), local.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s));
    QCOMPARE(model.index(0, LogModel::ServerColumn).data().toString(), u"web1"_s);
    QCOMPARE(model.index(0, LogModel::ServiceColumn).data().toString(), u"shop"_s);
    QCOMPARE(model.index(0, LogModel::LevelColumn).data().toString(),
        LogLevelClassifier::displayName(LogLevel::Error));
    QVERIFY(model.index(0, LogModel::LevelColumn).data(Qt::ForegroundRole).canConvert<QColor>());
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), u"db down"_s);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data(Qt::ToolTipRole).toString(),
        u"db down\nretrying in 5s"_s);
    QCOMPARE(model.headerData(LogModel::MessageColumn, Qt::Horizontal).toString(), u"Message"_s);

    model.appendLines({ line(u"web1"_s, Start + Second, LogLevel::Info, u"ok"_s) });
    QVERIFY(!model.index(1, LogModel::LevelColumn).data(Qt::ForegroundRole).isValid()); // info: no colour
    // The journal's own lines about the unit carry no unit: their writer is named.
    LogLine manager = line(u"web1"_s, Start + 2 * Second, LogLevel::Info, u"Started shop."_s, {});
    manager.entry.identifier = u"systemd"_s;
    model.appendLines({ manager });
    QCOMPARE(model.index(2, LogModel::ServiceColumn).data().toString(), u"systemd"_s);
    QCOMPARE(LogModel::serviceOf(u"gantry-hello-gin.service"_s), u"hello-gin"_s);
}

void tst_LogModel::ringKeepsTheNewest()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.capacity(), 1'000'000);
    model.setCapacity(5);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QList<LogLine> batch;
    for (int i = 0; i < 4; ++i)
        batch << line(u"web1"_s, Start + i * Second, LogLevel::Info, QString::number(i));
    model.appendLines(batch);
    QCOMPARE(removed.size(), 0);
    batch.clear();
    for (int i = 4; i < 8; ++i)
        batch << line(u"web1"_s, Start + i * Second, LogLevel::Info, QString::number(i));
    model.appendLines(batch);
    QCOMPARE(messages(model), (QStringList { u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s }));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0); // from the front
    QCOMPARE(removed.first().at(2).toInt(), 2);
    // A batch larger than the ring keeps its newest lines only.
    batch.clear();
    for (int i = 20; i > 10; --i)
        batch << line(u"web1"_s, Start + i * Second, LogLevel::Info, QString::number(i));
    model.appendLines(batch);
    QCOMPARE(messages(model), (QStringList { u"16"_s, u"17"_s, u"18"_s, u"19"_s, u"20"_s }));
    model.setCapacity(2);
    QCOMPARE(messages(model), (QStringList { u"19"_s, u"20"_s }));
    // A late line older than everything kept goes at once.
    model.appendLines({ line(u"web2"_s, Start, LogLevel::Info, u"late"_s) });
    QCOMPARE(messages(model), (QStringList { u"19"_s, u"20"_s }));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_LogModel::interleavedBatchesMergeByTime()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // web1's batch arrives first; web2's covers the same 100 ms and comes a little later,
    // itself slightly out of order.
    model.appendLines({ line(u"web1"_s, Start + 10, LogLevel::Info, u"a10"_s),
        line(u"web1"_s, Start + 20, LogLevel::Info, u"a20"_s),
        line(u"web1"_s, Start + 30, LogLevel::Info, u"a30"_s),
        line(u"web1"_s, Start + 40, LogLevel::Info, u"a40"_s) });
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendLines({ line(u"web2"_s, Start + 25, LogLevel::Info, u"b25"_s),
        line(u"web2"_s, Start + 15, LogLevel::Info, u"b15"_s),
        line(u"web2"_s, Start + 26, LogLevel::Info, u"b26"_s),
        line(u"web2"_s, Start + 40, LogLevel::Info, u"b40"_s),
        line(u"web2"_s, Start + 50, LogLevel::Info, u"b50"_s) });
    QCOMPARE(messages(model),
        (QStringList {
            u"a10"_s, u"b15"_s, u"a20"_s, u"b25"_s, u"b26"_s, u"a30"_s, u"a40"_s, u"b40"_s, u"b50"_s }));
    QCOMPARE(column(model, LogModel::ServerColumn).count(u"web2"_s), 5);
    QCOMPARE(inserted.size(), 3); // one insertion per place: after a10, after a20, at the end
    // Times never go back.
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data(LogModel::TimeRole).toLongLong() >=
            model.index(row - 1, 0).data(LogModel::TimeRole).toLongLong());
}

void tst_LogModel::modelAndProxyPassTheTester()
{
    LogModel model;
    model.setCapacity(50);
    LogFilterProxyModel proxy(&model);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.headerData(LogModel::ServerColumn, Qt::Horizontal).toString(), u"Server"_s); // while empty
    const LogLevel levels[] = { LogLevel::Info, LogLevel::Warning, LogLevel::Error, LogLevel::Debug };
    qint64 t = Start;
    for (int batch = 0; batch < 30; ++batch) {
        QList<LogLine> lines;
        for (int i = 0; i < 7; ++i) {
            const QString server = i % 2 ? u"web2"_s : u"web1"_s;
            // web2 runs a little behind web1: its lines land among those already kept.
            const qint64 when = t + i * 1000 - (i % 2 ? 2500 : 0);
            lines << line(server, when, levels[(batch + i) % 4], u"line %1.%2"_s.arg(batch).arg(i));
        }
        t += 7000;
        model.appendLines(lines);
        if (batch == 10)
            proxy.setMinimumLevel(LogLevel::Unknown);
        if (batch == 20)
            QVERIFY(proxy.setSearch(u"line 2"_s, false));
        if (batch == 25)
            proxy.setSince(t - 20'000);
        QVERIFY(model.rowCount() <= 50);
        // Every shown row maps to a source line the filter accepts, in time order.
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex source = proxy.mapToSource(proxy.index(row, 0));
            QVERIFY(source.isValid());
            QCOMPARE(proxy.mapFromSource(source), proxy.index(row, 0));
            QCOMPARE(proxy.index(row, LogModel::MessageColumn).data(),
                model.index(source.row(), LogModel::MessageColumn).data());
        }
    }
    model.setCapacity(10);
    QVERIFY(proxy.rowCount() <= 10);
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_LogModel::filtersByLevelServerServiceAndTime()
{
    LogModel model;
    LogFilterProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendLines({ line(u"web1"_s, Start + 1 * Second, LogLevel::Debug, u"d1"_s),
        line(u"web1"_s, Start + 2 * Second, LogLevel::Info, u"i1"_s),
        line(u"web2"_s, Start + 3 * Second, LogLevel::Warning, u"w2"_s),
        line(u"web1"_s, Start + 4 * Second, LogLevel::Error, u"e1"_s, u"gantry-api.service"_s),
        line(u"web2"_s, Start + 5 * Second, LogLevel::Fatal, u"f2"_s),
        line(u"web2"_s, Start + 6 * Second, LogLevel::Unknown, u"u2"_s) });
    QCOMPARE(proxy.minimumLevel(), LogLevel::Warning); // warn and above, as Cockpit starts
    QCOMPARE(messages(proxy), (QStringList { u"w2"_s, u"e1"_s, u"f2"_s }));
    proxy.setMinimumLevel(LogLevel::Error);
    QCOMPARE(messages(proxy), (QStringList { u"e1"_s, u"f2"_s }));
    proxy.setMinimumLevel(LogLevel::Unknown);
    QCOMPARE(proxy.rowCount(), 6);
    proxy.setServers({ u"web2"_s });
    QCOMPARE(messages(proxy), (QStringList { u"w2"_s, u"f2"_s, u"u2"_s }));
    proxy.setServers({});
    proxy.setServices({ u"api"_s });
    QCOMPARE(messages(proxy), QStringList { u"e1"_s });
    proxy.setServices({});
    // A later start drops the front rows one by one, no reset.
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    proxy.setSince(Start + 3 * Second);
    QCOMPARE(messages(proxy), (QStringList { u"w2"_s, u"e1"_s, u"f2"_s, u"u2"_s }));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    proxy.setSince(0);
    QCOMPARE(proxy.rowCount(), 6);
    // New lines go through the same filter.
    proxy.setMinimumLevel(LogLevel::Warning);
    model.appendLines({ line(u"web1"_s, Start + 7 * Second, LogLevel::Info, u"i7"_s),
        line(u"web1"_s, Start + 8 * Second, LogLevel::Warning, u"w8"_s) });
    QCOMPARE(messages(proxy), (QStringList { u"w2"_s, u"e1"_s, u"f2"_s, u"w8"_s }));
}

// systemd's lines about a unit, as journalctl 252 printed them on a test host: written from
// init.scope, they name the unit in UNIT, and belong to its service in the column and the filter.
void tst_LogModel::managerLinesShowTheirService()
{
    const QList<QByteArray> journal {
        R"({"MESSAGE":"hello from gin","_SYSTEMD_UNIT":"gantry-hello-gin.service","SYSLOG_IDENTIFIER":"sh","_PID":"86","PRIORITY":"6","__CURSOR":"s=d0;i=7c","__REALTIME_TIMESTAMP":"1796279449000100"})",
        R"({"MESSAGE":"gantry-hello-gin.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED","_SYSTEMD_UNIT":"init.scope","UNIT":"gantry-hello-gin.service","SYSLOG_IDENTIFIER":"systemd","_PID":"1","PRIORITY":"5","__CURSOR":"s=d0;i=7e","__REALTIME_TIMESTAMP":"1796279451000100"})",
        R"({"__CURSOR":"s=d037c84fbd964fedb329e63bb866d51f;i=8a;b=c6fbb7cabe7546d896b51dcad73a42db;m=1314111d7;t=661b4e6efa882;x=a97575059ec5cb60","_BOOT_ID":"c6fbb7cabe7546d896b51dcad73a42db","PRIORITY":"6","__MONOTONIC_TIMESTAMP":"5121315287","_SYSTEMD_UNIT":"init.scope","SYSLOG_IDENTIFIER":"systemd","MESSAGE":"Stopped gantry-hello-gin.service - hello.","UNIT":"gantry-hello-gin.service","_PID":"1","__REALTIME_TIMESTAMP":"1796279456737410"})",
        R"({"MESSAGE":"Reached target multi-user.target.","_SYSTEMD_UNIT":"init.scope","SYSLOG_IDENTIFIER":"systemd","_PID":"1","PRIORITY":"6","__CURSOR":"s=d0;i=90","__REALTIME_TIMESTAMP":"1796279457000000"})",
    };
    QList<LogLine> lines;
    for (const QByteArray &json : journal) {
        auto parsed = LogStream::toLogLine(u"web1"_s, json);
        QVERIFY2(parsed.has_value(), json.constData());
        lines << *parsed;
    }
    LogModel model;
    LogFilterProxyModel proxy(&model);
    proxy.setMinimumLevel(LogLevel::Unknown);
    model.appendLines(lines);
    QCOMPARE(column(model, LogModel::ServiceColumn),
        (QStringList { u"hello-gin"_s, u"hello-gin"_s, u"hello-gin"_s, u"init.scope"_s }));
    proxy.setServices({ u"hello-gin"_s });
    QCOMPARE(messages(proxy),
        (QStringList { u"hello from gin"_s,
            u"gantry-hello-gin.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED"_s,
            u"Stopped gantry-hello-gin.service - hello."_s }));
}

void tst_LogModel::searchesTextAndRegex()
{
    LogModel model;
    LogFilterProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setMinimumLevel(LogLevel::Unknown);
    model.appendLines({ line(u"web1"_s, Start + 1, LogLevel::Info, u"GET /api/users 200"_s),
        line(u"web1"_s, Start + 2, LogLevel::Info, u"GET /health 200"_s),
        line(u"web1"_s, Start + 3, LogLevel::Error, u"POST /API/orders 500"_s),
        line(u"web1"_s, Start + 4, LogLevel::Info, u"a (b) [c]"_s) });
    QVERIFY(proxy.setSearch(u"/api/"_s, false)); // any case
    QCOMPARE(messages(proxy), (QStringList { u"GET /api/users 200"_s, u"POST /API/orders 500"_s }));
    QVERIFY(proxy.setSearch(u"(b) [c"_s, false)); // plain text: no special characters
    QCOMPARE(messages(proxy), QStringList { u"a (b) [c]"_s });
    QVERIFY(proxy.setSearch(u"^(GET|POST) \\S+ 5\\d\\d$"_s, true));
    QCOMPARE(messages(proxy), QStringList { u"POST /API/orders 500"_s });
    QVERIFY(proxy.setSearch(u"get /health"_s, true));
    QCOMPARE(messages(proxy), QStringList { u"GET /health 200"_s });
    QVERIFY(proxy.setSearch({}, true));
    QCOMPARE(proxy.rowCount(), 4);
}

void tst_LogModel::invalidRegexIsRefused()
{
    LogModel model;
    LogFilterProxyModel proxy(&model);
    proxy.setMinimumLevel(LogLevel::Unknown);
    model.appendLines({ line(u"web1"_s, Start + 1, LogLevel::Info, u"error: (x"_s),
        line(u"web1"_s, Start + 2, LogLevel::Info, u"fine"_s) });
    QVERIFY(proxy.setSearch(u"fine"_s, false));
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    const Result<void> refused = proxy.setSearch(u"error: (x"_s, true);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"regular expression"_s), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.endsWith(u'.'));
    QVERIFY(!refused.error().hint.isEmpty());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(messages(proxy), QStringList { u"fine"_s }); // the filter stays as it was
}

void tst_LogModel::writesTheShownLines()
{
    LogModel model;
    LogFilterProxyModel proxy(&model);
    model.appendLines({ line(u"web1"_s, Start, LogLevel::Info, u"hidden"_s),
        line(u"web2"_s, Start + 1000, LogLevel::Error, u"boom\n  at main.go:12"_s),
        line(u"web1"_s, Start + 2000, LogLevel::Warning, u"slow"_s, u"gantry-api.service"_s) });
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const Result<qint64> written = proxy.writeLines(buffer);
    QVERIFY(written);
    QCOMPARE(*written, 2);
    const QString time1 = LogModel::timeText(Start + 1000);
    const QString time2 = LogModel::timeText(Start + 2000);
    QCOMPARE(QString::fromUtf8(buffer.data()),
        u"%1 web2 shop %2 boom\n      at main.go:12\n%3 web1 api %4 slow\n"_s.arg(time1,
            LogLevelClassifier::displayName(LogLevel::Error), time2,
            LogLevelClassifier::displayName(LogLevel::Warning)));
    QBuffer closed; // not open: the write fails and says so
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
    const Result<qint64> failed = proxy.writeLines(closed);
    QVERIFY(!failed);
    QVERIFY(!failed.error().hint.isEmpty());
}

void tst_LogModel::aMillionLinesStayFast()
{
#ifdef NDEBUG
    constexpr int Scale = 1; // a million lines: about 1 s in a Release build on a busy two-core box
    constexpr qint64 LimitMs = 3000;
#else
    constexpr int Scale = 5; // unoptimised std::deque and QString moves are ten to twenty times slower
    constexpr qint64 LimitMs = 15000;
#endif
    constexpr int Capacity = 1'000'000 / Scale;
    constexpr int Lines = Capacity / 5 * 6; // the ring overflows by a fifth
    constexpr int BatchSize = 1000;
    LogModel model;
    model.setCapacity(Capacity);
    LogFilterProxyModel proxy(&model);
    QList<QList<LogLine>> batches;
    const LogLevel levels[] = { LogLevel::Info, LogLevel::Info, LogLevel::Info, LogLevel::Warning,
        LogLevel::Error };
    for (int b = 0; b < Lines / BatchSize; ++b) {
        QList<LogLine> batch;
        batch.reserve(BatchSize);
        for (int i = 0; i < BatchSize; ++i) {
            const int n = b * BatchSize + i;
            // Two servers, the second 30 ms behind: each batch merges into the last 300 lines.
            const qint64 when = Start + qint64(n) * 100 - (i % 2 ? 30'000 : 0);
            batch << line(i % 2 ? u"web2"_s : u"web1"_s, when, levels[n % 5], u"request %1 served"_s.arg(n));
        }
        batches << batch;
    }
    QElapsedTimer clock;
    clock.start();
    for (const QList<LogLine> &batch : std::as_const(batches))
        model.appendLines(batch);
    const qint64 appendMs = clock.elapsed();
    QCOMPARE(model.rowCount(), Capacity);
    QCOMPARE(proxy.rowCount(), Capacity / 5 * 2); // warnings and errors
    for (int row = 1; row < model.rowCount(); row += 997)
        QVERIFY(model.row(row).realtimeUSec >= model.row(row - 1).realtimeUSec);
    clock.restart();
    QVERIFY(proxy.setSearch(u"request 11"_s, false));
    const qint64 searchMs = clock.elapsed();
    QVERIFY(proxy.rowCount() > 0);
    qInfo("%d lines in batches of %d into a ring of %d under the filter: %lld ms; a search: %lld ms", Lines,
        BatchSize, Capacity, appendMs, searchMs);
    QVERIFY2(appendMs < LimitMs, qPrintable(u"%1 ms"_s.arg(appendMs)));
    QVERIFY2(searchMs < LimitMs, qPrintable(u"%1 ms"_s.arg(searchMs)));
}

QTEST_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
