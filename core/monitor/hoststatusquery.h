#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include "core/common/error.h"
#include "core/monitor/unitstatus.h"

namespace Gantry {

// The release a service's `current` link points at, from its layout on the server.
struct CurrentRelease {
    int n = 0;
    QString version; // empty when the release log is unreadable (no root) or has no version
};

// Everything one refresh learns about a server.
struct HostStatus {
    UnitStatusReport report;
    QHash<QString, CurrentRelease> releases; // by app, for every /opt/gantry/<app>/current
    std::optional<qint64> journalBytes; // `journalctl --disk-usage`; none when not asked or unreadable
    std::optional<int> journalFsUsePercent; // how full the file system holding the journal is
};

// One root script per refresh, whatever the number of services: UnitStatusQuery's systemctl
// show of every Gantry unit, the current release of every layout under /opt/gantry (the
// release log is root's), and optionally the journal's disk use. Parsed back into HostStatus.
class HostStatusQuery final {
    Q_DECLARE_TR_FUNCTIONS(HostStatusQuery)
public:
    // A POSIX sh script for `sh -s` (as root when possible). Fails for an app name a Gantry
    // unit cannot have.
    static Result<QByteArray> script(const QStringList &apps, bool withJournalUsage);
    static Result<HostStatus> parse(const QByteArray &output);

    // "Archived and active journals take up 8.0M in the file system." -> 8388608.
    static std::optional<qint64> parseDiskUsage(QStringView line);
    // The last line of `df -P`: "overlay 1024 512 512 50% /" -> 50.
    static std::optional<int> parseDfUsePercent(QStringView line);
};

} // namespace Gantry
