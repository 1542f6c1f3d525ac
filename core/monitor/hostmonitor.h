#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include "core/common/error.h"
#include "core/remote/hosttask.h"

namespace Gantry {

// A service the caller expects on a server, with the health check of its resolved profile.
struct MonitoredService {
    QString project;
    QString app; // gantry-<app>.service
    int port = 8080;
    QString healthPath = QStringLiteral("/healthz");
    std::chrono::milliseconds healthTimeout { 3000 };
};

// One Gantry unit at one refresh.
struct UnitSnapshot {
    QString project; // empty for a Gantry unit no monitored service names
    QString app;
    QString unit; // gantry-<app>.service
    QString loadState; // "loaded"; "not-found" when the expected unit is not installed
    QString activeState; // active, failed, activating, inactive ...
    QString subState;
    qint64 mainPid = 0;
    int restarts = 0; // NRestarts
    std::optional<qint64> uptimeMSec;
    std::optional<double> cpuPercent; // of one core, since the previous refresh
    std::optional<quint64> memoryBytes;
    bool usageOfMainProcess = false; // CPU and memory are the main process's, not the unit's
    int release = 0; // current release number; 0 when unknown
    QString version;
    bool healthProbed = false; // only active units with a monitored service are probed
    int healthStatus = 0; // HTTP status; 0 when there was no answer
    int healthLatencyMs = -1;
    QString healthError; // why the probe failed, for people

    bool healthy() const { return healthProbed && healthStatus >= 200 && healthStatus < 400; }
};

enum class HostState { Connecting, Online, Unreachable };

// What one refresh of one server found.
struct HostSnapshot {
    QString server;
    HostState state = HostState::Connecting;
    Error problem; // why the server is unreachable
    QDateTime time; // local clock, UTC, when the answer arrived
    QList<UnitSnapshot> units; // sorted by unit
    std::optional<qint64>
        journalBytes; // read every Options::journalEvery refreshes; the last reading between
    std::optional<int> journalFsUsePercent;
    bool journalWarning = false; // the journal is large or its disk nearly full
    int remoteCommands = 0; // commands this refresh ran on the server (one)
    qint64 cycleMSec = 0; // status query and health probes
    int failures = 0; // failed refreshes in a row
    std::chrono::milliseconds nextRefresh { 0 };

    const UnitSnapshot *unit(const QString &app) const; // nullptr when absent
};

// Watches one server from a worker thread of its own, which owns the SSH session: each refresh
// is one remote command for every Gantry unit there (HostStatusQuery), then an HTTP probe per
// monitored service through the session. The next refresh is planned only after the answer, so
// a slow server never piles up refreshes; an unreachable one is retried with exponential backoff
// and never holds up the monitors of other servers. Health samples go to the workspace.
//
// For a dashboard model: connect snapshotReady (queued to the monitor's thread); each snapshot
// replaces the server's rows. Feed it to AlertEngine for events.
class HostMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMonitor)
public:
    struct Options {
        std::chrono::milliseconds interval { 5000 };
        std::chrono::milliseconds maxBackoff { 60000 };
        std::chrono::seconds connectTimeout { 5 };
        QString workspaceDir; // health samples go to this workspace; empty for none
        int journalEvery = 60; // refreshes between reads of the journal's disk use (first one too)
        qint64 journalWarnBytes = qint64(2) << 30;
        int journalWarnFsPercent = 90;
    };

    HostMonitor(HostConnection connection, QList<MonitoredService> services, Options options,
        QObject *parent = nullptr);
    ~HostMonitor() override; // stops

    QString server() const;
    void start();
    // No snapshot arrives after this returns, and it does not wait: the worker ends by itself,
    // at the latest before the application object goes (HostConnection::keepAlive keeps what it
    // uses alive).
    void stop();
    void refreshNow(); // skips the rest of the current wait
    // What to probe from the next refresh on (a deploy added a service, or changed its health
    // path); refreshes now. Until start(), and after stop(), for the next start().
    void setServices(QList<MonitoredService> services);

    // The delay before retry number `failures` (1 = after the first failure): the interval,
    // doubled each time, at most maxBackoff.
    static std::chrono::milliseconds backoff(
        int failures, std::chrono::milliseconds interval, std::chrono::milliseconds maxBackoff);

signals:
    void snapshotReady(const Gantry::HostSnapshot &snapshot);

private:
    struct Worker;
    std::shared_ptr<Worker> m_worker;
    QThread *m_thread = nullptr;
};

} // namespace Gantry
