#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

struct GoModRequirement {
    QString path;
    QString version;
    bool indirect = false; // marked "// indirect"
    int line = 0;
};

struct GoModReplacement {
    QString oldPath;
    QString oldVersion; // empty: every version of oldPath
    QString newPath; // a module path, or a local directory such as ../fork
    QString newVersion; // empty for a local directory
    int line = 0;
};

// The contents of a go.mod file, read the way golang.org/x/mod/modfile reads a main module's
// go.mod. Directives from Go releases newer than the installed toolchain are accepted;
// the caller decides whether that toolchain can build the module.
struct GoModFile {
    Q_DECLARE_TR_FUNCTIONS(GoModFile)
public:
    QString modulePath;
    int moduleLine = 0;
    QString goVersion; // as written, e.g. "1.19" or "1.22.1"; empty if absent
    int goLine = 0;
    QString toolchain; // e.g. "go1.22.4"; empty if absent
    int toolchainLine = 0;
    QList<GoModRequirement> requirements;
    QList<GoModReplacement> replacements;
    QStringList excludes; // "path version"
    QStringList retracts; // "v1.0.1" or "[v1.0.0, v1.0.5]"
    QStringList godebugs; // "key=value"
    QStringList tools; // package paths (Go 1.24)
    QStringList ignores; // directories (Go 1.25)

    // Errors read "<fileName>:<line>: <problem>" and carry a hint and the offending line.
    static Result<GoModFile> parse(QByteArrayView text, const QString &fileName = QStringLiteral("go.mod"));
    static Result<GoModFile> load(const QString &path);
};

} // namespace Gantry
