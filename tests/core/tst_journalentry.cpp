#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/testsupport.h"

#include "core/monitor/journalentry.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::JournalEntry;
using Gantry::JournalEntryParser;
using Gantry::JournalQuery;

namespace {

// Lines journalctl 252 printed on a Debian 12 host (trimmed of fields Gantry does not read).
const QByteArray ginLine =
    R"({"__REALTIME_TIMESTAMP":"1796218643675149","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=17f;b=b3c3062ab97342589da0a27fc693f8de;m=20e786b90;t=661a6be31f80d;x=1ac16b0594cd275","_SYSTEMD_UNIT":"gantry-shop.service","PRIORITY":"6","_TRANSPORT":"stdout","MESSAGE":"[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET /x","_PID":"123","SYSLOG_IDENTIFIER":"sh"})"_ba;
const QByteArray binaryLine =
    R"({"__REALTIME_TIMESTAMP":"1796218642650152","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=17a;b=b3c3062ab97342589da0a27fc693f8de;m=20e68c7a6;t=661a6be225428;x=852dc8335a6b84b8","SYSLOG_IDENTIFIER":"sh","_PID":"123","PRIORITY":"6","MESSAGE":[98,105,110,255,97,114,121],"__MONOTONIC_TIMESTAMP":"8831682470"})"_ba;
const QByteArray systemdLine =
    R"({"_BOOT_ID":"b3c3062ab97342589da0a27fc693f8de","MESSAGE":"gantry-crash.service: Scheduled restart job, restart counter is at 15.","__MONOTONIC_TIMESTAMP":"8829332695","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=16f;b=b3c3062ab97342589da0a27fc693f8de;m=20e44ecd7;t=661a6bdfe7958;x=6851dacaaf845d83","SYSLOG_IDENTIFIER":"systemd","PRIORITY":"6","__REALTIME_TIMESTAMP":"1796218640300376","_PID":"1"})"_ba;
const QByteArray loggerLine =
    R"({"__REALTIME_TIMESTAMP":"1796218644227871","MESSAGE":"hello \"quoted\" tab\tend","SYSLOG_IDENTIFIER":"gantry-shop","_PID":"260","__CURSOR":"s=9e;i=186","PRIORITY":"3"})"_ba;
// Lines journalctl 252 printed on a test host (testhost.sh, Debian 12) for a unit that was
// started, exited and stopped: the manager writes its lines from init.scope and names the unit in
// UNIT; a user manager writes from user@UID.service and names it in USER_UNIT.
const QByteArray stoppedLine =
    R"({"__CURSOR":"s=d037c84fbd964fedb329e63bb866d51f;i=8a;b=c6fbb7cabe7546d896b51dcad73a42db;m=1314111d7;t=661b4e6efa882;x=a97575059ec5cb60","_BOOT_ID":"c6fbb7cabe7546d896b51dcad73a42db","PRIORITY":"6","__MONOTONIC_TIMESTAMP":"5121315287","_SYSTEMD_UNIT":"init.scope","SYSLOG_IDENTIFIER":"systemd","MESSAGE":"Stopped gantry-hello-gin.service - hello.","UNIT":"gantry-hello-gin.service","_PID":"1","__REALTIME_TIMESTAMP":"1796279456737410"})"_ba;
const QByteArray exitedLine =
    R"({"MESSAGE":"gantry-hello-gin.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED","_SYSTEMD_UNIT":"init.scope","UNIT":"gantry-hello-gin.service","SYSLOG_IDENTIFIER":"systemd","_PID":"1","PRIORITY":"5","__CURSOR":"s=d037c84fbd964fedb329e63bb866d51f;i=7e","__REALTIME_TIMESTAMP":"1796279451000100"})"_ba;
const QByteArray serviceOwnLine =
    R"({"MESSAGE":"hello from gin","_SYSTEMD_UNIT":"gantry-hello-gin.service","SYSLOG_IDENTIFIER":"sh","_PID":"86","PRIORITY":"6","__CURSOR":"s=d037c84fbd964fedb329e63bb866d51f;i=7c","__REALTIME_TIMESTAMP":"1796279449000100"})"_ba;
