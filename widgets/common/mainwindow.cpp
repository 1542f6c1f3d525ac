#include "widgets/common/mainwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QSystemTrayIcon>

#include "core/monitor/monitorhub.h"
#include "core/store/workspace.h"
#include "widgets/build/buildpage.h"
#include "widgets/common/aboutpage.h"
#include "widgets/common/appicon.h"
#include "widgets/common/appsettings.h"
#include "widgets/common/settingspage.h"
#include "widgets/deploy/deploypage.h"
#include "widgets/health/healthpage.h"
#include "widgets/logs/logspage.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/projects/projectspage.h"
#include "widgets/servers/serverspage.h"

using namespace Qt::StringLiterals;

namespace Gantry {

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("Gantry"));
    setCentralWidget(createNavigation());
    m_projectsPage = new ProjectsPage(workspace, this);
    m_buildPage = new BuildPage(this);
    m_profilesPage = new ProfilesPage(workspace, this);
    m_serversPage = new ServersPage(workspace, this);
    m_deployPage = new DeployPage(workspace, this);
    m_healthPage = new HealthPage(workspace, this);
    m_logsPage = new LogsPage(workspace, this);
    m_settingsPage = new SettingsPage(workspace ? workspace->dir() : AppSettings::workspaceDir(), this);
    m_aboutPage = new AboutPage(this);
    addPage(ProjectsId, u"projects"_s, tr("Projects"),
        tr("Open a Go project and see what Gantry found in it"), m_projectsPage);
    addPage(BuildId, u"build"_s, tr("Build"), tr("Build static binaries for your servers"), m_buildPage);
    addPage(ProfilesId, u"profiles"_s, tr("Profiles"),
        tr("Variables, secrets and deploy settings per profile"), m_profilesPage);
    addPage(ServersId, u"servers"_s, tr("Servers"),
        tr("The servers you deploy to: sign-in, host keys and what they run"), m_serversPage);
    addPage(DeployId, u"deploy"_s, tr("Deploy"),
        tr("Deploy the project to your servers, watch it happen, roll back"), m_deployPage);
    addPage(HealthId, u"health"_s, tr("Health"),
        tr("Every service on every server: state, resources and alerts"), m_healthPage);
    addPage(LogsId, u"logs"_s, tr("Logs"), tr("Live service logs from your servers, filtered by level"),
        m_logsPage);
    addPage(SettingsId, u"settings"_s, tr("Settings"), tr("Workspace, Go toolchain, language and theme"),
        m_settingsPage);
    addPage(AboutId, u"about"_s, tr("About"), tr("Version and license"), m_aboutPage);
    createMenus();
    createTrayIcon();
    connectPages();
    connectMonitor();
    restoreState();
}

MainWindow::~MainWindow()
{
    saveState(); // also when the app quits from the menu or the tray, without a close event
}

QWidget *MainWindow::createNavigation()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setAccessibleName(tr("Pages"));
    // A tint rather than the solid highlight, so the blue icons stay visible on the current page.
    m_navigation->setStyleSheet(
        u"QListWidget#navigation::item { padding: 2px 4px; border-left: 3px solid transparent; }"
        "QListWidget#navigation::item:selected { background: rgba(47, 129, 247, 0.20); "
        "color: palette(text); border-left: 3px solid #2f81f7; }"_s);
    m_pages = new QStackedWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    // The page is remembered when the window closes (saveState), not on every switch: QSettings
    // writes its file with an fsync, which a busy disk makes the GUI thread wait for.
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    return central;
}

void MainWindow::addPage(
    const QString &id, const QString &icon, const QString &text, const QString &tip, QWidget *page)
{
    auto *item = new QListWidgetItem(appIcon(icon), text, m_navigation);
    item->setToolTip(tip);
    item->setSizeHint(QSize(item->sizeHint().width(), fontMetrics().height() * 2 + 8));
    page->setObjectName(id + u"Page"_s);
    m_pages->addWidget(page);
    m_pageIds << id;
    // Ctrl+1, Ctrl+2 ... switch pages from anywhere.
    auto *shortcut = new QAction(this);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + m_pageIds.size() - 1)));
    connect(shortcut, &QAction::triggered, this, [this, id] { showPage(id); });
    addAction(shortcut);
    m_navigation->setMinimumWidth(std::max(m_navigation->minimumWidth(),
        fontMetrics().horizontalAdvance(text) + m_navigation->iconSize().width() + 48));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, [this] {
        showPage(ProjectsId);
        m_projectsPage->chooseProject();
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gantry"), this, [this] { showPage(AboutId); });
}

