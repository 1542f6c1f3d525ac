#include "core/common/retiredthreads.h"

#include <mutex>

#include <QCoreApplication>
#include <QSet>
#include <QThread>

namespace Gantry {

namespace {

std::mutex retiredLock;
QSet<QThread *> retiredThreads;

void joinRetired()
{
    const std::lock_guard lock(retiredLock);
    for (QThread *thread : std::as_const(retiredThreads))
        thread->wait();
    retiredThreads.clear(); // the objects go with the process
}

} // namespace

void retireThread(QThread *thread)
{
    const std::lock_guard lock(retiredLock);
    static const bool registered = (qAddPostRoutine(joinRetired), true);
    Q_UNUSED(registered);
    if (thread->isFinished()) {
        thread->deleteLater();
        return;
    }
    retiredThreads.insert(thread);
    QObject::connect(thread, &QThread::finished, thread, [thread] {
        {
            const std::lock_guard relock(retiredLock);
            retiredThreads.remove(thread);
        }
        thread->deleteLater();
    });
}

} // namespace Gantry
