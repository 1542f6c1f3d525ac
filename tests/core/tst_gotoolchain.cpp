#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/gomodfile.h"
#include "core/build/gotoolchain.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::BuildTarget;
using Gantry::GoModFile;
using Gantry::GoToolchain;
using Gantry::Result;
using Env = QMap<QString, QString>;

namespace {

QProcessEnvironment environment(const Env &values)
{
    QProcessEnvironment env;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

QString goPath()
{
    return QStandardPaths::findExecutable(u"go"_s);
}

GoToolchain go1198()
{
    GoToolchain go;
    go.goPath = u"/usr/bin/go"_s;
    go.versionText = u"go1.19.8"_s;
    go.version = *Gantry::GoVersion::parse(go.versionText);
    return go;
}

const BuildTarget *findTarget(const QList<BuildTarget> &targets, const QString &name)
{
    for (const BuildTarget &target : targets) {
        if (target.toString() == name)
            return &target;
    }
    return nullptr;
}

} // namespace

class TestGoToolchain final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowsCandidates();
    void unixCandidates_data();
    void unixCandidates();
    void findConfigured_data();
    void findConfigured();
    void findOnPath();
    void fromRealEnvJson();
    void fromBadEnvJson_data();
    void fromBadEnvJson();
    void parseRealDistList();
    void parseBadDistList_data();
    void parseBadDistList();
    void probe();
    void probeMissingGo();
    void listTargets();
    void checkCompatibility_data();
    void checkCompatibility();
};

void TestGoToolchain::initTestCase()
{
    QVERIFY2(!goPath().isEmpty(), "go must be on PATH");
}

void TestGoToolchain::windowsCandidates()
{
    const QProcessEnvironment env =
        environment({ { u"PATH"_s, u"C:/Tools/bin;;D:/sdk/go/bin;C:/Tools/bin"_s },
            { u"USERPROFILE"_s, u"C:/Users/ann"_s }, { u"ProgramFiles"_s, u"C:/Program Files"_s },
            { u"GOROOT"_s, u"E:/go"_s } });
    const QStringList candidates = GoToolchain::candidates(env, true);
    QCOMPARE(candidates.mid(0, 3),
        (QStringList { u"C:/Tools/bin/go.exe"_s, u"D:/sdk/go/bin/go.exe"_s, u"E:/go/bin/go.exe"_s }));
    QVERIFY(candidates.contains(u"C:/Program Files/Go/bin/go.exe"_s));
    QVERIFY(candidates.contains(u"C:/Program Files (x86)/Go/bin/go.exe"_s));
    QVERIFY(candidates.contains(u"C:/Users/ann/scoop/apps/go/current/bin/go.exe"_s));
    QVERIFY(candidates.contains(u"C:/Users/ann/go/bin/go.exe"_s));
    QCOMPARE(candidates.count(u"C:/Tools/bin/go.exe"_s), 1);
    for (const QString &candidate : candidates)
        QVERIFY2(candidate.endsWith(u"/go.exe"_s), qPrintable(candidate));
    QVERIFY(
        candidates.indexOf(u"C:/Program Files/Go/bin/go.exe"_s) > candidates.indexOf(u"E:/go/bin/go.exe"_s));

    // Without ProgramFiles in the environment the usual folder is still tried.
    const QStringList bare = GoToolchain::candidates(environment({ { u"PATH"_s, QString() } }), true);
    QVERIFY(bare.contains(u"C:/Program Files/Go/bin/go.exe"_s));
    QVERIFY(!bare.contains(u"/go/bin/go.exe"_s));
}

