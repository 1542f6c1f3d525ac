#include "widgets/projects/recentprojectsmodel.h"

#include <algorithm>

#include <QDir>

using namespace Qt::StringLiterals;

namespace Gantry {

RecentProjectsModel::RecentProjectsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RecentProjectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

QVariant RecentProjectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ProjectRecord &project = m_projects.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QString(project.name + u"\n"_s + QDir::toNativeSeparators(project.path));
    case Qt::ToolTipRole:
        return tr("Open %1 (%2)").arg(project.name, QDir::toNativeSeparators(project.path));
    case PathRole:
        return project.path;
    case NameRole:
        return project.name;
    default:
        return {};
    }
}

void RecentProjectsModel::setProjects(QList<ProjectRecord> projects, const QStringList &recent)
{
    const auto rank = [&](const ProjectRecord &p) {
        const qsizetype at = recent.indexOf(QDir::cleanPath(p.path));
        return at < 0 ? recent.size() : at;
    };
    std::stable_sort(projects.begin(), projects.end(), [&](const ProjectRecord &a, const ProjectRecord &b) {
        const qsizetype ra = rank(a);
        const qsizetype rb = rank(b);
        return ra != rb ? ra < rb : a.created > b.created;
    });
    beginResetModel();
    m_projects = std::move(projects);
    endResetModel();
}

} // namespace Gantry
