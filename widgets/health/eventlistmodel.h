#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "core/store/records.h"

namespace Gantry {

// Monitor alerts and recoveries, newest first, at most MaxEvents: time, server, service, what.
class EventListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventListModel)
public:
    enum Column { TimeColumn, ServerColumn, ServiceColumn, MessageColumn, ColumnCount };
    static constexpr int MaxEvents = 500;

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEvents(const QList<EventRecord> &newestFirst);
    void prepend(const EventRecord &event); // a new one on top; an id already listed is ignored
    EventRecord event(int row) const { return m_events.value(row); }

private:
    QList<EventRecord> m_events;
};

} // namespace Gantry
