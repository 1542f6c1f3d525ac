#include "core/archive/archivewriter.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/archive/archivefile.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_write_free)>;
using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

struct FileItem {
    QString source;
    QString name;
    bool isDir;
    bool executable;
};

// Whether a file goes into the archive as 0755. Windows file systems keep no execute bit (QFileInfo
// takes .exe and .bat for executables), so there a script is known by its "#!" line, as a Linux
// server will run it.
bool isExecutableFile(const QFileInfo &info)
{
#ifdef Q_OS_WIN
    QFile file(info.filePath());
    return file.open(QIODevice::ReadOnly) && file.read(2) == "#!";
#else
    return info.isExecutable();
#endif
}

QList<FileItem> expand(const QList<ArchiveWriter::Entry> &entries)
{
    QList<FileItem> items;
    for (const ArchiveWriter::Entry &entry : entries) {
        const QFileInfo info(entry.sourcePath);
        if (!info.isDir()) {
            items << FileItem { entry.sourcePath, entry.archivePath, false, entry.executable };
            continue;
        }
        items << FileItem { entry.sourcePath, entry.archivePath, true, false };
        QStringList children;
        QDirIterator it(entry.sourcePath, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            children << it.next();
        children.sort(); // stable order: reproducible archives
        for (const QString &child : std::as_const(children)) {
            const QFileInfo childInfo(child);
            const QString name = entry.archivePath + u'/' + QDir(entry.sourcePath).relativeFilePath(child);
            items << FileItem { child, name, childInfo.isDir(),
                !childInfo.isDir() && isExecutableFile(childInfo) };
        }
    }
    return items;
}

QString archiveError(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromUtf8(text) : QString();
}

} // namespace

ArchiveWriter::Format ArchiveWriter::formatFor(const QString &archiveFile)
{
    return archiveFile.endsWith(u".zip"_s, Qt::CaseInsensitive) ? Format::Zip : Format::TarGz;
}

Result<void> ArchiveWriter::write(
    const QString &archiveFile, Format format, const QList<Entry> &entries, const QDateTime &modified)
{
    ArchivePtr a(archive_write_new(), &archive_write_free);
    const auto failWrite = [&](const QString &cause) {
        a.reset(); // close the file before removing it (Windows cannot delete an open file)
        QFile::remove(archiveFile);
        return fail(tr("Could not write the archive %1.").arg(QDir::toNativeSeparators(archiveFile)),
            tr("Check that the output folder is writable and the disk has free space."), cause);
    };
    if (format == Format::Zip) {
        archive_write_set_format_zip(a.get());
    } else {
        archive_write_set_format_pax_restricted(a.get());
        archive_write_add_filter_gzip(a.get());
        archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr); // no time in the gzip header
    }
    if (ArchiveFile::openForWriting(a.get(), archiveFile) != ARCHIVE_OK) {
        const QString why = archiveError(a.get());
        return failWrite(why);
    }

    const time_t mtime = modified.isValid() ? modified.toSecsSinceEpoch() : 0;
    for (const FileItem &item : expand(entries)) {
        EntryPtr entry(archive_entry_new(), &archive_entry_free);
        archive_entry_set_pathname_utf8(entry.get(), item.name.toUtf8().constData());
        archive_entry_set_mtime(entry.get(), mtime, 0);
        archive_entry_set_uid(entry.get(), 0);
        archive_entry_set_gid(entry.get(), 0);
        QFile file(item.source);
        if (item.isDir) {
            archive_entry_set_filetype(entry.get(), AE_IFDIR);
            archive_entry_set_perm(entry.get(), 0755);
        } else {
            if (!file.open(QIODevice::ReadOnly))
                return failWrite(item.source + u": "_s + file.errorString());
            archive_entry_set_filetype(entry.get(), AE_IFREG);
            archive_entry_set_perm(entry.get(), item.executable ? 0755 : 0644);
            archive_entry_set_size(entry.get(), file.size());
        }
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK) {
            const QString why = archiveError(a.get());
            return failWrite(why);
        }
        while (!item.isDir && !file.atEnd()) {
            const QByteArray chunk = file.read(1 << 20);
            if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
                return failWrite(file.errorString());
            if (archive_write_data(a.get(), chunk.constData(), size_t(chunk.size())) < 0) {
                const QString why = archiveError(a.get());
                return failWrite(why);
            }
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) {
        const QString why = archiveError(a.get());
        return failWrite(why);
    }
    return {};
}

} // namespace Gantry
