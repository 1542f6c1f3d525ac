#include <QRandomGenerator>
#include <QTest>

#include "core/deploy/releaselayout.h"
#include "core/deploy/releaseoutput.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::ReleaseInfo;
using Gantry::ReleaseLayout;
using Gantry::ReleaseOutput;

namespace {

QString describe(const QList<ReleaseInfo> &releases)
{
    QStringList out;
    for (const ReleaseInfo &r : releases) {
        out << u"%1:%2:%3:%4:%5%6%7%8"_s.arg(r.n).arg(r.version, ReleaseLayout::statusName(r.status), r.time,
            r.sha256, r.isCurrent ? u":current"_s : QString(), r.exists ? QString() : u":gone"_s,
            r.incomplete ? u":incomplete"_s : QString());
    }
    return out.join(u' ');
}

const QByteArray logOne =
    R"(LOG {"time":"2024-06-01T10:00:00Z","n":1,"sha256":"aa","status":"good","version":"v1"})";
const QByteArray logTwo =
    R"(LOG {"time":"2024-06-02T10:00:00Z","n":2,"sha256":"bb","status":"good","version":"v2"})";
const QByteArray logTwoBad = R"(LOG {"time":"2024-06-02T11:00:00Z","n":2,"status":"bad"})";

} // namespace

class TestReleaseOutput final : public QObject {
    Q_OBJECT

private slots:
    void parseLock_data();
    void parseLock();
    void parseUnlock();
    void parsePrepare_data();
    void parsePrepare();
    void parseSwitch_data();
    void parseSwitch();
    void parseReleases_data();
    void parseReleases();
    void parsePrune();
    void scriptErrors_data();
    void scriptErrors();
    void garbageNeverCrashes();
};

void TestReleaseOutput::parseLock_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // acquired, or "held by who@host pid version time"

    QTest::newRow("acquired") << "LOCK acquired\n"_ba << true << u"acquired"_s;
    QTest::newRow("acquired after a banner") << "motd\r\nLOCK acquired\r\n"_ba << true << u"acquired"_s;
    QTest::newRow("held")
        << "LOCKED {\"time\":\"2024-06-01T10:00:00Z\",\"host\":\"lap\",\"pid\":42,\"version\":\"v1\",\"who\":\"ann\"}\n"_ba
        << true << u"held by ann@lap 42 v1 2024-06-01T10:00:00Z"_s;
    QTest::newRow("held, holder still writing") << "LOCKED \n"_ba << true << u"held by @ 0  "_s;
    QTest::newRow("held, holder info damaged") << "LOCKED {\"who\":\n"_ba << true << u"held by @ 0  "_s;
    QTest::newRow("empty") << QByteArray() << false << QString();
    QTest::newRow("other text") << "LOCK\nLOCKEDX\n"_ba << false << QString();
    QTest::newRow("error") << "ERROR io cannot create /x/.gantry\n"_ba << false << QString();
}

void TestReleaseOutput::parseLock()
{
    QFETCH(QByteArray, output);
    QFETCH(bool, ok);
    const auto lock = ReleaseOutput::parseLock(output);
    QCOMPARE(lock.has_value(), ok);
    if (!ok)
        return;
    const auto &h = lock->holder;
    QTEST(lock->acquired ? u"acquired"_s
                         : u"held by %1@%2 %3 %4 %5"_s.arg(h.who, h.host).arg(h.pid).arg(h.version, h.time),
        "expected");
}

void TestReleaseOutput::parseUnlock()
{
    const auto broken = ReleaseOutput::parseUnlock("BROKEN {\"who\":\"ann\",\"pid\":7}\n"_ba);
    QVERIFY(broken.has_value() && broken->has_value());
    QCOMPARE(broken->value().who, u"ann"_s);
    QCOMPARE(broken->value().pid, 7);
    const auto none = ReleaseOutput::parseUnlock("UNLOCKED\n"_ba);
    QVERIFY(none.has_value() && !none->has_value());
    QVERIFY(!ReleaseOutput::parseUnlock("unlocked\n"_ba).has_value());
    QVERIFY(!ReleaseOutput::parseUnlock("ERROR not-root ann\n"_ba).has_value());
}

void TestReleaseOutput::parsePrepare_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("expected"); // "n cleaned... created" or "error"

    QTest::newRow("first") << "USER created shop\nRELEASE 1\n"_ba << u"1 [] created"_s;
    QTest::newRow("cleaned") << "USER exists shop\nCLEANED 4\nCLEANED 6\nRELEASE 7\n"_ba
                             << u"7 [4,6] existed"_s;
    QTest::newRow("no release line") << "USER exists shop\n"_ba << u"error"_s;
    QTest::newRow("two release lines") << "RELEASE 1\nRELEASE 2\n"_ba << u"error"_s;
    QTest::newRow("release zero") << "RELEASE 0\n"_ba << u"error"_s;
    QTest::newRow("release not a number") << "RELEASE x\n"_ba << u"error"_s;
    QTest::newRow("release with leading zero") << "RELEASE 07\n"_ba << u"error"_s;
    QTest::newRow("error after output") << "USER exists shop\nERROR bad-counter 1x\n"_ba << u"error"_s;
}

