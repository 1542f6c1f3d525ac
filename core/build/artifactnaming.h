#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/build/buildtarget.h"
#include "core/common/error.h"

namespace Gantry {

// `<name>_<version>_<os>_<arch>[.exe]`, the GoReleaser convention.
class ArtifactNaming final {
    Q_DECLARE_TR_FUNCTIONS(ArtifactNaming)
public:
    static QString baseName(const QString &name, const QString &version, const BuildTarget &target);
    static QString binaryFile(const QString &name, const QString &version, const BuildTarget &target);
    static QString archiveFile(const QString &name, const QString &version, const BuildTarget &target);
    static QString binaryInArchive(const QString &name, const BuildTarget &target);
    // A version must be usable in a file name and in -ldflags.
    static Result<void> checkVersion(const QString &version);
};

} // namespace Gantry
