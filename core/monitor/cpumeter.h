#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QString>

#include "core/monitor/unitstatus.h"

namespace Gantry {

// What CpuMeter tells about one unit of a status report.
struct UnitUsage {
    QString id;
    // CPU time over wall time since the previous report, in percent of one core (200 = two busy
    // cores). None for the first report, after a restart, without CPU accounting, or when the
    // server's clock was set in between.
    std::optional<double> cpuPercent;
    std::optional<qint64> uptimeMSec; // since the main process started; none unless the unit runs
};

// One unit in one status report, with the server's clocks of that report.
struct CpuSample {
    UnitStatus unit;
    qint64 serverTimeNSec = 0; // UnitStatusReport::serverTimeNSec
    qint64 uptimeMSec = -1; // UnitStatusReport::uptimeMSec
};

// CPU use per unit from CPUUsageNSec deltas between two status reports of one server, timed by
// the server's own clock (`date +%s%N`), so network delays do not skew the value.
class CpuMeter final {
public:
    // Usage of every unit in `report`, in its order, against the report fed in before; then
    // remembers `report` for the next call. Units gone from `report` are forgotten.
    QList<UnitUsage> update(const UnitStatusReport &report);
    void reset();

    // The CPU percentage between two samples of one unit, or none (see UnitUsage::cpuPercent).
    static std::optional<double> cpuPercent(const CpuSample &before, const CpuSample &now);
    // A restart between the samples: another start time, main process or restart count, or a
    // CPU counter that went down.
    static bool restartedBetween(const CpuSample &before, const CpuSample &now);
    // Server time minus the start time; from the monotonic clocks when the wall clock says the
    // start lies in the future (the clock was set back). None unless active or reloading.
    static std::optional<qint64> uptimeMSec(const UnitStatus &unit, const UnitStatusReport &report);

private:
    QHash<QString, CpuSample> m_previous;
};

} // namespace Gantry
