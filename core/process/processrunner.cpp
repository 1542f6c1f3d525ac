#include "core/process/processrunner.h"

#include "core/common/redactor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QStandardPaths>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr auto KillGrace = 3s; // after an interrupt, how long the tree gets to exit by itself

QString decodeLine(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return Redactor::instance().redact(QString::fromUtf8(line)); // what a command echoes may hold a secret
}

} // namespace

ProcessRunner::ProcessRunner(ProcessSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
{
    m_timeout.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ProcessRunner::onTimeout);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { m_group.kill(); });
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessRunner::onErrorOccurred);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
        [this] { readChannel(QProcess::StandardOutput); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
        [this] { readChannel(QProcess::StandardError); });
    connect(&m_process, &QProcess::finished, this, &ProcessRunner::onFinished);
    connect(&m_process, &QProcess::started, this, [this] { m_group.attach(m_process); });
}

ProcessRunner::~ProcessRunner()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_group.kill();
        m_process.kill();
        m_process.waitForFinished(3000); // reaps the direct child; SIGKILL leaves it no choice
    }
}

QString ProcessRunner::resolveProgram(const QString &program, const QProcessEnvironment &environment)
{
    if (QFileInfo(program).isAbsolute())
        return QFileInfo(program).isExecutable() ? program : QString();
    const QStringList path = environment.value(u"PATH"_s).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    return QStandardPaths::findExecutable(program, path);
}

void ProcessRunner::start()
{
    const QString program = resolveProgram(m_spec.program, m_spec.environment);
    if (program.isEmpty()) {
        m_result.errorString = tr("The program \"%1\" was not found on PATH.").arg(m_spec.program);
        QMetaObject::invokeMethod(this, &ProcessRunner::finish, Qt::QueuedConnection);
        return;
    }
    m_process.setProgram(program);
    m_process.setArguments(m_spec.arguments);
    m_process.setWorkingDirectory(m_spec.workingDirectory);
    m_process.setProcessEnvironment(m_spec.environment);
    m_group.prepare(m_process);
    if (m_spec.timeout > 0ms)
        m_timeout.start(m_spec.timeout);
    m_process.start(QIODevice::ReadOnly);
}

bool ProcessRunner::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

void ProcessRunner::cancel()
{
    if (m_done || m_result.cancelled)
        return;
    m_result.cancelled = true;
    stopTree();
}

void ProcessRunner::onTimeout()
{
    m_result.timedOut = true;
    stopTree();
}

void ProcessRunner::stopTree()
{
    if (!isRunning())
        return;
    m_group.interrupt();
    m_killTimer.start(KillGrace);
}

void ProcessRunner::readChannel(QProcess::ProcessChannel channel)
{
    m_process.setReadChannel(channel);
    const QByteArray data = m_process.readAll();
    const bool isOut = channel == QProcess::StandardOutput;
    if (isOut && m_spec.captureStandardOutput)
        m_result.standardOutput += data;
    if (!isOut && m_spec.captureStandardError)
        m_result.standardError += data;

    QByteArray &partial = m_partial[isOut ? 0 : 1];
    partial += data;
    qsizetype newline;
    while ((newline = partial.indexOf('\n')) >= 0) {
        const QString line = decodeLine(partial.left(newline));
        partial.remove(0, newline + 1);
        isOut ? emit standardOutputLine(line) : emit standardErrorLine(line);
    }
}

void ProcessRunner::flushPartialLines()
{
    readChannel(QProcess::StandardOutput);
    readChannel(QProcess::StandardError);
    if (!m_partial[0].isEmpty())
        emit standardOutputLine(decodeLine(std::exchange(m_partial[0], {})));
    if (!m_partial[1].isEmpty())
        emit standardErrorLine(decodeLine(std::exchange(m_partial[1], {})));
}

void ProcessRunner::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and timeouts arrive through finished()
    m_result.errorString = tr("Could not start %1: %2").arg(m_spec.program, m_process.errorString());
    finish();
}

void ProcessRunner::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_result.started = true;
    m_result.exitCode = exitCode;
    m_result.crashed = status == QProcess::CrashExit;
    if (m_result.crashed && !m_result.cancelled && !m_result.timedOut)
        m_result.errorString = tr("%1 stopped unexpectedly.").arg(QFileInfo(m_spec.program).fileName());
    flushPartialLines();
    m_group.kill(); // leftovers of the tree, if any
    finish();
}

void ProcessRunner::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_killTimer.stop();
    emit finished(m_result);
}

QFuture<ProcessResult> ProcessRunner::run(ProcessSpec spec)
{
    auto promise = std::make_shared<QPromise<ProcessResult>>();
    QFuture<ProcessResult> future = promise->future();
    auto *runner = new ProcessRunner(std::move(spec));
    connect(runner, &ProcessRunner::finished, runner, [promise, runner](const ProcessResult &result) {
        promise->addResult(result);
        promise->finish();
        runner->deleteLater();
    });
    promise->start();
    runner->start();
    return future;
}

} // namespace Gantry
