#include "core/secret/secretbackend.h"

#include <qt6keychain/keychain.h>

#include <memory>

#include <QPromise>

namespace Gantry::SecretBackend {

namespace {

Failure failureOf(QKeychain::Error code)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return Failure::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Failure::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Failure::Unavailable;
    default:
        return Failure::Other;
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
                Result<T>(std::unexpected(error(failureOf(done->error()), done->errorString(), key))));
        else
            promise->addResult(take(done));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace

QFuture<Result<void>> write(const QString &service, const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setTextData(value);
    return runJob<void>(job, key, [](QKeychain::Job *) { return Result<void>(); });
}

QFuture<Result<QString>> read(const QString &service, const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(service);
    return runJob<QString>(job, key, [](QKeychain::Job *done) {
        return Result<QString>(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
    });
}

QFuture<Result<void>> remove(const QString &service, const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    return runJob<void>(job, key, [](QKeychain::Job *) { return Result<void>(); });
}

} // namespace Gantry::SecretBackend
