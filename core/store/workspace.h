#pragma once

#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/common/error.h"
#include "core/profile/profileresolver.h"
#include "core/store/records.h"

namespace Gantry {

class Database;
class HistoryStore;

// The workspace: one SQLite database (WAL) in a folder, shared by the GUI and gantryctl at the same
// time. Writes are IMMEDIATE transactions retried while another process holds the lock.
// A Workspace belongs to the thread that opened it; each has its own QSqlDatabase connection.
class Workspace final {
    Q_DECLARE_TR_FUNCTIONS(Workspace)
public:
    // The user's app data folder (QStandardPaths::AppDataLocation).
    static QString defaultDir();
    static QString databaseFileName();
    // Creates the folder and the database if needed and migrates it. A damaged file, another
    // program's database or one from a newer Gantry is refused without being changed.
    static Result<std::unique_ptr<Workspace>> open(const QString &dir);
    ~Workspace();
    Q_DISABLE_COPY_MOVE(Workspace)

    QString id() const; // a random UUID chosen when the workspace was created
    QString dir() const;
    QString knownHostsFile() const; // Gantry's own, OpenSSH format: <dir>/known_hosts
    QString filePath() const;
    int schemaVersion() const;
    // "gantry:<workspace id>:<project>:<profile>:<NAME>"; a server override uses "<profile>@<server>".
    static QString keychainKey(const QString &workspaceId, const QString &project, const QString &profile,
        const QString &name, const QString &server = {});

    Result<QList<ProjectRecord>> projects() const;
    Result<ProjectRecord> project(const QString &name) const;
    // Adds the project with the profiles base, dev, test and prod (dev, test and prod extend base).
    Result<void> addProject(const ProjectRecord &project);
    Result<void> updateProject(const ProjectRecord &project); // path and build settings, by name
    Result<void> removeProject(const QString &name); // with its profiles; the history stays

    Result<QList<ServerRecord>> servers() const;
    Result<ServerRecord> server(const QString &name) const;
    Result<void> addServer(const ServerRecord &server);
    // Both refuse a jump server that is missing, the server itself, or makes a loop (JumpChain).
    Result<void> updateServer(const ServerRecord &server); // by name
    // Refused while other servers connect through it.
    Result<void> removeServer(const QString &name);

    static QList<ProfileRecord> defaultProfiles(const QString &project);
    Result<QList<ProfileRecord>> profiles(const QString &project) const;
    Result<ProfileRecord> profile(const QString &project, const QString &name) const;
    Result<void> addProfile(const ProfileRecord &profile);
    Result<void> updateProfile(const ProfileRecord &profile); // extends and settings, by name
    Result<void> removeProfile(const QString &project, const QString &name);
    // Makes the project's profiles exactly `profiles`: others are deleted with their variables.
    Result<void> replaceProfiles(const QString &project, const QList<ProfileRecord> &profiles);

    // Variables of a profile; with a server name, that server's overrides of them.
    Result<QList<VariableRecord>> variables(
        const QString &project, const QString &profile, const QString &server = {}) const;
    Result<QStringList> overrideServers(const QString &project, const QString &profile) const;
    // A secret's value must be empty: the store keeps its name and keychain key, returned here.
    Result<VariableRecord> addVariable(const QString &project, const QString &profile,
        const VariableRecord &variable, const QString &server = {});
    Result<VariableRecord> setVariable(const QString &project, const QString &profile,
        const VariableRecord &variable, const QString &server = {});
    Result<void> replaceVariables(const QString &project, const QString &profile,
        const QList<VariableRecord> &variables, const QString &server = {});
    Result<void> removeVariable(
        const QString &project, const QString &profile, const QString &name, const QString &server = {});
    // Secret variables (and overrides) of a project or one profile; everything when both are empty.
    QList<VariableRecord> secretRefs(const QString &project = {}, const QString &profile = {}) const;

    Result<ResolvedProfile> resolve(
        const QString &project, const QString &profile, const QString &server = {}) const;

    Result<qint64> addDeployment(const DeploymentRecord &deployment);
    // Newest first; all projects when `project` is empty.
    Result<QList<DeploymentRecord>> deployments(const QString &project = {}, int limit = 100) const;

    HealthRetention healthRetention() const;
    void setHealthRetention(const HealthRetention &retention);
    // Adds the samples and prunes what the retention no longer keeps.
    Result<void> addHealthSamples(const QList<HealthSample> &samples);
    Result<QList<HealthSample>> healthSamples(
        const QString &server, const QString &unit, const QDateTime &since = {}) const;
    Result<int> pruneHealth(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Monitor events, newest first (the store keeps the newest HistoryStore::MaxEvents).
    Result<void> addEvents(QList<EventRecord> &events); // sets their ids
    Result<QList<EventRecord>> events(int limit = 200) const;
    // Where alerts are POSTed as JSON (AlertWebhook); empty for nowhere.
    Result<QString> webhookUrl() const;
    Result<void> setWebhookUrl(const QString &url);

    // Everything but health samples and secret values (secrets are exported by name only);
    // see WorkspaceTransfer.
    Result<QJsonObject> exportJson() const;
    // Adds or replaces projects and servers by name and adds the history, in one transaction.
    Result<void> importJson(const QJsonObject &json);

    // Runs `body` as one write transaction; writes inside it join it. Retried while busy.
    Result<void> transaction(const std::function<Result<void>()> &body);

private:
    explicit Workspace(const QString &dir);
    Result<void> initialize();
    Result<void> loadId();
    Result<qint64> projectId(const QString &name) const;
    Result<qint64> profileId(const QString &project, const QString &profile) const;
    Result<void> writeProfile(qint64 projectId, const ProfileRecord &profile);
    Result<void> checkProfile(const ProfileRecord &profile, bool adding) const;
    Result<void> checkJump(const ServerRecord &server) const;
    Result<VariableRecord> prepared(const QString &project, const QString &profile,
        const VariableRecord &variable, const QString &server) const;
    Result<VariableRecord> writeVariable(const QString &project, const QString &profile,
        const VariableRecord &variable, const QString &server, bool replace);

    QString m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HistoryStore> m_history;
    QString m_id;
    int m_version = 0;
};

} // namespace Gantry
