#pragma once

#include <QFuture>
#include <QString>

#include "core/common/error.h"

// The platform's keychain behind SecretStore: QtKeychain (secretbackend_keychain.cpp) on Linux and
// macOS, the Windows Credential Manager itself (secretbackend_win.cpp) on Windows. One backend is
// linked; SecretStore adds what every platform shares (redaction, the availability probe).
namespace Gantry::SecretBackend {

enum class Failure { NotFound, AccessDenied, Unavailable, Other };

// The sentence the user sees for a failure (secretstore.cpp, shared by both backends).
Error error(Failure failure, const QString &details, const QString &key);

QFuture<Result<void>> write(const QString &service, const QString &key, const QString &value);
QFuture<Result<QString>> read(const QString &service, const QString &key);
QFuture<Result<void>> remove(const QString &service, const QString &key);

} // namespace Gantry::SecretBackend
