#include "core/build/godiagnostic.h"

namespace Gantry {

QString GoDiagnostic::toString() const
{
    if (file.isEmpty())
        return message;
    QString location = file + u':' + QString::number(line);
    if (column > 0)
        location += u':' + QString::number(column);
    return location + u": " + message;
}

} // namespace Gantry
