#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/monitor/unitstatus.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::UnitStatus;
using Gantry::UnitStatusQuery;
using Gantry::UnitStatusReport;

namespace {

// The command's output on a booted Debian 12 (systemd 252) host: gantry-shop runs, gantry-crash
// keeps crashing, gantry-idle is installed but never started, gantry-nothere was asked for by name
// and does not exist. gantry-shop comes three times (asked by name, matched by the glob and
// listed by list-unit-files); cgroup accounting was off in that container.
const QByteArray debian12 = "@@gantry-units 1\n"
                            "@@clock\n"
                            "1796218924678402160\n"
                            "9113.72 17489.72\n"
                            "@@units\n"
                            "MainPID=365\n"
                            "Result=success\n"
                            "NRestarts=0\n"
                            "ExecMainStartTimestamp=Wed 2026-12-02 13:38:01 UTC\n"
                            "ExecMainStartTimestampMonotonic=8870149546\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-shop.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=active\n"
                            "SubState=running\n"
                            "\n"
                            "MainPID=0\n"
                            "Result=success\n"
                            "NRestarts=0\n"
                            "ExecMainStartTimestamp=\n"
                            "ExecMainStartTimestampMonotonic=0\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-nothere.service\n"
                            "LoadState=not-found\n"
                            "ActiveState=inactive\n"
                            "SubState=dead\n"
                            "\n"
                            "MainPID=745\n"
                            "Result=success\n"
                            "NRestarts=102\n"
                            "ExecMainStartTimestamp=Wed 2026-12-02 13:42:03 UTC\n"
                            "ExecMainStartTimestampMonotonic=9112099178\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-crash.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=active\n"
                            "SubState=running\n"
                            "\n"
                            "MainPID=0\n"
                            "Result=success\n"
                            "NRestarts=0\n"
                            "ExecMainStartTimestamp=\n"
                            "ExecMainStartTimestampMonotonic=0\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-idle.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=inactive\n"
                            "SubState=dead\n"
                            "\n"
                            "MainPID=365\n"
                            "Result=success\n"
                            "NRestarts=0\n"
                            "ExecMainStartTimestamp=Wed 2026-12-02 13:38:01 UTC\n"
                            "ExecMainStartTimestampMonotonic=8870149546\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-shop.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=active\n"
                            "SubState=running\n"
                            "\n"
                            "MainPID=365\n"
                            "Result=success\n"
                            "NRestarts=0\n"
                            "ExecMainStartTimestamp=Wed 2026-12-02 13:38:01 UTC\n"
                            "ExecMainStartTimestampMonotonic=8870149546\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-shop.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=active\n"
                            "SubState=running\n"
                            "\n"
                            "MainPID=745\n"
                            "Result=success\n"
                            "NRestarts=102\n"
                            "ExecMainStartTimestamp=Wed 2026-12-02 13:42:03 UTC\n"
                            "ExecMainStartTimestampMonotonic=9112099178\n"
                            "MemoryCurrent=[not set]\n"
                            "CPUUsageNSec=[not set]\n"
                            "Id=gantry-crash.service\n"
                            "LoadState=loaded\n"
                            "ActiveState=active\n"
                            "SubState=running\n"
                            "@@exit\n"
                            "0\n"
                            "\n"
                            "@@end\n"_ba;

const QString debian12Units =
    u"gantry-crash.service crash loaded active/running success pid=745 restarts=102 "
    "start=2026-12-02T13:42:03Z mono=9112099178 mem=- cpu=-\n"
    "gantry-idle.service idle loaded inactive/dead success pid=0 restarts=0 start=- mono=0 mem=- cpu=-\n"
    "gantry-nothere.service nothere not-found inactive/dead success pid=0 restarts=0 start=- mono=0 "
    "mem=- cpu=-\n"
    "gantry-shop.service shop loaded active/running success pid=365 restarts=0 "
    "start=2026-12-02T13:38:01Z mono=8870149546 mem=- cpu=-\n"_s;

QString describe(const UnitStatusReport &report)
{
    QString out = u"time=%1 up=%2\n"_s.arg(report.serverTimeNSec).arg(report.uptimeMSec);
    for (const UnitStatus &u : report.units) {
        out += u"%1 %2 %3 %4/%5 %6 pid=%7 restarts=%8 start=%9 mono=%10 mem=%11 cpu=%12\n"_s
                   .arg(u.id, u.app, u.loadState, u.activeState, u.subState, u.result)
                   .arg(u.mainPid)
                   .arg(u.nRestarts)
                   .arg(u.startedAt.isValid() ? u.startedAt.toString(Qt::ISODate) : u"-"_s)
                   .arg(u.startedMonotonicUSec)
                   .arg(u.memoryBytes ? QString::number(*u.memoryBytes) : u"-"_s)
                   .arg(u.cpuNSec ? QString::number(*u.cpuNSec) : u"-"_s);
    }
    return out;
}

// The command's output around `units` (systemctl show's stdout).
QByteArray output(const QByteArray &units, const QByteArray &clock = "1704207845123456789\n4000.50 7000.00\n",
    const QByteArray &exit = "0\n\n")
{
    return "@@gantry-units 1\n@@clock\n" + clock + "@@units\n" + units + "@@exit\n" + exit + "@@end\n";
}

QByteArray block(const QByteArray &id, const QByteArray &extra = {})
{
    return "MainPID=812\nResult=success\nNRestarts=2\nExecMainStartTimestamp=Tue 2024-01-02 14:04:05 UTC\n"
           "ExecMainStartTimestampMonotonic=400000000\nMemoryCurrent=12582912\nCPUUsageNSec=1500000000\nId=" +
        id + "\nLoadState=loaded\nActiveState=active\nSubState=running\n" + extra + "\n";
}

const QString shopLine = u"gantry-shop.service shop loaded active/running success pid=812 restarts=2 "
                         "start=2024-01-02T14:04:05Z mono=400000000 mem=12582912 cpu=1500000000\n"_s;
const QString defaultClock = u"time=1704207845123456789 up=4000500\n"_s;

} // namespace

