#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "core/store/migrations.h"
#include "core/store/workspace.h"
#include "core/store/workspacetransfer.h"

using namespace Qt::StringLiterals;

// QVERIFY for a Result, printing the error when there is one.
#define QVERIFY_OK(expression)                                                                               \
    do {                                                                                                     \
        const auto result_ = (expression);                                                                   \
        QVERIFY2(result_.has_value(),                                                                        \
            qPrintable(                                                                                      \
                result_ ? QString() : result_.error().toString() + u" | "_s + result_.error().cause));       \
    } while (false)
using Gantry::AuthKind;
using Gantry::DeploymentRecord;
using Gantry::HealthSample;
using Gantry::ProfileRecord;
using Gantry::ProjectRecord;
using Gantry::ServerRecord;
using Gantry::VariableRecord;
using Gantry::Workspace;

namespace {

std::unique_ptr<Workspace> openOrFail(const QString &dir)
{
    auto workspace = Workspace::open(dir);
    if (!workspace)
        qWarning() << workspace.error().toString() << workspace.error().cause;
    return workspace ? std::move(*workspace) : nullptr;
}

// Runs one query on the database file through the test's own connection.
QVariantList rawColumn(const QString &path, const QString &sql)
{
    const QString name = QUuid::createUuid().toString();
    QVariantList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        if (!query.exec(sql))
            values << query.lastError().text();
        while (query.next())
            values << query.value(0);
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

VariableRecord plain(const QString &name, const QString &value)
{
    return { name, value, false, {} };
}

VariableRecord secret(const QString &name)
{
    return { name, {}, true, {} };
}

ServerRecord webServer(const QString &name)
{
    return { name, name + u".example.com"_s, 2222, u"deploy"_s, AuthKind::Key, u"/home/me/.ssh/id_ed25519"_s,
        name + u".example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"_s, u"SHA256:abc123"_s, u"linux"_s,
        u"amd64"_s };
}

QString writerPath()
{
    const QString fromEnv = qEnvironmentVariable("GANTRY_WORKSPACE_WRITER");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::findExecutable(u"workspace_writer"_s, { QCoreApplication::applicationDirPath() });
}

QStringList names(const QList<VariableRecord> &variables)
{
    QStringList list;
    for (const VariableRecord &v : variables)
        list << v.name;
    return list;
}

// A workspace with a bit of everything, for export and import.
void fill(Workspace &ws)
{
    QVERIFY_OK(ws.addServer(webServer(u"web1"_s)));
    ServerRecord db = webServer(u"db1"_s); // exported before web1, which it connects through
    db.jump = u"web1"_s;
    QVERIFY_OK(ws.addServer(db));
    QVERIFY_OK(ws.addServer({ u"win1"_s, u"10.0.0.5"_s, 22, u"admin"_s, AuthKind::Password, {}, {}, {},
        u"windows"_s, u"amd64"_s }));
    const QJsonObject build { { u"targets"_s, QJsonArray { u"linux/amd64"_s } }, { u"ldflags"_s, u"-s -w"_s },
        { u"go_env"_s, QJsonObject { { u"GOPROXY"_s, u"off"_s } } } };
    QVERIFY_OK(ws.addProject({ u"shop"_s, u"/src/shop"_s, build, {} }));
    QVERIFY_OK(
        ws.addProfile({ u"shop"_s, u"canary"_s, u"prod"_s, QJsonObject { { u"keep_releases"_s, 2 } } }));
    QVERIFY_OK(ws.replaceVariables(
        u"shop"_s, u"base"_s, { plain(u"A"_s, u"1"_s), plain(u"M"_s, u"line1\nline2"_s) }));
    QVERIFY_OK(
        ws.replaceVariables(u"shop"_s, u"prod"_s, { plain(u"A"_s, u"2"_s), secret(u"DB_PASSWORD"_s) }));
    QVERIFY_OK(ws.replaceVariables(
        u"shop"_s, u"prod"_s, { plain(u"A"_s, u"web"_s), secret(u"TOKEN"_s) }, u"web1"_s));
    QVERIFY_OK(ws.addDeployment({ 0, u"ann"_s, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC),
        u"shop"_s, u"1.2.3"_s, u"prod"_s, { u"web1"_s, u"win1"_s }, u"success"_s, 4200, u"all good"_s }));
}

QJsonObject withoutTime(QJsonObject json)
{
    json.remove(u"exported"_s);
    return json;
}

} // namespace

