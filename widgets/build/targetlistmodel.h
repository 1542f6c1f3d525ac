#pragma once

#include <QAbstractListModel>

#include "core/build/buildsession.h"
#include "core/build/buildtarget.h"

namespace Gantry {

// The targets of the Build page: a checkbox each, and the state of the running build.
class TargetListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetListModel)
public:
    explicit TargetListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QList<BuildTarget> checkedTargets() const;
    // Ticks exactly `targets`, adding rows for platforms the list does not show yet.
    void setCheckedTargets(const QList<BuildTarget> &targets);
    void setState(const QString &key, BuildSession::TargetState state, const QString &detail);
    void resetStates();

private:
    struct Row {
        BuildTarget target;
        bool checked = false;
        QString status;
        QString detail; // the artifact, or why it failed: shown as a tooltip
    };
    QList<Row> m_rows;
};

} // namespace Gantry
