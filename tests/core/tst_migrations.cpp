#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "core/store/migrations.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

// QVERIFY for a Result, printing the error when there is one.
#define QVERIFY_OK(expression)                                                                               \
    do {                                                                                                     \
        const auto result_ = (expression);                                                                   \
        QVERIFY2(result_.has_value(),                                                                        \
            qPrintable(                                                                                      \
                result_ ? QString() : result_.error().toString() + u" | "_s + result_.error().cause));       \
    } while (false)
using Gantry::Migrations;
using Gantry::Workspace;

namespace {

// A plain connection of the test's own, to build databases as older or other programs would.
class RawDatabase final {
public:
    explicit RawDatabase(const QString &path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qWarning() << sql << query.lastError().text();
        return !query.lastError().isValid();
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name;
};

struct FileSnapshot {
    QByteArray bytes;
    QDateTime modified;

    static FileSnapshot of(const QString &path)
    {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return { file.readAll(), QFileInfo(path).lastModified() };
    }
    bool operator==(const FileSnapshot &) const = default;
};

QString dbPath(const QTemporaryDir &dir)
{
    return dir.filePath(Workspace::databaseFileName());
}

bool hasSidecars(const QString &path)
{
    return QFile::exists(path + u"-wal"_s) || QFile::exists(path + u"-shm"_s) ||
        QFile::exists(path + u"-journal"_s);
}

// Data an old Gantry could have written at `version`, in that version's schema.
void fillVersion(const RawDatabase &raw, int version)
{
    if (version < 1)
        return;
    QVERIFY(
        raw.exec(u"INSERT INTO projects (id, name, path, created_ms) VALUES (1, 'legacy', '/src', 1000)"_s));
    QVERIFY(raw.exec(u"INSERT INTO profiles (id, project_id, name) VALUES (1, 1, 'prod')"_s));
    QVERIFY(raw.exec(u"INSERT INTO variables (profile_id, name, value) VALUES (1, 'PORT', '8080')"_s));
    QVERIFY(raw.exec(u"INSERT INTO deployments (who, at_ms, project, version, profile, result) "
                     "VALUES ('ann', 2000, 'legacy', '1.0.0', 'prod', 'success')"_s));
    QVERIFY(raw.exec(u"INSERT INTO servers (name, address, port, user, auth) "
                     "VALUES ('old', '10.0.0.9', 22, 'deploy', 'agent')"_s));
}

} // namespace

class TestMigrations final : public QObject {
    Q_OBJECT

private slots:
    void stepsAreOrderedAndForwardOnly();
    void freshDatabaseGetsEveryTable();
    void migratesFromEveryOlderVersion_data();
    void migratesFromEveryOlderVersion();
    void failedStepLeavesNothing();
    void newerDatabaseIsRefusedUntouched();
    void migrateRefusesNewerDatabase();
    void foreignDatabaseIsRefused_data();
    void foreignDatabaseIsRefused();
    void inspectReportsVersion();
    void damagedFileIsRefusedUntouched_data();
    void damagedFileIsRefusedUntouched();
};

void TestMigrations::stepsAreOrderedAndForwardOnly()
{
    const QList<Migrations::Step> &steps = Migrations::steps();
    QVERIFY(steps.size() >= 2);
    for (int i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps.at(i).version, i + 1);
        QVERIFY(!steps.at(i).statements.isEmpty());
        QVERIFY(!steps.at(i).summary.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), steps.size());
}

void TestMigrations::freshDatabaseGetsEveryTable()
{
    QTemporaryDir dir;
    RawDatabase raw(dbPath(dir));
    QVERIFY_OK(Migrations::migrate(raw.db()));
    QCOMPARE(*Migrations::version(raw.db()), Migrations::latestVersion());
    QCOMPARE(raw.value(u"PRAGMA application_id"_s).toInt(), Migrations::ApplicationId);
    for (const QString &table : { u"meta"_s, u"projects"_s, u"servers"_s, u"profiles"_s, u"variables"_s,
             u"deployments"_s, u"health_samples"_s, u"events"_s }) {
        QVERIFY2(
            raw.value(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'"_s.arg(table))
                    .toInt() == 1,
            qPrintable(table));
    }
    QVERIFY_OK(Migrations::migrate(raw.db())); // running again changes nothing
    QCOMPARE(*Migrations::version(raw.db()), Migrations::latestVersion());
}

void TestMigrations::migratesFromEveryOlderVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 0; version < Migrations::latestVersion(); ++version)
        QTest::addRow("from v%d", version) << version;
}

