#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/buildplan.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::BuildOptions;
using Gantry::BuildPlan;
using Gantry::BuildStep;
using Gantry::BuildTarget;
using Gantry::GoProject;
using Gantry::GoToolchain;
using Gantry::Result;
using Gantry::VersionInfo;
using Stamps = QList<std::pair<QString, QString>>;
using GoEnv = QMap<QString, QString>;

namespace {

const QString Commit = u"0123456789abcdef0123456789abcdef01234567"_s;

GoToolchain toolchain()
{
    GoToolchain go;
    go.goPath = u"/usr/bin/go"_s;
    go.versionText = u"go1.19.8"_s;
    go.version = *Gantry::GoVersion::parse(go.versionText);
    go.hostOs = u"linux"_s;
    go.hostArch = u"amd64"_s;
    return go;
}

QList<BuildTarget> knownTargets()
{
    return { BuildTarget { u"linux"_s, u"amd64"_s, true, true },
        BuildTarget { u"linux"_s, u"arm64"_s, true, true },
        BuildTarget { u"windows"_s, u"amd64"_s, true, true },
        BuildTarget { u"darwin"_s, u"arm64"_s, true, true },
        BuildTarget { u"linux"_s, u"riscv64"_s, true, false } };
}

VersionInfo gitVersion()
{
    return VersionInfo::fromGitOutput(u"v9.9.9"_s, Commit, u"2026-01-02T03:04:05Z"_s);
}

QProcessEnvironment baseEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    env.insert(u"HOME"_s, u"/home/ann"_s);
    return env;
}

QString projectDir(const QString &where)
{
    return where.startsWith(u"examples/"_s) ? Gantry::Test::example(where.mid(9))
                                            : Gantry::Test::fixture(where);
}

QStringList keys(const BuildPlan &plan)
{
    QStringList out;
    for (const BuildStep &step : plan.steps)
        out << step.key;
    return out;
}

} // namespace

class TestBuildPlan final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void stampsIn_data();
    void stampsIn();
    void mergeEnvironment_data();
    void mergeEnvironment();
    void defaultPlan();
    void versionOption_data();
    void versionOption();
    void targets_data();
    void targets();
    void customTemplate();
    void explicitOutputAndExtras();
    void multiMain();
    void errors_data();
    void errors();
    void noVersionVarWarns();
    void cgoWarnings();

private:
    Result<BuildPlan> make(const BuildOptions &options, const QString &where = u"examples/hello-gin"_s,
        VersionInfo version = gitVersion()) const;
    BuildOptions options(const QString &where = u"examples/hello-gin"_s) const;

    QTemporaryDir m_cache;
};

void TestBuildPlan::initTestCase()
{
    QVERIFY(m_cache.isValid());
}

BuildOptions TestBuildPlan::options(const QString &where) const
{
    BuildOptions options;
    options.projectDir = projectDir(where);
    options.cacheDir = m_cache.path();
    options.environment = baseEnvironment();
    return options;
}

Result<BuildPlan> TestBuildPlan::make(
    const BuildOptions &options, const QString &where, VersionInfo version) const
{
    const Result<GoProject> project = GoProject::scan(projectDir(where));
    if (!project)
        return std::unexpected(project.error());
    return BuildPlan::make(options, *project, toolchain(), knownTargets(), std::move(version));
}

