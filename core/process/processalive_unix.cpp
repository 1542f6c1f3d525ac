#include "core/process/processalive.h"

#include <cerrno>
#include <csignal>

namespace Gantry {

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace Gantry