class TestWorkspace final : public QObject {
    Q_OBJECT

private slots:
    void openCreatesWalWorkspace();
    void defaultDirIsAppData();
    void eachInstanceHasItsOwnConnection();
    void projectGetsDefaultProfiles();
    void projectErrors();
    void serversRoundTrip();
    void serversNeverHoldPasswords();
    void serversJumpThroughOthers();
    void profilesAddAndRemove();
    void profileCyclesAreRejected();
    void variablesCrud();
    void invalidVariableNames_data();
    void invalidVariableNames();
    void secretsAreReferencesOnly();
    void overridesResolvePerServer();
    void tenThousandVariables();
    void deploymentHistory();
    void healthRetention();
    void exportHasNoSecrets();
    void exportImportRoundTrip();
    void importIntoExistingWorkspace();
    void importRejectsNewerFormat();
    void writeIsSeenByOtherInstance();
    void concurrentProcessesLoseNothing();
    void secondOpenInProcessKeepsWrites();
};

void TestWorkspace::openCreatesWalWorkspace()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"nested/ws"_s);
    QString id;
    {
        auto ws = openOrFail(dir);
        QVERIFY(ws);
        QCOMPARE(ws->dir(), QDir(dir).absolutePath());
        QVERIFY(QFile::exists(ws->filePath()));
        QVERIFY(QFile::exists(ws->filePath() + u"-wal"_s));
        QCOMPARE(ws->schemaVersion(), Gantry::Migrations::latestVersion());
        id = ws->id();
        QVERIFY(!QUuid::fromString(id).isNull());
    }
    const QString file = QDir(dir).filePath(Workspace::databaseFileName());
    QVERIFY(!QFile::exists(file + u"-wal"_s)); // closed cleanly
    QCOMPARE(rawColumn(file, u"PRAGMA journal_mode"_s), QVariantList { u"wal"_s });
    auto again = openOrFail(dir);
    QCOMPARE(again->id(), id);
}

