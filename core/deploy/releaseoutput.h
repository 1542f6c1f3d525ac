#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include "core/common/error.h"
#include "core/deploy/releaseinfo.h"

namespace Gantry {

// Reads what the ReleaseLayout scripts print. Every parser turns an "ERROR <code> <detail>"
// line into an Error that says what to do, and output without the expected result line (a cut
// connection, a shell that did not run the script) into an Error too.
class ReleaseOutput final {
    Q_DECLARE_TR_FUNCTIONS(ReleaseOutput)
public:
    static Result<LockResult> parseLock(const QByteArray &output);
    // breakLock() and releaseLock(): the holder whose lock was broken, if any.
    static Result<std::optional<LockInfo>> parseUnlock(const QByteArray &output);
    static Result<PreparedRelease> parsePrepare(const QByteArray &output);
    static Result<int> parseUnpack(const QByteArray &output);
    static Result<SwitchResult> parseSwitch(const QByteArray &output);
    // recordRelease() and markBad(): the release number.
    static Result<int> parseRecord(const QByteArray &output);
    // Releases sorted by number, from the log and the folders. Log lines that are not JSON
    // objects with a positive "n" (a write cut short) are skipped.
    static Result<QList<ReleaseInfo>> parseReleases(const QByteArray &output);
    // The release numbers prune() deleted.
    static Result<QList<int>> parsePrune(const QByteArray &output);

    static LockInfo lockInfoFromJson(const QByteArray &json);
    static ReleaseStatus statusFromName(const QString &name);
    // Why a script's output lacks what a step needed: its "ERROR" line, or that it was not understood.
    static Error failure(const QByteArray &output);

private:
    static std::optional<Error> scriptError(const QByteArray &output);
    static Error errorFor(const QByteArray &code, const QString &detail);
    static Error storageError(const QByteArray &code, const QString &detail);
    static Error serviceError(const QByteArray &code, const QString &detail);
    static Error unexpected(const QByteArray &output);
};

} // namespace Gantry
