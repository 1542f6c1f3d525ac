#include "core/service/systemdunit.h"

#include <algorithm>

#include <QRegularExpression>

#include "core/common/printable.h"
#include "core/common/serverpath.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(pattern).match(text).hasMatch();
}

bool hasControl(const QString &text)
{
    return std::any_of(
        text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7F; });
}

QString binaryOf(const UnitSpec &spec)
{
    return spec.binaryName.isEmpty() ? spec.app : spec.binaryName;
}

QString envFileOf(const UnitSpec &spec)
{
    return spec.envFilePath.isEmpty() ? spec.deployRoot + u"/shared/"_s + spec.app + u".env"_s
                                      : spec.envFilePath;
}

// Description= expands "%" specifiers; nothing else in it is special on one line.
QString descriptionOf(const UnitSpec &spec)
{
    QString text =
        spec.description.trimmed().isEmpty() ? u"Gantry service "_s + spec.app : spec.description.trimmed();
    return text.replace(u'%', u"%%"_s);
}

QString escapedChar(QChar c)
{
    switch (c.unicode()) {
    case '\\':
        return u"\\\\"_s;
    case '"':
        return u"\\\""_s;
    case '\n':
        return u"\\n"_s;
    case '\t':
        return u"\\t"_s;
    case '\r':
        return u"\\r"_s;
    case '$':
        return u"$$"_s;
    case '%':
        return u"%%"_s;
    default:
        break;
    }
    if (c.unicode() < 0x20 || c.unicode() == 0x7F)
        return u"\\x%1"_s.arg(int(c.unicode()), 2, 16, QChar(u'0'));
    return QString(c);
}

} // namespace

QString SystemdUnit::unitName(const QString &app)
{
    return u"gantry-"_s + app + u".service"_s;
}

QString SystemdUnit::quoteArgument(const QString &arg)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_./:=,+@-]+\\z"_s);
    if (plain.match(arg).hasMatch())
        return arg;
    QString quoted = u"\""_s;
    for (const QChar c : arg)
        quoted += escapedChar(c);
    return quoted + u'"';
}

Result<QByteArray> SystemdUnit::render(const UnitSpec &spec)
{
    if (auto ok = validate(spec); !ok)
        return std::unexpected(ok.error());
    QStringList lines {
        u"# Written by Gantry for %1; a deploy replaces it, so edit the profile instead."_s.arg(spec.app)
    };
    lines << unitSection(spec) << QString() << serviceSection(spec) << QString();
    lines << u"[Install]"_s << u"WantedBy=multi-user.target"_s;
    return (lines.join(u'\n') + u'\n').toUtf8();
}

Result<void> SystemdUnit::validate(const UnitSpec &spec)
{
    if (auto ok = validateNames(spec); !ok)
        return ok;
    if (auto ok = ServerPath::validate(spec.deployRoot, tr("deploy root")); !ok)
        return ok;
    if (auto ok = ServerPath::validate(envFileOf(spec), tr("environment file path")); !ok)
        return ok;
    const DeploySettings &s = spec.settings;
    for (const QString &value : { s.serviceUser, s.restartPolicy, s.memoryMax, s.cpuQuota, s.ginMode }) {
        if (hasControl(value))
            return fail(tr("A deploy setting of %1 contains a line break or another control character.")
                            .arg(spec.app),
                tr("Remove line breaks and tabs from the profile's deploy settings."));
    }
    if (auto ok = s.validate(); !ok)
        return ok;
    if (s.serviceUser == u"root")
        return fail(tr("The service for %1 would run as root.").arg(spec.app),
            tr("Use a dedicated service user; Gantry creates it on the server."));
    for (const QString &arg : spec.args) {
        if (arg.contains(QChar(0)))
            return fail(tr("An argument of %1 contains a NUL character.").arg(spec.app),
                tr("Remove the NUL character from the service arguments."));
    }
    return {};
}

