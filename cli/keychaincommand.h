#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Gantry::Cli {

// `gantryctl keychain check`: is there a keychain Gantry can keep secrets in? Exit 0 yes, 1 no.
class KeychainCommand final {
    Q_DECLARE_TR_FUNCTIONS(KeychainCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace Gantry::Cli
