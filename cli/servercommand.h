#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Gantry::Cli {

class GlobalOptions;

// gantryctl server add | check | list | remove | import
class ServerCommand final {
    Q_DECLARE_TR_FUNCTIONS(ServerCommand)
public:
    static int run(const GlobalOptions &global, const QStringList &arguments);
};

} // namespace Gantry::Cli
