#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

#include "core/monitor/alertengine.h"
#include "core/monitor/hostmonitor.h"
#include "core/store/records.h"

namespace Gantry {

class AlertWebhook;
class Workspace;

// Watches every server of a workspace for the app: one HostMonitor per server (each on its own
// worker thread), with the services of the projects deployed there, whose health checks come
// from the profile they were last deployed with. Every snapshot goes through one AlertEngine;
// its events are stored in the workspace, POSTed to the workspace's webhook when one is set,
// and announced. Signals arrive on the thread that owns the hub.
class MonitorHub final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorHub)
public:
    using ConnectionFor = std::function<HostConnection(const ServerRecord &)>;

    // `workspace` belongs to the hub's thread and must outlive it.
    explicit MonitorHub(Workspace *workspace, QObject *parent = nullptr);
    ~MonitorHub() override; // stops

    // How a monitor reaches a server (prompter, known hosts); default: the workspace's known_hosts.
    void setConnectionFor(ConnectionFor connectionFor);
    void setInterval(std::chrono::milliseconds interval); // applies from the next start()
    std::chrono::milliseconds interval() const { return m_interval; }
    void setConnectTimeout(std::chrono::seconds timeout) { m_connectTimeout = timeout; }

    // (Re)reads the workspace's servers and projects and starts a monitor per server.
    // Returns the number of servers watched (0 when the workspace has none).
    int start();
    // Without waiting (HostMonitor::stop() does not); no snapshot arrives after this.
    void stop();
    void refreshNow();
    // Re-reads which services each watched server runs (after a deploy) and refreshes now,
    // without reconnecting.
    void reloadServices();
    bool isRunning() const { return !m_monitors.empty(); }
    QStringList servers() const;

    // The services a monitor of `server` expects: one per project with a deployment there.
    static QList<MonitoredService> servicesOn(const Workspace &workspace, const QString &server);

    // What a monitor's snapshot goes through: alerts, store, webhook, signals. Public for tests.
    void accept(const HostSnapshot &snapshot);

signals:
    void snapshotReady(const Gantry::HostSnapshot &snapshot);
    void alertRaised(const Gantry::EventRecord &event);
    // The events could not be stored or the webhook refused one: a sentence for people.
    void problem(const QString &message);

private:
    void openWebhook();
    HostConnection connectionTo(const ServerRecord &server) const;

    Workspace *m_workspace = nullptr;
    ConnectionFor m_connectionFor;
    std::chrono::milliseconds m_interval { 5000 };
    std::chrono::seconds m_connectTimeout { 5 };
    std::vector<std::unique_ptr<HostMonitor>> m_monitors;
    AlertEngine m_engine;
    AlertWebhook *m_webhook = nullptr;
};

} // namespace Gantry
