#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "core/profile/envvariable.h"

// A check whose oracle is a Linux program (a POSIX sh running the scripts Gantry sends to Linux
// servers, sha256sum, secret-tool) skips in the Windows build, saying so; the Linux build runs it.
#ifdef Q_OS_WIN
#define GANTRY_LINUX_ONLY(reason) QSKIP("Linux only: " reason)
#else
#define GANTRY_LINUX_ONLY(reason) static_cast<void>(0)
#endif

namespace Gantry::Test {

QString sourceDir();
QString fixture(const QString &name);
QString example(const QString &name);

// The environment for an offline build of `projectDir` against Debian's Go sources: a
// staging go.mod written by scripts/go-offline-modfile.sh into `stageDir`, passed as GOFLAGS.
QProcessEnvironment offlineEnvironment(const QString &projectDir, const QString &stageDir);

// Runs a command to the end (tests only); returns stdout, sets exitCode.
QByteArray run(const QString &program, const QStringList &arguments, int *exitCode = nullptr,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    const QString &workingDir = {});

// Variables from "A=1 B=2 *S=x", where a star marks a secret.
QList<EnvVariable> envVariables(const QString &spec);

// This process's descendants whose environment holds `marker` (Linux /proc; a cancelled build
// must leave none). The first call makes this process the child subreaper of its descendants, so
// a grandchild orphaned by a killed child is still found.
QList<qint64> processesWithMarker(const QString &marker);

// This process's descendants, a line each (pid, state, kernel wait, command line, whether the
// environment holds `marker`): what a test prints when a process it waits for never shows up.
QString describeDescendants(const QString &marker = {});

} // namespace Gantry::Test