const QByteArray userManagerLine =
    R"({"MESSAGE":"gantry-user-x.service: Main process exited, code=exited, status=2/INVALIDARGUMENT","__CURSOR":"s=156f5fced95944c2a00c14e7c6ab5177;i=a6;b=c6fbb7cabe7546d896b51dcad73a42db;m=131b49cce;t=661b4e763337a;x=a107383dafed0dc3","_SYSTEMD_UNIT":"user@1001.service","_SYSTEMD_USER_UNIT":"init.scope","USER_UNIT":"gantry-user-x.service","_BOOT_ID":"c6fbb7cabe7546d896b51dcad73a42db","SYSLOG_IDENTIFIER":"systemd","__REALTIME_TIMESTAMP":"1796279464309626","__MONOTONIC_TIMESTAMP":"5128887502"})"_ba;
const QByteArray userServiceLine =
    R"({"__MONOTONIC_TIMESTAMP":"5128885866","_BOOT_ID":"c6fbb7cabe7546d896b51dcad73a42db","_SYSTEMD_USER_UNIT":"gantry-user-x.service","__CURSOR":"s=156f5fced95944c2a00c14e7c6ab5177;i=a4;b=c6fbb7cabe7546d896b51dcad73a42db;m=131b4966a;t=661b4e7632d16;x=4f173be1eb9f4dc4","__REALTIME_TIMESTAMP":"1796279464307990","MESSAGE":"hi from user unit","_SYSTEMD_UNIT":"user@1001.service","SYSLOG_IDENTIFIER":"sh"})"_ba;
const QByteArray outputFieldsLine =
    R"({"__MONOTONIC_TIMESTAMP":"8858625475","MESSAGE":"panic: boom","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=222;b=b3c3062ab97342589da0a27fc693f8de;m=21003e5c3;t=661a6bfbd7244;x=8ae151320627855","_BOOT_ID":"b3c3062ab97342589da0a27fc693f8de","__REALTIME_TIMESTAMP":"1796218669593156"})"_ba;

// An entry with the cursor and time every entry has, plus `fields` ("\"MESSAGE\":...").
QByteArray entry(const QByteArray &fields)
{
    return R"({"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1704207845123456")"_ba +
        (fields.isEmpty() ? QByteArray() : "," + fields) + "}";
}

QString describe(const JournalEntry &e)
{
    return u"message=[%1]%2 priority=%3 time=%4 us=%5 pid=%6 id=%7 cursor=%8"_s
        .arg(e.message, e.messageOmitted ? u" omitted"_s : QString())
        .arg(e.priority)
        .arg(e.time().toString(Qt::ISODateWithMs))
        .arg(e.realtimeUSec)
        .arg(e.pid)
        .arg(e.identifier, e.cursor);
}

const QString basic = u" time=2024-01-02T15:04:05.123Z us=1704207845123456 pid=0 id= cursor=s=1;i=2"_s;

} // namespace

class TestJournalEntry final : public QObject {
    Q_OBJECT

private slots:
    void parseLine_data();
    void parseLine();
    void parseLineRefuses_data();
    void parseLineRefuses();
    void unitOfTheLine_data();
    void unitOfTheLine();
    void command_data();
    void command();
    void commandRefuses_data();
    void commandRefuses();
    void commandWordsSurviveTheShell();
    void diagnose_data();
    void diagnose();
};

