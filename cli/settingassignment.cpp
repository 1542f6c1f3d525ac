#include "cli/settingassignment.h"

#include <array>
#include <utility>

#include <QJsonObject>

#include "core/store/records.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

// DeploySettings member names next to the names the store keeps.
constexpr std::array<std::pair<QStringView, QStringView>, 18> Aliases { {
    { u"servicePort", u"service_port" },
    { u"healthPath", u"health_path" },
    { u"healthIntervalSecs", u"health_interval_s" },
    { u"healthTimeoutSecs", u"health_timeout_s" },
    { u"startGraceSecs", u"start_grace_s" },
    { u"ginMode", u"gin_mode" },
    { u"serviceUser", u"service_user" },
    { u"restartPolicy", u"restart" },
    { u"restartSecs", u"restart_s" },
    { u"stopTimeoutSecs", u"stop_timeout_s" },
    { u"memoryMax", u"memory_max" },
    { u"cpuQuota", u"cpu_quota" },
    { u"keepReleases", u"keep_releases" },
    { u"logMaxMegabytes", u"log_max_mb" },
    { u"logBackups", u"log_backups" },
    { u"logRateIntervalSecs", u"log_rate_interval_s" },
    { u"logRateBurst", u"log_rate_burst" },
    { u"serviceManager", u"service_manager" },
} };

} // namespace

QStringList SettingAssignment::knownKeys()
{
    return DeploySettings().toJson().keys();
}

Result<QString> SettingAssignment::storedKey(const QString &key)
{
    if (knownKeys().contains(key))
        return key;
    for (const auto &[alias, stored] : Aliases) {
        if (alias == key)
            return stored.toString();
    }
    return fail(
        tr("\"%1\" is not a deploy setting.").arg(key), tr("Use one of: %1.").arg(knownKeys().join(u", "_s)));
}

Result<SettingAssignment> SettingAssignment::parse(const QString &text)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        return fail(tr("\"%1\" is not a setting; write it as KEY=VALUE, e.g. servicePort=9000.").arg(text));
    const Result<QString> key = storedKey(text.left(eq));
    if (!key)
        return std::unexpected(key.error());
    const QString value = text.mid(eq + 1);
    if (!DeploySettings().toJson().value(*key).isDouble())
        return SettingAssignment { *key, value };
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok)
        return fail(tr("The deploy setting %1 needs a whole number, not \"%2\".").arg(*key, value));
    return SettingAssignment { *key, number };
}

} // namespace Gantry::Cli
