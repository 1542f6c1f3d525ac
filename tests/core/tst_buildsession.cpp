// Integration tests: real Go 1.19, real Gin sources, real files. No mocks.
#include <filesystem>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/archive/archivereader.h"
#include "core/build/backgroundbuild.h"
#include "core/build/binaryverifier.h"
#include "core/build/buildsession.h"
#include "core/build/checksumfile.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_BuildSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsFourTargets();
    void unchangedRebuildKeepsArtifacts();
    void backgroundBuildRunsOnItsOwnThread();
    void compileErrorGivesDiagnostics();
    void cgoDependencyIsWarned();
    void multipleMainPackages();
    void cancelLeavesNoGoProcess();
    void deletingARunningSessionIsHarmless();
    void unchangedInputsSkipGoAndChangesRebuild();
    void badInput_data();
    void badInput();

private:
    BuildOptions helloOptions(const QString &out) const;
    BuildResult runBuild(BuildSession &session, QList<Error> *warnings = nullptr);
    static bool waitForGo(BuildSession &session, const QString &marker);

    QTemporaryDir m_tmp;
    QProcessEnvironment m_helloEnv;
    QString m_fourOut;
};

// Waits until the session runs `go build` and a process carrying `marker` is seen.
bool tst_BuildSession::waitForGo(BuildSession &session, const QString &marker)
{
    bool building = false;
    QObject::connect(&session, &BuildSession::targetStateChanged, &session,
        [&building](const QString &, BuildSession::TargetState state) {
            building = building || state == BuildSession::TargetState::Building;
        });
    if (!QTest::qWaitFor([&] { return building; }, 60000)) {
        qWarning("the build never reached go build");
        return false;
    }
    if (!QTest::qWaitFor([&] { return !Test::processesWithMarker(marker).isEmpty(); }, 30000)) {
        qWarning("go build was started, but no process with the marker showed up");
        return false;
    }
    return true;
}

void tst_BuildSession::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // The session's steps in the log: a build that stalls in CI shows where.
    QLoggingCategory::setFilterRules(u"gantry.build.debug=true"_s);
    m_helloEnv = Test::offlineEnvironment(Test::example(u"hello-gin"_s), m_tmp.filePath(u"stage-hello"_s));
}

BuildOptions tst_BuildSession::helloOptions(const QString &out) const
{
    BuildOptions options;
    options.projectDir = Test::example(u"hello-gin"_s);
    options.outputDir = out;
    options.cacheDir = m_tmp.filePath(u"cache"_s);
    options.environment = m_helloEnv;
    return options;
}

BuildResult tst_BuildSession::runBuild(BuildSession &session, QList<Error> *warnings)
{
    QSignalSpy finished(&session, &BuildSession::finished);
    if (warnings)
        connect(&session, &BuildSession::warning, this, [warnings](const Error &w) { warnings->append(w); });
    session.start();
    if (!finished.wait(900000))
        qFatal("build did not finish");
    return session.result();
}

