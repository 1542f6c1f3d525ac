#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include "core/store/records.h"

namespace Gantry {

// Servers as a table: name, login (and the jump server), authentication, platform and pinned host key.
// Checkable (the deploy page's choice of servers, the ssh_config import), with rows that can be disabled.
class ServerListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerListModel)
public:
    enum Column { NameColumn, LoginColumn, AuthColumn, PlatformColumn, HostKeyColumn, ColumnCount };

    explicit ServerListModel(QObject *parent = nullptr);
    ~ServerListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setServers(const QList<ServerRecord> &servers);
    const QList<ServerRecord> &servers() const { return m_servers; }
    ServerRecord server(int row) const { return m_servers.value(row); }
    int rowOf(const QString &name) const;

    void setCheckable(bool checkable);
    QStringList checkedNames() const; // in row order
    void setChecked(const QString &name, bool checked);
    // Rows that cannot be chosen, with the reason shown as their tooltip.
    void setDisabled(const QString &name, const QString &reason);

    static QString login(const ServerRecord &server); // "user@host:port"

signals:
    void checkedChanged();

private:
    QList<ServerRecord> m_servers;
    QSet<QString> m_checked;
    QHash<QString, QString> m_disabled;
    bool m_checkable = false;
};

} // namespace Gantry
