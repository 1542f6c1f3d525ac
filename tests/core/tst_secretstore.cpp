// Runs inside tests/support/with-keyring.sh: a private D-Bus session with a real gnome-keyring.
// In the Windows build, against the Credential Manager (Wine implements CredWriteW and CredReadW).
#ifdef _WIN32
#include <windows.h>
#include <wincred.h>
#endif

#include <QProcess>
#include <QTest>
#include <QUuid>

#include "core/common/redactor.h"
#include "core/secret/secretstore.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_SecretStore : public QObject {
    Q_OBJECT

private slots:
    void keychainIsAvailable();
    void roundTrip_data();
    void roundTrip();
    void missingEntryIsAClearError();
    void valueIsReallyInTheSecretService();

private:
    template<typename T>
    static T wait(QFuture<T> future)
    {
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
            qFatal("keychain did not answer");
        return future.result();
    }
};

void tst_SecretStore::keychainIsAvailable()
{
    const auto ok = wait(SecretStore::checkAvailable());
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
}

void tst_SecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("simple") << u"p@ssw0rd"_s;
    QTest::newRow("multi-line") << u"line one\nline \"two\"\n$HOME #x"_s;
    QTest::newRow("unicode") << u"秘密-ключ-🔐"_s;
}

void tst_SecretStore::roundTrip()
{
    QFETCH(QString, value);
    const QString key = u"gantry-test:"_s + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(wait(SecretStore::write(key, value)));
    const auto read = wait(SecretStore::read(key));
    QVERIFY(read);
    QCOMPARE(*read, value);
    QVERIFY(!Redactor::instance().redact(u"echo "_s + value).contains(value)); // now masked everywhere
    QVERIFY(wait(SecretStore::remove(key)));
    QVERIFY(!wait(SecretStore::read(key)));
}

void tst_SecretStore::missingEntryIsAClearError()
{
    const auto read = wait(SecretStore::read(u"gantry-test:never-written"_s));
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(u"not in the keychain"_s), qPrintable(read.error().message));
    QVERIFY(!read.error().hint.isEmpty());
}

#ifdef Q_OS_WIN
// Read it back with the Credential Manager's own API: a generic credential "Gantry/<key>" holds it.
void tst_SecretStore::valueIsReallyInTheSecretService()
{
    const QString key = u"gantry-test:"_s + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(wait(SecretStore::write(key, u"visible-to-CredReadW"_s)));
    const std::wstring target = QString(SecretStore::serviceName() + u'/' + key).toStdWString();
    PCREDENTIALW credential = nullptr;
    QVERIFY2(::CredReadW(target.c_str(), CRED_TYPE_GENERIC, 0, &credential), "CredReadW found nothing");
    const QByteArray blob(
        reinterpret_cast<const char *>(credential->CredentialBlob), credential->CredentialBlobSize);
    ::CredFree(credential);
    QCOMPARE(blob, "visible-to-CredReadW"_ba);
    QVERIFY(wait(SecretStore::remove(key)));
    QVERIFY(!::CredReadW(target.c_str(), CRED_TYPE_GENERIC, 0, &credential));
    QCOMPARE(::GetLastError(), DWORD(ERROR_NOT_FOUND));
}
#else
void tst_SecretStore::valueIsReallyInTheSecretService()
{
    // Read it back with another client of the same Secret Service: it is really there.
    const QString key = u"gantry-test:"_s + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(wait(SecretStore::write(key, u"visible-to-secret-tool"_s)));
    QProcess lookup;
    lookup.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"user"_s, key });
    QVERIFY(lookup.waitForFinished(10000));
    const QByteArray out = lookup.readAllStandardOutput() + lookup.readAllStandardError();
    QVERIFY2(out.contains(key.toUtf8()), out.constData());
    QVERIFY(wait(SecretStore::remove(key)));
}
#endif

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
