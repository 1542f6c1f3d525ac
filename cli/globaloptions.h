#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry::Cli {

// Options that may stand anywhere on the command line, before or after the command:
// `gantryctl --workspace DIR profile list P` and `gantryctl profile list P --workspace DIR` agree.
class GlobalOptions final {
    Q_DECLARE_TR_FUNCTIONS(GlobalOptions)
public:
    QString workspaceDir; // Workspace::defaultDir() unless --workspace DIR is given

    // Takes the global options out of `arguments`, up to a "--" that ends the options.
    static Result<GlobalOptions> take(QStringList &arguments);
    // For the commands' --help; the option itself has been taken out already.
    static QCommandLineOption workspaceOption();
};

} // namespace Gantry::Cli
