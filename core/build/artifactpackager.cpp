#include "core/build/artifactpackager.h"

#include <filesystem>
#include <system_error>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/archive/archivewriter.h"
#include "core/build/artifactnaming.h"
#include "core/build/binaryverifier.h"
#include "core/build/buildfingerprint.h"
#include "core/build/checksumfile.h"
#include "core/build/outputfolder.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

Result<BuildArtifact> describe(
    const BuildStep &step, const QString &kind, const QString &staging, const QString &file)
{
    auto sha = ChecksumFile::sha256OfFile(staging + u'/' + file);
    if (!sha)
        return std::unexpected(sha.error());
    return BuildArtifact { kind, step.target.toString(), step.package.relativeDir, step.package.binaryName,
        file, QFileInfo(staging + u'/' + file).size(), *sha, {} };
}

Error writeError(const QString &file, const QString &cause)
{
    const bool full = OutputFolder::isDiskFull(cause);
    return Error { full ? ArtifactPackager::tr("The disk is full: %1 could not be written.").arg(file)
                        : ArtifactPackager::tr("Could not write %1 to the output folder.").arg(file),
        full ? ArtifactPackager::tr("Free some space, or choose an output folder on another disk.")
             : ArtifactPackager::tr("Check that the output folder is writable."),
        cause };
}

Result<void> copyBinary(const BuildStep &step, const QString &target)
{
    // std::filesystem lets the OS copy (copy_file_range, CopyFileEx) without a trip through us.
    std::error_code error;
    std::filesystem::copy_file(std::filesystem::path(step.cachedBinary.toStdU16String()),
        std::filesystem::path(target.toStdU16String()), std::filesystem::copy_options::overwrite_existing,
        error);
    if (error)
        return std::unexpected(
            writeError(QFileInfo(target).fileName(), QString::fromLocal8Bit(error.message())));
    QFile out(target);
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
        QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    return {};
}

Result<BuildArtifact> describeBinary(const BuildStep &step, const QString &staging)
{
    if (!step.upToDateSha256.isEmpty()) // verified when it was built; the copy is the same bytes
        return BuildArtifact { u"binary"_s, step.target.toString(), step.package.relativeDir,
            step.package.binaryName, step.binaryFile, QFileInfo(staging + u'/' + step.binaryFile).size(),
            step.upToDateSha256, {} };
    if (auto ok = BinaryVerifier::checkStamps(staging + u'/' + step.binaryFile, step); !ok)
        return std::unexpected(ok.error());
    auto binary = describe(step, u"binary"_s, staging, step.binaryFile);
    if (binary)
        BuildFingerprint::write(step, step.fingerprint, binary->sha256);
    return binary;
}

bool reuseArchive(
    const BuildArtifact *old, const QString &digest, const QString &previousDir, const QString &target)
{
    if (!old || old->inputsDigest != digest || previousDir.isEmpty())
        return false;
    const QString path = previousDir + u'/' + old->file;
    const auto sha = ChecksumFile::sha256OfFile(path);
    return sha && *sha == old->sha256 && QFile::copy(path, target);
}

} // namespace

Result<QString> ArtifactPackager::inputsDigest(
    const BuildPlan &plan, const BuildStep &step, const QString &binarySha256)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("gantry-archive-v1\n"));
    hash.addData((step.archiveFile + u'\n' + binarySha256 + u'\n' + plan.version.date + u'\n').toUtf8());
    for (const QString &extra : plan.extraFiles) {
        const QString root = plan.projectDir + u'/' + extra;
        QStringList files { root };
        if (QFileInfo(root).isDir()) {
            files.clear();
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
            files.sort();
        }
        for (const QString &file : std::as_const(files)) {
            auto sha = ChecksumFile::sha256OfFile(file);
            if (!sha)
                return std::unexpected(sha.error());
            const QFileInfo info(file);
            hash.addData((QDir(plan.projectDir).relativeFilePath(file) + u'\n' + *sha +
                (info.isExecutable() ? u"x\n"_s : u"-\n"_s))
                             .toUtf8());
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

Result<QList<BuildArtifact>> ArtifactPackager::produce(const BuildPlan &plan, const BuildStep &step,
    const QString &staging, const BuildManifest &previous, const QString &previousDir)
{
    if (auto ok = copyBinary(step, staging + u'/' + step.binaryFile); !ok)
        return std::unexpected(ok.error());
    auto binary = describeBinary(step, staging);
    if (!binary)
        return std::unexpected(binary.error());
    auto digest = inputsDigest(plan, step, binary->sha256);
    if (!digest)
        return std::unexpected(digest.error());

    const QString archivePath = staging + u'/' + step.archiveFile;
    const BuildArtifact *old = previous.find(u"archive"_s, step.target.toString(), step.package.relativeDir);
    const bool reused = reuseArchive(old, *digest, previousDir, archivePath);
    if (!reused) {
        QList<ArchiveWriter::Entry> entries { { staging + u'/' + step.binaryFile,
            ArtifactNaming::binaryInArchive(step.package.binaryName, step.target), true } };
        for (const QString &extra : plan.extraFiles)
            entries << ArchiveWriter::Entry { plan.projectDir + u'/' + extra, extra, false };
        const QDateTime modified = QDateTime::fromString(plan.version.date, Qt::ISODate);
        auto written =
            ArchiveWriter::write(archivePath, ArchiveWriter::formatFor(archivePath), entries, modified);
        if (!written)
            return std::unexpected(writeError(step.archiveFile, written.error().cause));
    }
    auto archive =
        reused ? Result<BuildArtifact>(*old) : describe(step, u"archive"_s, staging, step.archiveFile);
    if (!archive)
        return std::unexpected(archive.error());
    archive->inputsDigest = *digest;
    return QList<BuildArtifact> { *binary, *archive };
}

} // namespace Gantry