void TestBuildPlan::stampsIn_data()
{
    QTest::addColumn<QString>("ldflags");
    QTest::addColumn<Stamps>("stamps");

    QTest::newRow("three forms") << u"-s -w -X main.version=1.2.3 -X 'main.commit=abc' -X=main.date=2026"_s
                                 << Stamps { { u"main.version"_s, u"1.2.3"_s },
                                        { u"main.commit"_s, u"abc"_s }, { u"main.date"_s, u"2026"_s } };
    QTest::newRow("double quotes") << u"-X \"main.version=1.0.0\""_s
                                   << Stamps { { u"main.version"_s, u"1.0.0"_s } };
    QTest::newRow("import path") << u"-X example.com/x/internal/buildinfo.Version=2.0.0-rc.1"_s
                                 << Stamps { { u"example.com/x/internal/buildinfo.Version"_s,
                                        u"2.0.0-rc.1"_s } };
    QTest::newRow("empty value") << u"-X main.commit= -s"_s << Stamps { { u"main.commit"_s, QString() } };
    QTest::newRow("value with equals sign")
        << u"-X main.flags=a=b"_s << Stamps { { u"main.flags"_s, u"a=b"_s } };
    QTest::newRow("date value") << u"-X main.date=2026-01-02T03:04:05Z"_s
                                << Stamps { { u"main.date"_s, u"2026-01-02T03:04:05Z"_s } };
    QTest::newRow("several spaces") << u"-X    main.version=1"_s << Stamps { { u"main.version"_s, u"1"_s } };
    QTest::newRow("none") << u"-s -w -extldflags -static"_s << Stamps();
    QTest::newRow("empty") << QString() << Stamps();
}

void TestBuildPlan::stampsIn()
{
    QFETCH(QString, ldflags);
    QTEST(BuildPlan::stampsIn(ldflags), "stamps");
}

void TestBuildPlan::mergeEnvironment_data()
{
    QTest::addColumn<GoEnv>("base");
    QTest::addColumn<GoEnv>("project");
    QTest::addColumn<GoEnv>("expected");

    QTest::newRow("GOFLAGS from both kept")
        << GoEnv { { u"GOFLAGS"_s, u"-mod=mod"_s } } << GoEnv { { u"GOFLAGS"_s, u"-tags=netgo"_s } }
        << GoEnv { { u"GOFLAGS"_s, u"-mod=mod -tags=netgo"_s } };
    QTest::newRow("GOFLAGS from project only") << GoEnv() << GoEnv { { u"GOFLAGS"_s, u"-tags=netgo"_s } }
                                               << GoEnv { { u"GOFLAGS"_s, u"-tags=netgo"_s } };
    QTest::newRow("GOFLAGS from caller only") << GoEnv { { u"GOFLAGS"_s, u"-mod=vendor"_s } } << GoEnv()
                                              << GoEnv { { u"GOFLAGS"_s, u"-mod=vendor"_s } };
    QTest::newRow("empty caller GOFLAGS")
        << GoEnv { { u"GOFLAGS"_s, QString() } } << GoEnv { { u"GOFLAGS"_s, u"-tags=netgo"_s } }
        << GoEnv { { u"GOFLAGS"_s, u"-tags=netgo"_s } };
    QTest::newRow("GOPROXY from project wins")
        << GoEnv { { u"GOPROXY"_s, u"https://proxy.golang.org,direct"_s } }
        << GoEnv { { u"GOPROXY"_s, u"https://goproxy.example.com"_s } }
        << GoEnv { { u"GOPROXY"_s, u"https://goproxy.example.com"_s } };
    QTest::newRow("project adds GOPRIVATE, caller keeps GOPATH")
        << GoEnv { { u"GOPATH"_s, u"/home/ann/go"_s } } << GoEnv { { u"GOPRIVATE"_s, u"example.com/*"_s } }
        << GoEnv { { u"GOPATH"_s, u"/home/ann/go"_s }, { u"GOPRIVATE"_s, u"example.com/*"_s } };
}

void TestBuildPlan::mergeEnvironment()
{
    QFETCH(GoEnv, base);
    QFETCH(GoEnv, project);
    QFETCH(GoEnv, expected);
    QProcessEnvironment env = baseEnvironment();
    for (auto it = base.cbegin(); it != base.cend(); ++it)
        env.insert(it.key(), it.value());
    const QProcessEnvironment merged = BuildPlan::mergeEnvironment(env, project);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(merged.value(it.key()), it.value());
    QCOMPARE(merged.value(u"PATH"_s), u"/usr/bin:/bin"_s);
    QStringList names = merged.keys();
    names.sort();
    QStringList wanted = baseEnvironment().keys() + expected.keys();
    wanted.removeDuplicates();
    wanted.sort();
    QCOMPARE(names, wanted);
}

