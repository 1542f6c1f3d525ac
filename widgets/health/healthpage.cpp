#include "widgets/health/healthpage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/deploy/deployplanner.h"
#include "core/deploy/serviceops.h"
#include "core/monitor/monitorhub.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/messageboxes.h"
#include "widgets/health/eventlistmodel.h"
#include "widgets/health/servicedetaildialog.h"
#include "widgets/health/servicestatusmodel.h"
#include "widgets/health/sparklinedelegate.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/hostkeyquestion.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

HealthPage::HealthPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::make_shared<GuiPrompter>(this))
    , m_hub(new MonitorHub(workspace, this))
    , m_model(new ServiceStatusModel(this))
    , m_events(new EventListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"hostSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(createActions());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(createTable());
    split->addWidget(createEvents());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_status = new ErrorPanel(this);
    m_status->setObjectName(u"healthStatus"_s);
    layout->addWidget(m_status);
    m_hub->setConnectionFor([this](const ServerRecord &server) {
        HostConnection connection = m_prompter->connectionTo(*m_workspace, server);
        connection.keepAlive = m_prompter; // a stopped monitor's worker may still ask it
        return connection;
    });
    connect(m_hub, &MonitorHub::snapshotReady, this, &HealthPage::onSnapshot);
    connect(m_hub, &MonitorHub::alertRaised, m_events, &EventListModel::prepend);
    connect(m_hub, &MonitorHub::problem, this, [this](const QString &text) { m_status->showNote(text); });
    if (m_workspace)
        if (auto stored = m_workspace->events(EventListModel::MaxEvents))
            m_events->setEvents(*stored);
    setEnabled(workspace != nullptr);
    updateHostSummary();
    updateButtons();
    // scripts/screenshots.sh shows a service with samples: it has no server to watch.
    if (const QString seed = qEnvironmentVariable("GANTRY_SCREENSHOT_HEALTH"); !seed.isEmpty())
        QTimer::singleShot(0, this, [this, seed] { seedForScreenshots(seed); });
}

HealthPage::~HealthPage()
{
    // Workers blocked on a password question are released, then joined before the prompter goes.
    m_prompter->declineAll();
    delete m_hub;
    m_hub = nullptr;
}

QWidget *HealthPage::createActions()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString &name, const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, box);
        b->setObjectName(name);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    m_refreshButton = button(u"refreshHealthButton"_s, tr("Refre&sh"), tr("Ask every server again now"),
        [this] { m_hub->refreshNow(); });
    row->addSpacing(12);
    m_startButton = button(
        u"startServiceButton"_s, tr("S&tart"), tr("Start the selected service"), &HealthPage::startService);
    m_stopButton = button(
        u"stopServiceButton"_s, tr("St&op…"), tr("Stop the selected service"), &HealthPage::stopService);
    m_restartButton = button(u"restartServiceButton"_s, tr("&Restart…"), tr("Restart the selected service"),
        &HealthPage::restartService);
    m_rollbackButton = button(u"rollBackServiceButton"_s, tr("Roll &Back…"),
        tr("Switch the selected service back to its previous good release"), &HealthPage::rollBack);
    m_logsButton = button(u"openLogsButton"_s, tr("Open &Logs"), tr("Show the selected service's journal"),
        &HealthPage::openLogs);
    m_detailsButton = button(u"detailsButton"_s, tr("&Details…"),
        tr("Charts of the selected service over time"), &HealthPage::showDetails);
    row->addStretch(1);
    return box;
}

QWidget *HealthPage::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"serviceTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(ServiceStatusModel::HealthColumn,
        new SparklineDelegate(ServiceStatusModel::LatencyHistoryRole, m_table));
    const int unit = fontMetrics().averageCharWidth();
    for (const auto &[column, chars] :
        { std::pair { 0, 14 }, { 1, 16 }, { 2, 13 }, { 3, 10 }, { 4, 12 }, { 5, 8 }, { 6, 8 }, { 7, 10 } })
        m_table->setColumnWidth(column, chars * unit + 16);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HealthPage::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, &HealthPage::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HealthPage::updateButtons);
    return m_table;
}

