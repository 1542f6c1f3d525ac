#include "core/store/workspace.h"

#include <QDir>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QStandardPaths>
#include <QUuid>

#include "core/store/database.h"
#include "core/store/historystore.h"
#include "core/store/jumpchain.h"
#include "core/store/migrations.h"
#include "core/store/workspacetransfer.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// How many Workspaces of this process have each database open. Closing any descriptor of a file
// drops every POSIX lock the process holds on it, SQLite's included: a plain read of the header
// while another connection of this process is open let another process checkpoint and remove
// the WAL under it, and later writes were lost. So the header is read only by the first opener.
QMutex openLock;
QHash<QString, int> openCounts;

QString databasePath(const QString &dir)
{
    return QDir(QDir(dir).absolutePath()).filePath(Workspace::databaseFileName());
}

const QString ProjectColumns = u"name, path, build_settings, created_ms"_s;
const QString ServerColumns =
    u"name, address, port, user, auth, key_file, host_key, host_key_sha256, os, arch, jump, service_manager"_s;

ProjectRecord readProject(const QSqlQuery &query)
{
    return { query.value(0).toString(), query.value(1).toString(),
        Database::jsonObject(query.value(2).toString()), Database::fromMs(query.value(3).toLongLong()) };
}

ServerRecord readServer(const QSqlQuery &query)
{
    return { query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(),
        query.value(3).toString(),
        ServerRecord::authFromName(query.value(4).toString()).value_or(AuthKind::Agent),
        query.value(5).toString(), query.value(6).toString(), query.value(7).toString(),
        query.value(8).toString(), query.value(9).toString(), query.value(10).toString(),
        query.value(11).toString() };
}

QVariantList serverValues(const ServerRecord &s)
{
    return { s.address, s.port, s.user, ServerRecord::authName(s.auth), s.keyFile, s.hostKey,
        s.hostKeyFingerprint, s.os, s.arch, s.jump, s.serviceManager, s.name };
}

VariableRecord readVariable(const QSqlQuery &query)
{
    return { query.value(0).toString(), query.value(1).toString(), query.value(2).toBool(),
        query.value(3).toString() };
}

QVariantList variableValues(qint64 profileId, const QString &server, const VariableRecord &v)
{
    const QVariant value = v.secret ? QVariant() : QVariant(v.value);
    return { profileId, server, v.name, value, v.secret ? 1 : 0,
        v.secret ? QVariant(v.keychainKey) : QVariant() };
}

const QString InsertVariable =
    u"INSERT INTO variables (profile_id, server, name, value, secret, keychain_key) "
    "VALUES (?, ?, ?, ?, ?, ?)"_s;

} // namespace

QString Workspace::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Workspace::databaseFileName()
{
    return u"workspace.db"_s;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &dir)
{
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return fail(
            tr("Cannot create the workspace folder %1.").arg(dir), tr("Choose a folder you can write to."));
    const QString path = databasePath(dir);
    std::unique_ptr<Workspace> workspace;
    {
        const QMutexLocker locker(&openLock);
        // Read-only checks first: a file Gantry refuses is never opened for writing.
        if (openCounts.value(path) == 0) {
            if (auto version = Migrations::inspect(path); !version)
                return std::unexpected(version.error());
        }
        workspace.reset(new Workspace(QDir(dir).absolutePath()));
    }
    if (auto ok = workspace->initialize(); !ok)
        return std::unexpected(ok.error());
    return workspace;
}

Workspace::Workspace(const QString &dir)
    : m_dir(dir)
    , m_db(std::make_unique<Database>(QDir(dir).filePath(databaseFileName())))
    , m_history(std::make_unique<HistoryStore>(*m_db))
{
    ++openCounts[databasePath(m_dir)]; // under openLock, in open()
}

Workspace::~Workspace()
{
    m_history.reset();
    m_db.reset();
    const QMutexLocker locker(&openLock);
    const QString path = databasePath(m_dir);
    if (--openCounts[path] <= 0)
        openCounts.remove(path);
}

Result<void> Workspace::initialize()
{
    if (auto ok = m_db->open(); !ok)
        return ok;
    if (auto ok = Migrations::migrate(m_db->connection()); !ok)
        return ok;
    const Result<int> version = Migrations::version(m_db->connection());
    if (!version)
        return std::unexpected(version.error());
    m_version = *version;
    return loadId();
}

