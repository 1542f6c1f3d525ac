#pragma once

#include <QFuture>
#include <QProcessEnvironment>
#include <QString>

namespace Gantry {

// Version, commit and date for stamping, read from git the way GoReleaser does.
struct VersionInfo {
    QString version; // "1.4.0" from tag v1.4.0; "0.0.0-<short>" without tags; "-dirty" when changed
    QString commit; // full hash, or "none"
    QString shortCommit;
    QString date; // commit time in UTC, ISO 8601
    bool dirty = false;
    bool fromGit = false;

    // From `git describe --tags --always --dirty`, `rev-parse HEAD` and `log -1 --format=%cI`.
    static VersionInfo fromGitOutput(
        const QString &describe, const QString &commit, const QString &commitDate);
    static VersionInfo withoutGit(const QString &projectDir); // dated by its newest source file
    static QFuture<VersionInfo> read(const QString &projectDir, const QProcessEnvironment &env);
};

} // namespace Gantry
