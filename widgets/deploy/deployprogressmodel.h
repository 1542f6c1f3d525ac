#pragma once

#include <optional>

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QList>

#include "core/deploy/deployrequest.h"
#include "core/deploy/deploystep.h"

namespace Gantry {

// A deploy as a tree: one row per server, under it one row per step with its state, and the
// upload's bytes and speed. Upload progress is coalesced to one repaint per ~100 ms per server.
class DeployProgressModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployProgressModel)
public:
    enum Column { StepColumn, DetailColumn, ColumnCount };
    enum class HostState { Waiting, Running, Succeeded, Failed };

    explicit DeployProgressModel(QObject *parent = nullptr);
    ~DeployProgressModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHosts(const QStringList &hosts);
    void apply(const DeployEvent &event);
    void finish(const HostOutcome &outcome);
    HostState hostState(const QString &host) const;
    // The state of a host's step, or std::nullopt when it has not begun.
    std::optional<StepState> stepState(const QString &host, DeployStep step) const;

private:
    struct Step {
        DeployStep step;
        StepState state;
        QString detail;
    };
    struct Host {
        QString name;
        HostState state = HostState::Waiting;
        QString summary;
        QList<Step> steps;
        QElapsedTimer upload; // since the upload began
        QElapsedTimer repaint; // since the upload row was last repainted
    };

    int hostRow(const QString &name) const;
    int stepRow(const Host &host, DeployStep step) const;
    QString uploadText(Host &host, const DeployEvent &event) const;
    QVariant hostData(const Host &host, int column, int role) const;
    QVariant stepData(const Step &step, int column, int role) const;

    QList<Host> m_hosts;
};

} // namespace Gantry
