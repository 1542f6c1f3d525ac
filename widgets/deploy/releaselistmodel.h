#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "core/deploy/releaseinfo.h"

namespace Gantry {

// The releases a server keeps of a service, newest first: number, version, when, standing.
class ReleaseListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseListModel)
public:
    enum Column { NumberColumn, VersionColumn, TimeColumn, StatusColumn, ColumnCount };

    explicit ReleaseListModel(QObject *parent = nullptr);
    ~ReleaseListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setReleases(const QList<ReleaseInfo> &releases);
    ReleaseInfo release(int row) const { return m_releases.value(row); }
    int rowOf(int release) const;
    // A release one can switch back to: still on the server, finished, not current, never rolled back from.
    static bool canRollBackTo(const ReleaseInfo &release);

private:
    QString statusText(const ReleaseInfo &release) const;

    QList<ReleaseInfo> m_releases;
};

} // namespace Gantry
