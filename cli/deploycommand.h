#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Gantry::Cli {

class GlobalOptions;

// gantryctl deploy | releases | rollback | status | env diff: a project's service on servers.
class DeployCommand final {
    Q_DECLARE_TR_FUNCTIONS(DeployCommand)
public:
    static int deploy(const GlobalOptions &global, const QStringList &arguments);
    static int releases(const GlobalOptions &global, const QStringList &arguments);
    static int rollback(const GlobalOptions &global, const QStringList &arguments);
    static int status(const GlobalOptions &global, const QStringList &arguments);
    static int envDiff(const GlobalOptions &global, const QStringList &arguments);
};

} // namespace Gantry::Cli
