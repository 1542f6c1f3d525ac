#include "widgets/common/instancelock.h"

#include <windows.h>

namespace Gantry {

InstanceLock::InstanceLock(const QString &key)
    : m_key(key)
{
}

InstanceLock::~InstanceLock()
{
    if (m_handle)
        ::CloseHandle(static_cast<HANDLE>(m_handle));
}

bool InstanceLock::tryLock()
{
    if (m_handle)
        return true;
    // Local\: one per user session, as the key already carries the user and the workspace.
    const std::wstring name = QString(QStringLiteral("Local\\") + m_key).toStdWString();
    HANDLE mutex = ::CreateMutexW(nullptr, TRUE, name.c_str());
    if (!mutex)
        return false;
    if (::GetLastError() == ERROR_ALREADY_EXISTS) {
        ::CloseHandle(mutex);
        return false;
    }
    m_handle = mutex;
    return true;
}

} // namespace Gantry
