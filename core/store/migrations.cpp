#include "core/store/migrations.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// The fields of the 100-byte SQLite file header that say what a file is (sqlite.org/fileformat.html).
struct FileHeader {
    QByteArray bytes;

    bool isSqlite() const { return bytes.size() == 100 && bytes.startsWith("SQLite format 3\0"_ba); }
    quint32 field(int offset) const { return qFromBigEndian<quint32>(bytes.constData() + offset); }
    qint64 pageSize() const
    {
        const quint16 size = qFromBigEndian<quint16>(bytes.constData() + 16);
        return size == 1 ? 65536 : size;
    }
    // The page count at offset 28 is only valid when the change counter matches "valid for".
    qint64 pageCount() const { return field(24) == field(92) ? field(28) : 0; }
    int userVersion() const { return static_cast<qint32>(field(60)); }
    qint32 applicationId() const { return static_cast<qint32>(field(68)); }
};

std::unexpected<Error> damaged(const QString &path, const QString &cause)
{
    return fail(Migrations::tr("The workspace file %1 is damaged or is not a database.").arg(path),
        Migrations::tr("Gantry did not change it. Restore it from a backup, or move it away and "
                       "Gantry starts a new workspace there."),
        cause);
}

std::unexpected<Error> foreign(const QString &path)
{
    return fail(Migrations::tr("%1 is a database of another program, not a Gantry workspace.").arg(path),
        Migrations::tr("Gantry did not change it. Choose another folder for the workspace."));
}

std::unexpected<Error> newer(const QString &path, int version, int known)
{
    return fail(Migrations::tr("The workspace %1 was made by a newer Gantry (schema version %2; this "
                               "Gantry knows versions up to %3).")
                    .arg(path)
                    .arg(version)
                    .arg(known),
        Migrations::tr("Update Gantry to open it. Gantry did not change the file."));
}

// A database another connection may be using, or one with a hot journal: its main file alone
// need not be consistent, so only SQLite itself may judge it.
bool hasSidecar(const QString &path)
{
    return QFileInfo::exists(path + u"-wal"_s) || QFileInfo::exists(path + u"-journal"_s);
}

Result<void> checkHeader(const QString &path, const FileHeader &header, qint64 size)
{
    const qint64 pageSize = header.pageSize();
    if (!header.isSqlite() || pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return damaged(path, Migrations::tr("The file has no SQLite header."));
    if (header.applicationId() != 0 && header.applicationId() != Migrations::ApplicationId)
        return foreign(path);
    if (header.applicationId() == 0 && header.userVersion() != 0)
        return foreign(path);
    if (header.userVersion() > Migrations::latestVersion())
        return newer(path, header.userVersion(), Migrations::latestVersion());
    if (!hasSidecar(path) && (size % pageSize != 0 || header.pageCount() * pageSize > size))
        return damaged(path,
            Migrations::tr("The file is %1 bytes long; its header says %2 pages of %3 bytes.")
                .arg(size)
                .arg(header.pageCount())
                .arg(pageSize));
    return {};
}

Result<void> quickCheck(const QSqlDatabase &db, const QString &path, int version)
{
    if (!db.isOpen())
        return damaged(path, db.lastError().text());
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA quick_check"_s))
        return damaged(path, query.lastError().text());
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    if (problems != QStringList { u"ok"_s })
        return damaged(path, problems.join(u'\n'));
    if (version == 0 &&
        (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next() ||
            query.value(0).toInt() != 0))
        return foreign(path);
    return {};
}

std::unexpected<Error> stepFailed(const Migrations::Step &step, const QString &cause)
{
    return fail(Migrations::tr("Gantry could not upgrade the workspace to schema version %1 (%2).")
                    .arg(step.version)
                    .arg(step.summary),
        Migrations::tr("The workspace was left as it was. Check that the disk is not full and the "
                       "folder is writable, then open it again."),
        cause);
}

} // namespace

