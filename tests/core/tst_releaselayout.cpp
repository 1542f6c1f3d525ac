// Runs the ReleaseLayout scripts for real with /bin/sh (dash on Debian) against a root in a
// temporary folder. The tests run as root, as the scripts do on a server. The service user is
// "daemon" (present on Debian) with UserMode::MustExist, so the machine's users are not changed;
// createsServiceUser() alone creates and deletes a system user "gantrytst".

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/deploy/releaselayout.h"
#include "core/deploy/releaseoutput.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::LockInfo;
using Gantry::ReleaseEntry;
using Gantry::ReleaseInfo;
using Gantry::ReleaseLayout;
using Gantry::ReleaseOutput;
using Gantry::ReleaseStatus;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runSh(const QByteArray &script, const QStringList &prefix = {})
{
    QProcess sh;
    const QStringList command = prefix + QStringList { u"/bin/sh"_s, u"-s"_s };
    sh.start(command.first(), command.mid(1));
    sh.write(script);
    sh.closeWriteChannel();
    sh.waitForFinished(120000);
    return { sh.exitStatus() == QProcess::NormalExit ? sh.exitCode() : -1, sh.readAllStandardOutput(),
        sh.readAllStandardError() };
}

bool syntaxOk(const QString &shell, const QByteArray &script, const QStringList &options = {})
{
    QProcess sh;
    sh.start(shell, options + QStringList { u"-n"_s });
    sh.write(script);
    sh.closeWriteChannel();
    return sh.waitForFinished(30000) && sh.exitStatus() == QProcess::NormalExit && sh.exitCode() == 0;
}

QString modeOf(const QString &path)
{
    return QString::fromUtf8(runSh("stat -c %a '" + path.toUtf8() + "'\n").out.trimmed());
}

// A fake server: <tmp>/opt/gantry/shop, and the archives to deploy.
class Server final {
public:
    Server()
        : m_layout(*ReleaseLayout::forRoot(m_dir.filePath(u"opt/gantry/shop"_s)))
    {
    }

    bool isValid() const { return m_dir.isValid(); }
    const ReleaseLayout &layout() const { return m_layout; }
    QString path(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_layout.root() : m_layout.root() + u'/' + relative;
    }
    QString tmp(const QString &name) const { return m_dir.filePath(name); }

