#pragma once

#include <memory>
#include <type_traits>

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

namespace Gantry {

// Gantry's own pool for work that takes a while (hashing, packing, scanning). Never the global
// pool: Qt Gui splits painting and image conversions over that one and waits for every part on the
// GUI thread, so one long job of ours there stalls a repaint (tst_backgroundwork shows it).
QThreadPool *backgroundPool();

// Runs `work` on backgroundPool(); the future resolves with its return value.
// Core stays free of QtConcurrent; take the result with whenReady (core/common/whenready.h).
template<typename Work>
auto runInPool(Work work) -> QFuture<std::invoke_result_t<Work>>
{
    using T = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    backgroundPool()->start([promise, work = std::move(work)]() mutable {
        if constexpr (std::is_void_v<T>) {
            work();
        } else {
            promise->addResult(work());
        }
        promise->finish();
    });
    return future;
}

} // namespace Gantry
