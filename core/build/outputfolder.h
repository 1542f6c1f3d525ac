#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// The output folder of a build: files are written to a staging folder inside it and moved
// into place only when the whole build succeeded.
class OutputFolder final {
    Q_DECLARE_TR_FUNCTIONS(OutputFolder)
public:
    struct Staging {
        QString path;
        QStringList createdDirs; // folders this build created, removed again on failure when empty
    };

    static Result<Staging> prepare(const QString &outputDir, qint64 bytesNeeded);
    // Moves every file of the staging folder into outputDir and removes `obsolete` files there.
    static Result<void> commit(const Staging &staging, const QString &outputDir, const QStringList &obsolete);
    static void discard(const Staging &staging);
    static bool isDiskFull(const QString &text);
};

} // namespace Gantry
