#include <QCheckBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "widgets/servers/guiprompter.h"
#include "widgets/servers/passworddialog.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

class tst_GuiPrompter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void queuedAnswersNeedNoDialog();
    void workerWaitsWhileTheGuiThreadRuns();
    void passwordIsAskedOncePerHost();
    void declineAllReleasesWaitingWorkers();
    void guiThreadIsNeverBlocked();

private:
    std::optional<QString> askOnWorker(GuiPrompter &prompter, const SshPrompter::Question &question);
    QTemporaryDir m_settingsDir;
};

void tst_GuiPrompter::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

// Asks on a worker thread while this (GUI) thread keeps running its event loop.
std::optional<QString> tst_GuiPrompter::askOnWorker(
    GuiPrompter &prompter, const SshPrompter::Question &question)
{
    std::optional<QString> answer;
    QThread *worker = QThread::create([&] { answer = prompter.ask(question); });
    worker->start();
    if (!QTest::qWaitFor([&] { return worker->isFinished(); }, 10000))
        qFatal("the worker is still waiting for an answer");
    delete worker;
    return answer;
}

void tst_GuiPrompter::queuedAnswersNeedNoDialog()
{
    QWidget parent;
    GuiPrompter prompter(&parent);
    GuiPrompter::queueAnswer(u"first"_s);
    GuiPrompter::queueAnswer(std::nullopt);
    const SshPrompter::Question question { SshPrompter::Kind::Password, u"deploy@h:22"_s, {}, false };
    const int before = GuiPrompter::questionsAsked();
    QCOMPARE(askOnWorker(prompter, question), std::optional<QString>(u"first"_s));
    QCOMPARE(askOnWorker(prompter, question), std::optional<QString>());
    QCOMPARE(GuiPrompter::questionsAsked(), before + 2);
    QVERIFY(!parent.findChild<PasswordDialog *>());
}

void tst_GuiPrompter::workerWaitsWhileTheGuiThreadRuns()
{
    QWidget parent;
    parent.show();
    GuiPrompter prompter(&parent);
    // The dialog is answered from the GUI thread's event loop while the worker waits.
    QTimer answerer;
    connect(&answerer, &QTimer::timeout, &parent, [&] {
        if (auto *dialog = parent.findChild<PasswordDialog *>(u"passwordDialog"_s);
            dialog && dialog->isVisible()) {
            QCOMPARE(child<QLineEdit>(dialog, u"passwordEdit"_s)->echoMode(), QLineEdit::Normal);
            QVERIFY(!child<QCheckBox>(dialog, u"rememberCheck"_s)->isVisibleTo(dialog));
            child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"123456"_s);
            dialog->accept();
        }
    });
    answerer.start(20);
    const SshPrompter::Question question { SshPrompter::Kind::KeyboardInteractive, u"deploy@h:22"_s,
        u"Code:"_s, true };
    QCOMPARE(askOnWorker(prompter, question), std::optional<QString>(u"123456"_s));
}

void tst_GuiPrompter::passwordIsAskedOncePerHost()
{
    QWidget parent;
    parent.show();
    GuiPrompter prompter(&parent);
    int dialogs = 0;
    QTimer answerer;
    connect(&answerer, &QTimer::timeout, &parent, [&] {
        if (auto *dialog = parent.findChild<PasswordDialog *>(u"passwordDialog"_s);
            dialog && dialog->isVisible()) {
            ++dialogs;
            QCOMPARE(child<QLineEdit>(dialog, u"passwordEdit"_s)->echoMode(), QLineEdit::Password);
            child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"pw"_s);
            dialog->accept();
        }
    });
    answerer.start(20);
    const SshPrompter::Question login { SshPrompter::Kind::Password, u"deploypw@h:22"_s, {}, false };
    const SshPrompter::Question sudo { SshPrompter::Kind::SudoPassword, u"deploypw@h:22"_s, {}, false };
    QCOMPARE(askOnWorker(prompter, login), std::optional<QString>(u"pw"_s));
    QCOMPARE(askOnWorker(prompter, sudo), std::optional<QString>(u"pw"_s));
    QCOMPARE(dialogs, 1);
}

void tst_GuiPrompter::declineAllReleasesWaitingWorkers()
{
    QWidget parent;
    auto prompter = std::make_unique<GuiPrompter>(&parent);
    std::optional<QString> answer = u"unset"_s;
    QThread *worker = QThread::create([&] {
        answer = prompter->ask({ SshPrompter::Kind::Password, u"x@h:22"_s, {}, false });
    });
    worker->start();
    QTRY_VERIFY(parent.findChild<PasswordDialog *>()); // the question reached the GUI thread
    prompter->declineAll();
    QVERIFY(worker->wait(5000));
    delete worker;
    QCOMPARE(answer, std::optional<QString>());
    // Later questions are declined at once.
    QCOMPARE(askOnWorker(*prompter, { SshPrompter::Kind::Password, u"x@h:22"_s, {}, false }),
        std::optional<QString>());
}

void tst_GuiPrompter::guiThreadIsNeverBlocked()
{
    QWidget parent;
    GuiPrompter prompter(&parent);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(prompter.ask({ SshPrompter::Kind::Password, u"x@h:22"_s, {}, false }), std::optional<QString>());
    QVERIFY(clock.elapsed() < 100);
}

QTEST_MAIN(tst_GuiPrompter)
#include "tst_guiprompter.moc"