Result<void> Workspace::loadId()
{
    // Two processes creating the workspace at once agree on the first id written.
    const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto ok = m_db->change(u"INSERT OR IGNORE INTO meta (key, value) VALUES ('id', ?)"_s, { fresh }); !ok)
        return std::unexpected(ok.error());
    Result<QSqlQuery> query = m_db->exec(u"SELECT value FROM meta WHERE key = 'id'"_s);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(tr("The workspace %1 has no id.").arg(filePath()), tr("Open it again."));
    m_id = query->value(0).toString();
    return {};
}

QString Workspace::id() const
{
    return m_id;
}

QString Workspace::dir() const
{
    return m_dir;
}

QString Workspace::knownHostsFile() const
{
    return QDir(m_dir).filePath(u"known_hosts"_s);
}

QString Workspace::filePath() const
{
    return m_db->path();
}

int Workspace::schemaVersion() const
{
    return m_version;
}

QString Workspace::keychainKey(const QString &workspaceId, const QString &project, const QString &profile,
    const QString &name, const QString &server)
{
    const QString scope = server.isEmpty() ? profile : profile + u'@' + server;
    return u"gantry:"_s + workspaceId + u':' + project + u':' + scope + u':' + name;
}

Result<void> Workspace::transaction(const std::function<Result<void>()> &body)
{
    return m_db->transaction(body);
}

