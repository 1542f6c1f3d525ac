#include "core/process/processgroup.h"

#include <windows.h>

#include <QProcess>
#include <QTimer>

namespace Gantry {

ProcessGroup::~ProcessGroup()
{
    if (m_job)
        ::CloseHandle(static_cast<HANDLE>(m_job));
}

void ProcessGroup::prepare(QProcess &process)
{
    process.setCreateProcessArgumentsModifier(
        [](QProcess::CreateProcessArguments *args) { args->flags |= CREATE_NO_WINDOW; });
}

void ProcessGroup::attach(QProcess &process)
{
    m_pid = process.processId();
    HANDLE job = ::CreateJobObjectW(nullptr, nullptr);
    if (!job)
        return;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION info {};
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ::SetInformationJobObject(job, JobObjectExtendedLimitInformation, &info, sizeof(info));
    HANDLE process_handle = ::OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, FALSE, DWORD(m_pid));
    if (process_handle) {
        ::AssignProcessToJobObject(job, process_handle);
        ::CloseHandle(process_handle);
    }
    m_job = job;
}

void ProcessGroup::interrupt()
{
    // Ctrl+C reaches a console child only through its console, and a process has at most one:
    // leave ours (gantryctl has one), attach to the child's, signal everything on it, detach, and
    // come back. We ignore Ctrl+C meanwhile, and a little longer: the event reaches each attached
    // process on a thread of its own, after GenerateConsoleCtrlEvent has returned.
    if (m_pid <= 0)
        return;
    const bool hadConsole = ::FreeConsole();
    if (::AttachConsole(DWORD(m_pid))) {
        ::SetConsoleCtrlHandler(nullptr, TRUE);
        ::GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
        ::FreeConsole();
        QTimer::singleShot(std::chrono::milliseconds(500), [] { ::SetConsoleCtrlHandler(nullptr, FALSE); });
    }
    if (hadConsole)
        ::AttachConsole(ATTACH_PARENT_PROCESS);
}

void ProcessGroup::kill()
{
    if (m_job)
        ::TerminateJobObject(static_cast<HANDLE>(m_job), 1);
}

} // namespace Gantry
