#pragma once

#include <chrono>
#include <optional>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// Names of projects, profiles and servers: they are keys, and parts of keychain keys.
struct RecordName {
    Q_DECLARE_TR_FUNCTIONS(RecordName)
public:
    static Result<void> validate(const QString &name);
};

// A Go service the workspace builds and deploys. Names are keys: they appear in keychain keys.
struct ProjectRecord {
    QString name;
    QString path; // the project folder
    QJsonObject
        buildSettings; // targets, ldflags template, extra files, go env (the build page owns the keys)
    QDateTime created; // set by the store

    // The service's name as deploys give it (gantry-<app>.service): the configured "app", else
    // the folder's name in lower case.
    QString appName() const;
};

enum class AuthKind { Key, Agent, Password };

// A host to deploy to. A password is never stored: it is asked for, or lives in the keychain.
struct ServerRecord {
    Q_DECLARE_TR_FUNCTIONS(ServerRecord)
public:
    QString name;
    QString address;
    int port = 22;
    QString user;
    AuthKind auth = AuthKind::Agent;
    QString keyFile; // private key path, for AuthKind::Key
    QString hostKey; // pinned known_hosts line, on the user's word
    QString hostKeyFingerprint; // "SHA256:..." of hostKey
    QString os; // probed: "linux", "windows"
    QString arch; // probed: "amd64", "arm64"
    QString jump {}; // another server to connect through (ProxyJump); empty: directly
    QString serviceManager {}; // "systemd", "supervisor"; empty: what the server runs (or the profile says)

    static QString authName(AuthKind kind);
    static std::optional<AuthKind> authFromName(const QString &name);
    Result<void> validate() const;
};

// One environment variable. A secret keeps only its name and where its value is in the keychain.
struct VariableRecord {
    QString name;
    QString value; // may span lines; empty for a secret
    bool secret = false;
    QString keychainKey; // "gantry:<workspace id>:<project>:<profile>:<NAME>", set by the store

    // POSIX environment name: [A-Za-z_][A-Za-z0-9_]*
    static bool isValidName(QStringView name);
};

// How a profile's service runs on a server. Defaults follow shared/reference/defaults.md.
struct DeploySettings {
    Q_DECLARE_TR_FUNCTIONS(DeploySettings)
public:
    int servicePort = 8080;
    QString healthPath = QStringLiteral("/healthz");
    int healthIntervalSecs = 1;
    int healthTimeoutSecs = 5;
    int startGraceSecs = 30;
    QString ginMode = QStringLiteral("release");
    QString serviceUser; // empty in a default-constructed value; defaults(app) fills it
    QString restartPolicy = QStringLiteral("on-failure");
    int restartSecs = 5;
    int stopTimeoutSecs = 30;
    QString memoryMax; // systemd MemoryMax=: 512M, 1G, infinity; empty: no limit
    QString cpuQuota; // systemd CPUQuota=: 50%, 200%; empty: no limit
    int keepReleases = 5;
    // Log bounds: each log file (supervisor) at most this size, this many rotated files kept;
    // systemd's LogRateLimitIntervalSec=/LogRateLimitBurst= so one runaway service cannot flood
    // the journal.
    int logMaxMegabytes = 10;
    int logBackups = 5;
    int logRateIntervalSecs = 30;
    int logRateBurst = 10000;
    QString serviceManager; // "systemd", "supervisor"; empty: what the server runs

    // The defaults for a service named `appName` (its user is the app name, made a valid user name).
    static DeploySettings defaults(const QString &appName);
    QJsonObject toJson() const;
    // Keys present in `json` replace those of `base`; unknown keys and wrong types are errors.
    static Result<DeploySettings> fromJson(const QJsonObject &json, const DeploySettings &base);
    Result<void> validate() const;

private:
    Result<void> validateHealth() const;
    Result<void> validateTimings() const;
    Result<void> validateUnit() const;
    Result<void> validateLogBounds() const;
};

// A named set of variables and deploy settings of one project: dev, test, prod, or the user's own.
// "base" is the project-level profile the default ones extend.
struct ProfileRecord {
    QString project;
    QString name;
    QString extends; // another profile of the same project; empty: none
    QJsonObject settings; // only the DeploySettings keys this profile sets; the rest is inherited

    // The name, and the settings this profile sets over the defaults (not its inheritance).
    Result<void> validate() const;
};

// A row of the deployment history.
struct DeploymentRecord {
    qint64 id = 0; // set by the store
    QString who;
    QDateTime when;
    QString project;
    QString version;
    QString profile;
    QStringList hosts;
    QString result; // "success", "failed", "cancelled", "rolled back"
    qint64 durationMs = 0;
    QString logExcerpt; // the store keeps the last 64 KiB
};

// What the monitor saw of one unit on one server at one time.
struct HealthSample {
    QString server;
    QString unit;
    QDateTime time;
    QString state; // systemd ActiveState or the Windows service state
    double cpuPercent = 0;
    qint64 memoryBytes = 0;
    int restarts = 0;
    int healthLatencyMs = -1; // -1: the health check did not answer
};

// An alert the monitor raised, or the recovery that ended it (AlertEngine).
struct EventRecord {
    qint64 id = 0; // set by the store
    QDateTime time;
    QString server;
    QString unit; // empty for the server itself
    QString project;
    QString kind; // AlertEngine::kindName: "failed", "recovered", "health-failing", "unreachable" ...
    bool recovery = false;
    QString message; // one sentence for people
};

// Health samples are pruned by age and to a number of rows per (server, unit).
struct HealthRetention {
    std::chrono::hours maxAge { 24 * 7 };
    int maxRowsPerUnit = 20000;
};

} // namespace Gantry