QWidget *HealthPage::createEvents()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Alerts and recoveries, newest first:"), box);
    m_eventView = new QTreeView(box);
    m_eventView->setObjectName(u"eventView"_s);
    m_eventView->setRootIsDecorated(false);
    m_eventView->setModel(m_events);
    m_eventView->setUniformRowHeights(true);
    m_eventView->header()->setStretchLastSection(true);
    m_eventView->setColumnWidth(
        EventListModel::TimeColumn, fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00"_s) + 16);
    title->setBuddy(m_eventView);
    layout->addWidget(title);
    layout->addWidget(m_eventView, 1);
    return box;
}

void HealthPage::startMonitoring()
{
    if (!m_workspace)
        return;
    const int servers = m_hub->start();
    for (const QString &name : m_hosts.keys())
        if (!m_hub->servers().contains(name))
            m_hosts.remove(name);
    if (servers == 0)
        m_model->clear();
    updateHostSummary();
}

void HealthPage::stopMonitoring()
{
    m_hub->stop();
}

void HealthPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_hub->reloadServices();
}

void HealthPage::onSnapshot(const HostSnapshot &snapshot)
{
    m_hosts.insert(snapshot.server, snapshot);
    m_model->applySnapshot(snapshot);
    updateHostSummary();
}

QString HealthPage::hostSummary() const
{
    return m_summary->text();
}

QString HealthPage::statusText() const
{
    return m_status->text();
}

void HealthPage::updateHostSummary()
{
    if (m_hosts.isEmpty()) {
        m_summary->setText(m_hub->isRunning()
                ? tr("Asking your servers…")
                : tr("No server is watched yet. Add one on the Servers page; its services show here."));
        return;
    }
    QStringList parts;
    for (const HostSnapshot &h : std::as_const(m_hosts)) {
        const bool online = h.state == HostState::Online;
        QString part = u"<span style=\"color:%1\">●</span> <b>%2</b> "_s.arg(
            ServiceStatusModel::stateColor(online ? u"active"_s : u"unreachable"_s).name(),
            h.server.toHtmlEscaped());
        part += online ? tr("online, %n service(s)", nullptr, int(h.units.size()))
                       : tr("unreachable: %1").arg(h.problem.message.toHtmlEscaped());
        if (h.journalBytes)
            part += u", "_s + tr("journal %1").arg(QLocale().formattedDataSize(*h.journalBytes));
        if (h.journalWarning)
            part += u" <span style=\"color:#cf222e\">"_s +
                tr("(too large or its disk %1% full: shrink it with journalctl --vacuum-size=500M)")
                    .arg(h.journalFsUsePercent.value_or(0)) +
                u"</span>"_s;
        parts << part;
    }
    m_summary->setText(parts.join(u"<br>"_s));
}

int HealthPage::currentRow() const
{
    return m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
}