void MainWindow::createTrayIcon()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(appIcon(u"gantry"_s), this);
    m_tray->setToolTip(tr("Gantry"));
    auto *menu = new QMenu(this);
    menu->addAction(tr("&Show Gantry"), this, [this] { activate({}); });
    menu->addSeparator();
    menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            activate({});
    });
    m_tray->show();
}

void MainWindow::connectPages()
{
    connect(
        m_projectsPage, &ProjectsPage::projectOpened, this, [this](const QString &name, const QString &dir) {
            setWindowTitle(tr("%1 — Gantry").arg(name));
            m_buildPage->openProject(dir);
            m_buildPage->setBuildSettings(m_projectsPage->effectiveBuildSettings());
            m_profilesPage->setProject(name);
            m_deployPage->setBuildSettings(m_projectsPage->effectiveBuildSettings());
            m_deployPage->setProject(name);
            m_logsPage->setProject(name);
        });
    connect(m_projectsPage, &ProjectsPage::buildSettingsChanged, m_buildPage, &BuildPage::setBuildSettings);
    connect(m_projectsPage, &ProjectsPage::buildSettingsChanged, m_deployPage, &DeployPage::setBuildSettings);
    connect(m_serversPage, &ServersPage::serversChanged, m_deployPage, &DeployPage::reloadServers);
    connect(m_serversPage, &ServersPage::serversChanged, m_logsPage, &LogsPage::reloadServers);
    connect(m_buildPage, &BuildPage::chooseProjectRequested, m_projectsPage, &ProjectsPage::chooseProject);
    connect(m_settingsPage, &SettingsPage::goPathChanged, m_buildPage, &BuildPage::setGoPath);
    connect(m_settingsPage, &SettingsPage::goPathChanged, m_deployPage, &DeployPage::setGoPath);
    connect(m_settingsPage, &SettingsPage::defaultTargetsChanged, this, [this] {
        if (!m_projectsPage->projectName().isEmpty())
            m_buildPage->setBuildSettings(m_projectsPage->effectiveBuildSettings());
    });
    m_buildPage->setGoPath(AppSettings::goPath());
    m_deployPage->setGoPath(AppSettings::goPath());
}

// Monitoring runs while the app runs: alerts show in the tray, recoveries too but quieter.
void MainWindow::connectMonitor()
{
    connect(m_healthPage->hub(), &MonitorHub::alertRaised, this, [this](const EventRecord &event) {
        if (!m_tray)
            return;
        m_tray->showMessage(
            event.recovery ? tr("Recovered on %1").arg(event.server) : tr("Alert on %1").arg(event.server),
            event.message, event.recovery ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning,
            event.recovery ? 4000 : 10000);
    });
    connect(m_healthPage, &HealthPage::logsRequested, this,
        [this](const QString &project, const QString &server) {
            m_logsPage->showService(project, server);
            showPage(LogsId);
        });
    connect(m_serversPage, &ServersPage::serversChanged, m_healthPage, &HealthPage::startMonitoring);
    // A first deploy adds a service to watch: its health path and project (for its logs).
    connect(m_deployPage, &DeployPage::deployFinished, m_healthPage->hub(), &MonitorHub::reloadServices);
    connect(qApp, &QCoreApplication::aboutToQuit, m_healthPage, &HealthPage::stopMonitoring);
    m_healthPage->startMonitoring();
}

QStringList MainWindow::pageIds() const
{
    return m_pageIds;
}

QString MainWindow::currentPageId() const
{
    return m_pageIds.value(m_pages->currentIndex());
}

void MainWindow::showPage(const QString &id)
{
    const qsizetype row = m_pageIds.indexOf(id);
    if (row >= 0)
        m_navigation->setCurrentRow(int(row));
}

void MainWindow::openProject(const QString &dir)
{
    m_projectsPage->openProject(dir);
}

void MainWindow::activate(const QString &projectDir)
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
    if (!projectDir.isEmpty()) {
        showPage(ProjectsId);
        openProject(projectDir);
    }
}

void MainWindow::restoreState()
{
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        const QSize available = screen()->availableSize();
        resize(std::min(1100, available.width()), std::min(720, available.height()));
    }
    const QString page = AppSettings::lastPage();
    showPage(m_pageIds.contains(page) ? page : ProjectsId);
}

void MainWindow::saveState() const
{
    AppSettings::setWindowGeometry(saveGeometry());
    AppSettings::setLastPage(currentPageId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace Gantry
