#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// One gantry-<app>.service as `systemctl show` described it.
struct UnitStatus {
    QString id; // "gantry-shop.service"
    QString app; // "shop"
    QString loadState; // "loaded", "not-found" (no unit file), "masked", "error" ...
    QString activeState; // "active", "inactive", "failed", "activating" ...
    QString subState; // "running", "dead", "auto-restart" ...
    QString result; // "success", "exit-code", "signal", "timeout" ...
    qint64 mainPid = 0; // 0 when no process runs
    int nRestarts = 0; // automatic restarts since the unit was last started by hand
    QDateTime startedAt; // ExecMainStartTimestamp in UTC; invalid when it never started
    qint64 startedMonotonicUSec = 0; // ExecMainStartTimestampMonotonic; 0 when it never started
    std::optional<quint64> memoryBytes; // MemoryCurrent; none without memory accounting
    std::optional<quint64> cpuNSec; // CPUUsageNSec since the unit started; none without CPU accounting
    // Memory or CPU time above is the main process's (/proc), the server not accounting the unit's
    // cgroup (HostStatusQuery)
    bool usageOfMainProcess = false;
};

// What one status query found on a server, with the server's clocks read just before systemctl.
struct UnitStatusReport {
    QList<UnitStatus> units; // sorted by id, each unit once
    qint64 serverTimeNSec = 0; // `date +%s%N`; 0 when the server's answer had no readable time
    qint64 uptimeMSec = -1; // /proc/uptime (time since boot); -1 when unreadable

    QDateTime serverTime() const; // serverTimeNSec in UTC; invalid when unknown
    const UnitStatus *unit(const QString &app) const; // nullptr when absent
};

// The status of every Gantry unit on a server in one round trip: a `sh -c` command for the
// login shell (bash, dash, zsh or fish alike) and the parser of its output.
class UnitStatusQuery final {
    Q_DECLARE_TR_FUNCTIONS(UnitStatusQuery)
public:
    // Every loaded gantry-*.service and every installed unit file of that name, plus the units
    // of `apps` by name, so an app that is expected but not installed comes back "not-found".
    // Fails for an app name a Gantry unit cannot have.
    static Result<QString> command(const QStringList &apps = {});

    // Reads the command's output (stdout; anything a login shell printed first is skipped).
    // Fails when the output is not the command's, is cut short, or systemctl failed.
    static Result<UnitStatusReport> parse(const QByteArray &output);

    // "gantry-shop.service" -> "shop"; empty for other units and names Gantry never gives an app.
    static QString appOf(QStringView unitId);
    // "Wed 2024-01-02 15:04:05 UTC" (the command sets TZ=UTC0); invalid for other zones or garbage.
    static QDateTime parseTimestamp(QStringView text);
    // A systemd counter: none for "[not set]", "" and UINT64_MAX (systemd's "unknown").
    static std::optional<quint64> parseCounter(QStringView text);
    // `date +%s%N`; a busybox date without %N support ("1704207845N") gives whole seconds.
    static std::optional<qint64> parseEpochNSec(QStringView text);
    // The first field of /proc/uptime ("12345.67 23456.78") in milliseconds.
    static std::optional<qint64> parseUptimeMSec(QStringView text);
};

} // namespace Gantry
