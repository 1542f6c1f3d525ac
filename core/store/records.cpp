#include "core/store/records.h"

#include <algorithm>
#include <array>
#include <utility>

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

using IntField = std::pair<QStringView, int DeploySettings::*>;
using TextField = std::pair<QStringView, QString DeploySettings::*>;

constexpr std::array<IntField, 11> IntFields { {
    { u"service_port", &DeploySettings::servicePort },
    { u"health_interval_s", &DeploySettings::healthIntervalSecs },
    { u"health_timeout_s", &DeploySettings::healthTimeoutSecs },
    { u"start_grace_s", &DeploySettings::startGraceSecs },
    { u"restart_s", &DeploySettings::restartSecs },
    { u"stop_timeout_s", &DeploySettings::stopTimeoutSecs },
    { u"keep_releases", &DeploySettings::keepReleases },
    { u"log_max_mb", &DeploySettings::logMaxMegabytes },
    { u"log_backups", &DeploySettings::logBackups },
    { u"log_rate_interval_s", &DeploySettings::logRateIntervalSecs },
    { u"log_rate_burst", &DeploySettings::logRateBurst },
} };

constexpr std::array<TextField, 7> TextFields { {
    { u"health_path", &DeploySettings::healthPath },
    { u"gin_mode", &DeploySettings::ginMode },
    { u"service_user", &DeploySettings::serviceUser },
    { u"restart", &DeploySettings::restartPolicy },
    { u"memory_max", &DeploySettings::memoryMax },
    { u"cpu_quota", &DeploySettings::cpuQuota },
    { u"service_manager", &DeploySettings::serviceManager },
} };

const QStringList GinModes { u"debug"_s, u"release"_s, u"test"_s };
const QStringList RestartPolicies { u"no"_s, u"always"_s, u"on-success"_s, u"on-failure"_s, u"on-abnormal"_s,
    u"on-abort"_s, u"on-watchdog"_s };

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(pattern).match(text).hasMatch();
}

QString userNameFor(const QString &appName)
{
    QString user;
    for (const QChar c : appName.toLower()) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        user += ok ? c : u'-';
    }
    if (user.isEmpty())
        return u"gantry"_s;
    if (!(user.front() >= u'a' && user.front() <= u'z') && user.front() != u'_')
        user.prepend(u'_');
    return user.left(32);
}

} // namespace

Result<void> RecordName::validate(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"_s);
    if (pattern.match(name).hasMatch())
        return {};
    return fail(tr("The name \"%1\" is not valid.").arg(name),
        tr("Use letters, digits, \".\", \"-\" and \"_\", starting with a letter or a digit."));
}

QString ProjectRecord::appName() const
{
    const QString configured = buildSettings.value(u"app"_s).toString();
    return configured.isEmpty() ? QFileInfo(path).fileName().toLower() : configured;
}

QString ServerRecord::authName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::Key:
        return u"key"_s;
    case AuthKind::Password:
        return u"password"_s;
    case AuthKind::Agent:
        break;
    }
    return u"agent"_s;
}

