#pragma once

#include <QDialog>

#include "core/store/records.h"
#include "widgets/health/servicestatusmodel.h"

class QLabel;

namespace Gantry {

class Workspace;

// One service on one server over time: health latency, CPU and memory since the app started,
// next to what the workspace stored (HealthSample history, kept by its retention).
class ServiceDetailDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceDetailDialog)
public:
    ServiceDetailDialog(const QString &server, const UnitSnapshot &unit,
        const QList<ServiceStatusModel::Sample> &live, Workspace *workspace, QWidget *parent = nullptr);
    ~ServiceDetailDialog() override;

    int storedSampleCount() const { return int(m_stored.size()); }
    int liveSampleCount() const { return int(m_live.size()); }

private:
    QWidget *createChart(const QString &title, const QString &unitText, int metric);
    QString retentionText(Workspace *workspace) const;

    QList<ServiceStatusModel::Sample> m_live;
    QList<HealthSample> m_stored;
};

} // namespace Gantry