void tst_BuildSession::buildsFourTargets()
{
    m_fourOut = m_tmp.filePath(u"four"_s);
    BuildOptions options = helloOptions(m_fourOut);
    options.version = u"1.2.3"_s;
    options.targets = { *BuildTarget::parse(u"linux/amd64"), *BuildTarget::parse(u"linux/arm64"),
        *BuildTarget::parse(u"windows/amd64"), *BuildTarget::parse(u"darwin/arm64") };
    BuildSession session(options);
    const BuildResult result = runBuild(session);
    QVERIFY2(result.success, qPrintable(result.error.toString()));
    QCOMPARE(result.manifest.artifacts.size(), 8);

    const QHash<QString, QString> fileTypes {
        { u"hello-gin_1.2.3_linux_amd64"_s, u"ELF 64-bit LSB executable, x86-64"_s },
        { u"hello-gin_1.2.3_linux_arm64"_s, u"ELF 64-bit LSB executable, ARM aarch64"_s },
        { u"hello-gin_1.2.3_windows_amd64.exe"_s, u"PE32+ executable (console) x86-64"_s },
        { u"hello-gin_1.2.3_darwin_arm64"_s, u"Mach-O 64-bit arm64 executable"_s },
    };
    for (auto it = fileTypes.cbegin(); it != fileTypes.cend(); ++it) {
        const QString path = m_fourOut + u'/' + it.key();
#ifndef Q_OS_WIN // file(1) is the oracle
        const QString type = QString::fromUtf8(Test::run(u"file"_s, { u"-b"_s, path }));
        QVERIFY2(type.contains(it.value()), qPrintable(it.key() + u": "_s + type));
        if (it.key().contains(u"linux"_s))
            QVERIFY2(type.contains(u"statically linked"_s), qPrintable(type));
#endif
        // Read the build back as Gantry does: platform, cgo off, and the version embedded.
        std::unique_ptr<QTemporaryDir> scratch;
        const auto readable = BinaryVerifier::readablePath(path, scratch);
        QVERIFY(readable.has_value());
        const QString info = QString::fromUtf8(Test::run(u"go"_s, { u"version"_s, u"-m"_s, *readable }));
        const QStringList parts = it.key().split(u'_');
        QVERIFY2(info.contains(u"GOOS="_s + parts[2]), qPrintable(info));
        QVERIFY2(info.contains(u"GOARCH="_s + parts[3].section(u'.', 0, 0)), qPrintable(info));
        QVERIFY(info.contains(u"CGO_ENABLED=0"_s));
        QFile binary(path);
        QVERIFY(binary.open(QIODevice::ReadOnly));
        QVERIFY(binary.readAll().contains("1.2.3"));
    }
    int code = -1;
#ifdef Q_OS_WIN
    QSKIP("Linux only: the rest runs the linux/amd64 binary and sha256sum");
#endif
    // The host binary says its version itself.
    const QString version = QString::fromUtf8(
        Test::run(m_fourOut + u"/hello-gin_1.2.3_linux_amd64"_s, { u"--version"_s }, &code));
    QCOMPARE(code, 0);
    QVERIFY2(version.startsWith(u"hello-gin 1.2.3 (commit "_s), qPrintable(version));
    QVERIFY(version.contains(result.manifest.commit.left(7)));

    // sha256sum -c accepts the checksums file.
    Test::run(u"sha256sum"_s, { u"-c"_s, u"checksums.txt"_s }, &code,
        QProcessEnvironment::systemEnvironment(), m_fourOut);
    QCOMPARE(code, 0);
    QVERIFY(!QDir(m_fourOut)
                 .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)
                 .join(u' ')
                 .contains(u"staging"_s));

    // manifest.json on disk is the manifest the session reported.
    QFile manifestFile(m_fourOut + u"/manifest.json"_s);
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QCOMPARE(manifest.value(u"version"_s).toString(), u"1.2.3"_s);
    QCOMPARE(manifest.value(u"go_version"_s).toString(), u"go1.19.8"_s);
    QCOMPARE(manifest, result.manifest.toJson());
}

