#include "core/processtree.h"

#include <windows.h>
#include <tlhelp32.h>

#include <QCoreApplication>
#include <QMultiHash>

using namespace Qt::StringLiterals;

namespace Gantry::Test {

namespace {

struct Entry {
    qint64 pid;
    QString exe;
};

// Processes the system starts on a program's behalf, not the program itself: the console host
// every console program gets, and the desktop process Wine starts beside the first program.
bool isSystemHelper(const QString &exe)
{
    return exe.compare(u"conhost.exe"_s, Qt::CaseInsensitive) == 0 ||
        exe.compare(u"explorer.exe"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

// Windows keeps the creator's id as a process's parent even after the creator exits, so a
// grandchild orphaned by a killed child is still found by walking down from this process.
QList<ProcessInfo> descendantProcesses()
{
    QMultiHash<qint64, Entry> children;
    HANDLE snapshot = ::CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snapshot == INVALID_HANDLE_VALUE)
        return {};
    PROCESSENTRY32W entry {};
    entry.dwSize = sizeof(entry);
    for (BOOL more = ::Process32FirstW(snapshot, &entry); more; more = ::Process32NextW(snapshot, &entry))
        children.insert(qint64(entry.th32ParentProcessID),
            { qint64(entry.th32ProcessID), QString::fromWCharArray(entry.szExeFile) });
    ::CloseHandle(snapshot);
    QList<ProcessInfo> found;
    QList<qint64> todo { QCoreApplication::applicationPid() };
    while (!todo.isEmpty()) {
        const qint64 parent = todo.takeFirst();
        for (const Entry &child : children.values(parent)) {
            if (child.pid == parent)
                continue; // the idle process is its own parent
            if (child.exe.isEmpty() || isSystemHelper(child.exe)) // empty: still being created
                continue;
            found.append({ child.pid, parent, {}, {}, child.exe });
            todo << child.pid;
        }
    }
    return found;
}

// Another process's environment is readable on Windows only through its memory (the debug API).
// The tests start nothing but the processes they look for, so every descendant counts as marked.
bool environmentHolds(qint64 pid, const QString &marker)
{
    Q_UNUSED(pid);
    return !marker.isEmpty();
}

} // namespace Gantry::Test
