// End to end through the GUI on a real systemd host; run by test_gui_deploy.sh, which boots the
// host and passes it in GANTRY_GUI_* variables, inside tests/support/with-keyring.sh.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include "core/build/buildmanifest.h"
#include "core/remote/hosttask.h"
#include "core/secret/secretstore.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/mainwindow.h"
#include "widgets/common/messageboxes.h"
#include "widgets/deploy/deploypage.h"
#include "widgets/deploy/deployprogressmodel.h"
#include "widgets/deploy/releaselistmodel.h"
#include "widgets/deploy/releasespanel.h"
#include "widgets/deploy/unitfiledialog.h"
#include "widgets/health/healthpage.h"
#include "widgets/health/servicestatusmodel.h"
#include "widgets/logs/logfilterproxymodel.h"
#include "widgets/logs/logmodel.h"
#include "widgets/logs/logspage.h"
#include "widgets/profiles/envdiffmodel.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/profiles/servercomparepanel.h"
#include "widgets/profiles/variablespanel.h"
#include "widgets/projects/projectspage.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/serverdialog.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgets/servers/serverspage.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

namespace {

QString env(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set; run through test_gui_deploy.sh", name);
    return value;
}

// How late a 20 ms timer on the GUI thread fires, at worst.
class StallMeter {
public:
    StallMeter()
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 late = now - m_last - 20;
            if (late > 50) // where it happened, between the app's own log lines
                qInfo("GUI timer %lld ms late in %s", late, QTest::currentTestFunction());
            m_worst = std::max(m_worst, late);
            m_last = now;
        });
        m_clock.start();
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.start(20);
    }
    qint64 worst() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace

class tst_GuiDeploy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void addTheServerTrustingItsKey();
    void compareBeforeAnyDeploy();
    void deployAndSeeItHealthy();
    void compareAProfileWithTheServer();
    void deployAgainAndRollBack();
    void healthPageShowsItAndActsOnIt();
    void openLogsStreamsItsLines();
    void deployAFinishedBuildFolder();
    void guiThreadNeverStalled();
    void cleanupTestCase();

private:
    void setProdVariable(const QString &name, const QString &value, bool secret);
    void compareWithGui1();
    QString diffCell(const QString &name, int column) const;
    QByteArray serverSha256(const QString &path); // as root over SSH, off the GUI thread
    void deployVersion(const QString &version);
    void reviewAndDeploy(const QString &version);
    void waitForStatus(const QString &version);
    int healthRow() const; // hello-gin on gui1 in the Health page's model; -1 when not there
    QString healthCell(int column) const;
    void runHealthAction(const char *button, bool confirm);
    int logRowsWith(const QString &text) const; // shown by the Logs page

    QTemporaryDir m_settingsDir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<StallMeter> m_stall;
    QString m_fingerprint;
};

void tst_GuiDeploy::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
    auto workspace = Workspace::open(env("GANTRY_GUI_WORK") + u"/ws"_s);
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    m_fingerprint = env("GANTRY_GUI_HOST_FP");
    // The deploy user's sudo password is remembered in the (private, real) keychain, as
    // "Remember in the keychain" would have left it.
    auto saved =
        SecretStore::write(GuiPrompter::serverKeychainKey(m_workspace->id(), u"gui1"_s), u"gantry-test-pw"_s);
    QVERIFY(QTest::qWaitFor([&] { return saved.isFinished(); }, 20000));
    QVERIFY2(saved.result(), qPrintable(saved.result() ? QString() : saved.result().error().toString()));
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_stall = std::make_unique<StallMeter>();
    m_window->openProject(env("GANTRY_GUI_PROJECT"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->projectsPage()->projectName(), u"hello-gin"_s, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->deployPage()->project(), u"hello-gin"_s, 10000);
}

