#include "widgets/deploy/releasespanel.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/deploy/deployplanner.h"
#include "core/deploy/serviceops.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/messageboxes.h"
#include "widgets/deploy/releaselistmodel.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/hostkeyquestion.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

// Releases and status of one service, read over one connection.
struct ServiceSnapshot {
    QList<ReleaseInfo> releases;
    ServiceStatus status;
};

ReleasesPanel::ReleasesPanel(Workspace *workspace, std::shared_ptr<GuiPrompter> prompter, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::move(prompter))
    , m_model(new ReleaseListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createServerRow());
    m_serviceStatus = new QLabel(tr("Pick a server to see its releases."), this);
    m_serviceStatus->setObjectName(u"serviceStatus"_s);
    m_serviceStatus->setWordWrap(true);
    m_serviceStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_serviceStatus);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"releasesView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setModel(m_model);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ReleasesPanel::updateButtons);
    layout->addWidget(m_view, 1);
    m_rollbackButton = new QPushButton(tr("Roll Back to &This Release…"), this);
    m_rollbackButton->setObjectName(u"rollbackButton"_s);
    m_rollbackButton->setToolTip(tr("Switch the server back to the selected release, without rebuilding"));
    connect(m_rollbackButton, &QPushButton::clicked, this, &ReleasesPanel::rollBack);
    layout->addWidget(m_rollbackButton, 0, Qt::AlignRight);
    m_error = new ErrorPanel(this);
    m_error->setObjectName(u"releasesError"_s);
    layout->addWidget(m_error);
    updateButtons();
}

ReleasesPanel::~ReleasesPanel() = default;

QWidget *ReleasesPanel::createServerRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_serverCombo = new QComboBox(box);
    m_serverCombo->setObjectName(u"releaseServerCombo"_s);
    m_serverCombo->setMinimumContentsLength(16);
    auto *label = new QLabel(tr("Ser&ver:"), box);
    label->setBuddy(m_serverCombo);
    m_refreshButton = new QPushButton(tr("Refre&sh"), box);
    m_refreshButton->setObjectName(u"refreshReleasesButton"_s);
    m_refreshButton->setToolTip(tr("Read the releases and the service's state from the server"));
    connect(m_refreshButton, &QPushButton::clicked, this, &ReleasesPanel::refresh);
    connect(m_serverCombo, &QComboBox::activated, this, &ReleasesPanel::refresh);
    row->addWidget(label);
    row->addWidget(m_serverCombo);
    row->addWidget(m_refreshButton);
    row->addStretch(1);
    return box;
}

void ReleasesPanel::setService(const QString &project, const QString &app, const QString &profile)
{
    if (project != m_project || app != m_app) {
        m_model->setReleases({});
        m_serviceStatus->setText(tr("Pick a server to see its releases."));
    }
    m_project = project;
    m_app = app;
    m_profile = profile;
    updateButtons();
}

void ReleasesPanel::setServers(const QStringList &servers)
{
    const QString current = server();
    const QSignalBlocker blocker(m_serverCombo);
    m_serverCombo->clear();
    m_serverCombo->addItems(servers);
    m_serverCombo->setCurrentIndex(std::max(0, m_serverCombo->findText(current)));
    updateButtons();
}

QString ReleasesPanel::server() const
{
    return m_serverCombo->currentText();
}

void ReleasesPanel::showServer(const QString &server)
{
    m_serverCombo->setCurrentIndex(m_serverCombo->findText(server));
    refresh();
}

QString ReleasesPanel::statusText() const
{
    return m_serviceStatus->text();
}

void ReleasesPanel::selectRelease(int release)
{
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(release), 0));
}

void ReleasesPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void ReleasesPanel::updateButtons()
{
    const bool ready = !m_busy && !m_project.isEmpty() && !server().isEmpty();
    m_refreshButton->setEnabled(ready);
    m_serverCombo->setEnabled(!m_busy);
    m_rollbackButton->setEnabled(
        ready && ReleaseListModel::canRollBackTo(m_model->release(m_view->currentIndex().row())));
}

Result<DeploySettings> ReleasesPanel::settings(const QString &server) const
{
    auto resolved = m_workspace->resolve(m_project, m_profile, server);
    if (!resolved)
        return std::unexpected(resolved.error());
    return resolved->settings;
}

Result<HostConnection> ReleasesPanel::connection(const QString &server) const
{
    auto record = m_workspace->server(server);
    if (!record)
        return std::unexpected(record.error());
    return m_prompter->connectionTo(*m_workspace, *record);
}

