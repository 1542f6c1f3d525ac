#include "core/common/error.h"

namespace Gantry {

QString Error::toString() const
{
    QString text = message;
    if (!hint.isEmpty())
        text += u' ' + hint;
    if (!cause.isEmpty())
        text += u"\n  " + cause;
    return text;
}

} // namespace Gantry