void TestJournalEntry::parseLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Gin request, real")
        << ginLine
        << u"message=[[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET /x] priority=6 "
           "time=2026-12-02T13:37:23.675Z us=1796218643675149 pid=123 id=sh "
           "cursor=s=9e76d0e3f2b94c20890c1d13934fb88e;i=17f;b=b3c3062ab97342589da0a27fc693f8de;m=20e786b90;"
           "t=661a6be31f80d;x=1ac16b0594cd275"_s;
    QTest::newRow("binary message, real")
        << binaryLine
        << u"message=[bin\uFFFDary] priority=6 time=2026-12-02T13:37:22.650Z us=1796218642650152 pid=123 "
           u"id=sh "
           "cursor=s=9e76d0e3f2b94c20890c1d13934fb88e;i=17a;b=b3c3062ab97342589da0a27fc693f8de;m=20e68c7a6;"
           "t=661a6be225428;x=852dc8335a6b84b8"_s;
    QTest::newRow("systemd's own line, real")
        << systemdLine
        << u"message=[gantry-crash.service: Scheduled restart job, restart counter is at 15.] priority=6 "
           "time=2026-12-02T13:37:20.300Z us=1796218640300376 pid=1 id=systemd "
           "cursor=s=9e76d0e3f2b94c20890c1d13934fb88e;i=16f;b=b3c3062ab97342589da0a27fc693f8de;m=20e44ecd7;"
           "t=661a6bdfe7958;x=6851dacaaf845d83"_s;
    QTest::newRow("escapes, priority 3") << loggerLine
                                         << u"message=[hello \"quoted\" tab\tend] priority=3 "
                                            "time=2026-12-02T13:37:24.227Z us=1796218644227871 pid=260 "
                                            "id=gantry-shop cursor=s=9e;i=186"_s;
    QTest::newRow("--output-fields without PRIORITY, real")
        << outputFieldsLine
        << u"message=[panic: boom] priority=-1 time=2026-12-02T13:37:49.593Z us=1796218669593156 pid=0 id= "
           "cursor=s=9e76d0e3f2b94c20890c1d13934fb88e;i=222;b=b3c3062ab97342589da0a27fc693f8de;m=21003e5c3;"
           "t=661a6bfbd7244;x=8ae151320627855"_s;
    QTest::newRow("CRLF")
        << ginLine + "\r\n"
        << u"message=[[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET /x] priority=6 "
           "time=2026-12-02T13:37:23.675Z us=1796218643675149 pid=123 id=sh "
           "cursor=s=9e76d0e3f2b94c20890c1d13934fb88e;i=17f;b=b3c3062ab97342589da0a27fc693f8de;m=20e786b90;"
           "t=661a6be31f80d;x=1ac16b0594cd275"_s;
    QTest::newRow("message null (over 4 KiB)")
        << entry(R"("MESSAGE":null)") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("no message") << entry({}) << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("empty message") << entry(R"("MESSAGE":"")") << u"message=[] priority=-1"_s + basic;
    QTest::newRow("empty byte array") << entry(R"("MESSAGE":[])") << u"message=[] priority=-1"_s + basic;
    QTest::newRow("repeated message")
        << entry(R"("MESSAGE":["first","second"])") << u"message=[first\nsecond] priority=-1"_s + basic;
    QTest::newRow("repeated, one binary")
        << entry(R"("MESSAGE":[[104,105,0],"x"])") << u"message=[hi\u0000\nx] priority=-1"_s + basic;
    QTest::newRow("repeated with null")
        << entry(R"("MESSAGE":[null,"x"])") << u"message=[x] priority=-1"_s + basic;
    QTest::newRow("byte out of range")
        << entry(R"("MESSAGE":[104,300])") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("negative byte") << entry(R"("MESSAGE":[-1])")
                                   << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("fractional byte") << entry(R"("MESSAGE":[104.5])")
                                     << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("message a number")
        << entry(R"("MESSAGE":42)") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("message an object")
        << entry(R"("MESSAGE":{"a":1})") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("UTF-8 bytes") << entry(R"("MESSAGE":[104,195,169,226,156,147])")
                                 << u"message=[hé✓] priority=-1"_s + basic;
    QTest::newRow("UTF-8 string") << entry(R"("MESSAGE":"héllo ✓ \u00e9")")
                                  << u"message=[héllo ✓ é] priority=-1"_s + basic;
    QTest::newRow("ANSI colours kept") << entry(R"("MESSAGE":[27,91,51,49,109,69,27,91,48,109])")
                                       << u"message=[\x1b[31mE\x1b[0m] priority=-1"_s + basic;
    QTest::newRow("priority 0") << entry(R"("PRIORITY":"0")") << u"message=[] omitted priority=0"_s + basic;
    QTest::newRow("priority 7") << entry(R"("PRIORITY":"7")") << u"message=[] omitted priority=7"_s + basic;
    QTest::newRow("priority 8") << entry(R"("PRIORITY":"8")") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("priority -1") << entry(R"("PRIORITY":"-1")")
                                 << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("priority text") << entry(R"("PRIORITY":"err")")
                                   << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("priority a JSON number")
        << entry(R"("PRIORITY":4)") << u"message=[] omitted priority=4"_s + basic;
    QTest::newRow("priority null") << entry(R"("PRIORITY":null)")
                                   << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("pid text") << entry(R"("_PID":"abc")") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("pid plus") << entry(R"("_PID":"+5")") << u"message=[] omitted priority=-1"_s + basic;
    QTest::newRow("pid large") << entry(R"("_PID":"4194304")")
                               << u"message=[] omitted priority=-1"_s +
            QString(basic).replace(u"pid=0"_s, u"pid=4194304"_s);
    QTest::newRow("identifier binary")
        << entry(R"("SYSLOG_IDENTIFIER":[97,98])")
        << u"message=[] omitted priority=-1"_s + QString(basic).replace(u"id= "_s, u"id=ab "_s);
    QTest::newRow("time as a JSON number")
        << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":1704207845123456,"MESSAGE":"m"})"_ba
        << u"message=[m] priority=-1 time=2024-01-02T15:04:05.123Z us=1704207845123456 pid=0 id= cursor=c"_s;
    QTest::newRow("time zero")
        << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"0"})"_ba
        << u"message=[] omitted priority=-1 time=1970-01-01T00:00:00.000Z us=0 pid=0 id= cursor=c"_s;
    QTest::newRow("spaces around") << "  " + entry(R"("MESSAGE":"m")") + "  \n"
                                   << u"message=[m] priority=-1"_s + basic;
}

