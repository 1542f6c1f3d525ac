#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QSettings>
#include <QTest>

#include "core/store/workspace.h"
#include "core/testsupport.h"
#include "widgets/build/buildpage.h"
#include "widgets/build/targetlistmodel.h"
#include "widgets/common/aboutpage.h"
#include "widgets/common/appearance.h"
#include "widgets/common/appsettings.h"
#include "widgets/common/filedialogs.h"
#include "widgets/common/mainwindow.h"
#include "widgets/common/settingspage.h"
#include "widgets/common/singleinstance.h"
#include "widgets/deploy/deploypage.h"
#include "widgets/health/healthpage.h"
#include "widgets/logs/logspage.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/projects/projectspage.h"
#include "widgets/servers/serverdialog.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgets/servers/serverspage.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void navigatesThroughEveryPage();
    void remembersGeometryAndPage();
    void openedProjectReachesBuildAndProfiles();
    void projectSettingsReachTheBuildPage();
    void settingsPersistAndCheckGo();
    void addedServersReachTheDeployPage();
    void themeIsAppliedLive();
    void secondInstanceHandsItsProjectOver();
    void instanceKeyDependsOnTheWorkspace();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_workspaceDir;
    std::unique_ptr<Workspace> m_workspace;
};

void tst_MainWindow::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

void tst_MainWindow::init()
{
    QSettings().clear();
    m_workspace.reset();
    m_workspaceDir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_workspaceDir->path());
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
}

void tst_MainWindow::navigatesThroughEveryPage()
{
    MainWindow window(m_workspace.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *navigation = child<QListWidget>(&window, u"navigation"_s);
    auto *pages = window.findChild<QStackedWidget *>();
    const QList<QWidget *> expected { window.projectsPage(), window.buildPage(), window.profilesPage(),
        window.serversPage(), window.deployPage(), window.healthPage(), window.logsPage(),
        window.settingsPage(), window.aboutPage() };
    QCOMPARE(navigation->count(), expected.size());
    QCOMPARE(window.pageIds(),
        (QStringList { MainWindow::ProjectsId, MainWindow::BuildId, MainWindow::ProfilesId,
            MainWindow::ServersId, MainWindow::DeployId, MainWindow::HealthId, MainWindow::LogsId,
            MainWindow::SettingsId, MainWindow::AboutId }));
    for (int row = 0; row < navigation->count(); ++row) {
        QVERIFY(!navigation->item(row)->icon().isNull());
        QVERIFY(!navigation->item(row)->toolTip().isEmpty());
    }
    QCOMPARE(pages->currentWidget(), expected.first());

    // Keyboard: arrows in the list walk every page.
    navigation->setFocus();
    for (int row = 1; row < expected.size(); ++row) {
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(pages->currentWidget(), expected.at(row));
        QCOMPARE(window.currentPageId(), window.pageIds().at(row));
    }
    QTest::keyClick(navigation, Qt::Key_Home);
    QCOMPARE(pages->currentWidget(), expected.first());
    // Ctrl+<n> from anywhere.
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), window.serversPage());
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), window.deployPage());
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), window.healthPage());
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), window.logsPage());
    QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
    QCOMPARE(pages->currentWidget(), window.settingsPage());
    // Mouse.
    QTest::mouseClick(
        navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(navigation->item(2)).center());
    QCOMPARE(pages->currentWidget(), window.profilesPage());
}

void tst_MainWindow::remembersGeometryAndPage()
{
    {
        MainWindow window(m_workspace.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(870, 610);
        // Switching pages writes nothing to disk (QSettings fsyncs its file: a stall on a busy disk).
        const QFileInfo file(QSettings().fileName());
        const QDateTime before = file.lastModified();
        window.showPage(MainWindow::DeployId);
        window.showPage(MainWindow::SettingsId);
        QTest::qWait(50);
        QCOMPARE(QFileInfo(file.filePath()).lastModified(), before);
        QTRY_COMPARE(window.size(), QSize(870, 610));
        window.close();
    }
    MainWindow again(m_workspace.get());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(870, 610));
    QCOMPARE(again.currentPageId(), MainWindow::SettingsId);
    QCOMPARE(again.findChild<QStackedWidget *>()->currentWidget(), again.settingsPage());
}

