#include "core/process/processgroup.h"

#include <windows.h>

#include <QProcess>

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
    // Ctrl+C reaches a console child only through its console; attach, signal, detach.
    if (m_pid <= 0 || !::AttachConsole(DWORD(m_pid)))
        return;
    ::SetConsoleCtrlHandler(nullptr, TRUE);
    ::GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0);
    ::FreeConsole();
    ::SetConsoleCtrlHandler(nullptr, FALSE);
}

void ProcessGroup::kill()
{
    if (m_job)
        ::TerminateJobObject(static_cast<HANDLE>(m_job), 1);
}

} // namespace Gantry
