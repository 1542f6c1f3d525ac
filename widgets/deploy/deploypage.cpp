#include "widgets/deploy/deploypage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/build/backgroundbuild.h"
#include "core/common/async.h"
#include "core/common/whenready.h"
#include "core/deploy/deployplanner.h"
#include "core/deploy/deployrun.h"
#include "core/deploy/deployplantext.h"
#include "core/deploy/hostdeployer.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/deploy/buildoutputchooser.h"
#include "widgets/deploy/deployprogressmodel.h"
#include "widgets/deploy/releasespanel.h"
#include "widgets/deploy/unitfiledialog.h"
#include "widgets/profiles/envdiffreader.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

DeployPage::DeployPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::make_shared<GuiPrompter>(this))
    , m_servers(new ServerListModel(this))
    , m_progress(new DeployProgressModel(this))
{
    m_servers->setCheckable(true);
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createChoiceBox());
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(u"deployTabs"_s);
    m_tabs->addTab(createPlanTab(), tr("P&lan"));
    m_tabs->addTab(createProgressTab(), tr("Pro&gress"));
    m_releasesPanel = new ReleasesPanel(workspace, m_prompter, m_tabs);
    m_tabs->addTab(m_releasesPanel, tr("Rele&ases"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    m_status = new ErrorPanel(this);
    m_status->setObjectName(u"deployStatus"_s);
    layout->addWidget(m_status);
    connect(m_servers, &ServerListModel::checkedChanged, this, &DeployPage::invalidatePlan);
    connect(m_breakLockCheck, &QCheckBox::toggled, m_releasesPanel, &ReleasesPanel::setBreakLock);
    setEnabled(workspace != nullptr);
    setProject({});
}

DeployPage::~DeployPage()
{
    // Workers blocked on a question are released first, then joined by the run's destructor.
    m_prompter->declineAll();
    delete m_run;
}

QWidget *DeployPage::createChoiceBox()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(createChoiceForm());
    auto *serversBox = new QGroupBox(tr("S&ervers"), box);
    auto *serversLayout = new QVBoxLayout(serversBox);
    m_serversView = new QTreeView(serversBox);
    m_serversView->setObjectName(u"deployServersView"_s);
    m_serversView->setRootIsDecorated(false);
    m_serversView->setModel(m_servers);
    m_serversView->setColumnHidden(ServerListModel::AuthColumn, true);
    m_serversView->setColumnHidden(ServerListModel::HostKeyColumn, true);
    m_serversView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_serversView->setToolTip(tr("Tick the servers to deploy to; add servers on the Servers page"));
    m_serversView->setMinimumWidth(fontMetrics().averageCharWidth() * 52); // name, login and platform
    serversLayout->addWidget(m_serversView);
    column->addWidget(serversBox, 1);
    column->addWidget(createActionRow());
    return box;
}

QWidget *DeployPage::createChoiceForm()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_projectLabel = new QLabel(box);
    m_projectLabel->setObjectName(u"deployProjectLabel"_s);
    m_projectLabel->setWordWrap(true);
    m_versionEdit = new QLineEdit(box);
    m_versionEdit->setObjectName(u"deployVersionEdit"_s);
    m_versionEdit->setPlaceholderText(tr("from git"));
    m_versionEdit->setToolTip(tr("The version to build and deploy; built only when it is not built yet"));
    connect(m_versionEdit, &QLineEdit::textEdited, this, &DeployPage::invalidatePlan);
    m_profileCombo = new QComboBox(box);
    m_profileCombo->setObjectName(u"deployProfileCombo"_s);
    m_profileCombo->setToolTip(tr("The profile whose variables and settings the service gets"));
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &DeployPage::invalidatePlan);
    m_batchSpin = new QSpinBox(box);
    m_batchSpin->setObjectName(u"batchSpin"_s);
    m_batchSpin->setRange(0, 100);
    m_batchSpin->setSpecialValueText(tr("all at once"));
    m_batchSpin->setToolTip(tr("After the first server passes its health check, how many switch at a time"));
    m_breakLockCheck = new QCheckBox(tr("Brea&k a stale lock"), box);
    m_breakLockCheck->setObjectName(u"breakLockCheck"_s);
    m_breakLockCheck->setToolTip(
        tr("Take over a server's deploy lock left by a deploy that is gone for good"));
    form->addRow(tr("Project:"), m_projectLabel);
    m_output = new BuildOutputChooser(box);
    connect(m_output, &BuildOutputChooser::chosen, this, &DeployPage::invalidatePlan);
    connect(m_output, &BuildOutputChooser::checked, this, &DeployPage::outputChecked);
    auto *outputLabel = new QLabel(tr("Build ou&tput:"), box);
    outputLabel->setBuddy(m_output->buddy()); // a label's buddy takes focus itself: the combo
    form->addRow(outputLabel, m_output);
    form->addRow(tr("Versi&on:"), m_versionEdit);
    form->addRow(tr("Prof&ile:"), m_profileCombo);
    form->addRow(tr("&Batch size:"), m_batchSpin);
    form->addRow(QString(), m_breakLockCheck);
    return box;
}