void tst_BuildSession::unchangedRebuildKeepsArtifacts()
{
    QVERIFY(!m_fourOut.isEmpty());
    QFile before(m_fourOut + u"/checksums.txt"_s);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray sumsBefore = before.readAll();
    BuildOptions options = helloOptions(m_fourOut);
    options.version = u"1.2.3"_s;
    options.targets = { *BuildTarget::parse(u"linux/amd64"), *BuildTarget::parse(u"linux/arm64"),
        *BuildTarget::parse(u"windows/amd64"), *BuildTarget::parse(u"darwin/arm64") };
    // A killed build's staging folder goes once it is a day old; a fresh one may be another build's.
    const QString stale = m_fourOut + u"/.gantry-staging-killed"_s;
    const QString fresh = m_fourOut + u"/.gantry-staging-running"_s;
    QVERIFY(QDir().mkpath(stale) && QDir().mkpath(fresh));
    std::error_code aged;
    std::filesystem::last_write_time(std::filesystem::path(stale.toStdU16String()),
        std::filesystem::file_time_type::clock::now() - std::chrono::hours(25), aged);
    if (aged) // seen under Wine 8 with mingw's std::filesystem: the folder's time cannot be set
        QSKIP(qPrintable(u"cannot age a folder here: "_s + QString::fromStdString(aged.message())));
    BuildSession session(options);
    const BuildResult result = runBuild(session);
    QVERIFY2(result.success, qPrintable(result.error.toString()));
    QVERIFY(!QFileInfo::exists(stale));
    QVERIFY(QFileInfo::exists(fresh));
    QDir(fresh).removeRecursively();
    QFile after(m_fourOut + u"/checksums.txt"_s);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), sumsBefore); // reproducible: same binaries, same archives

    // The archives hold the binary (0755) and the extra files; tar and unzip agree.
    const QString tarball = m_fourOut + u"/hello-gin_1.2.3_linux_amd64.tar.gz"_s;
    auto items = ArchiveReader::list(tarball);
    QVERIFY2(items, qPrintable(items ? QString() : items.error().toString()));
    QStringList names;
    for (const ArchiveReader::Item &item : *items) {
        names << item.name;
        if (item.name == u"hello-gin") {
            QCOMPARE(item.mode, 0755);
            QCOMPARE(item.sha256, *ChecksumFile::sha256OfFile(m_fourOut + u"/hello-gin_1.2.3_linux_amd64"_s));
        }
    }
    QVERIFY2(names.contains(u"hello-gin"_s) && names.contains(u"README.md"_s) && names.contains(u"LICENSE"_s),
        qPrintable(names.join(u' ')));
    int code = -1;
    const QString tarList = QString::fromUtf8(Test::run(u"tar"_s, { u"-tvzf"_s, tarball }, &code));
    QCOMPARE(code, 0);
    QVERIFY2(tarList.contains(u"-rwxr-xr-x"_s) && tarList.contains(u"hello-gin\n"_s), qPrintable(tarList));
    const QString zipList = QString::fromUtf8(
        Test::run(u"unzip"_s, { u"-l"_s, m_fourOut + u"/hello-gin_1.2.3_windows_amd64.zip"_s }, &code));
    QCOMPARE(code, 0);
    QVERIFY2(zipList.contains(u"hello-gin.exe"_s) && zipList.contains(u"LICENSE"_s), qPrintable(zipList));
}

// The GUI's builds: the session and go's processes live on the build's thread; the caller gets
// the same signals, queued, and its own thread is never the one that starts a process.
void tst_BuildSession::backgroundBuildRunsOnItsOwnThread()
{
    QVERIFY(!m_fourOut.isEmpty());
    BuildOptions options = helloOptions(m_fourOut);
    options.version = u"1.2.3"_s;
    options.targets = { *BuildTarget::parse(u"linux/amd64") };
    BackgroundBuild build(options);
    QThread *caller = QThread::currentThread();
    QList<QThread *> signalThreads;
    connect(&build, &BackgroundBuild::targetStateChanged, this,
        [&] { signalThreads << QThread::currentThread(); });
    QSignalSpy finished(&build, &BackgroundBuild::finished);
    QVERIFY(!build.isRunning());
    build.start();
    QVERIFY(build.isRunning());
    QVERIFY(finished.wait(300000));
    QVERIFY(!build.isRunning());
    const auto result = finished.first().first().value<BuildResult>();
    QVERIFY2(result.success, qPrintable(result.error.toString()));
    QVERIFY(!signalThreads.isEmpty());
    QVERIFY(
        std::all_of(signalThreads.cbegin(), signalThreads.cend(), [&](QThread *t) { return t == caller; }));
    QVERIFY(QFileInfo::exists(m_fourOut + u"/hello-gin_1.2.3_linux_amd64.tar.gz"_s));
    QVERIFY(build.findChildren<BuildSession *>().isEmpty()); // the session is not the caller's
}

