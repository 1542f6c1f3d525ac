#include <cmath>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include "core/monitor/cpumeter.h"
#include "core/monitor/journalentry.h"
#include "core/monitor/loglevel.h"
#include "core/monitor/unitstatus.h"

using namespace Qt::Literals::StringLiterals;
using namespace Gantry;

namespace {

constexpr int Rounds = 20000;
constexpr quint32 Seed = 20240102; // fixed: a failure replays exactly
constexpr qint64 SlowestInputMSec = 1000;

const QList<QByteArray> unitSeeds {
    "@@gantry-units 1\n@@clock\n1796218924678402160\n9113.72 17489.72\n@@units\nMainPID=365\nResult=success\n"
    "NRestarts=0\nExecMainStartTimestamp=Wed 2026-12-02 13:38:01 "
    "UTC\nExecMainStartTimestampMonotonic=8870149546\n"
    "MemoryCurrent=12582912\nCPUUsageNSec=1500000000\nId=gantry-shop.service\nLoadState=loaded\n"
    "ActiveState=active\nSubState=running\n\nMainPID=0\nId=gantry-nothere.service\nLoadState=not-found\n"
    "ActiveState=inactive\nSubState=dead\n@@exit\n0\n\n@@end\n",
    "@@gantry-units 1\n@@clock\n1796218929052472652\n9118.09 17489.72\n@@units\n@@exit\n0\n\n@@end\n",
    "@@gantry-units 1\n@@clock\n1\n2\n@@units\n@@exit\n1\nFailed to connect to bus: Host is down\n@@end\n",
};

const QList<QByteArray> journalSeeds {
    R"({"__REALTIME_TIMESTAMP":"1796218643675149","__CURSOR":"s=9e;i=17f","PRIORITY":"6","MESSAGE":"[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET /x","_PID":"123","SYSLOG_IDENTIFIER":"sh"})",
    R"({"__REALTIME_TIMESTAMP":"1796218642650152","__CURSOR":"s=9e;i=17a","MESSAGE":[98,105,110,255,97,114,121]})",
    R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":[[104,105],"x",null],"PRIORITY":4})",
};

const QList<QByteArray> logSeeds {
    "[GIN] 2024/01/02 - 15:04:05 |\x1b[97;41m 500 \x1b[0m|  1.2ms | 127.0.0.1 | GET \"/x\"",
    "[GIN-debug] [WARNING] Running in \"debug\" mode.",
    "2024/01/02 15:04:05.123456 main.go:12: error: x",
    "time=\"2024-01-02T15:04:05Z\" level=warning msg=\"x\"",
    "{\"level\":\"ERROR+4\",\"msg\":\"x\"}",
    "E0102 15:04:05.123456    1234 main.go:12] failed",
    "panic: boom",
    "3:04PM WRN slow",
};

// Bytes that steer parsers into their branches.
const QList<QByteArray> tokens { "@@end\n", "@@exit\n", "@@units\n", "@@clock\n", "@@gantry-units 1\n",
    "\r\n", "\n\n", "=", "Id=gantry-a.service\n", "CPUUsageNSec=", "18446744073709551615", "-1",
    "99999999999999999999", "[not set]", "\xff", QByteArray(1, '\0'), "\"", "{", "}", "[", "]", ",", ":",
    "null", "[1,2,300]", "\\u0000", "\x1b[", "\x1b]", "level=", "\"level\":\"", "[GIN] ", " | 500 | ",
    "goroutine 1 [running]:", "WARN+", "é" };

QByteArray mutate(QByteArray data, QRandomGenerator &random)
{
    const int edits = 1 + int(random.bounded(8));
    for (int i = 0; i < edits; ++i) {
        const qsizetype at = data.isEmpty() ? 0 : qsizetype(random.bounded(quint32(data.size() + 1)));
        switch (random.bounded(7)) {
        case 0: // flip a byte
            if (at < data.size())
                data[at] = char(random.bounded(256));
            break;
        case 1: // insert a random byte
            data.insert(at, char(random.bounded(256)));
            break;
        case 2: // insert a token
            data.insert(at, tokens.at(qsizetype(random.bounded(quint32(tokens.size())))));
            break;
        case 3: // delete a range
            data.remove(at, qsizetype(random.bounded(32)));
            break;
        case 4: // duplicate a range
            data.insert(at, data.mid(at, qsizetype(random.bounded(64))));
            break;
        case 5: // cut short
            data.truncate(at);
            break;
        default: // random bytes
            for (int n = int(random.bounded(16)); n > 0; --n)
                data.insert(at, char(random.bounded(256)));
        }
    }
    return data;
}

QByteArray input(const QList<QByteArray> &seeds, QRandomGenerator &random)
{
    if (random.bounded(20) == 0) { // pure noise now and then
        QByteArray noise(qsizetype(random.bounded(512)), Qt::Uninitialized);
        for (char &c : noise)
            c = char(random.bounded(256));
        return noise;
    }
    return mutate(seeds.at(qsizetype(random.bounded(quint32(seeds.size())))), random);
}

QByteArray randomValue(QRandomGenerator &random)
{
    switch (random.bounded(6)) {
    case 0:
        return "null";
    case 1: { // bytes, some out of range
        QByteArrayList bytes;
        for (int n = int(random.bounded(12)); n > 0; --n)
            bytes << QByteArray::number(int(random.bounded(300)) - 20);
        return "[" + bytes.join(',') + "]";
    }
    case 2:
        return "[\"a\",[104,105],null]";
    case 3:
        return QByteArray::number(int(random.bounded(20)) - 5);
    default: { // a JSON string of random printable characters and escapes
        QByteArray text = "\"";
        for (int n = int(random.bounded(40)); n > 0; --n) {
            const char c = char(32 + random.bounded(95));
            text += c == '"' || c == '\\' ? QByteArray("\\u00e9") : QByteArray(1, c);
        }
        return text + "\"";
    }
    }
}

// A well-formed entry with random values, so accepted entries get checked too.
QByteArray randomEntry(QRandomGenerator &random)
{
    return R"({"__CURSOR":"s=1;i=)" + QByteArray::number(random.bounded(1000)) +
        R"(","__REALTIME_TIMESTAMP":")" + QByteArray::number(qint64(random.generate64() >> 8)) +
        R"(","MESSAGE":)" + randomValue(random) + R"(,"PRIORITY":)" + randomValue(random) + R"(,"_PID":)" +
        randomValue(random) + R"(,"SYSLOG_IDENTIFIER":)" + randomValue(random) + "}";
}