void TestWorkspace::defaultDirIsAppData()
{
    QVERIFY(!Workspace::defaultDir().isEmpty());
    QCOMPARE(Workspace::defaultDir(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

void TestWorkspace::eachInstanceHasItsOwnConnection()
{
    QTemporaryDir tmp;
    const QStringList before = QSqlDatabase::connectionNames();
    {
        auto a = openOrFail(tmp.path());
        auto b = openOrFail(tmp.path());
        QVERIFY(a && b);
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        QCOMPARE(a->id(), b->id());
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void TestWorkspace::projectGetsDefaultProfiles()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(
        ws->addProject({ u"Hello-Gin"_s, u"/src/hello"_s, QJsonObject { { u"ldflags"_s, u"-s"_s } }, {} }));
    const auto project = ws->project(u"Hello-Gin"_s);
    QVERIFY(project);
    QCOMPARE(project->path, u"/src/hello"_s);
    QCOMPARE(project->buildSettings.value(u"ldflags"_s).toString(), u"-s"_s);
    QVERIFY(project->created.isValid());
    const auto profiles = ws->profiles(u"Hello-Gin"_s);
    QStringList profileNames;
    for (const ProfileRecord &p : *profiles)
        profileNames << p.name;
    QCOMPARE(profileNames, (QStringList { u"base"_s, u"dev"_s, u"test"_s, u"prod"_s }));
    const auto dev = ws->resolve(u"Hello-Gin"_s, u"dev"_s);
    QCOMPARE(dev->settings.ginMode, u"debug"_s);
    const auto prod = ws->resolve(u"Hello-Gin"_s, u"prod"_s);
    QCOMPARE(prod->settings.ginMode, u"release"_s);
    QCOMPARE(prod->settings.serviceUser, u"hello-gin"_s);
    QCOMPARE(prod->settings.servicePort, 8080);
    QCOMPARE(prod->chain, (QStringList { u"base"_s, u"prod"_s }));

    QVERIFY_OK(ws->updateProject({ u"Hello-Gin"_s, u"/elsewhere"_s, {}, {} }));
    QCOMPARE(ws->project(u"Hello-Gin"_s)->path, u"/elsewhere"_s);
    QVERIFY_OK(ws->removeProject(u"Hello-Gin"_s));
    QVERIFY(ws->projects()->isEmpty());
    QCOMPARE(rawColumn(ws->filePath(), u"SELECT count(*) FROM profiles"_s), QVariantList { 0 });
}

void TestWorkspace::projectErrors()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    const auto duplicate = ws->addProject({ u"shop"_s, {}, {}, {} });
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message.contains(u"already"_s));
    for (const QString &bad : { QString(), u"a b"_s, u"x:y"_s, u"-x"_s })
        QVERIFY2(!ws->addProject({ bad, {}, {}, {} }), qPrintable(bad));
    QVERIFY(!ws->project(u"nope"_s));
    QVERIFY(!ws->profiles(u"nope"_s));
    QVERIFY(!ws->updateProject({ u"nope"_s, {}, {}, {} }));
    QVERIFY(!ws->removeProject(u"nope"_s));
    QCOMPARE(ws->projects()->size(), 1);
}

void TestWorkspace::serversRoundTrip()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addServer(webServer(u"web1"_s)));
    QVERIFY_OK(
        ws->addServer({ u"agent"_s, u"10.0.0.1"_s, 22, u"root"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    const auto web1 = ws->server(u"web1"_s);
    QVERIFY(web1);
    QCOMPARE(web1->port, 2222);
    QCOMPARE(web1->auth, AuthKind::Key);
    QCOMPARE(web1->keyFile, u"/home/me/.ssh/id_ed25519"_s);
    QCOMPARE(web1->hostKey, webServer(u"web1"_s).hostKey);
    QCOMPARE(web1->hostKeyFingerprint, u"SHA256:abc123"_s);
    QCOMPARE(web1->os, u"linux"_s);
    QCOMPARE(web1->arch, u"amd64"_s);
    QCOMPARE(ws->servers()->size(), 2);

    ServerRecord changed = *web1;
    changed.auth = AuthKind::Password;
    changed.arch = u"arm64"_s;
    QVERIFY_OK(ws->updateServer(changed));
    QCOMPARE(ws->server(u"web1"_s)->auth, AuthKind::Password);
    QCOMPARE(ws->server(u"web1"_s)->arch, u"arm64"_s);

    QVERIFY(!ws->addServer(webServer(u"web1"_s)));
    ServerRecord bad = webServer(u"web2"_s);
    bad.port = 0;
    QVERIFY(!ws->addServer(bad));
    bad = webServer(u"web2"_s);
    bad.keyFile.clear();
    QVERIFY(ws->addServer(bad).error().message.contains(u"key file"_s));
    QVERIFY_OK(ws->removeServer(u"agent"_s));
    QVERIFY(!ws->removeServer(u"agent"_s));
    QCOMPARE(ws->servers()->size(), 1);
}

void TestWorkspace::serversNeverHoldPasswords()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    for (const QVariant &column :
        rawColumn(ws->filePath(), u"SELECT name FROM pragma_table_info('servers')"_s))
        QVERIFY2(!column.toString().contains(u"pass"_s, Qt::CaseInsensitive), qPrintable(column.toString()));
}

void TestWorkspace::profilesAddAndRemove()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    QVERIFY_OK(
        ws->addProfile({ u"shop"_s, u"staging"_s, u"prod"_s, QJsonObject { { u"service_port"_s, 9090 } } }));
    QCOMPARE(ws->resolve(u"shop"_s, u"staging"_s)->settings.servicePort, 9090);
    QCOMPARE(ws->profile(u"shop"_s, u"staging"_s)->extends, u"prod"_s);
    QVERIFY(!ws->addProfile({ u"shop"_s, u"staging"_s, {}, {} }));
    QVERIFY(!ws->addProfile({ u"shop"_s, u"qa"_s, u"missing"_s, {} }));
    const auto badSettings =
        ws->addProfile({ u"shop"_s, u"qa"_s, {}, QJsonObject { { u"cpu_quota"_s, u"half"_s } } });
    QVERIFY(!badSettings);
    QVERIFY(badSettings.error().message.contains(u"half"_s));

    const auto extended = ws->removeProfile(u"shop"_s, u"prod"_s);
    QVERIFY(!extended);
    QVERIFY(extended.error().message.contains(u"staging"_s));
    QVERIFY_OK(ws->removeProfile(u"shop"_s, u"staging"_s));
    QVERIFY_OK(ws->removeProfile(u"shop"_s, u"dev"_s));
    QVERIFY(!ws->removeProfile(u"shop"_s, u"dev"_s));
    QCOMPARE(ws->profiles(u"shop"_s)->size(), 3);
    QVERIFY(!ws->updateProfile({ u"shop"_s, u"dev"_s, {}, {} }));
}

void TestWorkspace::profileCyclesAreRejected()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    QVERIFY_OK(ws->addProfile({ u"shop"_s, u"a"_s, {}, {} }));
    QVERIFY_OK(ws->addProfile({ u"shop"_s, u"b"_s, u"a"_s, {} }));
    const auto cycle = ws->updateProfile({ u"shop"_s, u"a"_s, u"b"_s, {} });
    QVERIFY(!cycle);
    QVERIFY2(cycle.error().message.contains(u"a -> b -> a"_s), qPrintable(cycle.error().message));
    QVERIFY(ws->profile(u"shop"_s, u"a"_s)->extends.isEmpty()); // unchanged
    const auto self = ws->updateProfile({ u"shop"_s, u"a"_s, u"a"_s, {} });
    QVERIFY(self.error().message.contains(u"a -> a"_s));
    const auto replaced = ws->replaceProfiles(
        u"shop"_s, { { u"shop"_s, u"x"_s, u"y"_s, {} }, { u"shop"_s, u"y"_s, u"x"_s, {} } });
    QVERIFY(replaced.error().message.contains(u"x -> y -> x"_s));
    QCOMPARE(ws->profiles(u"shop"_s)->size(), 6);
}

