#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QList>

#include "core/monitor/hostmonitor.h"

namespace Gantry {

// Every Gantry service on every server, one row per (server, unit), from HostMonitor snapshots:
// state in words and colour, version, uptime, restarts, CPU, memory and the health check. Rows
// are updated in place; a server that cannot be reached keeps its rows, marked unreachable with
// the reason, or shows one row of its own. What each row measured since the app started is
// kept in memory, bounded, for the sparkline and the detail charts.
class ServiceStatusModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceStatusModel)
public:
    enum Column {
        ServerColumn,
        ServiceColumn,
        StateColumn,
        VersionColumn,
        UptimeColumn,
        RestartsColumn,
        CpuColumn,
        MemoryColumn,
        HealthColumn,
        ColumnCount
    };
    enum Role {
        StateColorRole = Qt::UserRole + 1, // QColor of the state, any column
        StateRole, // "active", "failed", "activating", "unreachable" ... (untranslated)
        LatencyHistoryRole, // QList<int>: the last SparklinePoints health latencies (-1: no answer)
        ServerRole,
        UnitRole,
        ProjectRole,
        AppRole,
    };
    static constexpr int SparklinePoints = 120;
    static constexpr int HistoryPoints = 720; // an hour at the default 5 s

    struct Sample {
        QDateTime time;
        int latencyMs = -1;
        double cpuPercent = 0;
        qint64 memoryBytes = 0;
    };

    explicit ServiceStatusModel(QObject *parent = nullptr);
    ~ServiceStatusModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applySnapshot(const HostSnapshot &snapshot);
    void clear();

    // The row's unit as last seen (empty unit for a server row without units).
    UnitSnapshot unit(int row) const;
    QString server(int row) const;
    bool isUnreachable(int row) const;
    QString unreachableReason(int row) const;
    QList<Sample> samples(int row) const; // oldest first
    int rowOf(const QString &server, const QString &unit) const; // -1 when absent

    static QColor stateColor(const QString &state);
    static QString stateText(const QString &state); // for people
    static QString durationText(std::optional<qint64> msec);

private:
    struct Row {
        QString server;
        UnitSnapshot unit;
        bool unreachable = false;
        QString reason;
        QList<Sample> samples;
    };

    QString state(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    QString healthText(const UnitSnapshot &unit) const;
    std::pair<int, int> rangeOf(const QString &server) const;
    void markUnreachable(const HostSnapshot &snapshot, int begin, int end);
    int merge(const HostSnapshot &snapshot, int begin, int end); // returns the new end
    static void record(Row &row, const HostSnapshot &snapshot);

    QList<Row> m_rows; // sorted by server, then unit
};

} // namespace Gantry
