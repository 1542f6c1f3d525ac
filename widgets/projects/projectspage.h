#pragma once

#include <QList>
#include <QWidget>

#include "core/build/buildsettings.h"
#include "core/build/goproject.h"
#include "core/build/gotoolchain.h"
#include "core/store/records.h"

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QVBoxLayout;

namespace Gantry {

class RecentProjectsModel;
class TargetListModel;
class Workspace;

// Open a project folder, see what Gantry detected in it, and edit how it is built.
// Opening registers the project in the workspace (with the default profiles).
class ProjectsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectsPage)
public:
    explicit ProjectsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~ProjectsPage() override;

    void chooseProject();
    // Detects the project off the GUI thread, then registers it and emits projectOpened.
    void openProject(const QString &dir);
    QString projectName() const { return m_record.name; }
    QString projectDir() const { return m_record.path; }
    bool isDetecting() const { return m_detecting; }
    // The saved settings, with the default targets from Settings when the project has none.
    BuildSettings effectiveBuildSettings() const;

signals:
    void projectOpened(const QString &name, const QString &dir);
    void buildSettingsChanged(const Gantry::BuildSettings &settings);

private:
    struct Detection {
        Result<GoProject> project = std::unexpected(Error {});
        Result<GoToolchain> toolchain = std::unexpected(Error {});
        int pending = 2;
    };

    QWidget *createOpenRow();
    QWidget *createRecentBox();
    QWidget *createDetectedBox();
    QWidget *createSettingsBox();
    void createGoEnvRows(QFormLayout *form);
    void refreshRecent();
    void onDetected(const QString &dir, const Detection &detection);
    Result<ProjectRecord> registerProject(const GoProject &project);
    void showDetection(const Detection &detection);
    void showWarnings(const QList<Error> &warnings);
    void loadSettings(const GoProject &project);
    BuildSettings settingsFromForm() const;
    void saveSettings();
    void showSettingsError(const QString &text);

    Workspace *m_workspace = nullptr;
    ProjectRecord m_record;
    int m_generation = 0;
    bool m_detecting = false;
    QLabel *m_projectLabel = nullptr;
    QLabel *m_status = nullptr;
    RecentProjectsModel *m_recent = nullptr;
    QListView *m_recentView = nullptr;
    QGroupBox *m_detectedBox = nullptr;
    QLabel *m_toolchainValue = nullptr;
    QLabel *m_moduleValue = nullptr;
    QLabel *m_packagesValue = nullptr;
    QLabel *m_versionVarValue = nullptr;
    QVBoxLayout *m_warningsLayout = nullptr;
    QLabel *m_noWarnings = nullptr;
    QGroupBox *m_settingsBox = nullptr;
    TargetListModel *m_targets = nullptr;
    QLineEdit *m_ldflagsEdit = nullptr;
    QCheckBox *m_defaultExtraFiles = nullptr;
    QLineEdit *m_extraFilesEdit = nullptr;
    QLineEdit *m_goproxyEdit = nullptr;
    QLineEdit *m_goprivateEdit = nullptr;
    QLabel *m_settingsError = nullptr;
    QLabel *m_settingsStatus = nullptr;
};

} // namespace Gantry
