#pragma once

#include <QAbstractListModel>
#include <QList>

#include "core/store/records.h"

namespace Gantry {

// The workspace's projects, the most recently opened first.
class RecentProjectsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentProjectsModel)
public:
    enum Role { PathRole = Qt::UserRole + 1, NameRole };

    explicit RecentProjectsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // `recent` lists folders, most recent first; projects not in it follow, newest first.
    void setProjects(QList<ProjectRecord> projects, const QStringList &recent);
    ProjectRecord project(int row) const { return m_projects.value(row); }

private:
    QList<ProjectRecord> m_projects;
};

} // namespace Gantry