void tst_BuildSession::compileErrorGivesDiagnostics()
{
    BuildOptions options;
    options.projectDir = Test::fixture(u"compile-error"_s);
    options.outputDir = m_tmp.filePath(u"compile-error-out"_s);
    options.cacheDir = m_tmp.filePath(u"cache"_s);
    options.targets = { *BuildTarget::parse(u"linux/amd64") };
    BuildSession session(options);
    const BuildResult result = runBuild(session);
    QVERIFY(!result.success);
    QVERIFY2(!result.diagnostics.isEmpty(), qPrintable(result.error.toString()));
    const GoDiagnostic &first = result.diagnostics.first();
    QCOMPARE(first.kind, GoDiagnostic::Kind::Compile);
    QVERIFY2(QFileInfo(first.file).isAbsolute() && QFileInfo::exists(first.file), qPrintable(first.file));
    QVERIFY(first.line > 0 && first.column > 0);
    QVERIFY2(result.error.message.contains(u"compile error"_s), qPrintable(result.error.message));
    QVERIFY(!QFileInfo::exists(options.outputDir)); // nothing half-written
}

void tst_BuildSession::cgoDependencyIsWarned()
{
    GANTRY_LINUX_ONLY("it runs the linux/amd64 binary it built");
    const QString project = Test::fixture(u"cgo-sqlite"_s);
    BuildOptions options;
    options.projectDir = project;
    options.outputDir = m_tmp.filePath(u"cgo-out"_s);
    options.cacheDir = m_tmp.filePath(u"cache"_s);
    options.targets = { *BuildTarget::parse(u"linux/amd64") };
    options.version = u"0.1.0"_s;
    options.environment = Test::offlineEnvironment(project, m_tmp.filePath(u"stage-cgo"_s));
    BuildSession session(options);
    QList<Error> warnings;
    const BuildResult result = runBuild(session, &warnings);
    QVERIFY2(result.success, qPrintable(result.error.toString()));
    const auto cgo = std::find_if(warnings.cbegin(), warnings.cend(),
        [](const Error &w) { return w.message.contains(u"github.com/mattn/go-sqlite3"_s); });
    QVERIFY(cgo != warnings.cend());
    QVERIFY2(cgo->hint.contains(u"modernc.org/sqlite"_s), qPrintable(cgo->hint));
    // And the warning is right: the CGO_ENABLED=0 binary fails when it opens the database.
    int code = -1;
    Test::run(options.outputDir + u"/cgo-sqlite_0.1.0_linux_amd64"_s, {}, &code);
    QVERIFY(code != 0);
}

void tst_BuildSession::multipleMainPackages()
{
    GANTRY_LINUX_ONLY("it runs the linux/amd64 binary it built");
    BuildOptions options;
    options.projectDir = Test::fixture(u"multi-main"_s);
    options.outputDir = m_tmp.filePath(u"multi-out"_s);
    options.cacheDir = m_tmp.filePath(u"cache"_s);
    options.targets = { *BuildTarget::parse(u"linux/amd64") };
    options.version = u"2.0.0"_s;
    BuildSession session(options);
    const BuildResult result = runBuild(session);
    QVERIFY2(result.success, qPrintable(result.error.toString()));
    QCOMPARE(result.manifest.artifacts.size(), 4);
    int code = -1;
    const QString api = QString::fromUtf8(
        Test::run(options.outputDir + u"/api_2.0.0_linux_amd64"_s, { u"--version"_s }, &code));
    QCOMPARE(code, 0);
    QVERIFY2(api.contains(u"2.0.0"_s), qPrintable(api));
    QFile worker(options.outputDir + u"/worker_2.0.0_linux_amd64"_s);
    QVERIFY(worker.open(QIODevice::ReadOnly));
    QVERIFY(worker.readAll().contains("2.0.0"));
}

