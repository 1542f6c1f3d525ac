#include "core/build/versioninfo.h"

#include <QDateTime>
#include <QDirIterator>
#include <QTimeZone>
#include <QRegularExpression>

#include "core/process/processrunner.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry {

namespace {

QFuture<ProcessResult> git(const QString &dir, const QProcessEnvironment &env, const QStringList &args)
{
    // safe.directory: a checkout owned by another user must not fail the build ("dubious ownership").
    QStringList all { u"-c"_s, u"safe.directory=*"_s };
    all << args;
    return ProcessRunner::run(ProcessSpec { u"git"_s, all, dir, env, 30s, true, true });
}

QString out(const ProcessResult &r)
{
    return r.succeeded() ? QString::fromUtf8(r.standardOutput).trimmed() : QString();
}

} // namespace

VersionInfo VersionInfo::fromGitOutput(
    const QString &describe, const QString &commit, const QString &commitDate)
{
    if (commit.isEmpty())
        return withoutGit({});
    VersionInfo info;
    info.fromGit = true;
    info.commit = commit;
    info.shortCommit = commit.left(7);
    const QDateTime date = QDateTime::fromString(commitDate, Qt::ISODate);
    info.date = date.isValid() ? date.toUTC().toString(Qt::ISODate) : commitDate;
    QString d = describe;
    info.dirty = d.endsWith(u"-dirty"_s);
    if (info.dirty)
        d.chop(6);
    static const QRegularExpression tagged(u"^v?([0-9].*)$"_s);
    const auto match = tagged.match(d);
    const bool isHashOnly = commit.startsWith(d) && !d.isEmpty();
    if (match.hasMatch() && !isHashOnly)
        info.version = match.captured(1);
    else if (!d.isEmpty() && !isHashOnly)
        info.version = d;
    else
        info.version = u"0.0.0-"_s + info.shortCommit;
    if (info.dirty)
        info.version += u"-dirty"_s;
    return info;
}

VersionInfo VersionInfo::withoutGit(const QString &projectDir)
{
    VersionInfo info;
    info.version = u"0.0.0-dev"_s;
    info.commit = u"none"_s;
    info.shortCommit = u"none"_s;
    // The newest source file's time, not the clock: an unchanged project rebuilds to the same bytes.
    if (projectDir.isEmpty()) {
        info.date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        return info;
    }
    QDateTime newest = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    QDirIterator it(
        projectDir, { u"*.go"_s, u"go.mod"_s, u"go.sum"_s }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QDateTime modified = it.nextFileInfo().lastModified().toUTC();
        newest = std::max(newest, modified);
    }
    info.date = newest.toUTC().toString(Qt::ISODate);
    return info;
}

QFuture<VersionInfo> VersionInfo::read(const QString &projectDir, const QProcessEnvironment &env)
{
    QList<QFuture<ProcessResult>> runs {
        git(projectDir, env, { u"describe"_s, u"--tags"_s, u"--always"_s, u"--dirty"_s }),
        git(projectDir, env, { u"rev-parse"_s, u"HEAD"_s }),
        git(projectDir, env, { u"log"_s, u"-1"_s, u"--format=%cI"_s }),
    };
    return QtFuture::whenAll(runs.begin(), runs.end())
        .then([projectDir](const QList<QFuture<ProcessResult>> &done) {
            const QString commit = out(done[1].result());
            if (commit.isEmpty())
                return withoutGit(projectDir);
            return fromGitOutput(out(done[0].result()), commit, out(done[2].result()));
        });
}

} // namespace Gantry
