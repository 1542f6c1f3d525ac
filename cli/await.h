#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

namespace Gantry::Cli {

// gantryctl has no GUI thread to keep free: it waits for a core future in a local event loop,
// so keychain jobs and queued events still run meanwhile.
template<typename T>
T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

} // namespace Gantry::Cli
