#include <QTest>

#include "core/monitor/hostmonitor.h"
#include "core/monitor/hoststatusquery.h"

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Gantry::HostMonitor;
using Gantry::HostStatusQuery;

namespace {

// What the script printed on a Debian 12 host with one deployed service (trimmed).
const QByteArray RealOutput =
    "Last login: somewhere\n"
    "@@gantry-units 1\n"
    "@@clock\n"
    "1717236000123456789\n"
    "5000.25 9000.00\n"
    "@@units\n"
    "Id=gantry-hello-gin.service\n"
    "LoadState=loaded\n"
    "ActiveState=active\n"
    "SubState=running\n"
    "Result=success\n"
    "MainPID=812\n"
    "NRestarts=2\n"
    "ExecMainStartTimestamp=Sat 2024-06-01 09:59:00 UTC\n"
    "ExecMainStartTimestampMonotonic=4940000000\n"
    "MemoryCurrent=7340032\n"
    "CPUUsageNSec=120000000\n"
    "\n"
    "@@exit\n"
    "0\n"
    "\n"
    "@@end\n"
    "@@releases\n"
    "hello-gin\t3\t{\"time\":\"2024-06-01T09:58:00Z\",\"n\":3,\"version\":\"1.2.0\",\"status\":\"good\"}\n"
    "other\t1\t\n"
    "@@journal\n"
    "Archived and active journals take up 8.0M in the file system.\n"
    "@@df\n"
    "overlay 1024000 512000 512000 50% /\n"
    "@@done\n";

} // namespace

class TestHostStatusQuery final : public QObject {
    Q_OBJECT

private slots:
    void scriptIsOneShellScript();
    void scriptRefusesBadApp();
    void parsesEverySection();
    void mainProcessStandsInWithoutAccounting_data();
    void mainProcessStandsInWithoutAccounting();
    void cutShortIsAnError_data();
    void cutShortIsAnError();
    void diskUsage_data();
    void diskUsage();
    void dfUsePercent_data();
    void dfUsePercent();
    void backoff_data();
    void backoff();
};

void TestHostStatusQuery::scriptIsOneShellScript()
{
    const auto withJournal = HostStatusQuery::script({ u"hello-gin"_s }, true);
    QVERIFY(withJournal);
    QVERIFY(withJournal->startsWith("# service status\n"));
    QVERIFY(withJournal->contains("systemctl show"));
    QVERIFY(withJournal->contains("gantry-hello-gin.service"));
    QVERIFY(withJournal->contains("releases.jsonl"));
    QVERIFY(withJournal->contains("journalctl --disk-usage"));
    QVERIFY(withJournal->endsWith("echo '@@done'\n"));
    const auto without = HostStatusQuery::script({}, false);
    QVERIFY(without && !without->contains("disk-usage"));
}

void TestHostStatusQuery::scriptRefusesBadApp()
{
    const auto script = HostStatusQuery::script({ u"x; rm -rf /"_s }, false);
    QVERIFY(!script);
    QVERIFY(script.error().message.contains(u"not the name"_s));
}

void TestHostStatusQuery::parsesEverySection()
{
    const auto status = HostStatusQuery::parse(RealOutput);
    QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
    QCOMPARE(status->report.units.size(), 1);
    const Gantry::UnitStatus &unit = status->report.units.first();
    QCOMPARE(unit.app, u"hello-gin"_s);
    QCOMPARE(unit.nRestarts, 2);
    QCOMPARE(unit.memoryBytes.value_or(0), 7340032u);
    QCOMPARE(status->releases.value(u"hello-gin"_s).n, 3);
    QCOMPARE(status->releases.value(u"hello-gin"_s).version, u"1.2.0"_s);
    QCOMPARE(status->releases.value(u"other"_s).n, 1);
    QCOMPARE(status->releases.value(u"other"_s).version, QString());
    QCOMPARE(status->journalBytes.value_or(0), 8 * 1024 * 1024);
    QCOMPARE(status->journalFsUsePercent.value_or(0), 50);
}

// A server without cgroup accounting: systemd says [not set], /proc of the main process tells.
void TestHostStatusQuery::mainProcessStandsInWithoutAccounting_data()
{
    QTest::addColumn<QByteArray>("memory");
    QTest::addColumn<QByteArray>("proc");
    QTest::addColumn<qint64>("memoryBytes"); // -1: none
    QTest::addColumn<qint64>("cpuNSec"); // -1: none
    QTest::addColumn<bool>("ofMainProcess");
    const QByteArray stat = "812 10244 S 1 812 812 0 -1 4194560 1500 0 0 0 250 130 0 0 20 0 9 0 4900 "
                            "1260000000 2561 18446744073709551615 1 1 0 0 0 0 0 0 2143420159 0 0 0 17 1 0 "
                            "0 0 0 0 1 1 1 1 1 1 0\n";
    QTest::newRow("not set: /proc") << "[not set]"_ba
                                    << "100\n" + stat << qint64(10244) * 1024 << qint64(380) * 10'000'000
                                    << true;
    QTest::newRow("tick rate 250") << "[not set]"_ba
                                   << "250\n" + stat << qint64(10244) * 1024 << qint64(380) * 4'000'000
                                   << true;
    QTest::newRow("accounted: cgroup kept")
        << "7340032"_ba
        << "100\n" + stat << qint64(7340032) << qint64(120000000) << false;
    QTest::newRow("another pid") << "[not set]"_ba
                                 << "100\n" + QByteArray(stat).replace("812 ", "813 ") << qint64(-1)
                                 << qint64(-1) << false;
    QTest::newRow("short stat line") << "[not set]"_ba
                                     << "100\n812 10244 S 1 812\n"_ba << qint64(-1) << qint64(-1) << false;
    QTest::newRow("no rss") << "[not set]"_ba
                            << "100\n" + QByteArray(stat).replace("812 10244", "812 0") << qint64(-1)
                            << qint64(380) * 10'000'000 << true;
    QTest::newRow("garbage") << "[not set]"_ba
                             << "x\n\xff\xfe junk\n\n"_ba << qint64(-1) << qint64(-1) << false;
    QTest::newRow("no section") << "[not set]"_ba << QByteArray() << qint64(-1) << qint64(-1) << false;
}

