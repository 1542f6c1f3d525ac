#include "core/build/backgroundbuild.h"

#include <utility>

#include <QCoreApplication>
#include <QThread>

namespace Gantry {

namespace {

QThread *runningBuildThread = nullptr;

void stopBuildThread()
{
    if (!runningBuildThread)
        return;
    runningBuildThread->quit();
    runningBuildThread->wait();
    delete std::exchange(runningBuildThread, nullptr);
}

// One thread for every build of the process, started on first use and stopped as the
// application object goes: a build never waits for a thread to start or to end.
QThread *buildThread()
{
    if (!runningBuildThread) {
        runningBuildThread = new QThread;
        runningBuildThread->setObjectName(QStringLiteral("build"));
        runningBuildThread->start();
        qAddPostRoutine(stopBuildThread);
    }
    return runningBuildThread;
}

} // namespace

BackgroundBuild::BackgroundBuild(BuildOptions options, QObject *parent)
    : QObject(parent)
    , m_session(new BuildSession(std::move(options)))
{
    m_session->moveToThread(buildThread());
    connect(m_session, &BuildSession::planned, this, &BackgroundBuild::planned);
    connect(m_session, &BuildSession::warning, this, &BackgroundBuild::warning);
    connect(m_session, &BuildSession::targetStateChanged, this, &BackgroundBuild::targetStateChanged);
    connect(m_session, &BuildSession::outputLine, this, &BackgroundBuild::outputLine);
    connect(m_session, &BuildSession::finished, this, [this](const BuildResult &result) {
        m_running = false;
        emit finished(result);
    });
}

BackgroundBuild::~BackgroundBuild()
{
    // Deleted on its own thread, later: its destructor stops go; this thread does not wait.
    QMetaObject::invokeMethod(
        m_session, [session = m_session] { delete session; }, Qt::QueuedConnection);
}

void BackgroundBuild::start()
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(m_session, &BuildSession::start, Qt::QueuedConnection);
}

void BackgroundBuild::cancel()
{
    QMetaObject::invokeMethod(m_session, &BuildSession::cancel, Qt::QueuedConnection);
}

} // namespace Gantry
