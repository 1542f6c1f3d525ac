#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/monitor/monitorhub.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/messageboxes.h"
#include "widgets/health/eventlistmodel.h"
#include "widgets/health/healthpage.h"
#include "widgets/health/servicedetaildialog.h"
#include "widgets/health/servicestatusmodel.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

namespace {

UnitSnapshot shop(const QString &state)
{
    UnitSnapshot u;
    u.project = u"shop"_s;
    u.app = u"shop"_s;
    u.unit = u"gantry-shop.service"_s;
    u.loadState = u"loaded"_s;
    u.activeState = state;
    u.subState = u"running"_s;
    u.release = 2;
    u.version = u"1.1.0"_s;
    u.uptimeMSec = 60000;
    u.healthProbed = state == u"active"_s;
    u.healthStatus = u.healthProbed ? 200 : 0;
    u.healthLatencyMs = u.healthProbed ? 7 : -1;
    return u;
}

HostSnapshot online(const QString &server, const QList<UnitSnapshot> &units)
{
    HostSnapshot s;
    s.server = server;
    s.state = HostState::Online;
    s.time = QDateTime::currentDateTimeUtc();
    s.units = units;
    return s;
}

} // namespace

class tst_HealthPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void snapshotsFillTheTableAndTheHostStrip();
    void alertsShowInTheEventsList();
    void noToTheConfirmationRunsNothing();
    void yesRunsTheActionAndReportsItsResult();
    void openLogsNamesProjectAndServer();
    void detailsShowTheSamples();

private:
    void feed(const HostSnapshot &snapshot) { m_page->hub()->accept(snapshot); }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<HealthPage> m_page;
};

void tst_HealthPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

void tst_HealthPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_dir->path());
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    // Nothing listens on port 1 here: every connection is refused at once.
    QVERIFY(m_workspace->addServer(
        { u"web1"_s, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, u"amd64"_s }));
    QVERIFY(m_workspace->addProject({ u"shop"_s, u"/src/shop"_s, {}, {} }));
    m_page = std::make_unique<HealthPage>(m_workspace.get());
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_HealthPage::cleanup()
{
    m_page.reset();
    m_workspace.reset();
    m_dir.reset();
}

void tst_HealthPage::snapshotsFillTheTableAndTheHostStrip()
{
    QAbstractItemModelTester tester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_page->hostSummary().contains(u"Servers page"_s));
    HostSnapshot web1 = online(u"web1"_s, { shop(u"active"_s) });
    web1.journalBytes = qint64(3) << 30;
    web1.journalFsUsePercent = 93;
    web1.journalWarning = true;
    feed(web1);
    HostSnapshot db1;
    db1.server = u"db1"_s;
    db1.state = HostState::Unreachable;
    db1.problem.message = u"The connection to 10.1.1.1:22 timed out."_s;
    feed(db1);
    auto *model = m_page->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->data(model->index(0, ServiceStatusModel::StateColumn)).toString(), u"unreachable"_s);
    QCOMPARE(model->data(model->index(1, ServiceStatusModel::StateColumn)).toString(), u"active"_s);
    const QString strip = m_page->hostSummary();
    QVERIFY2(strip.contains(u"The connection to 10.1.1.1:22 timed out."_s), qPrintable(strip));
    QVERIFY2(strip.contains(u"journalctl --vacuum-size"_s), qPrintable(strip));
    QVERIFY2(strip.contains(u"93%"_s), qPrintable(strip));
    // Actions follow the selection: nothing on an unreachable row; a running service can stop.
    m_page->selectRow(0);
    QVERIFY(!child<QPushButton>(m_page.get(), u"stopServiceButton"_s)->isEnabled());
    m_page->selectRow(1);
    QVERIFY(child<QPushButton>(m_page.get(), u"stopServiceButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), u"startServiceButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(m_page.get(), u"rollBackServiceButton"_s)->isEnabled());
    QTest::qWait(50); // the sparkline delegate paints
}

