#include "widgets/logs/logmodel.h"

#include <algorithm>
#include <iterator>

#include <QColor>
#include <QDateTime>
#include <QFont>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

bool earlier(const LogModel::Row &a, const LogModel::Row &b)
{
    return a.realtimeUSec < b.realtimeUSec;
}

QStringView firstLine(const QString &message)
{
    const qsizetype end = message.indexOf(u'\n');
    return end < 0 ? QStringView(message) : QStringView(message).left(end);
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

LogModel::~LogModel() = default;

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::serviceOf(const QString &unit)
{
    QStringView name(unit);
    if (name.startsWith(u"gantry-"))
        name = name.mid(7);
    if (name.endsWith(u".service"))
        name.chop(8);
    return name.toString();
}

QString LogModel::timeText(qint64 realtimeUSec)
{
    return QDateTime::fromMSecsSinceEpoch(realtimeUSec / 1000).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString LogModel::lineText(int row) const
{
    const Row &r = m_rows[size_t(row)];
    QString message = r.message;
    message.replace(u'\n', u"\n    "_s); // continuation lines indented under their line
    return u"%1 %2 %3 %4 %5"_s.arg(timeText(r.realtimeUSec), serverName(r), serviceName(r),
        LogLevelClassifier::displayName(r.level), message);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(r.realtimeUSec);
        case ServerColumn:
            return serverName(r);
        case ServiceColumn:
            return serviceName(r);
        case LevelColumn:
            return LogLevelClassifier::displayName(r.level);
        case MessageColumn:
            return firstLine(r.message).toString();
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? r.message : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != LevelColumn || r.level < LogLevel::Warning)
            return {};
        return r.level == LogLevel::Warning ? QColor(0xb2, 0x6b, 0x00) : QColor(0xd1, 0x24, 0x2f);
    case Qt::FontRole:
        if (index.column() == LevelColumn && r.level == LogLevel::Fatal) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case TimeRole:
        return r.realtimeUSec;
    case LevelRole:
        return int(r.level);
    case MessageRole:
        return r.message;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServerColumn:
        return tr("Server");
    case ServiceColumn:
        return tr("Service");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

quint16 LogModel::intern(QStringList &names, QHash<QString, quint16> &index, const QString &name)
{
    if (auto found = index.constFind(name); found != index.cend())
        return *found;
    if (names.size() > 0xFFFE) // 65,535 distinct names at most; more share the last one
        return quint16(names.size() - 1);
    names << name;
    return index.insert(name, quint16(names.size() - 1)).value();
}

bool LogModel::Interned::is(const QString &other, bool fromWriter) const
{
    return known && writer == fromWriter && (other.constData() == name.constData() || other == name);
}

LogModel::Row LogModel::toRow(const LogLine &line)
{
    // A stream's lines share their server and unit strings, so a run of them is looked up once.
    if (!m_lastServer.is(line.server, false))
        m_lastServer = { line.server, intern(m_serverNames, m_serverIndex, line.server), false, true };
    // A line no unit is named for (a journal without the unit fields): name its writer.
    const bool writer = line.unit.isEmpty();
    const QString &unit = writer ? line.entry.identifier : line.unit;
    if (!m_lastUnit.is(unit, writer)) {
        m_lastUnit = { unit, intern(m_serviceNames, m_serviceIndex, writer ? unit : serviceOf(unit)), writer,
            true };
    }
    return Row { line.entry.realtimeUSec, line.entry.message, m_lastServer.index, m_lastUnit.index,
        line.level };
}

void LogModel::appendLines(const QList<LogLine> &lines)
{
    if (lines.isEmpty() || m_capacity <= 0)
        return;
    std::vector<Row> batch;
    batch.reserve(size_t(lines.size()));
    for (const LogLine &line : lines)
        batch.push_back(toRow(line));
    if (!std::is_sorted(batch.begin(), batch.end(), earlier)) // one stream's batch is in order
        std::stable_sort(batch.begin(), batch.end(), earlier);
    if (qsizetype(batch.size()) > m_capacity)
        batch.erase(batch.begin(), batch.end() - m_capacity);
    insertSorted(batch);
    dropOldest(qsizetype(m_rows.size()) - m_capacity);
}

void LogModel::insertSorted(std::vector<Row> &batch)
{
    const int size = int(m_rows.size());
    if (m_rows.empty() || !earlier(batch.front(), m_rows.back())) {
        beginInsertRows({}, size, size + int(batch.size()) - 1);
        m_rows.insert(
            m_rows.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
        endInsertRows();
        return;
    }
    // Where each line goes (after older and equal times), found in the ring as it is now; the
    // batch is sorted, so the places never go back. Runs that share a place go in together,
    // the last run first so the places of the earlier ones stay true.
    std::vector<std::pair<int, int>> runs; // place in the ring, first line of the batch
    auto from = std::upper_bound(m_rows.begin(), m_rows.end(), batch.front(), earlier);
    for (size_t i = 0; i < batch.size(); ++i) {
        from = std::upper_bound(from, m_rows.end(), batch[i], earlier);
        const int place = int(from - m_rows.begin());
        if (runs.empty() || runs.back().first != place)
            runs.emplace_back(place, int(i));
    }
    int end = int(batch.size());
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        const auto [place, first] = *run;
        beginInsertRows({}, place, place + end - first - 1);
        m_rows.insert(m_rows.begin() + place, std::make_move_iterator(batch.begin() + first),
            std::make_move_iterator(batch.begin() + end));
        endInsertRows();
        end = first;
    }
}

void LogModel::dropOldest(qsizetype count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + count);
    endRemoveRows();
}

void LogModel::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(0, capacity);
    dropOldest(qsizetype(m_rows.size()) - m_capacity);
}

void LogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_serverNames.clear();
    m_serverIndex.clear();
    m_serviceNames.clear();
    m_serviceIndex.clear();
    m_lastServer = {};
    m_lastUnit = {};
    endResetModel();
}

} // namespace Gantry