void TestWorkspace::variablesCrud()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    QVERIFY_OK(ws->addVariable(u"shop"_s, u"prod"_s, plain(u"PORT"_s, u"8080"_s)));
    const auto duplicate = ws->addVariable(u"shop"_s, u"prod"_s, plain(u"PORT"_s, u"9"_s));
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message.contains(u"PORT"_s));
    const QString multiLine = u"-----BEGIN CERT-----\nabc\n\u00e9t\u00e9 \u2603\n-----END CERT-----\n"_s;
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, plain(u"CERT"_s, multiLine)));
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, plain(u"EMPTY"_s, {})));
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, plain(u"PORT"_s, u"9000"_s)));
    const auto variables = ws->variables(u"shop"_s, u"prod"_s);
    QCOMPARE(names(*variables), (QStringList { u"PORT"_s, u"CERT"_s, u"EMPTY"_s }));
    QCOMPARE(variables->at(0).value, u"9000"_s);
    QCOMPARE(variables->at(1).value, multiLine);
    QVERIFY(variables->at(2).value.isEmpty());

    QVERIFY_OK(ws->removeVariable(u"shop"_s, u"prod"_s, u"EMPTY"_s));
    QVERIFY(!ws->removeVariable(u"shop"_s, u"prod"_s, u"EMPTY"_s));
    const auto twice =
        ws->replaceVariables(u"shop"_s, u"prod"_s, { plain(u"X"_s, u"1"_s), plain(u"X"_s, u"2"_s) });
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains(u"twice"_s));
    QCOMPARE(ws->variables(u"shop"_s, u"prod"_s)->size(), 2); // nothing replaced
    QVERIFY(!ws->setVariable(u"shop"_s, u"nope"_s, plain(u"X"_s, u"1"_s)));
}

void TestWorkspace::invalidVariableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("digit first") << u"1ABC"_s;
    QTest::newRow("dash") << u"A-B"_s;
    QTest::newRow("space") << u"A B"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("non-ASCII") << u"\u00c9T\u00c9"_s;
}

void TestWorkspace::invalidVariableNames()
{
    QFETCH(QString, name);
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    const auto added = ws->addVariable(u"shop"_s, u"prod"_s, plain(name, u"1"_s));
    QVERIFY(!added);
    QVERIFY(!added.error().hint.isEmpty());
    QVERIFY(!ws->replaceVariables(u"shop"_s, u"prod"_s, { plain(u"OK"_s, u"1"_s), plain(name, u"1"_s) }));
    QVERIFY(ws->variables(u"shop"_s, u"prod"_s)->isEmpty());
}