    // A .tar.gz of an executable "shop" printing `version`, a web file and a world-writable file.
    QString archive(const QString &version) const
    {
        const QString src = tmp(u"src-"_s + version);
        QDir().mkpath(src + u"/static"_s);
        writeFile(src + u"/shop"_s, "#!/bin/sh\necho " + version.toUtf8() + "\n");
        QFile::setPermissions(src + u"/shop"_s,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                QFileDevice::ReadOther | QFileDevice::ExeOther);
        writeFile(src + u"/static/index.html"_s, "<h1>" + version.toUtf8() + "</h1>\n");
        writeFile(src + u"/open.txt"_s, "anyone may write me\n");
        QFile::setPermissions(src + u"/open.txt"_s, QFileDevice::ReadOther | QFileDevice::WriteOther);
        const QString out = tmp(u"shop-"_s + version + u".tar.gz"_s);
        QProcess::execute(
            u"tar"_s, { u"--owner=1234"_s, u"--group=1234"_s, u"-czf"_s, out, u"-C"_s, src, u"."_s });
        return out;
    }

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(data);
    }

    QString current() const { return QFileInfo(path(u"current"_s)).symLinkTarget(); }
    QString currentLink() const
    {
        return QString::fromUtf8(runSh("readlink " + path(u"current"_s).toUtf8() + "\n").out.trimmed());
    }
    QStringList releaseDirs() const
    {
        QStringList dirs = QDir(path(u"releases"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(dirs.begin(), dirs.end(),
            [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
        return dirs;
    }

    int prepare() const
    {
        const auto prepared = ReleaseOutput::parsePrepare(
            runSh(m_layout.prepareRelease(u"daemon"_s, ReleaseLayout::UserMode::MustExist)).out);
        return prepared ? prepared->n : -1;
    }

    // prepare, unpack, switch, record: the release number, or -1.
    int deploy(const QString &version) const
    {
        const int n = prepare();
        const bool ok = n > 0 &&
            ReleaseOutput::parseUnpack(runSh(m_layout.unpackRelease(n, archive(version))).out) &&
            ReleaseOutput::parseSwitch(runSh(m_layout.switchCurrent(n)).out) &&
            ReleaseOutput::parseRecord(
                runSh(m_layout.recordRelease(ReleaseEntry { n, version, ReleaseStatus::Good, u"ab12"_s }))
                    .out);
        return ok ? n : -1;
    }

    QList<ReleaseInfo> releases() const
    {
        const auto list = ReleaseOutput::parseReleases(runSh(m_layout.listReleases()).out);
        return list ? *list : QList<ReleaseInfo>();
    }

private:
    QTemporaryDir m_dir;
    ReleaseLayout m_layout;
};

QString describe(const QList<ReleaseInfo> &releases)
{
    QStringList out;
    for (const ReleaseInfo &r : releases) {
        out << u"%1:%2:%3%4%5%6"_s.arg(r.n).arg(r.version, ReleaseLayout::statusName(r.status),
            r.isCurrent ? u":current"_s : QString(), r.exists ? QString() : u":gone"_s,
            r.incomplete ? u":incomplete"_s : QString());
    }
    return out.join(u' ');
}

LockInfo holder(const QString &who)
{
    return LockInfo { who, u"laptop-"_s + who, 4242, u"v1.2.3"_s, {} };
}

} // namespace

class TestReleaseLayout final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void forRootRefuses_data();
    void forRootRefuses();
    void scriptsAreValidSh();
    void quotingSurvivesOddValues();
    void lockTwice();
    void breakAndReleaseLock();
    void prepareFoldersAndCounter();
    void prepareRefusesMissingUser();
    void prepareRefusesBadCounter();
    void counterSkipsLoggedNumbers();
    void unpackRealArchive();
    void prepareAndUnpackInOneTrip();
    void lockHookRunsOnlyWhenAcquired();
    void interruptedUnpack();
    void unpackRefusesExisting();
    void switchIsAtomic();
    void switchRefusesMissing();
    void recordAndMarkBad();
    void pruneKeepsCurrentAndProtected();
    void refusesNonRoot();
    void createsServiceUser();
};

void TestReleaseLayout::initTestCase()
{
    if (runSh("id -u\n").out.trimmed() != "0")
        QSKIP("The release scripts run as root; run this test as root");
    if (runSh("id -u daemon\n").exitCode != 0)
        QSKIP("The test needs the user \"daemon\" (Debian has it)");
}

void TestReleaseLayout::forRootRefuses_data()
{
    QTest::addColumn<QString>("root");
    QTest::newRow("empty") << QString();
    QTest::newRow("slash") << u"/"_s;
    QTest::newRow("relative") << u"opt/shop"_s;
    QTest::newRow("dot-dot") << u"/opt/../etc"_s;
    QTest::newRow("space") << u"/opt/my shop"_s;
    QTest::newRow("quote") << u"/opt/sh'op"_s;
    QTest::newRow("newline") << u"/opt/shop\n/etc"_s;
    QTest::newRow("trailing slash") << u"/opt/shop/"_s;
}

void TestReleaseLayout::forRootRefuses()
{
    QFETCH(QString, root);
    const auto layout = ReleaseLayout::forRoot(root);
    QVERIFY(!layout.has_value());
    QVERIFY(layout.error().message.contains(u"deploy root"_s));
    QCOMPARE(ReleaseLayout::defaultRoot(u"shop"_s), u"/opt/gantry/shop"_s);
}

void TestReleaseLayout::scriptsAreValidSh()
{
    const auto layout = ReleaseLayout::forRoot(u"/opt/gantry/shop"_s);
    QVERIFY(layout.has_value());
    const QList<QByteArray> scripts { layout->acquireLock(holder(u"ann"_s)), layout->breakLock(),
        layout->releaseLock(), layout->prepareRelease(u"shop"_s),
        layout->unpackRelease(3, u"/tmp/a.tar.gz"_s), layout->switchCurrent(3),
        layout->recordRelease({ 3, u"v1"_s, ReleaseStatus::Good, u"ff"_s }), layout->markBad(3),
        layout->listReleases(), layout->prune(5, 2), layout->prepareAndUnpack(u"shop"_s, u"/tmp/a.tar.gz"_s),
        layout->acquireLock(
            holder(u"ann"_s), "    mkdir -p /tmp/x || { rm -rf -- \"$g/lock\"; fail io x; }\n") };
    for (const QByteArray &script : scripts) {
        QVERIFY2(syntaxOk(u"/bin/sh"_s, script), script.constData());
        QVERIFY(!script.contains('\r'));
        if (const QString bash = QStandardPaths::findExecutable(u"bash"_s); !bash.isEmpty())
            QVERIFY2(syntaxOk(bash, script, { u"--posix"_s }), script.constData());
    }
}

void TestReleaseLayout::quotingSurvivesOddValues()
{
    Server server;
    QVERIFY(server.isValid());
    const Run lock = runSh(server.layout().acquireLock(
        LockInfo { u"O'Brien \"$(touch /tmp/pwned)\" `x` \\ \u00e9"_s, u"h;rm -rf /"_s, 1, u"v'1"_s, {} }));
    QCOMPARE(lock.exitCode, 0);
    const Run again = runSh(server.layout().acquireLock(holder(u"bob"_s)));
    const auto result = ReleaseOutput::parseLock(again.out);
    QVERIFY(result.has_value() && !result->acquired);
    QCOMPARE(result->holder.who, u"O'Brien \"$(touch /tmp/pwned)\" `x` \\ \u00e9"_s);
    QCOMPARE(result->holder.host, u"h;rm -rf /"_s);
    QVERIFY(!QFile::exists(u"/tmp/pwned"_s));
    // An archive path with quotes is passed as one word.
    const Run unpack = runSh(server.layout().unpackRelease(1, server.tmp(u"it's \"odd\" $(x).tar.gz"_s)));
    QCOMPARE(unpack.exitCode, 2);
    QVERIFY2(unpack.out.startsWith("ERROR no-archive "), unpack.out.constData());
    QVERIFY(unpack.out.contains("it's \"odd\" $(x).tar.gz"));
}

void TestReleaseLayout::lockTwice()
{
    Server server;
    const Run first = runSh(server.layout().acquireLock(holder(u"ann"_s)));
    QCOMPARE(first.exitCode, 0);
    const auto firstLock = ReleaseOutput::parseLock(first.out);
    QVERIFY(firstLock.has_value() && firstLock->acquired);
    QVERIFY(QFileInfo(server.path(u".gantry/lock"_s)).isDir());
    QCOMPARE(modeOf(server.path(u".gantry"_s)), u"700"_s);

    const Run second = runSh(server.layout().acquireLock(holder(u"bob"_s)));
    QCOMPARE(second.exitCode, 3);
    const auto secondLock = ReleaseOutput::parseLock(second.out);
    QVERIFY2(secondLock.has_value(), second.out.constData());
    QVERIFY(!secondLock->acquired);
    QCOMPARE(secondLock->holder.who, u"ann"_s);
    QCOMPARE(secondLock->holder.host, u"laptop-ann"_s);
    QCOMPARE(secondLock->holder.pid, 4242);
    QCOMPARE(secondLock->holder.version, u"v1.2.3"_s);
    const QDateTime taken = QDateTime::fromString(secondLock->holder.time, Qt::ISODate);
    QVERIFY2(taken.isValid(), qPrintable(secondLock->holder.time));
    QVERIFY(qAbs(taken.secsTo(QDateTime::currentDateTimeUtc())) < 120);
}

void TestReleaseLayout::breakAndReleaseLock()
{
    Server server;
    QVERIFY(ReleaseOutput::parseLock(runSh(server.layout().acquireLock(holder(u"ann"_s))).out)->acquired);
    const auto broken = ReleaseOutput::parseUnlock(runSh(server.layout().breakLock()).out);
    QVERIFY(broken.has_value() && broken->has_value());
    QCOMPARE(broken->value().who, u"ann"_s);
    const auto none = ReleaseOutput::parseUnlock(runSh(server.layout().breakLock()).out);
    QVERIFY(none.has_value() && !none->has_value());

    QVERIFY(ReleaseOutput::parseLock(runSh(server.layout().acquireLock(holder(u"bob"_s))).out)->acquired);
    const auto released = ReleaseOutput::parseUnlock(runSh(server.layout().releaseLock()).out);
    QVERIFY(released.has_value());
    QVERIFY(!QFileInfo::exists(server.path(u".gantry/lock"_s)));
    QVERIFY(ReleaseOutput::parseLock(runSh(server.layout().acquireLock(holder(u"cat"_s))).out)->acquired);
}

void TestReleaseLayout::prepareFoldersAndCounter()
{
    Server server;
    const Run run = runSh(server.layout().prepareRelease(u"daemon"_s, ReleaseLayout::UserMode::MustExist));
    QCOMPARE(run.exitCode, 0);
    const auto first = ReleaseOutput::parsePrepare(run.out);
    QVERIFY2(first.has_value(), run.out.constData());
    QCOMPARE(first->n, 1);
    QVERIFY(!first->userCreated);
    QVERIFY(first->cleaned.isEmpty());
    QCOMPARE(server.prepare(), 2);
    QCOMPARE(server.prepare(), 3);

    const QFileInfo shared(server.path(u"shared"_s));
    QCOMPARE(shared.owner(), u"daemon"_s);
    QCOMPARE(shared.group(), u"daemon"_s);
    QCOMPARE(modeOf(server.path(u"shared"_s)), u"750"_s);
    QCOMPARE(QFileInfo(server.path(u"releases"_s)).ownerId(), 0u);
    QCOMPARE(modeOf(server.path(u"releases"_s)), u"755"_s);
    QCOMPARE(modeOf(server.path()), u"755"_s);
    QCOMPARE(modeOf(server.path(u".gantry"_s)), u"700"_s);
    QFile counter(server.path(u".gantry/counter"_s));
    QVERIFY(counter.open(QIODevice::ReadOnly));
    QCOMPARE(counter.readAll(), "3\n"_ba);
}

void TestReleaseLayout::prepareRefusesMissingUser()
{
    Server server;
    const Run run =
        runSh(server.layout().prepareRelease(u"gantry-nosuchuser"_s, ReleaseLayout::UserMode::MustExist));
    QCOMPARE(run.exitCode, 2);
    const auto prepared = ReleaseOutput::parsePrepare(run.out);
    QVERIFY(!prepared.has_value());
    QVERIFY(prepared.error().message.contains(u"gantry-nosuchuser"_s));
    QVERIFY(!QFileInfo::exists(server.path(u"releases"_s)));

    const auto bad = ReleaseOutput::parsePrepare(runSh(server.layout().prepareRelease(u"Bad User"_s)).out);
    QVERIFY(!bad.has_value());
    QVERIFY(bad.error().message.contains(u"not valid"_s));
}

void TestReleaseLayout::prepareRefusesBadCounter()
{
    Server server;
    QCOMPARE(server.prepare(), 1);
    Server::writeFile(server.path(u".gantry/counter"_s), "12abc\n");
    const auto prepared = ReleaseOutput::parsePrepare(runSh(server.layout().prepareRelease(u"daemon"_s)).out);
    QVERIFY(!prepared.has_value());
    QVERIFY2(prepared.error().message.contains(u"counter"_s), qPrintable(prepared.error().message));
    Server::writeFile(server.path(u".gantry/counter"_s), "007\n"); // leading zeros are not octal
    QCOMPARE(server.prepare(), 8);
}

// A lost counter never hands out a number the log or a folder already has.
void TestReleaseLayout::counterSkipsLoggedNumbers()
{
    Server server;
    QCOMPARE(server.deploy(u"v1"_s), 1);
    QCOMPARE(server.deploy(u"v2"_s), 2);
    QVERIFY(QFile::remove(server.path(u".gantry/counter"_s)));
    QCOMPARE(server.prepare(), 3);
    QVERIFY(QFile::remove(server.path(u".gantry/counter"_s)));
    QVERIFY(QDir().mkpath(server.path(u"releases/4"_s)));
    QCOMPARE(server.prepare(), 5);
}

void TestReleaseLayout::unpackRealArchive()
{
    Server server;
    const int n = server.prepare();
    const Run run = runSh(server.layout().unpackRelease(n, server.archive(u"v1"_s)));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(ReleaseOutput::parseUnpack(run.out).value_or(-1), n);
    const QString dir = server.path(u"releases/1"_s);
    QVERIFY(!QFileInfo::exists(dir + u"/.incomplete"_s));
    QFile index(dir + u"/static/index.html"_s);
    QVERIFY(index.open(QIODevice::ReadOnly));
    QCOMPARE(index.readAll(), "<h1>v1</h1>\n"_ba);
    const QFileInfo binary(dir + u"/shop"_s);
    QVERIFY(binary.isExecutable());
    QCOMPARE(binary.ownerId(), 0u); // not the archive's 1234
    QCOMPARE(binary.groupId(), 0u);
    QVERIFY(!(QFileInfo(dir + u"/open.txt"_s).permissions() & QFileDevice::WriteOther));
    QVERIFY(QFileInfo(dir + u"/open.txt"_s).permissions() & QFileDevice::ReadOther);
}

// The deploy's one-trip form: a number, the folders, and the unpacked release, both reported.
void TestReleaseLayout::prepareAndUnpackInOneTrip()
{
    Server server;
    const Run first = runSh(server.layout().prepareAndUnpack(u"daemon"_s, server.archive(u"v1"_s)));
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(ReleaseOutput::parsePrepare(first.out).value_or(Gantry::PreparedRelease {}).n, 1);
    QCOMPARE(ReleaseOutput::parseUnpack(first.out).value_or(-1), 1);
    QVERIFY(QFileInfo(server.path(u"releases/1/shop"_s)).isExecutable());
    QVERIFY(!QFileInfo::exists(server.path(u"releases/1/.incomplete"_s)));
    // A missing archive fails after the number was taken; the next trip takes the next number.
    const Run missing = runSh(server.layout().prepareAndUnpack(u"daemon"_s, server.tmp(u"gone.tar.gz"_s)));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.out.contains("ERROR no-archive "), missing.out.constData());
    QVERIFY(!ReleaseOutput::parsePrepare(missing.out).has_value());
    const Run next = runSh(server.layout().prepareAndUnpack(u"daemon"_s, server.archive(u"v2"_s)));
    QCOMPARE(ReleaseOutput::parseUnpack(next.out).value_or(-1), 3);
}

