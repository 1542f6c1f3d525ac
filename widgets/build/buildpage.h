#pragma once

#include <QPointer>
#include <QWidget>

#include "core/build/buildresult.h"
#include "core/build/buildsettings.h"

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Gantry {

class BackgroundBuild;
class TargetListModel;

// Open a Go project, tick targets, press Build: progress per target, live output, artifacts.
class BuildPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildPage)
public:
    explicit BuildPage(QWidget *parent = nullptr);
    ~BuildPage() override;

    void openProject(const QString &dir);
    QString projectDir() const { return m_projectDir; }
    bool isBuilding() const;
    // The project's targets, ldflags, extra files and Go environment (Projects page).
    void setBuildSettings(const BuildSettings &settings);
    void setGoPath(const QString &goPath); // empty: look for go

signals:
    void projectOpened(const QString &dir);
    // "Open Project…" was pressed; when nothing is connected the page asks for a folder itself.
    void chooseProjectRequested();

private:
    QWidget *createProjectRow();
    QWidget *createTargetsBox();
    QWidget *createOutputBox();
    void chooseProject();
    void startBuild();
    void cancelBuild();
    void onFinished(const BuildResult &result);
    void showArtifacts(const BuildResult &result);
    void openOutputFolder();

    QString m_projectDir;
    QLineEdit *m_projectEdit = nullptr;
    QLineEdit *m_versionEdit = nullptr;
    QListView *m_targetsView = nullptr;
    TargetListModel *m_targets = nullptr;
    QPushButton *m_buildButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_openFolderButton = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QTreeWidget *m_artifacts = nullptr;
    QPointer<BackgroundBuild> m_session;
    QString m_outputDir;
    BuildSettings m_settings;
    QString m_goPath;
};

} // namespace Gantry
