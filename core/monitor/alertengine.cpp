#include "core/monitor/alertengine.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Gantry {

AlertEngine::AlertEngine(Options options)
    : m_options(options)
{
}

AlertEngine::AlertEngine()
    : AlertEngine(Options {})
{
}

QString AlertEngine::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Failed:
        return u"failed"_s;
    case Kind::Recovered:
        return u"recovered"_s;
    case Kind::Flapping:
        return u"flapping"_s;
    case Kind::Stable:
        return u"stable"_s;
    case Kind::HealthFailing:
        return u"health-failing"_s;
    case Kind::HealthRecovered:
        return u"health-ok"_s;
    case Kind::Unreachable:
        return u"unreachable"_s;
    case Kind::Reachable:
        return u"reachable"_s;
    }
    return {};
}

bool AlertEngine::isRecovery(Kind kind)
{
    return kind == Kind::Recovered || kind == Kind::Stable || kind == Kind::HealthRecovered ||
        kind == Kind::Reachable;
}

EventRecord AlertEngine::event(
    const HostSnapshot &host, const UnitSnapshot *unit, Kind kind, const QString &message)
{
    EventRecord e;
    e.time = host.time.isValid() ? host.time : QDateTime::currentDateTimeUtc();
    e.server = host.server;
    if (unit) {
        e.unit = unit->unit;
        e.project = unit->project;
    }
    e.kind = kindName(kind);
    e.recovery = isRecovery(kind);
    e.message = message;
    return e;
}

QList<EventRecord> AlertEngine::feed(const HostSnapshot &snapshot)
{
    QList<EventRecord> out;
    HostTrack &host = m_hosts[snapshot.server];
    if (snapshot.state == HostState::Unreachable) {
        if (!host.unreachable)
            out << event(snapshot, nullptr, Kind::Unreachable,
                tr("%1 cannot be reached: %2").arg(snapshot.server, snapshot.problem.message));
        host.unreachable = true;
    } else if (snapshot.state == HostState::Online) {
        if (host.unreachable)
            out << event(snapshot, nullptr, Kind::Reachable, tr("%1 answers again.").arg(snapshot.server));
        host.unreachable = false;
        QSet<QString> present;
        for (const UnitSnapshot &unit : snapshot.units) {
            present.insert(unit.unit);
            trackUnit(snapshot, unit, host.units[unit.unit], out);
        }
        for (auto it = host.units.begin(); it != host.units.end();)
            it = present.contains(it.key()) ? std::next(it) : host.units.erase(it);
    }
    m_events << out;
    if (m_events.size() > m_options.keepEvents)
        m_events.remove(0, m_events.size() - m_options.keepEvents);
    return out;
}

void AlertEngine::trackUnit(
    const HostSnapshot &host, const UnitSnapshot &unit, UnitTrack &track, QList<EventRecord> &out) const
{
    const bool failed = unit.activeState == u"failed"_s;
    if (failed && !track.failed)
        out << event(host, &unit, Kind::Failed,
            track.activeState.isEmpty()
                ? tr("%1 on %2 has failed.").arg(unit.unit, host.server)
                : tr("%1 on %2 went from %3 to failed.").arg(unit.unit, host.server, track.activeState));
    else if (track.failed && unit.activeState == u"active"_s)
        out << event(
            host, &unit, Kind::Recovered, tr("%1 on %2 is active again.").arg(unit.unit, host.server));
    if (failed || unit.activeState == u"active"_s)
        track.failed = failed;

    if (track.restarts >= 0 && unit.restarts > track.restarts) {
        if (!track.flapping)
            out << event(host, &unit, Kind::Flapping,
                tr("%1 on %2 restarted %n time(s) since the last check.", nullptr,
                    unit.restarts - track.restarts)
                    .arg(unit.unit, host.server));
        track.flapping = true;
        track.quietRefreshes = 0;
    } else if (track.flapping && ++track.quietRefreshes >= m_options.stableRefreshes) {
        track.flapping = false;
        out << event(host, &unit, Kind::Stable,
            tr("%1 on %2 has not restarted for %n check(s).", nullptr, m_options.stableRefreshes)
                .arg(unit.unit, host.server));
    }
    track.restarts = unit.restarts;
    track.activeState = unit.activeState;
    trackHealth(host, unit, track, out);
}

void AlertEngine::trackHealth(
    const HostSnapshot &host, const UnitSnapshot &unit, UnitTrack &track, QList<EventRecord> &out) const
{
    if (!unit.healthProbed)
        return; // a unit that is not running is not probed: its state says enough
    if (unit.healthy()) {
        if (track.healthFailing)
            out << event(host, &unit, Kind::HealthRecovered,
                tr("%1 on %2 passes its health check again.").arg(unit.unit, host.server));
        track.healthFailing = false;
        track.healthFailures = 0;
        return;
    }
    if (++track.healthFailures >= m_options.healthFailures && !track.healthFailing) {
        track.healthFailing = true;
        out << event(host, &unit, Kind::HealthFailing,
            tr("%1 on %2 failed its health check %n time(s) in a row: %3", nullptr, track.healthFailures)
                .arg(unit.unit, host.server, unit.healthError));
    }
}

} // namespace Gantry