QWidget *DeployPage::createActionRow()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    const auto button = [box](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, box);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    m_reviewButton = button(u"reviewButton"_s, tr("&Review Plan"),
        tr("Build if needed, then show the plan and what changes in each server's env file"));
    m_unitButton =
        button(u"unitButton"_s, tr("View &Unit File…"), tr("The systemd unit this deploy installs"));
    m_deployButton = button(u"deployButton"_s, tr("&Deploy"), tr("Deploy the reviewed plan"));
    m_cancelButton = button(u"cancelDeployButton"_s, tr("&Cancel"),
        tr("Stop the build, or stop servers that have not switched yet"));
    connect(m_reviewButton, &QPushButton::clicked, this, &DeployPage::review);
    connect(m_unitButton, &QPushButton::clicked, this, &DeployPage::showUnitFile);
    connect(m_deployButton, &QPushButton::clicked, this, &DeployPage::deploy);
    connect(m_cancelButton, &QPushButton::clicked, this, &DeployPage::cancel);
    grid->addWidget(m_reviewButton, 0, 0);
    grid->addWidget(m_unitButton, 0, 1);
    grid->addWidget(m_deployButton, 1, 0);
    grid->addWidget(m_cancelButton, 1, 1);
    return box;
}

QWidget *DeployPage::createPlanTab()
{
    m_planText = new QPlainTextEdit(this);
    m_planText->setObjectName(u"planText"_s);
    m_planText->setReadOnly(true);
    m_planText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_planText->setPlaceholderText(
        tr("Tick servers and press Review Plan: the plan, the env file changes per server "
           "and the unit file appear here before anything is deployed."));
    return m_planText;
}

QWidget *DeployPage::createProgressTab()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_progressView = new QTreeView(split);
    m_progressView->setObjectName(u"progressView"_s);
    m_progressView->setModel(m_progress);
    m_progressView->setUniformRowHeights(true);
    m_progressView->header()->setSectionResizeMode(
        DeployProgressModel::StepColumn, QHeaderView::ResizeToContents);
    connect(m_progress, &QAbstractItemModel::rowsInserted, m_progressView,
        [this](const QModelIndex &parent) { m_progressView->expand(parent); });
    m_log = new QPlainTextEdit(split);
    m_log->setObjectName(u"deployLog"_s);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(
        tr("The build's progress, and the service's last log lines when a deploy fails."));
    split->addWidget(m_progressView);
    split->addWidget(m_log);
    split->setStretchFactor(0, 2);
    return split;
}

void DeployPage::setProject(const QString &name)
{
    m_project = name;
    m_projectLabel->setText(name.isEmpty() ? tr("Open a project on the Projects page.")
                                           : tr("%1 (service %2)").arg(name, appName()));
    reloadProfiles();
    reloadServers();
    m_releasesPanel->setService(name, appName(), m_profileCombo->currentText());
    auto project = m_workspace && !name.isEmpty() ? m_workspace->project(name) : Result<ProjectRecord>();
    m_output->setProject(name, project ? project->path : QString()); // also invalidates the plan
}

void DeployPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_busy == Busy::Idle) {
        reloadProfiles();
        m_output->reloadRecent();
    }
}

void DeployPage::setBuildSettings(const BuildSettings &settings)
{
    m_buildSettings = settings;
}

void DeployPage::setGoPath(const QString &goPath)
{
    m_goPath = goPath;
}

void DeployPage::chooseOutput(const QString &dir)
{
    m_output->choose(dir);
}

void DeployPage::reloadProfiles()
{
    const QString current = m_profileCombo->currentText();
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    if (m_workspace && !m_project.isEmpty())
        if (auto profiles = m_workspace->profiles(m_project))
            for (const ProfileRecord &p : *profiles)
                if (p.name != u"base")
                    m_profileCombo->addItem(p.name);
    const int prod = m_profileCombo->findText(current.isEmpty() ? u"prod"_s : current);
    m_profileCombo->setCurrentIndex(std::max(0, prod));
    if (!current.isEmpty() && m_profileCombo->currentText() != current && m_request)
        invalidatePlan(); // the profile of the plan was removed
}

