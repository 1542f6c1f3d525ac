#include "core/deploy/releaseoutput.h"

#include <algorithm>
#include <map>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

QList<QByteArray> linesOf(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

// The text after "<key> " of the first line that starts so, or nothing.
std::optional<QByteArray> valueOf(const QList<QByteArray> &lines, QByteArrayView key)
{
    for (const QByteArray &line : lines) {
        if (line == key)
            return QByteArray();
        if (line.startsWith(key) && line.at(key.size()) == ' ')
            return line.mid(key.size() + 1);
    }
    return std::nullopt;
}

// A release number: a positive decimal, the whole of `text`.
std::optional<int> releaseNumber(QByteArrayView text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || text.startsWith('+') || text.startsWith('0'))
        return std::nullopt;
    return n;
}

QList<int> numbersOf(const QList<QByteArray> &lines, QByteArrayView key)
{
    QList<int> numbers;
    for (const QByteArray &line : lines) {
        if (line.startsWith(key) && line.size() > key.size() && line.at(key.size()) == ' ') {
            if (const auto n = releaseNumber(line.mid(key.size() + 1).trimmed()))
                numbers << *n;
        }
    }
    return numbers;
}

// A log line folded into the release it is about: the first line names it, later ones change
// its status.
void applyLogLine(const QJsonObject &line, ReleaseInfo &info)
{
    if (info.version.isEmpty())
        info.version = line.value(u"version"_s).toString();
    if (info.sha256.isEmpty())
        info.sha256 = line.value(u"sha256"_s).toString();
    if (info.time.isEmpty())
        info.time = line.value(u"time"_s).toString();
    if (line.contains(u"status"_s))
        info.status = ReleaseOutput::statusFromName(line.value(u"status"_s).toString());
}

} // namespace

LockInfo ReleaseOutput::lockInfoFromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.trimmed()).object();
    return LockInfo { object.value(u"who"_s).toString(), object.value(u"host"_s).toString(),
        object.value(u"pid"_s).toInteger(), object.value(u"version"_s).toString(),
        object.value(u"time"_s).toString() };
}

ReleaseStatus ReleaseOutput::statusFromName(const QString &name)
{
    if (name == u"good")
        return ReleaseStatus::Good;
    if (name == u"failed")
        return ReleaseStatus::Failed;
    if (name == u"bad")
        return ReleaseStatus::Bad;
    return ReleaseStatus::Unknown;
}

Result<LockResult> ReleaseOutput::parseLock(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> lines = linesOf(output);
    if (lines.contains("LOCK acquired"))
        return LockResult { true, {} };
    if (const auto holder = valueOf(lines, "LOCKED"))
        return LockResult { false, lockInfoFromJson(*holder) };
    return std::unexpected(unexpected(output));
}

Result<std::optional<LockInfo>> ReleaseOutput::parseUnlock(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> lines = linesOf(output);
    if (const auto holder = valueOf(lines, "BROKEN"))
        return std::optional<LockInfo>(lockInfoFromJson(*holder));
    if (lines.contains("UNLOCKED"))
        return std::optional<LockInfo>();
    return std::unexpected(unexpected(output));
}

Result<PreparedRelease> ReleaseOutput::parsePrepare(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> lines = linesOf(output);
    const QList<int> release = numbersOf(lines, "RELEASE");
    if (release.size() != 1)
        return std::unexpected(unexpected(output));
    const bool created = valueOf(lines, "USER").value_or(QByteArray()).startsWith("created ");
    return PreparedRelease { release.first(), numbersOf(lines, "CLEANED"), created };
}

Result<int> ReleaseOutput::parseUnpack(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<int> unpacked = numbersOf(linesOf(output), "UNPACKED");
    if (unpacked.size() != 1)
        return std::unexpected(unexpected(output));
    return unpacked.first();
}

Result<SwitchResult> ReleaseOutput::parseSwitch(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> words = valueOf(linesOf(output), "CURRENT").value_or(QByteArray()).split(' ');
    const auto current = releaseNumber(words.value(0));
    const auto previous = releaseNumber(words.value(2));
    if (words.size() != 3 || !current || words.at(1) != "PREVIOUS" || (!previous && words.at(2) != "-"))
        return std::unexpected(unexpected(output));
    return SwitchResult { *current, previous.value_or(0) };
}

Result<int> ReleaseOutput::parseRecord(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<int> recorded = numbersOf(linesOf(output), "RECORDED");
    if (recorded.size() != 1)
        return std::unexpected(unexpected(output));
    return recorded.first();
}

Result<QList<ReleaseInfo>> ReleaseOutput::parseReleases(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> lines = linesOf(output);
    const auto current = valueOf(lines, "CURRENT");
    if (!current || !lines.contains("END"))
        return std::unexpected(unexpected(output));
    std::map<int, ReleaseInfo> releases;
    for (const QByteArray &line : lines) {
        if (line.startsWith("LOG ")) {
            const QJsonObject object = QJsonDocument::fromJson(line.mid(4)).object();
            const int n = object.value(u"n"_s).toInt();
            if (n >= 1)
                applyLogLine(object, releases[n]);
        } else if (line.startsWith("DIR ")) {
            const QList<QByteArray> words = line.mid(4).split(' ');
            if (const auto n = releaseNumber(words.first())) {
                releases[*n].exists = true;
                releases[*n].incomplete = words.value(1) == "incomplete";
            }
        }
    }
    const auto currentN = current->startsWith("releases/") ? releaseNumber(current->mid(9)) : std::nullopt;
    QList<ReleaseInfo> list;
    for (auto &[n, info] : releases) {
        info.n = n;
        info.isCurrent = currentN == n;
        list << info;
    }
    return list;
}