void TestBuildPlan::defaultPlan()
{
    BuildOptions opts = options();
    opts.version = u"4.5.6"_s;
    const Result<BuildPlan> plan = make(opts);
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error().toString()));
    const QString project = QDir::cleanPath(Gantry::Test::example(u"hello-gin"_s));
    QCOMPARE(plan->projectDir, project);
    QCOMPARE(plan->projectName, u"hello-gin"_s);
    QCOMPARE(plan->module, u"example.com/hello-gin"_s);
    QCOMPARE(plan->goVersion, u"go1.19.8"_s);
    QCOMPARE(plan->version.version, u"4.5.6"_s);
    QCOMPARE(plan->version.commit, Commit);
    QCOMPARE(plan->outputDir, project + u"/dist/4.5.6"_s);
    QStringList extras = plan->extraFiles;
    extras.sort();
    QCOMPARE(extras, (QStringList { u"LICENSE"_s, u"README.md"_s, u"config"_s, u"static"_s }));
    QVERIFY(plan->warnings.isEmpty());
    QCOMPARE(keys(*plan), (QStringList { u"linux/amd64"_s, u"windows/amd64"_s }));

    const QStringList binaries { u"hello-gin_4.5.6_linux_amd64"_s, u"hello-gin_4.5.6_windows_amd64.exe"_s };
    const QStringList archives { u"hello-gin_4.5.6_linux_amd64.tar.gz"_s,
        u"hello-gin_4.5.6_windows_amd64.zip"_s };
    const QStringList cached { m_cache.path() + u"/_root/linux_amd64/4.5.6/hello-gin"_s,
        m_cache.path() + u"/_root/windows_amd64/4.5.6/hello-gin.exe"_s };
    for (qsizetype i = 0; i < plan->steps.size(); ++i) {
        const BuildStep &step = plan->steps[i];
        QCOMPARE(step.binaryFile, binaries[i]);
        QCOMPARE(step.archiveFile, archives[i]);
        QCOMPARE(QDir::cleanPath(step.cachedBinary), cached[i]);
        QCOMPARE(step.package.relativeDir, u"."_s);
        QCOMPARE(step.arguments.first(), u"build"_s);
        QVERIFY(step.arguments.contains(u"-trimpath"_s));
        const qsizetype ldflags = step.arguments.indexOf(u"-ldflags"_s);
        QVERIFY(ldflags > 0 && ldflags + 1 < step.arguments.size());
        const QString value = step.arguments[ldflags + 1];
        QCOMPARE(value, step.ldflags);
        QVERIFY2(value.contains(u"-X main.version=4.5.6"_s), qPrintable(value));
        QVERIFY2(value.contains(u"-X main.commit="_s + Commit), qPrintable(value));
        QVERIFY2(value.contains(u"-X main.date=2026-01-02T03:04:05Z"_s), qPrintable(value));
        QVERIFY(value.startsWith(u"-s -w "_s));
        QCOMPARE(step.stamps,
            (Stamps { { u"main.version"_s, u"4.5.6"_s }, { u"main.commit"_s, Commit },
                { u"main.date"_s, u"2026-01-02T03:04:05Z"_s } }));
        const qsizetype output = step.arguments.indexOf(u"-o"_s);
        QVERIFY(output > 0);
        QCOMPARE(step.arguments[output + 1], step.cachedBinary);
        QCOMPARE(step.arguments.last(), u"."_s);
        QCOMPARE(step.environment.value(u"CGO_ENABLED"_s), u"0"_s);
        QCOMPARE(step.environment.value(u"GOOS"_s), step.target.goos);
        QCOMPARE(step.environment.value(u"GOARCH"_s), step.target.goarch);
        QCOMPARE(step.environment.value(u"PATH"_s), u"/usr/bin:/bin"_s);
    }
    QCOMPARE(plan->steps[0].environment.value(u"GOOS"_s), u"linux"_s);
    QCOMPARE(plan->steps[1].environment.value(u"GOOS"_s), u"windows"_s);
    QCOMPARE(plan->steps[1].environment.value(u"GOARCH"_s), u"amd64"_s);
}

