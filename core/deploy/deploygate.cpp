#include "core/deploy/deploygate.h"

#include <chrono>
#include <climits>

namespace Gantry {

DeployGate::DeployGate(int batchSize, const std::atomic_bool &cancelled)
    : m_cancelled(cancelled)
    , m_free(batchSize > 0 ? batchSize : INT_MAX)
{
}

void DeployGate::firstFinished(bool healthy)
{
    {
        std::lock_guard lock(m_mutex);
        m_first = healthy ? First::Passed : First::Failed;
    }
    m_changed.notify_all();
}

bool DeployGate::enter()
{
    using namespace std::chrono_literals;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_cancelled || m_first == First::Failed)
            return false;
        if (m_first == First::Passed && m_free > 0) {
            --m_free;
            return true;
        }
        m_changed.wait_for(lock, 200ms); // wakes up now and then to see a cancel
    }
}

void DeployGate::leave()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_free;
    }
    m_changed.notify_all();
}

} // namespace Gantry
