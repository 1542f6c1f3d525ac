#pragma once

#include <memory>

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include "core/build/buildplan.h"
#include "core/common/error.h"
#include "core/process/processspec.h"

class QTemporaryDir;

namespace Gantry {

// What `go version -m BINARY` reads back from an ELF, PE or Mach-O file.
struct GoBuildInfo {
    QString goVersion; // empty: not a Go binary
    QString path;
    QString module;
    QHash<QString, QString> settings; // the "build" lines: GOOS, GOARCH, CGO_ENABLED, -trimpath ...

    static GoBuildInfo parse(const QString &versionOutput);
};

// Confirms a binary is what the plan asked for: platform, no cgo, and every -X value embedded
// (Go silently ignores -X for a symbol that does not exist).
class BinaryVerifier final {
    Q_DECLARE_TR_FUNCTIONS(BinaryVerifier)
public:
    // The file to hand to `go version -m`: the binary itself, except on Windows, where go reads
    // only files named *.exe (for any other name it prints "not executable file" on stderr and
    // exits 0): a binary named otherwise (linux/amd64 ...) is read from a copy named *.exe in
    // `scratch` (made then), which must outlive the read.
    static Result<QString> readablePath(const QString &binaryPath, std::unique_ptr<QTemporaryDir> &scratch);
    // The build info in the answer of `go version -m`; an answer without any (empty output,
    // "not executable file") is an error, never a pass.
    static Result<GoBuildInfo> readBuildInfo(const ProcessResult &versionRun, const BuildStep &step);
    static Result<void> checkBuildInfo(const GoBuildInfo &info, const BuildStep &step);
    static Result<void> checkStamps(const QString &binaryPath, const BuildStep &step);
};

} // namespace Gantry
