#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "core/testsupport.h"

#include "core/remote/hostprobe.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::HostFacts;
using Gantry::HostProbe;

namespace {

const QByteArray debianOsRelease = R"OS(PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
)OS"_ba;

const QByteArray ubuntuOsRelease = R"OS(PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
ID=ubuntu
ID_LIKE=debian
)OS"_ba;

const QByteArray alpineOsRelease = "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.19.1\n"
                                   "PRETTY_NAME='Alpine Linux v3.19'"_ba; // no newline at the end

const QByteArray dfRoot = "/opt\n"
                          "Filesystem     1024-blocks     Used Available Capacity Mounted on\n"
                          "/dev/vda         264212084 23631012  76706176      24% /\n"_ba;

// What the script prints, from its parts.
QByteArray output(const QByteArray &osRelease, const QByteArray &machine, const QByteArray &listen,
    const QByteArray &df = dfRoot, const QByteArray &systemd = "yes")
{
    QByteArray out = "@@gantry-probe 1\n@@port\n8080\n@@os-release\n" + osRelease + "\n@@uname\nLinux\n" +
        machine + "\n@@systemd\n" + systemd + "\n@@df\n" + df;
    return out + listen + "@@end\n";
}

QString describe(const HostFacts &f)
{
    return u"id=%1 version=%2 pretty=%3 kernel=%4 machine=%5 goarch=%6 systemd=%7 free=%8@%9 port=%10 owner=%11/%12"_s
        .arg(f.osId, f.osVersion, f.osPrettyName, f.kernel, f.unameMachine, f.goarch)
        .arg(f.systemd ? u"true"_s : u"false"_s)
        .arg(f.freeBytes)
        .arg(f.freePath)
        .arg(f.portInUse ? u"true"_s : u"false"_s)
        .arg(f.portOwner)
        .arg(f.portOwnerPid);
}

QByteArray runScript(
    const QByteArray &script, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess sh;
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, { u"-s"_s });
    sh.write(script);
    sh.closeWriteChannel();
    if (!sh.waitForFinished(60000))
        return {};
    return sh.readAllStandardOutput();
}

} // namespace

class TestHostProbe final : public QObject {
    Q_OBJECT

private slots:
    void goarchFor_data();
    void goarchFor();
    void unquoteOsRelease_data();
    void unquoteOsRelease();
    void parse_data();
    void parse();
    void parseRefuses_data();
    void parseRefuses();
    void parseGarbageNeverCrashes();
    void scriptIsDashCompatible();
    void runOnThisMachine();
    void runWithoutSs();
    void extraSectionsComeBack();
};

void TestHostProbe::goarchFor_data()
{
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("goarch");
    const QList<std::pair<QString, QString>> rows { { u"x86_64"_s, u"amd64"_s }, { u"aarch64"_s, u"arm64"_s },
        { u"arm64"_s, u"arm64"_s }, { u"armv7l"_s, u"arm"_s }, { u"armv6l"_s, u"arm"_s },
        { u"i686"_s, u"386"_s }, { u"i386"_s, u"386"_s }, { u"ppc64le"_s, u"ppc64le"_s },
        { u"s390x"_s, u"s390x"_s }, { u"riscv64"_s, u"riscv64"_s }, { u"mips"_s, QString() },
        { QString(), QString() }, { u"X86_64"_s, QString() } };
    for (const auto &[machine, goarch] : rows)
        QTest::newRow(qPrintable(machine.isEmpty() ? u"(empty)"_s : machine)) << machine << goarch;
}

void TestHostProbe::goarchFor()
{
    QFETCH(QString, machine);
    QTEST(HostProbe::goarchFor(machine), "goarch");
}