void tst_GuiDeploy::addTheServerTrustingItsKey()
{
    m_window->showPage(MainWindow::ServersId);
    ServersPage *page = m_window->serversPage();
    QSignalSpy tested(page, &ServersPage::connectionTested);
    Test::click(page, u"addServerButton"_s);
    auto *dialog = page->findChild<ServerDialog *>(u"serverDialog"_s);
    QVERIFY(dialog);
    child<QLineEdit>(dialog, u"serverNameEdit"_s)->setText(u"gui1"_s);
    child<QLineEdit>(dialog, u"serverAddressEdit"_s)->setText(env("GANTRY_GUI_HOST_IP"));
    child<QLineEdit>(dialog, u"serverUserEdit"_s)->setText(u"deploypw"_s);
    auto *auth = child<QComboBox>(dialog, u"serverAuthCombo"_s);
    auth->setCurrentIndex(auth->findData(int(AuthKind::Key)));
    child<QLineEdit>(dialog, u"serverKeyEdit"_s)->setText(env("GANTRY_GUI_HOST_KEY"));
    QVERIFY(child<QCheckBox>(dialog, u"connectCheck"_s)->isChecked());
    MessageBoxes::setNextAnswer(true); // "Trust" in the new host key question
    dialog->accept();
    QVERIFY(tested.wait(60000));
    QVERIFY2(tested.first().at(1).toBool(), qPrintable(page->status()->text()));
    QVERIFY2(MessageBoxes::lastQuestion().contains(m_fingerprint), qPrintable(MessageBoxes::lastQuestion()));
    QVERIFY(MessageBoxes::lastQuestion().contains(u"A host key proves"_s));
    QCOMPARE(m_workspace->server(u"gui1"_s)->hostKeyFingerprint, m_fingerprint);
    QCOMPARE(m_workspace->server(u"gui1"_s)->arch, u"amd64"_s);
    QVERIFY(child<QLabel>(page, u"archValue"_s)->text().contains(u"amd64"_s));
    QCOMPARE(child<QLabel>(page, u"systemdValue"_s)->text(), u"systemd"_s);
    QCOMPARE(child<QLabel>(page, u"sudoValue"_s)->text(), u"sudo with a password"_s);
    QVERIFY(child<QLabel>(page, u"osValue"_s)->text().contains(u"Debian"_s));
    QVERIFY(child<QLabel>(page, u"diskValue"_s)->text().contains(u"free"_s));
}

void tst_GuiDeploy::setProdVariable(const QString &name, const QString &value, bool secret)
{
    m_window->showPage(MainWindow::ProfilesId);
    ProfilesPage *page = m_window->profilesPage();
    page->selectProfile(u"prod"_s);
    auto *tabs = child<QTabWidget>(page, QString()); // the page's only tab widget
    tabs->setCurrentWidget(page->variablesPanel());
    Test::click(page, u"newVariableButton"_s);
    child<QLineEdit>(page, u"variableNameEdit"_s)->setText(name);
    child<QLineEdit>(page, u"variableValueEdit"_s)->setText(value);
    child<QCheckBox>(page, u"variableSecretCheck"_s)->setChecked(secret);
    Test::click(page, u"saveVariableButton"_s);
    auto *status = child<QLabel>(page, u"variablesStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Saved "_s), 20000); // secrets: after the keychain
}

void tst_GuiDeploy::compareWithGui1()
{
    ProfilesPage *page = m_window->profilesPage();
    page->showCompareTab();
    ServerComparePanel *panel = page->comparePanel();
    panel->selectServer(u"gui1"_s);
    QSignalSpy finished(panel, &ServerComparePanel::finished);
    Test::click(panel, u"compareButton"_s);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(panel->status()->text()));
}

QString tst_GuiDeploy::diffCell(const QString &name, int column) const
{
    const EnvDiffModel *model = m_window->profilesPage()->comparePanel()->model();
    const int row = model->rowOf(name);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

void tst_GuiDeploy::compareBeforeAnyDeploy()
{
    setProdVariable(u"GREETING"_s, u"hello"_s, false);
    setProdVariable(u"API_TOKEN"_s, u"t0ps3cret-gui"_s, true);
    compareWithGui1();
    ServerComparePanel *panel = m_window->profilesPage()->comparePanel();
    QCOMPARE(
        panel->status()->text(), u"Nothing is deployed to gui1 yet; the whole profile would be added."_s);
    QCOMPARE(panel->model()->rowCount(), 2);
    QCOMPARE(diffCell(u"GREETING"_s, EnvDiffModel::ChangeColumn), u"added"_s);
    QCOMPARE(diffCell(u"GREETING"_s, EnvDiffModel::ProfileColumn), u"hello"_s);
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ChangeColumn), u"added"_s);
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ProfileColumn), EnvDiff::mask());
}

