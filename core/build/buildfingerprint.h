#pragma once

#include <QString>
#include <QStringList>

#include "core/build/buildplan.h"

namespace Gantry {

// Decides whether a cached, already verified binary is still what `go build` would produce,
// the way make and ninja do: from the sizes and times of every input file, the toolchain,
// the environment and the arguments. When nothing changed, Gantry does not run go at all.
class BuildFingerprint final {
public:
    // Inputs shared by every step: the project tree and the local folders go.mod (or the
    // -modfile in GOFLAGS) replaces modules with. Folders outside them are versioned and immutable.
    static QString inputTree(const BuildPlan &plan, const GoModFile &mod, const QString &goFlags);
    static QString forStep(
        const QString &inputTree, const BuildStep &step, const QString &goPath, const QString &goVersion);

    // The record kept beside the cached binary once it was built and read back.
    struct Stamp {
        QString fingerprint;
        QString sha256;
        qint64 size = 0;
        qint64 modifiedMs = 0;
    };
    static QString stampPath(const BuildStep &step);
    static bool isCurrent(const BuildStep &step, const QString &fingerprint, Stamp *stamp);
    // Also removes the least recently written version slots of the same target beyond `keep`.
    static void write(
        const BuildStep &step, const QString &fingerprint, const QString &sha256, int keep = KeptVersions);
    static constexpr int KeptVersions = 4;
    static void invalidate(const BuildStep &step);

    // The folders `replace` points to that are on this disk, resolved against `baseDir`.
    static QStringList localReplacements(const GoModFile &mod, const QString &baseDir);
};

} // namespace Gantry