void TestWorkspace::secretsAreReferencesOnly()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    const auto stored = ws->setVariable(u"shop"_s, u"prod"_s, secret(u"DB_PASSWORD"_s));
    QVERIFY(stored);
    const QString key = u"gantry:%1:shop:prod:DB_PASSWORD"_s.arg(ws->id());
    QCOMPARE(stored->keychainKey, key);
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, secret(u"TOKEN"_s), u"web1"_s));
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"dev"_s, plain(u"PLAIN"_s, u"visible"_s)));

    const auto withValue = ws->setVariable(u"shop"_s, u"prod"_s, { u"API_KEY"_s, u"hunter2"_s, true, {} });
    QVERIFY(!withValue);
    QVERIFY(withValue.error().message.contains(u"API_KEY"_s));

    const auto listed = ws->variables(u"shop"_s, u"prod"_s);
    QCOMPARE(listed->size(), 1);
    QVERIFY(listed->at(0).secret);
    QVERIFY(listed->at(0).value.isEmpty());
    QCOMPARE(listed->at(0).keychainKey, key);
    QCOMPARE(
        rawColumn(ws->filePath(), u"SELECT count(*) FROM variables WHERE secret = 1 AND value IS NULL"_s),
        QVariantList { 2 });
    // Even raw SQL cannot put a value next to a secret.
    QVERIFY(rawColumn(ws->filePath(),
        u"INSERT INTO variables (profile_id, name, value, secret, keychain_key) VALUES (1, 'S', 'v', 1, 'k')"_s)
                .value(0)
                .toString()
                .contains(u"CHECK"_s, Qt::CaseInsensitive));

    const QList<VariableRecord> refs = ws->secretRefs(u"shop"_s);
    QCOMPARE(names(refs), (QStringList { u"DB_PASSWORD"_s, u"TOKEN"_s }));
    QCOMPARE(refs.at(1).keychainKey, u"gantry:%1:shop:prod@web1:TOKEN"_s.arg(ws->id()));
    QCOMPARE(ws->secretRefs(u"shop"_s, u"dev"_s).size(), 0);
    QCOMPARE(ws->secretRefs().size(), 2);
    QCOMPARE(Workspace::keychainKey(u"W"_s, u"p"_s, u"prod"_s, u"N"_s), u"gantry:W:p:prod:N"_s);

    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, plain(u"DB_PASSWORD"_s, u"now plain"_s)));
    QVERIFY(ws->variables(u"shop"_s, u"prod"_s)->at(0).keychainKey.isEmpty());
    QCOMPARE(ws->secretRefs(u"shop"_s).size(), 1);
}

void TestWorkspace::overridesResolvePerServer()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
    QVERIFY_OK(ws->replaceVariables(u"shop"_s, u"base"_s, { plain(u"A"_s, u"1"_s), plain(u"B"_s, u"2"_s) }));
    QVERIFY_OK(ws->replaceVariables(u"shop"_s, u"prod"_s, { plain(u"B"_s, u"3"_s), plain(u"C"_s, u"4"_s) }));
    QVERIFY_OK(
        ws->replaceVariables(u"shop"_s, u"prod"_s, { plain(u"C"_s, u"5"_s), secret(u"D"_s) }, u"web1"_s));
    QCOMPARE(*ws->overrideServers(u"shop"_s, u"prod"_s), QStringList { u"web1"_s });

    const auto web1 = ws->resolve(u"shop"_s, u"prod"_s, u"web1"_s);
    QVERIFY(web1);
    QCOMPARE(web1->variables.size(), 4);
    QCOMPARE(web1->find(u"A"_s)->variable.value, u"1"_s);
    QCOMPARE(web1->find(u"A"_s)->profile, u"base"_s);
    QCOMPARE(web1->find(u"B"_s)->variable.value, u"3"_s);
    QCOMPARE(web1->find(u"B"_s)->profile, u"prod"_s);
    QCOMPARE(web1->find(u"C"_s)->variable.value, u"5"_s);
    QCOMPARE(web1->find(u"C"_s)->server, u"web1"_s);
    QVERIFY(web1->find(u"D"_s)->variable.secret);
    QCOMPARE(web1->find(u"D"_s)->variable.keychainKey, u"gantry:%1:shop:prod@web1:D"_s.arg(ws->id()));

    const auto web2 = ws->resolve(u"shop"_s, u"prod"_s, u"web2"_s);
    QCOMPARE(web2->find(u"C"_s)->variable.value, u"4"_s);
    QVERIFY(!web2->find(u"D"_s));
    QVERIFY(!ws->resolve(u"shop"_s, u"nope"_s));
}

void TestWorkspace::tenThousandVariables()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"big"_s, {}, {}, {} }));
    QList<VariableRecord> variables;
    for (int i = 0; i < 10000; ++i)
        variables << (i % 100 == 0 ? secret(u"SECRET_%1"_s.arg(i))
                                   : plain(u"VAR_%1"_s.arg(i), u"value %1\nline"_s.arg(i)));
    QElapsedTimer timer;
    timer.start();
    QVERIFY_OK(ws->replaceVariables(u"big"_s, u"prod"_s, variables));
    QVERIFY_OK(ws->replaceVariables(u"big"_s, u"prod"_s, { plain(u"VAR_1"_s, u"web1"_s) }, u"web1"_s));
    const auto resolved = ws->resolve(u"big"_s, u"prod"_s, u"web1"_s);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 5000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    QVERIFY(resolved);
    QCOMPARE(resolved->variables.size(), 10000);
    QCOMPARE(resolved->find(u"VAR_1"_s)->variable.value, u"web1"_s);
    QCOMPARE(resolved->find(u"VAR_9999"_s)->variable.value, u"value 9999\nline"_s);
    QCOMPARE(ws->secretRefs(u"big"_s).size(), 100);
    QVERIFY(timer.elapsed() < 5000);
}

