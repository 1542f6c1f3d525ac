#include "core/testsupport.h"

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

QList<qint64> processesWithMarker(const QString &marker)
{
    QList<qint64> found;
    const QByteArray needle = marker.toUtf8();
    const QStringList pids = QDir(u"/proc"_s).entryList({ u"[0-9]*"_s }, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile environ(u"/proc/"_s + pid + u"/environ"_s);
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().contains(needle))
            found << pid.toLongLong();
    }
    return found;
}

QString describeDescendants(const QString &marker)
{
    const auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QMultiHash<qint64, qint64> children;
    const QStringList pids = QDir(u"/proc"_s).entryList({ u"[0-9]*"_s }, QDir::Dirs);
    for (const QString &pid : pids) {
        // stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its ')'.
        const QByteArray stat = read(u"/proc/"_s + pid + u"/stat"_s);
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid.toLongLong());
    }
    QStringList lines;
    QList<qint64> todo { QCoreApplication::applicationPid() };
    while (!todo.isEmpty()) {
        const qint64 parent = todo.takeFirst();
        for (const qint64 child : children.values(parent)) {
            const QString dir = u"/proc/"_s + QString::number(child);
            const QByteArray stat = read(dir + u"/stat"_s);
            QByteArray cmdline = read(dir + u"/cmdline"_s);
            cmdline.replace('\0', ' ');
            lines << u"%1 ppid %2 state %3 wchan %4 marker %5: %6"_s.arg(child).arg(parent).arg(
                QString::fromLatin1(stat.mid(stat.lastIndexOf(')') + 2, 1)),
                QString::fromLatin1(read(dir + u"/wchan"_s)),
                !marker.isEmpty() && read(dir + u"/environ"_s).contains(marker.toUtf8()) ? u"yes"_s : u"no"_s,
                QString::fromLocal8Bit(cmdline.trimmed()));
            todo << child;
        }
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
