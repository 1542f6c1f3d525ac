#pragma once

#include <utility>

#include <QCoreApplication>
#include <QFuture>
#include <QPointer>

namespace Gantry {

// Calls `handler(result)` on the GUI thread once `future` has its result, unless `receiver` is gone
// by then. QFuture::then(context, ...) cannot be used for this before Qt 6.6: it asserts when
// the context object dies first (a page closed while Go or the keychain is still answering).
template<typename T, typename Receiver, typename Handler>
void whenReady(QFuture<T> future, Receiver *receiver, Handler handler)
{
    future.then([guard = QPointer<Receiver>(receiver), handler = std::move(handler)](T result) mutable {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, handler = std::move(handler), result = std::move(result)]() mutable {
                if (guard)
                    handler(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace Gantry
