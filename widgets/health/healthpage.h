#pragma once

#include <memory>

#include <QMap>
#include <QWidget>

#include "core/common/error.h"
#include "core/deploy/releaseinfo.h"
#include "core/monitor/hostmonitor.h"
#include "core/remote/hosttask.h"
#include "core/store/records.h"

class QLabel;
class QPushButton;
class QTableView;
class QTreeView;

namespace Gantry {

class ErrorPanel;
class EventListModel;
class GuiPrompter;
class MonitorHub;
class ServiceStatusModel;
class Workspace;

// The dashboard: every service on every server with its state, resources and health, a strip
// per server (reachable or why not, journal disk use), actions on the selected service, its
// charts over time, and the monitor's alerts, newest first.
class HealthPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthPage)
public:
    explicit HealthPage(Workspace *workspace, QWidget *parent = nullptr);
    ~HealthPage() override;

    MonitorHub *hub() const { return m_hub; }
    ServiceStatusModel *model() const { return m_model; }
    EventListModel *eventModel() const { return m_events; }
    QString hostSummary() const;
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    void selectRow(int row);

    // Starts the monitor when the workspace has servers (again after they changed).
    void startMonitoring();
    void stopMonitoring(); // without waiting

    void startService();
    void stopService(); // asks first
    void restartService(); // asks first
    void rollBack(); // reads the releases, then asks naming the version it returns to
    void openLogs();
    void showDetails();

signals:
    void logsRequested(const QString &project, const QString &server);
    void actionFinished(bool success);

protected:
    void showEvent(QShowEvent *event) override; // deploys from gantryctl may have added services

private:
    QWidget *createActions();
    QWidget *createTable();
    QWidget *createEvents();
    void onSnapshot(const HostSnapshot &snapshot);
    void updateHostSummary();
    void updateButtons();
    void setBusy(bool busy);
    int currentRow() const;
    QString profileOf(const QString &project, const QString &server) const;
    DeploySettings settingsOf(const UnitSnapshot &unit, const QString &server) const;
    Result<HostConnection> connectionTo(const QString &server) const;
    void askThenRun(const QString &verb);
    void runServiceControl(const QString &verb, const QString &server, const UnitSnapshot &unit);
    void confirmRollBack(
        const QString &server, const UnitSnapshot &unit, const Result<QList<ReleaseInfo>> &releases);
    void runRollBack(const QString &server, const UnitSnapshot &unit, int release, const QString &version);
    void finish(const Result<QString> &result);
    void seedForScreenshots(const QString &file);
    static UnitSnapshot seededUnit(const QStringList &fields, qint64 uptimeMSec);

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    MonitorHub *m_hub = nullptr;
    ServiceStatusModel *m_model = nullptr;
    EventListModel *m_events = nullptr;
    QMap<QString, HostSnapshot> m_hosts;
    bool m_busy = false;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QTreeView *m_eventView = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_restartButton = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_logsButton = nullptr;
    QPushButton *m_detailsButton = nullptr;
    ErrorPanel *m_status = nullptr;
};

} // namespace Gantry
