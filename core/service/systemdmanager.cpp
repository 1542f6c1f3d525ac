#include "core/service/systemdmanager.h"

#include <QMap>
#include <QTimeZone>

#include "core/common/shellquote.h"

using namespace Qt::StringLiterals;

namespace Gantry {

SystemdManager::SystemdManager(ServerLayout layout)
    : ServiceManager(std::move(layout))
{
}

QString SystemdManager::serviceName() const
{
    return SystemdUnit::unitName(layout().app());
}

QString SystemdManager::serviceFile() const
{
    return layout().system(u"/etc/systemd/system/"_s) + serviceName();
}

Result<QByteArray> SystemdManager::renderServiceFile(const UnitSpec &spec) const
{
    return SystemdUnit::render(spec);
}

QByteArray SystemdManager::isActive() const
{
    return "systemctl is-active --quiet " + shellQuote(serviceName()) + " 2>/dev/null";
}

QByteArray SystemdManager::install(const QByteArray &unit) const
{
    const QByteArray name = shellQuote(serviceName());
    return "u=" + shellQuote(serviceFile()) + "\nb=" + shellQuote(layout().serviceFileBackup()) +
        "\nif [ -f \"$u\" ]; then cp -p \"$u\" \"$b\"; else rm -f \"$b\"; fi\n" +
        shellWriteFile(serviceFile() + u".new"_s, unit, u"root:root"_s, u"0644"_s) +
        // systemd is reloaded only when the unit really changed: a reload costs about a second.
        "if cmp -s \"$u.new\" \"$u\"; then rm -f \"$u.new\"; else mv -f \"$u.new\" \"$u\" && systemctl "
        "daemon-reload || fail daemon-reload " +
        name + "; fi\nsystemctl is-enabled --quiet " + name + " 2>/dev/null || systemctl enable " + name +
        " 2>/dev/null\necho 'SERVICE installed'\n";
}

QByteArray SystemdManager::restore() const
{
    return ServiceManager::restore() + restoreServiceFile("systemctl daemon-reload");
}

QByteArray SystemdManager::restart() const
{
    const QByteArray unit = shellQuote(serviceName());
    return "systemctl reset-failed " + unit + " 2>/dev/null || true\nsystemctl restart " + unit +
        " || fail restart-failed " + unit + "\necho RESTARTED\n";
}

QByteArray SystemdManager::control(const QString &verb) const
{
    const QByteArray unit = shellQuote(serviceName());
    QByteArray script;
    if (verb != u"stop"_s)
        script += "systemctl reset-failed " + unit + " 2>/dev/null || true\n";
    return script + "systemctl " + shellQuote(verb) + " " + unit + " || fail " + verb.toUtf8() + "-failed " +
        unit + "\n";
}

QByteArray SystemdManager::status() const
{
    return "TZ=UTC0 LC_ALL=C systemctl show --no-pager -p "
           "LoadState,ActiveState,SubState,MainPID,NRestarts,MemoryCurrent,CPUUsageNSec,"
           "ActiveEnterTimestamp " +
        shellQuote(serviceName()) + "\n";
}

Result<ServiceState> SystemdManager::parseStatus(const QByteArray &output) const
{
    QMap<QString, QString> props;
    for (const QByteArray &line : output.split('\n'))
        if (const qsizetype eq = line.indexOf('='); eq > 0)
            props.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    if (!props.contains(u"ActiveState"_s))
        return fail(tr("systemctl on the server did not tell the state of %1.").arg(serviceName()),
            tr("Check that \"systemctl\" on the server is systemd's own."), QString::fromUtf8(output));
    ServiceState state;
    state.activeState =
        props.value(u"LoadState"_s) == u"not-found"_s ? tr("not installed") : props.value(u"ActiveState"_s);
    state.subState = props.value(u"SubState"_s);
    state.mainPid = props.value(u"MainPID"_s).toLongLong();
    state.restarts = props.value(u"NRestarts"_s).toInt();
    bool ok = false;
    state.memoryBytes = props.value(u"MemoryCurrent"_s).toLongLong(&ok);
    if (!ok)
        state.memoryBytes = -1;
    state.cpuNanos = props.value(u"CPUUsageNSec"_s).toLongLong(&ok);
    if (!ok)
        state.cpuNanos = -1;
    // "Tue 2024-06-04 10:00:00 UTC" (TZ=UTC0 above)
    state.since = QDateTime::fromString(
        props.value(u"ActiveEnterTimestamp"_s).section(u' ', 1, 2), u"yyyy-MM-dd HH:mm:ss"_s);
    state.since.setTimeSpec(Qt::UTC);
    return state;
}

QByteArray SystemdManager::logTail(int lines) const
{
    return "journalctl --no-pager -o short-iso -n " + QByteArray::number(lines) + " -u " +
        shellQuote(serviceName()) + "\n";
}

} // namespace Gantry