void TestBuildPlan::versionOption_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("version");

    QTest::newRow("leading v stripped") << u"v4.5.6"_s << u"4.5.6"_s;
    QTest::newRow("plain") << u"4.5.6"_s << u"4.5.6"_s;
    QTest::newRow("prerelease with v") << u"v1.0.0-rc.1"_s << u"1.0.0-rc.1"_s;
    QTest::newRow("word starting with v kept") << u"vnext"_s << u"vnext"_s;
    QTest::newRow("just v") << u"v"_s << u"v"_s;
    QTest::newRow("empty: from git") << QString() << u"9.9.9"_s;
}

void TestBuildPlan::versionOption()
{
    QFETCH(QString, option);
    QFETCH(QString, version);
    BuildOptions opts = options();
    opts.version = option;
    const Result<BuildPlan> plan = make(opts);
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(plan->version.version, version);
    QVERIFY(plan->outputDir.endsWith(u"/dist/"_s + version));
    QCOMPARE(plan->steps.first().binaryFile, u"hello-gin_"_s + version + u"_linux_amd64"_s);
    QVERIFY(plan->steps.first().ldflags.contains(u"-X main.version="_s + version + u' '));
}

void TestBuildPlan::targets_data()
{
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("binaries");

    QTest::newRow("darwin and arm64")
        << QStringList { u"darwin/arm64"_s, u"linux/arm64"_s }
        << QStringList { u"darwin/arm64"_s, u"linux/arm64"_s }
        << QStringList { u"hello-gin_1.0.0_darwin_arm64"_s, u"hello-gin_1.0.0_linux_arm64"_s };
    QTest::newRow("duplicates merged")
        << QStringList { u"linux/amd64"_s, u"linux/amd64"_s } << QStringList { u"linux/amd64"_s }
        << QStringList { u"hello-gin_1.0.0_linux_amd64"_s };
    QTest::newRow("second-class target")
        << QStringList { u"linux/riscv64"_s } << QStringList { u"linux/riscv64"_s }
        << QStringList { u"hello-gin_1.0.0_linux_riscv64"_s };
}

void TestBuildPlan::targets()
{
    QFETCH(QStringList, targets);
    BuildOptions opts = options();
    opts.version = u"1.0.0"_s;
    for (const QString &target : targets)
        opts.targets << *BuildTarget::parse(target);
    const Result<BuildPlan> plan = make(opts);
    QVERIFY(plan.has_value());
    QTEST(keys(*plan), "keys");
    QStringList binaries;
    for (const BuildStep &step : plan->steps) {
        binaries << step.binaryFile;
        QCOMPARE(step.environment.value(u"GOOS"_s) + u'/' + step.environment.value(u"GOARCH"_s), step.key);
    }
    QTEST(binaries, "binaries");
}

