#include "cli/keychain.h"

#include <QEventLoop>
#include <QFutureWatcher>

#include "core/secret/secretstore.h"

namespace Gantry::Cli {

namespace {

template<typename T>
T waitFor(const QFuture<T> &future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

// A failure because there is no keychain at all (no D-Bus session, no Secret Service) says so,
// rather than that this one secret could not be handled.
Error explained(const Error &error)
{
    const Result<void> available = Keychain::checkAvailable();
    return available ? error : available.error();
}

} // namespace

Result<void> Keychain::write(const QString &key, const QString &value)
{
    const Result<void> written = waitFor(SecretStore::write(key, value));
    return written ? written : std::unexpected(explained(written.error()));
}

Result<QString> Keychain::read(const QString &key)
{
    const Result<QString> value = waitFor(SecretStore::read(key));
    return value ? value : std::unexpected(explained(value.error()));
}

Result<void> Keychain::checkAvailable()
{
    return waitFor(SecretStore::checkAvailable());
}

Result<void> Keychain::remove(const QString &key)
{
    const Result<void> removed = waitFor(SecretStore::remove(key));
    // Some keychains report a missing entry as an error; SecretStore words it this way.
    const QString missing = SecretStore::tr("The secret %1 is not in the keychain.").arg(key);
    if (removed || removed.error().message == missing)
        return {};
    return std::unexpected(explained(removed.error()));
}

} // namespace Gantry::Cli
