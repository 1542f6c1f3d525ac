#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>

#include "core/build/buildoptions.h"
#include "core/build/goproject.h"
#include "core/build/gotoolchain.h"
#include "core/build/versioninfo.h"
#include "core/common/error.h"

namespace Gantry {

// One `go build` of one main package for one target.
struct BuildStep {
    QString key; // "linux/amd64", or "cmd/api linux/amd64" when there are several main packages
    GoMainPackage package;
    BuildTarget target;
    QString binaryFile; // in the output folder
    QString archiveFile; // in the output folder
    QString cachedBinary; // stable path go builds into, so an unchanged build is not linked again
    QString ldflags; // rendered
    QList<std::pair<QString, QString>> stamps; // -X symbol, value
    QStringList arguments;
    QProcessEnvironment environment;
    QString fingerprint; // of every input; empty until the session computed it
    QString upToDateSha256; // set when the cached binary matches the fingerprint: go is not run
};

// Everything decided before the first `go build` starts.
struct BuildPlan {
    Q_DECLARE_TR_FUNCTIONS(BuildPlan)
public:
    QString projectDir;
    QString projectName;
    QString module;
    VersionInfo version;
    QString goVersion;
    QString outputDir;
    QString ldflagsTemplate;
    QStringList extraGoFlags;
    QStringList extraFiles;
    QList<BuildStep> steps;
    QList<Error> warnings;

    static Result<BuildPlan> make(const BuildOptions &options, const GoProject &project,
        const GoToolchain &go, const QList<BuildTarget> &knownTargets, VersionInfo version);
    // The -X symbol=value pairs in rendered ldflags.
    static QList<std::pair<QString, QString>> stampsIn(const QString &ldflags);
    // The caller's environment with the project's Go settings; GOFLAGS from both are kept.
    static QProcessEnvironment mergeEnvironment(
        const QProcessEnvironment &base, const QMap<QString, QString> &goEnv);

private:
    Result<void> resolveTargets(
        const BuildOptions &options, const QList<BuildTarget> &known, QList<BuildTarget> *targets) const;
    Result<QList<GoMainPackage>> selectPackages(const BuildOptions &options, const GoProject &project) const;
    Result<BuildStep> makeStep(const BuildOptions &options, const GoProject &project,
        const GoMainPackage &package, const BuildTarget &target, const QProcessEnvironment &env) const;
};

} // namespace Gantry
