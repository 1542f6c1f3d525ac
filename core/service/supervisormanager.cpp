#include "core/service/supervisormanager.h"

#include <QRegularExpression>
#include <QTimeZone>

#include "core/common/shellquote.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QString autorestartFor(const QString &restartPolicy)
{
    if (restartPolicy == u"always"_s)
        return u"true"_s;
    if (restartPolicy == u"no"_s)
        return u"false"_s;
    return u"unexpected"_s; // on-failure and its kin: restart unless it exited 0
}

// "RUNNING   pid 812, uptime 0:05:01" -> supervisor's state word and the pid.
struct StatusLine {
    QString state;
    qint64 pid = 0;
};

StatusLine parseStatusLine(const QString &line)
{
    static const QRegularExpression shape(u"^\\S+\\s+([A-Z]+)\\s*(?:pid (\\d+))?"_s);
    const QRegularExpressionMatch match = shape.match(line.trimmed());
    if (!match.hasMatch())
        return {};
    return { match.captured(1), match.captured(2).toLongLong() };
}

QString activeStateOf(const QString &supervisorState)
{
    if (supervisorState == u"RUNNING"_s)
        return u"active"_s;
    if (supervisorState == u"STARTING"_s || supervisorState == u"BACKOFF"_s)
        return u"activating"_s;
    if (supervisorState == u"STOPPING"_s)
        return u"deactivating"_s;
    if (supervisorState == u"FATAL"_s || supervisorState == u"UNKNOWN"_s)
        return u"failed"_s;
    return u"inactive"_s; // STOPPED, EXITED
}

} // namespace

SupervisorManager::SupervisorManager(ServerLayout layout)
    : ServiceManager(std::move(layout))
{
}

QString SupervisorManager::serviceName() const
{
    return layout().serviceName();
}

QString SupervisorManager::serviceFile() const
{
    return layout().system(u"/etc/supervisor/conf.d/"_s) + serviceName() + u".conf"_s;
}

QString SupervisorManager::wrapperPath() const
{
    return layout().root() + u"/gantry-run"_s;
}

QString SupervisorManager::shellEnvFile() const
{
    return layout().envFile() + u".sh"_s;
}

QString SupervisorManager::logFile() const
{
    return layout().logsDir() + u'/' + layout().app() + u".log"_s;
}

QString SupervisorManager::supervisordLog() const
{
    return layout().system(u"/var/log/supervisor/supervisord.log"_s);
}

QString SupervisorManager::quoteArgument(const QString &arg)
{
    QString quoted = QString::fromUtf8(shellQuote(arg));
    return quoted.replace(u'%', u"%%"_s);
}

QByteArray SupervisorManager::renderShellEnv(const QList<EnvVariable> &env)
{
    static const QRegularExpression shName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    QByteArray out = "# Written by Gantry; read by gantry-run as the service user.\n";
    for (const EnvVariable &v : env)
        if (shName.match(v.name).hasMatch())
            out += v.name.toUtf8() + '=' + shellQuote(v.value) + "\nexport " + v.name.toUtf8() + '\n';
    return out;
}

Result<QByteArray> SupervisorManager::renderServiceFile(const UnitSpec &spec) const
{
    // The same checks as a unit: the names, paths and settings are the same.
    if (auto unit = SystemdUnit::render(spec); !unit)
        return std::unexpected(unit.error());
    const DeploySettings &s = spec.settings;
    const QString current = spec.deployRoot + u"/current"_s;
    QStringList command { wrapperPath(),
        current + u'/' + (spec.binaryName.isEmpty() ? spec.app : spec.binaryName) };
    for (const QString &arg : spec.args)
        command << quoteArgument(arg);
    const QString bytes = QString::number(s.logMaxMegabytes) + u"MB"_s;
    const QStringList lines {
        u"; Written by Gantry for %1; a deploy replaces it, so edit the profile instead."_s.arg(spec.app),
        u"[program:%1]"_s.arg(serviceName()),
        u"command="_s + command.join(u' '),
        u"directory="_s + current,
        u"user="_s + s.serviceUser,
        // The env file (read by gantry-run) wins over these, as EnvironmentFile= does for systemd.
        u"environment=GIN_MODE=\"%1\",PORT=\"%2\""_s.arg(s.ginMode).arg(s.servicePort),
        u"autostart=true"_s,
        u"autorestart="_s + autorestartFor(s.restartPolicy),
        u"exitcodes=0"_s,
        u"startsecs=1"_s,
        // supervisor waits 1 s more after each failed start: with 30 tries it never quite gives up
        // during a short outage, and a deploy notices a crash loop through its health check.
        u"startretries=30"_s,
        u"stopsignal=TERM"_s,
        u"stopwaitsecs="_s + QString::number(s.stopTimeoutSecs),
        u"stopasgroup=true"_s,
        u"killasgroup=true"_s,
        u"redirect_stderr=true"_s,
        u"stdout_logfile="_s + logFile(),
        u"stdout_logfile_maxbytes="_s + bytes,
        u"stdout_logfile_backups="_s + QString::number(s.logBackups),
    };
    return (lines.join(u'\n') + u'\n').toUtf8();
}

