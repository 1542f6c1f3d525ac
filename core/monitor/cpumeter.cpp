#include "core/monitor/cpumeter.h"

#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// How far the wall clock and the uptime clock may drift apart between two reports before the
// wall clock counts as set (the uptime clock ticks in 10 ms steps, and `date` and
// /proc/uptime are read a few milliseconds apart).
constexpr qint64 ClockStepToleranceMSec = 250;

bool runs(const UnitStatus &unit)
{
    return unit.activeState == u"active" || unit.activeState == u"reloading";
}

bool clockWasSet(const CpuSample &before, const CpuSample &now, qint64 wallNSec)
{
    if (before.uptimeMSec < 0 || now.uptimeMSec < 0)
        return false;
    const qint64 uptimeDelta = now.uptimeMSec - before.uptimeMSec;
    return std::llabs(wallNSec / 1000000 - uptimeDelta) > ClockStepToleranceMSec;
}

} // namespace

QList<UnitUsage> CpuMeter::update(const UnitStatusReport &report)
{
    QList<UnitUsage> usage;
    QHash<QString, CpuSample> next;
    for (const UnitStatus &unit : report.units) {
        const CpuSample sample { unit, report.serverTimeNSec, report.uptimeMSec };
        const auto previous = m_previous.constFind(unit.id);
        usage << UnitUsage { unit.id,
            previous == m_previous.constEnd() ? std::nullopt : cpuPercent(*previous, sample),
            uptimeMSec(unit, report) };
        next.insert(unit.id, sample);
    }
    m_previous = std::move(next);
    return usage;
}

void CpuMeter::reset()
{
    m_previous.clear();
}

std::optional<double> CpuMeter::cpuPercent(const CpuSample &before, const CpuSample &now)
{
    if (!before.unit.cpuNSec || !now.unit.cpuNSec || restartedBetween(before, now))
        return std::nullopt;
    if (before.serverTimeNSec <= 0 || now.serverTimeNSec <= before.serverTimeNSec)
        return std::nullopt;
    const qint64 wallNSec = now.serverTimeNSec - before.serverTimeNSec;
    if (clockWasSet(before, now, wallNSec))
        return std::nullopt;
    const quint64 cpuNSec = *now.unit.cpuNSec - *before.unit.cpuNSec;
    return double(cpuNSec) / double(wallNSec) * 100.0;
}

bool CpuMeter::restartedBetween(const CpuSample &before, const CpuSample &now)
{
    const UnitStatus &a = before.unit;
    const UnitStatus &b = now.unit;
    const bool counterDown = a.cpuNSec && b.cpuNSec && *b.cpuNSec < *a.cpuNSec;
    return counterDown || a.startedMonotonicUSec != b.startedMonotonicUSec || a.mainPid != b.mainPid ||
        a.nRestarts != b.nRestarts;
}

std::optional<qint64> CpuMeter::uptimeMSec(const UnitStatus &unit, const UnitStatusReport &report)
{
    if (!runs(unit))
        return std::nullopt;
    const QDateTime now = report.serverTime();
    if (unit.startedAt.isValid() && now.isValid() && unit.startedAt <= now)
        return unit.startedAt.msecsTo(now);
    const qint64 uptimeUSec = report.uptimeMSec * 1000;
    if (unit.startedMonotonicUSec > 0 && report.uptimeMSec >= 0 && unit.startedMonotonicUSec <= uptimeUSec)
        return (uptimeUSec - unit.startedMonotonicUSec) / 1000;
    return std::nullopt;
}

} // namespace Gantry
