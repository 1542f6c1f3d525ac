#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include "core/monitor/hostmonitor.h"
#include "core/store/records.h"

namespace Gantry {

// Turns the snapshots of HostMonitor into alerts, each raised once when its condition starts,
// and a recovery event when it ends: no storm while a condition lasts. Pure logic, fed on any
// one thread. A unit first seen failed, or a server first seen unreachable, raises its alert
// (a monitor assumes what it watches was fine).
class AlertEngine final {
    Q_DECLARE_TR_FUNCTIONS(AlertEngine)
public:
    enum class Kind {
        Failed, // active (or any state but failed) -> failed
        Recovered, // failed -> active
        Flapping, // NRestarts went up
        Stable, // no restart for Options::stableRefreshes refreshes after flapping
        HealthFailing, // Options::healthFailures failed probes in a row
        HealthRecovered,
        Unreachable, // the server could not be asked
        Reachable,
    };

    struct Options {
        int healthFailures = 3;
        int stableRefreshes = 12; // a minute at the default 5 s
        int keepEvents = 1000; // events() keeps the newest
    };

    explicit AlertEngine(Options options);
    AlertEngine();

    // The events this snapshot starts or ends, oldest first (ids 0: the store sets them).
    QList<EventRecord> feed(const HostSnapshot &snapshot);
    // Every event fed so far, oldest first, at most Options::keepEvents.
    const QList<EventRecord> &events() const { return m_events; }

    static QString kindName(Kind kind); // "failed", "health-failing" ... as the store keeps them
    static bool isRecovery(Kind kind);

private:
    struct UnitTrack {
        QString activeState;
        int restarts = -1;
        int healthFailures = 0;
        int quietRefreshes = 0;
        bool failed = false;
        bool flapping = false;
        bool healthFailing = false;
    };
    struct HostTrack {
        bool unreachable = false;
        QHash<QString, UnitTrack> units; // by unit id
    };

    void trackUnit(
        const HostSnapshot &host, const UnitSnapshot &unit, UnitTrack &track, QList<EventRecord> &out) const;
    void trackHealth(
        const HostSnapshot &host, const UnitSnapshot &unit, UnitTrack &track, QList<EventRecord> &out) const;
    static EventRecord event(
        const HostSnapshot &host, const UnitSnapshot *unit, Kind kind, const QString &message);

    Options m_options;
    QHash<QString, HostTrack> m_hosts;
    QList<EventRecord> m_events;
};

} // namespace Gantry
