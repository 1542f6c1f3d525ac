#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/buildsettings.h"
#include "core/store/workspace.h"
#include "core/testsupport.h"
#include "widgets/common/filedialogs.h"
#include "widgets/projects/projectspage.h"
#include "widgets/projects/recentprojectsmodel.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

class tst_ProjectsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void recentModelIsSound();
    void openThroughTheFileDialogRegistersAndDetects();
    void settingsAreSavedAndReadBack();
    void invalidSettingsAreRefused();
    void warningsCarryTheirFix_data();
    void warningsCarryTheirFix();
    void notAGoProjectIsNotRegistered();

private:
    void openWithDialog(ProjectsPage &page, const QString &dir);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_workspaceDir;
    std::unique_ptr<Workspace> m_workspace;
};

void tst_ProjectsPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

void tst_ProjectsPage::init()
{
    m_workspace.reset();
    m_workspaceDir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_workspaceDir->path());
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
}

void tst_ProjectsPage::openWithDialog(ProjectsPage &page, const QString &dir)
{
    QSignalSpy opened(&page, &ProjectsPage::projectOpened);
    FileDialogs::setNextFileName(dir);
    Test::click(&page, u"openProjectButton"_s);
    QVERIFY(opened.wait(120000));
    QVERIFY(!page.isDetecting());
}

void tst_ProjectsPage::recentModelIsSound()
{
    RecentProjectsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    model.setProjects({ { u"old"_s, u"/p/old"_s, {}, now.addDays(-2) }, { u"new"_s, u"/p/new"_s, {}, now },
                          { u"recent"_s, u"/p/recent"_s, {}, now.addDays(-5) } },
        { u"/p/recent"_s });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(RecentProjectsModel::NameRole).toString(), u"recent"_s);
    QCOMPARE(model.index(1).data(RecentProjectsModel::NameRole).toString(), u"new"_s);
    QCOMPARE(model.index(2).data(RecentProjectsModel::PathRole).toString(), u"/p/old"_s);
    model.setProjects({}, {});
    QCOMPARE(model.rowCount(), 0);
}

void tst_ProjectsPage::openThroughTheFileDialogRegistersAndDetects()
{
    const QString project = Test::example(u"hello-gin"_s);
    ProjectsPage page(m_workspace.get());
    page.show();
    openWithDialog(page, project);

    QCOMPARE(page.projectName(), u"hello-gin"_s);
    QCOMPARE(child<QLabel>(&page, u"moduleValue"_s)->text(), u"example.com/hello-gin"_s);
    QCOMPARE(child<QLabel>(&page, u"versionVarValue"_s)->text(), u"main.version"_s);
    QVERIFY(child<QLabel>(&page, u"toolchainValue"_s)->text().contains(u"go1."_s));
    QVERIFY(child<QLabel>(&page, u"packagesValue"_s)->text().contains(u"hello-gin"_s));
    QVERIFY(child<QLabel>(&page, u"noWarnings"_s)->isVisibleTo(&page));

    // Registered in the workspace, with the default profiles, and listed as recent.
    const auto record = m_workspace->project(u"hello-gin"_s);
    QVERIFY(record);
    QCOMPARE(record->path, QDir::cleanPath(project));
    const auto profiles = m_workspace->profiles(u"hello-gin"_s);
    QVERIFY(profiles);
    QCOMPARE(profiles->size(), 4);
    auto *recent = child<QListView>(&page, u"recentProjects"_s);
    QCOMPARE(recent->model()->rowCount(), 1);
    QCOMPARE(recent->model()->index(0, 0).data(RecentProjectsModel::PathRole).toString(),
        QDir::cleanPath(project));

    // Opening it again finds the same record instead of adding a second one.
    openWithDialog(page, project + u"/"_s);
    QCOMPARE(m_workspace->projects()->size(), 1);
}