void tst_BuildSession::cancelLeavesNoGoProcess()
{
    const QString marker = u"GANTRY_CANCEL_MARKER_"_s + QString::number(QCoreApplication::applicationPid());
    BuildOptions options = helloOptions(m_tmp.filePath(u"cancel-out"_s));
    options.environment.insert(marker, u"1"_s);
    options.environment.insert(u"GOCACHE"_s, m_tmp.filePath(u"cold-cache"_s)); // cold: a long build
    options.targets = { *BuildTarget::parse(u"linux/arm64"), *BuildTarget::parse(u"windows/amd64") };
    options.version = u"9.9.9"_s;
    BuildSession session(options);
    QSignalSpy finished(&session, &BuildSession::finished);
    session.start();
    QVERIFY2(waitForGo(session, marker), qPrintable(Test::describeDescendants(marker)));
    QTest::qWait(1500); // let go start its compile children
    session.cancel();
    QVERIFY(finished.wait(30000));
    QVERIFY(session.result().cancelled);
    QVERIFY(!session.result().success);
    QTRY_VERIFY_WITH_TIMEOUT(Test::processesWithMarker(marker).isEmpty(), 2000);
    QVERIFY(!QFileInfo::exists(options.outputDir));
}

void tst_BuildSession::deletingARunningSessionIsHarmless()
{
    const QString marker = u"GANTRY_DELETE_MARKER_"_s + QString::number(QCoreApplication::applicationPid());
    BuildOptions options = helloOptions(m_tmp.filePath(u"delete-out"_s));
    options.environment.insert(marker, u"1"_s);
    options.environment.insert(u"GOCACHE"_s, m_tmp.filePath(u"cold-cache-2"_s));
    options.targets = { *BuildTarget::parse(u"linux/arm64") };
    // Deleted while its look-ups (go env, go tool dist list, git, the source scan) still run: their
    // answers arrive to nobody, and nothing asserts or touches the freed session.
    auto *preparing = new BuildSession(options);
    preparing->start();
    delete preparing;
    QTest::qWait(3000);
    // Deleted while go compiles: go's whole tree goes with it.
    auto *building = new BuildSession(options);
    building->start();
    QVERIFY2(waitForGo(*building, marker), qPrintable(Test::describeDescendants(marker)));
    delete building;
    QTRY_VERIFY2_WITH_TIMEOUT(
        Test::processesWithMarker(marker).isEmpty(), qPrintable(Test::describeDescendants(marker)), 5000);
    QTest::qWait(500); // the killed go's exit is reported to nobody
}

void tst_BuildSession::badInput_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("goPath");
    QTest::addColumn<QString>("versionVar");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("expected");

    const QString hello = Test::example(u"hello-gin"_s);
    QTest::newRow("not a Go project") << Test::fixture(u"not-go"_s) << QString() << QString() << QString()
                                      << QString() << u"has no go.mod"_s;
    QTest::newRow("malformed go.mod")
        << Test::fixture(u"bad-gomod"_s) << QString() << QString() << QString() << QString() << u"go.mod:"_s;
    QTest::newRow("toolchain line") << Test::fixture(u"new-toolchain"_s) << QString() << QString()
                                    << QString() << QString() << u"Install Go 1.22.4"_s;
    QTest::newRow("newer go directive") << Test::fixture(u"newer-go"_s) << QString() << QString() << QString()
                                        << QString() << u"needs Go 1.21"_s;
    QTest::newRow("unknown target") << hello << u"linux/z80"_s << QString() << QString() << QString()
                                    << u"no such platform"_s;
    QTest::newRow("go missing") << hello << QString() << u"/nonexistent/bin/go"_s << QString() << QString()
                                << u"does not exist or cannot be run"_s;
    QTest::newRow("wrong version var") << hello << QString() << QString() << u"main.Version"_s << QString()
                                       << u"does not exist, and Go would silently ignore it"_s;
    QTest::newRow("unwritable output") << hello << QString() << QString() << QString()
                                       << u"/proc/version/out"_s << u"Cannot create the output folder"_s;
}

