#pragma once

#include <QtGlobal>

class QProcess;

namespace Gantry {

// Keeps a started process and every process it spawns together, so that all of them can be
// stopped at once (a `go build` runs compile and link children). Platform files implement it:
// a process group on Unix, a job object on Windows.
class ProcessGroup final {
    Q_DISABLE_COPY_MOVE(ProcessGroup)
public:
    ProcessGroup() = default;
    ~ProcessGroup();

    void prepare(QProcess &process); // before start()
    void attach(QProcess &process); // after started()
    void interrupt(); // ask the whole tree to stop (SIGINT / console Ctrl+C)
    void kill(); // stop the whole tree now

private:
    qint64 m_pid = 0;
    void *m_job = nullptr;
};

} // namespace Gantry
