#pragma once

#include <chrono>

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Gantry {

// Everything needed to run one external command.
struct ProcessSpec {
    QString program; // a name looked up on PATH, or a path
    QStringList arguments;
    QString workingDirectory;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    std::chrono::milliseconds timeout { 0 }; // zero: no limit
    bool captureStandardOutput = false; // keep stdout in ProcessResult::standardOutput
    bool captureStandardError = false; // keep stderr in ProcessResult::standardError
};

struct ProcessResult {
    bool started = false;
    bool crashed = false;
    bool timedOut = false;
    bool cancelled = false;
    int exitCode = -1;
    QString errorString;
    QByteArray standardOutput;
    QByteArray standardError;

    bool succeeded() const { return started && !crashed && !timedOut && !cancelled && exitCode == 0; }
};

} // namespace Gantry
