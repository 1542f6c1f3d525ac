#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/logs/logfilterproxymodel.h"
#include "widgets/logs/logmodel.h"
#include "widgets/logs/logspage.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

namespace {

const qint64 Now = QDateTime::currentMSecsSinceEpoch() * 1000;

LogLine line(const QString &server, qint64 usec, LogLevel level, const QString &message)
{
    LogLine l;
    l.server = server;
    l.unit = u"gantry-shop.service"_s;
    l.level = level;
    l.entry.message = message;
    l.entry.realtimeUSec = usec;
    return l;
}

QList<LogLine> manyLines(int count, qint64 from)
{
    QList<LogLine> lines;
    for (int i = 0; i < count; ++i)
        lines << line(i % 2 ? u"web2"_s : u"web1"_s, from + i * 1000, LogLevel::Warning, u"line %1"_s.arg(i));
    return lines;
}

} // namespace

class tst_LogsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startNeedsAProjectAndServers();
    void linesArriveInBatches();
    void levelSearchAndTimeFilter();
    void timeWindowMovesWithoutNewLines();
    void invalidRegexIsShown();
    void followsOnlyAtTheBottomAndPauseHoldsStill();
    void exportsTheShownLines();
    void aFailedStreamSaysWhyAndHowToFix();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<LogsPage> m_page;
};

void tst_LogsPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

