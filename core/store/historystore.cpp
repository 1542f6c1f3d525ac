#include "core/store/historystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "core/store/database.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

DeploymentRecord readDeployment(const QSqlQuery &q)
{
    QStringList hosts;
    for (const QJsonValue &host : QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array())
        hosts << host.toString();
    return { q.value(0).toLongLong(), q.value(1).toString(), Database::fromMs(q.value(2).toLongLong()),
        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), hosts, q.value(7).toString(),
        q.value(8).toLongLong(), q.value(9).toString() };
}

HealthSample readSample(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), Database::fromMs(q.value(2).toLongLong()),
        q.value(3).toString(), q.value(4).toDouble(), q.value(5).toLongLong(), q.value(6).toInt(),
        q.value(7).isNull() ? -1 : q.value(7).toInt() };
}

QVariantList sampleValues(const HealthSample &s)
{
    return { s.server, s.unit, Database::toMs(s.time), s.state, s.cpuPercent, s.memoryBytes, s.restarts,
        s.healthLatencyMs < 0 ? QVariant() : QVariant(s.healthLatencyMs) };
}

} // namespace

HistoryStore::HistoryStore(Database &db)
    : m_db(db)
{
}

Result<qint64> HistoryStore::addDeployment(const DeploymentRecord &d)
{
    const QDateTime when = d.when.isValid() ? d.when : QDateTime::currentDateTimeUtc();
    const QString hosts =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(d.hosts)).toJson(QJsonDocument::Compact));
    qint64 id = 0;
    auto ok = m_db.transaction([&]() -> Result<void> {
        const auto insert =
            m_db.exec(u"INSERT INTO deployments (who, at_ms, project, version, profile, hosts, "
                      "result, duration_ms, log_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                { d.who, Database::toMs(when), d.project, d.version, d.profile, hosts, d.result, d.durationMs,
                    d.logExcerpt.right(MaxLogExcerpt) });
        if (!insert)
            return std::unexpected(insert.error());
        id = insert->lastInsertId().toLongLong();
        return {};
    });
    if (!ok)
        return std::unexpected(ok.error());
    return id;
}

Result<QList<DeploymentRecord>> HistoryStore::deployments(const QString &project, int limit) const
{
    Result<QSqlQuery> query =
        m_db.exec(u"SELECT id, who, at_ms, project, version, profile, hosts, result, "
                  "duration_ms, log_excerpt FROM deployments WHERE ? = '' OR project = ? "
                  "ORDER BY at_ms DESC, id DESC LIMIT ?"_s,
            { project, project, limit });
    if (!query)
        return std::unexpected(query.error());
    QList<DeploymentRecord> list;
    while (query->next())
        list << readDeployment(*query);
    return list;
}

Result<bool> HistoryStore::hasDeployment(const DeploymentRecord &d) const
{
    Result<QSqlQuery> query =
        m_db.exec(u"SELECT 1 FROM deployments WHERE who = ? AND at_ms = ? AND project = ? "
                  "AND profile = ? AND version = ?"_s,
            { d.who, Database::toMs(d.when), d.project, d.profile, d.version });
    if (!query)
        return std::unexpected(query.error());
    return query->next();
}

HealthRetention HistoryStore::retention() const
{
    return m_retention;
}

void HistoryStore::setRetention(const HealthRetention &retention)
{
    m_retention = retention;
}

