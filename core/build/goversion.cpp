#include "core/build/goversion.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// Numbers without leading zeros, as Go's own version syntax requires.
const QRegularExpression &versionPattern()
{
    static const QRegularExpression pattern(
        u"^(?:go)?([1-9][0-9]{0,8})(?:\\.(0|[1-9][0-9]{0,8}))?(?:\\.(0|[1-9][0-9]{0,8}))?([a-z]+[0-9]{1,9})?$"_s);
    return pattern;
}

struct PrereleaseKey {
    QStringView kind;
    int number = 0;
};

// "rc10" must sort after "rc2", so the number is compared as a number.
PrereleaseKey prereleaseKey(QStringView prerelease)
{
    qsizetype digits = prerelease.size();
    while (digits > 0 && prerelease.at(digits - 1).isDigit())
        --digits;
    return { prerelease.first(digits), prerelease.sliced(digits).toInt() };
}

std::weak_ordering comparePrereleases(const QString &left, const QString &right)
{
    if (left.isEmpty() || right.isEmpty())
        return left.isEmpty() <=> right.isEmpty(); // a release sorts after any prerelease
    const PrereleaseKey l = prereleaseKey(left);
    const PrereleaseKey r = prereleaseKey(right);
    if (const int kind = l.kind.compare(r.kind); kind != 0)
        return kind <=> 0;
    return l.number <=> r.number;
}

} // namespace

std::optional<GoVersion> GoVersion::parse(QStringView text)
{
    // A QString subject works on Qt 6.4 and later without the QStringView overload's deprecation.
    const QRegularExpressionMatch match = versionPattern().match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    GoVersion version;
    version.major = match.capturedView(1).toInt();
    version.minor = match.capturedView(2).toInt();
    version.hasPatch = match.hasCaptured(3);
    version.patch = match.capturedView(3).toInt();
    version.prerelease = match.captured(4);
    return version;
}

QString GoVersion::toString() const
{
    QString text = QString::number(major) + u'.' + QString::number(minor);
    if (hasPatch)
        text += u'.' + QString::number(patch);
    return text + prerelease;
}

std::weak_ordering operator<=>(const GoVersion &left, const GoVersion &right)
{
    if (left.major != right.major)
        return left.major <=> right.major;
    if (left.minor != right.minor)
        return left.minor <=> right.minor;
    if (left.patch != right.patch)
        return left.patch <=> right.patch;
    return comparePrereleases(left.prerelease, right.prerelease);
}

bool operator==(const GoVersion &left, const GoVersion &right)
{
    return (left <=> right) == 0;
}

} // namespace Gantry
