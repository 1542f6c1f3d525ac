#pragma once

#include <QString>

namespace Gantry {

// `text` with control characters written as \xNN, so quoting a user's value in an error message
// keeps the message on one line and shows what is wrong with it.
QString printable(const QString &text);

} // namespace Gantry