void tst_LogsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_dir->filePath(u"ws"_s));
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    QVERIFY(QDir(m_dir->path()).mkdir(u"Shop"_s));
    QVERIFY(m_workspace->addProject({ u"shop"_s, m_dir->filePath(u"Shop"_s), {}, {} }));
    // Nothing listens on port 1 here: every connection is refused at once.
    for (const QString &name : { u"web1"_s, u"web2"_s })
        QVERIFY(m_workspace->addServer(
            { name, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, u"amd64"_s }));
    m_page = std::make_unique<LogsPage>(m_workspace.get());
    m_page->resize(1000, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void tst_LogsPage::cleanup()
{
    m_page.reset();
    m_workspace.reset();
}

void tst_LogsPage::startNeedsAProjectAndServers()
{
    auto *start = child<QPushButton>(m_page.get(), u"startLogsButton"_s);
    QCOMPARE(m_page->project(), u"shop"_s); // the workspace's only project
    QCOMPARE(m_page->unit(), u"gantry-shop.service"_s);
    QVERIFY(!start->isEnabled()); // two servers, none ticked
    QVERIFY(child<QLabel>(m_page.get(), u"logsEmptyHint"_s)->isVisible());
    m_page->serversModel()->setChecked(u"web2"_s, true);
    QVERIFY(start->isEnabled());
    QVERIFY(!child<QPushButton>(m_page.get(), u"stopLogsButton"_s)->isEnabled());
    QVERIFY(m_page->statusText().contains(u"Not streaming gantry-shop.service"_s));
    // The page fits the window's smallest useful size beside the navigation.
    QVERIFY2(m_page->minimumSizeHint().width() <= 700,
        qPrintable(QString::number(m_page->minimumSizeHint().width())));
    QAbstractItemModelTester tester(m_page->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->addLines(manyLines(10, Now));
    QTRY_COMPARE(m_page->model()->rowCount(), 10);
    // Only the ticked server's lines are shown.
    QCOMPARE(m_page->proxy()->rowCount(), 5);
    QVERIFY(!child<QLabel>(m_page.get(), u"logsEmptyHint"_s)->isVisible());
}

void tst_LogsPage::linesArriveInBatches()
{
    QSignalSpy flushed(m_page.get(), &LogsPage::flushed);
    m_page->addLines(manyLines(3, Now));
    m_page->addLines(manyLines(3, Now + 500));
    QCOMPARE(m_page->model()->rowCount(), 0); // not before the next flush
    QVERIFY(flushed.wait(1000));
    QCOMPARE(flushed.size(), 1); // both batches in one flush
    QCOMPARE(m_page->model()->rowCount(), 6);
    QVERIFY(m_page->statusText().startsWith(u"6 lines kept, 6 shown."_s));
    // Merged by time across the two calls.
    for (int row = 1; row < 6; ++row)
        QVERIFY(m_page->model()->row(row).realtimeUSec >= m_page->model()->row(row - 1).realtimeUSec);
}

void tst_LogsPage::levelSearchAndTimeFilter()
{
    m_page->addLines({ line(u"web1"_s, Now - 7200 * 1'000'000LL, LogLevel::Error, u"old failure"_s),
        line(u"web1"_s, Now - 1000, LogLevel::Info, u"GET /health 200"_s),
        line(u"web2"_s, Now - 500, LogLevel::Warning, u"slow query 1.2s"_s),
        line(u"web2"_s, Now, LogLevel::Error, u"payment failed: timeout"_s) });
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    QCOMPARE(m_page->proxy()->rowCount(), 3); // warnings and worse at first
    auto *level = child<QComboBox>(m_page.get(), u"logsLevelCombo"_s);
    level->setCurrentIndex(level->findData(int(LogLevel::Unknown)));
    QCOMPARE(m_page->proxy()->rowCount(), 4);
    level->setCurrentIndex(level->findData(int(LogLevel::Error)));
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    auto *time = child<QComboBox>(m_page.get(), u"logsTimeCombo"_s);
    time->setCurrentIndex(time->findData(3600));
    QCOMPARE(m_page->proxy()->rowCount(), 1); // the failure of two hours ago is out of the window
    time->setCurrentIndex(time->findData(0));
    QCOMPARE(m_page->proxy()->rowCount(), 2);
    QTest::keyClicks(child<QLineEdit>(m_page.get(), u"logsSearchEdit"_s), u"PAYMENT"_s);
    QTRY_COMPARE(m_page->proxy()->rowCount(), 1);
    QCOMPARE(
        m_page->proxy()->index(0, LogModel::MessageColumn).data().toString(), u"payment failed: timeout"_s);
    QVERIFY(m_page->statusText().startsWith(u"4 lines kept, 1 shown."_s));
}

void tst_LogsPage::timeWindowMovesWithoutNewLines()
{
    auto *time = child<QComboBox>(m_page.get(), u"logsTimeCombo"_s);
    time->setCurrentIndex(time->findData(15 * 60));
    // 1.5 s inside the window now; out of it 1.5 s later, with no line arriving meanwhile.
    const qint64 edge = (QDateTime::currentMSecsSinceEpoch() - 15 * 60 * 1000 + 1500) * 1000;
    m_page->addLines({ line(u"web1"_s, edge, LogLevel::Error, u"about to age out"_s) });
    QTRY_COMPARE(m_page->proxy()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->proxy()->rowCount(), 0, 4000);
    QCOMPARE(m_page->model()->rowCount(), 1); // hidden, not dropped
    time->setCurrentIndex(time->findData(0));
    QCOMPARE(m_page->proxy()->rowCount(), 1);
}

void tst_LogsPage::invalidRegexIsShown()
{
    m_page->addLines({ line(u"web1"_s, Now, LogLevel::Error, u"a(b"_s),
        line(u"web1"_s, Now + 1, LogLevel::Error, u"c"_s) });
    QTRY_COMPARE(m_page->proxy()->rowCount(), 2);
    auto *search = child<QLineEdit>(m_page.get(), u"logsSearchEdit"_s);
    search->setText(u"a(b"_s);
    QTRY_COMPARE(m_page->proxy()->rowCount(), 1); // plain text
    child<QCheckBox>(m_page.get(), u"logsRegexCheck"_s)->setChecked(true);
    QVERIFY(child<QLabel>(m_page.get(), u"logsSearchError"_s)->isVisible());
    QVERIFY2(m_page->searchError().contains(u"regular expression"_s), qPrintable(m_page->searchError()));
    QVERIFY(m_page->searchError().contains(u"untick Regex"_s));
    QCOMPARE(m_page->proxy()->rowCount(), 1); // the filter stays as it was
    search->setText(u"^c$"_s);
    QTRY_COMPARE(m_page->proxy()->index(0, LogModel::MessageColumn).data().toString(), u"c"_s);
    QVERIFY(m_page->searchError().isEmpty());
    QVERIFY(!child<QLabel>(m_page.get(), u"logsSearchError"_s)->isVisible());
}

void tst_LogsPage::followsOnlyAtTheBottomAndPauseHoldsStill()
{
    QSignalSpy flushed(m_page.get(), &LogsPage::flushed);
    QScrollBar *bar = m_page->view()->verticalScrollBar();
    m_page->addLines(manyLines(300, Now));
    QVERIFY(flushed.wait(1000));
    QVERIFY(bar->maximum() > 0);
    QVERIFY(m_page->isAtBottom()); // following from the start
    m_page->addLines(manyLines(50, Now + 300'000));
    QVERIFY(flushed.wait(1000));
    QVERIFY(m_page->isAtBottom());

    // Scrolled up: new lines do not pull the view down, and the top row stays.
    bar->setValue(10);
    const QModelIndex top = m_page->view()->indexAt(QPoint(1, 1));
    const QString topText = top.siblingAtColumn(LogModel::MessageColumn).data().toString();
    m_page->addLines(manyLines(50, Now + 400'000));
    QVERIFY(flushed.wait(1000));
    QVERIFY(!m_page->isAtBottom());
    QCOMPARE(m_page->view()->indexAt(QPoint(1, 1)).siblingAtColumn(LogModel::MessageColumn).data().toString(),
        topText);

    // Back at the bottom it follows again; paused it holds still while lines still arrive.
    bar->setValue(bar->maximum());
    Test::click(m_page.get(), u"logsPauseButton"_s);
    QVERIFY(m_page->statusText().contains(u"Paused"_s));
    const int heldAt = bar->value();
    const int kept = m_page->model()->rowCount();
    m_page->addLines(manyLines(50, Now + 500'000));
    QVERIFY(flushed.wait(1000));
    QCOMPARE(m_page->model()->rowCount(), kept + 50);
    QCOMPARE(bar->value(), heldAt);
    QVERIFY(!m_page->isAtBottom());
    Test::click(m_page.get(), u"logsPauseButton"_s); // resume: back to the newest
    QVERIFY(m_page->isAtBottom());

    // Follow off: the view stays where it is even at the bottom.
    child<QCheckBox>(m_page.get(), u"logsFollowCheck"_s)->setChecked(false);
    const int before = bar->value();
    m_page->addLines(manyLines(50, Now + 600'000));
    QVERIFY(flushed.wait(1000));
    QCOMPARE(bar->value(), before);
    QVERIFY(!m_page->isAtBottom());
}

void tst_LogsPage::exportsTheShownLines()
{
    m_page->addLines({ line(u"web1"_s, Now, LogLevel::Info, u"hidden info"_s),
        line(u"web2"_s, Now + 1000, LogLevel::Error, u"boom"_s),
        line(u"web1"_s, Now + 2000, LogLevel::Warning, u"careful"_s) });
    QTRY_COMPARE(m_page->proxy()->rowCount(), 2);
    const QString path = m_dir->filePath(u"export.txt"_s);
    FileDialogs::setNextFileName(path);
    QSignalSpy exported(m_page.get(), &LogsPage::exported);
    Test::click(m_page.get(), u"logsExportButton"_s);
    QVERIFY(exported.wait(1000));
    QCOMPARE(exported.first().first().toBool(), true);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines,
        (QStringList { u"%1 web2 shop %2 boom"_s.arg(
                           LogModel::timeText(Now + 1000), LogLevelClassifier::displayName(LogLevel::Error)),
            u"%1 web1 shop %2 careful"_s.arg(
                LogModel::timeText(Now + 2000), LogLevelClassifier::displayName(LogLevel::Warning)) }));
    QVERIFY(child<ErrorPanel>(m_page.get(), u"logsError"_s)->text().contains(u"Exported 2 line"_s));

    // A folder that does not exist: the failure is told, nothing is half written.
    FileDialogs::setNextFileName(m_dir->filePath(u"missing/export.txt"_s));
    exported.clear();
    Test::click(m_page.get(), u"logsExportButton"_s);
    QVERIFY(exported.wait(1000));
    QCOMPARE(exported.first().first().toBool(), false);
    QVERIFY(child<ErrorPanel>(m_page.get(), u"logsError"_s)->isError());
}

void tst_LogsPage::aFailedStreamSaysWhyAndHowToFix()
{
    m_page->serversModel()->setChecked(u"web1"_s, true);
    Test::click(m_page.get(), u"startLogsButton"_s);
    QVERIFY(m_page->isStreaming() || m_page->streamState(u"web1"_s) == LogsPage::StreamState::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->streamState(u"web1"_s), LogsPage::StreamState::Failed, 20000);
    QVERIFY(!m_page->isStreaming());
    QVERIFY2(m_page->statusText().contains(u"web1: failed"_s), qPrintable(m_page->statusText()));
    auto *error = child<ErrorPanel>(m_page.get(), u"logsError"_s);
    QVERIFY(error->isError());
    QVERIFY2(error->text().startsWith(u"web1: "_s), qPrintable(error->text()));
    QVERIFY(child<QPushButton>(m_page.get(), u"startLogsButton"_s)->isEnabled()); // try again
    // showService picks the project and that server alone, and streams it.
    m_page->showService(u"shop"_s, u"web2"_s);
    QCOMPARE(m_page->serversModel()->checkedNames(), QStringList { u"web2"_s });
    QVERIFY(m_page->streamState(u"web2"_s) != LogsPage::StreamState::Stopped);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->streamState(u"web2"_s), LogsPage::StreamState::Failed, 20000);
}

QTEST_MAIN(tst_LogsPage)
#include "tst_logspage.moc"
