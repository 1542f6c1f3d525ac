#pragma once

#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QMap>
#include <QPointer>
#include <QWidget>

#include "core/build/buildresult.h"
#include "core/build/buildsettings.h"
#include "core/deploy/deployrequest.h"
#include "core/deploy/envdiff.h"
#include "core/remote/hosttask.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeView;

namespace Gantry {

class BackgroundBuild;
class BuildOutputChooser;
class DeployProgressModel;
class DeployRun;
class ErrorPanel;
class GuiPrompter;
class ReleasesPanel;
class ServerListModel;
class Workspace;
struct DeployEvent;

// Deploys the open project: version, profile and servers; the plan, env diff and unit file to
// review first; per server and step progress; the result; and each server's releases (with a
// one-click rollback) on a tab of its own.
class DeployPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployPage)
public:
    enum class Busy { Idle, Building, Planning, Deploying };

    explicit DeployPage(Workspace *workspace, QWidget *parent = nullptr);
    ~DeployPage() override;

    void setProject(const QString &name);
    void setBuildSettings(const BuildSettings &settings);
    void setGoPath(const QString &goPath); // empty: look for go
    // Deploy this finished build (a folder with manifest.json) instead of building; empty: build now.
    void chooseOutput(const QString &dir);
    void reloadServers();

    QString project() const { return m_project; }
    Busy busy() const { return m_busy; }
    bool hasPlan() const { return m_request.has_value() && m_pendingDiffs == 0; }
    ServerListModel *serversModel() const { return m_servers; }
    DeployProgressModel *progressModel() const { return m_progress; }
    ReleasesPanel *releasesPanel() const { return m_releasesPanel; }
    ErrorPanel *status() const { return m_status; }
    QString planText() const;

    void review();
    void showUnitFile();
    void deploy();
    void cancel();

signals:
    void planReady(bool success);
    void outputChecked(bool usable); // the chosen build folder was read
    void deployFinished(bool success);

protected:
    void showEvent(QShowEvent *event) override; // profiles may have been added meanwhile

private:
    QWidget *createChoiceBox();
    QWidget *createChoiceForm();
    QWidget *createActionRow();
    QWidget *createPlanTab();
    QWidget *createProgressTab();
    void reloadProfiles();
    void invalidatePlan();
    void setBusy(Busy busy);
    void updateButtons();
    QString appName() const;
    HostConnection connectionTo(const ServerRecord &server) const;
    Result<DeploySettings> settingsFor(const QString &server) const;

    void startBuild();
    void checkOutputFolder();
    void onBuilt(const BuildResult &result);
    void planBuild(const BuildManifest &manifest);
    void onSecretsRead(int generation, Result<DeployRequest> request);
    void fetchEnvDiff(int generation, const DeployHost &host);
    void onEnvDiff(int generation, const QString &server, const Result<EnvComparison> &compared);
    void showPlan();
    QString planFor(const DeployHost &host) const;

    void onDeployEvent(const DeployEvent &event);
    void onDeployFinished(bool success);
    void showOutcomes();

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    QString m_project;
    BuildSettings m_buildSettings;
    QString m_goPath;
    ServerListModel *m_servers = nullptr;
    DeployProgressModel *m_progress = nullptr;

    QLabel *m_projectLabel = nullptr;
    QLineEdit *m_versionEdit = nullptr;
    BuildOutputChooser *m_output = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QSpinBox *m_batchSpin = nullptr;
    QCheckBox *m_breakLockCheck = nullptr;
    QTreeView *m_serversView = nullptr;
    QPushButton *m_reviewButton = nullptr;
    QPushButton *m_unitButton = nullptr;
    QPushButton *m_deployButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_planText = nullptr;
    QTreeView *m_progressView = nullptr;
    QPlainTextEdit *m_log = nullptr;
    ReleasesPanel *m_releasesPanel = nullptr;
    ErrorPanel *m_status = nullptr;

    Busy m_busy = Busy::Idle;
    int m_generation = 0; // answers of an older review are dropped
    QPointer<BackgroundBuild> m_build;
    QPointer<DeployRun> m_run;
    std::optional<DeployRequest> m_request;
    QMap<QString, QString> m_diffs; // per server: the env diff, or why it could not be read
    int m_pendingDiffs = 0;
    int m_diffFailures = 0;
    QElapsedTimer m_clock;
};

} // namespace Gantry
