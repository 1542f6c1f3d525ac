#pragma once

#include <QObject>

#include "core/build/buildsession.h"

namespace Gantry {

// A BuildSession on the process's build thread: starting go, reading its output and hashing the
// artifacts never cost the caller's (GUI) thread a moment. The signals are the session's,
// queued to the thread that created this object.
class BackgroundBuild final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundBuild)
public:
    explicit BackgroundBuild(BuildOptions options, QObject *parent = nullptr);
    ~BackgroundBuild() override; // a running build is cancelled; nothing waits

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void planned(const Gantry::BuildPlan &plan);
    void warning(const Gantry::Error &warning);
    void targetStateChanged(
        const QString &key, Gantry::BuildSession::TargetState state, const QString &detail);
    void outputLine(const QString &key, const QString &line);
    void finished(const Gantry::BuildResult &result);

private:
    BuildSession *m_session = nullptr; // lives on the build thread
    bool m_running = false;
};

} // namespace Gantry
