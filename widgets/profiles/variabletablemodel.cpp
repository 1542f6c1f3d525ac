#include "widgets/profiles/variabletablemodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Gantry {

VariableTableModel::VariableTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString VariableTableModel::mask()
{
    return u"••••"_s;
}

int VariableTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariableTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VariableTableModel::valueText(const ResolvedVariable &row) const
{
    if (row.variable.secret)
        return m_revealed.value(row.variable.name, mask());
    const QString first = row.variable.value.section(u'\n', 0, 0);
    return first.size() < row.variable.value.size() ? first + u" …"_s : first;
}

QString VariableTableModel::originText(const ResolvedVariable &row) const
{
    if (!row.server.isEmpty())
        return tr("%1, for server %2").arg(row.profile, row.server);
    return row.profile == m_profile ? row.profile : tr("%1 (inherited)").arg(row.profile);
}

QVariant VariableTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ResolvedVariable &row = m_rows.at(index.row());
    const bool secret = row.variable.secret;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return row.variable.name;
        if (role == Qt::FontRole && isOwn(index.row())) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case ValueColumn:
        if (role == Qt::DisplayRole)
            return valueText(row);
        if (role == Qt::ToolTipRole)
            return secret ? tr("Kept in the system keychain") : row.variable.value;
        break;
    case SecretColumn:
        if (role == Qt::CheckStateRole)
            return secret ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole && secret)
            return tr("Secret: the value is in the system keychain, never in the workspace");
        break;
    case OriginColumn:
        if (role == Qt::DisplayRole)
            return originText(row);
        break;
    case RevealColumn:
        if (role == Qt::DisplayRole && secret)
            return isRevealed(index.row()) ? tr("Hide") : tr("Reveal");
        if (role == Qt::ToolTipRole && secret)
            return tr("Show or hide the value (read from the keychain)");
        if (role == Qt::ForegroundRole && secret)
            return QGuiApplication::palette().brush(QPalette::Link);
        break;
    default:
        break;
    }
    return {};
}

QVariant VariableTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    case OriginColumn:
        return tr("Set by");
    case RevealColumn:
        return QString();
    default:
        return {};
    }
}

void VariableTableModel::setVariables(
    const QList<ResolvedVariable> &variables, const QString &profile, const QString &server)
{
    beginResetModel();
    m_rows = variables;
    m_profile = profile;
    m_server = server;
    endResetModel();
}

int VariableTableModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).variable.name == name)
            return int(i);
    }
    return -1;
}

bool VariableTableModel::isOwn(int row) const
{
    const ResolvedVariable &v = m_rows.at(row);
    return v.profile == m_profile && v.server == m_server;
}

void VariableTableModel::setRevealed(const QString &name, const QString &value)
{
    m_revealed.insert(name, value);
    emitRowChanged(name);
}

void VariableTableModel::hide(const QString &name)
{
    if (m_revealed.remove(name))
        emitRowChanged(name);
}

void VariableTableModel::hideAll()
{
    const QStringList names = m_revealed.keys();
    m_revealed.clear();
    for (const QString &name : names)
        emitRowChanged(name);
}

bool VariableTableModel::isRevealed(int row) const
{
    return m_revealed.contains(m_rows.at(row).variable.name);
}

void VariableTableModel::emitRowChanged(const QString &name)
{
    const int row = rowOf(name);
    if (row >= 0)
        emit dataChanged(index(row, ValueColumn), index(row, RevealColumn));
}

} // namespace Gantry
