#include "widgets/deploy/releaselistmodel.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gantry {

ReleaseListModel::ReleaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ReleaseListModel::~ReleaseListModel() = default;

int ReleaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_releases.size());
}

int ReleaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReleaseListModel::canRollBackTo(const ReleaseInfo &r)
{
    return r.exists && !r.incomplete && !r.isCurrent && r.status != ReleaseStatus::Bad &&
        r.status != ReleaseStatus::Failed;
}

QString ReleaseListModel::statusText(const ReleaseInfo &r) const
{
    if (r.isCurrent)
        return tr("current");
    if (r.incomplete)
        return tr("incomplete");
    if (!r.exists)
        return tr("pruned");
    switch (r.status) {
    case ReleaseStatus::Good:
        return tr("good");
    case ReleaseStatus::Failed:
        return tr("failed its health check");
    case ReleaseStatus::Bad:
        return tr("rolled back from");
    case ReleaseStatus::Unknown:
        break;
    }
    return tr("unknown");
}

QVariant ReleaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReleaseInfo &r = m_releases.at(index.row());
    if (role == Qt::FontRole && r.isCurrent) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == VersionColumn)
        return r.sha256.isEmpty() ? QVariant() : tr("archive SHA-256 %1").arg(r.sha256);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return r.n;
    case VersionColumn:
        return r.version;
    case TimeColumn: {
        const QDateTime time = QDateTime::fromString(r.time, Qt::ISODate);
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : r.time;
    }
    case StatusColumn:
        return statusText(r);
    }
    return {};
}

QVariant ReleaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("Release");
    case VersionColumn:
        return tr("Version");
    case TimeColumn:
        return tr("Deployed");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

void ReleaseListModel::setReleases(const QList<ReleaseInfo> &releases)
{
    beginResetModel();
    m_releases = releases;
    endResetModel();
}

int ReleaseListModel::rowOf(int release) const
{
    for (int row = 0; row < m_releases.size(); ++row)
        if (m_releases.at(row).n == release)
            return row;
    return -1;
}

} // namespace Gantry