void tst_BuildSession::badInput()
{
    QFETCH(QString, project);
    QFETCH(QString, target);
    QFETCH(QString, goPath);
    QFETCH(QString, versionVar);
    QFETCH(QString, out);
    QFETCH(QString, expected);
    BuildOptions options = helloOptions(out.isEmpty() ? m_tmp.filePath(u"bad-out"_s) : out);
    options.projectDir = project;
    options.goPath = goPath;
    options.versionVar = versionVar;
    if (!target.isEmpty())
        options.targets = { *BuildTarget::parse(target) };
    BuildSession session(options);
    const BuildResult result = runBuild(session);
    QVERIFY(!result.success);
    QVERIFY2(result.error.message.contains(expected) || result.error.hint.contains(expected),
        qPrintable(result.error.toString()));
    QVERIFY2(!result.error.hint.isEmpty(), "every error names the fix");
    QVERIFY(!QFileInfo::exists(options.outputDir));
}

void tst_BuildSession::unchangedInputsSkipGoAndChangesRebuild()
{
    GANTRY_LINUX_ONLY("it runs the linux/amd64 binary it built");
    // A project of our own, so we can edit it.
    const QString project = m_tmp.filePath(u"edit-me"_s);
    QVERIFY(QDir().mkpath(project + u"/web"_s));
    const auto write = [&](const QString &file, const QByteArray &text) {
        QFile f(project + u'/' + file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    };
    write(u"go.mod"_s, "module example.com/editme\n\ngo 1.19\n");
    write(u"web/page.txt"_s, "first page");
    write(u"main.go"_s,
        "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\nvar version = \"dev\"\n\n"
        "//go:embed web/page.txt\nvar page string\n\nfunc main() { fmt.Println(version, \"one\", page) }\n");
    BuildOptions options;
    options.projectDir = project;
    options.outputDir = m_tmp.filePath(u"edit-out"_s);
    options.cacheDir = m_tmp.filePath(u"edit-cache"_s);
    options.targets = { *BuildTarget::parse(u"linux/amd64") };
    options.version = u"1.0.0"_s;
    const QString binary = options.outputDir + u"/editme_1.0.0_linux_amd64"_s;
    const auto build = [&](BuildOptions o) {
        BuildSession session(o);
        QStringList details;
        connect(&session, &BuildSession::targetStateChanged, this,
            [&](const QString &, BuildSession::TargetState, const QString &d) { details << d; });
        const BuildResult result = runBuild(session);
        if (!result.success)
            qWarning() << result.error.toString();
        return std::pair { result.success, details.contains(BuildSession::tr("up to date")) };
    };
    const auto output = [&] { return QString::fromUtf8(Test::run(binary, {})).trimmed(); };

    QCOMPARE(build(options), std::pair(true, false));
    QCOMPARE(output(), u"1.0.0 one first page"_s);
    QCOMPARE(build(options), std::pair(true, true)); // nothing changed: go is not run

    QTest::qWait(20); // a new modification time
    write(u"main.go"_s,
        "package main\n\nimport (\n\t_ \"embed\"\n\t\"fmt\"\n)\n\nvar version = \"dev\"\n\n"
        "//go:embed web/page.txt\nvar page string\n\nfunc main() { fmt.Println(version, \"two\", page) }\n");
    QCOMPARE(build(options), std::pair(true, false));
    QCOMPARE(output(), u"1.0.0 two first page"_s);

    QTest::qWait(20);
    write(u"web/page.txt"_s, "second page"); // an embedded file is an input too
    QCOMPARE(build(options), std::pair(true, false));
    QCOMPARE(output(), u"1.0.0 two second page"_s);

    options.version = u"1.0.1"_s; // other ldflags
    QCOMPARE(build(options), std::pair(true, false));
    options.environment.insert(u"GOFLAGS"_s, u"-tags=extra"_s); // other environment
    QCOMPARE(build(options), std::pair(true, false));
    QCOMPARE(build(options), std::pair(true, true));
}

QTEST_GUILESS_MAIN(tst_BuildSession)
#include "tst_buildsession.moc"
