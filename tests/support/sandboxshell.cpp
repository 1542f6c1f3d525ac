#include "tests/support/sandboxshell.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// The stand-ins keep their state in <sandbox>/.sandbox: one file per service, "active" or not.
// <sandbox>/.sandbox/fail-restart holds a release number: the service fails to start from it.
#define GANTRY_SANDBOX_FAILING                                                                               \
    "failing() { [ -f \"$s/fail-restart\" ] && for c in \"$GANTRY_SYSROOT\"/opt/gantry/*/current; do "       \
    "[ \"$(readlink \"$c\")\" = \"releases/$(cat \"$s/fail-restart\")\" ] && return 0; done; return 1; }\n"

constexpr auto Systemctl = "#!/bin/sh\ns=\"$GANTRY_SYSROOT/.sandbox\"\n" GANTRY_SANDBOX_FAILING
                           R"SH(mkdir -p "$s"; echo "systemctl $*" >>"$s/calls"
q=; [ "$1" = "--quiet" ] && shift
case "$1" in --quiet) shift ;; esac
verb=$1; shift; [ "${1-}" = "--quiet" ] && shift
unit=${1-}
case "$verb" in
is-active) [ "$(cat "$s/$unit" 2>/dev/null)" = active ] ;;
is-enabled) [ -f "$s/$unit.enabled" ] ;;
enable) : >"$s/$unit.enabled" ;;
restart|start) if failing; then echo "Job for $unit failed." >&2; exit 1; fi; echo active >"$s/$unit" ;;
stop) echo inactive >"$s/$unit" ;;
show) for u; do :; done; st=$(cat "$s/$u" 2>/dev/null || echo inactive)
    echo "LoadState=loaded"; echo "ActiveState=$st"; echo "SubState=running"; echo "MainPID=4242"
    echo "NRestarts=0"; echo "MemoryCurrent=1048576"; echo "CPUUsageNSec=1000"
    echo "ActiveEnterTimestamp=Tue 2026-12-08 10:00:00 UTC" ;;
*) : ;;
esac
)SH";

constexpr auto Supervisorctl = "#!/bin/sh\ns=\"$GANTRY_SYSROOT/.sandbox\"\n" GANTRY_SANDBOX_FAILING
                               R"SH(mkdir -p "$s"; echo "supervisorctl $*" >>"$s/calls"
verb=$1; shift; name=${1-}
conf="$GANTRY_SYSROOT/etc/supervisor/conf.d/$name.conf"
case "$verb" in
reread) echo "No config updates to processes" ;;
update) if ! cmp -s "$conf" "$s/$name.applied" 2>/dev/null; then cp "$conf" "$s/$name.applied"
        if failing; then echo "$name: ERROR (spawn error)"; exit 0; fi
        echo active >"$s/$name"; echo "$name: updated process group"; fi ;;
restart|start) if failing; then echo "$name: ERROR (spawn error)"; exit 7; fi
        echo active >"$s/$name"; echo "$name: started" ;;
stop) echo inactive >"$s/$name"; echo "$name: stopped" ;;
status) if [ "$(cat "$s/$name" 2>/dev/null)" = active ]; then echo "$name RUNNING pid 4242, uptime 0:00:05"
        else echo "$name STOPPED"; exit 3; fi ;;
pid) [ "$(cat "$s/$name" 2>/dev/null)" = active ] && echo 4242 || echo 0 ;;
esac
)SH";

// The sandbox user is root; service users only live in <sandbox>/.sandbox/users.
constexpr auto Id = R"SH(#!/bin/sh
users="$GANTRY_SYSROOT/.sandbox/users"
case "$*" in
-u|'') echo 0 ;;
-un) echo root ;;
-u\ *|-g\ *) grep -qx "${2}" "$users" 2>/dev/null && echo 64000 || { [ "$2" = root ] && echo 0; } || exit 1 ;;
*) exec /usr/bin/id "$@" ;;
esac
)SH";

constexpr auto Useradd = R"SH(#!/bin/sh
for last; do :; done; mkdir -p "$GANTRY_SYSROOT/.sandbox"; echo "$last" >>"$GANTRY_SYSROOT/.sandbox/users"
)SH";

constexpr auto Chown = "#!/bin/sh\nexit 0\n";

} // namespace

SandboxShell::SandboxShell(ServerRecord server, QString folder, QString manager)
    : m_server(std::move(server))
    , m_folder(std::move(folder))
    , m_manager(std::move(manager))
{
    writeStandIns();
}

