#include "core/monitor/monitorhub.h"

#include <QDir>
#include <QFileInfo>

#include "core/monitor/alertwebhook.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

MonitorHub::MonitorHub(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

MonitorHub::~MonitorHub() = default;

void MonitorHub::setConnectionFor(ConnectionFor connectionFor)
{
    m_connectionFor = std::move(connectionFor);
}

void MonitorHub::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
}

QList<MonitoredService> MonitorHub::servicesOn(const Workspace &workspace, const QString &server)
{
    QList<MonitoredService> services;
    const auto projects = workspace.projects();
    if (!projects)
        return services;
    for (const ProjectRecord &project : *projects) {
        const auto deployments = workspace.deployments(project.name);
        if (!deployments)
            continue;
        const auto last = std::ranges::find_if(
            *deployments, [&](const DeploymentRecord &d) { return d.hosts.contains(server); });
        if (last == deployments->end())
            continue;
        MonitoredService service;
        service.project = project.name;
        service.app = project.appName();
        if (auto resolved = workspace.resolve(project.name, last->profile, server)) {
            service.port = resolved->settings.servicePort;
            service.healthPath = resolved->settings.healthPath;
            service.healthTimeout = std::chrono::seconds(resolved->settings.healthTimeoutSecs);
        }
        services << service;
    }
    return services;
}

HostConnection MonitorHub::connectionTo(const ServerRecord &server) const
{
    if (m_connectionFor)
        return m_connectionFor(server);
    return HostConnection::to(*m_workspace, server);
}

int MonitorHub::start()
{
    stop();
    if (!m_workspace)
        return 0;
    const auto servers = m_workspace->servers();
    if (!servers) {
        emit problem(servers.error().message);
        return 0;
    }
    openWebhook();
    for (const ServerRecord &server : *servers) {
        HostMonitor::Options options;
        options.interval = m_interval;
        options.connectTimeout = m_connectTimeout;
        options.workspaceDir = m_workspace->dir();
        auto monitor = std::make_unique<HostMonitor>(
            connectionTo(server), servicesOn(*m_workspace, server.name), options);
        connect(monitor.get(), &HostMonitor::snapshotReady, this, &MonitorHub::accept);
        monitor->start();
        m_monitors.push_back(std::move(monitor));
    }
    return int(m_monitors.size());
}

void MonitorHub::stop()
{
    if (m_monitors.empty())
        return;
    m_monitors.clear(); // HostMonitor::stop() does not wait for a worker in a connect
}

void MonitorHub::refreshNow()
{
    for (const auto &monitor : m_monitors)
        monitor->refreshNow();
}

void MonitorHub::reloadServices()
{
    if (!m_workspace)
        return;
    for (const auto &monitor : m_monitors)
        monitor->setServices(servicesOn(*m_workspace, monitor->server()));
}

QStringList MonitorHub::servers() const
{
    QStringList names;
    for (const auto &monitor : m_monitors)
        names << monitor->server();
    return names;
}

void MonitorHub::openWebhook()
{
    delete m_webhook;
    m_webhook = nullptr;
    const Result<QString> url = m_workspace->webhookUrl();
    if (!url || url->isEmpty())
        return;
    m_webhook = new AlertWebhook(QUrl(*url), this);
    connect(m_webhook, &AlertWebhook::delivered, this, [this, url = *url](qint64 id, const QString &error) {
        if (!error.isEmpty())
            emit problem(tr("Alert %1 could not be posted to the webhook %2: %3. Check the webhook URL "
                            "in the workspace (gantryctl events --webhook URL).")
                             .arg(id)
                             .arg(url, error));
    });
}

void MonitorHub::accept(const HostSnapshot &snapshot)
{
    QList<EventRecord> events = m_engine.feed(snapshot);
    emit snapshotReady(snapshot);
    if (events.isEmpty())
        return;
    if (m_workspace)
        if (auto stored = m_workspace->addEvents(events); !stored)
            emit problem(stored.error().message);
    for (const EventRecord &event : std::as_const(events)) {
        if (m_webhook)
            m_webhook->post(event);
        emit alertRaised(event);
    }
}

} // namespace Gantry