class TestUnitStatus final : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseRefuses_data();
    void parseRefuses();
    void command_data();
    void command();
    void commandRefuses_data();
    void commandRefuses();
    void appOf_data();
    void appOf();
    void parseTimestamp_data();
    void parseTimestamp();
    void parseCounter_data();
    void parseCounter();
    void parseEpochNSec_data();
    void parseEpochNSec();
    void parseUptimeMSec_data();
    void parseUptimeMSec();
    void reportLookups();
    void commandRunsWithFakeSystemctl_data();
    void commandRunsWithFakeSystemctl();
};

void TestUnitStatus::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Debian 12, real output")
        << debian12 << u"time=1796218924678402160 up=9113720\n"_s + debian12Units;
    QByteArray crlf = debian12;
    crlf.replace("\n", "\r\n");
    QTest::newRow("Debian 12, CRLF") << crlf << u"time=1796218924678402160 up=9113720\n"_s + debian12Units;
    QTest::newRow("login banner first")
        << "Welcome to shop-1!\n\n" + output(block("gantry-shop.service")) << defaultClock + shopLine;
    QTest::newRow("no units") << output({}) << defaultClock;
    QTest::newRow("no units, real") << "@@gantry-units 1\n@@clock\n1796218929052472652\n9118.09 17489.72\n"
                                       "@@units\n@@exit\n0\n\n@@end\n"_ba
                                    << u"time=1796218929052472652 up=9118090\n"_s;
    QTest::newRow("one unit, no blank line before the exit")
        << output(block("gantry-shop.service").chopped(1)) << defaultClock + shopLine;
    QTest::newRow("blank lines between and around blocks")
        << output("\n\n" + block("gantry-shop.service") + "\n\n\n" + block("gantry-api.service") + "\n")
        << defaultClock +
            QString(shopLine).replace(u"gantry-shop.service shop"_s, u"gantry-api.service api"_s) + shopLine;
    QTest::newRow("sorted by id") << output(block("gantry-zeta.service") + block("gantry-alpha.service"))
                                  << defaultClock +
            QString(shopLine).replace(u"gantry-shop.service shop"_s, u"gantry-alpha.service alpha"_s) +
            QString(shopLine).replace(u"gantry-shop.service shop"_s, u"gantry-zeta.service zeta"_s);
    QTest::newRow("duplicates kept once")
        << output(block("gantry-shop.service") + block("gantry-shop.service")) << defaultClock + shopLine;
    QTest::newRow("other units skipped") << output(block("ssh.service") + block("gantry-shop.service") +
                                                block("gantry-.service") + block("gantry-x.socket"))
                                         << defaultClock + shopLine;
    QTest::newRow("memory and cpu unknown: UINT64_MAX")
        << output(block("gantry-shop.service",
               "MemoryCurrent=18446744073709551615\nCPUUsageNSec=18446744073709551615\n"))
        << defaultClock + QString(shopLine).replace(u"mem=12582912 cpu=1500000000"_s, u"mem=- cpu=-"_s);
    QTest::newRow("memory and cpu not set")
        << output(block("gantry-shop.service", "MemoryCurrent=[not set]\nCPUUsageNSec=[not set]\n"))
        << defaultClock + QString(shopLine).replace(u"mem=12582912 cpu=1500000000"_s, u"mem=- cpu=-"_s);
    QTest::newRow("memory and cpu empty")
        << output(block("gantry-shop.service", "MemoryCurrent=\nCPUUsageNSec=\n"))
        << defaultClock + QString(shopLine).replace(u"mem=12582912 cpu=1500000000"_s, u"mem=- cpu=-"_s);
    QTest::newRow("memory zero is a value")
        << output(block("gantry-shop.service", "MemoryCurrent=0\n"))
        << defaultClock + QString(shopLine).replace(u"mem=12582912"_s, u"mem=0"_s);
    QTest::newRow("failed unit")
        << output(
               "MainPID=0\nResult=exit-code\nNRestarts=5\nExecMainStartTimestamp=Tue 2024-01-02 14:04:05 "
               "UTC\n"
               "ExecMainStartTimestampMonotonic=400000000\nMemoryCurrent=[not set]\nCPUUsageNSec=[not set]\n"
               "Id=gantry-shop.service\nLoadState=loaded\nActiveState=failed\nSubState=failed\n")
        << defaultClock +
            u"gantry-shop.service shop loaded failed/failed exit-code pid=0 restarts=5 "
            "start=2024-01-02T14:04:05Z mono=400000000 mem=- cpu=-\n"_s;
    QTest::newRow("waiting to restart")
        << output(block("gantry-shop.service", "ActiveState=activating\nSubState=auto-restart\nMainPID=0\n"))
        << defaultClock +
            QString(shopLine).replace(
                u"active/running success pid=812"_s, u"activating/auto-restart success pid=0"_s);
    QTest::newRow("masked")
        << output("Id=gantry-shop.service\nLoadState=masked\nActiveState=inactive\nSubState=dead\n")
        << defaultClock +
            u"gantry-shop.service shop masked inactive/dead  pid=0 restarts=0 start=- mono=0 mem=- cpu=-\n"_s;
    QTest::newRow("not found, only Id and states")
        << output("Id=gantry-gone.service\nLoadState=not-found\nActiveState=inactive\nSubState=dead\n")
        << defaultClock +
            u"gantry-gone.service gone not-found inactive/dead  pid=0 restarts=0 start=- mono=0 mem=- cpu=-\n"_s;
    QTest::newRow("start time in another zone: from the monotonic clocks")
        << output(block("gantry-shop.service", "ExecMainStartTimestamp=Tue 2024-01-02 15:04:05 CET\n"))
        // 15:04:05.123 minus (4000.5 s - 400 s) since boot: 14:04:04.623
        << defaultClock + QString(shopLine).replace(u"2024-01-02T14:04:05Z"_s, u"2024-01-02T14:04:04Z"_s);
    QTest::newRow("start time in another zone, no uptime")
        << output(block("gantry-shop.service", "ExecMainStartTimestamp=Tue 2024-01-02 15:04:05 CET\n"),
               "1704207845123456789\n")
        << u"time=1704207845123456789 up=-1\n"_s +
            QString(shopLine).replace(u"2024-01-02T14:04:05Z"_s, u"-"_s);
    QTest::newRow("no start time, monotonic beyond uptime")
        << output(block("gantry-shop.service",
               "ExecMainStartTimestamp=\nExecMainStartTimestampMonotonic=9000000000\n"))
        << defaultClock +
            QString(shopLine)
                .replace(u"2024-01-02T14:04:05Z"_s, u"-"_s)
                .replace(u"mono=400000000"_s, u"mono=9000000000"_s);
    QTest::newRow("NRestarts missing (systemd before 235)")
        << output(
               "Id=gantry-shop.service\nLoadState=loaded\nActiveState=active\nSubState=running\nMainPID=7\n")
        << defaultClock +
            u"gantry-shop.service shop loaded active/running  pid=7 restarts=0 start=- mono=0 mem=- cpu=-\n"_s;
    QTest::newRow("numbers that are not numbers")
        << output(block(
               "gantry-shop.service", "MainPID=-5\nNRestarts=lots\nExecMainStartTimestampMonotonic=x\n"))
        << defaultClock +
            QString(shopLine)
                .replace(u"pid=812 restarts=2"_s, u"pid=0 restarts=0"_s)
                .replace(u"mono=400000000"_s, u"mono=0"_s);
    QTest::newRow("huge restart count is capped")
        << output(block("gantry-shop.service", "NRestarts=99999999999\n"))
        << defaultClock + QString(shopLine).replace(u"restarts=2"_s, u"restarts=2147483647"_s);
    QTest::newRow("value with an equals sign, unknown properties ignored")
        << output(block("gantry-shop.service", "Result=a=b\nNames=gantry-shop.service\nFutureProperty2=1\n"))
        << defaultClock + QString(shopLine).replace(u" success "_s, u" a=b "_s);
    QTest::newRow("warnings on stderr, exit 0")
        << output(block("gantry-shop.service"), "1704207845123456789\n4000.50 7000.00\n",
               "0\nInvalid unit name \"gantry-we ird.service\" escaped as \"gantry-we\\x20ird.service\".\n")
        << defaultClock + shopLine;
    QTest::newRow("busybox date without %N")
        << output(block("gantry-shop.service"), "1704207845N\n4000.50 7000.00\n")
        << u"time=1704207845000000000 up=4000500\n"_s + shopLine;
    QTest::newRow("clock section missing") << "@@gantry-units 1\n@@units\n" + block("gantry-shop.service") +
            "@@exit\n0\n@@end\n" << u"time=0 up=-1\n"_s + shopLine;
    QTest::newRow("clock garbage") << output(block("gantry-shop.service"), "yesterday\nlong ago\n")
                                   << u"time=0 up=-1\n"_s + shopLine;
    QTest::newRow("uptime without fraction")
        << output(block("gantry-shop.service"), "1704207845123456789\n4000\n")
        << u"time=1704207845123456789 up=4000000\n"_s + shopLine;
    QTest::newRow("header with trailing spaces")
        << "@@gantry-units 1   \n@@clock\n1704207845123456789\n4000.50 7000.00\n@@units\n" +
            block("gantry-shop.service") + "@@exit\n0\n@@end"
        << defaultClock + shopLine;
    QTest::newRow("output after the end marker ignored") << output(block("gantry-shop.service")) + "logout\n"
                                                         << defaultClock + shopLine;
}