Result<QList<ProjectRecord>> Workspace::projects() const
{
    Result<QSqlQuery> query = m_db->exec(u"SELECT "_s + ProjectColumns + u" FROM projects ORDER BY name"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<ProjectRecord> list;
    while (query->next())
        list << readProject(*query);
    return list;
}

Result<ProjectRecord> Workspace::project(const QString &name) const
{
    Result<QSqlQuery> query =
        m_db->exec(u"SELECT "_s + ProjectColumns + u" FROM projects WHERE name = ?"_s, { name });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(tr("There is no project named %1.").arg(name), tr("Add the project first."));
    return readProject(*query);
}

Result<qint64> Workspace::projectId(const QString &name) const
{
    Result<QSqlQuery> query = m_db->exec(u"SELECT id FROM projects WHERE name = ?"_s, { name });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(tr("There is no project named %1.").arg(name), tr("Add the project first."));
    return query->value(0).toLongLong();
}

Result<void> Workspace::addProject(const ProjectRecord &project)
{
    if (auto ok = RecordName::validate(project.name); !ok)
        return ok;
    return m_db->transaction([&]() -> Result<void> {
        if (projectId(project.name))
            return fail(
                tr("There is already a project named %1.").arg(project.name), tr("Choose another name."));
        const QDateTime created =
            project.created.isValid() ? project.created : QDateTime::currentDateTimeUtc();
        const auto insert = m_db->exec(u"INSERT INTO projects (name, path, build_settings, created_ms) "
                                       "VALUES (?, ?, ?, ?)"_s,
            { project.name, project.path, Database::jsonText(project.buildSettings),
                Database::toMs(created) });
        if (!insert)
            return std::unexpected(insert.error());
        // The last insert id belongs to the connection: read it before the profiles are inserted.
        const qint64 id = insert->lastInsertId().toLongLong();
        for (const ProfileRecord &profile : defaultProfiles(project.name)) {
            if (auto ok = writeProfile(id, profile); !ok)
                return ok;
        }
        return {};
    });
}

Result<void> Workspace::updateProject(const ProjectRecord &project)
{
    const Result<int> changed =
        m_db->change(u"UPDATE projects SET path = ?, build_settings = ? WHERE name = ?"_s,
            { project.path, Database::jsonText(project.buildSettings), project.name });
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(tr("There is no project named %1.").arg(project.name), tr("Add the project first."));
    return {};
}

Result<void> Workspace::removeProject(const QString &name)
{
    const Result<int> changed = m_db->change(u"DELETE FROM projects WHERE name = ?"_s, { name });
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(tr("There is no project named %1.").arg(name), tr("Refresh the project list."));
    return {};
}

Result<QList<ServerRecord>> Workspace::servers() const
{
    Result<QSqlQuery> query = m_db->exec(u"SELECT "_s + ServerColumns + u" FROM servers ORDER BY name"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<ServerRecord> list;
    while (query->next())
        list << readServer(*query);
    return list;
}

Result<ServerRecord> Workspace::server(const QString &name) const
{
    Result<QSqlQuery> query =
        m_db->exec(u"SELECT "_s + ServerColumns + u" FROM servers WHERE name = ?"_s, { name });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(tr("There is no server named %1.").arg(name), tr("Add the server first."));
    return readServer(*query);
}

Result<void> Workspace::addServer(const ServerRecord &server)
{
    if (auto ok = server.validate(); !ok)
        return ok;
    return m_db->transaction([&]() -> Result<void> {
        if (this->server(server.name))
            return fail(
                tr("There is already a server named %1.").arg(server.name), tr("Choose another name."));
        if (auto ok = checkJump(server); !ok)
            return ok;
        const auto insert = m_db->change(
            u"INSERT INTO servers (address, port, user, auth, key_file, host_key, "
            "host_key_sha256, os, arch, jump, service_manager, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            serverValues(server));
        return insert ? Result<void>() : std::unexpected(insert.error());
    });
}

Result<void> Workspace::updateServer(const ServerRecord &server)
{
    if (auto ok = server.validate(); !ok)
        return ok;
    return m_db->transaction([&]() -> Result<void> {
        if (auto ok = checkJump(server); !ok)
            return ok;
        const Result<int> changed =
            m_db->change(u"UPDATE servers SET address = ?, port = ?, user = ?, auth = ?, "
                         "key_file = ?, host_key = ?, host_key_sha256 = ?, os = ?, arch = ?, jump = ?, "
                         "service_manager = ? WHERE name = ?"_s,
                serverValues(server));
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed == 0)
            return fail(tr("There is no server named %1.").arg(server.name), tr("Add the server first."));
        return {};
    });
}

Result<void> Workspace::checkJump(const ServerRecord &server) const
{
    if (server.jump.isEmpty())
        return {};
    const auto all = servers();
    if (!all)
        return std::unexpected(all.error());
    return JumpChain::check(server, *all);
}

Result<void> Workspace::removeServer(const QString &name)
{
    return m_db->transaction([&]() -> Result<void> {
        const auto all = servers();
        if (!all)
            return std::unexpected(all.error());
        if (auto ok = JumpChain::checkRemoval(name, *all); !ok)
            return ok;
        const Result<int> changed = m_db->change(u"DELETE FROM servers WHERE name = ?"_s, { name });
        if (!changed)
            return std::unexpected(changed.error());
        if (*changed == 0)
            return fail(tr("There is no server named %1.").arg(name), tr("Refresh the server list."));
        return {};
    });
}

QList<ProfileRecord> Workspace::defaultProfiles(const QString &project)
{
    return { { project, u"base"_s, {}, {} },
        { project, u"dev"_s, u"base"_s, QJsonObject { { u"gin_mode"_s, u"debug"_s } } },
        { project, u"test"_s, u"base"_s, {} }, { project, u"prod"_s, u"base"_s, {} } };
}

Result<QList<ProfileRecord>> Workspace::profiles(const QString &project) const
{
    const Result<qint64> id = projectId(project);
    if (!id)
        return std::unexpected(id.error());
    Result<QSqlQuery> query = m_db->exec(
        u"SELECT name, extends, settings FROM profiles WHERE project_id = ? ORDER BY id"_s, { *id });
    if (!query)
        return std::unexpected(query.error());
    QList<ProfileRecord> list;
    while (query->next())
        list << ProfileRecord { project, query->value(0).toString(), query->value(1).toString(),
            Database::jsonObject(query->value(2).toString()) };
    return list;
}

Result<ProfileRecord> Workspace::profile(const QString &project, const QString &name) const
{
    const Result<QList<ProfileRecord>> list = profiles(project);
    if (!list)
        return std::unexpected(list.error());
    for (const ProfileRecord &profile : *list) {
        if (profile.name == name)
            return profile;
    }
    return fail(tr("Project %1 has no profile %2.").arg(project, name), tr("Add the profile first."));
}

Result<qint64> Workspace::profileId(const QString &project, const QString &profile) const
{
    Result<QSqlQuery> query =
        m_db->exec(u"SELECT p.id FROM profiles p JOIN projects j ON p.project_id = j.id "
                   "WHERE j.name = ? AND p.name = ?"_s,
            { project, profile });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(tr("Project %1 has no profile %2.").arg(project, profile), tr("Add the profile first."));
    return query->value(0).toLongLong();
}

Result<void> Workspace::writeProfile(qint64 projectId, const ProfileRecord &profile)
{
    const auto write =
        m_db->change(u"INSERT INTO profiles (project_id, name, extends, settings) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (project_id, name) DO UPDATE SET extends = excluded.extends, "
                     "settings = excluded.settings"_s,
            { projectId, profile.name, profile.extends, Database::jsonText(profile.settings) });
    return write ? Result<void>() : std::unexpected(write.error());
}

// With `profile` added or changed, every inheritance chain of the project is still sound.
Result<void> Workspace::checkProfile(const ProfileRecord &profile, bool adding) const
{
    if (auto ok = profile.validate(); !ok)
        return ok;
    Result<QList<ProfileRecord>> list = profiles(profile.project);
    if (!list)
        return std::unexpected(list.error());
    const auto same = [&](const ProfileRecord &p) { return p.name == profile.name; };
    const bool exists = std::any_of(list->begin(), list->end(), same);
    if (adding && exists)
        return fail(tr("Project %1 already has a profile %2.").arg(profile.project, profile.name),
            tr("Choose another name."));
    if (!adding && !exists)
        return fail(tr("Project %1 has no profile %2.").arg(profile.project, profile.name),
            tr("Add the profile first."));
    list->removeIf(same);
    list->append(profile);
    return ProfileResolver(profile.project, *list).validate();
}

Result<void> Workspace::addProfile(const ProfileRecord &profile)
{
    return m_db->transaction([&]() -> Result<void> {
        if (auto ok = checkProfile(profile, true); !ok)
            return ok;
        const Result<qint64> id = projectId(profile.project);
        return id ? writeProfile(*id, profile) : std::unexpected(id.error());
    });
}

Result<void> Workspace::updateProfile(const ProfileRecord &profile)
{
    return m_db->transaction([&]() -> Result<void> {
        if (auto ok = checkProfile(profile, false); !ok)
            return ok;
        const Result<qint64> id = projectId(profile.project);
        return id ? writeProfile(*id, profile) : std::unexpected(id.error());
    });
}

Result<void> Workspace::removeProfile(const QString &project, const QString &name)
{
    return m_db->transaction([&]() -> Result<void> {
        const Result<QList<ProfileRecord>> list = profiles(project);
        if (!list)
            return std::unexpected(list.error());
        QStringList children;
        for (const ProfileRecord &profile : *list) {
            if (profile.extends == name)
                children << profile.name;
        }
        if (!children.isEmpty())
            return fail(tr("Profile %1 of %2 cannot be deleted: %3 extend it.")
                            .arg(name, project, children.join(u", "_s)),
                tr("Make those profiles extend another profile first."));
        const Result<qint64> id = profileId(project, name);
        if (!id)
            return std::unexpected(id.error());
        const auto remove = m_db->change(u"DELETE FROM profiles WHERE id = ?"_s, { *id });
        return remove ? Result<void>() : std::unexpected(remove.error());
    });
}

Result<void> Workspace::replaceProfiles(const QString &project, const QList<ProfileRecord> &profiles)
{
    QStringList names;
    for (const ProfileRecord &profile : profiles) {
        if (auto ok = profile.validate(); !ok)
            return ok;
        if (names.contains(profile.name))
            return fail(
                tr("Profile %1 of %2 is listed twice.").arg(profile.name, project), tr("Keep one of them."));
        names << profile.name;
    }
    if (auto ok = ProfileResolver(project, profiles).validate(); !ok)
        return ok;
    return m_db->transaction([&]() -> Result<void> {
        const Result<qint64> id = projectId(project);
        if (!id)
            return std::unexpected(id.error());
        const QString placeholders = QStringList(names.size(), u"?"_s).join(u", "_s);
        QVariantList binds { *id };
        for (const QString &name : std::as_const(names))
            binds << name;
        if (auto ok = m_db->change(
                u"DELETE FROM profiles WHERE project_id = ? AND name NOT IN ("_s + placeholders + u")"_s,
                binds);
            !ok)
            return std::unexpected(ok.error());
        for (const ProfileRecord &profile : profiles) {
            if (auto ok = writeProfile(*id, profile); !ok)
                return ok;
        }
        return {};
    });
}

Result<QList<VariableRecord>> Workspace::variables(
    const QString &project, const QString &profile, const QString &server) const
{
    const Result<qint64> id = profileId(project, profile);
    if (!id)
        return std::unexpected(id.error());
    Result<QSqlQuery> query = m_db->exec(u"SELECT name, value, secret, keychain_key FROM variables "
                                         "WHERE profile_id = ? AND server = ? ORDER BY id"_s,
        { *id, server });
    if (!query)
        return std::unexpected(query.error());
    QList<VariableRecord> list;
    while (query->next())
        list << readVariable(*query);
    return list;
}

Result<QStringList> Workspace::overrideServers(const QString &project, const QString &profile) const
{
    const Result<qint64> id = profileId(project, profile);
    if (!id)
        return std::unexpected(id.error());
    Result<QSqlQuery> query = m_db->exec(
        u"SELECT DISTINCT server FROM variables WHERE profile_id = ? AND server <> '' ORDER BY server"_s,
        { *id });
    if (!query)
        return std::unexpected(query.error());
    QStringList servers;
    while (query->next())
        servers << query->value(0).toString();
    return servers;
}

Result<VariableRecord> Workspace::prepared(const QString &project, const QString &profile,
    const VariableRecord &variable, const QString &server) const
{
    if (!VariableRecord::isValidName(variable.name))
        return fail(tr("\"%1\" is not a valid variable name.").arg(variable.name),
            tr("Use letters, digits and \"_\", not starting with a digit."));
    if (auto ok = server.isEmpty() ? Result<void>() : RecordName::validate(server); !ok)
        return std::unexpected(ok.error());
    VariableRecord ready = variable;
    ready.keychainKey.clear();
    if (ready.secret && !ready.value.isEmpty())
        return fail(tr("The value of the secret %1 cannot be kept in the workspace.").arg(variable.name),
            tr("Secret values live in the system keychain; store it there."));
    if (ready.secret)
        ready.keychainKey = keychainKey(m_id, project, profile, variable.name, server);
    return ready;
}

Result<VariableRecord> Workspace::writeVariable(const QString &project, const QString &profile,
    const VariableRecord &variable, const QString &server, bool replace)
{
    const Result<VariableRecord> ready = prepared(project, profile, variable, server);
    if (!ready)
        return ready;
    const QString onConflict = replace
        ? u" ON CONFLICT (profile_id, server, name) DO UPDATE SET value = "
          "excluded.value, secret = excluded.secret, keychain_key = excluded.keychain_key"_s
        : QString();
    const Result<void> ok = m_db->transaction([&]() -> Result<void> {
        const Result<qint64> id = profileId(project, profile);
        if (!id)
            return std::unexpected(id.error());
        Result<QSqlQuery> existing =
            m_db->exec(u"SELECT 1 FROM variables WHERE profile_id = ? AND server = ? AND name = ?"_s,
                { *id, server, ready->name });
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->next() && !replace)
            return fail(tr("%1 is already set in profile %2 of %3.").arg(ready->name, profile, project),
                tr("Edit the existing variable instead."));
        const auto write = m_db->change(InsertVariable + onConflict, variableValues(*id, server, *ready));
        return write ? Result<void>() : std::unexpected(write.error());
    });
    if (!ok)
        return std::unexpected(ok.error());
    return ready;
}

Result<VariableRecord> Workspace::addVariable(
    const QString &project, const QString &profile, const VariableRecord &variable, const QString &server)
{
    return writeVariable(project, profile, variable, server, false);
}

Result<VariableRecord> Workspace::setVariable(
    const QString &project, const QString &profile, const VariableRecord &variable, const QString &server)
{
    return writeVariable(project, profile, variable, server, true);
}

Result<void> Workspace::replaceVariables(const QString &project, const QString &profile,
    const QList<VariableRecord> &variables, const QString &server)
{
    QList<VariableRecord> ready;
    QSet<QString> names;
    for (const VariableRecord &variable : variables) {
        Result<VariableRecord> one = prepared(project, profile, variable, server);
        if (!one)
            return std::unexpected(one.error());
        if (names.contains(one->name))
            return fail(tr("%1 is listed twice for profile %2 of %3.").arg(one->name, profile, project),
                tr("Keep one of them."));
        names.insert(one->name);
        ready << *one;
    }
    return m_db->transaction([&]() -> Result<void> {
        const Result<qint64> id = profileId(project, profile);
        if (!id)
            return std::unexpected(id.error());
        if (auto ok =
                m_db->change(u"DELETE FROM variables WHERE profile_id = ? AND server = ?"_s, { *id, server });
            !ok)
            return std::unexpected(ok.error());
        QSqlQuery insert(m_db->connection());
        if (!insert.prepare(InsertVariable))
            return m_db->failed(insert.lastError());
        for (const VariableRecord &variable : std::as_const(ready)) {
            const QVariantList values = variableValues(*id, server, variable);
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, Database::bindable(values.at(i)));
            if (!insert.exec())
                return m_db->failed(insert.lastError());
        }
        return {};
    });
}