void TestWorkspace::deploymentHistory()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    const QString longLog = QString(70000, u'x') + u"THE END"_s;
    const auto first = ws->addDeployment({ 0, u"ann"_s, t0, u"shop"_s, u"1.0.0"_s, u"prod"_s,
        { u"web1"_s, u"web2"_s }, u"success"_s, 1234, u"ok"_s });
    QVERIFY(first);
    QVERIFY_OK(ws->addDeployment({ 0, u"bob"_s, t0.addSecs(60), u"shop"_s, u"1.0.1"_s, u"prod"_s,
        { u"web1"_s }, u"failed"_s, 99, longLog }));
    QVERIFY_OK(ws->addDeployment(
        { 0, u"ann"_s, t0.addSecs(30), u"api"_s, u"0.1"_s, u"dev"_s, {}, u"success"_s, 1, {} }));
    const auto all = ws->deployments();
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).version, u"1.0.1"_s); // newest first
    QCOMPARE(all->at(2).id, *first);
    QCOMPARE(all->at(2).hosts, (QStringList { u"web1"_s, u"web2"_s }));
    QCOMPARE(all->at(2).when, t0);
    QCOMPARE(all->at(2).durationMs, 1234);
    QCOMPARE(all->at(0).logExcerpt.size(), 64 * 1024);
    QVERIFY(all->at(0).logExcerpt.endsWith(u"THE END"_s));
    QCOMPARE(ws->deployments(u"shop"_s)->size(), 2);
    QCOMPARE(ws->deployments({}, 1)->size(), 1);
}

void TestWorkspace::healthRetention()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    ws->setHealthRetention({ std::chrono::hours(24), 5 });
    QCOMPARE(ws->healthRetention().maxRowsPerUnit, 5);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<HealthSample> samples;
    for (int i = 0; i < 8; ++i)
        samples << HealthSample { u"web1"_s, u"shop.service"_s, now.addSecs(-60 + i), u"active"_s, 12.5,
            1 << 20, i, i == 7 ? -1 : 15 };
    samples << HealthSample { u"web1"_s, u"api.service"_s, now, u"failed"_s, 0, 0, 3, -1 };
    samples << HealthSample { u"web1"_s, u"old.service"_s, now.addDays(-2), u"active"_s, 0, 0, 0, 1 };
    QVERIFY_OK(ws->addHealthSamples(samples));
    const auto shop = ws->healthSamples(u"web1"_s, u"shop.service"_s);
    QCOMPARE(shop->size(), 5); // the newest five
    QCOMPARE(shop->first().restarts, 3);
    QCOMPARE(shop->last().healthLatencyMs, -1);
    QCOMPARE(shop->at(0).healthLatencyMs, 15);
    QCOMPARE(shop->at(0).memoryBytes, 1 << 20);
    QCOMPARE(shop->at(0).cpuPercent, 12.5);
    QCOMPARE(shop->at(0).time, now.addSecs(-57));
    QCOMPARE(ws->healthSamples(u"web1"_s, u"shop.service"_s, now.addSecs(-54))->size(), 2);
    QCOMPARE(ws->healthSamples(u"web1"_s, u"api.service"_s)->first().state, u"failed"_s);
    QVERIFY(ws->healthSamples(u"web1"_s, u"old.service"_s)->isEmpty()); // older than a day
    QCOMPARE(*ws->pruneHealth(now.addDays(2)), 6);
    QVERIFY(ws->healthSamples(u"web1"_s, u"shop.service"_s)->isEmpty());
}

void TestWorkspace::exportHasNoSecrets()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    fill(*ws);
    const auto exported = ws->exportJson();
    QVERIFY(exported);
    const QByteArray text = QJsonDocument(*exported).toJson();
    QVERIFY(text.contains("DB_PASSWORD"));
    QVERIFY(!text.contains("gantry:"));
    QVERIFY(!text.contains(ws->id().toUtf8()));
    QCOMPARE(exported->value(u"format"_s).toString(), u"gantry-workspace"_s);
    QCOMPARE(exported->value(u"version"_s).toInt(), Gantry::WorkspaceTransfer::FormatVersion);
    const QJsonObject secretJson =
        exported->value(u"projects"_s)[0][u"profiles"_s][3][u"variables"_s][1].toObject();
    QCOMPARE(secretJson, (QJsonObject { { u"name"_s, u"DB_PASSWORD"_s }, { u"secret"_s, true } }));
}

