#include "widgets/health/eventlistmodel.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace Gantry {

EventListModel::EventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventListModel::~EventListModel() = default;

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ServerColumn:
        return tr("Server");
    case ServiceColumn:
        return tr("Service");
    case MessageColumn:
        return tr("Event");
    default:
        return {};
    }
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &e = m_events.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == MessageColumn)
        return QBrush(e.recovery ? QColor(0x1a, 0x7f, 0x37) : QColor(0xcf, 0x22, 0x2e));
    if (role == Qt::ToolTipRole)
        return e.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return e.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case ServerColumn:
        return e.server;
    case ServiceColumn:
        return e.unit.isEmpty() ? u"-"_s : e.unit;
    case MessageColumn:
        return e.message;
    default:
        return {};
    }
}

void EventListModel::setEvents(const QList<EventRecord> &newestFirst)
{
    beginResetModel();
    m_events = newestFirst.mid(0, MaxEvents);
    endResetModel();
}

void EventListModel::prepend(const EventRecord &event)
{
    if (event.id > 0 && std::ranges::any_of(m_events, [&](const EventRecord &e) { return e.id == event.id; }))
        return;
    if (m_events.size() >= MaxEvents) {
        beginRemoveRows({}, int(m_events.size()) - 1, int(m_events.size()) - 1);
        m_events.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_events.prepend(event);
    endInsertRows();
}

} // namespace Gantry
