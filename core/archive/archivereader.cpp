#include "core/archive/archivereader.h"

#include <archive.h>
#include <archive_entry.h>

#include <functional>
#include <memory>

#include <QDir>
#include <QFile>

#include "core/archive/archivefile.h"
#include "core/common/sha256.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

using ReaderPtr = std::unique_ptr<archive, decltype(&archive_read_free)>;
using Visit = std::function<bool(archive *, archive_entry *)>; // false stops

Result<void> forEachEntry(const QString &archiveFile, const Visit &visit)
{
    ReaderPtr a(archive_read_new(), &archive_read_free);
    archive_read_support_filter_all(a.get());
    // The formats Gantry writes. Zip is read through its central directory, as unzip and Windows do:
    // the streaming zip reader of format_all accepts a file whose directory was cut off.
    archive_read_support_format_tar(a.get());
    archive_read_support_format_zip_seekable(a.get());
    const auto broken = [&] {
        const char *why = archive_error_string(a.get());
        return fail(
            ArchiveReader::tr("Cannot read the archive %1.").arg(QDir::toNativeSeparators(archiveFile)),
            ArchiveReader::tr("The file may be damaged or incomplete; build it again."),
            why ? QString::fromUtf8(why) : QString());
    };
    if (ArchiveFile::openForReading(a.get(), archiveFile, 1 << 16) != ARCHIVE_OK)
        return broken();
    archive_entry *entry = nullptr;
    int status;
    while ((status = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        if (!visit(a.get(), entry))
            return {};
    }
    if (status != ARCHIVE_EOF)
        return broken();
    return {};
}

} // namespace

Result<QList<ArchiveReader::Item>> ArchiveReader::list(const QString &archiveFile)
{
    QList<Item> items;
    bool dataError = false;
    auto result = forEachEntry(archiveFile, [&](archive *a, archive_entry *entry) {
        Item item;
        item.name = QString::fromUtf8(archive_entry_pathname_utf8(entry));
        item.isDir = archive_entry_filetype(entry) == AE_IFDIR;
        item.mode = int(archive_entry_perm(entry));
        item.size = archive_entry_size(entry);
        if (!item.isDir) {
            Sha256 hash;
            char buffer[1 << 16];
            la_ssize_t n;
            while ((n = archive_read_data(a, buffer, sizeof(buffer))) > 0)
                hash.addData(QByteArrayView(buffer, n));
            dataError = n < 0;
            item.sha256 = QString::fromLatin1(hash.result().toHex());
        }
        items << item;
        return !dataError;
    });
    if (!result)
        return std::unexpected(result.error());
    if (dataError)
        return fail(tr("The archive %1 is damaged.").arg(QDir::toNativeSeparators(archiveFile)),
            tr("Build it again."));
    return items;
}

Result<void> ArchiveReader::extractFile(
    const QString &archiveFile, const QString &name, const QString &destination)
{
    bool found = false;
    QString writeError;
    auto result = forEachEntry(archiveFile, [&](archive *a, archive_entry *entry) {
        if (QString::fromUtf8(archive_entry_pathname_utf8(entry)) != name)
            return true;
        found = true;
        QFile out(destination);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            writeError = out.errorString();
            return false;
        }
        char buffer[1 << 16];
        la_ssize_t n;
        while ((n = archive_read_data(a, buffer, sizeof(buffer))) > 0) {
            if (out.write(buffer, n) != n) {
                writeError = out.errorString();
                break;
            }
        }
        return false;
    });
    if (!result)
        return result;
    if (!found)
        return fail(tr("The archive %1 has no file %2.").arg(QDir::toNativeSeparators(archiveFile), name),
            tr("Build the project again."));
    if (!writeError.isEmpty())
        return fail(tr("Could not write %1.").arg(QDir::toNativeSeparators(destination)),
            tr("Check the folder is writable and the disk has space."), writeError);
    return {};
}

} // namespace Gantry
