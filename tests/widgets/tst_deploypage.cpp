#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/store/workspace.h"
#include "core/testsupport.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/deploy/deploypage.h"
#include "widgets/deploy/deployprogressmodel.h"
#include "widgets/deploy/releaselistmodel.h"
#include "widgets/deploy/unitfiledialog.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

class tst_DeployPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void withoutProjectNothingCanStart();
    void progressModelIsSound();
    void releaseModelIsSound();
    void planAndUnitAreShownWithoutReachableHosts();
    void aFinishedBuildFolderIsDeployedAsItIs(); // after the test above built dist/1.0.0

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_tmp;
    QString m_project;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DeployPage> m_page;
};

void tst_DeployPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
    // A copy of the example, built offline into its own dist folder.
    m_project = m_tmp.filePath(u"hello-gin"_s);
    int code = -1;
    Test::run(u"cp"_s, { u"-r"_s, Test::example(u"hello-gin"_s), m_project }, &code);
    QCOMPARE(code, 0);
    const QProcessEnvironment env = Test::offlineEnvironment(m_project, m_tmp.filePath(u"stage"_s));
    qputenv("GOFLAGS", env.value(u"GOFLAGS"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", m_tmp.filePath(u"cache"_s).toUtf8());
}

void tst_DeployPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_dir->filePath(u"ws"_s));
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    QVERIFY(m_workspace->addProject({ u"hello-gin"_s, m_project, {}, {} }));
    // Nothing listens on port 1 here: every connection is refused at once.
    QVERIFY(m_workspace->addServer(
        { u"nowhere"_s, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, u"amd64"_s }));
    m_page = std::make_unique<DeployPage>(m_workspace.get());
    m_page->resize(1000, 700);
    m_page->show();
}

void tst_DeployPage::cleanup()
{
    m_page.reset();
    m_workspace.reset();
}

