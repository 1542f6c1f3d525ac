#pragma once

#include <QString>

#include "core/common/error.h"

namespace Gantry::Cli {

// SecretStore's futures, waited for: a command line tool has nothing else to do meanwhile.
class Keychain final {
public:
    static Result<void> write(const QString &key, const QString &value);
    static Result<QString> read(const QString &key);
    // An entry that is not there counts as removed.
    static Result<void> remove(const QString &key);
    static Result<void> checkAvailable();
};

} // namespace Gantry::Cli