std::optional<AuthKind> ServerRecord::authFromName(const QString &name)
{
    for (const AuthKind kind : { AuthKind::Key, AuthKind::Agent, AuthKind::Password }) {
        if (authName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

Result<void> ServerRecord::validate() const
{
    if (auto ok = RecordName::validate(name); !ok)
        return ok;
    if (address.isEmpty() || address.contains(u' ') || user.isEmpty())
        return fail(tr("Server %1 needs an address and a user name.").arg(name),
            tr("Enter the host name or IP address and the SSH user."));
    if (port < 1 || port > 65535)
        return fail(tr("The SSH port %1 of server %2 is not between 1 and 65535.").arg(port).arg(name),
            tr("Use 22 unless the server listens elsewhere."));
    if (auth == AuthKind::Key && keyFile.isEmpty())
        return fail(tr("Server %1 signs in with a key, but no key file is set.").arg(name),
            tr("Choose the private key file, or sign in with the SSH agent."));
    if (!serviceManager.isEmpty() && serviceManager != u"systemd"_s && serviceManager != u"supervisor"_s)
        return fail(
            tr("The service manager \"%1\" of server %2 is not one Gantry knows.").arg(serviceManager, name),
            tr("Use systemd or supervisor, or automatic (empty) for what the server runs."));
    return {};
}

Result<void> ProfileRecord::validate() const
{
    if (auto ok = RecordName::validate(name); !ok)
        return ok;
    const Result<DeploySettings> merged =
        DeploySettings::fromJson(settings, DeploySettings::defaults(project));
    return merged ? merged->validate() : std::unexpected(merged.error());
}

bool VariableRecord::isValidName(QStringView name)
{
    if (name.isEmpty() || (name.front() >= u'0' && name.front() <= u'9'))
        return false;
    for (const QChar c : name) {
        const bool ok =
            (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

DeploySettings DeploySettings::defaults(const QString &appName)
{
    DeploySettings settings;
    settings.serviceUser = userNameFor(appName);
    return settings;
}

QJsonObject DeploySettings::toJson() const
{
    QJsonObject json;
    for (const auto &[key, member] : IntFields)
        json.insert(key.toString(), this->*member);
    for (const auto &[key, member] : TextFields)
        json.insert(key.toString(), this->*member);
    return json;
}

Result<DeploySettings> DeploySettings::fromJson(const QJsonObject &json, const DeploySettings &base)
{
    DeploySettings settings = base;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        const auto intField = std::find_if(
            IntFields.begin(), IntFields.end(), [&](const IntField &f) { return f.first == key; });
        const auto textField = std::find_if(
            TextFields.begin(), TextFields.end(), [&](const TextField &f) { return f.first == key; });
        const QJsonValue value = it.value();
        if (intField != IntFields.end() && value.isDouble() && value.toDouble() == value.toInteger())
            settings.*(intField->second) = value.toInt();
        else if (textField != TextFields.end() && value.isString())
            settings.*(textField->second) = value.toString();
        else if (intField == IntFields.end() && textField == TextFields.end())
            return fail(
                tr("Unknown deploy setting \"%1\".").arg(it.key()), tr("Remove it or check its spelling."));
        else
            return fail(tr("The deploy setting \"%1\" has a value of the wrong type.").arg(it.key()),
                intField != IntFields.end() ? tr("Use a whole number.") : tr("Use text."));
    }
    return settings;
}

Result<void> DeploySettings::validate() const
{
    if (auto ok = validateHealth(); !ok)
        return ok;
    if (auto ok = validateTimings(); !ok)
        return ok;
    return validateUnit();
}

Result<void> DeploySettings::validateHealth() const
{
    if (servicePort < 1 || servicePort > 65535)
        return fail(tr("The service port %1 is not between 1 and 65535.").arg(servicePort),
            tr("Use the port your service listens on, such as 8080."));
    if (!healthPath.startsWith(u'/') || healthPath.contains(u' '))
        return fail(tr("The health path \"%1\" must start with \"/\" and have no spaces.").arg(healthPath),
            tr("Use a path such as /healthz."));
    if (!GinModes.contains(ginMode))
        return fail(tr("GIN_MODE \"%1\" is not debug, release or test.").arg(ginMode),
            tr("Use release for servers and debug for development."));
    return {};
}

Result<void> DeploySettings::validateTimings() const
{
    const std::array<std::pair<QString, int>, 5> timings { { { u"health_interval_s"_s, healthIntervalSecs },
        { u"health_timeout_s"_s, healthTimeoutSecs }, { u"start_grace_s"_s, startGraceSecs },
        { u"restart_s"_s, restartSecs }, { u"stop_timeout_s"_s, stopTimeoutSecs } } };
    for (const auto &[name, seconds] : timings) {
        if (seconds <= 0)
            return fail(tr("The deploy setting %1 is %2; it must be a positive number of seconds.")
                            .arg(name)
                            .arg(seconds),
                tr("Use 1 or more."));
    }
    if (keepReleases < 1)
        return fail(tr("Keep releases is %1; at least one release must be kept.").arg(keepReleases),
            tr("Use 1 or more; 5 is the default."));
    return validateLogBounds();
}

Result<void> DeploySettings::validateLogBounds() const
{
    // Bounded by design: a service must never fill its server's disk with logs.
    const std::array<std::tuple<QString, int, int>, 4> bounds { { { u"log_max_mb"_s, logMaxMegabytes, 1024 },
        { u"log_backups"_s, logBackups, 100 }, { u"log_rate_interval_s"_s, logRateIntervalSecs, 3600 },
        { u"log_rate_burst"_s, logRateBurst, 1000000 } } };
    for (const auto &[name, value, most] : bounds) {
        if (value < 1 || value > most)
            return fail(tr("The deploy setting %1 is %2; it must be between 1 and %3.")
                            .arg(name)
                            .arg(value)
                            .arg(most),
                tr("Leave it out of the profile for the default."));
    }
    if (!serviceManager.isEmpty() && serviceManager != u"systemd"_s && serviceManager != u"supervisor"_s)
        return fail(tr("The service manager \"%1\" is not one Gantry knows.").arg(serviceManager),
            tr("Use systemd or supervisor, or leave it empty to use what the server runs."));
    return {};
}

Result<void> DeploySettings::validateUnit() const
{
    if (!matches(u"^[a-z_][a-z0-9_-]{0,31}$"_s, serviceUser))
        return fail(tr("The service user \"%1\" is not a valid user name.").arg(serviceUser),
            tr("Use lower-case letters, digits, \"-\" and \"_\", starting with a letter."));
    if (!RestartPolicies.contains(restartPolicy))
        return fail(tr("The restart policy \"%1\" is not one systemd knows.").arg(restartPolicy),
            tr("Use on-failure (the default) or always."));
    if (!memoryMax.isEmpty() && !matches(u"^(?:[1-9][0-9]*[KMGT]?|infinity)$"_s, memoryMax))
        return fail(tr("The memory limit \"%1\" is not a size.").arg(memoryMax),
            tr("Use a size like 512M or 1G, or infinity; leave it empty for no limit."));
    if (!cpuQuota.isEmpty() && !matches(u"^[1-9][0-9]*%$"_s, cpuQuota))
        return fail(tr("The CPU quota \"%1\" is not a percentage.").arg(cpuQuota),
            tr("Use a percentage like 50% (half a core) or 200% (two cores); leave it empty for no limit."));
    return {};
}

} // namespace Gantry