void TestMigrations::migratesFromEveryOlderVersion()
{
    QFETCH(int, version);
    QTemporaryDir dir;
    {
        RawDatabase raw(dbPath(dir));
        QVERIFY_OK(Migrations::migrate(raw.db(), version));
        QCOMPARE(*Migrations::version(raw.db()), version);
        fillVersion(raw, version);
    }
    auto workspace = Workspace::open(dir.path());
    QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().toString()));
    Workspace &ws = **workspace;
    QCOMPARE(ws.schemaVersion(), Migrations::latestVersion());
    QVERIFY(!QUuid::fromString(ws.id()).isNull());
    if (version >= 1) {
        QCOMPARE(ws.project(u"legacy"_s)->path, u"/src"_s);
        QCOMPARE(ws.variables(u"legacy"_s, u"prod"_s)->value(0).value, u"8080"_s);
        QCOMPARE(ws.deployments()->size(), 1);
        QCOMPARE(ws.deployments()->first().who, u"ann"_s);
        QCOMPARE(ws.server(u"old"_s)->jump, QString()); // servers from before jump servers connect directly
        Gantry::ServerRecord behind { u"behind"_s, u"10.9.0.1"_s, 22, u"deploy"_s, Gantry::AuthKind::Agent,
            {}, {}, {}, {}, {}, u"old"_s };
        QVERIFY_OK(ws.addServer(behind));
        QCOMPARE(ws.server(u"behind"_s)->jump, u"old"_s);
    }
    const Gantry::HealthSample sample { u"web1"_s, u"shop.service"_s, QDateTime::currentDateTimeUtc(),
        u"active"_s, 1.5, 1024, 0, 12 };
    QVERIFY_OK(ws.addHealthSamples({ sample }));
    QCOMPARE(ws.healthSamples(u"web1"_s, u"shop.service"_s)->size(), 1);
    QList<Gantry::EventRecord> events { { 0, QDateTime::currentDateTimeUtc(), u"web1"_s,
        u"gantry-shop.service"_s, u"shop"_s, u"failed"_s, false,
        u"gantry-shop.service on web1 has failed."_s } };
    QVERIFY_OK(ws.addEvents(events));
    QVERIFY(events.first().id > 0);
    QCOMPARE(ws.events()->first().kind, u"failed"_s);
}

void TestMigrations::failedStepLeavesNothing()
{
    QTemporaryDir dir;
    RawDatabase raw(dbPath(dir));
    const QList<Migrations::Step> steps { { 1, u"one"_s, { u"CREATE TABLE a (x)"_s } },
        { 2, u"broken"_s, { u"CREATE TABLE b (x)"_s, u"THIS IS NOT SQL"_s } } };
    const Gantry::Result<void> ok = Migrations::migrate(raw.db(), steps, 2);
    QVERIFY(!ok);
    QVERIFY(ok.error().message.contains(u"version 2"_s));
    QVERIFY(ok.error().cause.contains(u"THIS IS NOT SQL"_s));
    QCOMPARE(*Migrations::version(raw.db()), 1);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'a'"_s).toInt(), 1);
    QCOMPARE(raw.value(u"SELECT count(*) FROM sqlite_master WHERE name = 'b'"_s).toInt(), 0);
}

void TestMigrations::newerDatabaseIsRefusedUntouched()
{
    QTemporaryDir dir;
    {
        auto workspace = Workspace::open(dir.path());
        QVERIFY(workspace);
        QVERIFY((*workspace)->addProject({ u"shop"_s, u"/src/shop"_s, {}, {} }));
    }
    {
        RawDatabase raw(dbPath(dir));
        QVERIFY(raw.exec(u"PRAGMA user_version = %1"_s.arg(Migrations::latestVersion() + 1)));
    }
    QVERIFY(!hasSidecars(dbPath(dir)));
    const FileSnapshot before = FileSnapshot::of(dbPath(dir));
    QTest::qWait(20);
    const auto workspace = Workspace::open(dir.path());
    QVERIFY(!workspace);
    QVERIFY2(workspace.error().message.contains(u"newer Gantry"_s), qPrintable(workspace.error().message));
    QVERIFY(workspace.error().hint.contains(u"Update Gantry"_s));
    QVERIFY(FileSnapshot::of(dbPath(dir)) == before);
    QVERIFY(!hasSidecars(dbPath(dir)));
}

