#pragma once

#include <type_traits>
#include <utility>

#include <QFutureWatcher>

namespace Gantry {

// Calls `handler(result)` in `receiver`'s thread once `future` has its result; never when
// `receiver` is gone by then or the future was cancelled. QFuture::then(context, ...) cannot be
// used for this before Qt 6.6: it asserts when the context object dies first (a page closed while
// the keychain answers, a build session deleted while go still runs).
template<typename T, typename Receiver, typename Handler>
void whenReady(QFuture<T> future, Receiver *receiver, Handler handler)
{
    if (!receiver)
        return;
    // The watcher lives in the calling thread (which needs an event loop) and goes once the future
    // is done; the receiver as the connection's context drops the call if it is destroyed first.
    auto *watcher = new QFutureWatcher<T>;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, receiver, [future, handler = std::move(handler)]() mutable {
            if (future.isCanceled())
                return;
            if constexpr (std::is_void_v<T>)
                handler();
            else
                handler(future.result());
        });
    watcher->setFuture(std::move(future));
}

} // namespace Gantry