void TestReleaseOutput::parsePrepare()
{
    QFETCH(QByteArray, output);
    const auto prepared = ReleaseOutput::parsePrepare(output);
    QString got = u"error"_s;
    if (prepared) {
        QStringList cleaned;
        for (const int n : prepared->cleaned)
            cleaned << QString::number(n);
        got = u"%1 [%2] %3"_s.arg(prepared->n)
                  .arg(cleaned.join(u','), prepared->userCreated ? u"created"_s : u"existed"_s);
    }
    QTEST(got, "expected");
}

void TestReleaseOutput::parseSwitch_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("previous"); // -1: an error

    QTest::newRow("first switch") << "CURRENT 1 PREVIOUS -\n"_ba << 1 << 0;
    QTest::newRow("switch") << "CURRENT 5 PREVIOUS 4\n"_ba << 5 << 4;
    QTest::newRow("previous was odd") << "CURRENT 5 PREVIOUS /srv/x\n"_ba << 0 << -1;
    QTest::newRow("missing previous") << "CURRENT 5\n"_ba << 0 << -1;
    QTest::newRow("nothing") << "\n"_ba << 0 << -1;
    QTest::newRow("error") << "ERROR incomplete 5\n"_ba << 0 << -1;
}

void TestReleaseOutput::parseSwitch()
{
    QFETCH(QByteArray, output);
    QFETCH(int, current);
    QFETCH(int, previous);
    const auto switched = ReleaseOutput::parseSwitch(output);
    QCOMPARE(switched.has_value(), previous >= 0);
    if (switched) {
        QCOMPARE(switched->current, current);
        QCOMPARE(switched->previous, previous);
    }
}

void TestReleaseOutput::parseReleases_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("expected"); // "error" when it fails

    QTest::newRow("nothing yet") << "CURRENT -\nEND\n"_ba << QString();
    QTest::newRow("one live release") << "CURRENT releases/1\nDIR 1\n" + logOne + "\n\nEND\n"
                                      << u"1:v1:good:2024-06-01T10:00:00Z:aa:current"_s;
    QTest::newRow("rolled back, bad kept, status from the latest line")
        << "CURRENT releases/1\nDIR 1\nDIR 2\n" + logOne + "\n" + logTwo + "\n" + logTwoBad + "\nEND\n"
        << u"1:v1:good:2024-06-01T10:00:00Z:aa:current 2:v2:bad:2024-06-02T10:00:00Z:bb"_s;
    QTest::newRow("pruned, incomplete, unlogged, sorted by number")
        << "CURRENT releases/10\nDIR 10\nDIR 9 incomplete\nDIR 2\n" + logOne + "\n" + logTwo +
            "\nLOG {\"time\":\"t\",\"n\":10,\"status\":\"failed\",\"version\":\"v10\"}\nEND\n"
        << u"1:v1:good:2024-06-01T10:00:00Z:aa:gone 2:v2:good:2024-06-02T10:00:00Z:bb "
           "9::unknown:::incomplete 10:v10:failed:t::current"_s;
    QTest::newRow("damaged log lines skipped")
        << "CURRENT releases/1\nDIR 1\nLOG {\"time\":\"2024\nLOG not json\nLOG [1,2]\nLOG {\"n\":0}\n"
           "LOG {\"n\":\"3\"}\n" +
            logOne + "\nEND\n"
        << u"1:v1:good:2024-06-01T10:00:00Z:aa:current"_s;
    QTest::newRow("odd folder names ignored")
        << "CURRENT releases/x\nDIR x\nDIR 0\nDIR 3\nEND\n"_ba << u"3::unknown::"_s;
    QTest::newRow("current points elsewhere") << "CURRENT /srv/other\nDIR 3\nEND\n"_ba << u"3::unknown::"_s;
    QTest::newRow("cut short") << "CURRENT releases/1\nDIR 1\n" + logOne << u"error"_s;
    QTest::newRow("no current line") << "DIR 1\nEND\n"_ba << u"error"_s;
    QTest::newRow("script error") << "ERROR not-root ann\n"_ba << u"error"_s;
}

void TestReleaseOutput::parseReleases()
{
    QFETCH(QByteArray, output);
    const auto releases = ReleaseOutput::parseReleases(output);
    QTEST(releases ? describe(*releases) : u"error"_s, "expected");
}

void TestReleaseOutput::parsePrune()
{
    const auto pruned = ReleaseOutput::parsePrune("KEPT 9\nKEPT 8\nPRUNED 3\nKEPT 2\nPRUNED 1\nEND\n"_ba);
    QVERIFY(pruned.has_value());
    QCOMPARE(*pruned, (QList<int> { 3, 1 }));
    QCOMPARE(ReleaseOutput::parsePrune("END\n"_ba).value_or(QList<int> { -1 }), QList<int>());
    QVERIFY(!ReleaseOutput::parsePrune("PRUNED 3\n"_ba).has_value()); // cut short
    QVERIFY(!ReleaseOutput::parsePrune("PRUNED 3\nERROR io cannot remove /x/releases/3\n"_ba).has_value());
    QCOMPARE(ReleaseOutput::parseUnpack("UNPACKED 4\n"_ba).value_or(-1), 4);
    QVERIFY(!ReleaseOutput::parseUnpack("UNPACKED\n"_ba).has_value());
    QCOMPARE(ReleaseOutput::parseRecord("RECORDED 4\n"_ba).value_or(-1), 4);
    QVERIFY(!ReleaseOutput::parseRecord("RECORDED -4\n"_ba).has_value());
}