void TestBuildPlan::customTemplate()
{
    BuildOptions opts = options();
    opts.version = u"2.0.0"_s;
    opts.targets = { BuildTarget { u"linux"_s, u"arm64"_s } };
    opts.ldflagsTemplate =
        u"-s -X main.version={{.Version}}-{{.Os}}-{{.Arch}} -X 'main.commit={{.ShortCommit}}'"_s;
    opts.extraGoFlags = { u"-tags=netgo"_s };
    const Result<BuildPlan> plan = make(opts);
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error().toString()));
    const BuildStep &step = plan->steps.first();
    QCOMPARE(step.ldflags, u"-s -X main.version=2.0.0-linux-arm64 -X 'main.commit=0123456'"_s);
    QCOMPARE(step.stamps,
        (Stamps { { u"main.version"_s, u"2.0.0-linux-arm64"_s }, { u"main.commit"_s, u"0123456"_s } }));
    QVERIFY(step.arguments.contains(u"-tags=netgo"_s));
    QVERIFY(step.arguments.indexOf(u"-tags=netgo"_s) < step.arguments.indexOf(u"-o"_s));
}

void TestBuildPlan::explicitOutputAndExtras()
{
    QTemporaryDir out;
    BuildOptions opts = options();
    opts.outputDir = out.path() + u"/release/../release"_s;
    opts.extraFiles = QStringList { u"README.md"_s };
    const Result<BuildPlan> plan = make(opts);
    QVERIFY(plan.has_value());
    QCOMPARE(plan->outputDir, QDir::cleanPath(out.path() + u"/release"_s));
    QCOMPARE(plan->extraFiles, QStringList { u"README.md"_s });

    opts.extraFiles = QStringList();
    const Result<BuildPlan> none = make(opts);
    QVERIFY(none.has_value());
    QVERIFY(none->extraFiles.isEmpty());
}

void TestBuildPlan::multiMain()
{
    BuildOptions opts = options(u"multi-main"_s);
    opts.version = u"3.0.0"_s;
    opts.targets = { BuildTarget { u"linux"_s, u"amd64"_s } };
    const Result<BuildPlan> plan = make(opts, u"multi-main"_s);
    QVERIFY2(plan.has_value(), qPrintable(plan ? QString() : plan.error().toString()));
    QCOMPARE(keys(*plan), (QStringList { u"cmd/api linux/amd64"_s, u"cmd/worker linux/amd64"_s }));
    QCOMPARE(plan->steps[0].binaryFile, u"api_3.0.0_linux_amd64"_s);
    QCOMPARE(plan->steps[0].arguments.last(), u"./cmd/api"_s);
    QVERIFY(plan->steps[0].ldflags.contains(u"-X main.Version=3.0.0"_s));
    QVERIFY(plan->steps[0].ldflags.contains(u"-X main.GitCommit="_s + Commit));
    QVERIFY(plan->steps[0].ldflags.contains(u"-X main.BuildDate="_s));
    QCOMPARE(plan->steps[1].binaryFile, u"worker_3.0.0_linux_amd64"_s);
    QCOMPARE(plan->steps[1].ldflags, u"-s -w -X main.buildVersion=3.0.0"_s);
    QVERIFY(plan->steps[0].cachedBinary != plan->steps[1].cachedBinary);

    opts.packages = { u"cmd/worker"_s };
    const Result<BuildPlan> worker = make(opts, u"multi-main"_s);
    QVERIFY(worker.has_value());
    QCOMPARE(keys(*worker), QStringList { u"linux/amd64"_s });
    QCOMPARE(worker->steps.first().package.relativeDir, u"cmd/worker"_s);
}

