#pragma once

#include <QString>

namespace Gantry {

// The lock that makes one Gantry instance the primary for a key. The OS frees it when its owner
// dies, however it dies: a named mutex on Windows (instancelock_win.cpp), a lock file on other
// systems (instancelock_unix.cpp, QLockFile: the owner's pid and its program name). A pid alone is
// never trusted: Windows, and Wine after a hard kill, reuse process ids.
class InstanceLock final {
    Q_DISABLE_COPY_MOVE(InstanceLock)
public:
    explicit InstanceLock(const QString &key);
    ~InstanceLock();

    // Takes the lock without waiting; false when another live instance holds it.
    bool tryLock();

private:
    QString m_key;
    void *m_handle = nullptr;
};

} // namespace Gantry