void TestJournalEntry::parseLine()
{
    QFETCH(QByteArray, line);
    const auto entry = JournalEntryParser::parseLine(line);
    QVERIFY2(entry.has_value(), qPrintable(entry ? QString() : entry.error().toString()));
    QTEST(describe(*entry), "expected");
}

void TestJournalEntry::parseLineRefuses_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");

    const QString notEntry = u"A line of the service's log is not a journal entry."_s;
    const QString noPosition = u"A line of the service's log has no position or time."_s;
    QTest::newRow("empty") << QByteArray() << notEntry;
    QTest::newRow("blank") << "   \r\n"_ba << notEntry;
    QTest::newRow("text") << "-- No entries --"_ba << notEntry;
    QTest::newRow("stderr line") << "Failed to seek to cursor: Invalid argument"_ba << notEntry;
    QTest::newRow("array") << "[1,2,3]"_ba << notEntry;
    QTest::newRow("string") << "\"MESSAGE\""_ba << notEntry;
    QTest::newRow("cut short") << ginLine.left(120) << notEntry;
    QTest::newRow("two objects") << ginLine + ginLine << notEntry;
    QTest::newRow("binary") << QByteArray("{\x00\xff\xfe}", 5) << notEntry;
    QTest::newRow("invalid UTF-8 in a string") << QByteArray("{\"__CURSOR\":\"\xff\"}") << notEntry;
    QTest::newRow("empty object") << "{}"_ba << noPosition;
    QTest::newRow("no time") << R"({"__CURSOR":"c","MESSAGE":"m"})"_ba << noPosition;
    QTest::newRow("no cursor") << R"({"__REALTIME_TIMESTAMP":"1","MESSAGE":"m"})"_ba << noPosition;
    QTest::newRow("empty cursor") << R"({"__CURSOR":"","__REALTIME_TIMESTAMP":"1"})"_ba << noPosition;
    QTest::newRow("time text") << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"now"})"_ba << noPosition;
    QTest::newRow("time negative") << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"-5"})"_ba << noPosition;
    QTest::newRow("time overflow") << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":"99999999999999999999"})"_ba
                                   << noPosition;
    QTest::newRow("time fractional number")
        << R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":1.5})"_ba << noPosition;
    QTest::newRow("cursor a number") << R"({"__CURSOR":5,"__REALTIME_TIMESTAMP":"1"})"_ba << noPosition;
}

void TestJournalEntry::parseLineRefuses()
{
    QFETCH(QByteArray, line);
    const auto entry = JournalEntryParser::parseLine(line);
    QVERIFY2(!entry.has_value(), qPrintable(entry ? describe(*entry) : QString()));
    QTEST(entry.error().message, "message");
    QVERIFY(entry.error().hint.startsWith(u"Gantry skips it"_s));
    QVERIFY(entry.error().cause.size() <= 201);
}

