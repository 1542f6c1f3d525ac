#include "core/secret/secretstore.h"

#include <qt6keychain/keychain.h>

#include <memory>

#include <QPromise>
#include <QUuid>

#include "core/common/redactor.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

Error keychainError(QKeychain::Error code, const QString &details, const QString &key)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return { SecretStore::tr("The secret %1 is not in the keychain.").arg(key),
            SecretStore::tr("Set it again (gantryctl profile set --secret, or the Profiles page)."),
            details };
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return { SecretStore::tr("The keychain refused access to the secret %1.").arg(key),
            SecretStore::tr("Unlock the keychain and allow Gantry to use it, then try again."), details };
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return { SecretStore::tr(
                     "No keychain is available, so Gantry cannot keep secrets and will not store them "
                     "in plain text."),
            SecretStore::tr("On Linux, start a Secret Service such as gnome-keyring (in a D-Bus session) or "
                            "KWallet; on Windows and macOS the system keychain is used."),
            details };
    default:
        return { SecretStore::tr("The keychain could not handle the secret %1.").arg(key),
            SecretStore::tr("Check that the keychain is running and unlocked, then try again."), details };
    }
}

// Runs one QtKeychain job and resolves the future when it finishes; the job deletes itself.
template<typename T, typename Job, typename Take>
QFuture<Result<T>> runJob(Job *job, const QString &key, Take take)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, key, take](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError)
            promise->addResult(
                Result<T>(std::unexpected(keychainError(done->error(), done->errorString(), key))));
        else
            promise->addResult(take(done));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace

QString SecretStore::serviceName()
{
    return u"Gantry"_s;
}

QFuture<Result<void>> writeJob(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(SecretStore::serviceName());
    job->setTextData(value);
    return runJob<void>(job, key, [](QKeychain::Job *) { return Result<void>(); });
}

QFuture<Result<void>> SecretStore::write(const QString &key, const QString &value)
{
    Redactor::instance().add(value);
    return writeJob(key, value);
}

QFuture<Result<QString>> SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    return runJob<QString>(job, key, [](QKeychain::Job *done) {
        const QString value = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
        Redactor::instance().add(value); // from now on, never in a log or on a screen
        return Result<QString>(value);
    });
}

QFuture<Result<void>> SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    return runJob<void>(job, key, [](QKeychain::Job *) { return Result<void>(); });
}

QFuture<Result<void>> SecretStore::checkAvailable()
{
    const QString key = u"gantry-probe-"_s + QUuid::createUuid().toString(QUuid::Id128);
    return writeJob(key, u"gantry keychain probe"_s)
        .then([key](Result<void> written) -> QFuture<Result<void>> {
            if (!written && written.error().hint.contains(u"Unlock"_s))
                return QtFuture::makeReadyFuture(written); // there, but locked or refused
            if (!written) // no Secret Service, no D-Bus session, no backend: all mean "no keychain"
                return QtFuture::makeReadyFuture(Result<void>(std::unexpected(
                    keychainError(QKeychain::NoBackendAvailable, written.error().cause, key))));
            return remove(key);
        })
        .unwrap();
}

} // namespace Gantry