Result<void> Workspace::removeVariable(
    const QString &project, const QString &profile, const QString &name, const QString &server)
{
    const Result<qint64> id = profileId(project, profile);
    if (!id)
        return std::unexpected(id.error());
    const Result<int> changed = m_db->change(
        u"DELETE FROM variables WHERE profile_id = ? AND server = ? AND name = ?"_s, { *id, server, name });
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return fail(
            tr("%1 is not set in profile %2 of %3.").arg(name, profile, project), tr("Refresh the list."));
    return {};
}

QList<VariableRecord> Workspace::secretRefs(const QString &project, const QString &profile) const
{
    Result<QSqlQuery> query =
        m_db->exec(u"SELECT v.name, v.value, v.secret, v.keychain_key FROM variables v "
                   "JOIN profiles p ON v.profile_id = p.id JOIN projects j ON p.project_id = j.id "
                   "WHERE v.secret = 1 AND (? = '' OR j.name = ?) AND (? = '' OR p.name = ?) "
                   "ORDER BY j.name, p.name, v.server, v.name"_s,
            { project, project, profile, profile });
    QList<VariableRecord> list;
    while (query && query->next())
        list << readVariable(*query);
    return list;
}

Result<ResolvedProfile> Workspace::resolve(
    const QString &project, const QString &profile, const QString &server) const
{
    const Result<QList<ProfileRecord>> list = profiles(project);
    if (!list)
        return std::unexpected(list.error());
    return ProfileResolver(project, *list)
        .resolve(profile, server, [&](const QString &name, const QString &overrides) {
            return variables(project, name, overrides);
        });
}

