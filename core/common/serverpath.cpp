#include "core/common/serverpath.h"

#include <QRegularExpression>

#include "core/common/printable.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

bool isSafeName(QStringView name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9._@+-]+\\z"_s);
    return name != u"." && name != u".." && pattern.match(name.toString()).hasMatch();
}

} // namespace

Result<void> ServerPath::validate(const QString &path, const QString &what)
{
    if (!path.startsWith(u'/') || path.size() < 2 || path.toUtf8().size() > 4095)
        return fail(tr("The %1 \"%2\" is not an absolute path on the server.").arg(what, printable(path)),
            tr("Use a full path that starts with \"/\", such as /opt/gantry/myapp."));
    const QStringList names = path.mid(1).split(u'/');
    for (const QString &name : names) {
        if (!isSafeName(name))
            return fail(tr("The %1 \"%2\" has a character or part Gantry does not accept.")
                            .arg(what, printable(path)),
                tr("Use letters, digits, \".\", \"_\", \"-\", \"@\" and \"+\" between single slashes; no "
                   "spaces, quotes, \"..\" or trailing slash."));
    }
    return {};
}

} // namespace Gantry