void TestGoToolchain::unixCandidates_data()
{
    QTest::addColumn<Env>("env");
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("alsoContains");

    QTest::newRow("PATH then GOROOT")
        << Env { { u"PATH"_s, u"/opt/bin:/usr/bin"_s }, { u"GOROOT"_s, u"/opt/go"_s },
               { u"HOME"_s, u"/home/ann"_s } }
        << QStringList { u"/opt/bin/go"_s, u"/usr/bin/go"_s, u"/opt/go/bin/go"_s }
        << QStringList { u"/usr/local/go/bin/go"_s, u"/home/ann/go/bin/go"_s };
    QTest::newRow("no GOROOT") << Env { { u"PATH"_s, u"/a/bin::/b/bin/"_s } }
                               << QStringList { u"/a/bin/go"_s, u"/b/bin/go"_s, u"/usr/local/go/bin/go"_s }
                               << QStringList { u"/usr/lib/go/bin/go"_s };
    QTest::newRow("GOROOT also on PATH")
        << Env { { u"PATH"_s, u"/usr/local/go/bin:/usr/bin"_s }, { u"GOROOT"_s, u"/usr/local/go"_s } }
        << QStringList { u"/usr/local/go/bin/go"_s, u"/usr/bin/go"_s, u"/usr/lib/go/bin/go"_s }
        << QStringList();
}

void TestGoToolchain::unixCandidates()
{
    QFETCH(Env, env);
    QFETCH(QStringList, first);
    QFETCH(QStringList, alsoContains);
    const QStringList candidates = GoToolchain::candidates(environment(env), false);
    QCOMPARE(candidates.mid(0, first.size()), first);
    for (const QString &path : alsoContains)
        QVERIFY2(candidates.contains(path), qPrintable(path));
    QStringList unique = candidates;
    unique.removeDuplicates();
    QCOMPARE(unique, candidates);
    for (const QString &candidate : candidates)
        QVERIFY2(candidate.endsWith(u"/go"_s), qPrintable(candidate));
}

void TestGoToolchain::findConfigured_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<bool>("ok");

    QTest::newRow("missing file") << u"/nonexistent/gantry/bin/go"_s << false;
    QTest::newRow("a folder") << QFileInfo(goPath()).absolutePath() << false;
    QTest::newRow("not executable") << u"NOT_EXECUTABLE"_s << false;
    QTest::newRow("real go") << goPath() << true;
}

void TestGoToolchain::findConfigured()
{
    QFETCH(QString, configured);
    QFETCH(bool, ok);
    QTemporaryDir dir;
    if (configured == u"NOT_EXECUTABLE") {
        configured = dir.filePath(u"go"_s);
        QFile file(configured);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\n");
    }
    // A working go on PATH must not hide a broken setting.
    const Result<QString> found = GoToolchain::find(configured, QProcessEnvironment::systemEnvironment());
    QCOMPARE(found.has_value(), ok);
    if (ok) {
        QCOMPARE(*found, QFileInfo(configured).absoluteFilePath());
    } else {
        QVERIFY(found.error().message.contains(configured));
        QVERIFY(!found.error().hint.isEmpty());
    }
}

void TestGoToolchain::findOnPath()
{
    const QString dir = QFileInfo(goPath()).absolutePath();
    const Result<QString> found = GoToolchain::find(
        {}, environment({ { u"PATH"_s, u"/nonexistent"_s + QDir::listSeparator() + dir } }));
    QVERIFY(found.has_value());
#ifdef Q_OS_WIN
    QCOMPARE(*found, dir + u"/go.exe"_s);
#else
    QCOMPARE(*found, dir + u"/go"_s);
#endif
}

void TestGoToolchain::fromRealEnvJson()
{
    int exitCode = -1;
    const QByteArray json = Gantry::Test::run(goPath(), { u"env"_s, u"-json"_s }, &exitCode);
    QCOMPARE(exitCode, 0);
    const Result<GoToolchain> go = GoToolchain::fromEnvJson(goPath(), json);
    QVERIFY2(go.has_value(), qPrintable(go ? QString() : go.error().toString()));
    QCOMPARE(go->goPath, goPath());
    QVERIFY2(go->versionText.startsWith(u"go1.19"_s), qPrintable(go->versionText));
    QCOMPARE(go->version.major, 1);
    QCOMPARE(go->version.minor, 19);
#ifdef Q_OS_WIN
    QCOMPARE(go->hostOs, u"windows"_s);
#else
    QCOMPARE(go->hostOs, u"linux"_s);
#endif
    QVERIFY(!go->hostArch.isEmpty());
    const QByteArray goroot = Gantry::Test::run(goPath(), { u"env"_s, u"GOROOT"_s }).trimmed();
    QCOMPARE(go->goroot, QString::fromUtf8(goroot));
    QVERIFY(QFileInfo(go->goroot + u"/src/runtime"_s).isDir());
    QCOMPARE(
        go->gocache, QString::fromUtf8(Gantry::Test::run(goPath(), { u"env"_s, u"GOCACHE"_s }).trimmed()));
    QCOMPARE(
        go->goproxy, QString::fromUtf8(Gantry::Test::run(goPath(), { u"env"_s, u"GOPROXY"_s }).trimmed()));
}