void tst_HealthPage::alertsShowInTheEventsList()
{
    QAbstractItemModelTester tester(
        m_page->eventModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    feed(online(u"web1"_s, { shop(u"active"_s) }));
    QCOMPARE(m_page->eventModel()->rowCount(), 0);
    feed(online(u"web1"_s, { shop(u"failed"_s) }));
    feed(online(u"web1"_s, { shop(u"failed"_s) })); // once per transition
    QCOMPARE(m_page->eventModel()->rowCount(), 1);
    const EventRecord alert = m_page->eventModel()->event(0);
    QCOMPARE(alert.kind, u"failed"_s);
    QCOMPARE(
        m_page->eventModel()->data(m_page->eventModel()->index(0, EventListModel::MessageColumn)).toString(),
        alert.message);
    feed(online(u"web1"_s, { shop(u"active"_s) }));
    QCOMPARE(m_page->eventModel()->rowCount(), 2);
    QVERIFY(m_page->eventModel()->event(0).recovery); // newest first
    // A new page reads them back from the workspace.
    HealthPage again(m_workspace.get());
    QCOMPARE(again.eventModel()->rowCount(), 2);
    QCOMPARE(again.eventModel()->event(1).kind, u"failed"_s);
}

void tst_HealthPage::noToTheConfirmationRunsNothing()
{
    feed(online(u"web1"_s, { shop(u"active"_s) }));
    m_page->selectRow(0);
    QSignalSpy finished(m_page.get(), &HealthPage::actionFinished);
    MessageBoxes::setNextAnswer(false);
    Test::click(m_page.get(), u"stopServiceButton"_s);
    QTest::qWait(200);
    QVERIFY2(MessageBoxes::lastQuestion().contains(u"Stop shop on web1?"_s),
        qPrintable(MessageBoxes::lastQuestion()));
    QVERIFY(!m_page->isBusy());
    QVERIFY(m_page->statusText().isEmpty());
    MessageBoxes::setNextAnswer(false);
    Test::click(m_page.get(), u"restartServiceButton"_s);
    QTest::qWait(200);
    QVERIFY(MessageBoxes::lastQuestion().contains(u"Restart shop on web1?"_s));
    QVERIFY(!m_page->isBusy());
    QTest::qWait(500);
    QCOMPARE(finished.size(), 0);
}

void tst_HealthPage::yesRunsTheActionAndReportsItsResult()
{
    feed(online(u"web1"_s, { shop(u"active"_s) }));
    m_page->selectRow(0);
    QSignalSpy finished(m_page.get(), &HealthPage::actionFinished);
    MessageBoxes::setNextAnswer(true);
    Test::click(m_page.get(), u"restartServiceButton"_s);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false); // web1 refuses the connection
    QVERIFY(!m_page->isBusy());
    QVERIFY(!m_page->statusText().isEmpty());
    QVERIFY(child<ErrorPanel>(m_page.get(), u"healthStatus"_s));
}

void tst_HealthPage::openLogsNamesProjectAndServer()
{
    feed(online(u"web1"_s, { shop(u"active"_s) }));
    m_page->selectRow(0);
    QSignalSpy logs(m_page.get(), &HealthPage::logsRequested);
    Test::click(m_page.get(), u"openLogsButton"_s);
    QCOMPARE(logs.size(), 1);
    QCOMPARE(logs.first().at(0).toString(), u"shop"_s);
    QCOMPARE(logs.first().at(1).toString(), u"web1"_s);
}

void tst_HealthPage::detailsShowTheSamples()
{
    for (int i = 0; i < 3; ++i)
        feed(online(u"web1"_s, { shop(u"active"_s) }));
    HealthSample stored { u"web1"_s, u"gantry-shop.service"_s, QDateTime::currentDateTimeUtc().addSecs(-600),
        u"active"_s, 1.0, 1 << 20, 0, 9 };
    QVERIFY(m_workspace->addHealthSamples({ stored }));
    m_page->selectRow(0);
    Test::click(m_page.get(), u"detailsButton"_s);
    auto *dialog = m_page->findChild<ServiceDetailDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->liveSampleCount(), 3);
    QCOMPARE(dialog->storedSampleCount(), 1);
    QVERIFY(child<QLabel>(dialog, u"detailSummary"_s)->text().contains(u"keeps samples"_s));
    dialog->close();
}

QTEST_MAIN(tst_HealthPage)
#include "tst_healthpage.moc"
