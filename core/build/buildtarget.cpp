#include "core/build/buildtarget.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

std::optional<BuildTarget> BuildTarget::parse(QStringView text)
{
    static const QRegularExpression pattern(u"^([a-z0-9]+)/([a-z0-9]+)$"_s);
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return BuildTarget { match.captured(1), match.captured(2) };
}

QList<BuildTarget> BuildTarget::defaults()
{
    return { BuildTarget { u"linux"_s, u"amd64"_s }, BuildTarget { u"windows"_s, u"amd64"_s } };
}

} // namespace Gantry
