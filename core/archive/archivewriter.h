#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// Writes tar.gz and zip archives with libarchive: fixed owner, fixed time, explicit modes,
// so the same inputs give the same bytes.
class ArchiveWriter final {
    Q_DECLARE_TR_FUNCTIONS(ArchiveWriter)
public:
    enum class Format { TarGz, Zip };

    struct Entry {
        QString sourcePath; // a file or a folder on disk (folders are added recursively)
        QString archivePath; // name inside the archive
        bool executable = false;
    };

    static Format formatFor(const QString &archiveFile);
    static Result<void> write(
        const QString &archiveFile, Format format, const QList<Entry> &entries, const QDateTime &modified);
};

} // namespace Gantry