Result<QList<int>> ReleaseOutput::parsePrune(const QByteArray &output)
{
    if (auto error = scriptError(output))
        return std::unexpected(*error);
    const QList<QByteArray> lines = linesOf(output);
    if (!lines.contains("END"))
        return std::unexpected(unexpected(output));
    return numbersOf(lines, "PRUNED");
}

std::optional<Error> ReleaseOutput::scriptError(const QByteArray &output)
{
    const auto error = valueOf(linesOf(output), "ERROR");
    if (!error)
        return std::nullopt;
    const qsizetype space = error->indexOf(' ');
    const QByteArray code = space < 0 ? *error : error->left(space);
    const QString detail = space < 0 ? QString() : QString::fromUtf8(error->mid(space + 1)).trimmed();
    return errorFor(code, detail);
}

Error ReleaseOutput::errorFor(const QByteArray &code, const QString &detail)
{
    if (code == "not-root")
        return { tr("The deploy script ran as %1, not as root.").arg(detail),
            tr("Sign in as root, or let the SSH user run sudo without a password."), detail };
    if (code == "bad-user")
        return { tr("The service user name \"%1\" is not valid.").arg(detail),
            tr("Use lower-case letters, digits, \"-\" and \"_\", starting with a letter."), detail };
    if (code == "no-user")
        return { tr("The service user %1 does not exist on the server.").arg(detail),
            tr("Create the user on the server, or let Gantry create it."), detail };
    if (code == "no-useradd")
        return { tr("The server has no useradd command to create the service user %1.").arg(detail),
            tr("Create the user by hand, or install useradd (the passwd package; shadow on Alpine)."),
            detail };
    if (code == "useradd-failed")
        return { tr("Creating the service user on the server failed."),
            tr("Read the details; create the user by hand if needed."), detail };
    if (code == "bad-release")
        return { tr("The release number \"%1\" is not valid.").arg(detail),
            tr("This is a bug in Gantry; please report it."), detail };
    return storageError(code, detail);
}

Error ReleaseOutput::storageError(const QByteArray &code, const QString &detail)
{
    if (code == "bad-counter")
        return { tr("The release counter on the server is damaged: \"%1\".").arg(detail),
            tr("Write the highest release number into .gantry/counter under the deploy root, or delete the "
               "file."),
            detail };
    if (code == "no-archive")
        return { tr("The uploaded archive %1 is missing on the server.").arg(detail),
            tr("Upload it again, and check the free space where it goes."), detail };
    if (code == "exists")
        return { tr("Release %1 already exists on the server.").arg(detail),
            tr("Prepare a new release: Gantry never unpacks over an existing one."), detail };
    if (code == "tar-failed")
        return { tr("Unpacking the release on the server failed."),
            tr("Check the free space under the deploy root and that the archive is a .tar.gz."), detail };
    if (code == "no-release")
        return { tr("Release %1 is not on the server.").arg(detail),
            tr("Choose one of the releases the server lists."), detail };
    if (code == "incomplete")
        return { tr("Release %1 was never completely unpacked, so it cannot go live.").arg(detail),
            tr("Deploy again; the next deploy removes the broken release."), detail };
    if (code == "io")
        return { tr("The server could not change the deploy folder: %1.").arg(detail),
            tr("Check the free space and the permissions under the deploy root."), detail };
    return serviceError(code, detail);
}

Error ReleaseOutput::serviceError(const QByteArray &code, const QString &detail)
{
    if (code == "no-service-manager")
        return { tr("%1 runs neither systemd nor supervisor, so Gantry has nothing to run the service with.")
                     .arg(detail),
            tr("Install supervisor there (Debian and Ubuntu: apt-get install supervisor; RHEL and Fedora: "
               "dnf "
               "install supervisor), or pick a server with systemd. Nothing was changed on the server."),
            detail };
    if (code == "no-supervisor" || code == "supervisor-reread" || code == "supervisor-update")
        return { tr("supervisor on the server did not take the service's program."),
            tr("Check that supervisord runs (supervisorctl status) and read the details."), detail };
    if (code == "daemon-reload")
        return { tr("systemd on the server could not reload its units."),
            tr("Run systemctl daemon-reload on the server to see why."), detail };
    if (code.endsWith("-failed"))
        return { tr("The service manager could not %1 the service.").arg(QString::fromUtf8(code.chopped(7))),
            tr("Read the service's log; the previous release is put back."), detail };
    return { tr("The deploy script on the server failed (%1).").arg(QString::fromUtf8(code)),
        tr("Read the details."), detail };
}

Error ReleaseOutput::failure(const QByteArray &output)
{
    return scriptError(output).value_or(unexpected(output));
}

Error ReleaseOutput::unexpected(const QByteArray &output)
{
    return { tr("The server's answer to a deploy step was not understood."),
        tr("Check the connection and that the SSH user's shell runs POSIX sh scripts, then try again."),
        QString::fromUtf8(output.right(4000)) };
}

} // namespace Gantry
