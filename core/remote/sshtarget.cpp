#include "core/remote/sshtarget.h"

using namespace Qt::StringLiterals;

namespace Gantry {

QString SshTarget::display() const
{
    return u"%1@%2:%3"_s.arg(user, host).arg(port);
}

} // namespace Gantry
