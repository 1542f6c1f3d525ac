#include "core/processtree.h"

#include <sys/prctl.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMultiHash>

using namespace Qt::StringLiterals;

namespace Gantry::Test {

namespace {

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray procFile(qint64 pid, const char *name)
{
    return readProcFile(u"/proc/"_s + QString::number(pid) + u'/' + QLatin1StringView(name));
}

ProcessInfo describe(qint64 pid, qint64 parent)
{
    const QByteArray stat = procFile(pid, "stat");
    QByteArray cmdline = procFile(pid, "cmdline");
    cmdline.replace('\0', ' ');
    return { pid, parent, QString::fromLatin1(stat.mid(stat.lastIndexOf(')') + 2, 1)),
        QString::fromLatin1(procFile(pid, "wchan")), QString::fromLocal8Bit(cmdline.trimmed()) };
}

} // namespace

// Only /proc/*/stat is read for the others: a foreign process's environ or cmdline can block the
// reader for as long as that process holds its memory lock (a process in the middle of an exec, or
// stuck in the kernel; booted test hosts have plenty), and a test's main thread must not wait on
// strangers.
QList<ProcessInfo> descendantProcesses()
{
    // Orphans of our children (go's compile processes, once go is killed) come to us, not to PID 1,
    // so a leaked grandchild still counts as ours.
    static const bool subreaper = ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
    Q_UNUSED(subreaper);
    QMultiHash<qint64, qint64> children;
    const QStringList pids = QDir(u"/proc"_s).entryList({ u"[0-9]*"_s }, QDir::Dirs);
    for (const QString &pid : pids) {
        // stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its ')'.
        const QByteArray stat = readProcFile(u"/proc/"_s + pid + u"/stat"_s);
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid.toLongLong());
    }
    QList<ProcessInfo> found;
    QList<qint64> todo { QCoreApplication::applicationPid() };
    while (!todo.isEmpty()) {
        const qint64 parent = todo.takeFirst();
        for (const qint64 child : children.values(parent)) {
            found.append(describe(child, parent));
            todo << child;
        }
    }
    return found;
}

bool environmentHolds(qint64 pid, const QString &marker)
{
    return !marker.isEmpty() && procFile(pid, "environ").contains(marker.toUtf8());
}

} // namespace Gantry::Test
