#include "core/deploy/releaselayout.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>

#include "core/common/serverpath.h"
#include "core/common/shellquote.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// Every script starts here: root only, errors as one "ERROR <code> <detail>" line.
constexpr QByteArrayView Prelude = R"SH(set -u
umask 022
fail() {
    code=$1
    shift
    printf 'ERROR %s %s\n' "$code" "$(printf '%s' "$*" | tr '\n\r' '  ')"
    exit 2
}
g="$root/.gantry"
[ "$(id -u)" = 0 ] || fail not-root "$(id -un 2>/dev/null)"
)SH";

// A release number handed to a script must be a positive decimal.
constexpr QByteArrayView CheckNumber = R"SH(case "$n" in '' | 0* | *[!0-9]*) fail bad-release "$n" ;; esac
)SH";

constexpr QByteArrayView AcquireLock = R"SH(mkdir -p "$g" && chmod 0700 "$g" || fail io "cannot create $g"
if mkdir "$g/lock" 2>/dev/null; then
    printf '{"time":"%s",%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$info" >"$g/lock/info.tmp" &&
        mv -f "$g/lock/info.tmp" "$g/lock/info" || fail io "cannot write $g/lock/info"
)SH";

constexpr QByteArrayView AcquireLockEnd = R"SH(    echo 'LOCK acquired'
    exit 0
fi
printf 'LOCKED %s\n' "$(tr -d '\n' <"$g/lock/info" 2>/dev/null)"
exit 3
)SH";

constexpr QByteArrayView BreakLock = R"SH(if [ -d "$g/lock" ]; then
    holder=$(tr -d '\n' <"$g/lock/info" 2>/dev/null)
    rm -rf -- "$g/lock" || fail io "cannot remove $g/lock"
    printf 'BROKEN %s\n' "$holder"
else
    echo UNLOCKED
fi
)SH";

constexpr QByteArrayView ReleaseLock = R"SH(rm -rf -- "$g/lock" || fail io "cannot remove $g/lock"
echo UNLOCKED
)SH";

constexpr QByteArrayView EnsureUser =
    R"SH(case "$user" in '' | [!a-z_]* | *[!a-z0-9_-]*) fail bad-user "$user" ;; esac
if id -u "$user" >/dev/null 2>&1; then
    echo "USER exists $user"
elif [ "$create" != yes ]; then
    fail no-user "$user"
else
    command -v useradd >/dev/null 2>&1 || fail no-useradd "$user"
    if getent group "$user" >/dev/null 2>&1; then set -- --gid "$user"; else set -- --user-group; fi
    out=$(useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        "$@" "$user" 2>&1) ||
        fail useradd-failed "$out"
    echo "USER created $user"
fi
)SH";

constexpr QByteArrayView MakeFolders =
    R"SH(mkdir -p "$root/releases" "$root/shared" "$g" || fail io "cannot create the folders in $root"
chown 0:0 "$root" "$root/releases" "$g" && chmod 0755 "$root" "$root/releases" && chmod 0700 "$g" ||
    fail io "cannot set the owner of $root"
chown "$user:$(id -g "$user")" "$root/shared" && chmod 0750 "$root/shared" ||
    fail io "cannot give $root/shared to $user"
)SH";

// An unpack that never finished left its marker; unless it is somehow current, it goes.
constexpr QByteArrayView CleanLeftovers = R"SH(cur=$(readlink "$root/current" 2>/dev/null || true)
for d in "$root"/releases/*; do
    [ -d "$d" ] && [ -e "$d/.incomplete" ] || continue
    [ "releases/${d##*/}" != "$cur" ] || continue
    rm -rf -- "$d" || fail io "cannot remove $d"
    echo "CLEANED ${d##*/}"
done
)SH";

// The next number: past the counter, past every number in the log, past every folder.
constexpr QByteArrayView NextNumber = R"SH(c=0
if [ -f "$g/counter" ]; then c=$(cat "$g/counter") || fail io "cannot read $g/counter"; fi
case "$c" in '' | *[!0-9]*) fail bad-counter "$c" ;; esac
c=$(printf '%s' "$c" | sed 's/^0*//')
logged=$(sed -n 's/.*"n":\([0-9][0-9]*\).*/\1/p' "$g/releases.jsonl" 2>/dev/null | sort -n | tail -n 1)
[ "${logged:-0}" -le "${c:-0}" ] || c=$logged
for d in "$root"/releases/*; do
    case "${d##*/}" in '' | 0* | *[!0-9]*) continue ;; esac
    [ "${d##*/}" -le "${c:-0}" ] || c=${d##*/}
done
n=$((${c:-0} + 1))
printf '%s\n' "$n" >"$g/counter.tmp" && mv -f "$g/counter.tmp" "$g/counter" ||
    fail io "cannot write $g/counter"
echo "RELEASE $n"
)SH";