void tst_GuiDeploy::compareAProfileWithTheServer()
{
    compareWithGui1();
    ServerComparePanel *panel = m_window->profilesPage()->comparePanel();
    const QString status = panel->status()->text();
    QVERIFY2(status.startsWith(u"Read /opt/gantry/hello-gin/shared/hello-gin.env on gui1 at "_s) &&
            status.endsWith(u": nothing would change (2 unchanged)."_s),
        qPrintable(status));
    EnvDiffModel *model = panel->model();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, EnvDiffModel::ChangeColumn).data().toString(), u"unchanged"_s);
    // The secret is masked on both sides until revealed, on the user's click.
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ServerColumn), EnvDiff::mask());
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ProfileColumn), EnvDiff::mask());
    auto *view = child<QTableView>(panel, u"envDiffView"_s);
    const QModelIndex reveal = model->index(model->rowOf(u"API_TOKEN"_s), EnvDiffModel::RevealColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(reveal).center());
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ServerColumn), u"t0ps3cret-gui"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(reveal).center());
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ServerColumn), EnvDiff::mask());

    // One variable changed in the profile: one changed row, the rest unchanged.
    setProdVariable(u"GREETING"_s, u"hi"_s, false);
    compareWithGui1();
    QVERIFY2(panel->status()->text().endsWith(u": 1 changed."_s), qPrintable(panel->status()->text()));
    QCOMPARE(diffCell(u"GREETING"_s, EnvDiffModel::ChangeColumn), u"changed"_s);
    QCOMPARE(diffCell(u"GREETING"_s, EnvDiffModel::ServerColumn), u"hello"_s);
    QCOMPARE(diffCell(u"GREETING"_s, EnvDiffModel::ProfileColumn), u"hi"_s);
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ChangeColumn), u"unchanged"_s);
    QCOMPARE(diffCell(u"API_TOKEN"_s, EnvDiffModel::ProfileColumn), EnvDiff::mask());
}

void tst_GuiDeploy::deployVersion(const QString &version)
{
    m_window->showPage(MainWindow::DeployId);
    DeployPage *page = m_window->deployPage();
    page->chooseOutput({}); // build now
    child<QLineEdit>(page, u"deployVersionEdit"_s)->setText(version);
    reviewAndDeploy(version);
}

void tst_GuiDeploy::reviewAndDeploy(const QString &version)
{
    DeployPage *page = m_window->deployPage();
    QCOMPARE(page->serversModel()->checkedNames(), QStringList { u"gui1"_s });
    QCOMPARE(child<QComboBox>(page, u"deployProfileCombo"_s)->currentText(), u"prod"_s);
    QSignalSpy planned(page, &DeployPage::planReady);
    Test::click(page, u"reviewButton"_s);
    QVERIFY(planned.wait(600000));
    QVERIFY2(planned.first().first().toBool(), qPrintable(page->planText()));
    QVERIFY2(page->planText().contains(u"== gui1 (deploypw@"_s), qPrintable(page->planText()));
    QVERIFY(page->planText().contains(u"hello-gin "_s + version));

    Test::click(page, u"unitButton"_s);
    auto *unit = page->findChild<UnitFileDialog *>(u"unitDialog"_s);
    QVERIFY(unit);
    QVERIFY(unit->text().contains(u"EnvironmentFile=/opt/gantry/hello-gin/shared/hello-gin.env"_s));
    unit->close();

    QSignalSpy finished(page, &DeployPage::deployFinished);
    QSignalSpy refreshed(page->releasesPanel(), &ReleasesPanel::refreshed);
    Test::click(page, u"deployButton"_s);
    QCOMPARE(page->busy(), DeployPage::Busy::Deploying);
    QVERIFY(finished.wait(600000));
    QVERIFY2(finished.first().first().toBool(),
        qPrintable(page->status()->text() + u'\n' + page->status()->details()));
    QCOMPARE(page->progressModel()->hostState(u"gui1"_s), DeployProgressModel::HostState::Succeeded);
    QCOMPARE(page->progressModel()->stepState(u"gui1"_s, DeployStep::Health), std::optional(StepState::Done));
    QVERIFY(page->status()->text().contains(version));
    QVERIFY(refreshed.wait(60000) || !refreshed.isEmpty());
}

void tst_GuiDeploy::waitForStatus(const QString &version)
{
    ReleasesPanel *panel = m_window->deployPage()->releasesPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 60000);
    const QString status = panel->statusText();
    QVERIFY2(status.contains(u"active (running)"_s), qPrintable(status));
    QVERIFY2(status.contains(u"version "_s + version), qPrintable(status));
    QVERIFY2(status.contains(u"HTTP 200"_s), qPrintable(status));
}

void tst_GuiDeploy::deployAndSeeItHealthy()
{
    deployVersion(u"1.0.0"_s);
    waitForStatus(u"1.0.0"_s);
}