void tst_ProjectsPage::settingsAreSavedAndReadBack()
{
    const QString project = Test::example(u"hello-gin"_s);
    {
        ProjectsPage page(m_workspace.get());
        page.show();
        openWithDialog(page, project);
        auto *targets = child<QListView>(&page, u"projectTargets"_s)->model();
        for (int row = 0; row < targets->rowCount(); ++row) {
            const QString text = targets->index(row, 0).data().toString();
            const bool wanted = text == u"linux/arm64"_s || text == u"linux/amd64"_s;
            targets->setData(
                targets->index(row, 0), wanted ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        }
        child<QLineEdit>(&page, u"ldflagsEdit"_s)->setText(u"-s -w -X main.version={{.Version}}"_s);
        child<QCheckBox>(&page, u"defaultExtraFiles"_s)->setChecked(false);
        child<QLineEdit>(&page, u"extraFilesEdit"_s)->setText(u"config, README.md"_s);
        child<QLineEdit>(&page, u"goproxyEdit"_s)->setText(u"https://goproxy.cn,direct"_s);
        QSignalSpy changed(&page, &ProjectsPage::buildSettingsChanged);
        Test::click(&page, u"saveSettingsButton"_s);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!child<QLabel>(&page, u"settingsError"_s)->isVisibleTo(&page));
    }
    const BuildSettings stored = BuildSettings::fromJson(m_workspace->project(u"hello-gin"_s)->buildSettings);
    QCOMPARE(stored.targets,
        (QList<BuildTarget> { *BuildTarget::parse(u"linux/amd64"), *BuildTarget::parse(u"linux/arm64") }));
    QCOMPARE(stored.ldflagsTemplate, u"-s -w -X main.version={{.Version}}"_s);
    QCOMPARE(stored.extraFiles, (QStringList { u"config"_s, u"README.md"_s }));
    QCOMPARE(stored.goEnv.value(u"GOPROXY"_s), u"https://goproxy.cn,direct"_s);

    // A new page reads them back from the workspace.
    ProjectsPage again(m_workspace.get());
    again.show();
    openWithDialog(again, project);
    QCOMPARE(child<QLineEdit>(&again, u"ldflagsEdit"_s)->text(), stored.ldflagsTemplate);
    QVERIFY(!child<QCheckBox>(&again, u"defaultExtraFiles"_s)->isChecked());
    QCOMPARE(child<QLineEdit>(&again, u"extraFilesEdit"_s)->text(), u"config, README.md"_s);
    QCOMPARE(child<QLineEdit>(&again, u"goproxyEdit"_s)->text(), u"https://goproxy.cn,direct"_s);
    QCOMPARE(again.effectiveBuildSettings(), stored);
}

void tst_ProjectsPage::invalidSettingsAreRefused()
{
    ProjectsPage page(m_workspace.get());
    page.show();
    openWithDialog(page, Test::example(u"hello-gin"_s));
    child<QLineEdit>(&page, u"ldflagsEdit"_s)->setText(u"-X main.version={{.Tag}}"_s);
    QSignalSpy changed(&page, &ProjectsPage::buildSettingsChanged);
    Test::click(&page, u"saveSettingsButton"_s);
    auto *error = child<QLabel>(&page, u"settingsError"_s);
    QVERIFY(error->isVisibleTo(&page));
    QVERIFY2(error->text().contains(u"{{.Tag}}"_s), qPrintable(error->text()));
    QCOMPARE(changed.size(), 0);
    QVERIFY(m_workspace->project(u"hello-gin"_s)->buildSettings.isEmpty());

    child<QLineEdit>(&page, u"ldflagsEdit"_s)->clear();
    child<QCheckBox>(&page, u"defaultExtraFiles"_s)->setChecked(false);
    child<QLineEdit>(&page, u"extraFilesEdit"_s)->setText(u"missing.txt"_s);
    Test::click(&page, u"saveSettingsButton"_s);
    QVERIFY(error->text().contains(u"missing.txt"_s));
    QVERIFY(m_workspace->project(u"hello-gin"_s)->buildSettings.isEmpty());
}

void tst_ProjectsPage::warningsCarryTheirFix_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("warning");
    QTest::addColumn<QString>("fix");
    QTest::newRow("cgo dependency") << u"cgo-sqlite"_s << u"github.com/mattn/go-sqlite3 needs cgo"_s
                                    << u"modernc.org/sqlite"_s;
    QTest::newRow("old toolchain") << u"newer-go"_s << u"needs Go 1.21"_s << u"https://go.dev/dl/"_s;
    QTest::newRow("no version variable")
        << u"no-version-var"_s << u"no version variable"_s << u"var version"_s;
}

void tst_ProjectsPage::warningsCarryTheirFix()
{
    QFETCH(QString, fixture);
    QFETCH(QString, warning);
    QFETCH(QString, fix);
    ProjectsPage page(m_workspace.get());
    page.show();
    openWithDialog(page, Test::fixture(fixture));
    QStringList texts;
    for (const QLabel *label : page.findChildren<QLabel *>(u"warning"_s))
        texts << label->text();
    const QString all = texts.join(u"\n"_s);
    QVERIFY2(all.contains(warning), qPrintable(all));
    QVERIFY2(all.contains(u"Fix: "_s) && all.contains(fix.toHtmlEscaped()), qPrintable(all));
    QVERIFY(!child<QLabel>(&page, u"noWarnings"_s)->isVisibleTo(&page));
}

void tst_ProjectsPage::notAGoProjectIsNotRegistered()
{
    ProjectsPage page(m_workspace.get());
    page.show();
    FileDialogs::setNextFileName(Test::fixture(u"not-go"_s));
    Test::click(&page, u"openProjectButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(&page, u"projectStatus"_s)->text().contains(u"not a Go project"_s), 60000);
    QVERIFY(!page.isDetecting());
    QVERIFY(m_workspace->projects()->isEmpty());
    QVERIFY(page.projectName().isEmpty());
}

QTEST_MAIN(tst_ProjectsPage)
#include "tst_projectspage.moc"
