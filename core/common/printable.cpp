#include "core/common/printable.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

QString printable(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const bool control = c.unicode() < 0x20 || c.unicode() == 0x7F;
        out += control ? u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QChar(u'0')) : QString(c);
    }
    return out;
}

} // namespace Gantry
