#include "core/testsupport.h"

#include "core/processtree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

#ifdef Q_OS_WIN
// A Windows program cannot run the bash script: tests/windows/wine-run.sh has staged the project
// on the Linux side before Wine started, in GANTRY_TEST_OFFLINE_STAGES/<project folder name>/.
static QString offlineGoFlags(const QString &projectDir, const QString &)
{
    const QString stages = qEnvironmentVariable("GANTRY_TEST_OFFLINE_STAGES");
    const QString modfile = stages + u'/' + QFileInfo(projectDir).fileName() + u"/go.mod"_s;
    if (stages.isEmpty() || !QFileInfo::exists(modfile))
        qFatal("no staging go.mod for %s in GANTRY_TEST_OFFLINE_STAGES (%s): list the project in "
               "GANTRY_OFFLINE_PROJECTS (tests/CMakeLists.txt)",
            qPrintable(projectDir), qPrintable(stages));
    return u"-mod=mod -modfile="_s + QDir::toNativeSeparators(modfile);
}
#else
static QString offlineGoFlags(const QString &projectDir, const QString &stageDir)
{
    int code = -1;
    const QByteArray out =
        run(u"bash"_s, { sourceDir() + u"/scripts/go-offline-modfile.sh"_s, projectDir, stageDir }, &code);
    if (code != 0)
        qFatal("go-offline-modfile.sh failed for %s", qPrintable(projectDir));
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QString::fromUtf8(lines.last()).trimmed();
}
#endif

QProcessEnvironment offlineEnvironment(const QString &projectDir, const QString &stageDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GOFLAGS"_s, offlineGoFlags(projectDir, stageDir));
    env.insert(u"GOPROXY"_s, u"off"_s);
    return env;
}

QList<qint64> processesWithMarker(const QString &marker)
{
    QList<qint64> found;
    for (const ProcessInfo &process : descendantProcesses()) {
        if (environmentHolds(process.pid, marker))
            found << process.pid;
    }
    return found;
}

QString describeDescendants(const QString &marker)
{
    QStringList lines;
    for (const ProcessInfo &process : descendantProcesses()) {
        lines << u"%1 ppid %2 state %3 wchan %4 marker %5: %6"_s.arg(process.pid)
                     .arg(process.parent)
                     .arg(process.state, process.wait,
                         environmentHolds(process.pid, marker) ? u"yes"_s : u"no"_s, process.commandLine);
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
