#pragma once

#include <QCoreApplication>

#include "core/build/buildmanifest.h"
#include "core/build/buildplan.h"
#include "core/common/error.h"

namespace Gantry {

// Turns one built binary into its artifacts in the staging folder: the binary itself and its
// archive (tar.gz, or zip for Windows) with the project's extra files. An archive whose inputs
// are unchanged since the previous build is reused instead of compressed again.
class ArtifactPackager final {
    Q_DECLARE_TR_FUNCTIONS(ArtifactPackager)
public:
    static Result<QList<BuildArtifact>> produce(const BuildPlan &plan, const BuildStep &step,
        const QString &staging, const BuildManifest &previous, const QString &previousDir);
    static Result<QString> inputsDigest(
        const BuildPlan &plan, const BuildStep &step, const QString &binarySha256);
};

} // namespace Gantry
