#pragma once

#include <QByteArray>
#include <QStringView>

namespace Gantry {

// `text` as one POSIX sh word in single quotes ('it'\''s'), safe for any bytes but NUL.
// Used for every path and value Gantry puts into a script that runs on a server.
QByteArray shellQuote(QStringView text);

} // namespace Gantry