void TestGoToolchain::fromBadEnvJson_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("garbage") << QByteArray("go: unknown command\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("devel version") << QByteArray(R"({"GOVERSION": "devel go1.23-abc", "GOROOT": "/x"})");
    QTest::newRow("version not a string") << QByteArray(R"({"GOVERSION": 119})");
    QTest::newRow("truncated") << QByteArray(R"({"GOROOT": "/usr/lib/go", "GOVERSION": "go1.19.8")");
}

void TestGoToolchain::fromBadEnvJson()
{
    QFETCH(QByteArray, json);
    const Result<GoToolchain> go = GoToolchain::fromEnvJson(u"/opt/broken/go"_s, json);
    QVERIFY(!go.has_value());
    QVERIFY(go.error().message.contains(u"/opt/broken/go"_s));
    QVERIFY(!go.error().hint.isEmpty());
}

void TestGoToolchain::parseRealDistList()
{
    int exitCode = -1;
    const QByteArray json =
        Gantry::Test::run(goPath(), { u"tool"_s, u"dist"_s, u"list"_s, u"-json"_s }, &exitCode);
    QCOMPARE(exitCode, 0);
    const Result<QList<BuildTarget>> targets = GoToolchain::parseDistList(json);
    QVERIFY(targets.has_value());
    QVERIFY(targets->size() > 30);
    const BuildTarget *linuxAmd64 = findTarget(*targets, u"linux/amd64"_s);
    QVERIFY(linuxAmd64);
    QVERIFY(linuxAmd64->firstClass);
    QVERIFY(linuxAmd64->cgoSupported);
    const BuildTarget *windows = findTarget(*targets, u"windows/amd64"_s);
    QVERIFY(windows);
    QVERIFY(windows->firstClass);
    QVERIFY(findTarget(*targets, u"darwin/arm64"_s));
    const BuildTarget *aix = findTarget(*targets, u"aix/ppc64"_s);
    QVERIFY(aix);
    QVERIFY(!aix->firstClass);
    QVERIFY(!findTarget(*targets, u"plan9/riscv128"_s));
}

void TestGoToolchain::parseBadDistList_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("garbage") << QByteArray("linux/amd64\nwindows/amd64\n");
    QTest::newRow("object") << QByteArray(R"({"GOOS": "linux", "GOARCH": "amd64"})");
    QTest::newRow("entries without GOARCH") << QByteArray(R"([{"GOOS": "linux"}, {"GOOS": "windows"}])");
    QTest::newRow("empty") << QByteArray();
}

void TestGoToolchain::parseBadDistList()
{
    QFETCH(QByteArray, json);
    const Result<QList<BuildTarget>> targets = GoToolchain::parseDistList(json);
    QVERIFY(!targets.has_value());
    QVERIFY(!targets.error().message.isEmpty());
    QVERIFY(!targets.error().hint.isEmpty());
}

void TestGoToolchain::probe()
{
    QFuture<Result<GoToolchain>> future =
        GoToolchain::probe(goPath(), QProcessEnvironment::systemEnvironment());
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    const Result<GoToolchain> go = future.result();
    QVERIFY2(go.has_value(), qPrintable(go ? QString() : go.error().toString()));
    QVERIFY2(go->versionText.startsWith(u"go1.19"_s), qPrintable(go->versionText));
    QCOMPARE(go->goPath, goPath());
    QVERIFY(!go->goroot.isEmpty());
}