void SandboxShell::writeStandIns() const
{
    const QString bin = m_folder + u"/.sandbox/bin"_s;
    QDir().mkpath(bin);
    const std::pair<QString, const char *> tools[] = { { u"systemctl"_s, Systemctl },
        { u"supervisorctl"_s, Supervisorctl }, { u"id"_s, Id }, { u"useradd"_s, Useradd },
        { u"chown"_s, Chown } };
    for (const auto &[name, text] : tools) {
        if (name == u"supervisorctl"_s && m_manager != u"supervisor"_s)
            continue;
        QFile file(bin + u'/' + name);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text);
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (m_manager == u"systemd"_s) {
        QDir().mkpath(m_folder + u"/run/systemd/system"_s);
        QDir().mkpath(m_folder + u"/etc/systemd/system"_s);
    } else if (m_manager == u"supervisor"_s && !QFile::exists(m_folder + u"/var/run/supervisor.sock"_s)) {
        // supervisord is known by its control socket.
        QDir().mkpath(m_folder + u"/var/run"_s);
        QProcess::execute(u"python3"_s,
            { u"-c"_s, u"import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])"_s,
                m_folder + u"/var/run/supervisor.sock"_s });
    }
}

Result<void> SandboxShell::connect(const HostKeyPolicy &)
{
    m_connected = true;
    if (auto ok = enter(); !ok) {
        m_connected = true; // a later connect works again
        return ok;
    }
    return {};
}

Result<void> SandboxShell::enter()
{
    countServerCall();
    if (m_failAt > 0 && serverCalls() == m_failAt) {
        m_connected = false;
        return fail(ErrorKind::ConnectionLost, u"The connection to %1 was lost."_s.arg(m_server.name));
    }
    if (!m_connected)
        return fail(ErrorKind::ConnectionLost, u"Not connected to %1."_s.arg(m_server.name));
    return {};
}

Result<RemoteShell::ExecResult> SandboxShell::shell(const QStringList &args, const QByteArray &stdinData)
{
    QProcess sh;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GANTRY_SYSROOT"_s, m_folder);
    env.insert(u"PATH"_s, m_folder + u"/.sandbox/bin:"_s + env.value(u"PATH"_s));
    sh.setProcessEnvironment(env);
    sh.start(u"/bin/sh"_s, args);
    sh.write(stdinData);
    sh.closeWriteChannel();
    if (!sh.waitForFinished(60000))
        return fail(u"A sandbox script did not finish."_s);
    return ExecResult { sh.exitStatus() == QProcess::NormalExit ? sh.exitCode() : -1,
        sh.readAllStandardOutput(), sh.readAllStandardError(), false };
}

Result<RemoteShell::ExecResult> SandboxShell::run(const QString &command, bool allowFailure, bool)
{
    if (auto ok = enter(); !ok)
        return std::unexpected(ok.error());
    auto result = shell({ u"-c"_s, command }, {});
    if (result && !allowFailure && result->exitStatus != 0)
        return std::unexpected(commandError(command, *result));
    return result;
}

Result<RemoteShell::ExecResult> SandboxShell::runAsRoot(const QByteArray &script, bool allowFailure, bool)
{
    if (auto ok = enter(); !ok)
        return std::unexpected(ok.error());
    m_scripts.append(script);
    auto result = shell({ u"-s"_s }, script);
    if (result && !allowFailure && result->exitStatus != 0)
        return std::unexpected(commandError(QString::fromUtf8(script.left(script.indexOf('\n'))), *result));
    return result;
}

Result<qint64> SandboxShell::upload(
    const QString &localPath, const QString &remotePath, const ProgressCallback &progress)
{
    if (auto ok = enter(); !ok)
        return std::unexpected(ok.error());
    QFile::remove(remotePath);
    if (!QFile::copy(localPath, remotePath))
        return fail(u"The sandbox could not take %1."_s.arg(remotePath));
    const qint64 size = QFileInfo(remotePath).size();
    if (progress)
        progress(size, size);
    return size;
}

Result<RemoteShell::HttpResponse> SandboxShell::httpGet(int, const QString &, std::chrono::milliseconds)
{
    if (auto ok = enter(); !ok)
        return std::unexpected(ok.error());
    const int status = m_health ? m_health(currentRelease(), running()) : (running() ? 200 : 0);
    if (status == 0)
        return fail(u"Connection refused"_s);
    return HttpResponse { status, "ok", std::chrono::milliseconds(1) };
}

int SandboxShell::currentReleaseIn(const QString &folder)
{
    const QDir apps(folder + u"/opt/gantry"_s);
    for (const QString &app : apps.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(apps.filePath(app + u"/current"_s));
        if (!target.isEmpty())
            return QFileInfo(target).fileName().toInt();
    }
    return 0;
}

bool SandboxShell::running() const
{
    const QDir state(m_folder + u"/.sandbox"_s);
    for (const QString &name : state.entryList({ u"gantry-*"_s }, QDir::Files)) {
        QFile file(state.filePath(name));
        if (!name.endsWith(u".enabled"_s) && !name.endsWith(u".applied"_s) &&
            file.open(QIODevice::ReadOnly) && file.readAll().trimmed() == "active")
            return true;
    }
    return false;
}

} // namespace Gantry