void tst_DeployPage::withoutProjectNothingCanStart()
{
    QVERIFY(child<QLabel>(m_page.get(), u"deployProjectLabel"_s)->text().contains(u"Projects page"_s));
    QVERIFY(!child<QPushButton>(m_page.get(), u"reviewButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), u"deployButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), u"unitButton"_s)->isEnabled());
    m_page->setProject(u"hello-gin"_s);
    QCOMPARE(child<QComboBox>(m_page.get(), u"deployProfileCombo"_s)->currentText(), u"prod"_s);
    QCOMPARE(m_page->serversModel()->checkedNames(), QStringList { u"nowhere"_s }); // the only server
    QVERIFY(child<QPushButton>(m_page.get(), u"reviewButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), u"deployButton"_s)->isEnabled()); // review first
    m_page->serversModel()->setChecked(u"nowhere"_s, false);
    QVERIFY(!child<QPushButton>(m_page.get(), u"reviewButton"_s)->isEnabled());
}

void tst_DeployPage::progressModelIsSound()
{
    DeployProgressModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHosts({ u"web1"_s, u"web2"_s });
    QCOMPARE(model.rowCount(), 2);
    model.apply({ u"web1"_s, DeployStep::Connect, StepState::Started, {}, 0, 0 });
    model.apply({ u"web1"_s, DeployStep::Connect, StepState::Done, {}, 0, 0 });
    model.apply({ u"web1"_s, DeployStep::Upload, StepState::Started, {}, 0, 0 });
    for (qint64 done = 0; done <= 1 << 20; done += 1 << 16)
        model.apply({ u"web1"_s, DeployStep::Upload, StepState::Info, {}, done, 1 << 20 });
    model.apply({ u"web2"_s, DeployStep::Connect, StepState::Failed, u"refused"_s, 0, 0 });
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    const QModelIndex upload = model.index(1, DeployProgressModel::DetailColumn, model.index(0, 0));
    QVERIFY2(
        upload.data().toString().contains(u"1.00 MiB of 1.00 MiB"_s), qPrintable(upload.data().toString()));
    QVERIFY(upload.data().toString().contains(u"/s"_s));
    QCOMPARE(model.stepState(u"web1"_s, DeployStep::Upload), std::optional(StepState::Started));
    QCOMPARE(model.stepState(u"web1"_s, DeployStep::Connect), std::optional(StepState::Done));
    QCOMPARE(model.stepState(u"web1"_s, DeployStep::Health), std::nullopt);
    HostOutcome failed;
    failed.host = u"web2"_s;
    failed.error.message = u"Connection refused."_s;
    model.finish(failed);
    QCOMPARE(model.hostState(u"web2"_s), DeployProgressModel::HostState::Failed);
    QCOMPARE(model.index(1, DeployProgressModel::DetailColumn).data().toString(), u"Connection refused."_s);
    model.setHosts({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_DeployPage::releaseModelIsSound()
{
    ReleaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ReleaseInfo current { 3, u"1.2.0"_s, u"2026-01-02T03:04:05Z"_s, u"ab"_s, ReleaseStatus::Good, true, true,
        false };
    ReleaseInfo good { 2, u"1.1.0"_s, u"2026-01-01T03:04:05Z"_s, u"cd"_s, ReleaseStatus::Good, false, true,
        false };
    ReleaseInfo bad { 1, u"1.0.0"_s, {}, {}, ReleaseStatus::Bad, false, true, false };
    model.setReleases({ current, good, bad });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ReleaseListModel::StatusColumn).data().toString(), u"current"_s);
    QCOMPARE(model.index(2, ReleaseListModel::StatusColumn).data().toString(), u"rolled back from"_s);
    QVERIFY(!ReleaseListModel::canRollBackTo(current));
    QVERIFY(ReleaseListModel::canRollBackTo(good));
    QVERIFY(!ReleaseListModel::canRollBackTo(bad));
    QCOMPARE(model.rowOf(2), 1);
}

void tst_DeployPage::planAndUnitAreShownWithoutReachableHosts()
{
    m_page->setProject(u"hello-gin"_s);
    child<QLineEdit>(m_page.get(), u"deployVersionEdit"_s)->setText(u"1.0.0"_s);
    QSignalSpy planned(m_page.get(), &DeployPage::planReady);
    Test::click(m_page.get(), u"reviewButton"_s);
    QCOMPARE(m_page->busy(), DeployPage::Busy::Building);
    QVERIFY(!child<QPushButton>(m_page.get(), u"reviewButton"_s)->isEnabled());
    QVERIFY(planned.wait(600000));
    QCOMPARE(planned.first().first().toBool(), false); // the env file could not be read
    const QString plan = m_page->planText();
    QVERIFY2(
        plan.contains(
            u"== nowhere (deploy@127.0.0.1:1): hello-gin 1.0.0 to /opt/gantry/hello-gin, profile prod =="_s),
        qPrintable(plan));
    QVERIFY(plan.contains(u"gantry-hello-gin.service"_s));
    QVERIFY(plan.contains(u"/healthz"_s));
    QVERIFY2(plan.contains(u"Could not read the env file on nowhere: "_s), qPrintable(plan));
    QVERIFY(m_page->status()->isError());
    QVERIFY(child<QPushButton>(m_page.get(), u"deployButton"_s)->isEnabled());

    Test::click(m_page.get(), u"unitButton"_s);
    auto *dialog = m_page->findChild<UnitFileDialog *>(u"unitDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(u"/etc/systemd/system/gantry-hello-gin.service"_s));
    QVERIFY(dialog->text().contains(u"NoNewPrivileges=yes"_s));
    QVERIFY(dialog->text().contains(u"User=hello-gin"_s));
    dialog->reject();

    // Another profile is another plan.
    auto *profile = child<QComboBox>(m_page.get(), u"deployProfileCombo"_s);
    profile->setCurrentIndex(profile->findText(u"test"_s));
    QVERIFY(!m_page->hasPlan());
    QVERIFY(!child<QPushButton>(m_page.get(), u"deployButton"_s)->isEnabled());
    QVERIFY(m_page->planText().isEmpty());
}

void tst_DeployPage::aFinishedBuildFolderIsDeployedAsItIs()
{
    const QString built = QDir(m_project).filePath(u"dist/1.0.0"_s);
    QVERIFY(QFileInfo::exists(built + u"/manifest.json"_s));
    m_page->setProject(u"hello-gin"_s);
    auto *output = child<QComboBox>(m_page.get(), u"deployOutputCombo"_s);
    auto *label = child<QLabel>(m_page.get(), u"deployOutputLabel"_s);
    // The project's recent builds are offered, read off the GUI thread.
    QTRY_VERIFY(output->findData(built) > 0);
    QCOMPARE(output->currentIndex(), 0); // build now, until the user picks a build

    // A folder without a build, through the Browse… dialog.
    QSignalSpy checked(m_page.get(), &DeployPage::outputChecked);
    FileDialogs::setNextFileName(m_tmp.path());
    Test::click(m_page.get(), u"deployOutputBrowseButton"_s);
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.takeFirst().first().toBool(), false);
    QVERIFY2(label->text().contains(u"manifest.json is missing"_s), qPrintable(label->text()));

    output->setCurrentIndex(output->findData(built));
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.takeFirst().first().toBool(), true);
    QCOMPARE(label->text(), u"Version 1.0.0 for linux/amd64."_s);
    QVERIFY(!child<QLineEdit>(m_page.get(), u"deployVersionEdit"_s)->isEnabled()); // the build names it

    // Reviewed without building: the plan is of that build.
    QSignalSpy planned(m_page.get(), &DeployPage::planReady);
    Test::click(m_page.get(), u"reviewButton"_s);
    QVERIFY(planned.wait(60000));
    QVERIFY2(m_page->planText().contains(u"hello-gin 1.0.0 to /opt/gantry/hello-gin"_s),
        qPrintable(m_page->planText()));

    // A server of another architecture is refused with what to do.
    ServerRecord arm = *m_workspace->server(u"nowhere"_s);
    arm.arch = u"arm64"_s;
    QVERIFY(m_workspace->updateServer(arm));
    m_page->reloadServers();
    Test::click(m_page.get(), u"reviewButton"_s);
    QTRY_COMPARE(m_page->busy(), DeployPage::Busy::Idle);
    QVERIFY(m_page->status()->isError());
    QCOMPARE(m_page->status()->text(),
        u"The build in %1 has no linux/arm64 artifact for nowhere. Build linux/arm64 or pick another build."_s
            .arg(QDir::toNativeSeparators(built)));
    QVERIFY(!m_page->hasPlan());
}

QTEST_MAIN(tst_DeployPage)
#include "tst_deploypage.moc"