void DeployPage::reloadServers()
{
    const QStringList checked = m_servers->checkedNames();
    QList<ServerRecord> servers;
    if (m_workspace)
        servers = m_workspace->servers().value_or(QList<ServerRecord>());
    m_servers->setServers(servers);
    for (const QString &name : checked)
        m_servers->setChecked(name, true);
    if (servers.size() == 1)
        m_servers->setChecked(servers.first().name, true);
    QStringList names;
    for (const ServerRecord &s : servers)
        names << s.name;
    m_releasesPanel->setServers(names);
    updateButtons();
}

QString DeployPage::appName() const
{
    if (!m_workspace || m_project.isEmpty())
        return {};
    auto project = m_workspace->project(m_project);
    if (!project)
        return {};
    return project->appName();
}

HostConnection DeployPage::connectionTo(const ServerRecord &server) const
{
    return m_prompter->connectionTo(*m_workspace, server);
}

void DeployPage::invalidatePlan()
{
    ++m_generation;
    m_request.reset();
    m_diffs.clear();
    m_pendingDiffs = 0;
    m_diffFailures = 0;
    if (m_busy == Busy::Planning)
        setBusy(Busy::Idle);
    if (m_busy == Busy::Idle)
        m_status->clear(); // what it said was about the plan that is gone
    m_planText->clear();
    m_releasesPanel->setService(m_project, appName(), m_profileCombo->currentText());
    updateButtons();
}

void DeployPage::setBusy(Busy busy)
{
    m_busy = busy;
    updateButtons();
}

void DeployPage::updateButtons()
{
    const bool idle = m_busy == Busy::Idle;
    const bool chosen = !m_project.isEmpty() && !m_servers->checkedNames().isEmpty();
    m_reviewButton->setEnabled(idle && chosen);
    m_unitButton->setEnabled(m_request.has_value());
    m_deployButton->setEnabled(idle && hasPlan());
    m_cancelButton->setEnabled(m_busy == Busy::Building || m_busy == Busy::Deploying);
    for (QWidget *w : std::initializer_list<QWidget *> { m_output, m_profileCombo, m_serversView })
        w->setEnabled(idle);
    m_versionEdit->setEnabled(idle && m_output->folder().isEmpty()); // a build folder names its version
}

QString DeployPage::planText() const
{
    return m_planText->toPlainText();
}

// ---- review: build, plan, secrets, env diffs

void DeployPage::review()
{
    if (m_busy != Busy::Idle || m_project.isEmpty())
        return;
    invalidatePlan(); // idle here, so the status line is cleared too
    if (m_output->folder().isEmpty())
        startBuild();
    else
        checkOutputFolder();
}

// The folder is read again: its files may have changed since it was chosen.
void DeployPage::checkOutputFolder()
{
    const QString dir = m_output->folder();
    setBusy(Busy::Building);
    m_status->showNote(tr("Checking the build in %1…").arg(QDir::toNativeSeparators(dir)));
    const int generation = m_generation;
    whenReady(runInPool([dir, project = m_project] { return DeployPlanner::builtOutput(dir, project); }),
        this, [this, generation](const Result<BuildManifest> &manifest) {
            if (generation != m_generation)
                return;
            if (!manifest) {
                setBusy(Busy::Idle);
                return m_status->showError(manifest.error());
            }
            planBuild(*manifest);
        });
}

void DeployPage::startBuild()
{
    auto project = m_workspace->project(m_project);
    if (!project)
        return m_status->showError(project.error());
    BuildOptions options;
    options.projectDir = project->path;
    options.version = m_versionEdit->text().trimmed();
    options.goPath = m_goPath;
    QStringList archs;
    for (const QString &name : m_servers->checkedNames()) {
        const ServerRecord s = m_servers->server(m_servers->rowOf(name));
        archs << (s.arch.isEmpty() ? u"amd64"_s : s.arch);
    }
    archs.removeDuplicates();
    for (const QString &arch : std::as_const(archs))
        options.targets.append(BuildTarget { u"linux"_s, arch });
    m_buildSettings.applyTo(options);
    m_log->clear();
    m_build = new BackgroundBuild(std::move(options), this);
    connect(m_build, &BackgroundBuild::targetStateChanged, this,
        [this](const QString &key, BuildSession::TargetState state, const QString &detail) {
            m_log->appendPlainText(
                u"[%1] %2 %3"_s.arg(key, BuildSession::stateName(state), detail).trimmed());
        });
    connect(m_build, &BackgroundBuild::finished, this, &DeployPage::onBuilt);
    setBusy(Busy::Building);
    m_status->showNote(tr("Building %1 for %2 if needed…").arg(m_project, archs.join(u", "_s)));
    // Starting Go forks several processes at once on this thread: let the page repaint first.
    QTimer::singleShot(std::chrono::milliseconds(50), m_build, &BackgroundBuild::start);
}

