#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/build/gomodfile.h"
#include "core/build/gosourcescanner.h"
#include "core/common/error.h"

namespace Gantry {

// A main package: one binary per target.
struct GoMainPackage {
    QString dir; // absolute
    QString relativeDir; // "." or "cmd/api"
    QString importPath;
    QString binaryName;
    QList<GoStringVar> stringVars;
    QString versionVar; // detected names, e.g. "version"; empty when absent
    QString commitVar;
    QString dateVar;
};

// A dependency that needs cgo, which CGO_ENABLED=0 builds silently break.
struct CgoDependency {
    QString package;
    QString alternative;
};

// What Gantry learns from a Go module folder before building it.
class GoProject final {
    Q_DECLARE_TR_FUNCTIONS(GoProject)
public:
    QString dir;
    QString name; // the last element of the module path
    GoModFile mod;
    QList<GoMainPackage> mainPackages;
    QList<CgoDependency> cgoDependencies;
    QStringList cgoFiles; // the project's own files with import "C" (relative)
    QStringList defaultExtraFiles; // README, LICENSE, config/, static/, templates/ that exist

    static Result<GoProject> scan(const QString &dir);

    // Checks `PKG.NAME` (PKG: "main" or an import path inside the module) names a string
    // variable that -X can set, so that Go does not silently ignore it.
    Result<void> checkVersionSymbol(const GoMainPackage &main, const QString &symbol) const;
    static QString symbolFor(const GoMainPackage &main, const QString &var);

    // The cgo warnings, as sentences with a fix.
    QList<Error> cgoWarnings() const;

    static bool isVersionName(QStringView name);
    static bool isCommitName(QStringView name);
    static bool isDateName(QStringView name);

private:
    void findMainPackages();
    void findCgoDependencies();
    void findExtraFiles();
    QList<GoStringVar> packageVars(const QString &packageDir) const;
};

} // namespace Gantry
