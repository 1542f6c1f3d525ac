#include "core/build/artifactnaming.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

QString ArtifactNaming::baseName(const QString &name, const QString &version, const BuildTarget &target)
{
    return name + u'_' + version + u'_' + target.goos + u'_' + target.goarch;
}

QString ArtifactNaming::binaryFile(const QString &name, const QString &version, const BuildTarget &target)
{
    return baseName(name, version, target) + (target.isWindows() ? u".exe"_s : QString());
}

QString ArtifactNaming::archiveFile(const QString &name, const QString &version, const BuildTarget &target)
{
    return baseName(name, version, target) + (target.isWindows() ? u".zip"_s : u".tar.gz"_s);
}

QString ArtifactNaming::binaryInArchive(const QString &name, const BuildTarget &target)
{
    return name + (target.isWindows() ? u".exe"_s : QString());
}

Result<void> ArtifactNaming::checkVersion(const QString &version)
{
    // \z, not $: $ also matches before a final newline, which must not reach file names or -ldflags.
    static const QRegularExpression allowed(u"^[A-Za-z0-9][A-Za-z0-9._+-]*\\z"_s);
    if (version.size() > 128 || !allowed.match(version).hasMatch()) {
        return fail(
            tr("The version \"%1\" cannot be used: it must start with a letter or digit and contain only "
               "letters, digits, dots, dashes, underscores and plus signs.")
                .arg(version),
            tr("Use a version such as 1.4.0 or 1.4.0-rc.1."));
    }
    return {};
}

} // namespace Gantry