void TestMigrations::migrateRefusesNewerDatabase()
{
    QTemporaryDir dir;
    RawDatabase raw(dbPath(dir));
    QVERIFY(raw.exec(u"PRAGMA user_version = 99"_s));
    const Gantry::Result<void> ok = Migrations::migrate(raw.db());
    QVERIFY(!ok);
    QVERIFY(ok.error().message.contains(u"newer Gantry"_s));
    QCOMPARE(*Migrations::version(raw.db()), 99);
}

void TestMigrations::foreignDatabaseIsRefused_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::newRow("tables, no ids") << QStringList { u"CREATE TABLE moz_places (url TEXT)"_s };
    QTest::newRow("other application id")
        << QStringList { u"PRAGMA application_id = 12345"_s, u"CREATE TABLE t (x)"_s };
    QTest::newRow("user version, no application id")
        << QStringList { u"CREATE TABLE t (x)"_s, u"PRAGMA user_version = 1"_s };
}

void TestMigrations::foreignDatabaseIsRefused()
{
    QFETCH(QStringList, statements);
    QTemporaryDir dir;
    {
        RawDatabase raw(dbPath(dir));
        for (const QString &sql : statements)
            QVERIFY(raw.exec(sql));
    }
    const FileSnapshot before = FileSnapshot::of(dbPath(dir));
    const auto workspace = Workspace::open(dir.path());
    QVERIFY(!workspace);
    QVERIFY2(workspace.error().message.contains(u"another program"_s), qPrintable(workspace.error().message));
    QVERIFY(FileSnapshot::of(dbPath(dir)) == before);
    QVERIFY(!hasSidecars(dbPath(dir)));
}

void TestMigrations::inspectReportsVersion()
{
    QTemporaryDir dir;
    QCOMPARE(*Migrations::inspect(dbPath(dir)), 0);
    QVERIFY(Workspace::open(dir.path()));
    QCOMPARE(*Migrations::inspect(dbPath(dir)), Migrations::latestVersion());
    QVERIFY(!hasSidecars(dbPath(dir)));
}

void TestMigrations::damagedFileIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("random bytes") << u"random"_s;
    QTest::newRow("truncated inside a page") << u"mid-page"_s;
    QTest::newRow("truncated at a page boundary") << u"page"_s;
    QTest::newRow("header only") << u"header"_s;
    QTest::newRow("page overwritten") << u"scribble"_s;
}

void TestMigrations::damagedFileIsRefusedUntouched()
{
    QFETCH(QString, damage);
    QTemporaryDir tmp;
    QString path;
    {
        auto opened = Workspace::open(tmp.path());
        QVERIFY(opened);
        Workspace *ws = opened->get();
        path = ws->filePath();
        QVERIFY_OK(ws->addProject({ u"shop"_s, {}, {}, {} }));
        QList<Gantry::VariableRecord> variables;
        for (int i = 0; i < 2000; ++i)
            variables << Gantry::VariableRecord { u"VAR_%1"_s.arg(i), QString(100, u'v'), false, {} };
        QVERIFY_OK(ws->replaceVariables(u"shop"_s, u"prod"_s, variables));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    QVERIFY(size > 16 * 4096);
    if (damage == u"random"_s) {
        QByteArray noise(size, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        file.seek(0);
        file.write(noise);
    } else if (damage == u"mid-page"_s) {
        file.resize(size / 2 + 123);
    } else if (damage == u"page"_s) {
        file.resize(size / 2 / 4096 * 4096);
    } else if (damage == u"header"_s) {
        file.resize(100);
    } else {
        file.seek(size / 2 / 4096 * 4096);
        file.write(QByteArray(4096, '\xAB'));
    }
    file.close();
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const FileSnapshot before = FileSnapshot::of(path);
    QTest::qWait(20);
    const auto ws = Workspace::open(tmp.path());
    QVERIFY(!ws);
    QVERIFY2(ws.error().message.contains(u"damaged"_s), qPrintable(ws.error().message));
    QVERIFY(!ws.error().hint.isEmpty());
    QVERIFY(FileSnapshot::of(path) == before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
