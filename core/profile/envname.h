#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include "core/common/error.h"

namespace Gantry {

// Environment variable names as POSIX and systemd accept them: [A-Za-z_][A-Za-z0-9_]*.
// systemd silently drops any other name from an EnvironmentFile=, so Gantry refuses them up front.
class EnvName final {
    Q_DECLARE_TR_FUNCTIONS(EnvName)
public:
    static bool isValidName(QStringView name);
    static Result<void> check(const QString &name);
};

} // namespace Gantry