void TestWorkspace::exportImportRoundTrip()
{
    QTemporaryDir source;
    QTemporaryDir target;
    auto from = openOrFail(source.path());
    fill(*from);
    const QJsonObject exported = *from->exportJson();
    auto to = openOrFail(target.path());
    const auto imported = to->importJson(exported);
    QVERIFY2(
        imported, qPrintable(imported ? QString() : imported.error().toString() + imported.error().cause));
    QCOMPARE(withoutTime(*to->exportJson()), withoutTime(exported));
    const auto resolved = to->resolve(u"shop"_s, u"canary"_s, u"web1"_s);
    QCOMPARE(resolved->settings.keepReleases, 2);
    QCOMPARE(resolved->find(u"M"_s)->variable.value, u"line1\nline2"_s);
    QCOMPARE(
        resolved->find(u"TOKEN"_s)->variable.keychainKey, u"gantry:%1:shop:prod@web1:TOKEN"_s.arg(to->id()));
    QCOMPARE(to->server(u"web1"_s)->hostKeyFingerprint, u"SHA256:abc123"_s);
    QCOMPARE(to->server(u"db1"_s)->jump, u"web1"_s);
    QCOMPARE(to->deployments()->first().hosts, (QStringList { u"web1"_s, u"win1"_s }));
}

void TestWorkspace::importIntoExistingWorkspace()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    fill(*ws);
    const QJsonObject exported = *ws->exportJson();
    QVERIFY_OK(ws->addProject({ u"other"_s, {}, {}, {} }));
    QVERIFY_OK(ws->setVariable(u"shop"_s, u"prod"_s, plain(u"LATER"_s, u"x"_s)));
    QVERIFY_OK(ws->removeProfile(u"shop"_s, u"canary"_s));
    QVERIFY_OK(ws->importJson(exported));
    QCOMPARE(ws->projects()->size(), 2); // "other" stays
    QVERIFY_OK(ws->profile(u"shop"_s, u"canary"_s)); // back from the export
    QVERIFY(!names(*ws->variables(u"shop"_s, u"prod"_s)).contains(u"LATER"_s)); // replaced
    QCOMPARE(ws->deployments()->size(), 1); // not added twice
    QCOMPARE(ws->servers()->size(), 3);
}

void TestWorkspace::importRejectsNewerFormat()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    fill(*ws);
    QJsonObject newer = *ws->exportJson();
    newer.insert(u"version"_s, Gantry::WorkspaceTransfer::FormatVersion + 1);
    QJsonArray projects = newer.value(u"projects"_s).toArray();
    projects.append(QJsonObject { { u"name"_s, u"fromTheFuture"_s } });
    newer.insert(u"projects"_s, projects);
    const auto imported = ws->importJson(newer);
    QVERIFY(!imported);
    QVERIFY(imported.error().message.contains(u"newer Gantry"_s));
    QVERIFY(!ws->project(u"fromTheFuture"_s));
    QVERIFY(!ws->importJson(QJsonObject { { u"hello"_s, 1 } }));

    QJsonObject broken = *ws->exportJson();
    broken.insert(u"projects"_s, QJsonArray { QJsonObject { { u"name"_s, u"bad name"_s } } });
    QVERIFY(!ws->importJson(broken));
    QCOMPARE(ws->projects()->size(), 1); // the whole import rolled back
}

void TestWorkspace::writeIsSeenByOtherInstance()
{
    QTemporaryDir tmp;
    auto gui = openOrFail(tmp.path());
    auto cli = openOrFail(tmp.path());
    QVERIFY_OK(gui->addProject({ u"shop"_s, {}, {}, {} }));
    QVERIFY_OK(cli->project(u"shop"_s));
    QVERIFY_OK(cli->setVariable(u"shop"_s, u"prod"_s, plain(u"FROM_CLI"_s, u"1"_s)));
    QCOMPARE(gui->variables(u"shop"_s, u"prod"_s)->size(), 1);
}

