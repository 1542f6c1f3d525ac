#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// Reads an archive back: names, types, modes, sizes and content checksums.
class ArchiveReader final {
    Q_DECLARE_TR_FUNCTIONS(ArchiveReader)
public:
    struct Item {
        QString name;
        bool isDir = false;
        int mode = 0; // permission bits
        qint64 size = 0;
        QString sha256; // of the content; empty for folders
    };

    static Result<QList<Item>> list(const QString &archiveFile);
    // Writes the file `name` from the archive to `destination`.
    static Result<void> extractFile(
        const QString &archiveFile, const QString &name, const QString &destination);
};

} // namespace Gantry
