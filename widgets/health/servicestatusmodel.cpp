#include "widgets/health/servicestatusmodel.h"

#include <algorithm>

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const QString Unreachable = u"unreachable"_s;

} // namespace

ServiceStatusModel::ServiceStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ServiceStatusModel::~ServiceStatusModel() = default;

int ServiceStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServiceStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case ServiceColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case VersionColumn:
        return tr("Version");
    case UptimeColumn:
        return tr("Uptime");
    case RestartsColumn:
        return tr("Restarts");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case HealthColumn:
        return tr("Health");
    default:
        return {};
    }
}

QVariant ServiceStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::ForegroundRole:
        return index.column() == StateColumn ? QVariant(stateColor(state(row))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= UptimeColumn && index.column() <= MemoryColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case StateColorRole:
        return stateColor(state(row));
    case StateRole:
        return state(row);
    case LatencyHistoryRole: {
        QList<int> latencies;
        const qsizetype first = std::max<qsizetype>(0, row.samples.size() - SparklinePoints);
        for (qsizetype i = first; i < row.samples.size(); ++i)
            latencies << row.samples.at(i).latencyMs;
        return QVariant::fromValue(latencies);
    }
    case ServerRole:
        return row.server;
    case UnitRole:
        return row.unit.unit;
    case ProjectRole:
        return row.unit.project;
    case AppRole:
        return row.unit.app;
    default:
        return {};
    }
}

QString ServiceStatusModel::state(const Row &row) const
{
    if (row.unreachable)
        return Unreachable;
    if (row.unit.loadState == u"not-found"_s)
        return u"not-found"_s;
    return row.unit.activeState;
}

QVariant ServiceStatusModel::display(const Row &row, int column) const
{
    const UnitSnapshot &u = row.unit;
    const bool known = !u.unit.isEmpty() && !row.unreachable;
    switch (column) {
    case ServerColumn:
        return row.server;
    case ServiceColumn:
        return u.unit.isEmpty() ? tr("(server)") : u.app.isEmpty() ? u.unit : u.app;
    case StateColumn:
        return stateText(state(row));
    case VersionColumn:
        return u.version.isEmpty() ? u"-"_s : u.version;
    case UptimeColumn:
        return known ? durationText(u.uptimeMSec) : u"-"_s;
    case RestartsColumn:
        return u.unit.isEmpty() ? QVariant(u"-"_s) : QVariant(u.restarts);
    case CpuColumn:
        return known && u.cpuPercent ? tr("%1 %").arg(*u.cpuPercent, 0, 'f', 1) : u"-"_s;
    case MemoryColumn:
        return known && u.memoryBytes ? QLocale().formattedDataSize(qint64(*u.memoryBytes)) : u"-"_s;
    case HealthColumn:
        return known ? healthText(u) : u"-"_s;
    default:
        return {};
    }
}

QVariant ServiceStatusModel::toolTip(const Row &row, int column) const
{
    if (row.unreachable)
        return tr("%1 could not be reached: %2").arg(row.server, row.reason);
    const UnitSnapshot &u = row.unit;
    if (column == StateColumn)
        return tr("%1: %2 (%3), main process %4").arg(u.unit, u.activeState, u.subState).arg(u.mainPid);
    if (column == HealthColumn && u.healthProbed && !u.healthError.isEmpty())
        return u.healthError;
    if ((column == CpuColumn || column == MemoryColumn) && u.usageOfMainProcess)
        return tr("The main process's own use: systemd on %1 does not account the service's CPU and "
                  "memory (turn on DefaultCPUAccounting and DefaultMemoryAccounting for the whole service).")
            .arg(row.server);
    if (column == VersionColumn && u.release > 0)
        return tr("Release %1").arg(u.release);
    return {};
}

QString ServiceStatusModel::healthText(const UnitSnapshot &unit) const
{
    if (!unit.healthProbed)
        return u"-"_s;
    if (unit.healthStatus == 0)
        return tr("no answer");
    return tr("%1 · %2 ms").arg(unit.healthStatus).arg(unit.healthLatencyMs);
}

QColor ServiceStatusModel::stateColor(const QString &state)
{
    if (state == u"active"_s)
        return QColor(0x1a, 0x7f, 0x37);
    if (state == u"failed"_s)
        return QColor(0xcf, 0x22, 0x2e);
    if (state == u"activating"_s || state == u"deactivating"_s || state == u"reloading"_s)
        return QColor(0xbf, 0x87, 0x00);
    if (state == Unreachable)
        return QColor(0x82, 0x50, 0xdf);
    return QColor(0x6e, 0x77, 0x81);
}

