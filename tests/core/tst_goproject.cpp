#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/goproject.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::GoMainPackage;
using Gantry::GoProject;
using Gantry::Result;

namespace {

QString projectDir(const QString &where)
{
    return where.startsWith(u"examples/"_s) ? Gantry::Test::example(where.mid(9))
                                            : Gantry::Test::fixture(where);
}

const GoMainPackage *findPackage(const GoProject &project, const QString &relativeDir)
{
    for (const GoMainPackage &main : project.mainPackages) {
        if (main.relativeDir == relativeDir)
            return &main;
    }
    return nullptr;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestGoProject final : public QObject {
    Q_OBJECT

private slots:
    void mainPackages_data();
    void mainPackages();
    void stampVariables_data();
    void stampVariables();
    void extraFiles();
    void cgoDependencies();
    void cgoFilesInProject();
    void nestedModuleSkipped();
    void rejected_data();
    void rejected();
    void checkVersionSymbol_data();
    void checkVersionSymbol();
    void names_data();
    void names();
};

void TestGoProject::mainPackages_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("modulePath");
    QTest::addColumn<QStringList>("relativeDirs");
    QTest::addColumn<QStringList>("binaryNames");
    QTest::addColumn<QStringList>("importPaths");

    QTest::newRow("hello-gin") << u"examples/hello-gin"_s << u"hello-gin"_s << u"example.com/hello-gin"_s
                               << QStringList { u"."_s } << QStringList { u"hello-gin"_s }
                               << QStringList { u"example.com/hello-gin"_s };
    QTest::newRow("multi-main") << u"multi-main"_s << u"multi"_s << u"example.com/multi"_s
                                << QStringList { u"cmd/api"_s, u"cmd/worker"_s }
                                << QStringList { u"api"_s, u"worker"_s }
                                << QStringList { u"example.com/multi/cmd/api"_s,
                                       u"example.com/multi/cmd/worker"_s };
    QTest::newRow("no-version-var") << u"no-version-var"_s << u"plain"_s << u"example.com/plain"_s
                                    << QStringList { u"."_s } << QStringList { u"plain"_s }
                                    << QStringList { u"example.com/plain"_s };
    QTest::newRow("cgo-sqlite") << u"cgo-sqlite"_s << u"cgo-sqlite"_s << u"example.com/cgo-sqlite"_s
                                << QStringList { u"."_s } << QStringList { u"cgo-sqlite"_s }
                                << QStringList { u"example.com/cgo-sqlite"_s };
}

void TestGoProject::mainPackages()
{
    QFETCH(QString, where);
    const Result<GoProject> project = GoProject::scan(projectDir(where));
    QVERIFY2(project.has_value(), qPrintable(project ? QString() : project.error().toString()));
    QCOMPARE(project->dir, QDir::cleanPath(QDir(projectDir(where)).absolutePath()));
    QTEST(project->name, "name");
    QTEST(project->mod.modulePath, "modulePath");
    QStringList dirs, binaries, imports;
    for (const GoMainPackage &main : project->mainPackages) {
        dirs << main.relativeDir;
        binaries << main.binaryName;
        imports << main.importPath;
        QCOMPARE(main.dir, QDir::cleanPath(project->dir + u'/' + main.relativeDir));
    }
    QTEST(dirs, "relativeDirs");
    QTEST(binaries, "binaryNames");
    QTEST(imports, "importPaths");
}

void TestGoProject::stampVariables_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("versionVar");
    QTest::addColumn<QString>("commitVar");
    QTest::addColumn<QString>("dateVar");

    QTest::newRow("hello-gin") << u"examples/hello-gin"_s << u"."_s << u"version"_s << u"commit"_s
                               << u"date"_s;
    QTest::newRow("multi-main api") << u"multi-main"_s << u"cmd/api"_s << u"Version"_s << u"GitCommit"_s
                                    << u"BuildDate"_s;
    QTest::newRow("multi-main worker")
        << u"multi-main"_s << u"cmd/worker"_s << u"buildVersion"_s << QString() << QString();
    QTest::newRow("no-version-var") << u"no-version-var"_s << u"."_s << QString() << QString() << QString();
}

void TestGoProject::stampVariables()
{
    QFETCH(QString, where);
    QFETCH(QString, package);
    const Result<GoProject> project = GoProject::scan(projectDir(where));
    QVERIFY(project.has_value());
    const GoMainPackage *main = findPackage(*project, package);
    QVERIFY(main);
    QTEST(main->versionVar, "versionVar");
    QTEST(main->commitVar, "commitVar");
    QTEST(main->dateVar, "dateVar");
}