void tst_GuiDeploy::deployAgainAndRollBack()
{
    deployVersion(u"2.0.0"_s);
    waitForStatus(u"2.0.0"_s);
    ReleasesPanel *panel = m_window->deployPage()->releasesPanel();
    QCOMPARE(panel->model()->rowCount(), 2);
    panel->selectRelease(1);
    QSignalSpy rolledBack(panel, &ReleasesPanel::rolledBack);
    QSignalSpy refreshed(panel, &ReleasesPanel::refreshed);
    MessageBoxes::setNextAnswer(true);
    Test::click(panel, u"rollbackButton"_s);
    QVERIFY(rolledBack.wait(120000));
    QVERIFY2(rolledBack.first().first().toBool(), qPrintable(panel->statusText()));
    QVERIFY2(MessageBoxes::lastQuestion().contains(u"release 1, version 1.0.0"_s),
        qPrintable(MessageBoxes::lastQuestion()));
    QVERIFY(refreshed.wait(60000));
    waitForStatus(u"1.0.0"_s);
    const auto history = m_workspace->deployments(u"hello-gin"_s);
    QVERIFY(history);
    QCOMPARE(history->size(), 3);
    QCOMPARE(history->at(0).result, u"rollback"_s);
    QCOMPARE(history->at(1).version, u"2.0.0"_s);
    QCOMPARE(history->at(1).result, u"success"_s);
}

int tst_GuiDeploy::healthRow() const
{
    const ServiceStatusModel *model = m_window->healthPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ServiceStatusModel::ServerRole) == u"gui1"_s &&
            index.data(ServiceStatusModel::AppRole) == u"hello-gin"_s)
            return row;
    }
    return -1;
}

