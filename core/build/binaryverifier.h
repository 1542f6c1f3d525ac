#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include "core/build/buildplan.h"
#include "core/common/error.h"

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
    static Result<void> checkBuildInfo(const GoBuildInfo &info, const BuildStep &step);
    static Result<void> checkStamps(const QString &binaryPath, const BuildStep &step);
};

} // namespace Gantry
