#include "widgets/profiles/envdiffmodel.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Gantry {

EnvDiffModel::EnvDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EnvDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EnvDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EnvDiffModel::changeText(EnvChange::Kind kind)
{
    switch (kind) {
    case EnvChange::Kind::Added:
        return tr("added");
    case EnvChange::Kind::Removed:
        return tr("removed");
    case EnvChange::Kind::Changed:
        return tr("changed");
    case EnvChange::Kind::Unchanged:
        break;
    }
    return tr("unchanged");
}

bool EnvDiffModel::canReveal(int row) const
{
    const EnvChange &c = m_rows.at(row);
    return c.secret || c.kind == EnvChange::Kind::Removed;
}

bool EnvDiffModel::isMasked(int row) const
{
    return canReveal(row) && !m_revealed.contains(m_rows.at(row).name);
}

QString EnvDiffModel::valueText(int row, Side side) const
{
    const EnvChange &c = m_rows.at(row);
    const EnvChange::Kind absentOn = side == Side::Server ? EnvChange::Kind::Added : EnvChange::Kind::Removed;
    if (c.kind == absentOn)
        return tr("(not set)");
    return isMasked(row) ? EnvDiff::mask() : side == Side::Server ? c.before : c.after;
}

QVariant EnvDiffModel::kindColor(EnvChange::Kind kind) const
{
    switch (kind) {
    case EnvChange::Kind::Added:
        return QColor(0x1a, 0x7f, 0x37);
    case EnvChange::Kind::Removed:
        return QColor(0xcf, 0x22, 0x2e);
    case EnvChange::Kind::Changed:
        return QColor(0x9a, 0x67, 0x00);
    case EnvChange::Kind::Unchanged:
        break;
    }
    return QGuiApplication::palette().brush(QPalette::PlaceholderText);
}

QVariant EnvDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const EnvChange &c = m_rows.at(row);
    if (role == KindRole)
        return int(c.kind);
    switch (index.column()) {
    case NameColumn:
        return role == Qt::DisplayRole ? QVariant(c.name) : QVariant();
    case ChangeColumn:
        if (role == Qt::DisplayRole)
            return changeText(c.kind);
        return role == Qt::ForegroundRole ? kindColor(c.kind) : QVariant();
    case ServerColumn:
        return role == Qt::DisplayRole ? QVariant(valueText(row, Side::Server)) : QVariant();
    case ProfileColumn:
        return role == Qt::DisplayRole ? QVariant(valueText(row, Side::Profile)) : QVariant();
    case RevealColumn:
        if (!canReveal(row))
            return {};
        if (role == Qt::DisplayRole)
            return isMasked(row) ? tr("Reveal") : tr("Hide");
        if (role == Qt::ToolTipRole)
            return tr("Show or hide this value");
        return role == Qt::ForegroundRole ? QVariant(QGuiApplication::palette().brush(QPalette::Link))
                                          : QVariant();
    default:
        return {};
    }
}

QVariant EnvDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ChangeColumn:
        return tr("Change");
    case ServerColumn:
        return tr("On the server");
    case ProfileColumn:
        return tr("In the profile");
    default:
        return QString();
    }
}

void EnvDiffModel::setChanges(const QList<EnvChange> &changes)
{
    beginResetModel();
    m_rows = changes;
    m_revealed.clear();
    endResetModel();
}

void EnvDiffModel::clear()
{
    setChanges({});
}

int EnvDiffModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).name == name)
            return int(i);
    return -1;
}

void EnvDiffModel::toggleRevealed(int row)
{
    if (row < 0 || row >= m_rows.size() || !canReveal(row))
        return;
    const QString &name = m_rows.at(row).name;
    if (!m_revealed.remove(name))
        m_revealed.insert(name);
    emit dataChanged(index(row, ServerColumn), index(row, RevealColumn));
}

} // namespace Gantry
