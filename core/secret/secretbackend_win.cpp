#include "core/secret/secretbackend.h"

#include <windows.h>
#include <wincred.h>

#include <QByteArray>

#include "core/common/async.h"

using namespace Qt::StringLiterals;

// Generic credentials in the Windows Credential Manager, named "<service>/<key>" (so Gantry's
// entries sort together in the Credential Manager's list), the value as UTF-8, persisted for the
// user on this machine. The calls are quick but may touch the disk: they run on the background pool.
namespace Gantry::SecretBackend {

namespace {

std::wstring targetName(const QString &service, const QString &key)
{
    return QString(service + u'/' + key).toStdWString();
}

Error lastError(const QString &key)
{
    const DWORD code = ::GetLastError();
    const QString details = u"Windows error %1"_s.arg(code);
    switch (code) {
    case ERROR_NOT_FOUND:
        return error(Failure::NotFound, details, key);
    case ERROR_ACCESS_DENIED:
        return error(Failure::AccessDenied, details, key);
    case ERROR_NO_SUCH_LOGON_SESSION:
        return error(Failure::Unavailable, details, key); // no user profile loaded (a service account)
    default:
        return error(Failure::Other, details, key);
    }
}

} // namespace

QFuture<Result<void>> write(const QString &service, const QString &key, const QString &value)
{
    return runInPool([service, key, value]() -> Result<void> {
        std::wstring target = targetName(service, key);
        std::wstring user = service.toStdWString();
        QByteArray blob = value.toUtf8();
        CREDENTIALW credential {};
        credential.Type = CRED_TYPE_GENERIC;
        credential.TargetName = target.data();
        credential.UserName = user.data();
        credential.CredentialBlobSize = DWORD(blob.size());
        credential.CredentialBlob = reinterpret_cast<LPBYTE>(blob.data());
        credential.Persist = CRED_PERSIST_LOCAL_MACHINE;
        const bool written = ::CredWriteW(&credential, 0);
        ::SecureZeroMemory(blob.data(), size_t(blob.size()));
        if (!written)
            return std::unexpected(lastError(key));
        return {};
    });
}

QFuture<Result<QString>> read(const QString &service, const QString &key)
{
    return runInPool([service, key]() -> Result<QString> {
        PCREDENTIALW credential = nullptr;
        if (!::CredReadW(targetName(service, key).c_str(), CRED_TYPE_GENERIC, 0, &credential))
            return std::unexpected(lastError(key));
        const QString value = QString::fromUtf8(reinterpret_cast<const char *>(credential->CredentialBlob),
            qsizetype(credential->CredentialBlobSize));
        ::SecureZeroMemory(credential->CredentialBlob, credential->CredentialBlobSize);
        ::CredFree(credential);
        return value;
    });
}

QFuture<Result<void>> remove(const QString &service, const QString &key)
{
    return runInPool([service, key]() -> Result<void> {
        if (!::CredDeleteW(targetName(service, key).c_str(), CRED_TYPE_GENERIC, 0))
            return std::unexpected(lastError(key));
        return {};
    });
}

} // namespace Gantry::SecretBackend