void TestUnitStatus::parse()
{
    QFETCH(QByteArray, text);
    const auto report = UnitStatusQuery::parse(text);
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().toString()));
    QTEST(describe(*report), "expected");
}

void TestUnitStatus::parseRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    const QString notUnderstood = u"The server's answer to the service status query was not understood."_s;
    const QString cutShort = u"The server's answer to the service status query was cut short."_s;
    const QString shell = u"Check that the login shell"_s;
    const QString connection = u"Check the connection to the server and try again."_s;
    const QString wrapper = u"Check that \"systemctl\" on the server is systemd's own"_s;
    QTest::newRow("empty") << QByteArray() << notUnderstood << shell;
    QTest::newRow("garbage") << "fish: Unknown command: sh\n"_ba << notUnderstood << shell;
    QTest::newRow("binary garbage") << QByteArray("\xff\xfe\x00\x01@@\n\x80", 8) << notUnderstood << shell;
    QTest::newRow("another version of the header")
        << "@@gantry-units 2\n@@exit\n0\n@@end\n"_ba << notUnderstood << shell;
    QTest::newRow("header only") << "@@gantry-units 1\n"_ba << cutShort << connection;
    QTest::newRow("cut within the units")
        << "@@gantry-units 1\n@@clock\n1704207845123456789\n4000.50 7000.00\n@@units\nMainPID=812\nResu"_ba
        << cutShort << connection;
    QTest::newRow("cut before the exit status")
        << "@@gantry-units 1\n@@units\n" + block("gantry-shop.service") << cutShort << connection;
    QTest::newRow("exit status but no end")
        << "@@gantry-units 1\n@@units\n@@exit\n0\n"_ba << cutShort << connection;
    QTest::newRow("end but no exit status")
        << "@@gantry-units 1\n@@units\n@@end\n"_ba << cutShort << connection;
    QTest::newRow("exit status empty") << output({}, "1\n2\n", "\n") << cutShort << connection;
    QTest::newRow("exit status not a number") << output({}, "1\n2\n", "zero\n") << cutShort << connection;
    QTest::newRow("no systemd")
        << output({}, "1\n2\n",
               "1\nSystem has not been booted with systemd as init system (PID 1). Can't operate.\n"
               "Failed to connect to bus: Host is down\n")
        << u"systemctl on the server could not tell the status of the services."_s
        << u"Gantry runs services with systemd, and systemd does not run on this server."_s;
    QTest::newRow("bus refused")
        << output({}, "1\n2\n", "1\nFailed to connect to bus: No such file or directory\n")
        << u"systemctl on the server could not tell the status of the services."_s
        << u"Gantry runs services with systemd, and systemd does not run on this server."_s;
    QTest::newRow("systemctl missing")
        << output({}, "1\n2\n", "127\nsh: 1: systemctl: not found\n")
        << u"systemctl on the server could not tell the status of the services."_s
        << u"Run \"systemctl status 'gantry-*'\" on the server to see why."_s;
    QTest::newRow("access denied") << output({}, "1\n2\n", "1\nFailed to get properties: Access denied\n")
                                   << u"systemctl on the server could not tell the status of the services."_s
                                   << u"Run \"systemctl status 'gantry-*'\" on the server to see why."_s;
    QTest::newRow("line without a property")
        << output(block("gantry-shop.service") + "alias systemctl=echo\n")
        << u"The server's answer to the service status query has a line Gantry does not understand: "
           "\"alias systemctl=echo\"."_s
        << wrapper;
    QTest::newRow("binary line in the units")
        << output(QByteArray("Id=gantry-shop.service\n\x01\x02\xff\n", 27))
        << u"The server's answer to the service status query has a line Gantry does not understand: "
           "\"\x01\x02\uFFFD\"."_s
        << wrapper;
    QTest::newRow("block without Id")
        << output("LoadState=loaded\nActiveState=active\n")
        << u"The server's answer to the service status query has a unit without a name."_s << wrapper;
}

