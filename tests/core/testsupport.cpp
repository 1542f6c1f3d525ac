#include "core/testsupport.h"

#include <sys/prctl.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMultiHash>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Gantry::Test {

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("GANTRY_SOURCE_DIR");
    if (dir.isEmpty())
        qFatal("GANTRY_SOURCE_DIR is not set; run the tests through ctest");
    return dir;
}

QString fixture(const QString &name)
{
    return sourceDir() + u"/tests/fixtures/"_s + name;
}

QString example(const QString &name)
{
    return sourceDir() + u"/examples/"_s + name;
}

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode,
    const QProcessEnvironment &env, const QString &workingDir)
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    process.waitForFinished(300000);
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAllStandardOutput();
}

QProcessEnvironment offlineEnvironment(const QString &projectDir, const QString &stageDir)
{
    int code = -1;
    const QByteArray out =
        run(u"bash"_s, { sourceDir() + u"/scripts/go-offline-modfile.sh"_s, projectDir, stageDir }, &code);
    if (code != 0)
        qFatal("go-offline-modfile.sh failed for %s", qPrintable(projectDir));
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GOFLAGS"_s, QString::fromUtf8(lines.last()).trimmed());
    env.insert(u"GOPROXY"_s, u"off"_s);
    return env;
}

namespace {

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// This process's descendants, parents before their children. Only /proc/*/stat is read for the
// others: a foreign process's environ or cmdline can block the reader for as long as that process
// holds its memory lock (a process in the middle of an exec, or stuck in the kernel; booted test
// hosts have plenty), and a test's main thread must not wait on strangers.
QList<std::pair<qint64, qint64>> descendants()
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
    QList<std::pair<qint64, qint64>> found; // pid, parent
    QList<qint64> todo { QCoreApplication::applicationPid() };
    while (!todo.isEmpty()) {
        const qint64 parent = todo.takeFirst();
        for (const qint64 child : children.values(parent)) {
            found.append({ child, parent });
            todo << child;
        }
    }
    return found;
}

bool hasMarker(qint64 pid, const QString &marker)
{
    return !marker.isEmpty() &&
        readProcFile(u"/proc/"_s + QString::number(pid) + u"/environ"_s).contains(marker.toUtf8());
}

} // namespace

QList<qint64> processesWithMarker(const QString &marker)
{
    QList<qint64> found;
    for (const auto &[pid, parent] : descendants()) {
        if (hasMarker(pid, marker))
            found << pid;
    }
    return found;
}

QString describeDescendants(const QString &marker)
{
    QStringList lines;
    for (const auto &[pid, parent] : descendants()) {
        const QString dir = u"/proc/"_s + QString::number(pid);
        const QByteArray stat = readProcFile(dir + u"/stat"_s);
        QByteArray cmdline = readProcFile(dir + u"/cmdline"_s);
        cmdline.replace('\0', ' ');
        lines << u"%1 ppid %2 state %3 wchan %4 marker %5: %6"_s.arg(pid).arg(parent).arg(
            QString::fromLatin1(stat.mid(stat.lastIndexOf(')') + 2, 1)),
            QString::fromLatin1(readProcFile(dir + u"/wchan"_s)), hasMarker(pid, marker) ? u"yes"_s : u"no"_s,
            QString::fromLocal8Bit(cmdline.trimmed()));
    }
    return lines.isEmpty() ? u"(no child processes)"_s : lines.join(u'\n');
}

QList<EnvVariable> envVariables(const QString &spec)
{
    QList<EnvVariable> list;
    for (const QString &word : spec.split(u' ', Qt::SkipEmptyParts)) {
        const bool secret = word.startsWith(u'*');
        const QString pair = secret ? word.mid(1) : word;
        list.append({ pair.section(u'=', 0, 0), pair.section(u'=', 1), secret, 0 });
    }
    return list;
}

} // namespace Gantry::Test