Result<void> HistoryStore::addHealthSamples(const QList<HealthSample> &samples)
{
    return m_db.transaction([&]() -> Result<void> {
        QSet<std::pair<QString, QString>> units;
        for (const HealthSample &sample : samples) {
            const auto insert =
                m_db.exec(u"INSERT INTO health_samples (server, unit, at_ms, state, cpu_percent, "
                          "memory_bytes, restarts, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    sampleValues(sample));
            if (!insert)
                return std::unexpected(insert.error());
            units.insert({ sample.server, sample.unit });
        }
        if (auto old = pruneOld(QDateTime::currentDateTimeUtc()); !old)
            return std::unexpected(old.error());
        for (const auto &[server, unit] : std::as_const(units)) {
            if (auto pruned = pruneRows(server, unit); !pruned)
                return std::unexpected(pruned.error());
        }
        return {};
    });
}

Result<QList<HealthSample>> HistoryStore::healthSamples(
    const QString &server, const QString &unit, const QDateTime &since) const
{
    Result<QSqlQuery> query =
        m_db.exec(u"SELECT server, unit, at_ms, state, cpu_percent, memory_bytes, restarts, "
                  "latency_ms FROM health_samples WHERE server = ? AND unit = ? "
                  "AND at_ms >= ? ORDER BY at_ms, id"_s,
            { server, unit, since.isValid() ? Database::toMs(since) : std::numeric_limits<qint64>::min() });
    if (!query)
        return std::unexpected(query.error());
    QList<HealthSample> list;
    while (query->next())
        list << readSample(*query);
    return list;
}

Result<int> HistoryStore::pruneHealth(const QDateTime &now)
{
    int removed = 0;
    auto ok = m_db.transaction([&]() -> Result<void> {
        const Result<int> old = pruneOld(now);
        if (!old)
            return std::unexpected(old.error());
        removed += *old;
        Result<QSqlQuery> units = m_db.exec(u"SELECT DISTINCT server, unit FROM health_samples"_s);
        if (!units)
            return std::unexpected(units.error());
        QList<std::pair<QString, QString>> list;
        while (units->next())
            list << std::pair { units->value(0).toString(), units->value(1).toString() };
        for (const auto &[server, unit] : std::as_const(list)) {
            const Result<int> pruned = pruneRows(server, unit);
            if (!pruned)
                return std::unexpected(pruned.error());
            removed += *pruned;
        }
        return {};
    });
    if (!ok)
        return std::unexpected(ok.error());
    return removed;
}

Result<void> HistoryStore::addEvents(QList<EventRecord> &events)
{
    return m_db.transaction([&]() -> Result<void> {
        for (EventRecord &e : events) {
            const auto insert = m_db.exec(
                u"INSERT INTO events (at_ms, server, unit, project, kind, recovery, "
                "message) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                { Database::toMs(e.time), e.server, e.unit, e.project, e.kind, int(e.recovery), e.message });
            if (!insert)
                return std::unexpected(insert.error());
            e.id = insert->lastInsertId().toLongLong();
        }
        const auto pruned = m_db.change(
            u"DELETE FROM events WHERE id NOT IN (SELECT id FROM events ORDER BY id DESC LIMIT ?)"_s,
            { MaxEvents });
        if (!pruned)
            return std::unexpected(pruned.error());
        return {};
    });
}

Result<QList<EventRecord>> HistoryStore::events(int limit) const
{
    Result<QSqlQuery> q = m_db.exec(u"SELECT id, at_ms, server, unit, project, kind, recovery, message "
                                    "FROM events ORDER BY id DESC LIMIT ?"_s,
        { limit });
    if (!q)
        return std::unexpected(q.error());
    QList<EventRecord> list;
    while (q->next())
        list << EventRecord { q->value(0).toLongLong(), Database::fromMs(q->value(1).toLongLong()),
            q->value(2).toString(), q->value(3).toString(), q->value(4).toString(), q->value(5).toString(),
            q->value(6).toBool(), q->value(7).toString() };
    return list;
}

Result<int> HistoryStore::pruneOld(const QDateTime &now)
{
    const auto maxAge = std::chrono::duration_cast<std::chrono::milliseconds>(m_retention.maxAge);
    return m_db.change(
        u"DELETE FROM health_samples WHERE at_ms < ?"_s, { Database::toMs(now) - maxAge.count() });
}

Result<int> HistoryStore::pruneRows(const QString &server, const QString &unit)
{
    return m_db.change(
        u"DELETE FROM health_samples WHERE server = ? AND unit = ? AND id NOT IN (SELECT id "
        "FROM health_samples WHERE server = ? AND unit = ? ORDER BY at_ms DESC, id DESC LIMIT ?)"_s,
        { server, unit, server, unit, m_retention.maxRowsPerUnit });
}

} // namespace Gantry