void TestJournalEntry::unitOfTheLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("unit");

    const QString hello = u"gantry-hello-gin.service"_s;
    QTest::newRow("Stopped, from init.scope, real") << stoppedLine << hello;
    QTest::newRow("Main process exited, real") << exitedLine << hello;
    QTest::newRow("the service's own line, real") << serviceOwnLine << hello;
    QTest::newRow("user manager, real") << userManagerLine << u"gantry-user-x.service"_s;
    QTest::newRow("user service's own line, real") << userServiceLine << u"user@1001.service"_s;
    QTest::newRow("no unit at all") << entry({}) << QString();
    QTest::newRow("_SYSTEMD_UNIT only")
        << entry(R"("_SYSTEMD_UNIT":"gantry-shop.service")") << u"gantry-shop.service"_s;
    QTest::newRow("UNIT only (no _SYSTEMD_UNIT)")
        << entry(R"("UNIT":"gantry-shop.service")") << u"gantry-shop.service"_s;
    QTest::newRow("UNIT, _SYSTEMD_UNIT empty")
        << entry(R"("_SYSTEMD_UNIT":"","UNIT":"gantry-shop.service")") << u"gantry-shop.service"_s;
    QTest::newRow("UNIT, _SYSTEMD_UNIT null")
        << entry(R"("_SYSTEMD_UNIT":null,"UNIT":"gantry-shop.service")") << u"gantry-shop.service"_s;
    QTest::newRow("UNIT before _SYSTEMD_UNIT")
        << entry(R"("UNIT":"gantry-shop.service","_SYSTEMD_UNIT":"init.scope")") << u"gantry-shop.service"_s;
    QTest::newRow("init.scope, no UNIT") << entry(R"("_SYSTEMD_UNIT":"init.scope")") << u"init.scope"_s;
    QTest::newRow("init.scope, UNIT empty")
        << entry(R"("_SYSTEMD_UNIT":"init.scope","UNIT":"")") << u"init.scope"_s;
    QTest::newRow("init.scope, UNIT as bytes")
        << entry(R"("_SYSTEMD_UNIT":"init.scope","UNIT":[97,46,115])") << u"a.s"_s;
    QTest::newRow("init.scope, UNIT escaped")
        << entry(R"("_SYSTEMD_UNIT":"init.scope","UNIT":"gantry-shop.service")") << u"gantry-shop.service"_s;
    QTest::newRow("init.scope, USER_UNIT")
        << entry(R"("_SYSTEMD_UNIT":"init.scope","USER_UNIT":"u.service")") << u"u.service"_s;
    QTest::newRow("init.scope, both: UNIT wins")
        << entry(R"("_SYSTEMD_UNIT":"init.scope","UNIT":"a.service","USER_UNIT":"u.service")")
        << u"a.service"_s;
    QTest::newRow("a service that logs UNIT keeps its own")
        << entry(R"("_SYSTEMD_UNIT":"gantry-shop.service","UNIT":"other.service")")
        << u"gantry-shop.service"_s;
    QTest::newRow("a service that logs USER_UNIT keeps its own")
        << entry(R"("_SYSTEMD_UNIT":"gantry-shop.service","USER_UNIT":"u.service")")
        << u"gantry-shop.service"_s;
    QTest::newRow("user manager's UNIT is not taken")
        << entry(R"("_SYSTEMD_UNIT":"user@1000.service","UNIT":"a.service")") << u"user@1000.service"_s;
    QTest::newRow("user@ that is no service")
        << entry(R"("_SYSTEMD_UNIT":"user@1000.scope","USER_UNIT":"u.service")") << u"user@1000.scope"_s;
}

// The column and the filter show the service a line is about, whichever path read it.
void TestJournalEntry::unitOfTheLine()
{
    QFETCH(QByteArray, line);
    const auto entry = JournalEntryParser::parseLine(line);
    QVERIFY2(entry.has_value(), qPrintable(entry ? QString() : entry.error().toString()));
    QTEST(entry->unit, "unit");
    const auto generic = JournalEntryParser::parseLineGeneric(line);
    QVERIFY(generic.has_value());
    QTEST(generic->unit, "unit");
    if (const auto fast = JournalEntryParser::parseLineFast(line))
        QTEST(fast->unit, "unit");
}

