#include <algorithm>

#include <QTest>
#include <QThread>

#include "core/monitor/logbatcher.h"

using namespace Qt::Literals::StringLiterals;
using namespace Gantry;

namespace {

QByteArray journalLine(int i, const QByteArray &message = "m")
{
    return R"({"__CURSOR":"s=1;i=)" + QByteArray::number(i, 16) + R"(","__REALTIME_TIMESTAMP":")" +
        QByteArray::number(1704207845000000 + i) + R"(","_SYSTEMD_UNIT":"gantry-shop.service","MESSAGE":")" +
        message + R"("})";
}

} // namespace

// LogStream's batching, without a server: what reaches the model, and when.
class TestLogBatcher final : public QObject {
    Q_OBJECT

private slots:
    void keepsEveryEntryInOrderAndCountsTheRest();
    void pollWaitsForTheBatchTime();
    void lastCursorOfAnyShape();
    void flushOfNothingDeliversNothing();
};

void TestLogBatcher::keepsEveryEntryInOrderAndCountsTheRest()
{
    QList<QList<LogLine>> batches;
    LogBatcher batcher(u"web1"_s, [&](QList<LogLine> lines) { batches << lines; });
    for (int i = 0; i < 1000; ++i) {
        batcher.take(journalLine(i, i % 2 ? "level=error x" : "ok"));
        if (i % 100 == 0)
            batcher.take("-- No entries --");
    }
    batcher.take(R"({"__CURSOR":"c"})");
    batcher.flush();
    QCOMPARE(batches.size(), 1);
    const QList<LogLine> &lines = batches.first();
    QCOMPARE(lines.size(), 1000);
    QCOMPARE(batcher.skipped(), 11);
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(lines[i].entry.realtimeUSec, 1704207845000000 + i);
        QCOMPARE(lines[i].server, u"web1"_s);
        QCOMPARE(lines[i].unit, u"gantry-shop.service"_s);
        QCOMPARE(lines[i].level, i % 2 ? LogLevel::Error : LogLevel::Unknown);
    }
    // The last line keeps its cursor: where a stream resumes. The others need none.
    QCOMPARE(lines.last().entry.cursor, u"s=1;i=3e7"_s);
    QVERIFY(std::all_of(
        lines.begin(), lines.end() - 1, [](const LogLine &l) { return l.entry.cursor.isEmpty(); }));
}

void TestLogBatcher::pollWaitsForTheBatchTime()
{
    QList<qsizetype> sizes;
    LogBatcher batcher(u"web1"_s, [&](QList<LogLine> lines) { sizes << lines.size(); });
    batcher.take(journalLine(1));
    batcher.poll();
    batcher.take(journalLine(2));
    batcher.poll();
    QVERIFY(sizes.isEmpty()); // well within 100 ms of the start
    QThread::msleep(LogBatcher::BatchMSec + 20);
    batcher.poll();
    QCOMPARE(sizes, QList<qsizetype> { 2 });
    batcher.take(journalLine(3));
    batcher.poll(); // the clock started again with the last batch
    QCOMPARE(sizes, QList<qsizetype> { 2 });
    batcher.flush();
    QCOMPARE(sizes, (QList<qsizetype> { 2, 1 }));
}

// A cursor with escapes, and a last line the scanner leaves to QJsonDocument: the cursor is
// still the journal's own.
void TestLogBatcher::lastCursorOfAnyShape()
{
    QList<LogLine> lines;
    LogBatcher batcher(u"web1"_s, [&](QList<LogLine> batch) { lines = batch; });
    batcher.take(R"({"__CURSOR":"s=\u0031;i=2","__REALTIME_TIMESTAMP":"5","MESSAGE":"a"})");
    batcher.flush();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.last().entry.cursor, u"s=1;i=2"_s);
    batcher.take(R"({"__CURSOR":"s=1;i=3","__REALTIME_TIMESTAMP":"6","MESSAGE":true})");
    batcher.take(R"({"__CURSOR":"s=1;i=4","__REALTIME_TIMESTAMP":"7","MESSAGE":"\ud83d\ude00"})");
    batcher.flush();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.first().entry.cursor.isEmpty());
    QCOMPARE(lines.last().entry.cursor, u"s=1;i=4"_s);
    QCOMPARE(lines.last().entry.message, QString::fromUtf8("\xf0\x9f\x98\x80"));
}

void TestLogBatcher::flushOfNothingDeliversNothing()
{
    int deliveries = 0;
    LogBatcher batcher(u"web1"_s, [&](QList<LogLine>) { ++deliveries; });
    batcher.flush();
    batcher.take("not json");
    batcher.flush();
    QThread::msleep(LogBatcher::BatchMSec + 20);
    batcher.poll();
    QCOMPARE(deliveries, 0);
    QCOMPARE(batcher.skipped(), 1);
}

QTEST_GUILESS_MAIN(TestLogBatcher)
#include "tst_logbatcher.moc"