Result<qint64> Workspace::addDeployment(const DeploymentRecord &deployment)
{
    return m_history->addDeployment(deployment);
}

Result<QList<DeploymentRecord>> Workspace::deployments(const QString &project, int limit) const
{
    return m_history->deployments(project, limit);
}

HealthRetention Workspace::healthRetention() const
{
    return m_history->retention();
}

void Workspace::setHealthRetention(const HealthRetention &retention)
{
    m_history->setRetention(retention);
}

Result<void> Workspace::addHealthSamples(const QList<HealthSample> &samples)
{
    return m_history->addHealthSamples(samples);
}

Result<QList<HealthSample>> Workspace::healthSamples(
    const QString &server, const QString &unit, const QDateTime &since) const
{
    return m_history->healthSamples(server, unit, since);
}

Result<int> Workspace::pruneHealth(const QDateTime &now)
{
    return m_history->pruneHealth(now);
}

Result<void> Workspace::addEvents(QList<EventRecord> &events)
{
    return m_history->addEvents(events);
}

Result<QList<EventRecord>> Workspace::events(int limit) const
{
    return m_history->events(limit);
}

Result<QString> Workspace::webhookUrl() const
{
    Result<QSqlQuery> query = m_db->exec(u"SELECT value FROM meta WHERE key = 'webhook'"_s);
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toString() : QString();
}

Result<void> Workspace::setWebhookUrl(const QString &url)
{
    const auto changed = url.isEmpty()
        ? m_db->change(u"DELETE FROM meta WHERE key = 'webhook'"_s)
        : m_db->change(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('webhook', ?)"_s, { url });
    if (!changed)
        return std::unexpected(changed.error());
    return {};
}

Result<QJsonObject> Workspace::exportJson() const
{
    return WorkspaceTransfer::exportJson(*this);
}

Result<void> Workspace::importJson(const QJsonObject &json)
{
    return WorkspaceTransfer::importJson(*this, json);
}

} // namespace Gantry