void DeployPage::onBuilt(const BuildResult &result)
{
    if (m_build)
        m_build->deleteLater();
    if (!result.success) {
        setBusy(Busy::Idle);
        m_status->showError(
            result.cancelled ? Error { tr("The build was cancelled."), {}, {} } : result.error);
        return;
    }
    m_output->reloadRecent(); // the build just made is one to pick later
    planBuild(result.manifest);
}

void DeployPage::planBuild(const BuildManifest &manifest)
{
    DeployChoice choice;
    choice.project = m_project;
    choice.app = appName();
    choice.profile = m_profileCombo->currentText();
    choice.servers = m_servers->checkedNames();
    choice.knownHostsFile = m_workspace->knownHostsFile();
    auto planned = DeployPlanner::plan(*m_workspace, choice, manifest);
    if (!planned) {
        setBusy(Busy::Idle);
        return m_status->showError(planned.error());
    }
    setBusy(Busy::Planning);
    m_status->showNote(tr("Reading secrets from the keychain…"));
    const int generation = m_generation;
    whenReady(DeployPlanner::readSecrets(*planned, *m_workspace), this,
        [this, generation](Result<DeployRequest> request) { onSecretsRead(generation, std::move(request)); });
}

void DeployPage::onSecretsRead(int generation, Result<DeployRequest> request)
{
    if (generation != m_generation)
        return;
    if (!request) {
        setBusy(Busy::Idle);
        return m_status->showError(request.error());
    }
    m_request = std::move(*request);
    m_pendingDiffs = int(m_request->hosts.size());
    for (const DeployHost &host : std::as_const(m_request->hosts)) {
        m_diffs.insert(host.server.name, tr("(reading the env file on the server…)"));
        fetchEnvDiff(generation, host);
    }
    m_status->showNote(tr("Comparing the env files on the servers…"));
    showPlan();
}

void DeployPage::fetchEnvDiff(int generation, const DeployHost &host)
{
    EnvDiffReader::read(this, *m_workspace, m_prompter, m_request->app, host, EnvDiff::Secrets::Masked,
        [this, generation, name = host.server.name](
            Result<EnvComparison> compared) { onEnvDiff(generation, name, compared); });
}

void DeployPage::onEnvDiff(int generation, const QString &server, const Result<EnvComparison> &compared)
{
    if (generation != m_generation)
        return;
    QString text = compared ? EnvDiff::format(compared->changes) : compared.error().toString();
    if (compared && !compared->deployed)
        text.prepend(EnvDiff::notDeployed(server) + u'\n');
    m_diffs.insert(server, text);
    m_diffFailures += compared ? 0 : 1;
    showPlan();
    if (--m_pendingDiffs > 0)
        return;
    setBusy(Busy::Idle);
    const bool allRead = m_diffFailures == 0;
    if (allRead)
        m_status->showNote(tr("Review the plan and the env file changes, then press Deploy."));
    else
        m_status->showError({ tr("Some servers could not be reached; see the plan."),
            tr("Check the server on the Servers page, or untick it."), {} });
    emit planReady(allRead);
}

QString DeployPage::planFor(const DeployHost &host) const
{
    const HostPlan plan = DeployPlanText::describe(*m_request, host);
    QStringList lines;
    lines << u"== "_s + plan.title + u" =="_s;
    lines << tr("Plan: %1").arg(plan.steps);
    lines << tr("Env file %1:").arg(plan.envFilePath);
    lines << m_diffs.value(host.server.name);
    return lines.join(u'\n');
}

void DeployPage::showPlan()
{
    QStringList sections;
    for (const DeployHost &host : std::as_const(m_request->hosts))
        sections << planFor(host);
    m_planText->setPlainText(sections.join(u"\n\n"_s));
    m_tabs->setCurrentIndex(0);
    updateButtons();
}

