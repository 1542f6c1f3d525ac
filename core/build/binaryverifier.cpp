#include "core/build/binaryverifier.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Gantry {

GoBuildInfo GoBuildInfo::parse(const QString &versionOutput)
{
    GoBuildInfo info;
    const QStringList lines = versionOutput.split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(u'\t')) {
            const qsizetype colon = line.lastIndexOf(u": go"_s);
            if (colon >= 0)
                info.goVersion = line.mid(colon + 2).trimmed();
            continue;
        }
        const QStringList fields = line.mid(1).split(u'\t');
        if (fields.size() >= 2 && fields[0] == u"path")
            info.path = fields[1];
        else if (fields.size() >= 2 && fields[0] == u"mod")
            info.module = fields[1];
        else if (fields.size() >= 2 && fields[0] == u"build") {
            const qsizetype eq = fields[1].indexOf(u'=');
            if (eq > 0)
                info.settings.insert(fields[1].left(eq), fields[1].mid(eq + 1));
        }
    }
    return info;
}

Result<QString> BinaryVerifier::readablePath(
    const QString &binaryPath, std::unique_ptr<QTemporaryDir> &scratch)
{
#ifdef Q_OS_WIN
    constexpr bool goReadsOnlyExeNames = true;
#else
    constexpr bool goReadsOnlyExeNames = false;
#endif
    if (!goReadsOnlyExeNames || binaryPath.endsWith(u".exe"_s, Qt::CaseInsensitive))
        return binaryPath;
    scratch = std::make_unique<QTemporaryDir>();
    const QString copy = scratch->filePath(QFileInfo(binaryPath).fileName() + u".exe"_s);
    QFile source(binaryPath);
    if (!scratch->isValid() || !source.copy(copy))
        return fail(tr("Cannot copy %1 to read its Go build information back.").arg(binaryPath),
            tr("Check the space and permissions of the temporary folder."),
            scratch->isValid() ? source.errorString() : scratch->errorString());
    return copy;
}

Result<GoBuildInfo> BinaryVerifier::readBuildInfo(const ProcessResult &versionRun, const BuildStep &step)
{
    const QString standardError = QString::fromUtf8(versionRun.standardError).trimmed();
    if (!versionRun.succeeded())
        return fail(tr("Go could not read back the binary built for %1.").arg(step.key),
            tr("Check the Go installation, then build again."),
            standardError.isEmpty() ? versionRun.errorString : standardError);
    GoBuildInfo info = GoBuildInfo::parse(QString::fromUtf8(versionRun.standardOutput));
    if (info.goVersion.isEmpty())
        return fail(tr("Go found no build information in the binary built for %1.").arg(step.key),
            tr("Check that the build wrote a Go executable, then build again."),
            standardError.isEmpty() ? tr("go version -m printed nothing") : standardError);
    return info;
}

Result<void> BinaryVerifier::checkBuildInfo(const GoBuildInfo &info, const BuildStep &step)
{
    const QString hint = tr("Check GOFLAGS and the project's Go settings, then build again.");
    if (info.goVersion.isEmpty())
        return fail(tr("The file built for %1 is not a Go binary Gantry can read back.").arg(step.key), hint);
    const QString goos = info.settings.value(u"GOOS"_s);
    const QString goarch = info.settings.value(u"GOARCH"_s);
    if (goos != step.target.goos || goarch != step.target.goarch)
        return fail(tr("The binary built for %1 is really for %2/%3.").arg(step.key, goos, goarch), hint);
    if (info.settings.value(u"CGO_ENABLED"_s) != u"0")
        return fail(tr("The binary built for %1 uses cgo, so it is not static.").arg(step.key), hint);
    if (info.settings.value(u"-trimpath"_s) != u"true")
        return fail(
            tr("The binary built for %1 still holds local paths (-trimpath is off).").arg(step.key), hint);
    return {};
}

Result<void> BinaryVerifier::checkStamps(const QString &binaryPath, const BuildStep &step)
{
    QFile file(binaryPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read back the binary built for %1.").arg(step.key), tr("Check the disk."),
            file.errorString());
    const QByteArray bytes = file.readAll();
    for (const auto &[symbol, value] : step.stamps) {
        if (value.isEmpty() || bytes.contains(value.toUtf8()))
            continue;
        return fail(tr("The value %1 was not embedded in the binary for %2: Go ignored -X %3.")
                        .arg(value, step.key, symbol),
            tr("Make sure %1 is a package-level string variable without a computed initializer.")
                .arg(symbol));
    }
    return {};
}

} // namespace Gantry