// What the deploy runs under the lock in the lock's own trip: only when it took the lock, and a
// failure there lets the lock go again.
void TestReleaseLayout::lockHookRunsOnlyWhenAcquired()
{
    Server server;
    const QString marker = server.tmp(u"hook-ran"_s);
    const QByteArray hook = "    : >" + marker.toUtf8() + "\n";
    QCOMPARE(runSh(server.layout().acquireLock(holder(u"ann"_s), hook)).exitCode, 0);
    QVERIFY(QFileInfo::exists(marker));
    QFile::remove(marker);
    QCOMPARE(runSh(server.layout().acquireLock(holder(u"bob"_s), hook)).exitCode, 3);
    QVERIFY(!QFileInfo::exists(marker));
    QVERIFY(ReleaseOutput::parseUnlock(runSh(server.layout().releaseLock()).out).has_value());

    const Run failed = runSh(server.layout().acquireLock(
        holder(u"cat"_s), "    false || { rm -rf -- \"$g/lock\"; fail io hook; }\n"));
    QCOMPARE(failed.exitCode, 2);
    QVERIFY(!ReleaseOutput::parseLock(failed.out).has_value());
    QVERIFY(!QFileInfo::exists(server.path(u".gantry/lock"_s)));
}

// A failed unpack keeps its marker: it cannot go live, and the next prepare removes it.
void TestReleaseLayout::interruptedUnpack()
{
    Server server;
    QCOMPARE(server.deploy(u"v1"_s), 1);
    const int n = server.prepare();
    QCOMPARE(n, 2);
    QFile whole(server.archive(u"v2"_s));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QString cut = server.tmp(u"cut.tar.gz"_s);
    Server::writeFile(cut, whole.readAll().left(int(whole.size() / 2)));
    const Run run = runSh(server.layout().unpackRelease(n, cut));
    QCOMPARE(run.exitCode, 2);
    const auto unpacked = ReleaseOutput::parseUnpack(run.out);
    QVERIFY(!unpacked.has_value());
    QVERIFY(unpacked.error().message.contains(u"Unpacking"_s));
    QVERIFY(!unpacked.error().cause.isEmpty());
    QVERIFY(QFileInfo::exists(server.path(u"releases/2/.incomplete"_s)));

    const auto switched = ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(2)).out);
    QVERIFY(!switched.has_value());
    QVERIFY(switched.error().message.contains(u"never completely unpacked"_s));
    QCOMPARE(server.currentLink(), u"releases/1"_s);
    QCOMPARE(describe(server.releases()), u"1:v1:good:current 2::unknown:incomplete"_s);

    const auto next = ReleaseOutput::parsePrepare(runSh(server.layout().prepareRelease(u"daemon"_s)).out);
    QVERIFY(next.has_value());
    QCOMPARE(next->cleaned, QList<int> { 2 });
    QCOMPARE(next->n, 3);
    QCOMPARE(server.releaseDirs(), QStringList { u"1"_s });
}

