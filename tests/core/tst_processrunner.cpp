#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "core/process/processrunner.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Gantry;

class tst_ProcessRunner : public QObject {
    Q_OBJECT

private slots:
    void linesAreBufferedAndSplit();
    void exitCodeIsReported();
    void missingProgramFailsClearly();
    void timeoutStopsTheTree();
    void cancelKillsGrandchildren();
    void runResolvesAFuture();
};

namespace {

ProcessSpec bash(const QString &script)
{
    ProcessSpec spec;
    spec.program = u"bash"_s;
    spec.arguments = { u"-c"_s, script };
    return spec;
}

} // namespace

void tst_ProcessRunner::linesAreBufferedAndSplit()
{
    // Output arrives in pieces that split lines; CRLF is trimmed; a last line without newline is kept.
    ProcessRunner runner(
        bash(u"printf 'al'; sleep 0.1; printf 'pha\\r\\nbeta\\n'; printf 'err1\\n' >&2; printf 'tail'"_s));
    QStringList out, err;
    connect(&runner, &ProcessRunner::standardOutputLine, this, [&](const QString &l) { out << l; });
    connect(&runner, &ProcessRunner::standardErrorLine, this, [&](const QString &l) { err << l; });
    QSignalSpy finished(&runner, &ProcessRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(out, (QStringList { u"alpha"_s, u"beta"_s, u"tail"_s }));
    QCOMPARE(err, QStringList { u"err1"_s });
    QVERIFY(runner.result().succeeded());
}

void tst_ProcessRunner::exitCodeIsReported()
{
    ProcessSpec spec = bash(u"echo out; exit 3"_s);
    spec.captureStandardOutput = true;
    ProcessRunner runner(spec);
    QSignalSpy finished(&runner, &ProcessRunner::finished);
    runner.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.result().exitCode, 3);
    QCOMPARE(runner.result().standardOutput, QByteArray("out\n"));
    QVERIFY(!runner.result().succeeded());
}

void tst_ProcessRunner::missingProgramFailsClearly()
{
    ProcessSpec spec;
    spec.program = u"gantry-no-such-program"_s;
    ProcessRunner runner(spec);
    QSignalSpy finished(&runner, &ProcessRunner::finished);
    runner.start();
    QVERIFY(finished.wait(5000));
    QVERIFY(!runner.result().started);
    QVERIFY(runner.result().errorString.contains(u"gantry-no-such-program"_s));
}

void tst_ProcessRunner::timeoutStopsTheTree()
{
    ProcessSpec spec = bash(u"sleep 30"_s);
    spec.timeout = 300ms;
    ProcessRunner runner(spec);
    QSignalSpy finished(&runner, &ProcessRunner::finished);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(runner.result().timedOut);
    QVERIFY(clock.elapsed() < 5000);
}

void tst_ProcessRunner::cancelKillsGrandchildren()
{
    const QString marker = u"GANTRY_RUNNER_MARKER_"_s + QString::number(QCoreApplication::applicationPid());
    ProcessSpec spec = bash(u"trap '' INT; sleep 60 & sleep 60 & wait"_s); // ignores Ctrl+C: needs the kill
    spec.environment.insert(marker, u"1"_s);
    ProcessRunner runner(spec);
    QSignalSpy finished(&runner, &ProcessRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(Test::processesWithMarker(marker).size(), 3, 5000);
    runner.cancel();
    QVERIFY(finished.wait(10000));
    QVERIFY(runner.result().cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(Test::processesWithMarker(marker).isEmpty(), 2000);
}

void tst_ProcessRunner::runResolvesAFuture()
{
    ProcessSpec spec = bash(u"echo hello"_s);
    spec.captureStandardOutput = true;
    QFuture<ProcessResult> future = ProcessRunner::run(spec);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    QCOMPARE(future.result().standardOutput, QByteArray("hello\n"));
}

QTEST_GUILESS_MAIN(tst_ProcessRunner)
#include "tst_processrunner.moc"
