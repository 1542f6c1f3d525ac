#include "core/secret/secretstore.h"

#include <QUuid>

#include "core/common/redactor.h"
#include "core/secret/secretbackend.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace SecretBackend {

Error error(Failure failure, const QString &details, const QString &key)
{
    switch (failure) {
    case Failure::NotFound:
        return { SecretStore::tr("The secret %1 is not in the keychain.").arg(key),
            SecretStore::tr("Set it again (gantryctl profile set --secret, or the Profiles page)."),
            details };
    case Failure::AccessDenied:
        return { SecretStore::tr("The keychain refused access to the secret %1.").arg(key),
            SecretStore::tr("Unlock the keychain and allow Gantry to use it, then try again."), details };
    case Failure::Unavailable:
        return { SecretStore::tr(
                     "No keychain is available, so Gantry cannot keep secrets and will not store them "
                     "in plain text."),
            SecretStore::tr("On Linux, start a Secret Service such as gnome-keyring (in a D-Bus session) or "
                            "KWallet; on Windows and macOS the system keychain is used."),
            details };
    case Failure::Other:
        break;
    }
    return { SecretStore::tr("The keychain could not handle the secret %1.").arg(key),
        SecretStore::tr("Check that the keychain is running and unlocked, then try again."), details };
}

} // namespace SecretBackend

QString SecretStore::serviceName()
{
    return u"Gantry"_s;
}

QFuture<Result<void>> SecretStore::write(const QString &key, const QString &value)
{
    Redactor::instance().add(value);
    return SecretBackend::write(serviceName(), key, value);
}

QFuture<Result<QString>> SecretStore::read(const QString &key)
{
    return SecretBackend::read(serviceName(), key).then([](Result<QString> value) {
        if (value)
            Redactor::instance().add(*value); // from now on, never in a log or on a screen
        return value;
    });
}

QFuture<Result<void>> SecretStore::remove(const QString &key)
{
    return SecretBackend::remove(serviceName(), key);
}

QFuture<Result<void>> SecretStore::checkAvailable()
{
    const QString key = u"gantry-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
    return SecretBackend::write(serviceName(), key, u"gantry keychain probe"_s)
        .then([key](Result<void> written) -> QFuture<Result<void>> {
            if (!written && written.error().hint.contains(u"Unlock"_s))
                return QtFuture::makeReadyFuture(written); // there, but locked or refused
            if (!written) // no Secret Service, no D-Bus session, no backend: all mean "no keychain"
                return QtFuture::makeReadyFuture(Result<void>(std::unexpected(
                    SecretBackend::error(SecretBackend::Failure::Unavailable, written.error().cause, key))));
            return remove(key);
        })
        .unwrap();
}

} // namespace Gantry