QByteArray SupervisorManager::wrapper() const
{
    return "#!/bin/sh\n# Written by Gantry: supervisor starts " + layout().app().toUtf8() +
        " through this as the service user,\n# so its variables come from a file only that user reads.\n"
        "set -e\n. " +
        shellQuote(shellEnvFile()) + "\nexec \"$@\"\n";
}

QByteArray SupervisorManager::isActive() const
{
    return "supervisorctl status " + shellQuote(serviceName()) + " 2>/dev/null | grep -q ' RUNNING '";
}

QByteArray SupervisorManager::writeEnv(
    const QByteArray &envFile, const QList<EnvVariable> &env, const QString &user) const
{
    const QByteArray file = shellQuote(shellEnvFile());
    return ServiceManager::writeEnv(envFile, env, user) + "if [ -f " + file + " ]; then cp -p " + file + " " +
        file + ".previous; else rm -f " + file + ".previous; fi\n" +
        shellWriteFile(shellEnvFile(), renderShellEnv(env), user + u':', u"0600"_s);
}

QByteArray SupervisorManager::reload() const
{
    const QByteArray name = shellQuote(serviceName());
    return "out=$(supervisorctl reread 2>&1) || fail supervisor-reread \"$out\"\n"
           "out=$(supervisorctl update " +
        name + " 2>&1) || fail supervisor-update \"$out\"\n";
}

QByteArray SupervisorManager::install(const QByteArray &conf) const
{
    const QByteArray logs = shellQuote(layout().logsDir());
    return "command -v supervisorctl >/dev/null 2>&1 || fail no-supervisor supervisorctl\n"
           "mkdir -p " +
        logs + " " + shellQuote(layout().system(u"/etc/supervisor/conf.d"_s)) + " && chown 0:0 " + logs +
        " && chmod 0750 " + logs + " || fail io " + logs + "\n" +
        shellWriteFile(wrapperPath(), wrapper(), u"root:root"_s, u"0755"_s) +
        "u=" + shellQuote(serviceFile()) + "\nb=" + shellQuote(layout().serviceFileBackup()) +
        "\nif [ -f \"$u\" ]; then cp -p \"$u\" \"$b\"; else rm -f \"$b\"; fi\n" +
        shellWriteFile(serviceFile() + u".new"_s, conf, u"root:root"_s, u"0644"_s) +
        // Only restart() tells supervisor: it would start the program before `current` is switched.
        "if cmp -s \"$u.new\" \"$u\"; then rm -f \"$u.new\"; else mv -f \"$u.new\" \"$u\"; fi\n"
        "echo 'SERVICE installed'\n";
}

QByteArray SupervisorManager::restore() const
{
    const QByteArray file = shellQuote(shellEnvFile());
    return ServiceManager::restore() + "if [ -f " + file + ".previous ]; then mv -f " + file + ".previous " +
        file + "; fi\n" +
        restoreServiceFile("supervisorctl reread >/dev/null 2>&1; supervisorctl update " +
            shellQuote(serviceName()) + " >/dev/null 2>&1");
}