void TestHostStatusQuery::mainProcessStandsInWithoutAccounting()
{
    QFETCH(QByteArray, memory);
    QFETCH(QByteArray, proc);
    QFETCH(qint64, memoryBytes);
    QFETCH(qint64, cpuNSec);
    QFETCH(bool, ofMainProcess);
    QByteArray output = RealOutput;
    if (memory != "7340032") {
        output.replace("MemoryCurrent=7340032", QByteArray("MemoryCurrent=" + memory));
        output.replace("CPUUsageNSec=120000000", "CPUUsageNSec=[not set]");
    }
    if (!proc.isEmpty())
        output.replace("@@journal\n", QByteArray("@@proc\n" + proc + "@@journal\n"));
    const auto status = HostStatusQuery::parse(output);
    QVERIFY2(status, qPrintable(status ? QString() : status.error().toString()));
    const Gantry::UnitStatus &unit = status->report.units.first();
    QCOMPARE(unit.memoryBytes ? qint64(*unit.memoryBytes) : -1, memoryBytes);
    QCOMPARE(unit.cpuNSec ? qint64(*unit.cpuNSec) : -1, cpuNSec);
    QCOMPARE(unit.usageOfMainProcess, ofMainProcess);
    QCOMPARE(status->journalBytes.value_or(0), 8 * 1024 * 1024); // the sections after it still read
}

void TestHostStatusQuery::cutShortIsAnError_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::newRow("no done") << RealOutput.left(RealOutput.indexOf("@@done"));
    QTest::newRow("no end") << RealOutput.left(RealOutput.indexOf("@@end"));
    QTest::newRow("nothing") << QByteArray();
}

void TestHostStatusQuery::cutShortIsAnError()
{
    QFETCH(QByteArray, output);
    const auto status = HostStatusQuery::parse(output);
    QVERIFY(!status);
    QVERIFY(!status.error().hint.isEmpty());
}

void TestHostStatusQuery::diskUsage_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<qint64>("bytes"); // -1: none
    QTest::newRow("M") << u"Archived and active journals take up 8.0M in the file system."_s
                       << qint64(8 << 20);
    QTest::newRow("G fraction") << u"Archived and active journals take up 1.5G in the file system."_s
                                << qint64(1536) * 1024 * 1024;
    QTest::newRow("bytes") << u"Journals take up 512B on disk."_s << qint64(512);
    QTest::newRow("K") << u"Archived and active journals take up 24K in the file system."_s << qint64(24576);
    QTest::newRow("no journal") << u"No journal files were found."_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestHostStatusQuery::diskUsage()
{
    QFETCH(QString, line);
    QFETCH(qint64, bytes);
    QCOMPARE(HostStatusQuery::parseDiskUsage(line).value_or(-1), bytes);
}

void TestHostStatusQuery::dfUsePercent_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("percent");
    QTest::newRow("root") << u"/dev/sda1 30832548 27748432 1497524 95% /"_s << 95;
    QTest::newRow("var") << u"/dev/sdb1 1000 10 990 1% /var"_s << 1;
    QTest::newRow("header") << u"Filesystem 1024-blocks Used Available Capacity Mounted on"_s << -1;
}

void TestHostStatusQuery::dfUsePercent()
{
    QFETCH(QString, line);
    QFETCH(int, percent);
    QCOMPARE(HostStatusQuery::parseDfUsePercent(line).value_or(-1), percent);
}

void TestHostStatusQuery::backoff_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("delayMs");
    QTest::newRow("first retry: the interval") << 1 << qint64(5000);
    QTest::newRow("doubled") << 2 << qint64(10000);
    QTest::newRow("doubled again") << 3 << qint64(20000);
    QTest::newRow("4") << 4 << qint64(40000);
    QTest::newRow("capped") << 5 << qint64(60000);
    QTest::newRow("stays capped") << 50 << qint64(60000);
}

void TestHostStatusQuery::backoff()
{
    QFETCH(int, failures);
    QFETCH(qint64, delayMs);
    QCOMPARE(HostMonitor::backoff(failures, 5s, 60s).count(), delayMs);
}

QTEST_GUILESS_MAIN(TestHostStatusQuery)
#include "tst_hoststatusquery.moc"