void TestGoProject::extraFiles()
{
    const Result<GoProject> project = GoProject::scan(Gantry::Test::example(u"hello-gin"_s));
    QVERIFY(project.has_value());
    QStringList extra = project->defaultExtraFiles;
    extra.sort();
    QCOMPARE(extra, (QStringList { u"LICENSE"_s, u"README.md"_s, u"config"_s, u"static"_s }));

    const Result<GoProject> plain = GoProject::scan(Gantry::Test::fixture(u"no-version-var"_s));
    QVERIFY(plain.has_value());
    QVERIFY(plain->defaultExtraFiles.isEmpty());
}

void TestGoProject::cgoDependencies()
{
    const Result<GoProject> project = GoProject::scan(Gantry::Test::fixture(u"cgo-sqlite"_s));
    QVERIFY(project.has_value());
    QCOMPARE(project->cgoDependencies.size(), 1);
    QCOMPARE(project->cgoDependencies.first().package, u"github.com/mattn/go-sqlite3"_s);
    QVERIFY(project->cgoDependencies.first().alternative.contains(u"modernc.org/sqlite"_s));
    QVERIFY(project->cgoFiles.isEmpty());
    const QList<Gantry::Error> warnings = project->cgoWarnings();
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().message.contains(u"github.com/mattn/go-sqlite3"_s));
    QVERIFY(warnings.first().hint.contains(u"modernc.org/sqlite"_s));

    const Result<GoProject> gin = GoProject::scan(Gantry::Test::example(u"hello-gin"_s));
    QVERIFY(gin.has_value());
    QVERIFY(gin->cgoDependencies.isEmpty());
    QVERIFY(gin->cgoWarnings().isEmpty());
}

void TestGoProject::cgoFilesInProject()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"go.mod"_s), "module example.com/c\n\ngo 1.19\n"));
    QVERIFY(writeFile(dir.filePath(u"main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(
        dir.filePath(u"native/native.go"_s), "package native\n\n// int two() { return 2; }\nimport \"C\"\n"));
    const Result<GoProject> project = GoProject::scan(dir.path());
    QVERIFY2(project.has_value(), qPrintable(project ? QString() : project.error().toString()));
    QCOMPARE(project->cgoFiles, QStringList { u"native"_s });
    QCOMPARE(project->cgoWarnings().size(), 1);
    QVERIFY(project->cgoWarnings().first().message.contains(u"native"_s));
}