void TestReleaseLayout::unpackRefusesExisting()
{
    Server server;
    QCOMPARE(server.deploy(u"v1"_s), 1);
    const auto again =
        ReleaseOutput::parseUnpack(runSh(server.layout().unpackRelease(1, server.archive(u"v9"_s))).out);
    QVERIFY(!again.has_value());
    QVERIFY(again.error().message.contains(u"already exists"_s));
    const auto zero =
        ReleaseOutput::parseUnpack(runSh(server.layout().unpackRelease(0, server.archive(u"v9"_s))).out);
    QVERIFY(!zero.has_value());
}

// While the link flips between two releases, a reader never finds current missing.
void TestReleaseLayout::switchIsAtomic()
{
    Server server;
    QCOMPARE(server.deploy(u"v1"_s), 1);
    QCOMPARE(server.deploy(u"v2"_s), 2);
    const QString stop = server.tmp(u"stop"_s);
    QProcess reader;
    reader.start(u"/bin/sh"_s,
        { u"-c"_s,
            u"n=0; while [ ! -e \"$2\" ]; do [ -e \"$1/current/shop\" ] || { echo MISSING; exit 1; }; "
            "n=$((n+1)); done; echo \"OK $n\""_s,
            u"sh"_s, server.path(), stop });
    QVERIFY(reader.waitForStarted());
    for (int i = 0; i < 60; ++i) {
        const int n = 1 + i % 2;
        const auto switched = ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(n)).out);
        QVERIFY(switched.has_value());
        QCOMPARE(switched->current, n);
        QCOMPARE(switched->previous, 2 - i % 2 == n ? 0 : 3 - n);
    }
    Server::writeFile(stop, "");
    QVERIFY(reader.waitForFinished(30000));
    const QByteArray said = reader.readAllStandardOutput();
    QVERIFY2(said.startsWith("OK "), said.constData());
    QVERIFY(said.trimmed().mid(3).toInt() > 0);
    QVERIFY(QFileInfo(server.path(u"current"_s)).isSymLink());
    QCOMPARE(server.currentLink(), u"releases/2"_s); // relative: the root may move
    QVERIFY(!QFileInfo(server.path(u"current.tmp"_s)).exists() &&
        !QFileInfo(server.path(u"current.tmp"_s)).isSymLink());
}