Result<void> SystemdUnit::validateNames(const UnitSpec &spec)
{
    if (spec.app.size() > 64 || !matches(u"^[a-z0-9][a-z0-9._-]*\\z"_s, spec.app))
        return fail(tr("The app name \"%1\" cannot name a systemd unit.").arg(printable(spec.app)),
            tr("Use up to 64 lower-case letters, digits, \".\", \"_\" and \"-\", starting with a letter or "
               "digit."));
    const QString binary = binaryOf(spec);
    if (binary == u"." || binary == u".." || !matches(u"^[A-Za-z0-9._+-]{1,255}\\z"_s, binary))
        return fail(tr("The binary name \"%1\" is not a plain file name.").arg(printable(binary)),
            tr("Use the executable's file name inside the release folder, without a path."));
    const QString description = spec.description.trimmed();
    if (hasControl(description) || description.endsWith(u'\\'))
        return fail(tr("The description of %1 must be a single line not ending in \"\\\".").arg(spec.app),
            tr("Remove line breaks, tabs and a trailing backslash from the description."));
    return {};
}

QStringList SystemdUnit::unitSection(const UnitSpec &spec)
{
    return {
        u"[Unit]"_s,
        u"Description="_s + descriptionOf(spec),
        u"After=network-online.target"_s,
        u"Wants=network-online.target"_s,
        // systemd's default start limit (5 starts in 10 s) leaves a crashing service dead for good,
        // for example while its database is down. RestartSec= already spaces the restarts, so
        // keep restarting forever; a deploy notices a crash loop through its health check.
        u"StartLimitIntervalSec=0"_s,
    };
}

QStringList SystemdUnit::serviceSection(const UnitSpec &spec)
{
    const DeploySettings &s = spec.settings;
    const QString current = spec.deployRoot + u"/current"_s;
    QStringList exec { current + u'/' + binaryOf(spec) };
    for (const QString &arg : spec.args)
        exec << quoteArgument(arg);
    QStringList lines {
        u"[Service]"_s,
        u"Type=simple"_s,
        u"User="_s + s.serviceUser,
        u"Group="_s + s.serviceUser,
        u"WorkingDirectory="_s + current,
        u"ExecStart="_s + exec.join(u' '),
        // Values in the EnvironmentFile= override these, whatever the order (systemd.exec(5)),
        // so a profile variable PORT or GIN_MODE wins over the deploy settings.
        u"Environment=GIN_MODE="_s + s.ginMode,
        u"Environment=PORT="_s + QString::number(s.servicePort),
        // Read by the service manager as root before the service starts: the file stays 0600.
        u"EnvironmentFile="_s + envFileOf(spec),
        u"Restart="_s + s.restartPolicy,
        u"RestartSec="_s + QString::number(s.restartSecs),
        u"KillSignal=SIGTERM"_s,
        u"TimeoutStopSec="_s + QString::number(s.stopTimeoutSecs),
    };
    lines << hardening(spec);
    lines << u"StandardOutput=journal"_s << u"StandardError=journal"_s << u"SyslogIdentifier="_s + spec.app;
    // One runaway service cannot flood the journal (and push every other service's lines out).
    lines << u"LogRateLimitIntervalSec="_s + QString::number(s.logRateIntervalSecs)
          << u"LogRateLimitBurst="_s + QString::number(s.logRateBurst);
    return lines;
}

QStringList SystemdUnit::hardening(const UnitSpec &spec)
{
    const DeploySettings &s = spec.settings;
    QStringList lines { u"NoNewPrivileges=yes"_s, u"ProtectSystem=strict"_s,
        u"ReadWritePaths="_s + spec.deployRoot + u"/shared"_s, u"PrivateTmp=yes"_s, u"ProtectHome=yes"_s,
        u"PrivateDevices=yes"_s, u"ProtectKernelTunables=yes"_s, u"ProtectKernelModules=yes"_s,
        u"ProtectControlGroups=yes"_s, u"RestrictSUIDSGID=yes"_s, u"LockPersonality=yes"_s,
        u"LimitNOFILE=65536"_s };
    if (!s.memoryMax.isEmpty())
        lines << u"MemoryMax="_s + s.memoryMax;
    if (!s.cpuQuota.isEmpty())
        lines << u"CPUQuota="_s + s.cpuQuota;
    if (s.servicePort < 1024) {
        lines << u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_s
              << u"CapabilityBoundingSet=CAP_NET_BIND_SERVICE"_s;
    } else {
        lines << u"CapabilityBoundingSet="_s; // no capabilities at all
    }
    return lines;
}

} // namespace Gantry
