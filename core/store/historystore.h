#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {

class Database;

// The workspace's append-mostly tables: deployment history and health samples with retention.
class HistoryStore final {
    Q_DECLARE_TR_FUNCTIONS(HistoryStore)
public:
    static constexpr qsizetype MaxLogExcerpt = 64 * 1024;

    explicit HistoryStore(Database &db);

    Result<qint64> addDeployment(const DeploymentRecord &deployment);
    Result<QList<DeploymentRecord>> deployments(const QString &project, int limit) const;
    // The same who, when, project, profile and version (an import must not add a row twice).
    Result<bool> hasDeployment(const DeploymentRecord &deployment) const;

    HealthRetention retention() const;
    void setRetention(const HealthRetention &retention);
    Result<void> addHealthSamples(const QList<HealthSample> &samples);
    Result<QList<HealthSample>> healthSamples(
        const QString &server, const QString &unit, const QDateTime &since) const;
    Result<int> pruneHealth(const QDateTime &now);

    static constexpr int MaxEvents = 10000;
    Result<void> addEvents(QList<EventRecord> &events); // sets their ids; keeps the newest MaxEvents
    Result<QList<EventRecord>> events(int limit) const; // newest first

private:
    Result<int> pruneOld(const QDateTime &now);
    Result<int> pruneRows(const QString &server, const QString &unit);

    Database &m_db;
    HealthRetention m_retention;
};

} // namespace Gantry
