#include "widgets/build/targetlistmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Gantry {

TargetListModel::TargetListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    const QList<BuildTarget> defaults = BuildTarget::defaults();
    const QStringList common { u"linux/amd64"_s, u"linux/arm64"_s, u"windows/amd64"_s, u"windows/arm64"_s,
        u"darwin/amd64"_s, u"darwin/arm64"_s, u"linux/arm"_s, u"freebsd/amd64"_s };
    for (const QString &text : common) {
        const BuildTarget target = *BuildTarget::parse(text);
        m_rows << Row { target, defaults.contains(target), {}, {} };
    }
}

int TargetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TargetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.status.isEmpty() ? row.target.toString() : row.target.toString() + u"  —  "_s + row.status;
    case Qt::CheckStateRole:
        return row.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole:
        return row.detail.isEmpty() ? tr("Build a static binary for %1").arg(row.target.toString())
                                    : row.detail;
    default:
        return {};
    }
}

bool TargetListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole)
        return false;
    m_rows[index.row()].checked = value.toInt() == Qt::Checked;
    emit dataChanged(index, index, { Qt::CheckStateRole });
    return true;
}

Qt::ItemFlags TargetListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

QList<BuildTarget> TargetListModel::checkedTargets() const
{
    QList<BuildTarget> targets;
    for (const Row &row : m_rows) {
        if (row.checked)
            targets << row.target;
    }
    return targets;
}

void TargetListModel::setCheckedTargets(const QList<BuildTarget> &targets)
{
    for (const BuildTarget &target : targets) {
        const bool listed =
            std::any_of(m_rows.cbegin(), m_rows.cend(), [&](const Row &row) { return row.target == target; });
        if (!listed) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows << Row { target, true, {}, {} };
            endInsertRows();
        }
    }
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows[i].checked = targets.contains(m_rows[i].target);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), { Qt::CheckStateRole });
}

void TargetListModel::setState(const QString &key, BuildSession::TargetState state, const QString &detail)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!key.endsWith(m_rows[i].target.toString()))
            continue;
        m_rows[i].status = BuildSession::stateName(state);
        m_rows[i].detail = detail;
        emit dataChanged(index(int(i)), index(int(i)), { Qt::DisplayRole });
    }
}

void TargetListModel::resetStates()
{
    for (Row &row : m_rows) {
        row.status.clear();
        row.detail.clear();
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), { Qt::DisplayRole });
}

} // namespace Gantry