QString ServiceStatusModel::stateText(const QString &state)
{
    if (state == u"active"_s)
        return tr("active");
    if (state == u"failed"_s)
        return tr("failed");
    if (state == u"activating"_s)
        return tr("activating");
    if (state == u"deactivating"_s)
        return tr("deactivating");
    if (state == u"inactive"_s)
        return tr("inactive");
    if (state == Unreachable)
        return tr("unreachable");
    if (state == u"not-found"_s)
        return tr("not installed");
    if (state.isEmpty())
        return tr("connecting");
    return state;
}

QString ServiceStatusModel::durationText(std::optional<qint64> msec)
{
    if (!msec)
        return u"-"_s;
    const qint64 s = *msec / 1000;
    if (s >= 86400)
        return tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
    if (s >= 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

void ServiceStatusModel::applySnapshot(const HostSnapshot &snapshot)
{
    auto [begin, end] = rangeOf(snapshot.server);
    if (snapshot.state == HostState::Unreachable)
        return markUnreachable(snapshot, begin, end);
    end = merge(snapshot, begin, end);
    if (end > begin)
        emit dataChanged(index(begin, 0), index(end - 1, ColumnCount - 1));
}

void ServiceStatusModel::markUnreachable(const HostSnapshot &snapshot, int begin, int end)
{
    if (begin == end) {
        beginInsertRows({}, begin, begin);
        m_rows.insert(begin, Row { snapshot.server, {}, true, snapshot.problem.message, {} });
        endInsertRows();
        return;
    }
    for (int row = begin; row < end; ++row) {
        m_rows[row].unreachable = true;
        m_rows[row].reason = snapshot.problem.message;
    }
    emit dataChanged(index(begin, 0), index(end - 1, ColumnCount - 1));
}

int ServiceStatusModel::merge(const HostSnapshot &snapshot, int begin, int end)
{
    QList<UnitSnapshot> units = snapshot.units;
    std::ranges::sort(units, {}, &UnitSnapshot::unit);
    int row = begin;
    qsizetype next = 0;
    while (row < end || next < units.size()) {
        const bool gone =
            row < end && (next >= units.size() || m_rows.at(row).unit.unit < units.at(next).unit);
        if (gone) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            --end;
            continue;
        }
        if (row >= end || units.at(next).unit < m_rows.at(row).unit.unit) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, Row { snapshot.server, units.at(next), false, {}, {} });
            endInsertRows();
            ++end;
        }
        Row &current = m_rows[row];
        current.unit = units.at(next);
        current.unreachable = false;
        current.reason.clear();
        record(current, snapshot);
        ++row;
        ++next;
    }
    return end;
}

void ServiceStatusModel::record(Row &row, const HostSnapshot &snapshot)
{
    const UnitSnapshot &u = row.unit;
    row.samples.append({ snapshot.time.isValid() ? snapshot.time : QDateTime::currentDateTimeUtc(),
        u.healthProbed && u.healthStatus ? u.healthLatencyMs : -1, u.cpuPercent.value_or(0),
        qint64(u.memoryBytes.value_or(0)) });
    if (row.samples.size() > HistoryPoints)
        row.samples.remove(0, row.samples.size() - HistoryPoints);
}

std::pair<int, int> ServiceStatusModel::rangeOf(const QString &server) const
{
    const auto first = std::ranges::lower_bound(m_rows, server, {}, &Row::server);
    const auto last = std::ranges::upper_bound(m_rows, server, {}, &Row::server);
    return { int(first - m_rows.begin()), int(last - m_rows.begin()) };
}

void ServiceStatusModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

UnitSnapshot ServiceStatusModel::unit(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).unit : UnitSnapshot {};
}

QString ServiceStatusModel::server(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).server : QString();
}

bool ServiceStatusModel::isUnreachable(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).unreachable;
}

QString ServiceStatusModel::unreachableReason(int row) const
{
    return isUnreachable(row) ? m_rows.at(row).reason : QString();
}

QList<ServiceStatusModel::Sample> ServiceStatusModel::samples(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).samples : QList<Sample> {};
}

int ServiceStatusModel::rowOf(const QString &server, const QString &unit) const
{
    const auto [begin, end] = rangeOf(server);
    for (int row = begin; row < end; ++row)
        if (m_rows.at(row).unit.unit == unit)
            return row;
    return -1;
}

} // namespace Gantry