bool sensible(const Error &error)
{
    return !error.message.isEmpty() && !error.hint.isEmpty() && error.message.endsWith(u'.');
}

} // namespace

// Deterministic random and mutated input for every monitor parser: no crash, no exception, an
// Error with a message and a hint for what is refused, sane values for what is accepted, and
// no input that takes long (a regular expression gone exponential).
class TestMonitorFuzz final : public QObject {
    Q_OBJECT

private slots:
    void unitStatusAndCpuMeter();
    void journalLines();
    void logLevels();
    void commands();
    void hugeLines_data();
    void hugeLines();
};

void TestMonitorFuzz::unitStatusAndCpuMeter()
{
    QRandomGenerator random(Seed);
    CpuMeter meter;
    qint64 slowest = 0;
    int accepted = 0;
    for (int round = 0; round < Rounds; ++round) {
        const QByteArray text = input(unitSeeds, random);
        QElapsedTimer timer;
        timer.start();
        const auto report = UnitStatusQuery::parse(text);
        if (!report) {
            QVERIFY2(sensible(report.error()), qPrintable(report.error().toString()));
            continue;
        }
        ++accepted;
        for (qsizetype i = 0; i < report->units.size(); ++i) {
            const UnitStatus &unit = report->units.at(i);
            QVERIFY(!unit.app.isEmpty() && unit.id == u"gantry-"_s + unit.app + u".service"_s);
            QVERIFY(i == 0 || report->units.at(i - 1).id < unit.id);
            QVERIFY(unit.mainPid >= 0 && unit.nRestarts >= 0 && unit.startedMonotonicUSec >= 0);
        }
        for (const UnitUsage &usage : meter.update(*report)) {
            QVERIFY(!usage.cpuPercent || (std::isfinite(*usage.cpuPercent) && *usage.cpuPercent >= 0));
            QVERIFY(!usage.uptimeMSec || *usage.uptimeMSec >= 0);
        }
        slowest = std::max(slowest, timer.elapsed());
    }
    QVERIFY2(slowest < SlowestInputMSec, qPrintable(QString::number(slowest)));
    QVERIFY(accepted > Rounds / 20); // the mutations keep some inputs valid
}

