#include "core/common/async.h"

#include <mutex>
#include <utility>

#include <QCoreApplication>

namespace Gantry {

namespace {

std::mutex g_poolMutex;
QThreadPool *g_pool = nullptr;

// Waits for the pool's jobs and deletes it while the application object goes, when its threads
// still run. Never a static object: on Windows the process's other threads are gone by the time
// static objects are destroyed, and a pool waiting there for its (dead) threads never returns
// (a finished test or gantryctl.exe hung at exit under Wine).
void deletePool()
{
    QThreadPool *pool = nullptr;
    {
        std::lock_guard lock(g_poolMutex);
        pool = std::exchange(g_pool, nullptr);
    }
    delete pool; // outside the lock: a job that ends now may still ask for the pool
}

} // namespace

QThreadPool *backgroundPool()
{
    std::lock_guard lock(g_poolMutex);
    if (!g_pool) {
        g_pool = new QThreadPool;
        g_pool->setObjectName(QStringLiteral("gantry background"));
        qAddPostRoutine(deletePool);
    }
    return g_pool;
}

} // namespace Gantry
