#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/deploy/releaseinfo.h"

namespace Gantry {

// The layout of a service on a Linux server (shared/reference/defaults.md), and the POSIX sh
// scripts that change it. Each script runs as root with `sh -s` (on stdin), prints result lines
// that ReleaseOutput reads, and on failure prints "ERROR <code> <detail>" and exits non-zero.
//
//   <root>/releases/<N>/       one folder per release, owned by root, read-only to the service
//   <root>/releases/<N>/.incomplete  present while unpacking; such a release is never current
//   <root>/current -> releases/<N>   relative symlink, replaced atomically (rename(2))
//   <root>/shared/             env file, config and data kept across releases; the service
//                              user's, 0750
//   <root>/.gantry/            root's, 0700:
//       lock/                  the deploy lock: mkdir is atomic; lock/info holds a LockInfo
//       counter                the last release number handed out (the server's, never the
//                              client's clock or count)
//       releases.jsonl         one JSON object a line, appended, the server's UTC time first:
//                              {"time":"2024-06-01T10:00:00Z","n":7,"sha256":"...",
//                               "status":"good","version":"v1.2.0"}
//                              later lines for the same n change its status: markBad() appends
//                              {"time":"...","n":7,"status":"bad"}
//
// Only one deploy at a time may change a root: take the lock first, release it last.
class ReleaseLayout final {
    Q_DECLARE_TR_FUNCTIONS(ReleaseLayout)
public:
    enum class UserMode {
        Create, // useradd --system when the service user is missing
        MustExist, // fail when it is missing (and never change the system's users)
    };

    static QString defaultRoot(const QString &app); // /opt/gantry/<app>

    // Fails for a root ServerPath does not accept.
    static Result<ReleaseLayout> forRoot(const QString &root);
    const QString &root() const { return m_root; }

    // "LOCK acquired"; or "LOCKED <holder json>" and exit 3 when someone holds it. `onAcquired`
    // (sh, may call fail after removing "$g/lock") runs once the lock is held, in the same trip.
    QByteArray acquireLock(const LockInfo &info, const QByteArray &onAcquired = {}) const;
    // Removes the lock whoever holds it: "BROKEN <holder json>", or "UNLOCKED" if there was none.
    QByteArray breakLock() const;
    // Removes the lock this deploy took: "UNLOCKED".
    QByteArray releaseLock() const;

    // Creates the service user if needed ("USER created|exists <name>"), the folders with their
    // owners and modes, removes leftovers of interrupted unpacks that are not current
    // ("CLEANED <n>"), and hands out the next number: "RELEASE <n>".
    QByteArray prepareRelease(const QString &serviceUser, UserMode mode = UserMode::Create) const;
    // Unpacks a .tar.gz into releases/<n>, marked incomplete until done: "UNPACKED <n>".
    QByteArray unpackRelease(int n, const QString &archivePath) const;
    // prepareRelease() then unpackRelease() of the number it picked, in one script: the output
    // of both ("RELEASE n", "UNPACKED n").
    QByteArray prepareAndUnpack(const QString &serviceUser, const QString &archivePath) const;
    // Points current at releases/<n> atomically: "CURRENT <n> PREVIOUS <m or ->".
    QByteArray switchCurrent(int n) const;
    // switchCurrent() of the number prepareAndUnpack() just handed out, later in the same script.
    QByteArray switchToPrepared() const;
    // `body` (sh, may call fail) as a root script of this root: the prelude, $root and $g set.
    // Scripts of one trip are joined one after the other; each starts with "# Gantry: <purpose>".
    QByteArray rootScript(QByteArrayView purpose, const QByteArray &body) const;

    // Appends a log line with the server's time: "RECORDED <n>".
    QByteArray recordRelease(const ReleaseEntry &entry) const;
    // Appends a "bad" status line: "RECORDED <n>".
    QByteArray markBad(int n) const;
    // "CURRENT <target or ->", "DIR <n> [incomplete]" lines, "LOG <json>" lines, "END".
    QByteArray listReleases() const;
    // Deletes the oldest release folders beyond the newest `keep` (at least 1), never the
    // current one nor `protectN` (the rollback target; 0 for none): "KEPT <n>" and
    // "PRUNED <n>" lines, "END". The log keeps their lines.
    QByteArray prune(int keep, int protectN) const;

    static QString statusName(ReleaseStatus status); // "good", "failed", "bad", "unknown"

private:
    explicit ReleaseLayout(QString root);
    QByteArray script(QByteArrayView purpose, const QList<std::pair<QByteArray, QString>> &vars,
        const QByteArray &body) const;

    QString m_root;
};

} // namespace Gantry
