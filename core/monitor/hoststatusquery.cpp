#include "core/monitor/hoststatusquery.h"

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

} // namespace

Result<QByteArray> HostStatusQuery::script(const QStringList &apps, bool withJournalUsage)
{
    const Result<QString> units = UnitStatusQuery::command(apps);
    if (!units)
        return std::unexpected(units.error());
    return "# service status\n" + units->toUtf8() + '\n' + Extra +
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
