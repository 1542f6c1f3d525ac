#pragma once

#include <QList>
#include <QString>

#include "core/build/buildmanifest.h"
#include "core/build/godiagnostic.h"
#include "core/common/error.h"

namespace Gantry {

struct BuildResult {
    bool success = false;
    bool cancelled = false;
    Error error; // set when !success
    QList<GoDiagnostic> diagnostics; // compile and module errors, with absolute paths
    QList<Error> warnings;
    BuildManifest manifest; // set when success
    QString outputDir;
};

} // namespace Gantry
