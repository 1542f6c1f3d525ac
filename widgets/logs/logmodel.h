#pragma once

#include <deque>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include "core/monitor/logstream.h"

namespace Gantry {

// The log lines of several servers and services in time order, in a bounded ring: when it is
// full, the oldest lines go. Batches that arrive slightly out of order (several streams, each
// batched on its own) are merged in by time near the end; the ring is never re-sorted.
class LogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)
public:
    enum Column { TimeColumn, ServerColumn, ServiceColumn, LevelColumn, MessageColumn, ColumnCount };
    enum Role { TimeRole = Qt::UserRole + 1, LevelRole, MessageRole };
    static constexpr qsizetype DefaultCapacity = 1'000'000;

    // One kept line, compact: server and service are indexes into name tables.
    struct Row {
        qint64 realtimeUSec = 0;
        QString message;
        quint16 server = 0;
        quint16 service = 0;
        LogLevel level = LogLevel::Unknown;
    };

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    qsizetype capacity() const { return m_capacity; }
    void setCapacity(qsizetype capacity); // drops the oldest lines over it
    void appendLines(const QList<LogLine> &lines);
    void clear();

    const Row &row(int row) const { return m_rows[size_t(row)]; }
    const QString &serverName(const Row &row) const { return m_serverNames.at(row.server); }
    const QString &serviceName(const Row &row) const { return m_serviceNames.at(row.service); }
    // "2026-01-02 03:04:05.678 web1 shop Warning message", the message in full.
    QString lineText(int row) const;

    // "gantry-shop.service" -> "shop"
    static QString serviceOf(const QString &unit);
    static QString timeText(qint64 realtimeUSec); // local time, milliseconds

private:
    Row toRow(const LogLine &line);
    quint16 intern(QStringList &names, QHash<QString, quint16> &index, const QString &name);
    void insertSorted(std::vector<Row> &batch);
    void dropOldest(qsizetype count);

    std::deque<Row> m_rows;
    qsizetype m_capacity = DefaultCapacity;
    QStringList m_serverNames;
    QHash<QString, quint16> m_serverIndex;
    QStringList m_serviceNames;
    QHash<QString, quint16> m_serviceIndex;
    struct Interned {
        QString name; // as the line had it: a unit, not yet its service
        quint16 index = 0;
        bool writer = false; // name is the line's writer (SYSLOG_IDENTIFIER), not its unit
        bool known = false;
        bool is(const QString &other, bool fromWriter) const;
    };
    Interned m_lastServer; // the previous line's, for runs of lines from one stream
    Interned m_lastUnit;
};

} // namespace Gantry
