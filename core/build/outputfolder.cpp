#include "core/build/outputfolder.h"

#include <filesystem>
#include <system_error>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Creates outputDir and its missing parents, remembering which ones were created.
Result<QStringList> makeFolders(const QString &outputDir)
{
    QStringList missing;
    for (QString dir = outputDir; !QFileInfo::exists(dir); dir = QFileInfo(dir).path()) {
        if (QFileInfo(dir).path() == dir)
            break;
        missing.prepend(dir);
    }
    if (QFileInfo::exists(outputDir) && !QFileInfo(outputDir).isDir())
        return fail(OutputFolder::tr("The output folder %1 is a file.").arg(native(outputDir)),
            OutputFolder::tr("Choose another output folder."));
    for (const QString &dir : std::as_const(missing)) {
        if (!QDir().mkdir(dir))
            return fail(OutputFolder::tr("Cannot create the output folder %1.").arg(native(outputDir)),
                OutputFolder::tr("Choose a folder you can write to, or fix the permissions of %1.")
                    .arg(native(QFileInfo(dir).path())));
    }
    return missing;
}

} // namespace

bool OutputFolder::isDiskFull(const QString &text)
{
    return text.contains(u"no space left on device"_s, Qt::CaseInsensitive) ||
        text.contains(u"not enough space on the disk"_s, Qt::CaseInsensitive) ||
        text.contains(u"disk quota exceeded"_s, Qt::CaseInsensitive);
}

Result<OutputFolder::Staging> OutputFolder::prepare(const QString &outputDir, qint64 bytesNeeded)
{
    auto created = makeFolders(outputDir);
    if (!created)
        return std::unexpected(created.error());
    // A build that was killed leaves its staging folder; one untouched for a day is nobody's.
    const QDateTime stale = QDateTime::currentDateTime().addDays(-1);
    for (const QFileInfo &old : QDir(outputDir).entryInfoList(
             { u".gantry-staging-*"_s }, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (old.lastModified() < stale)
            QDir(old.absoluteFilePath()).removeRecursively();
    }
    Staging staging {
        outputDir + u"/.gantry-staging-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12), *created
    };
    if (!QDir().mkdir(staging.path)) {
        discard(staging);
        return fail(tr("Cannot write to the output folder %1.").arg(native(outputDir)),
            tr("Choose a folder you can write to (--out), or fix its permissions."));
    }
    const QStorageInfo storage(outputDir);
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < bytesNeeded) {
        discard(staging);
        return fail(tr("The disk holding %1 is nearly full: %2 MB free, and this build needs about %3 MB.")
                        .arg(native(outputDir))
                        .arg(storage.bytesAvailable() / (1024 * 1024))
                        .arg(bytesNeeded / (1024 * 1024)),
            tr("Free some space, or choose an output folder on another disk."));
    }
    return staging;
}

Result<void> OutputFolder::commit(
    const Staging &staging, const QString &outputDir, const QStringList &obsolete)
{
    const QStringList files = QDir(staging.path).entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        std::error_code error;
        std::filesystem::rename(std::filesystem::path(QString(staging.path + u'/' + file).toStdU16String()),
            std::filesystem::path(QString(outputDir + u'/' + file).toStdU16String()), error);
        if (error) {
            return fail(tr("Could not move %1 into the output folder %2.").arg(file, native(outputDir)),
                tr("Check that no other program holds the file open, then build again."),
                QString::fromLocal8Bit(error.message()));
        }
    }
    for (const QString &file : obsolete) {
        if (!files.contains(file))
            QFile::remove(outputDir + u'/' + file);
    }
    QDir(staging.path).removeRecursively();
    return {};
}

void OutputFolder::discard(const Staging &staging)
{
    if (!staging.path.isEmpty())
        QDir(staging.path).removeRecursively();
    for (auto it = staging.createdDirs.crbegin(); it != staging.createdDirs.crend(); ++it)
        QDir().rmdir(*it); // only succeeds when empty
}

} // namespace Gantry
