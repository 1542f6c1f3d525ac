#include "core/archive/archivefile.h"

#include <archive.h>

#include <QDir>
#include <QFile>

namespace Gantry {

int ArchiveFile::openForWriting(archive *a, const QString &fileName)
{
#ifdef Q_OS_WIN
    const std::wstring name = QDir::toNativeSeparators(fileName).toStdWString();
    return archive_write_open_filename_w(a, name.c_str());
#else
    return archive_write_open_filename(a, QFile::encodeName(fileName).constData());
#endif
}

int ArchiveFile::openForReading(archive *a, const QString &fileName, size_t blockSize)
{
#ifdef Q_OS_WIN
    const std::wstring name = QDir::toNativeSeparators(fileName).toStdWString();
    return archive_read_open_filename_w(a, name.c_str(), blockSize);
#else
    return archive_read_open_filename(a, QFile::encodeName(fileName).constData(), blockSize);
#endif
}

} // namespace Gantry