void TestMonitorFuzz::journalLines()
{
    QRandomGenerator random(Seed + 1);
    qint64 slowest = 0;
    int accepted = 0;
    for (int round = 0; round < Rounds; ++round) {
        const QByteArray line = round % 3 == 0 ? randomEntry(random) : input(journalSeeds, random);
        QElapsedTimer timer;
        timer.start();
        const auto entry = JournalEntryParser::parseLine(line);
        slowest = std::max(slowest, timer.elapsed());
        if (!entry) {
            QVERIFY2(sensible(entry.error()), qPrintable(entry.error().toString()));
            QVERIFY(entry.error().cause.size() <= 201);
            continue;
        }
        ++accepted;
        QVERIFY(entry->priority >= -1 && entry->priority <= 7);
        QVERIFY(entry->pid >= 0 && entry->realtimeUSec >= 0 && !entry->cursor.isEmpty());
        QVERIFY(!entry->messageOmitted || entry->message.isEmpty());
        const LogLevel level = LogLevelClassifier::classify(entry->message, entry->priority);
        QVERIFY(level >= LogLevel::Unknown && level <= LogLevel::Fatal);
    }
    QVERIFY2(slowest < SlowestInputMSec, qPrintable(QString::number(slowest)));
    QVERIFY(accepted > Rounds / 20);
}

void TestMonitorFuzz::logLevels()
{
    QRandomGenerator random(Seed + 2);
    qint64 slowest = 0;
    for (int round = 0; round < Rounds; ++round) {
        const QString line = QString::fromUtf8(input(logSeeds, random));
        const int priority = int(random.bounded(12)) - 2;
        QElapsedTimer timer;
        timer.start();
        const LogLevel level = LogLevelClassifier::classify(line, priority);
        const LogLevel own = LogLevelClassifier::fromText(line);
        slowest = std::max(slowest, timer.elapsed());
        QVERIFY(level >= LogLevel::Unknown && level <= LogLevel::Fatal);
        // A level named by the line wins over journald's priority.
        QVERIFY(own == LogLevel::Unknown || own == level);
        QVERIFY(!LogLevelClassifier::stripAnsi(line).contains(u"\x1b[0m"_s));
    }
    QVERIFY2(slowest < SlowestInputMSec, qPrintable(QString::number(slowest)));
}

void TestMonitorFuzz::commands()
{
    static const QRegularExpression appName(u"^[a-z0-9][a-z0-9._-]{0,63}\\z"_s);
    QRandomGenerator random(Seed + 3);
    const QList<QByteArray> names { "shop", "gantry-shop.service", "a'b", "$(id)", "x y", "-n" };
    for (int round = 0; round < Rounds; ++round) {
        const QString text = QString::fromUtf8(mutate(names.at(round % names.size()), random));
        const auto status = UnitStatusQuery::command({ text });
        QCOMPARE(status.has_value(), appName.match(text).hasMatch());
        if (!status)
            QVERIFY(sensible(status.error()));
        JournalQuery query { text, bool(random.bounded(2)), QDateTime(), int(random.bounded(11)) - 2,
            int(random.bounded(5)) - 2, QString::fromUtf8(mutate("s=1;i=2", random)), bool(random.bounded(2)),
            {} };
        const auto journal = JournalEntryParser::command(query);
        if (journal)
            QVERIFY(journal->startsWith(u"journalctl --unit='"_s) && !journal->contains(u'\n'));
        else
            QVERIFY2(sensible(journal.error()), qPrintable(journal.error().toString()));
    }
}

void TestMonitorFuzz::hugeLines_data()
{
    QTest::addColumn<QByteArray>("line");
    const qsizetype size = 1 << 20;
    QTest::newRow("words") << QByteArray("a ").repeated(size / 2);
    QTest::newRow("brackets") << QByteArray("[").repeated(size);
    QTest::newRow("level= repeated") << QByteArray("level=").repeated(size / 6);
    QTest::newRow("quotes") << QByteArray("\"level\":").repeated(size / 8);
    QTest::newRow("escapes") << QByteArray("\x1b[").repeated(size / 2);
    QTest::newRow("gin bars") << "[GIN] " + QByteArray("|").repeated(size);
    QTest::newRow("digits") << QByteArray("2024/01/02 15:04:05").repeated(size / 19);
    QTest::newRow("units") << "@@gantry-units 1\n@@units\n" +
            QByteArray("Id=gantry-a.service\n\n").repeated(size / 22) + "@@exit\n0\n@@end\n";
    QTest::newRow("JSON bytes") << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"1","MESSAGE":[)" +
            QByteArray("65,").repeated(size / 3) + "65]}";
}

void TestMonitorFuzz::hugeLines()
{
    QFETCH(QByteArray, line);
    QElapsedTimer timer;
    timer.start();
    const QString text = QString::fromUtf8(line);
    (void)LogLevelClassifier::classify(text, 6);
    (void)LogLevelClassifier::fromText(text);
    (void)JournalEntryParser::parseLine(line);
    (void)UnitStatusQuery::parse(line);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestMonitorFuzz)
#include "tst_monitorfuzz.moc"
