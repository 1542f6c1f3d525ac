#include "core/common/async.h"

namespace Gantry {

QThreadPool *backgroundPool()
{
    // Lives until the process ends, like the global pool, and waits for its jobs then.
    static QThreadPool pool;
    static const bool named = [] {
        pool.setObjectName(QStringLiteral("gantry background"));
        return true;
    }();
    Q_UNUSED(named);
    return &pool;
}

} // namespace Gantry