void TestUnitStatus::parseRefuses()
{
    QFETCH(QByteArray, text);
    const auto report = UnitStatusQuery::parse(text);
    QVERIFY2(!report.has_value(), qPrintable(report ? describe(*report) : QString()));
    QTEST(report.error().message, "message");
    QFETCH(QString, hint);
    QVERIFY2(report.error().hint.startsWith(hint), qPrintable(report.error().hint));
}

void TestUnitStatus::command_data()
{
    QTest::addColumn<QStringList>("apps");
    QTest::addColumn<QStringList>("contains");

    const QStringList always { u"sh -c '"_s,
        u"TZ=UTC0 LC_ALL=C systemctl show --no-pager -p "
        "Id,LoadState,ActiveState,SubState,Result,MainPID,NRestarts,ExecMainStartTimestamp,"
        "ExecMainStartTimestampMonotonic,MemoryCurrent,CPUUsageNSec '\\''gantry-*.service'\\''"_s,
        u"systemctl list-unit-files --no-legend --no-pager --type=service"_s, u"date +%s%N"_s,
        u"cat /proc/uptime"_s };
    QTest::newRow("all units") << QStringList() << always;
    QTest::newRow("one app") << QStringList { u"shop"_s }
                             << always + QStringList { u" '\\''gantry-shop.service'\\'' $units"_s };
    QTest::newRow("two apps") << QStringList { u"shop"_s, u"api-2.v1_x"_s }
                              << always +
            QStringList { u"'\\''gantry-shop.service'\\'' '\\''gantry-api-2.v1_x.service'\\''"_s };
    QTest::newRow("64 characters") << QStringList { QString(64, u'a') }
                                   << always +
            QStringList { u"gantry-"_s + QString(64, u'a') + u".service"_s };
    QTest::newRow("digit first") << QStringList { u"9lives"_s }
                                 << always + QStringList { u"gantry-9lives.service"_s };
}