void TestReleaseLayout::switchRefusesMissing()
{
    Server server;
    QCOMPARE(server.prepare(), 1);
    const auto switched = ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(7)).out);
    QVERIFY(!switched.has_value());
    QVERIFY(switched.error().message.contains(u"Release 7 is not on the server"_s));
    QVERIFY(!QFileInfo(server.path(u"current"_s)).isSymLink());
    // The first switch has no previous release.
    QVERIFY(ReleaseOutput::parseUnpack(runSh(server.layout().unpackRelease(1, server.archive(u"v1"_s))).out));
    const auto first = ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(1)).out);
    QVERIFY(first.has_value());
    QCOMPARE(first->previous, 0);
}

void TestReleaseLayout::recordAndMarkBad()
{
    Server server;
    QCOMPARE(server.deploy(u"v1"_s), 1);
    QCOMPARE(server.deploy(u"v2"_s), 2);
    // v2 fails in production: roll back to 1 and mark 2 bad.
    QVERIFY(ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(1)).out));
    QCOMPARE(ReleaseOutput::parseRecord(runSh(server.layout().markBad(2)).out).value_or(-1), 2);
    const QList<ReleaseInfo> releases = server.releases();
    QCOMPARE(describe(releases), u"1:v1:good:current 2:v2:bad"_s);
    QCOMPARE(releases.at(1).sha256, u"ab12"_s);
    QVERIFY(QDateTime::fromString(releases.at(1).time, Qt::ISODate).isValid());

    QFile log(server.path(u".gantry/releases.jsonl"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (const QByteArray &line : lines)
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    QVERIFY(lines.last().startsWith("{\"time\":\""));
    QVERIFY(lines.last().endsWith(",\"n\":2,\"status\":\"bad\"}"));
}

void TestReleaseLayout::pruneKeepsCurrentAndProtected()
{
    Server server;
    for (int i = 1; i <= 7; ++i)
        QCOMPARE(server.deploy(u"v%1"_s.arg(i)), i);
    // Roll back to 2 (an old one); 1 is the protected rollback target.
    QVERIFY(ReleaseOutput::parseSwitch(runSh(server.layout().switchCurrent(2)).out));
    const Run run = runSh(server.layout().prune(3, 1));
    QCOMPARE(run.exitCode, 0);
    const auto pruned = ReleaseOutput::parsePrune(run.out);
    QVERIFY2(pruned.has_value(), run.out.constData());
    QCOMPARE(*pruned, (QList<int> { 4, 3 }));
    QCOMPARE(server.releaseDirs(), (QStringList { u"1"_s, u"2"_s, u"5"_s, u"6"_s, u"7"_s }));
    QCOMPARE(server.currentLink(), u"releases/2"_s);
    QCOMPARE(describe(server.releases()),
        u"1:v1:good 2:v2:good:current 3:v3:good:gone 4:v4:good:gone 5:v5:good 6:v6:good 7:v7:good"_s);

    // keep below 1 still keeps one, and the current one always stays.
    const auto again = ReleaseOutput::parsePrune(runSh(server.layout().prune(0, 0)).out);
    QVERIFY(again.has_value());
    QCOMPARE(*again, (QList<int> { 6, 5, 1 }));
    QCOMPARE(server.releaseDirs(), (QStringList { u"2"_s, u"7"_s }));
}

void TestReleaseLayout::refusesNonRoot()
{
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    if (setpriv.isEmpty())
        QSKIP("setpriv (util-linux) is not installed: cannot run a script as another user");
    Server server;
    const Run run = runSh(server.layout().acquireLock(holder(u"ann"_s)),
        { setpriv, u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s });
    QCOMPARE(run.exitCode, 2);
    const auto lock = ReleaseOutput::parseLock(run.out);
    QVERIFY(!lock.has_value());
    QVERIFY2(lock.error().message.contains(u"not as root"_s), qPrintable(lock.error().message));
}

// The only test that changes the machine's users: it creates the system user "gantrytst" and
// deletes it again (also before, in case an earlier run was killed).
void TestReleaseLayout::createsServiceUser()
{
    if (QStandardPaths::findExecutable(u"useradd"_s).isEmpty() ||
        QStandardPaths::findExecutable(u"userdel"_s).isEmpty())
        QSKIP("useradd/userdel are not installed");
    const QByteArray cleanup = "userdel gantrytst 2>/dev/null; groupdel gantrytst 2>/dev/null; true\n";
    runSh(cleanup);
    const auto removeUser = qScopeGuard([&] { runSh(cleanup); });
    Server server;
    const Run run = runSh(server.layout().prepareRelease(u"gantrytst"_s, ReleaseLayout::UserMode::Create));
    const auto created = ReleaseOutput::parsePrepare(run.out);
    QVERIFY2(created.has_value(), run.out.constData());
    QVERIFY(created->userCreated);
    const QList<QByteArray> passwd = runSh("getent passwd gantrytst\n").out.trimmed().split(':');
    QCOMPARE(passwd.size(), 7);
    QVERIFY2(passwd.at(2).toInt() < 1000, passwd.at(2).constData()); // a system user
    QCOMPARE(passwd.at(6), "/usr/sbin/nologin"_ba);
    QVERIFY(!QFileInfo::exists(QString::fromUtf8(passwd.at(5))) || passwd.at(5) == "/nonexistent");
    QCOMPARE(runSh("id -gn gantrytst\n").out.trimmed(), "gantrytst"_ba);
    QCOMPARE(QFileInfo(server.path(u"shared"_s)).owner(), u"gantrytst"_s);

    const auto again = ReleaseOutput::parsePrepare(runSh(server.layout().prepareRelease(u"gantrytst"_s)).out);
    QVERIFY(again.has_value());
    QVERIFY(!again->userCreated);
    QCOMPARE(again->n, 2);
}

QTEST_GUILESS_MAIN(TestReleaseLayout)
#include "tst_releaselayout.moc"