QString tst_GuiDeploy::healthCell(int column) const
{
    const int row = healthRow();
    const ServiceStatusModel *model = m_window->healthPage()->model();
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

void tst_GuiDeploy::runHealthAction(const char *button, bool confirm)
{
    HealthPage *page = m_window->healthPage();
    page->selectRow(healthRow());
    QSignalSpy done(page, &HealthPage::actionFinished);
    if (confirm)
        MessageBoxes::setNextAnswer(true);
    Test::click(page, QString::fromLatin1(button));
    QVERIFY(done.wait(60000));
    QVERIFY2(done.first().first().toBool(), qPrintable(page->statusText()));
}

void tst_GuiDeploy::healthPageShowsItAndActsOnIt()
{
    m_window->showPage(u"health"_s);
    HealthPage *page = m_window->healthPage();
    const auto state = [this] {
        const int row = healthRow();
        return row < 0
            ? QString()
            : m_window->healthPage()->model()->index(row, 0).data(ServiceStatusModel::StateRole).toString();
    };
    // The monitor started when the server was added: the rolled-back release, active and healthy.
    QTRY_COMPARE_WITH_TIMEOUT(state(), u"active"_s, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(healthCell(ServiceStatusModel::VersionColumn), u"1.0.0"_s, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(healthCell(ServiceStatusModel::HealthColumn).startsWith(u"200 · "_s), 30000);
    QVERIFY2(page->hostSummary().contains(u"gui1"_s) && page->hostSummary().contains(u"online"_s),
        qPrintable(page->hostSummary()));
    QVERIFY2(page->hostSummary().contains(u"journal"_s), qPrintable(page->hostSummary()));

    runHealthAction("stopServiceButton", true);
    QVERIFY2(MessageBoxes::lastQuestion().contains(u"Stop hello-gin on gui1?"_s),
        qPrintable(MessageBoxes::lastQuestion()));
    QTRY_COMPARE_WITH_TIMEOUT(state(), u"inactive"_s, 15000);
    QCOMPARE(healthCell(ServiceStatusModel::StateColumn), ServiceStatusModel::stateText(u"inactive"_s));

    runHealthAction("startServiceButton", false); // starting interrupts nothing: no question
    QTRY_COMPARE_WITH_TIMEOUT(state(), u"active"_s, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(healthCell(ServiceStatusModel::HealthColumn).startsWith(u"200 · "_s), 15000);
}

int tst_GuiDeploy::logRowsWith(const QString &text) const
{
    const LogFilterProxyModel *proxy = m_window->logsPage()->proxy();
    int found = 0;
    for (int row = 0; row < proxy->rowCount(); ++row)
        if (proxy->index(row, LogModel::MessageColumn).data().toString().contains(text) &&
            proxy->index(row, LogModel::ServerColumn).data().toString() == u"gui1"_s)
            ++found;
    return found;
}

void tst_GuiDeploy::openLogsStreamsItsLines()
{
    HealthPage *health = m_window->healthPage();
    health->selectRow(healthRow());
    Test::click(health, u"openLogsButton"_s);
    LogsPage *logs = m_window->logsPage();
    QVERIFY(logs->isVisible());
    QCOMPARE(logs->project(), u"hello-gin"_s);
    QTRY_COMPARE_WITH_TIMEOUT(logs->streamState(u"gui1"_s), LogsPage::StreamState::Streaming, 30000);
    auto *level = child<QComboBox>(logs, u"logsLevelCombo"_s);
    level->setCurrentIndex(level->findData(int(LogLevel::Unknown))); // Gin's request lines are info
    // The journal from before: systemd stopping the service on the Health page's word.
    QTRY_VERIFY_WITH_TIMEOUT(logRowsWith(u"Stopped"_s) > 0, 15000);
    // And new lines as they are written: the monitor's health probes every 5 s, logged by Gin.
    QTRY_VERIFY_WITH_TIMEOUT(logRowsWith(u"/healthz"_s) > 0, 15000);
    const int probes = logRowsWith(u"/healthz"_s);
    QTRY_VERIFY_WITH_TIMEOUT(logRowsWith(u"/healthz"_s) > probes, 15000);
    logs->stop();
    QVERIFY(!logs->isStreaming());
}

QByteArray tst_GuiDeploy::serverSha256(const QString &path)
{
    HostConnection root;
    root.server = { u"gui1-root"_s, env("GANTRY_GUI_HOST_IP"), 22, u"root"_s, AuthKind::Key,
        env("GANTRY_GUI_HOST_KEY"), {}, {}, {}, u"amd64"_s };
    root.knownHostsFile = m_workspace->knownHostsFile();
    root.policy.trustFingerprint = m_fingerprint;
    const std::function<Result<QByteArray>(RemoteHost &)> body = [path](
                                                                     RemoteHost &host) -> Result<QByteArray> {
        auto sum = host.run(u"sha256sum "_s + path, false, false);
        if (!sum)
            return std::unexpected(sum.error());
        return sum->stdOut.left(64);
    };
    auto future = runOnHost<QByteArray>(root, body);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 60000))
        return {};
    const Result<QByteArray> sum = future.result();
    if (!sum)
        qWarning("sha256sum on the server: %s", qPrintable(sum.error().toString()));
    return sum.value_or(QByteArray());
}

void tst_GuiDeploy::deployAFinishedBuildFolder()
{
    // The build of 2.0.0 made for the deploy above, chosen from the project's recent builds.
    const QString built = QDir(env("GANTRY_GUI_PROJECT")).filePath(u"dist/2.0.0"_s);
    auto manifest = BuildManifest::load(built + u"/manifest.json"_s);
    QVERIFY(manifest);
    const BuildArtifact *binary = manifest->find(u"binary"_s, u"linux/amd64"_s, u"."_s);
    QVERIFY(binary);
    m_window->showPage(MainWindow::DeployId);
    DeployPage *page = m_window->deployPage();
    auto *output = child<QComboBox>(page, u"deployOutputCombo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(output->findData(built) > 0, 10000);
    QSignalSpy checked(page, &DeployPage::outputChecked);
    output->setCurrentIndex(output->findData(built));
    QVERIFY(checked.wait(30000));
    QVERIFY(checked.first().first().toBool());
    QCOMPARE(child<QLabel>(page, u"deployOutputLabel"_s)->text(), u"Version 2.0.0 for linux/amd64."_s);
    const qint64 before = QFileInfo(built + u"/manifest.json"_s).lastModified().toMSecsSinceEpoch();

    reviewAndDeploy(u"2.0.0"_s);
    waitForStatus(u"2.0.0"_s);
    QCOMPARE(
        QFileInfo(built + u"/manifest.json"_s).lastModified().toMSecsSinceEpoch(), before); // not rebuilt
    QCOMPARE(serverSha256(u"/opt/gantry/hello-gin/current/"_s + binary->name), binary->sha256.toLatin1());
    page->chooseOutput({});
}

void tst_GuiDeploy::guiThreadNeverStalled()
{
    const qint64 worst = m_stall->worst();
    qInfo(
        "max GUI stall: %lld ms late (a 20 ms timer on the GUI thread, through build, deploys and rollback)",
        worst);
    QVERIFY2(
        worst <= 100, qPrintable(u"the GUI thread stalled: a 20 ms timer fired %1 ms late"_s.arg(worst)));
}

void tst_GuiDeploy::cleanupTestCase()
{
    m_stall.reset();
    m_window.reset();
    m_workspace.reset();
}

QTEST_MAIN(tst_GuiDeploy)
#include "tst_guideploy.moc"