void TestReleaseOutput::scriptErrors_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("inMessage");
    QTest::addColumn<QString>("cause");

    QTest::newRow("not root") << "ERROR not-root ann\n"_ba << u"ran as ann, not as root"_s << u"ann"_s;
    QTest::newRow("bad user") << "ERROR bad-user Bad User\n"_ba << u"\"Bad User\" is not valid"_s
                              << u"Bad User"_s;
    QTest::newRow("no user") << "ERROR no-user shop\n"_ba << u"service user shop does not exist"_s
                             << u"shop"_s;
    QTest::newRow("no useradd") << "ERROR no-useradd shop\n"_ba << u"no useradd"_s << u"shop"_s;
    QTest::newRow("useradd failed") << "ERROR useradd-failed useradd: UID 0 is not unique \n"_ba
                                    << u"Creating the service user"_s << u"useradd: UID 0 is not unique"_s;
    QTest::newRow("bad counter") << "ERROR bad-counter 1x\n"_ba << u"counter"_s << u"1x"_s;
    QTest::newRow("bad release") << "ERROR bad-release 0\n"_ba << u"\"0\" is not valid"_s << u"0"_s;
    QTest::newRow("no archive") << "ERROR no-archive /tmp/a.tar.gz\n"_ba << u"/tmp/a.tar.gz is missing"_s
                                << u"/tmp/a.tar.gz"_s;
    QTest::newRow("exists") << "ERROR exists 4\n"_ba << u"Release 4 already exists"_s << u"4"_s;
    QTest::newRow("tar failed") << "ERROR tar-failed gzip: stdin: unexpected end of file\n"_ba
                                << u"Unpacking the release"_s << u"gzip: stdin: unexpected end of file"_s;
    QTest::newRow("no release") << "ERROR no-release 9\n"_ba << u"Release 9 is not on the server"_s << u"9"_s;
    QTest::newRow("incomplete") << "ERROR incomplete 9\n"_ba << u"Release 9 was never completely"_s << u"9"_s;
    QTest::newRow("io") << "ERROR io cannot remove /x\n"_ba
                        << u"could not change the deploy folder: cannot remove /x"_s << u"cannot remove /x"_s;
    QTest::newRow("unknown code") << "ERROR zap\n"_ba << u"failed (zap)"_s << QString();
    QTest::newRow("CRLF") << "ERROR exists 4\r\n"_ba << u"Release 4 already exists"_s << u"4"_s;
}

void TestReleaseOutput::scriptErrors()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, inMessage);
    const QList<Gantry::Error> errors { ReleaseOutput::parseLock(output).error(),
        ReleaseOutput::parseUnlock(output).error(), ReleaseOutput::parsePrepare(output).error(),
        ReleaseOutput::parseUnpack(output).error(), ReleaseOutput::parseSwitch(output).error(),
        ReleaseOutput::parseRecord(output).error(), ReleaseOutput::parseReleases(output).error(),
        ReleaseOutput::parsePrune(output).error() };
    for (const Gantry::Error &error : errors) {
        QVERIFY2(error.message.contains(inMessage), qPrintable(error.message));
        QVERIFY(!error.hint.isEmpty());
        QTEST(error.cause, "cause");
    }
}

void TestReleaseOutput::garbageNeverCrashes()
{
    QRandomGenerator random(777);
    const QByteArray valid = "CURRENT releases/2\nDIR 1\nDIR 2 incomplete\n" + logOne + "\n" + logTwo + "\n" +
        logTwoBad + "\nRELEASE 3\nCURRENT 3 PREVIOUS 2\nLOCKED {\"who\":1}\nPRUNED 1\nEND\n";
    for (int i = 0; i < 3000; ++i) {
        QByteArray text = valid;
        for (int e = random.bounded(1, 10); e > 0 && !text.isEmpty(); --e) {
            const int at = random.bounded(int(text.size()));
            if (random.bounded(2) == 0)
                text[at] = char(random.bounded(256));
            else
                text.remove(at, random.bounded(1, 16));
        }
        (void)ReleaseOutput::parseLock(text);
        (void)ReleaseOutput::parseUnlock(text);
        (void)ReleaseOutput::parsePrepare(text);
        (void)ReleaseOutput::parseSwitch(text);
        (void)ReleaseOutput::parsePrune(text);
        const auto releases = ReleaseOutput::parseReleases(text);
        if (releases) {
            for (const ReleaseInfo &r : *releases)
                QVERIFY(r.n >= 1);
        }
    }
}

QTEST_GUILESS_MAIN(TestReleaseOutput)
#include "tst_releaseoutput.moc"