QByteArray SupervisorManager::restart() const
{
    const QByteArray name = shellQuote(serviceName());
    // A new or changed program is (re)started by `update`; an unchanged one by `restart`, which
    // waits for startsecs. A conf changed by an earlier trip counts as changed too.
    return reload() + "case \"$out\" in *" + name + "*) ;; *) out=$(supervisorctl restart " + name +
        " 2>&1) ;; esac\ncase \"$out\" in *ERROR*) fail restart-failed \"$out\" ;; esac\necho RESTARTED\n";
}

QByteArray SupervisorManager::control(const QString &verb) const
{
    const QByteArray name = shellQuote(serviceName());
    return "out=$(supervisorctl " + shellQuote(verb) + " " + name +
        " 2>&1)\ncase \"$out\" in *ERROR*) fail " + verb.toUtf8() + "-failed \"$out\" ;; esac\n";
}

QByteArray SupervisorManager::status() const
{
    const QByteArray name = shellQuote(serviceName());
    return "echo \"STATUS $(supervisorctl status " + name +
        " 2>&1 | head -n 1)\"\n"
        "pid=$(supervisorctl pid " +
        name +
        " 2>/dev/null)\n"
        "case \"$pid\" in '' | 0 | *[!0-9]*) ;; *)\n"
        "    if [ -r \"/proc/$pid/stat\" ]; then\n"
        "        tck=$(getconf CLK_TCK 2>/dev/null || echo 100)\n"
        "        btime=$(sed -n 's/^btime //p' /proc/stat)\n"
        "        set -- $(sed 's/^.*) //' \"/proc/$pid/stat\")\n"
        "        echo \"TICKS $((${12} + ${13})) $tck\"\n"
        "        echo \"START $((btime + ${20} / tck))\"\n"
        "        echo \"RSS $(sed -n 's/^VmRSS:[^0-9]*\\([0-9]*\\).*/\\1/p' \"/proc/$pid/status\")\"\n"
        "    fi ;;\nesac\n"
        "echo \"RESTARTS $(grep -F \"exited: \"" +
        name + "\" (\" " + shellQuote(supervisordLog()) + " 2>/dev/null | grep -c 'not expected')\"\n";
}

Result<ServiceState> SupervisorManager::parseStatus(const QByteArray &output) const
{
    ServiceState state;
    bool sawStatus = false;
    qint64 ticks = -1, perSecond = 100;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const QString word = line.section(u' ', 0, 0);
        const QString rest = line.section(u' ', 1);
        if (word == u"STATUS"_s) {
            sawStatus = true;
            if (rest.contains(u"no such process"_s)) {
                state.activeState = tr("not installed");
            } else {
                const StatusLine status = parseStatusLine(rest);
                if (status.state.isEmpty())
                    return fail(
                        tr("supervisorctl on the server did not tell the state of %1.").arg(serviceName()),
                        tr("Check that supervisord runs there: supervisorctl status."), rest);
                state.subState = status.state;
                state.activeState = activeStateOf(status.state);
                state.mainPid = status.pid;
            }
        } else if (word == u"TICKS"_s) {
            ticks = rest.section(u' ', 0, 0).toLongLong();
            perSecond = qMax<qint64>(1, rest.section(u' ', 1, 1).toLongLong());
        } else if (word == u"START"_s) {
            state.since = QDateTime::fromSecsSinceEpoch(rest.toLongLong(), Qt::UTC);
        } else if (word == u"RSS"_s && !rest.isEmpty()) {
            state.memoryBytes = rest.toLongLong() * 1024;
        } else if (word == u"RESTARTS"_s) {
            state.restarts = rest.toInt();
        }
    }
    if (!sawStatus)
        return fail(tr("supervisorctl on the server did not tell the state of %1.").arg(serviceName()),
            tr("Check that supervisord runs there: supervisorctl status."), QString::fromUtf8(output));
    if (ticks >= 0)
        state.cpuNanos = ticks * 1000000000 / perSecond;
    if (state.activeState != u"active"_s)
        state.mainPid = 0;
    return state;
}

QByteArray SupervisorManager::logTail(int lines) const
{
    return "tail -n " + QByteArray::number(lines) + " " + shellQuote(logFile()) + " 2>/dev/null\n";
}

} // namespace Gantry
