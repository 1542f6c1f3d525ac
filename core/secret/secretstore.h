#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// Secret values in the OS keychain (Windows Credential Manager, macOS Keychain, the Secret
// Service on Linux) through QtKeychain. There is no plaintext fallback: without a keychain,
// every call fails with an error that says so.
class SecretStore final {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
public:
    static QFuture<Result<void>> write(const QString &key, const QString &value);
    static QFuture<Result<QString>> read(const QString &key);
    static QFuture<Result<void>> remove(const QString &key);
    // Writes, reads back and removes a probe entry: is a keychain there and unlocked?
    static QFuture<Result<void>> checkAvailable();

    static QString serviceName();
};

} // namespace Gantry
