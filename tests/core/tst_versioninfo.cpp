#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFuture>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include "core/build/versioninfo.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::VersionInfo;

namespace {

const QString Hash = u"abc1234def5678901234567890abcdef12345678"_s;

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool setModified(const QString &path, const QDateTime &when)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.setFileTime(when, QFileDevice::FileModificationTime);
}

// git without the user's or the system's configuration (signing, hooks, templates ...).
QProcessEnvironment gitEnvironment(const QString &ceiling)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    env.insert(u"GIT_CEILING_DIRECTORIES"_s, ceiling);
    env.insert(u"GIT_AUTHOR_DATE"_s, u"2026-01-02T03:04:05+02:00"_s);
    env.insert(u"GIT_COMMITTER_DATE"_s, u"2026-01-02T03:04:05+02:00"_s);
    env.remove(u"GIT_DIR"_s);
    env.remove(u"GIT_WORK_TREE"_s);
    return env;
}

bool git(const QString &dir, const QStringList &args, QString *output = nullptr)
{
    QStringList all { u"-c"_s, u"user.name=Gantry Test"_s, u"-c"_s, u"user.email=test@example.com"_s, u"-c"_s,
        u"commit.gpgsign=false"_s, u"-c"_s, u"tag.gpgsign=false"_s, u"-c"_s, u"init.defaultBranch=main"_s };
    all << args;
    int exitCode = -1;
    const QByteArray out =
        Gantry::Test::run(u"git"_s, all, &exitCode, gitEnvironment(QFileInfo(dir).absolutePath()), dir);
    if (exitCode != 0)
        qWarning("git %s failed with %d", qPrintable(args.join(u' ')), exitCode);
    if (output)
        *output = QString::fromUtf8(out).trimmed();
    return exitCode == 0;
}

} // namespace

class TestVersionInfo final : public QObject {
    Q_OBJECT

private slots:
    void fromGitOutput_data();
    void fromGitOutput();
    void readGitRepository();
    void readUntaggedRepository();
    void readWithoutGit();

private:
    static VersionInfo read(const QString &dir);
};

void TestVersionInfo::fromGitOutput_data()
{
    QTest::addColumn<QString>("describe");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<QString>("utcDate");

    const QString z = u"2026-01-02T03:04:05Z"_s;
    QTest::newRow("exact tag") << u"v1.2.3"_s << z << u"1.2.3"_s << false << z;
    QTest::newRow("exact tag, dirty") << u"v1.2.3-dirty"_s << z << u"1.2.3-dirty"_s << true << z;
    QTest::newRow("commits after tag") << u"v1.2.3-4-gabc1234"_s << z << u"1.2.3-4-gabc1234"_s << false << z;
    QTest::newRow("commits after tag, dirty")
        << u"v1.2.3-4-gabc1234-dirty"_s << z << u"1.2.3-4-gabc1234-dirty"_s << true << z;
    QTest::newRow("hash only") << u"abc1234"_s << z << u"0.0.0-abc1234"_s << false << z;
    QTest::newRow("hash only, dirty") << u"abc1234-dirty"_s << z << u"0.0.0-abc1234-dirty"_s << true << z;
    QTest::newRow("longer hash only") << u"abc1234def"_s << z << u"0.0.0-abc1234"_s << false << z;
    QTest::newRow("tag without v") << u"1.2.3"_s << z << u"1.2.3"_s << false << z;
    QTest::newRow("tag without v, dirty") << u"1.2.3-dirty"_s << z << u"1.2.3-dirty"_s << true << z;
    QTest::newRow("prerelease tag") << u"v2.0.0-rc.1"_s << z << u"2.0.0-rc.1"_s << false << z;
    QTest::newRow("tag that is not a version") << u"release-7"_s << z << u"release-7"_s << false << z;
    QTest::newRow("no describe output") << QString() << z << u"0.0.0-abc1234"_s << false << z;
    QTest::newRow("date with offset")
        << u"v1.0.0"_s << u"2026-01-02T03:04:05+02:00"_s << u"1.0.0"_s << false << u"2026-01-02T01:04:05Z"_s;
    QTest::newRow("date with negative offset")
        << u"v1.0.0"_s << u"2025-12-31T22:30:00-03:00"_s << u"1.0.0"_s << false << u"2026-01-01T01:30:00Z"_s;
}

void TestVersionInfo::fromGitOutput()
{
    QFETCH(QString, describe);
    QFETCH(QString, date);
    const VersionInfo info = VersionInfo::fromGitOutput(describe, Hash, date);
    QVERIFY(info.fromGit);
    QTEST(info.version, "version");
    QTEST(info.dirty, "dirty");
    QTEST(info.date, "utcDate");
    QCOMPARE(info.commit, Hash);
    QCOMPARE(info.shortCommit, u"abc1234"_s);
}

VersionInfo TestVersionInfo::read(const QString &dir)
{
    QFuture<VersionInfo> future = VersionInfo::read(dir, gitEnvironment(QFileInfo(dir).absolutePath()));
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 60000))
        return {};
    return future.result();
}