void TestWorkspace::concurrentProcessesLoseNothing()
{
    const QString writer = writerPath();
    QVERIFY2(QFileInfo(writer).isExecutable(), qPrintable(u"workspace_writer not found: "_s + writer));
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addProject({ u"shared"_s, {}, {}, {} }));
    constexpr int Count = 300;
    QProcess a;
    QProcess b;
    a.start(writer, { tmp.path(), u"write"_s, QString::number(Count), u"A"_s });
    b.start(writer, { tmp.path(), u"write"_s, QString::number(Count), u"B"_s });
    QVERIFY(a.waitForStarted() && b.waitForStarted());
    for (int i = 0; i < Count; ++i) {
        QVERIFY_OK(ws->setVariable(u"shared"_s, u"dev"_s, plain(u"T_%1"_s.arg(i), u"t"_s)));
        QVERIFY_OK(ws->addDeployment({ 0, u"T"_s, QDateTime::currentDateTimeUtc(), u"shared"_s,
            QString::number(i), u"dev"_s, {}, u"success"_s, 0, {} }));
    }
    for (QProcess *p : { &a, &b }) {
        QVERIFY(p->waitForFinished(120000));
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
            p->readAllStandardError().constData());
    }
    const QStringList variables = names(*ws->variables(u"shared"_s, u"dev"_s));
    QCOMPARE(variables.size(), 3 * Count);
    for (const QString &tag : { u"A"_s, u"B"_s, u"T"_s }) {
        for (int i = 0; i < Count; ++i)
            QVERIFY2(variables.contains(tag + u'_' + QString::number(i)), qPrintable(tag));
    }
    const auto deployments = ws->deployments(u"shared"_s, 100000);
    QCOMPARE(deployments->size(), 3 * Count);
    // A third process sees every row the others wrote.
    QProcess counter;
    counter.start(writer, { tmp.path(), u"count"_s });
    QVERIFY(counter.waitForFinished(60000));
    QCOMPARE(counter.readAllStandardOutput().trimmed(),
        QByteArray::number(3 * Count) + ' ' + QByteArray::number(3 * Count));
}

// The watch of `gantryctl status --watch` holds the workspace open on its main thread while each
// server's monitor opens it again on a worker. That second open once read the file's header with
// a plain descriptor, whose close dropped the process's SQLite locks: the next process to close
// the workspace took itself for the last one, checkpointed and removed the WAL, and every later
// write of the first connection went into the removed file and was lost.
void TestWorkspace::secondOpenInProcessKeepsWrites()
{
    const QString writer = writerPath();
    QTemporaryDir tmp;
    auto first = openOrFail(tmp.path());
    QVERIFY_OK(first->addProject({ u"shared"_s, {}, {}, {} }));
    QVERIFY_OK(first->setVariable(u"shared"_s, u"dev"_s, plain(u"BEFORE"_s, u"1"_s)));
    for (int round = 0; round < 3; ++round) {
        auto second = openOrFail(tmp.path()); // as a monitor's worker does
        QVERIFY(second);
        QProcess reader; // another gantryctl that opens and closes it
        reader.start(writer, { tmp.path(), u"count"_s });
        QVERIFY(reader.waitForFinished(60000));
        QCOMPARE(reader.exitCode(), 0);
        QVERIFY_OK(first->setVariable(u"shared"_s, u"dev"_s, plain(u"AFTER_%1"_s.arg(round), u"1"_s)));
    }
    QProcess counter;
    counter.start(writer, { tmp.path(), u"count"_s });
    QVERIFY(counter.waitForFinished(60000));
    QCOMPARE(counter.readAllStandardOutput().trimmed().split(' ').value(0), "4");
}

void TestWorkspace::serversJumpThroughOthers()
{
    QTemporaryDir tmp;
    auto ws = openOrFail(tmp.path());
    QVERIFY_OK(ws->addServer(webServer(u"bastion"_s)));
    ServerRecord db = webServer(u"db1"_s);
    db.jump = u"bastion"_s;
    QVERIFY_OK(ws->addServer(db));
    QCOMPARE(ws->server(u"db1"_s)->jump, u"bastion"_s);
    QCOMPARE(ws->servers()->first().jump, QString()); // bastion, sorted by name

    ServerRecord missing = webServer(u"db2"_s);
    missing.jump = u"nowhere"_s;
    const auto refused = ws->addServer(missing);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"no server named nowhere"_s));
    QVERIFY(!ws->server(u"db2"_s));

    ServerRecord self = webServer(u"db2"_s);
    self.jump = u"db2"_s;
    QVERIFY(ws->addServer(self).error().message.contains(u"itself"_s));

    ServerRecord loop = *ws->server(u"bastion"_s);
    loop.jump = u"db1"_s;
    const auto looped = ws->updateServer(loop);
    QVERIFY(!looped);
    QVERIFY2(looped.error().message.contains(u"loop"_s), qPrintable(looped.error().message));
    QCOMPARE(ws->server(u"bastion"_s)->jump, QString());

    const auto removal = ws->removeServer(u"bastion"_s);
    QVERIFY(!removal);
    QVERIFY(removal.error().message.contains(u"db1"_s));
    QVERIFY(ws->server(u"bastion"_s));
    QVERIFY_OK(ws->removeServer(u"db1"_s));
    QVERIFY_OK(ws->removeServer(u"bastion"_s));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