void TestGoToolchain::probeMissingGo()
{
    QFuture<Result<GoToolchain>> future =
        GoToolchain::probe(u"/nonexistent/gantry/go"_s, QProcessEnvironment::systemEnvironment());
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    const Result<GoToolchain> go = future.result();
    QVERIFY(!go.has_value());
    QVERIFY(go.error().message.contains(u"/nonexistent/gantry/go"_s));
    QVERIFY(!go.error().hint.isEmpty());
}

void TestGoToolchain::listTargets()
{
    GoToolchain go = go1198();
    go.goPath = goPath();
    QFuture<Result<QList<BuildTarget>>> future = go.listTargets(QProcessEnvironment::systemEnvironment());
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    const Result<QList<BuildTarget>> targets = future.result();
    QVERIFY(targets.has_value());
    QVERIFY(findTarget(*targets, u"linux/arm64"_s));

    go.goPath = u"/nonexistent/gantry/go"_s;
    QFuture<Result<QList<BuildTarget>>> broken = go.listTargets(QProcessEnvironment::systemEnvironment());
    QTRY_VERIFY_WITH_TIMEOUT(broken.isFinished(), 60000);
    QVERIFY(!broken.result().has_value());
    QVERIFY(!broken.result().error().hint.isEmpty());
}

void TestGoToolchain::checkCompatibility_data()
{
    QTest::addColumn<QByteArray>("gomod");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("messageParts");

    QTest::newRow("go 1.19") << QByteArray("module example.com/x\n\ngo 1.19\n") << true << QStringList();
    QTest::newRow("go 1.18") << QByteArray("module example.com/x\n\ngo 1.18\n") << true << QStringList();
    QTest::newRow("go 1.13") << QByteArray("module example.com/x\n\ngo 1.13\n") << true << QStringList();
    QTest::newRow("no go line") << QByteArray("module example.com/x\n") << true << QStringList();
    QTest::newRow("go 1.20") << QByteArray("module example.com/x\n\ngo 1.20\n") << false
                             << QStringList { u"1.20"_s, u"1.19.8"_s };
    QTest::newRow("go 1.21") << QByteArray("module example.com/x\n\ngo 1.21\n") << false
                             << QStringList { u"1.21"_s, u"line 3"_s, u"1.19.8"_s };
    QTest::newRow("go 1.22.1") << QByteArray("module example.com/x\n\ngo 1.22.1\n") << false
                               << QStringList { u"1.22.1"_s, u"three-part"_s, u"line 3"_s };
    QTest::newRow("toolchain go1.22.4")
        << QByteArray("module example.com/x\n\ngo 1.21\n\ntoolchain go1.22.4\n") << false
        << QStringList { u"1.22.4"_s, u"line 5"_s, u"toolchain"_s };
    QTest::newRow("new-toolchain fixture")
        << QByteArray("NEW_TOOLCHAIN") << false << QStringList { u"1.22.4"_s };
}

void TestGoToolchain::checkCompatibility()
{
    QFETCH(QByteArray, gomod);
    QFETCH(bool, ok);
    QFETCH(QStringList, messageParts);
    Result<GoModFile> mod = gomod == "NEW_TOOLCHAIN"
        ? GoModFile::load(Gantry::Test::fixture(u"new-toolchain/go.mod"_s))
        : GoModFile::parse(gomod);
    QVERIFY2(mod.has_value(), qPrintable(mod ? QString() : mod.error().toString()));
    const Result<void> compatible = go1198().checkCompatibility(*mod);
    QCOMPARE(compatible.has_value(), ok);
    if (ok)
        return;
    for (const QString &part : messageParts)
        QVERIFY2(compatible.error().message.contains(part), qPrintable(compatible.error().message));
    QVERIFY(!compatible.error().hint.isEmpty());
    QVERIFY(compatible.error().hint.contains(u"go.dev/dl"_s));
}

QTEST_GUILESS_MAIN(TestGoToolchain)
#include "tst_gotoolchain.moc"
