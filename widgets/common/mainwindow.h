#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace Gantry {

class AboutPage;
class BuildPage;
class DeployPage;
class HealthPage;
class LogsPage;
class ProfilesPage;
class ProjectsPage;
class ServersPage;
class SettingsPage;
class Workspace;

// A navigation list on the left switching the pages; remembers its geometry and last page.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // Page ids, also the names the last page is remembered by.
    static inline const QString ProjectsId = QStringLiteral("projects");
    static inline const QString BuildId = QStringLiteral("build");
    static inline const QString ProfilesId = QStringLiteral("profiles");
    static inline const QString ServersId = QStringLiteral("servers");
    static inline const QString DeployId = QStringLiteral("deploy");
    static inline const QString HealthId = QStringLiteral("health");
    static inline const QString LogsId = QStringLiteral("logs");
    static inline const QString SettingsId = QStringLiteral("settings");
    static inline const QString AboutId = QStringLiteral("about");

    // `workspace` may be null when none could be opened; it must outlive the window.
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectsPage *projectsPage() const { return m_projectsPage; }
    BuildPage *buildPage() const { return m_buildPage; }
    ProfilesPage *profilesPage() const { return m_profilesPage; }
    ServersPage *serversPage() const { return m_serversPage; }
    DeployPage *deployPage() const { return m_deployPage; }
    HealthPage *healthPage() const { return m_healthPage; }
    LogsPage *logsPage() const { return m_logsPage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    AboutPage *aboutPage() const { return m_aboutPage; }

    QStringList pageIds() const;
    QString currentPageId() const;
    void showPage(const QString &id);

    void openProject(const QString &dir);
    // Brings the window to the front (from the tray or a second start) and opens `projectDir`.
    void activate(const QString &projectDir);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createNavigation();
    void addPage(
        const QString &id, const QString &icon, const QString &text, const QString &tip, QWidget *page);
    void createMenus();
    void createTrayIcon();
    void connectMonitor();
    void connectPages();
    void restoreState();
    void saveState() const;

    Workspace *m_workspace = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStringList m_pageIds;
    ProjectsPage *m_projectsPage = nullptr;
    BuildPage *m_buildPage = nullptr;
    ProfilesPage *m_profilesPage = nullptr;
    ServersPage *m_serversPage = nullptr;
    DeployPage *m_deployPage = nullptr;
    HealthPage *m_healthPage = nullptr;
    LogsPage *m_logsPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    AboutPage *m_aboutPage = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace Gantry
