#include "widgets/profiles/servercomparepanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "core/common/whenready.h"
#include "core/deploy/deployplantext.h"
#include "core/deploy/deployplanner.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/profiles/envdiffmodel.h"
#include "widgets/profiles/envdiffreader.h"
#include "widgets/servers/guiprompter.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ServerComparePanel::ServerComparePanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::make_shared<GuiPrompter>(this))
    , m_model(new EnvDiffModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createServerRow());
    layout->addWidget(createTable(), 1);
    m_status = new ErrorPanel(this);
    m_status->setObjectName(u"compareStatus"_s);
    layout->addWidget(m_status);
    reset();
}

ServerComparePanel::~ServerComparePanel()
{
    m_prompter->declineAll(); // a worker waiting for a password is let go
}

QWidget *ServerComparePanel::createServerRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_serverCombo = new QComboBox(box);
    m_serverCombo->setObjectName(u"compareServerCombo"_s);
    m_serverCombo->setMinimumContentsLength(16);
    m_serverCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_serverCombo->setToolTip(tr("The server whose env file to compare; add servers on the Servers page"));
    connect(m_serverCombo, &QComboBox::activated, this, &ServerComparePanel::reset);
    auto *label = new QLabel(tr("Se&rver:"), box);
    label->setBuddy(m_serverCombo);
    m_compareButton = new QPushButton(tr("C&ompare"), box);
    m_compareButton->setObjectName(u"compareButton"_s);
    m_compareButton->setToolTip(
        tr("Read the env file deployed on the server and compare it with this profile's variables"));
    connect(m_compareButton, &QPushButton::clicked, this, &ServerComparePanel::compare);
    row->addWidget(label);
    row->addWidget(m_serverCombo);
    row->addWidget(m_compareButton);
    row->addStretch(1);
    return box;
}

QTableView *ServerComparePanel::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"envDiffView"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(EnvDiffModel::ServerColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EnvDiffModel::ProfileColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::clicked, this, &ServerComparePanel::onTableClicked);
    connect(m_table, &QTableView::activated, this, &ServerComparePanel::onTableClicked);
    return m_table;
}

void ServerComparePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reloadServers();
}

void ServerComparePanel::setProfile(const QString &project, const QString &profile)
{
    m_project = project;
    m_profile = profile;
    reloadServers();
    reset();
}

void ServerComparePanel::reloadServers()
{
    const QString current = m_serverCombo->currentText();
    const QSignalBlocker blocker(m_serverCombo);
    m_serverCombo->clear();
    if (m_workspace)
        for (const ServerRecord &server : m_workspace->servers().value_or(QList<ServerRecord>()))
            m_serverCombo->addItem(server.name);
    m_serverCombo->setCurrentIndex(std::max(0, m_serverCombo->findText(current)));
    setBusy(m_busy);
}

void ServerComparePanel::selectServer(const QString &server)
{
    m_serverCombo->setCurrentIndex(m_serverCombo->findText(server));
    reset();
}

QString ServerComparePanel::appName() const
{
    auto project = m_workspace->project(m_project);
    return project ? project->appName() : QString();
}

void ServerComparePanel::reset()
{
    ++m_generation;
    m_model->clear();
    setBusy(false);
    if (m_serverCombo->count() == 0)
        return m_status->showNote(tr("Add a server on the Servers page to compare this profile with it."));
    m_status->showNote(tr("Press Compare to see what deploying %1 would change in the env file on %2.")
                           .arg(m_profile, m_serverCombo->currentText()));
}

void ServerComparePanel::setBusy(bool busy)
{
    m_busy = busy;
    const bool ready = !m_project.isEmpty() && !m_profile.isEmpty() && m_serverCombo->count() > 0;
    m_compareButton->setEnabled(!busy && ready);
}

void ServerComparePanel::compare()
{
    if (m_busy || m_project.isEmpty() || m_serverCombo->currentIndex() < 0)
        return;
    reset();
    DeployChoice choice;
    choice.project = m_project;
    choice.app = appName();
    choice.profile = m_profile;
    choice.servers = { m_serverCombo->currentText() };
    auto planned = DeployPlanner::planServers(*m_workspace, choice);
    if (!planned)
        return fail(planned.error());
    setBusy(true);
    m_status->showNote(tr("Reading the profile's secrets from the keychain…"));
    const int generation = m_generation;
    whenReady(DeployPlanner::readSecrets(*planned, *m_workspace), this,
        [this, generation](Result<DeployRequest> request) {
            if (generation != m_generation)
                return;
            if (!request)
                return fail(request.error());
            const DeployHost &host = request->hosts.first();
            m_status->showNote(
                tr("Reading %1 on %2…")
                    .arg(DeployPlanText::describe(*request, host).envFilePath, host.server.name));
            EnvDiffReader::read(this, *m_workspace, m_prompter, request->app, host, EnvDiff::Secrets::Shown,
                [this, generation, server = host.server.name](
                    Result<EnvComparison> compared) { onRead(generation, server, compared); });
        });
}

void ServerComparePanel::onRead(int generation, const QString &server, const Result<EnvComparison> &compared)
{
    if (generation != m_generation)
        return;
    if (!compared)
        return fail(compared.error());
    setBusy(false);
    m_model->setChanges(compared->changes);
    m_status->showNote(EnvDiffReader::summary(server, *compared, QDateTime::currentDateTime()));
    emit finished(true);
}

void ServerComparePanel::fail(const Error &error)
{
    setBusy(false);
    m_status->showError(error);
    emit finished(false);
}

void ServerComparePanel::onTableClicked(const QModelIndex &index)
{
    if (index.column() == EnvDiffModel::RevealColumn)
        m_model->toggleRevealed(index.row());
}

} // namespace Gantry