void TestUnitStatus::command()
{
    QFETCH(QStringList, apps);
    QFETCH(QStringList, contains);
    const auto command = UnitStatusQuery::command(apps);
    QVERIFY(command.has_value());
    QVERIFY(command->endsWith(u"\n'"_s));
    for (const QString &part : contains)
        QVERIFY2(command->contains(part), qPrintable(part + u"\n---\n"_s + *command));
}

void TestUnitStatus::commandRefuses_data()
{
    QTest::addColumn<QString>("app");
    const QList<std::pair<const char *, QString>> rows { { "empty", QString() }, { "upper case", u"Shop"_s },
        { "space", u"my shop"_s }, { "dash first", u"-shop"_s }, { "dot first", u".shop"_s },
        { "quote", u"sh'op"_s }, { "slash", u"a/b"_s }, { "dot dot", u"../x"_s }, { "glob", u"shop*"_s },
        { "newline", u"shop\nrm"_s }, { "semicolon", u"a;b"_s }, { "non-ASCII", u"café"_s },
        { "65 characters", QString(65, u'a') }, { "dollar", u"$(id)"_s } };
    for (const auto &[name, app] : rows)
        QTest::newRow(name) << app;
}

void TestUnitStatus::commandRefuses()
{
    QFETCH(QString, app);
    const auto command = UnitStatusQuery::command({ u"shop"_s, app });
    QVERIFY(!command.has_value());
    QCOMPARE(command.error().message, u"\"%1\" is not the name of a Gantry service."_s.arg(app));
    QVERIFY(!command.error().hint.isEmpty());
}