void TestHostProbe::unquoteOsRelease_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"debian"_s << u"debian"_s;
    QTest::newRow("double quotes") << u"\"Debian GNU/Linux\""_s << u"Debian GNU/Linux"_s;
    QTest::newRow("single quotes") << u"'a \"b\" $c'"_s << u"a \"b\" $c"_s;
    QTest::newRow("escapes in double quotes")
        << u"\"a \\\"b\\\" \\$c \\\\ \\`d\\` \\n\""_s << u"a \"b\" $c \\ `d` \\n"_s;
    QTest::newRow("escaped space unquoted") << u"a\\ b"_s << u"a b"_s;
    QTest::newRow("concatenated") << u"\"a\"'b'c"_s << u"abc"_s;
    QTest::newRow("unterminated quote") << u"\"abc"_s << u"abc"_s;
    QTest::newRow("empty") << u"\"\""_s << QString();
}

void TestHostProbe::unquoteOsRelease()
{
    QFETCH(QString, value);
    QTEST(HostProbe::unquoteOsRelease(value), "expected");
}

void TestHostProbe::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    const QString debianFree = u"free=78547124224@/opt"_s;
    QTest::newRow("Debian, port free (ss)")
        << output(debianOsRelease, "x86_64", "@@ss\n\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=false owner=/0"_s.arg(debianFree);
    QTest::newRow("Ubuntu arm64, port in use (ss, owner known)")
        << output(ubuntuOsRelease, "aarch64",
               "@@ss\nLISTEN 0      4096         0.0.0.0:8080      0.0.0.0:*    "
               "users:((\"shop\",pid=812,fd=3))\n"
               "LISTEN 0      4096            [::]:8080         [::]:*    users:((\"shop\",pid=812,fd=4))\n")
        << u"id=ubuntu version=22.04 pretty=Ubuntu 22.04.4 LTS kernel=Linux machine=aarch64 goarch=arm64 "
           "systemd=true %1 port=true owner=shop/812"_s.arg(debianFree);
    QTest::newRow("ss without owner, other ports ignored")
        << output(debianOsRelease, "x86_64",
               "@@ss\nLISTEN 0 511 *:80 *:*\nLISTEN 0 4096 127.0.0.53%lo:53 0.0.0.0:*\n"
               "LISTEN 0 4096 [::ffff:127.0.0.1]:8080 *:*\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=true owner=/0"_s.arg(debianFree);
    QTest::newRow("ss, only port 18080 listens")
        << output(debianOsRelease, "x86_64", "@@ss\nLISTEN 0 4096 0.0.0.0:18080 0.0.0.0:*\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=false owner=/0"_s.arg(debianFree);
    const QByteArray procHeader =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
        "timeout inode\n";
    QTest::newRow("Alpine-like, no systemd, port in use (/proc/net/tcp)")
        << output(alpineOsRelease, "armv7l",
               "@@proc-net-tcp\n" + procHeader +
                   "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        "
                   "0 "
                   "1120 1 0000000000000000 100 0 0 10 0\n",
               dfRoot, "no")
        << u"id=alpine version=3.19.1 pretty=Alpine Linux v3.19 kernel=Linux machine=armv7l goarch=arm "
           "systemd=false %1 port=true owner=/0"_s.arg(debianFree);
    QTest::newRow("/proc/net/tcp6 listens; an established 8080 does not count")
        << output(debianOsRelease, "x86_64",
               "@@proc-net-tcp\n" + procHeader +
                   "   1: 0100007F:1F90 0100007F:D2A4 01 00000000:00000000 00:00000000 00000000 0 0 1 1\n" +
                   procHeader +
                   "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A "
                   "00000000:00000000 00:00000000 00000000 0 0 1121 1\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=true owner=/0"_s.arg(debianFree);
    QTest::newRow("/proc/net/tcp, only established")
        << output(debianOsRelease, "x86_64",
               "@@proc-net-tcp\n" + procHeader +
                   "   1: 0100007F:1F90 0100007F:D2A4 01 00000000:00000000 00:00000000 00000000 0 0 1 1\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=false owner=/0"_s.arg(debianFree);
    QTest::newRow("missing os-release, unknown machine")
        << output(QByteArray(), "mips", "@@ss\n", dfRoot, "no")
        << u"id= version= pretty= kernel=Linux machine=mips goarch= systemd=false %1 port=false owner=/0"_s
               .arg(debianFree);
    QTest::newRow("df failed")
        << output(debianOsRelease, "x86_64", "@@ss\n", "/opt/gantry\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux "
           "machine=x86_64 goarch=amd64 systemd=true free=-1@/opt/gantry port=false owner=/0"_s;
    QTest::newRow("df with spaces in names")
        << output(debianOsRelease, "x86_64", "@@ss\n",
               "/mnt/my disk\nFilesystem 1024-blocks Used Available Capacity Mounted on\n"
               "//nas/share name  1000  400  600  40% /mnt/my disk\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true free=614400@/mnt/my disk port=false owner=/0"_s;
    QTest::newRow("login banner and CRLF before the header")
        << "Welcome to host!\r\nLast login: today\r\n" +
            output(debianOsRelease, "x86_64", "@@ss\n").replace('\n', "\r\n")
        << u"id=debian version=12 pretty=Debian GNU/Linux 12 (bookworm) kernel=Linux machine=x86_64 "
           "goarch=amd64 systemd=true %1 port=false owner=/0"_s.arg(debianFree);
}

void TestHostProbe::parse()
{
    QFETCH(QByteArray, text);
    const auto facts = HostProbe::parse(text);
    QVERIFY2(facts.has_value(), qPrintable(facts ? QString() : facts.error().toString()));
    QTEST(describe(*facts), "expected");
}

void TestHostProbe::parseRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << "sh: 1: Syntax error: \"(\" unexpected\n"_ba;
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe@@\x01", 6);
    QTest::newRow("cut short") << "@@gantry-probe 1\n@@port\n8080\n@@os-release\nID=debian\n"_ba;
    QTest::newRow("no uname") << "@@gantry-probe 1\n@@port\n8080\n@@end\n"_ba;
    QTest::newRow("empty uname") << "@@gantry-probe 1\n@@uname\n\n\n@@end\n"_ba;
}

void TestHostProbe::parseRefuses()
{
    QFETCH(QByteArray, text);
    const auto facts = HostProbe::parse(text);
    QVERIFY(!facts.has_value());
    QVERIFY(!facts.error().message.isEmpty() && !facts.error().hint.isEmpty());
}

void TestHostProbe::parseGarbageNeverCrashes()
{
    QRandomGenerator random(20240611);
    const QByteArray valid = output(debianOsRelease, "x86_64",
        "@@ss\nLISTEN 0 4096 0.0.0.0:8080 0.0.0.0:* users:((\"shop\",pid=812,fd=3))\n");
    for (int i = 0; i < 3000; ++i) {
        QByteArray text = valid;
        const int edits = random.bounded(1, 12);
        for (int e = 0; e < edits && !text.isEmpty(); ++e) {
            const int at = random.bounded(int(text.size()));
            switch (random.bounded(3)) {
            case 0:
                text[at] = char(random.bounded(256));
                break;
            case 1:
                text.remove(at, random.bounded(1, 20));
                break;
            default:
                text.insert(at, text.mid(random.bounded(int(text.size())), random.bounded(1, 30)));
            }
        }
        const auto facts = HostProbe::parse(text);
        QVERIFY(facts.has_value() || !facts.error().message.isEmpty());
    }
}

void TestHostProbe::scriptIsDashCompatible()
{
    const QString dash = QStandardPaths::findExecutable(u"dash"_s);
    if (dash.isEmpty())
        QSKIP("dash is not installed");
    QProcess check;
    check.start(dash, { u"-n"_s });
    check.write(HostProbe::script(u"/opt/gantry/it's \"odd\" $(x)"_s, 8080));
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(10000));
    QCOMPARE(check.exitCode(), 0);
    QVERIFY(HostProbe::script(u"/opt/a'b"_s, 80).contains("d='/opt/a'\\''b'\n"));
}

void TestHostProbe::runOnThisMachine()
{
    GANTRY_LINUX_ONLY("the probe is a POSIX sh script for Linux servers; it runs under /bin/sh here");
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::Any, 0));
    const int busyPort = server.serverPort();

    const auto facts =
        HostProbe::parse(runScript(HostProbe::script(u"/opt/gantry/not-there/shop"_s, busyPort)));
    QVERIFY2(facts.has_value(), qPrintable(facts ? QString() : facts.error().toString()));
    qInfo().noquote() << describe(*facts);
    QCOMPARE(facts->osId, u"debian"_s);
    QCOMPARE(facts->osVersion, u"12"_s);
    QVERIFY(facts->osPrettyName.startsWith(u"Debian GNU/Linux 12"_s));
    QCOMPARE(facts->kernel, u"Linux"_s);
    QCOMPARE(facts->unameMachine, u"x86_64"_s);
    QCOMPARE(facts->goarch, u"amd64"_s);
    QCOMPARE(facts->systemd, QDir(u"/run/systemd/system"_s).exists());
    QVERIFY(QDir(facts->freePath).exists());
    QVERIFY(u"/opt/gantry/not-there/shop"_s.startsWith(facts->freePath));
    QVERIFY(facts->freeBytes > 0);
    QVERIFY(facts->portInUse);
    QCOMPARE(facts->portOwnerPid, QCoreApplication::applicationPid()); // ss sees its own user's sockets
    QCOMPARE(facts->portOwner, u"tst_hostprobe"_s);

    server.close();
    const auto free = HostProbe::parse(runScript(HostProbe::script(u"/"_s, busyPort)));
    QVERIFY(free.has_value());
    QVERIFY(!free->portInUse);
    QCOMPARE(free->freePath, u"/"_s);
}

// Without ss on PATH, the script falls back to /proc/net/tcp and tcp6.
void TestHostProbe::runWithoutSs()
{
    GANTRY_LINUX_ONLY("the probe is a POSIX sh script for Linux servers; it runs under /bin/sh here");
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    for (const QString &tool : { u"cat"_s, u"uname"_s, u"dirname"_s, u"df"_s }) {
        const QString path = QStandardPaths::findExecutable(tool);
        QVERIFY2(!path.isEmpty(), qPrintable(tool));
        QVERIFY(QFile::link(path, bin.filePath(tool)));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, bin.path());
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::AnyIPv6, 0)); // a tcp6 socket (dual-stack)
    const QByteArray out = runScript(HostProbe::script(u"/tmp"_s, server.serverPort()), env);
    QVERIFY2(out.contains("@@proc-net-tcp\n"), out.constData());
    const auto facts = HostProbe::parse(out);
    QVERIFY(facts.has_value());
    QVERIFY(facts->portInUse);
    QVERIFY(facts->portOwner.isEmpty());
    QCOMPARE(facts->goarch, u"amd64"_s);
    QVERIFY(facts->freeBytes > 0);
}

// A deploy asks its own questions in the probe's trip; their sections come back by name and
// never disturb the probe's own.
void TestHostProbe::extraSectionsComeBack()
{
    GANTRY_LINUX_ONLY("the probe is a POSIX sh script for Linux servers; it runs under /bin/sh here");
    const QByteArray extra =
        "echo '@@unit-active'\necho active\necho '@@uploaded'\necho ab12 x\necho cd34 y\n";
    const auto facts = HostProbe::parse(runScript(HostProbe::script(u"/"_s, 1, extra)));
    QVERIFY2(facts.has_value(), qPrintable(facts ? QString() : facts.error().toString()));
    QCOMPARE(facts->extra.value("unit-active"), QByteArrayList { "active" });
    QCOMPARE(facts->extra.value("uploaded"), (QByteArrayList { "ab12 x", "cd34 y" }));
    QVERIFY(!facts->extra.contains("uname") && !facts->extra.contains("end"));
    QCOMPARE(facts->kernel, u"Linux"_s);
}

QTEST_GUILESS_MAIN(TestHostProbe)
#include "tst_hostprobe.moc"