void tst_MainWindow::openedProjectReachesBuildAndProfiles()
{
    MainWindow window(m_workspace.get());
    window.show();
    const QString project = Test::example(u"hello-gin"_s);
    QSignalSpy opened(window.projectsPage(), &ProjectsPage::projectOpened);
    window.openProject(project);
    QVERIFY(opened.wait(120000));
    QCOMPARE(window.buildPage()->projectDir(), QDir::cleanPath(project));
    QCOMPARE(window.profilesPage()->project(), u"hello-gin"_s);
    QCOMPARE(window.profilesPage()->profile(), u"base"_s);
    QCOMPARE(window.deployPage()->project(), u"hello-gin"_s);
    QVERIFY(window.windowTitle().startsWith(u"hello-gin"_s));
}

void tst_MainWindow::projectSettingsReachTheBuildPage()
{
    const QString project = Test::example(u"hello-gin"_s);
    MainWindow window(m_workspace.get());
    window.show();
    QSignalSpy opened(window.projectsPage(), &ProjectsPage::projectOpened);
    window.openProject(project);
    QVERIFY(opened.wait(120000));
    auto *buildTargets = window.buildPage()->findChild<TargetListModel *>();
    QCOMPARE(buildTargets->checkedTargets(), BuildTarget::defaults());

    // Saved on the Projects page: the Build page builds for exactly these.
    auto *projectTargets = child<QListView>(window.projectsPage(), u"projectTargets"_s)->model();
    for (int row = 0; row < projectTargets->rowCount(); ++row) {
        const bool arm = projectTargets->index(row, 0).data().toString() == u"linux/arm64"_s;
        projectTargets->setData(
            projectTargets->index(row, 0), arm ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
    }
    Test::click(window.projectsPage(), u"saveSettingsButton"_s);
    QCOMPARE(buildTargets->checkedTargets(), QList<BuildTarget> { *BuildTarget::parse(u"linux/arm64") });
}

void tst_MainWindow::addedServersReachTheDeployPage()
{
    MainWindow window(m_workspace.get());
    window.show();
    window.showPage(MainWindow::ServersId);
    QCOMPARE(window.deployPage()->serversModel()->rowCount(), 0);
    Test::click(window.serversPage(), u"addServerButton"_s);
    auto *dialog = window.serversPage()->findChild<ServerDialog *>(u"serverDialog"_s);
    QVERIFY(dialog);
    child<QLineEdit>(dialog, u"serverNameEdit"_s)->setText(u"web1"_s);
    child<QLineEdit>(dialog, u"serverAddressEdit"_s)->setText(u"10.0.0.21"_s);
    child<QCheckBox>(dialog, u"connectCheck"_s)->setChecked(false);
    dialog->accept();
    QCOMPARE(window.deployPage()->serversModel()->rowCount(), 1);
    QCOMPARE(window.deployPage()->serversModel()->checkedNames(), QStringList { u"web1"_s });
}

void tst_MainWindow::settingsPersistAndCheckGo()
{
    SettingsPage page(m_workspaceDir->path());
    QSignalSpy goChanged(&page, &SettingsPage::goPathChanged);
    auto *status = child<QLabel>(&page, u"goStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!page.isCheckingGo() && status->text().contains(u"Go 1."_s), 60000);

    page.checkGoPath(m_workspaceDir->filePath(u"no-such-go"_s));
    QVERIFY2(status->text().contains(u"does not exist"_s), qPrintable(status->text()));
    QVERIFY(AppSettings::goPath().isEmpty());

    const QString go = QStandardPaths::findExecutable(u"go"_s);
    QVERIFY(!go.isEmpty());
    page.checkGoPath(go);
    QTRY_VERIFY_WITH_TIMEOUT(goChanged.size() == 1, 60000);
    QCOMPARE(AppSettings::goPath(), go);
    QVERIFY(status->text().contains(u"Go 1."_s));

    auto *targets = child<QListView>(&page, u"defaultTargets"_s)->model();
    for (int row = 0; row < targets->rowCount(); ++row)
        targets->setData(targets->index(row, 0), Qt::Unchecked, Qt::CheckStateRole);
    // None ticked: an inline error, and the last choice (windows/amd64 alone) stays.
    QVERIFY(child<QLabel>(&page, u"targetsNote"_s)->text().contains(u"Tick at least one"_s));
    QCOMPARE(AppSettings::defaultTargets(), QList<BuildTarget> { *BuildTarget::parse(u"windows/amd64") });
    targets->setData(targets->index(1, 0), Qt::Checked, Qt::CheckStateRole);
    QCOMPARE(AppSettings::defaultTargets(),
        QList<BuildTarget> { *BuildTarget::parse(targets->index(1, 0).data().toString()) });

    auto *language = child<QComboBox>(&page, u"languageCombo"_s);
    language->setCurrentIndex(language->findData(u"zh_CN"_s));
    emit language->activated(language->currentIndex());
    QCOMPARE(AppSettings::language(), u"zh_CN"_s);

    FileDialogs::setNextFileName(m_workspaceDir->filePath(u"elsewhere"_s));
    Test::click(&page, u"changeWorkspaceButton"_s);
    QTRY_COMPARE(AppSettings::workspaceDir(), m_workspaceDir->filePath(u"elsewhere"_s));
    QVERIFY(child<QLabel>(&page, u"workspaceNote"_s)->text().contains(u"next start"_s));
}

void tst_MainWindow::themeIsAppliedLive()
{
    SettingsPage page(m_workspaceDir->path());
    auto *theme = child<QComboBox>(&page, u"themeCombo"_s);
    const auto choose = [theme](AppSettings::Theme value) {
        theme->setCurrentIndex(theme->findData(int(value)));
        emit theme->activated(theme->currentIndex());
    };
    choose(AppSettings::Theme::Dark);
    QCOMPARE(AppSettings::theme(), AppSettings::Theme::Dark);
    QCOMPARE(Appearance::current(), AppSettings::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
    choose(AppSettings::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
    choose(AppSettings::Theme::System);
    QCOMPARE(AppSettings::theme(), AppSettings::Theme::System);
}

void tst_MainWindow::secondInstanceHandsItsProjectOver()
{
    const QString key = SingleInstance::keyFor(m_workspaceDir->path());
    MainWindow window(m_workspace.get());
    window.showPage(MainWindow::AboutId);
    window.showMinimized();
    {
        SingleInstance primary(key);
        QVERIFY(primary.tryBecomePrimary());
        connect(&primary, &SingleInstance::activationRequested, &window, &MainWindow::activate);

        SingleInstance second(key);
        QVERIFY(!second.tryBecomePrimary());
        QSignalSpy finished(&second, &SingleInstance::handoffFinished);
        QSignalSpy opened(window.projectsPage(), &ProjectsPage::projectOpened);
        second.handOff(Test::example(u"hello-gin"_s));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(opened.wait(120000));
        QCOMPARE(window.projectsPage()->projectName(), u"hello-gin"_s);
        QCOMPARE(window.currentPageId(), MainWindow::ProjectsId);
        QVERIFY(window.isVisible() && !window.isMinimized());
    }
    // Once the first instance is gone, the next start becomes the primary itself.
    SingleInstance next(key);
    QVERIFY(next.tryBecomePrimary());

    // Nobody listening: the handoff gives up with an answer instead of hanging.
    SingleInstance orphan(SingleInstance::keyFor(m_workspaceDir->filePath(u"other"_s)) + u"-nobody"_s);
    QSignalSpy gaveUp(&orphan, &SingleInstance::handoffFinished);
    orphan.handOff({});
    QVERIFY(gaveUp.wait(10000));
    QCOMPARE(gaveUp.first().first().toBool(), false);
}

void tst_MainWindow::instanceKeyDependsOnTheWorkspace()
{
    const QString a = SingleInstance::keyFor(u"/tmp/a"_s);
    QCOMPARE(SingleInstance::keyFor(u"/tmp/a/"_s), a);
    QVERIFY(SingleInstance::keyFor(u"/tmp/b"_s) != a);
    QVERIFY(a.startsWith(u"gantry-"_s) && a.size() < 40);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