void TestUnitStatus::appOf_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("app");
    QTest::newRow("plain") << u"gantry-shop.service"_s << u"shop"_s;
    QTest::newRow("dots and dashes") << u"gantry-my-api.v2.service"_s << u"my-api.v2"_s;
    QTest::newRow("escaped, not a Gantry name") << u"gantry-we\\x20ird.service"_s << QString();
    QTest::newRow("glob") << u"gantry-*.service"_s << QString();
    QTest::newRow("upper case app") << u"gantry-Shop.service"_s << QString();
    QTest::newRow("empty app") << u"gantry-.service"_s << QString();
    QTest::newRow("other unit") << u"ssh.service"_s << QString();
    QTest::newRow("socket") << u"gantry-shop.socket"_s << QString();
    QTest::newRow("prefix only") << u"gantry-"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("case matters") << u"Gantry-shop.service"_s << QString();
}

void TestUnitStatus::appOf()
{
    QFETCH(QString, id);
    QTEST(UnitStatusQuery::appOf(id), "app");
}

void TestUnitStatus::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("systemd 252") << u"Wed 2026-12-02 13:36:31 UTC"_s << u"2026-12-02T13:36:31Z"_s;
    QTest::newRow("GMT") << u"Tue 2024-01-02 15:04:05 GMT"_s << u"2024-01-02T15:04:05Z"_s;
    QTest::newRow("no weekday") << u"2024-01-02 15:04:05 UTC"_s << u"2024-01-02T15:04:05Z"_s;
    QTest::newRow("surrounding spaces") << u"  Tue 2024-01-02 15:04:05 UTC "_s << u"2024-01-02T15:04:05Z"_s;
    QTest::newRow("leap day") << u"Thu 2024-02-29 00:00:00 UTC"_s << u"2024-02-29T00:00:00Z"_s;
    QTest::newRow("CET") << u"Tue 2024-01-02 16:04:05 CET"_s << QString();
    QTest::newRow("numeric zone") << u"Tue 2024-01-02 16:04:05 +0100"_s << QString();
    QTest::newRow("no zone") << u"Tue 2024-01-02 15:04:05"_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("n/a") << u"n/a"_s << QString();
    QTest::newRow("bad month") << u"Tue 2024-13-02 15:04:05 UTC"_s << QString();
    QTest::newRow("bad day") << u"Fri 2023-02-29 15:04:05 UTC"_s << QString();
    QTest::newRow("bad hour") << u"Tue 2024-01-02 25:04:05 UTC"_s << QString();
    QTest::newRow("microseconds") << u"Tue 2024-01-02 15:04:05.123456 UTC"_s << QString();
}

