#pragma once

#include <QList>
#include <QString>

namespace Gantry {

// Who holds a server's deploy lock (<root>/.gantry/lock/info, one JSON object).
struct LockInfo {
    QString who; // the person or job deploying
    QString host; // the machine Gantry runs on
    qint64 pid = 0; // Gantry's process there
    QString version; // what is being deployed
    QString time; // UTC, ISO 8601, from the server's clock when the lock was taken; set by the server
};

struct LockResult {
    bool acquired = false;
    LockInfo holder; // when not acquired; empty fields if the holder wrote nothing yet
};

// A release's standing in <root>/.gantry/releases.jsonl.
enum class ReleaseStatus {
    Unknown, // a folder without a log line
    Good, // passed its health check and went live
    Failed, // never went live (its health check failed)
    Bad, // rolled back from: never picked again
};

// What recordRelease() appends for a release.
struct ReleaseEntry {
    int n = 0;
    QString version;
    ReleaseStatus status = ReleaseStatus::Good;
    QString sha256; // of the archive it was unpacked from
};

struct PreparedRelease {
    int n = 0; // the new release number
    QList<int> cleaned; // leftovers of interrupted unpacks that were removed
    bool userCreated = false;
};

struct SwitchResult {
    int current = 0;
    int previous = 0; // 0: there was no current release
};

// One release as listReleases() saw it.
struct ReleaseInfo {
    int n = 0;
    QString version;
    QString time; // when it was first recorded (server clock, UTC)
    QString sha256;
    ReleaseStatus status = ReleaseStatus::Unknown; // the latest log line for it wins
    bool isCurrent = false;
    bool exists = false; // releases/<n> is on the server (pruned ones stay in the log)
    bool incomplete = false; // an unpack of it did not finish; never made current
};

} // namespace Gantry
