#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// A path on a Linux server that Gantry writes into unit files and scripts. Only a safe subset
// is accepted, so a path never needs quoting or escaping in a unit file (where "%", "$", "\",
// quotes and whitespace all mean something) and never hides a "..".
class ServerPath final {
    Q_DECLARE_TR_FUNCTIONS(ServerPath)
public:
    // Absolute, "/"-separated names of [A-Za-z0-9._@+-], no "." or ".." names, no empty names,
    // not "/" itself, at most 4095 bytes. `what` names the setting in the error ("deploy root").
    static Result<void> validate(const QString &path, const QString &what);
};

} // namespace Gantry