void TestBuildPlan::errors_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("ldflagsTemplate");
    QTest::addColumn<QStringList>("extraFiles");
    QTest::addColumn<QStringList>("packages");
    QTest::addColumn<QString>("versionVar");
    QTest::addColumn<QString>("messagePart");

    const QString gin = u"examples/hello-gin"_s;
    QTest::newRow("unknown target") << gin << u"1.0.0"_s << u"plan9/amd64"_s << QString() << QStringList()
                                    << QStringList() << QString() << u"plan9/amd64"_s;
    QTest::newRow("bad version") << gin << u"1.0 beta"_s << QString() << QString() << QStringList()
                                 << QStringList() << QString() << u"1.0 beta"_s;
    QTest::newRow("version with slash") << gin << u"v1/2"_s << QString() << QString() << QStringList()
                                        << QStringList() << QString() << u"\"1/2\""_s;
    QTest::newRow("template with unknown -X symbol")
        << gin << u"1.0.0"_s << QString() << u"-s -w -X main.nope={{.Version}}"_s << QStringList()
        << QStringList() << QString() << u"main.nope"_s;
    QTest::newRow("template with unknown field")
        << gin << u"1.0.0"_s << QString() << u"-X main.version={{.Branch}}"_s << QStringList()
        << QStringList() << QString() << u"Branch"_s;
    QTest::newRow("missing extra file")
        << gin << u"1.0.0"_s << QString() << QString() << QStringList { u"README.md"_s, u"CHANGELOG.md"_s }
        << QStringList() << QString() << u"CHANGELOG.md"_s;
    QTest::newRow("unknown package") << u"multi-main"_s << u"1.0.0"_s << QString() << QString()
                                     << QStringList() << QStringList { u"cmd/nope"_s } << QString()
                                     << u"cmd/nope"_s;
    QTest::newRow("version var that does not exist")
        << gin << u"1.0.0"_s << QString() << QString() << QStringList() << QStringList() << u"main.Version"_s
        << u"main.Version"_s;
}

void TestBuildPlan::errors()
{
    QFETCH(QString, where);
    QFETCH(QString, version);
    QFETCH(QString, target);
    QFETCH(QString, ldflagsTemplate);
    QFETCH(QStringList, extraFiles);
    QFETCH(QStringList, packages);
    QFETCH(QString, versionVar);
    QFETCH(QString, messagePart);
    BuildOptions opts = options(where);
    opts.version = version;
    if (!target.isEmpty())
        opts.targets = { *BuildTarget::parse(target) };
    opts.ldflagsTemplate = ldflagsTemplate;
    if (!extraFiles.isEmpty())
        opts.extraFiles = extraFiles;
    opts.packages = packages;
    opts.versionVar = versionVar;
    const Result<BuildPlan> plan = make(opts, where);
    QVERIFY(!plan.has_value());
    QVERIFY2(plan.error().message.contains(messagePart), qPrintable(plan.error().message));
    QVERIFY(!plan.error().hint.isEmpty());
}

void TestBuildPlan::noVersionVarWarns()
{
    BuildOptions opts = options(u"no-version-var"_s);
    opts.version = u"1.0.0"_s;
    const Result<BuildPlan> plan = make(opts, u"no-version-var"_s);
    QVERIFY(plan.has_value());
    QCOMPARE(plan->warnings.size(), 1);
    QVERIFY(plan->warnings.first().message.contains(u"example.com/plain"_s));
    QVERIFY(!plan->warnings.first().hint.isEmpty());
    for (const BuildStep &step : plan->steps) {
        QCOMPARE(step.ldflags, u"-s -w"_s);
        QVERIFY(step.stamps.isEmpty());
    }

    // Naming a template is a choice: no warning then.
    opts.ldflagsTemplate = u"-s -w"_s;
    const Result<BuildPlan> chosen = make(opts, u"no-version-var"_s);
    QVERIFY(chosen.has_value());
    QVERIFY(chosen->warnings.isEmpty());
}

void TestBuildPlan::cgoWarnings()
{
    BuildOptions opts = options(u"cgo-sqlite"_s);
    opts.version = u"1.0.0"_s;
    const Result<BuildPlan> plan = make(opts, u"cgo-sqlite"_s);
    QVERIFY(plan.has_value());
    const bool mentionsSqlite = std::any_of(plan->warnings.cbegin(), plan->warnings.cend(),
        [](const Gantry::Error &e) { return e.message.contains(u"github.com/mattn/go-sqlite3"_s); });
    QVERIFY(mentionsSqlite);
}

QTEST_GUILESS_MAIN(TestBuildPlan)
#include "tst_buildplan.moc"