void TestJournalEntry::command_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("follow");
    QTest::addColumn<qint64>("sinceMSecs"); // -1: none
    QTest::addColumn<int>("maxPriority");
    QTest::addColumn<int>("lines");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<bool>("neededFields");
    QTest::addColumn<QString>("expected");

    const QString head = u"journalctl --unit='gantry-shop.service' -o json --all --no-pager"_s;
    const QString fields =
        u" --output-fields=MESSAGE,PRIORITY,_PID,SYSLOG_IDENTIFIER,_SYSTEMD_UNIT,UNIT,USER_UNIT"_s;
    const QString shop = u"gantry-shop.service"_s;
    QTest::newRow("defaults") << shop << true << -1ll << -1 << -1 << QString() << true
                              << head + u" -f"_s + fields;
    QTest::newRow("history only") << shop << false << -1ll << -1 << 200 << QString() << true
                                  << head + u" -n 200"_s + fields;
    QTest::newRow("all fields") << shop << true << -1ll << -1 << -1 << QString() << false << head + u" -f"_s;
    QTest::newRow("since") << shop << true << 1704207845123ll << -1 << -1 << QString() << false
                           << head + u" -f --since=@1704207845.123"_s;
    QTest::newRow("since, milliseconds padded") << shop << true << 1704207845005ll << -1 << -1 << QString()
                                                << false << head + u" -f --since=@1704207845.005"_s;
    QTest::newRow("since, whole second") << shop << true << 1704207845000ll << -1 << -1 << QString() << false
                                         << head + u" -f --since=@1704207845.000"_s;
    QTest::newRow("priority 0") << shop << true << -1ll << 0 << -1 << QString() << false
                                << head + u" -f -p 0"_s;
    QTest::newRow("priority 7") << shop << true << -1ll << 7 << -1 << QString() << false
                                << head + u" -f -p 7"_s;
    QTest::newRow("no old lines") << shop << true << -1ll << -1 << 0 << QString() << false
                                  << head + u" -f -n 0"_s;
    QTest::newRow("after a real cursor")
        << shop << true << -1ll << -1 << -1
        << u"s=9e76d0e3f2b94c20890c1d13934fb88e;i=222;b=b3c3062ab97342589da0a27fc693f8de;m=21003e5c3;t=661a6bfbd7244;x=8ae151320627855"_s
        << false
        << head +
            u" -f --after-cursor='s=9e76d0e3f2b94c20890c1d13934fb88e;i=222;b=b3c3062ab97342589da0a27fc693f8de;m=21003e5c3;t=661a6bfbd7244;x=8ae151320627855'"_s;
    QTest::newRow("cursor with a quote")
        << shop << true << -1ll << -1 << -1 << u"a'b"_s << false << head + u" -f --after-cursor='a'\\''b'"_s;
    QTest::newRow("unit with shell characters")
        << u"gantry-$(id) `x`;'.service"_s << false << -1ll << -1 << -1 << QString() << false
        << u"journalctl --unit='gantry-$(id) `x`;'\\''.service' -o json --all --no-pager"_s;
    QTest::newRow("unit starting with a dash") << u"-x"_s << false << -1ll << -1 << -1 << QString() << false
                                               << u"journalctl --unit='-x' -o json --all --no-pager"_s;
    QTest::newRow("everything") << shop << true << 1704207845123ll << 4 << 50 << u"c"_s << true
                                << head + u" -f --since=@1704207845.123 -p 4 -n 50 --after-cursor='c'"_s +
            fields;
}

void TestJournalEntry::command()
{
    QFETCH(QString, unit);
    QFETCH(bool, follow);
    QFETCH(qint64, sinceMSecs);
    QFETCH(int, maxPriority);
    QFETCH(int, lines);
    QFETCH(QString, cursor);
    QFETCH(bool, neededFields);
    JournalQuery query;
    query.unit = unit;
    query.follow = follow;
    if (sinceMSecs >= 0)
        query.since = QDateTime::fromMSecsSinceEpoch(sinceMSecs, Qt::UTC);
    query.maxPriority = maxPriority;
    query.lines = lines;
    query.afterCursor = cursor;
    query.onlyNeededFields = neededFields;
    const auto command = JournalEntryParser::command(query);
    QVERIFY2(command.has_value(), qPrintable(command ? QString() : command.error().toString()));
    QTEST(*command, "expected");
}

void TestJournalEntry::commandRefuses_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("maxPriority");
    QTest::addColumn<int>("lines");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<QString>("message");
    const QString shop = u"gantry-shop.service"_s;
    const QString needsUnit = u"The log needs the name of one service unit."_s;
    QTest::newRow("no unit") << QString() << -1 << -1 << QString() << needsUnit;
    QTest::newRow("two lines") << u"a.service\nb.service"_s << -1 << -1 << QString() << needsUnit;
    QTest::newRow("carriage return") << u"a.service\r"_s << -1 << -1 << QString() << needsUnit;
    QTest::newRow("NUL") << u"a\u0000.service"_s << -1 << -1 << QString() << needsUnit;
    QTest::newRow("priority 8") << shop << 8 << -1 << QString() << u"Log priority 8 does not exist."_s;
    QTest::newRow("priority -2") << shop << -2 << -1 << QString() << u"Log priority -2 does not exist."_s;
    QTest::newRow("lines -2") << shop << -1 << -2 << QString() << u"A log cannot show -2 lines."_s;
    QTest::newRow("cursor with newline")
        << shop << -1 << -1 << u"s=1\n-f"_s << u"The saved log position is damaged."_s;
}