const QList<Migrations::Step> &Migrations::steps()
{
    static const QList<Step> list {
        { 1, u"projects, servers, profiles, variables, deployments"_s,
            { u"PRAGMA application_id = %1"_s.arg(ApplicationId),
                u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                u"CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                "path TEXT NOT NULL DEFAULT '', build_settings TEXT NOT NULL DEFAULT '{}', "
                "created_ms INTEGER NOT NULL)"_s,
                u"CREATE TABLE servers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                "address TEXT NOT NULL, port INTEGER NOT NULL, user TEXT NOT NULL, "
                "auth TEXT NOT NULL CHECK (auth IN ('key', 'agent', 'password')), "
                "key_file TEXT NOT NULL DEFAULT '', host_key TEXT NOT NULL DEFAULT '', "
                "host_key_sha256 TEXT NOT NULL DEFAULT '', os TEXT NOT NULL DEFAULT '', "
                "arch TEXT NOT NULL DEFAULT '')"_s,
                u"CREATE TABLE profiles (id INTEGER PRIMARY KEY, "
                "project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE, "
                "name TEXT NOT NULL, extends TEXT NOT NULL DEFAULT '', "
                "settings TEXT NOT NULL DEFAULT '{}', UNIQUE (project_id, name))"_s,
                // A secret keeps its name and keychain key only: the CHECK makes a stored value impossible.
                u"CREATE TABLE variables (id INTEGER PRIMARY KEY, "
                "profile_id INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE, "
                "server TEXT NOT NULL DEFAULT '', name TEXT NOT NULL, value TEXT, "
                "secret INTEGER NOT NULL DEFAULT 0, keychain_key TEXT, UNIQUE (profile_id, server, name), "
                "CHECK ((secret = 0 AND value IS NOT NULL) OR "
                "(secret = 1 AND value IS NULL AND keychain_key IS NOT NULL)))"_s,
                u"CREATE TABLE deployments (id INTEGER PRIMARY KEY, who TEXT NOT NULL, "
                "at_ms INTEGER NOT NULL, project TEXT NOT NULL, version TEXT NOT NULL, "
                "profile TEXT NOT NULL, hosts TEXT NOT NULL DEFAULT '[]', result TEXT NOT NULL, "
                "duration_ms INTEGER NOT NULL DEFAULT 0, log_excerpt TEXT NOT NULL DEFAULT '')"_s } },
        { 2, u"health samples and history indices"_s,
            { u"CREATE TABLE health_samples (id INTEGER PRIMARY KEY, server TEXT NOT NULL, "
              "unit TEXT NOT NULL, at_ms INTEGER NOT NULL, state TEXT NOT NULL, "
              "cpu_percent REAL NOT NULL, memory_bytes INTEGER NOT NULL, restarts INTEGER NOT NULL, "
              "latency_ms INTEGER)"_s,
                u"CREATE INDEX health_by_unit ON health_samples (server, unit, at_ms)"_s,
                u"CREATE INDEX health_by_time ON health_samples (at_ms)"_s,
                u"CREATE INDEX deployments_by_project ON deployments (project, at_ms)"_s } },
        { 3, u"monitor events (alerts and recoveries)"_s,
            { u"CREATE TABLE events (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, "
              "server TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '', project TEXT NOT NULL DEFAULT '', "
              "kind TEXT NOT NULL, recovery INTEGER NOT NULL DEFAULT 0, message TEXT NOT NULL)"_s,
                u"CREATE INDEX events_by_time ON events (at_ms)"_s } },
        { 4, u"servers reached through a jump server"_s,
            { u"ALTER TABLE servers ADD COLUMN jump TEXT NOT NULL DEFAULT ''"_s } },
        { 5, u"a service manager chosen per server"_s,
            { u"ALTER TABLE servers ADD COLUMN service_manager TEXT NOT NULL DEFAULT ''"_s } },
    };
    return list;
}

int Migrations::latestVersion()
{
    return steps().last().version;
}

Result<int> Migrations::inspect(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return 0;
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the workspace file %1.").arg(path), tr("Check the file's permissions."),
            file.errorString());
    const FileHeader header { file.read(100) };
    if (auto ok = checkHeader(path, header, file.size()); !ok)
        return std::unexpected(ok.error());
    if (!hasSidecar(path)) {
        if (auto ok = checkContent(path, header.userVersion()); !ok && !hasSidecar(path))
            return std::unexpected(ok.error());
    }
    return header.userVersion();
}

Result<void> Migrations::checkContent(const QString &path, int version)
{
    // immutable=1: SQLite reads the file as it is, takes no locks and creates no -wal or -shm.
    const QString connection = u"gantry-inspect-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
        db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
        db.open();
        result = quickCheck(db, path, version);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<int> Migrations::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return fail(tr("Cannot read the schema version of the workspace %1.").arg(db.databaseName()),
            tr("Check that the file is readable."), query.lastError().text());
    return query.value(0).toInt();
}

Result<void> Migrations::migrate(const QSqlDatabase &db, int target)
{
    return migrate(db, steps(), target);
}

Result<void> Migrations::migrate(const QSqlDatabase &db, const QList<Step> &steps, int target)
{
    const Result<int> current = version(db);
    if (!current)
        return std::unexpected(current.error());
    const int known = steps.isEmpty() ? 0 : steps.last().version;
    if (*current > known)
        return newer(db.databaseName(), *current, known);
    for (const Step &step : steps) {
        if (step.version <= *current || step.version > target)
            continue;
        if (auto ok = apply(db, step); !ok)
            return ok;
    }
    return {};
}

Result<void> Migrations::apply(const QSqlDatabase &db, const Step &step)
{
    QSqlQuery query(db);
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return stepFailed(step, query.lastError().text());
    const auto rollback = [&](const QString &cause) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return stepFailed(step, cause);
    };
    // Another process may have run this step while this one waited for the write lock.
    const Result<int> now = version(db);
    if (!now)
        return rollback(now.error().cause);
    if (*now >= step.version)
        return query.exec(u"COMMIT"_s) ? Result<void>() : rollback(query.lastError().text());
    for (const QString &sql : step.statements) {
        if (!query.exec(sql))
            return rollback(query.lastError().text() + u"\n"_s + sql);
    }
    if (!query.exec(u"PRAGMA user_version = %1"_s.arg(step.version)) || !query.exec(u"COMMIT"_s))
        return rollback(query.lastError().text());
    return {};
}

} // namespace Gantry
