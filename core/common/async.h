#pragma once

#include <memory>
#include <type_traits>

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

namespace Gantry {

// Runs `work` on the global thread pool; the future resolves with its return value.
// Core stays free of QtConcurrent; widgets consume with future.then(this, ...).
template<typename Work>
auto runInPool(Work work) -> QFuture<std::invoke_result_t<Work>>
{
    using T = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, work = std::move(work)]() mutable {
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
