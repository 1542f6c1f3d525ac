#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Gantry::Cli {

// `gantryctl build PROJECT_DIR [--target OS/ARCH]... [--version V] [--version-var PKG.NAME]
// [--out DIR] [--json]`. Exit codes: 0 built, 1 failed (message names problem and fix), 2 usage.
class BuildCommand final {
    Q_DECLARE_TR_FUNCTIONS(BuildCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace Gantry::Cli
