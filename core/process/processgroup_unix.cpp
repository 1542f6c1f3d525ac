#include "core/process/processgroup.h"

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

#include <QProcess>

namespace Gantry {

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::prepare(QProcess &process)
{
    // A group of its own: a signal to -pid reaches go and its compile/link children, and the
    // terminal's Ctrl+C does not reach them behind our back.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
}

void ProcessGroup::attach(QProcess &process)
{
    m_pid = process.processId();
}

void ProcessGroup::interrupt()
{
    if (m_pid > 0)
        ::kill(static_cast<pid_t>(-m_pid), SIGINT);
}

void ProcessGroup::kill()
{
    if (m_pid > 0)
        ::kill(static_cast<pid_t>(-m_pid), SIGKILL);
}

} // namespace Gantry