void TestUnitStatus::parseTimestamp()
{
    QFETCH(QString, text);
    const QDateTime time = UnitStatusQuery::parseTimestamp(text);
    QTEST(time.isValid() ? time.toString(Qt::ISODate) : QString(), "expected");
    if (time.isValid())
        QCOMPARE(time.timeSpec(), Qt::UTC);
}

void TestUnitStatus::parseCounter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: none
    QTest::newRow("number") << u"12582912"_s << qint64(12582912);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("large") << u"9223372036854775807"_s << qint64(9223372036854775807LL);
    QTest::newRow("UINT64_MAX") << u"18446744073709551615"_s << qint64(-1);
    QTest::newRow("not set") << u"[not set]"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("negative") << u"-1"_s << qint64(-1);
    QTest::newRow("plus") << u"+5"_s << qint64(-1);
    QTest::newRow("overflow") << u"18446744073709551616"_s << qint64(-1);
    QTest::newRow("text") << u"12M"_s << qint64(-1);
    QTest::newRow("spaces") << u" 42 "_s << qint64(42);
}

void TestUnitStatus::parseCounter()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto value = UnitStatusQuery::parseCounter(text);
    QCOMPARE(value.has_value(), expected >= 0);
    if (value)
        QCOMPARE(qint64(*value), expected);
}

void TestUnitStatus::parseEpochNSec_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: none
    QTest::newRow("nanoseconds") << u"1704207845123456789"_s << qint64(1704207845123456789LL);
    QTest::newRow("busybox N") << u"1704207845N"_s << qint64(1704207845000000000LL);
    QTest::newRow("busybox %N") << u"1704207845%N"_s << qint64(1704207845000000000LL);
    QTest::newRow("seconds only") << u"1704207845"_s << qint64(1704207845000000000LL);
    QTest::newRow("CR") << u"1704207845123456789\r"_s << qint64(1704207845123456789LL);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("zero") << u"0"_s << qint64(-1);
    QTest::newRow("negative") << u"-1704207845"_s << qint64(-1);
    QTest::newRow("text") << u"Tue Jan  2 15:04:05 UTC 2024"_s << qint64(-1);
    QTest::newRow("overflow") << u"9999999999999999999"_s << qint64(-1);
    QTest::newRow("too long") << u"17042078451234567890"_s << qint64(-1);
    QTest::newRow("12-digit seconds overflow (found by the fuzz test)") << u"179621892160"_s << qint64(-1);
    QTest::newRow("busybox N, overflow") << u"99999999999N"_s << qint64(-1);
}

void TestUnitStatus::parseEpochNSec()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(UnitStatusQuery::parseEpochNSec(text).value_or(-1), expected);
}