// The marker goes first and leaves last, so an interrupted unpack is never taken for a release.
constexpr QByteArrayView Unpack = R"SH(d="$root/releases/$n"
[ -f "$archive" ] || fail no-archive "$archive"
[ ! -e "$d" ] && [ ! -L "$d" ] || fail exists "$n"
mkdir "$d" && : >"$d/.incomplete" || fail io "cannot create $d"
out=$(tar -xzf "$archive" -C "$d" --no-same-owner 2>&1) || fail tar-failed "$out"
chown -R 0:0 "$d" && chmod -R u+rwX,go+rX,go-w "$d" || fail io "cannot set the permissions of $d"
rm -f -- "$d/.incomplete" || fail io "cannot finish $d"
echo "UNPACKED $n"
)SH";

// rename(2) replaces the link in one step: a reader sees the old release or the new, never none.
constexpr QByteArrayView Switch = R"SH([ -d "$root/releases/$n" ] || fail no-release "$n"
[ ! -e "$root/releases/$n/.incomplete" ] || fail incomplete "$n"
prev=$(readlink "$root/current" 2>/dev/null || true)
ln -sfn "releases/$n" "$root/current.tmp" && mv -fT "$root/current.tmp" "$root/current" ||
    fail io "cannot point $root/current at releases/$n"
prev=${prev#releases/}
echo "CURRENT $n PREVIOUS ${prev:--}"
)SH";

constexpr QByteArrayView Record = R"SH(mkdir -p "$g" && chmod 0700 "$g" || fail io "cannot create $g"
printf '{"time":"%s",%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$entry" >>"$g/releases.jsonl" ||
    fail io "cannot append to $g/releases.jsonl"
echo "RECORDED $n"
)SH";

constexpr QByteArrayView List = R"SH(cur=$(readlink "$root/current" 2>/dev/null || true)
echo "CURRENT ${cur:--}"
for d in "$root"/releases/*; do
    [ -d "$d" ] || continue
    case "${d##*/}" in '' | *[!0-9]*) continue ;; esac
    if [ -e "$d/.incomplete" ]; then echo "DIR ${d##*/} incomplete"; else echo "DIR ${d##*/}"; fi
done
if [ -f "$g/releases.jsonl" ]; then sed 's/^/LOG /' "$g/releases.jsonl" && echo; fi
echo END
)SH";

constexpr QByteArrayView Prune = R"SH(cur=$(readlink "$root/current" 2>/dev/null || true)
cur=${cur#releases/}
i=0
for n in $(for d in "$root"/releases/*; do
    [ -d "$d" ] || continue
    case "${d##*/}" in '' | *[!0-9]*) continue ;; esac
    echo "${d##*/}"
done | sort -rn); do
    i=$((i + 1))
    if [ "$i" -le "$keep" ] || [ "$n" = "$cur" ] || [ "$n" = "$protect" ]; then
        echo "KEPT $n"
        continue
    fi
    rm -rf -- "$root/releases/$n" || fail io "cannot remove $root/releases/$n"
    echo "PRUNED $n"
done
echo END
)SH";

// The JSON object without its "{": the script puts the server's time first.
QString jsonTail(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact).mid(1));
}

} // namespace

ReleaseLayout::ReleaseLayout(QString root)
    : m_root(std::move(root))
{
}

QString ReleaseLayout::defaultRoot(const QString &app)
{
    return u"/opt/gantry/"_s + app;
}

Result<ReleaseLayout> ReleaseLayout::forRoot(const QString &root)
{
    if (auto ok = ServerPath::validate(root, tr("deploy root")); !ok)
        return std::unexpected(ok.error());
    return ReleaseLayout(root);
}

