#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ServerListModel::ServerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ServerListModel::~ServerListModel() = default;

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int ServerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ServerListModel::login(const ServerRecord &server)
{
    const QString user = server.user.isEmpty() ? u"root"_s : server.user;
    return u"%1@%2:%3"_s.arg(user, server.address).arg(server.port);
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServerRecord &s = m_servers.at(index.row());
    if (role == Qt::CheckStateRole && m_checkable && index.column() == NameColumn)
        return m_checked.contains(s.name) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && m_disabled.contains(s.name))
        return m_disabled.value(s.name);
    if (role == Qt::ToolTipRole && index.column() == HostKeyColumn)
        return s.hostKeyFingerprint.isEmpty() ? tr("No host key is pinned yet: test the connection once")
                                              : s.hostKey;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return s.name;
    case LoginColumn:
        return s.jump.isEmpty() ? login(s) : tr("%1 via %2").arg(login(s), s.jump);
    case AuthColumn:
        switch (s.auth) {
        case AuthKind::Key:
            return tr("key %1").arg(s.keyFile);
        case AuthKind::Agent:
            return tr("SSH agent");
        case AuthKind::Password:
            return tr("password");
        }
        return {};
    case PlatformColumn:
        return s.arch.isEmpty() ? tr("not probed")
                                : u"%1/%2"_s.arg(s.os.isEmpty() ? u"linux"_s : s.os, s.arch);
    case HostKeyColumn:
        return s.hostKeyFingerprint.isEmpty() ? tr("not pinned") : s.hostKeyFingerprint;
    }
    return {};
}

bool ServerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || !m_checkable)
        return false;
    setChecked(m_servers.at(index.row()).name, value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags ServerListModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (m_disabled.contains(m_servers.at(index.row()).name))
        return Qt::ItemNeverHasChildren;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_checkable && index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant ServerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LoginColumn:
        return tr("Login");
    case AuthColumn:
        return tr("Sign-in");
    case PlatformColumn:
        return tr("Platform");
    case HostKeyColumn:
        return tr("Host key");
    }
    return {};
}

void ServerListModel::setServers(const QList<ServerRecord> &servers)
{
    beginResetModel();
    m_servers = servers;
    QSet<QString> names;
    for (const ServerRecord &s : servers)
        names.insert(s.name);
    m_checked.intersect(names);
    endResetModel();
    emit checkedChanged();
}

int ServerListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_servers.size(); ++row)
        if (m_servers.at(row).name == name)
            return row;
    return -1;
}

void ServerListModel::setCheckable(bool checkable)
{
    beginResetModel();
    m_checkable = checkable;
    endResetModel();
}

QStringList ServerListModel::checkedNames() const
{
    QStringList names;
    for (const ServerRecord &s : m_servers)
        if (m_checked.contains(s.name))
            names << s.name;
    return names;
}

void ServerListModel::setChecked(const QString &name, bool checked)
{
    const int row = rowOf(name);
    if (row < 0 || m_checked.contains(name) == checked || m_disabled.contains(name))
        return;
    if (checked)
        m_checked.insert(name);
    else
        m_checked.remove(name);
    emit dataChanged(index(row, NameColumn), index(row, NameColumn), { Qt::CheckStateRole });
    emit checkedChanged();
}

void ServerListModel::setDisabled(const QString &name, const QString &reason)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_disabled.insert(name, reason);
    m_checked.remove(name);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit checkedChanged();
}

} // namespace Gantry