void TestJournalEntry::commandRefuses()
{
    QFETCH(QString, unit);
    QFETCH(int, maxPriority);
    QFETCH(int, lines);
    QFETCH(QString, cursor);
    const auto command =
        JournalEntryParser::command({ unit, true, {}, maxPriority, lines, cursor, true, {} });
    QVERIFY(!command.has_value());
    QTEST(command.error().message, "message");
    QVERIFY(!command.error().hint.isEmpty());
}

// The words reach journalctl as they were meant, through a real sh.
void TestJournalEntry::commandWordsSurviveTheShell()
{
    GANTRY_LINUX_ONLY("the command is run by a POSIX sh, as on a Linux server");
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile fake(bin.filePath(u"journalctl"_s));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\nfor word in \"$@\"; do printf '%s\\n' \"$word\"; done\n");
    fake.close();
    QVERIFY(fake.setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString unit = u"gantry-$(touch x) `y` \"z\" 'q'.service"_s;
    const QString cursor = u"s=1;i=2;b='$HOME'"_s;
    const auto command = JournalEntryParser::command({ unit, true, {}, 3, 10, cursor, false, {} });
    QVERIFY(command.has_value());
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, bin.path() + u':' + env.value(u"PATH"_s));
    sh.setProcessEnvironment(env);
    sh.setWorkingDirectory(bin.path());
    sh.start(u"/bin/sh"_s, { u"-c"_s, *command });
    QVERIFY(sh.waitForFinished(30000));
    const QStringList words = QString::fromUtf8(sh.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(words,
        QStringList({ u"--unit="_s + unit, u"-o"_s, u"json"_s, u"--all"_s, u"--no-pager"_s, u"-f"_s, u"-p"_s,
            u"3"_s, u"-n"_s, u"10"_s, u"--after-cursor="_s + cursor }));
    QVERIFY(!QFile::exists(bin.filePath(u"x"_s)));
}

void TestJournalEntry::diagnose_data()
{
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<QString>("message"); // empty: nothing to tell
    QTest::newRow("bad cursor") << "Failed to seek to cursor: Invalid argument\n"_ba
                                << u"The server's journal no longer has the entry the log stopped at."_s;
    QTest::newRow("bad time") << "Failed to parse timestamp: bogus\n"_ba
                              << u"journalctl on the server did not accept the start time of the log."_s;
    QTest::newRow("old journalctl") << "journalctl: unrecognized option '--output-fields=MESSAGE'\n"_ba
                                    << u"journalctl on the server is too old for an option Gantry uses."_s;
    QTest::newRow("no journal") << "No journal files were found.\n"_ba << u"The server keeps no journal."_s;
    QTest::newRow("no access")
        << "Hint: You are currently not seeing messages from other users and the system.\n"
           "      Users in groups 'adm', 'systemd-journal' can see all messages.\n"_ba
        << u"The server's user may not read the services' log."_s;
    QTest::newRow("bad unit") << "Failed to add filter for units: Invalid argument\n"_ba
                              << u"journalctl on the server did not accept the service's name."_s;
    QTest::newRow("dash: not found") << "sh: 1: journalctl: not found\n"_ba
                                     << u"journalctl is not installed on the server."_s;
    QTest::newRow("bash: command not found") << "bash: line 1: journalctl: command not found\n"_ba
                                             << u"journalctl is not installed on the server."_s;
    QTest::newRow("harmless") << "Journal file /var/log/journal/x.journal~ is truncated, ignoring file.\n"_ba
                              << QString();
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestJournalEntry::diagnose()
{
    QFETCH(QByteArray, stderrText);
    QFETCH(QString, message);
    const auto error = JournalEntryParser::diagnose(stderrText);
    QCOMPARE(error.has_value(), !message.isEmpty());
    if (!error)
        return;
    QCOMPARE(error->message, message);
    QVERIFY(!error->hint.isEmpty());
    QCOMPARE(error->cause, QString::fromUtf8(stderrText.trimmed()));
}

QTEST_GUILESS_MAIN(TestJournalEntry)
#include "tst_journalentry.moc"