void TestVersionInfo::readGitRepository()
{
#ifdef Q_OS_WIN
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("Git for Windows is not installed (Debian has no Windows build of git to test with)");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"go.mod"_s), "module example.com/v\n\ngo 1.19\n"));
    QVERIFY(writeFile(dir.filePath(u"main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(git(dir.path(), { u"init"_s, u"-q"_s }));
    QVERIFY(git(dir.path(), { u"add"_s, u"."_s }));
    QVERIFY(git(dir.path(), { u"commit"_s, u"-q"_s, u"-m"_s, u"first"_s }));
    QVERIFY(git(dir.path(), { u"tag"_s, u"v0.3.0"_s }));
    QString head;
    QVERIFY(git(dir.path(), { u"rev-parse"_s, u"HEAD"_s }, &head));
    QCOMPARE(head.size(), 40);

    QFuture<VersionInfo> future =
        VersionInfo::read(dir.path(), gitEnvironment(QFileInfo(dir.path()).absolutePath()));
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    const VersionInfo info = future.result();
    QVERIFY(info.fromGit);
    QCOMPARE(info.version, u"0.3.0"_s);
    QCOMPARE(info.commit, head);
    QCOMPARE(info.shortCommit, head.left(7));
    QCOMPARE(info.date, u"2026-01-02T01:04:05Z"_s);
    QVERIFY(!info.dirty);

    QVERIFY(writeFile(dir.filePath(u"main.go"_s), "package main\n\nfunc main() { println(1) }\n"));
    const VersionInfo dirty = read(dir.path());
    QCOMPARE(dirty.version, u"0.3.0-dirty"_s);
    QVERIFY(dirty.dirty);
    QCOMPARE(dirty.commit, head);

    QVERIFY(git(dir.path(), { u"commit"_s, u"-q"_s, u"-am"_s, u"second"_s }));
    QString second;
    QVERIFY(git(dir.path(), { u"rev-parse"_s, u"HEAD"_s }, &second));
    const VersionInfo after = read(dir.path());
    QVERIFY(!after.dirty);
    QCOMPARE(after.commit, second);
    QVERIFY2(after.version.startsWith(u"0.3.0-1-g"_s), qPrintable(after.version));
    QVERIFY(second.startsWith(after.version.mid(9)));
}

void TestVersionInfo::readUntaggedRepository()
{
#ifdef Q_OS_WIN
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("Git for Windows is not installed (Debian has no Windows build of git to test with)");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(git(dir.path(), { u"init"_s, u"-q"_s }));
    QVERIFY(git(dir.path(), { u"add"_s, u"."_s }));
    QVERIFY(git(dir.path(), { u"commit"_s, u"-q"_s, u"-m"_s, u"first"_s }));
    QString head;
    QVERIFY(git(dir.path(), { u"rev-parse"_s, u"HEAD"_s }, &head));
    const VersionInfo info = read(dir.path());
    QVERIFY(info.fromGit);
    QCOMPARE(info.version, u"0.0.0-"_s + head.left(7));
    QCOMPARE(info.commit, head);
}

void TestVersionInfo::readWithoutGit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime older(QDate(2021, 3, 4), QTime(5, 6, 7), QTimeZone::utc());
    const QDateTime newest(QDate(2022, 5, 6), QTime(7, 8, 9), QTimeZone::utc());
    const QDateTime notSource(QDate(2025, 1, 1), QTime(0, 0, 0), QTimeZone::utc());
    QVERIFY(writeFile(dir.filePath(u"go.mod"_s), "module example.com/nogit\n\ngo 1.19\n"));
    QVERIFY(writeFile(dir.filePath(u"main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir.filePath(u"internal/x/x.go"_s), "package x\n"));
    QVERIFY(writeFile(dir.filePath(u"README.md"_s), "not a source file\n"));
    QVERIFY(setModified(dir.filePath(u"go.mod"_s), older));
    QVERIFY(setModified(dir.filePath(u"main.go"_s), older));
    QVERIFY(setModified(dir.filePath(u"internal/x/x.go"_s), newest));
    QVERIFY(setModified(dir.filePath(u"README.md"_s), notSource));

    QFuture<VersionInfo> future =
        VersionInfo::read(dir.path(), gitEnvironment(QFileInfo(dir.path()).absolutePath()));
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    const VersionInfo info = future.result();
    QVERIFY(!info.fromGit);
    QVERIFY(!info.dirty);
    QCOMPARE(info.version, u"0.0.0-dev"_s);
    QCOMPARE(info.commit, u"none"_s);
    QCOMPARE(info.date, u"2022-05-06T07:08:09Z"_s);
    QCOMPARE(info.date,
        QFileInfo(dir.filePath(u"internal/x/x.go"_s)).lastModified().toUTC().toString(Qt::ISODate));
}

QTEST_GUILESS_MAIN(TestVersionInfo)
#include "tst_versioninfo.moc"
