#include "core/common/shellquote.h"

namespace Gantry {

QByteArray shellQuote(QStringView text)
{
    QByteArray quoted = text.toUtf8();
    quoted.replace('\'', QByteArrayLiteral("'\\''"));
    quoted.prepend('\'');
    quoted.append('\'');
    return quoted;
}

} // namespace Gantry