void TestUnitStatus::parseUptimeMSec_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("proc") << u"9113.72 17489.72"_s << qint64(9113720);
    QTest::newRow("one digit fraction") << u"5.5 1.0"_s << qint64(5500);
    QTest::newRow("long fraction") << u"5.123456 1.0"_s << qint64(5123);
    QTest::newRow("no fraction") << u"42"_s << qint64(42000);
    QTest::newRow("zero") << u"0.00 0.00"_s << qint64(0);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("text") << u"up 3 days"_s << qint64(-1);
    QTest::newRow("negative") << u"-5.00 1.00"_s << qint64(-1);
    QTest::newRow("glued") << u"5.00x"_s << qint64(-1);
}

void TestUnitStatus::parseUptimeMSec()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    QCOMPARE(UnitStatusQuery::parseUptimeMSec(text).value_or(-1), expected);
}

void TestUnitStatus::reportLookups()
{
    const auto report = UnitStatusQuery::parse(debian12);
    QVERIFY(report.has_value());
    QVERIFY(report->unit(u"shop"_s));
    QCOMPARE(report->unit(u"shop"_s)->mainPid, 365);
    QCOMPARE(report->unit(u"missing"_s), nullptr);
    QCOMPARE(report->serverTime(), QDateTime::fromMSecsSinceEpoch(1796218924678, Qt::UTC));
    QVERIFY(!UnitStatusReport().serverTime().isValid());
}

void TestUnitStatus::commandRunsWithFakeSystemctl_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("dash") << u"dash"_s << 0;
    QTest::newRow("bash") << u"bash"_s << 0;
    QTest::newRow("dash, systemctl fails") << u"dash"_s << 1;
}

// The command under a real sh with a fake systemctl first in PATH: the sections, the unit names
// from list-unit-files and by app name, and stderr kept apart from stdout.
void TestUnitStatus::commandRunsWithFakeSystemctl()
{
    QFETCH(QString, shell);
    QFETCH(int, exitCode);
    const QString program = QStandardPaths::findExecutable(shell);
    if (program.isEmpty())
        QSKIP("shell not installed");
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile fake(bin.filePath(u"systemctl"_s));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\n"
               "if [ \"$1\" = list-unit-files ]; then\n"
               "  printf 'gantry-idle.service  static  -\\ngantry-tpl@.service  static -\\n'; exit 0\n"
               "fi\n"
               "echo \"tz=$TZ\" >&2\n"
               "shift 4\n"
               "for unit in \"$@\"; do printf "
               "'Id=%s\\nLoadState=loaded\\nActiveState=active\\nSubState=running\\n\\n' \"$unit\"; done\n"
               "exit " +
        QByteArray::number(exitCode) + "\n");
    fake.close();
    QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    auto command = UnitStatusQuery::command({ u"shop"_s });
    QVERIFY(command.has_value());
    QVERIFY(command->startsWith(u"sh -c "_s));
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, bin.path() + u':' + env.value(u"PATH"_s));
    sh.setProcessEnvironment(env);
    // The login shell runs "sh -c '...'": here `shell` plays the login shell.
    sh.start(program, { u"-c"_s, *command });
    QVERIFY(sh.waitForFinished(30000));
    const QByteArray out = sh.readAllStandardOutput();
    const auto report = UnitStatusQuery::parse(out);
    if (exitCode != 0) {
        QVERIFY(!report.has_value());
        QCOMPARE(report.error().cause, u"tz=UTC0"_s);
        return;
    }
    QVERIFY2(report.has_value(), out.constData());
    QStringList ids;
    for (const UnitStatus &unit : report->units)
        ids << unit.id;
    // The glob itself is passed on as a word (the fake prints it back, it is skipped), the
    // template from list-unit-files is left out.
    QCOMPARE(ids, QStringList({ u"gantry-idle.service"_s, u"gantry-shop.service"_s }));
    QVERIFY(qAbs(report->serverTime().msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    QVERIFY(report->uptimeMSec > 0);
}

QTEST_GUILESS_MAIN(TestUnitStatus)
#include "tst_unitstatus.moc"
