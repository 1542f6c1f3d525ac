#include "core/monitor/hoststatusquery.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// Printed after UnitStatusQuery's own sections, so its parser reads the same output.
const QByteArray Extra = "echo '@@releases'\n"
                         "for d in /opt/gantry/*/; do\n"
                         "  [ -L \"${d}current\" ] || continue\n"
                         "  a=${d%/}; a=${a##*/}; c=$(readlink \"${d}current\"); n=${c##*/}\n"
                         "  v=$(grep -E \"\\\"n\\\":$n[,}]\" \"${d}.gantry/releases.jsonl\" 2>/dev/null "
                         "| grep '\"version\"' | tail -n 1)\n"
                         "  printf '%s\\t%s\\t%s\\n' \"$a\" \"$n\" \"$v\"\n"
                         "done\n";
// Servers without cgroup accounting (containers, some VPS) say [not set] for MemoryCurrent and
// CPUUsageNSec: then the main process's own counters stand in. A line per main process: PID,
// VmRSS in KiB (0 unknown), then /proc/PID/stat from the state field on (utime is the 14th
// stat field, stime the 15th). The first line is the clock tick rate.
const QByteArray Processes =
    "echo '@@proc'\n"
    "getconf CLK_TCK 2>/dev/null || echo 100\n"
    "for p in $(systemctl show -p MainPID --value 'gantry-*.service' 2>/dev/null); do\n"
    "  [ \"$p\" -gt 0 ] 2>/dev/null || continue\n"
    "  s=$(cat /proc/$p/stat 2>/dev/null) || continue\n"
    "  r=$(sed -n 's/^VmRSS:[^0-9]*\\([0-9]*\\).*/\\1/p' /proc/$p/status 2>/dev/null)\n"
    "  echo \"$p ${r:-0} ${s##*) }\"\n"
    "done\n";
const QByteArray Journal = "echo '@@journal'\n"
                           "journalctl --disk-usage 2>/dev/null | tail -n 1\n"
                           "echo '@@df'\n"
                           "df -P /var/log/journal 2>/dev/null | tail -n 1\n";
const QByteArray Done = "echo '@@done'\n";

QHash<QByteArray, QList<QByteArray>> sectionsAfter(const QByteArray &output, QByteArrayView first)
{
    QHash<QByteArray, QList<QByteArray>> sections;
    QByteArray current;
    bool started = false;
    for (QByteArray line : output.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line == "@@" + first)
            started = true;
        if (!started)
            continue;
        if (line.startsWith("@@")) {
            current = line.mid(2);
            sections[current];
        } else {
            sections[current] << line;
        }
    }
    return sections;
}

CurrentRelease releaseFrom(const QByteArray &number, const QByteArray &json)
{
    CurrentRelease release;
    release.n = number.toInt();
    const QJsonObject entry = QJsonDocument::fromJson(json).object();
    release.version = entry.value(u"version"_s).toString();
    return release;
}

// Memory and CPU time of the main process, for units whose cgroup is not accounted.
void fillFromProcesses(UnitStatusReport &report, const QList<QByteArray> &lines)
{
    if (lines.isEmpty())
        return;
    const qint64 ticksPerSecond = std::max(1LL, lines.first().trimmed().toLongLong());
    for (const QByteArray &line : lines.mid(1)) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 15) // pid, rss, then stat from field 3 to at least stime (15)
            continue;
        bool ok = false;
        const qint64 pid = fields.at(0).toLongLong(&ok);
        const auto unit = std::ranges::find(report.units, pid, &UnitStatus::mainPid);
        if (!ok || pid <= 0 || unit == report.units.end())
            continue;
        bool rssOk = false, userOk = false, systemOk = false;
        const quint64 rssKiB = fields.at(1).toULongLong(&rssOk);
        const quint64 ticks = fields.at(13).toULongLong(&userOk) + fields.at(14).toULongLong(&systemOk);
        if (!unit->memoryBytes && rssOk && rssKiB > 0) {
            unit->memoryBytes = rssKiB * 1024;
            unit->usageOfMainProcess = true;
        }
        if (!unit->cpuNSec && userOk && systemOk) {
            unit->cpuNSec = ticks * (1000000000ULL / quint64(ticksPerSecond));
            unit->usageOfMainProcess = true;
        }
    }
}

} // namespace

Result<QByteArray> HostStatusQuery::script(const QStringList &apps, bool withJournalUsage)
{
    const Result<QString> units = UnitStatusQuery::command(apps);
    if (!units)
        return std::unexpected(units.error());
    return "# service status\n" + units->toUtf8() + '\n' + Extra + Processes +
        (withJournalUsage ? Journal : QByteArray()) + Done;
}

Result<HostStatus> HostStatusQuery::parse(const QByteArray &output)
{
    Result<UnitStatusReport> report = UnitStatusQuery::parse(output);
    if (!report)
        return std::unexpected(report.error());
    const auto sections = sectionsAfter(output, "releases");
    if (!sections.contains("done"))
        return fail(tr("The server's answer to the service status query was cut short."),
            tr("Check the connection to the server and try again."));
    HostStatus status;
    status.report = std::move(*report);
    for (const QByteArray &line : sections.value("releases")) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() >= 2 && !fields.at(0).isEmpty())
            status.releases.insert(
                QString::fromUtf8(fields.at(0)), releaseFrom(fields.at(1), fields.mid(2).join('\t')));
    }
    fillFromProcesses(status.report, sections.value("proc"));
    for (const QByteArray &line : sections.value("journal"))
        if (auto bytes = parseDiskUsage(QString::fromUtf8(line)))
            status.journalBytes = bytes;
    for (const QByteArray &line : sections.value("df"))
        if (auto percent = parseDfUsePercent(QString::fromUtf8(line)))
            status.journalFsUsePercent = percent;
    return status;
}

std::optional<qint64> HostStatusQuery::parseDiskUsage(QStringView line)
{
    static const QRegularExpression usage(u"take up (\\d+(?:\\.\\d+)?)([KMGTPE]?)B?\\b"_s);
    const QRegularExpressionMatch match = usage.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    static const QString units = u"KMGTPE"_s;
    const int power = match.capturedView(2).isEmpty() ? 0 : int(units.indexOf(match.capturedView(2))) + 1;
    double value = match.capturedView(1).toDouble();
    for (int i = 0; i < power; ++i)
        value *= 1024;
    return qint64(value);
}

std::optional<int> HostStatusQuery::parseDfUsePercent(QStringView line)
{
    static const QRegularExpression df(u"\\s(\\d{1,3})%\\s+/"_s);
    const QRegularExpressionMatch match = df.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    return match.capturedView(1).toInt();
}

} // namespace Gantry
