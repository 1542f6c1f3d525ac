#include "widgets/common/instancelock.h"

#include <QDir>
#include <QLockFile>

namespace Gantry {

InstanceLock::InstanceLock(const QString &key)
    : m_key(key)
{
}

InstanceLock::~InstanceLock()
{
    delete static_cast<QLockFile *>(m_handle);
}

bool InstanceLock::tryLock()
{
    if (m_handle)
        return true;
    auto *lock = new QLockFile(QDir::temp().filePath(m_key + QStringLiteral(".lock")));
    lock->setStaleLockTime(0); // only a dead owner makes the lock stale, never its age
    if (!lock->tryLock(0)) {
        delete lock;
        return false;
    }
    m_handle = lock;
    return true;
}

} // namespace Gantry
