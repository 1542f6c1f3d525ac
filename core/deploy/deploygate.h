#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace Gantry {

// Holds the other servers of a deploy back until the first one is healthy, then lets them
// switch in batches. Shared by the hosts' worker threads.
class DeployGate final {
public:
    DeployGate(int batchSize, const std::atomic_bool &cancelled);

    // The first server reports; the others are released (or told to give up).
    void firstFinished(bool healthy);
    // Blocks a worker thread (never the GUI thread) until the first server passed and a batch
    // slot is free. False: the first server failed, or the deploy was cancelled.
    bool enter();
    void leave();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    const std::atomic_bool &m_cancelled;
    int m_free; // batch slots
    enum class First { Pending, Passed, Failed } m_first = First::Pending;
};

} // namespace Gantry
