#pragma once

#include <memory>

#include <QWidget>

#include "core/common/error.h"
#include "core/remote/hosttask.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace Gantry {

class ErrorPanel;
class GuiPrompter;
class ReleaseListModel;
class Workspace;
struct ServiceSnapshot;

// One server's releases of the project's service and what systemd and the health check say
// about it now; switches back to a kept release after a confirmation that names its version.
class ReleasesPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleasesPanel)
public:
    ReleasesPanel(Workspace *workspace, std::shared_ptr<GuiPrompter> prompter, QWidget *parent = nullptr);
    ~ReleasesPanel() override;

    // The service `app` of `project`, with the deploy settings of `profile`.
    void setService(const QString &project, const QString &app, const QString &profile);
    void setServers(const QStringList &servers);
    void setBreakLock(bool breakLock) { m_breakLock = breakLock; }
    void showServer(const QString &server); // and refreshes
    QString server() const;

    ReleaseListModel *model() const { return m_model; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }
    void selectRelease(int release);

    void refresh();
    void rollBack();

signals:
    void refreshed(bool success);
    void rolledBack(bool success);

private:
    QWidget *createServerRow();
    void setBusy(bool busy);
    void updateButtons();
    Result<HostConnection> connection(const QString &server) const;
    Result<DeploySettings> settings(const QString &server) const;
    void onSnapshot(const QString &server, const Result<ServiceSnapshot> &snapshot);
    void rollBackConfirmed(const QString &server, int release, const QString &version);
    void onRolledBack(const QString &server, const QString &version, const Result<int> &release);

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    QString m_project;
    QString m_app;
    QString m_profile;
    bool m_breakLock = false;
    bool m_busy = false;
    ReleaseListModel *m_model = nullptr;
    QComboBox *m_serverCombo = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_serviceStatus = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    ErrorPanel *m_error = nullptr;
};

} // namespace Gantry
