#include "core/profile/envname.h"

#include <algorithm>

namespace Gantry {

namespace {

bool isLetterOrUnderscore(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

} // namespace

bool EnvName::isValidName(QStringView name)
{
    if (name.isEmpty() || !isLetterOrUnderscore(name.front()))
        return false;
    return std::all_of(name.begin(), name.end(),
        [](QChar c) { return isLetterOrUnderscore(c) || (c >= u'0' && c <= u'9'); });
}

Result<void> EnvName::check(const QString &name)
{
    if (isValidName(name))
        return {};
    const QString rule =
        tr("A name starts with an ASCII letter or \"_\" and holds only ASCII letters, digits "
           "and \"_\", such as DATABASE_URL.");
    if (name.isEmpty())
        return fail(tr("An environment variable has an empty name."), rule);
    return fail(tr("\"%1\" is not a valid environment variable name.").arg(name), rule);
}

} // namespace Gantry