void DeployPage::showUnitFile()
{
    if (!m_request)
        return;
    QList<QPair<QString, QString>> units;
    QString path;
    for (const DeployHost &host : std::as_const(m_request->hosts)) {
        const HostPlan plan = DeployPlanText::describe(*m_request, host);
        units.append({ host.server.name,
            plan.serviceFile ? QString::fromUtf8(*plan.serviceFile) : plan.serviceFile.error().toString() });
        path = plan.serviceFilePath;
    }
    auto *dialog = new UnitFileDialog(units, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// ---- the deploy

void DeployPage::deploy()
{
    if (m_busy != Busy::Idle || !hasPlan())
        return;
    DeployRequest request = *m_request;
    request.batchSize = m_batchSpin->value();
    request.breakLock = m_breakLockCheck->isChecked();
    QStringList hosts;
    for (const DeployHost &host : std::as_const(request.hosts)) {
        connectionTo(host.server); // the prompter learns where each password is remembered
        hosts << host.server.name;
    }
    delete m_run;
    m_run = new DeployRun(std::move(request), m_prompter.get(), this);
    connect(m_run, &DeployRun::event, this, &DeployPage::onDeployEvent);
    connect(m_run, &DeployRun::hostFinished, m_progress, &DeployProgressModel::finish);
    connect(m_run, &DeployRun::finished, this, &DeployPage::onDeployFinished);
    m_progress->setHosts(hosts);
    m_log->clear();
    m_tabs->setCurrentIndex(1);
    setBusy(Busy::Deploying);
    m_status->showNote(tr("Deploying %1 %2 to %n server(s)…", nullptr, int(hosts.size()))
                           .arg(m_request->app, m_request->version));
    m_clock.start();
    m_run->start();
}

void DeployPage::onDeployEvent(const DeployEvent &event)
{
    m_progress->apply(event);
    if (event.state == StepState::Failed)
        m_log->appendPlainText(
            u"[%1] %2: %3"_s.arg(event.host, DeployStepNames::title(event.step), event.detail));
}

void DeployPage::cancel()
{
    if (m_busy == Busy::Building && m_build)
        m_build->cancel();
    if (m_busy == Busy::Building && !m_build) { // checking a build folder: its answer is dropped
        ++m_generation;
        setBusy(Busy::Idle);
        m_status->showNote(tr("Cancelled."));
    }
    if (m_busy == Busy::Deploying && m_run) {
        m_run->cancel();
        m_status->showNote(tr("Cancelling: servers that have not switched yet stop; switched ones finish."));
    }
}

void DeployPage::onDeployFinished(bool success)
{
    const DeployRequest &request = m_run->request();
    if (auto saved = m_workspace->addDeployment(
            DeployPlanner::historyRecord(request, m_run->outcomes(), m_clock.elapsed()));
        !saved)
        m_log->appendPlainText(saved.error().toString());
    const QString first = request.hosts.isEmpty() ? QString() : request.hosts.first().server.name;
    invalidatePlan(); // the env files changed: review again before the next deploy
    setBusy(Busy::Idle);
    showOutcomes();
    if (!first.isEmpty())
        m_releasesPanel->showServer(first);
    emit deployFinished(success);
}

void DeployPage::showOutcomes()
{
    const DeployRequest &request = m_run->request();
    QStringList live;
    const HostOutcome *failed = nullptr;
    for (const HostOutcome &o : m_run->outcomes()) {
        if (o.success) {
            live << tr("%1 (release %2)").arg(o.host).arg(o.release);
            continue;
        }
        failed = failed ? failed : &o;
        m_log->appendPlainText(tr("%1 failed: %2 %3").arg(o.host, o.error.message, o.error.hint));
        if (o.healthStatus)
            m_log->appendPlainText(tr("Last health answer: HTTP %1 %2")
                                       .arg(o.healthStatus)
                                       .arg(QString::fromUtf8(o.healthBody.left(200)).simplified()));
        if (!o.lastLogLines.isEmpty())
            m_log->appendPlainText(tr("Last log lines of %1:").arg(o.host));
        for (const QString &line : o.lastLogLines)
            m_log->appendPlainText(u"    | "_s + line);
    }
    if (!failed)
        return m_status->showNote(
            tr("%1 %2 is live on %3.").arg(request.app, request.version, live.join(u", "_s)));
    Error error = failed->error;
    error.message = tr("%1: %2").arg(failed->host, error.message);
    if (failed->rolledBack)
        error.message += u' ' + tr("The previous release serves again.");
    if (!failed->lastLogLines.isEmpty())
        error.cause = failed->lastLogLines.join(u'\n');
    m_status->showError(error);
}

} // namespace Gantry
