#pragma once

#include <QList>
#include <QString>

// This test process's descendants, for the tests that check a cancelled build leaves no process
// behind. Platform files: processtree_linux.cpp (/proc) and processtree_win.cpp (Toolhelp).
namespace Gantry::Test {

struct ProcessInfo {
    qint64 pid = 0;
    qint64 parent = 0;
    QString state; // a letter on Linux (R, S, Z ...), empty where the platform does not say
    QString wait; // the kernel wait channel on Linux
    QString commandLine;
};

// Parents before their children. The first call makes this process the child subreaper of its
// descendants where the platform has one (Linux), so a grandchild orphaned by a killed child counts.
QList<ProcessInfo> descendantProcesses();

// Whether the process's environment holds `marker` (false for an empty marker).
bool environmentHolds(qint64 pid, const QString &marker);

} // namespace Gantry::Test
