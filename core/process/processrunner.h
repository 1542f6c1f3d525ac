#pragma once

#include <memory>

#include <QFuture>
#include <QObject>
#include <QProcess>
#include <QTimer>

#include "core/process/processgroup.h"
#include "core/process/processspec.h"

namespace Gantry {

// The one way Gantry runs an external command: asynchronous, line-buffered, with a timeout,
// and cancellable together with every child the command spawned.
class ProcessRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessRunner)
public:
    explicit ProcessRunner(ProcessSpec spec, QObject *parent = nullptr);
    ~ProcessRunner() override;

    void start();
    void cancel();
    bool isRunning() const;
    const ProcessSpec &spec() const { return m_spec; }
    const ProcessResult &result() const { return m_result; }

    // Runs spec and resolves when it ends; the runner deletes itself.
    static QFuture<ProcessResult> run(ProcessSpec spec);
    // Where `program` would be found: absolute paths as they are, names on the spec's PATH.
    static QString resolveProgram(const QString &program, const QProcessEnvironment &environment);

signals:
    void standardOutputLine(const QString &line);
    void standardErrorLine(const QString &line);
    void finished(const Gantry::ProcessResult &result);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void flushPartialLines();
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onTimeout();
    void stopTree();
    void finish();

    ProcessSpec m_spec;
    ProcessResult m_result;
    QProcess m_process;
    ProcessGroup m_group;
    QTimer m_timeout;
    QTimer m_killTimer;
    QByteArray m_partial[2];
    bool m_done = false;
};

} // namespace Gantry