QString ReleaseLayout::statusName(ReleaseStatus status)
{
    switch (status) {
    case ReleaseStatus::Good:
        return u"good"_s;
    case ReleaseStatus::Failed:
        return u"failed"_s;
    case ReleaseStatus::Bad:
        return u"bad"_s;
    case ReleaseStatus::Unknown:
        break;
    }
    return u"unknown"_s;
}

QByteArray ReleaseLayout::script(
    QByteArrayView purpose, const QList<std::pair<QByteArray, QString>> &vars, const QByteArray &body) const
{
    QByteArray s = "# Gantry: " + purpose.toByteArray() + "\nroot=" + shellQuote(m_root) + "\n";
    s += Prelude.toByteArray();
    for (const auto &[name, value] : vars)
        s += name + "=" + shellQuote(value) + "\n";
    s += body;
    return s;
}

QByteArray ReleaseLayout::acquireLock(const LockInfo &info, const QByteArray &onAcquired) const
{
    const QJsonObject holder { { u"who"_s, info.who }, { u"host"_s, info.host }, { u"pid"_s, info.pid },
        { u"version"_s, info.version } };
    return script("take the deploy lock", { { "info", jsonTail(holder) } },
        AcquireLock.toByteArray() + onAcquired + AcquireLockEnd.toByteArray());
}

QByteArray ReleaseLayout::breakLock() const
{
    return script("break the deploy lock", {}, BreakLock.toByteArray());
}

QByteArray ReleaseLayout::releaseLock() const
{
    return script("release the deploy lock", {}, ReleaseLock.toByteArray());
}

QByteArray ReleaseLayout::prepareRelease(const QString &serviceUser, UserMode mode) const
{
    const QString create = mode == UserMode::Create ? u"yes"_s : u"no"_s;
    const QByteArray body = EnsureUser.toByteArray() + MakeFolders.toByteArray() +
        CleanLeftovers.toByteArray() + NextNumber.toByteArray();
    return script("prepare a release", { { "user", serviceUser }, { "create", create } }, body);
}

QByteArray ReleaseLayout::unpackRelease(int n, const QString &archivePath) const
{
    return script("unpack a release", { { "n", QString::number(n) }, { "archive", archivePath } },
        CheckNumber.toByteArray() + Unpack.toByteArray());
}

QByteArray ReleaseLayout::prepareAndUnpack(const QString &serviceUser, const QString &archivePath) const
{
    const QByteArray body = EnsureUser.toByteArray() + MakeFolders.toByteArray() +
        CleanLeftovers.toByteArray() + NextNumber.toByteArray() + Unpack.toByteArray();
    return script("prepare and unpack a release",
        { { "user", serviceUser }, { "create", u"yes"_s }, { "archive", archivePath } }, body);
}

QByteArray ReleaseLayout::switchToPrepared() const
{
    return script("switch to the new release", {}, CheckNumber.toByteArray() + Switch.toByteArray());
}

QByteArray ReleaseLayout::rootScript(QByteArrayView purpose, const QByteArray &body) const
{
    return script(purpose, {}, body);
}

QByteArray ReleaseLayout::switchCurrent(int n) const
{
    return script("switch the current release", { { "n", QString::number(n) } },
        CheckNumber.toByteArray() + Switch.toByteArray());
}

QByteArray ReleaseLayout::recordRelease(const ReleaseEntry &entry) const
{
    const QJsonObject line { { u"n"_s, entry.n }, { u"version"_s, entry.version },
        { u"status"_s, statusName(entry.status) }, { u"sha256"_s, entry.sha256 } };
    return script("record a release", { { "n", QString::number(entry.n) }, { "entry", jsonTail(line) } },
        CheckNumber.toByteArray() + Record.toByteArray());
}

QByteArray ReleaseLayout::markBad(int n) const
{
    const QJsonObject line { { u"n"_s, n }, { u"status"_s, statusName(ReleaseStatus::Bad) } };
    return script("mark a release bad", { { "n", QString::number(n) }, { "entry", jsonTail(line) } },
        CheckNumber.toByteArray() + Record.toByteArray());
}

QByteArray ReleaseLayout::listReleases() const
{
    return script("list the releases", {}, List.toByteArray());
}

QByteArray ReleaseLayout::prune(int keep, int protectN) const
{
    return script("prune old releases",
        { { "keep", QString::number(std::max(keep, 1)) },
            { "protect", QString::number(std::max(protectN, 0)) } },
        Prune.toByteArray());
}

} // namespace Gantry