void ReleasesPanel::refresh()
{
    const QString name = server();
    if (m_busy || name.isEmpty() || m_project.isEmpty())
        return;
    auto c = connection(name);
    auto deploySettings = settings(name);
    if (!c || !deploySettings)
        return m_error->showError(!c ? c.error() : deploySettings.error());
    setBusy(true);
    m_error->clear();
    m_serviceStatus->setText(tr("Reading %1…").arg(name));
    const std::function<Result<ServiceSnapshot>(RemoteHost &)> body =
        [app = m_app, s = *deploySettings](RemoteHost &host) -> Result<ServiceSnapshot> {
        auto releases = ServiceOps::releases(host, app);
        if (!releases)
            return std::unexpected(releases.error());
        auto status = ServiceOps::status(host, app, s);
        if (!status)
            return std::unexpected(status.error());
        return ServiceSnapshot { *releases, *status };
    };
    runTrusting<ServiceSnapshot>(this, *c, m_prompter, body,
        [this, name](Result<ServiceSnapshot> snapshot) { onSnapshot(name, snapshot); });
}

void ReleasesPanel::onSnapshot(const QString &server, const Result<ServiceSnapshot> &snapshot)
{
    setBusy(false);
    if (!snapshot) {
        m_serviceStatus->setText(tr("%1 could not be read.").arg(server));
        m_error->showError(snapshot.error());
        emit refreshed(false);
        return;
    }
    m_model->setReleases(snapshot->releases);
    const ServiceStatus &s = snapshot->status;
    const QString health = s.healthStatus ? tr("HTTP %1 in %2 ms").arg(s.healthStatus).arg(s.healthLatencyMs)
                                          : tr("no answer (%1)").arg(s.healthError);
    m_serviceStatus->setText(s.currentRelease == 0
            ? tr("%1: %2 is not deployed here yet.").arg(server, s.unit)
            : tr("%1: %2 (%3), release %4, version %5, %6 restarts; health check: %7")
                  .arg(server, s.activeState, s.subState)
                  .arg(s.currentRelease)
                  .arg(s.version)
                  .arg(s.restarts)
                  .arg(health));
    selectRelease(s.currentRelease);
    updateButtons();
    emit refreshed(true);
}

void ReleasesPanel::rollBack()
{
    const ReleaseInfo target = m_model->release(m_view->currentIndex().row());
    const int currentRow = [this] {
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_model->release(row).isCurrent)
                return row;
        return -1;
    }();
    const ReleaseInfo current = m_model->release(currentRow);
    if (!ReleaseListModel::canRollBackTo(target))
        return;
    MessageBoxes::Question question;
    question.title = tr("Roll Back");
    question.text =
        tr("Roll %1 back to release %2, version %3?").arg(server()).arg(target.n).arg(target.version);
    question.informative = current.n
        ? tr("The service restarts on version %1 and must pass its health check. Release %2 (version %3) is "
             "marked bad and never picked again.")
              .arg(target.version)
              .arg(current.n)
              .arg(current.version)
        : tr("The service restarts on version %1 and must pass its health check.").arg(target.version);
    question.acceptText = tr("&Roll Back to %1").arg(target.version);
    MessageBoxes::ask(this, question, [this, name = server(), target](bool yes) {
        if (yes)
            rollBackConfirmed(name, target.n, target.version);
    });
}

void ReleasesPanel::rollBackConfirmed(const QString &server, int release, const QString &version)
{
    auto c = connection(server);
    auto deploySettings = settings(server);
    if (!c || !deploySettings)
        return m_error->showError(!c ? c.error() : deploySettings.error());
    setBusy(true);
    m_serviceStatus->setText(tr("Rolling %1 back to version %2…").arg(server, version));
    const std::function<Result<int>(RemoteHost &)> body =
        [app = m_app, s = *deploySettings, release, who = DeployPlanner::who(), breakLock = m_breakLock](
            RemoteHost &host) { return ServiceOps::rollback(host, app, release, s, who, breakLock); };
    runTrusting<int>(this, *c, m_prompter, body,
        [this, server, version](Result<int> now) { onRolledBack(server, version, now); });
}

void ReleasesPanel::onRolledBack(const QString &server, const QString &version, const Result<int> &release)
{
    setBusy(false);
    if (!release) {
        m_error->showError(release.error());
        emit rolledBack(false);
        refresh();
        return;
    }
    DeploymentRecord record { 0, DeployPlanner::who(), QDateTime::currentDateTimeUtc(), m_project, version,
        m_profile, { server }, u"rollback"_s, 0, {} };
    if (auto saved = m_workspace->addDeployment(record); !saved)
        m_error->showError(saved.error());
    else
        m_error->showNote(tr("%1: release %2 (version %3) serves again and is healthy.")
                              .arg(server)
                              .arg(*release)
                              .arg(version));
    emit rolledBack(true);
    refresh();
}

} // namespace Gantry