// A folder with its own go.mod is another module: neither it nor its subfolders belong to this one.
void TestGoProject::nestedModuleSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(u"go.mod"_s), "module example.com/outer\n\ngo 1.19\n"));
    QVERIFY(writeFile(dir.filePath(u"cmd/app/main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir.filePath(u"tools/go.mod"_s), "module example.com/tools\n\ngo 1.19\n"));
    QVERIFY(writeFile(dir.filePath(u"tools/main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir.filePath(u"tools/cmd/gen/main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir.filePath(u"vendor/x/main.go"_s), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir.filePath(u"_old/y/main.go"_s), "package main\n\nfunc main() {}\n"));

    const Result<GoProject> project = GoProject::scan(dir.path());
    QVERIFY(project.has_value());
    QStringList dirs;
    for (const GoMainPackage &main : project->mainPackages)
        dirs << main.relativeDir;
    QCOMPARE(dirs, QStringList { u"cmd/app"_s });
}

void TestGoProject::rejected_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("not-go") << Gantry::Test::fixture(u"not-go"_s) << u"go.mod"_s;
    QTest::newRow("bad-gomod") << Gantry::Test::fixture(u"bad-gomod"_s) << u"go.mod"_s;
    QTest::newRow("missing folder") << Gantry::Test::fixture(u"does-not-exist"_s) << u"does-not-exist"_s;
}

void TestGoProject::rejected()
{
    QFETCH(QString, dir);
    QFETCH(QString, messagePart);
    const Result<GoProject> project = GoProject::scan(dir);
    QVERIFY(!project.has_value());
    QVERIFY(!project.error().message.isEmpty());
    QVERIFY(!project.error().hint.isEmpty());
    QVERIFY2(project.error().message.contains(messagePart), qPrintable(project.error().message));
}

void TestGoProject::checkVersionSymbol_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("main.version") << u"examples/hello-gin"_s << u"."_s << u"main.version"_s << true
                                  << QString();
    QTest::newRow("main.commit") << u"examples/hello-gin"_s << u"."_s << u"main.commit"_s << true
                                 << QString();
    QTest::newRow("import path of main")
        << u"examples/hello-gin"_s << u"."_s << u"example.com/hello-gin.date"_s << true << QString();
    QTest::newRow("wrong case") << u"examples/hello-gin"_s << u"."_s << u"main.Version"_s << false
                                << u"does not exist"_s;
    QTest::newRow("computed initializer")
        << u"examples/hello-gin"_s << u"."_s << u"main.startTime"_s << false << u"does not exist"_s;
    QTest::newRow("no dot") << u"examples/hello-gin"_s << u"."_s << u"version"_s << false << u"PKG.NAME"_s;
    QTest::newRow("trailing dot") << u"examples/hello-gin"_s << u"."_s << u"main."_s << false
                                  << u"PKG.NAME"_s;
    QTest::newRow("leading dot") << u"examples/hello-gin"_s << u"."_s << u".version"_s << false
                                 << u"PKG.NAME"_s;
    QTest::newRow("other package in module")
        << u"multi-main"_s << u"cmd/api"_s << u"example.com/multi/internal/shared.Version"_s << true
        << QString();
    QTest::newRow("missing var in other package")
        << u"multi-main"_s << u"cmd/api"_s << u"example.com/multi/internal/shared.Commit"_s << false
        << u"does not exist"_s;
    QTest::newRow("outside the module")
        << u"multi-main"_s << u"cmd/api"_s << u"github.com/other/pkg.Version"_s << false
        << u"not part of the module"_s;
    QTest::newRow("module path prefix only")
        << u"multi-main"_s << u"cmd/api"_s << u"example.com/multiple/x.Version"_s << false
        << u"not part of the module"_s;
    QTest::newRow("api Version") << u"multi-main"_s << u"cmd/api"_s << u"main.Version"_s << true << QString();
    QTest::newRow("worker has no Version")
        << u"multi-main"_s << u"cmd/worker"_s << u"main.Version"_s << false << u"does not exist"_s;
}

void TestGoProject::checkVersionSymbol()
{
    QFETCH(QString, where);
    QFETCH(QString, package);
    QFETCH(QString, symbol);
    QFETCH(bool, ok);
    QFETCH(QString, messagePart);
    const Result<GoProject> project = GoProject::scan(projectDir(where));
    QVERIFY(project.has_value());
    const GoMainPackage *main = findPackage(*project, package);
    QVERIFY(main);
    const Result<void> checked = project->checkVersionSymbol(*main, symbol);
    QCOMPARE(checked.has_value(), ok);
    if (!ok) {
        QVERIFY2(checked.error().message.contains(messagePart), qPrintable(checked.error().message));
        QVERIFY(!checked.error().hint.isEmpty());
    }
}

void TestGoProject::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isVersion");
    QTest::addColumn<bool>("isCommit");
    QTest::addColumn<bool>("isDate");

    QTest::newRow("version") << u"version"_s << true << false << false;
    QTest::newRow("Version") << u"Version"_s << true << false << false;
    QTest::newRow("buildVersion") << u"buildVersion"_s << true << false << false;
    QTest::newRow("app_version") << u"app_version"_s << true << false << false;
    QTest::newRow("ReleaseVersion") << u"ReleaseVersion"_s << true << false << false;
    QTest::newRow("versions") << u"versions"_s << false << false << false;
    QTest::newRow("goVersion") << u"goVersion"_s << false << false << false;
    QTest::newRow("commit") << u"commit"_s << false << true << false;
    QTest::newRow("GitCommit") << u"GitCommit"_s << false << true << false;
    QTest::newRow("commitHash") << u"commitHash"_s << false << true << false;
    QTest::newRow("commit_sha") << u"commit_sha"_s << false << true << false;
    QTest::newRow("revision") << u"revision"_s << false << true << false;
    QTest::newRow("date") << u"date"_s << false << false << true;
    QTest::newRow("BuildDate") << u"BuildDate"_s << false << false << true;
    QTest::newRow("buildTime") << u"buildTime"_s << false << false << true;
    QTest::newRow("commit_date") << u"commit_date"_s << false << false << true;
    QTest::newRow("timestamp") << u"timestamp"_s << false << false << true;
    QTest::newRow("startTime") << u"startTime"_s << false << false << false;
    QTest::newRow("empty") << QString() << false << false << false;
    QTest::newRow("name") << u"name"_s << false << false << false;
}

void TestGoProject::names()
{
    QFETCH(QString, name);
    QTEST(GoProject::isVersionName(name), "isVersion");
    QTEST(GoProject::isCommitName(name), "isCommit");
    QTEST(GoProject::isDateName(name), "isDate");
}

QTEST_GUILESS_MAIN(TestGoProject)
#include "tst_goproject.moc"