void HealthPage::selectRow(int row)
{
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void HealthPage::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void HealthPage::updateButtons()
{
    const int row = currentRow();
    const UnitSnapshot unit = m_model->unit(row);
    const bool ready = !m_busy && row >= 0 && !unit.unit.isEmpty() && !m_model->isUnreachable(row);
    m_startButton->setEnabled(ready && unit.activeState != u"active"_s);
    m_stopButton->setEnabled(ready && unit.activeState != u"inactive"_s && unit.activeState != u"failed"_s);
    m_restartButton->setEnabled(ready);
    m_rollbackButton->setEnabled(ready && unit.release > 1);
    m_logsButton->setEnabled(row >= 0 && !unit.project.isEmpty());
    m_detailsButton->setEnabled(row >= 0 && !unit.unit.isEmpty());
    m_refreshButton->setEnabled(m_hub->isRunning());
}

Result<HostConnection> HealthPage::connectionTo(const QString &server) const
{
    auto record = m_workspace->server(server);
    if (!record)
        return std::unexpected(record.error());
    return m_prompter->connectionTo(*m_workspace, *record);
}

QString HealthPage::profileOf(const QString &project, const QString &server) const
{
    if (auto deployments = m_workspace->deployments(project))
        for (const DeploymentRecord &d : *deployments)
            if (d.hosts.contains(server))
                return d.profile;
    return u"prod"_s;
}

DeploySettings HealthPage::settingsOf(const UnitSnapshot &unit, const QString &server) const
{
    if (!unit.project.isEmpty())
        if (auto resolved = m_workspace->resolve(unit.project, profileOf(unit.project, server), server))
            return resolved->settings;
    return DeploySettings::defaults(unit.app);
}

void HealthPage::startService()
{
    const int row = currentRow();
    if (row >= 0)
        runServiceControl(u"start"_s, m_model->server(row), m_model->unit(row));
}

void HealthPage::stopService()
{
    askThenRun(u"stop"_s);
}

void HealthPage::restartService()
{
    askThenRun(u"restart"_s);
}

void HealthPage::askThenRun(const QString &verb)
{
    const int row = currentRow();
    if (row < 0 || m_busy)
        return;
    const QString server = m_model->server(row);
    const UnitSnapshot unit = m_model->unit(row);
    const QString name = unit.app.isEmpty() ? unit.unit : unit.app;
    const bool stop = verb == u"stop"_s;
    MessageBoxes::Question question;
    question.title = stop ? tr("Stop Service") : tr("Restart Service");
    question.text = stop ? tr("Stop %1 on %2?").arg(name, server) : tr("Restart %1 on %2?").arg(name, server);
    question.informative = stop ? tr("It stops answering requests until you start it again.")
                                : tr("It does not answer requests for the moment it takes to start again.");
    question.acceptText = stop ? tr("&Stop %1").arg(name) : tr("&Restart %1").arg(name);
    question.icon = QMessageBox::Warning;
    MessageBoxes::ask(this, question, [this, verb, server, unit](bool yes) {
        if (yes)
            runServiceControl(verb, server, unit);
    });
}

void HealthPage::runServiceControl(const QString &verb, const QString &server, const UnitSnapshot &unit)
{
    auto c = connectionTo(server);
    if (!c)
        return m_status->showError(c.error());
    setBusy(true);
    m_status->showNote(tr("%1: %2 %3…").arg(server, verb, unit.unit));
    QString app = unit.unit;
    app.remove(0, int(qstrlen("gantry-")));
    if (app.endsWith(u".service"_s))
        app.chop(int(qstrlen(".service")));
    const std::function<Result<QString>(RemoteHost &)> body = [verb, app](
                                                                  RemoteHost &host) -> Result<QString> {
        // The server's own service manager does it (systemd or supervisor).
        if (auto ran = ServiceOps::control(host, app, DeploySettings::defaults(app), verb); !ran)
            return std::unexpected(ran.error());
        return QString();
    };
    const QString done = verb == u"start"_s ? tr("%1: %2 was started.").arg(server, unit.unit)
        : verb == u"stop"_s                 ? tr("%1: %2 was stopped.").arg(server, unit.unit)
                                            : tr("%1: %2 was restarted.").arg(server, unit.unit);
    runTrusting<QString>(this, *c, m_prompter, body,
        [this, done](Result<QString> result) { finish(result ? Result<QString>(done) : result); });
}

void HealthPage::rollBack()
{
    const int row = currentRow();
    if (row < 0 || m_busy)
        return;
    const QString server = m_model->server(row);
    const UnitSnapshot unit = m_model->unit(row);
    auto c = connectionTo(server);
    if (!c)
        return m_status->showError(c.error());
    setBusy(true);
    m_status->showNote(tr("%1: reading the releases of %2…").arg(server, unit.unit));
    const std::function<Result<QList<ReleaseInfo>>(RemoteHost &)> body = [app = unit.app](RemoteHost &host) {
        return ServiceOps::releases(host, app);
    };
    runTrusting<QList<ReleaseInfo>>(
        this, *c, m_prompter, body, [this, server, unit](Result<QList<ReleaseInfo>> releases) {
            confirmRollBack(server, unit, releases);
        });
}

void HealthPage::confirmRollBack(
    const QString &server, const UnitSnapshot &unit, const Result<QList<ReleaseInfo>> &releases)
{
    setBusy(false);
    if (!releases)
        return m_status->showError(releases.error());
    const ReleaseInfo *current = nullptr;
    const ReleaseInfo *target = nullptr;
    for (const ReleaseInfo &r : *releases)
        if (r.isCurrent)
            current = &r;
    for (const ReleaseInfo &r : *releases)
        if (r.exists && !r.incomplete && !r.isCurrent && r.status != ReleaseStatus::Bad &&
            r.status != ReleaseStatus::Failed && (!current || r.n < current->n) &&
            (!target || r.n > target->n))
            target = &r;
    if (!target)
        return m_status->showError(
            { tr("%1 on %2 has no earlier good release to go back to.").arg(unit.unit, server),
                tr("Deploy the version you want instead."), {} });
    MessageBoxes::Question question;
    question.title = tr("Roll Back");
    question.text = tr("Roll %1 on %2 back to version %3 (release %4)?")
                        .arg(unit.app, server, target->version)
                        .arg(target->n);
    question.informative = tr("The service restarts on version %1 and must pass its health check. Version %2 "
                              "is marked bad and never picked again.")
                               .arg(target->version, current ? current->version : unit.version);
    question.acceptText = tr("&Roll Back to %1").arg(target->version);
    question.icon = QMessageBox::Warning;
    MessageBoxes::ask(
        this, question, [this, server, unit, n = target->n, version = target->version](bool yes) {
            if (yes)
                runRollBack(server, unit, n, version);
        });
}

void HealthPage::runRollBack(
    const QString &server, const UnitSnapshot &unit, int release, const QString &version)
{
    auto c = connectionTo(server);
    if (!c)
        return m_status->showError(c.error());
    setBusy(true);
    m_status->showNote(tr("Rolling %1 on %2 back to version %3…").arg(unit.app, server, version));
    const std::function<Result<QString>(RemoteHost &)> body = [app = unit.app, s = settingsOf(unit, server),
                                                                  release, who = DeployPlanner::who()](
                                                                  RemoteHost &host) -> Result<QString> {
        auto now = ServiceOps::rollback(host, app, release, s, who, false);
        if (!now)
            return std::unexpected(now.error());
        return QString::number(*now);
    };
    runTrusting<QString>(this, *c, m_prompter, body, [this, server, unit, version](Result<QString> result) {
        if (result && !unit.project.isEmpty())
            m_workspace->addDeployment({ 0, DeployPlanner::who(), QDateTime::currentDateTimeUtc(),
                unit.project, version, profileOf(unit.project, server), { server }, u"rollback"_s, 0, {} });
        finish(result
                ? Result<QString>(
                      tr("%1: %2 serves version %3 again and is healthy.").arg(server, unit.app, version))
                : result);
    });
}

void HealthPage::finish(const Result<QString> &result)
{
    setBusy(false);
    if (result)
        m_status->showNote(*result);
    else
        m_status->showError(result.error());
    m_hub->refreshNow();
    emit actionFinished(result.has_value());
}

void HealthPage::openLogs()
{
    const int row = currentRow();
    const UnitSnapshot unit = m_model->unit(row);
    if (row >= 0 && !unit.project.isEmpty())
        emit logsRequested(unit.project, m_model->server(row));
}

void HealthPage::showDetails()
{
    const int row = currentRow();
    if (row < 0 || m_model->unit(row).unit.isEmpty())
        return;
    auto *dialog = new ServiceDetailDialog(
        m_model->server(row), m_model->unit(row), m_model->samples(row), m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// Refreshes of one service as "server<TAB>app<TAB>ISO time<TAB>latency ms<TAB>CPU %<TAB>memory bytes",
// for screenshots of the page and its details with content and no server; the last row is selected.
void HealthPage::seedForScreenshots(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    QDateTime started;
    while (!file.atEnd()) {
        const QStringList f = QString::fromUtf8(file.readLine().trimmed()).split(u'\t');
        if (f.size() != 6)
            continue;
        HostSnapshot snapshot;
        snapshot.server = f.at(0);
        snapshot.state = HostState::Online;
        snapshot.time = QDateTime::fromString(f.at(2), Qt::ISODate);
        if (!started.isValid())
            started = snapshot.time.addSecs(-2 * 3600);
        snapshot.units = { seededUnit(f, started.msecsTo(snapshot.time)) };
        m_hub->accept(snapshot);
    }
    selectRow(m_model->rowCount() - 1);
}

UnitSnapshot HealthPage::seededUnit(const QStringList &fields, qint64 uptimeMSec)
{
    UnitSnapshot unit;
    unit.project = unit.app = fields.at(1);
    unit.unit = u"gantry-%1.service"_s.arg(fields.at(1));
    unit.loadState = u"loaded"_s;
    unit.activeState = u"active"_s;
    unit.subState = u"running"_s;
    unit.release = 3;
    unit.version = u"1.2.0"_s;
    unit.uptimeMSec = uptimeMSec;
    unit.healthProbed = true;
    unit.healthStatus = 200;
    unit.healthLatencyMs = fields.at(3).toInt();
    unit.cpuPercent = fields.at(4).toDouble();
    unit.memoryBytes = fields.at(5).toULongLong();
    return unit;
}

} // namespace Gantry
