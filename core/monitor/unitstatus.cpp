#include "core/monitor/unitstatus.h"

#include <algorithm>
#include <limits>

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include "core/common/shellquote.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

constexpr QByteArrayView Header = "@@gantry-units 1";
constexpr QStringView UnitPrefix = u"gantry-";
constexpr QStringView UnitSuffix = u".service";
constexpr qsizetype CauseLimit = 400;

// Every property UnitStatus reads, in one -p list.
const QByteArray Properties = "Id,LoadState,ActiveState,SubState,Result,MainPID,NRestarts,"
                              "ExecMainStartTimestamp,ExecMainStartTimestampMonotonic,MemoryCurrent,"
                              "CPUUsageNSec";

// Lines of each "@@name" section; the header and the end marker are sections without lines.
using Sections = QHash<QByteArray, QList<QByteArray>>;

QList<QByteArray> linesOf(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

// Sections from the header on; nothing when there is no header.
std::optional<Sections> splitSections(const QByteArray &output)
{
    const QList<QByteArray> lines = linesOf(output);
    const auto header = std::find_if(
        lines.begin(), lines.end(), [](const QByteArray &line) { return line.trimmed() == Header; });
    if (header == lines.end())
        return std::nullopt;
    Sections sections;
    QByteArray current;
    for (auto it = header + 1; it != lines.end(); ++it) {
        if (it->startsWith("@@")) {
            current = it->mid(2).trimmed();
            sections[current];
        } else if (!current.isEmpty()) {
            sections[current] << *it;
        }
    }
    return sections;
}

QString excerpt(const QByteArray &text)
{
    const QString decoded = QString::fromUtf8(text.left(CauseLimit)).trimmed();
    return text.size() > CauseLimit ? decoded + u"…"_s : decoded;
}

bool validApp(const QString &app)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}\\z"_s);
    return pattern.match(app).hasMatch();
}

// "Key=Value" lines of one `systemctl show` block.
using Block = QHash<QByteArray, QByteArray>;

// Blocks split at blank lines; the first line that is not "Key=Value" when there is one.
std::pair<QList<Block>, std::optional<QByteArray>> readBlocks(const QList<QByteArray> &lines)
{
    static const QRegularExpression property(u"^[A-Za-z][A-Za-z0-9]*="_s);
    QList<Block> blocks(1);
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!blocks.last().isEmpty())
                blocks.append(Block());
            continue;
        }
        if (!property.match(QString::fromUtf8(line)).hasMatch())
            return { {}, line };
        const qsizetype eq = line.indexOf('=');
        blocks.last().insert(line.left(eq), line.mid(eq + 1));
    }
    if (blocks.last().isEmpty())
        blocks.removeLast();
    return { blocks, std::nullopt };
}

qint64 integerOr(const QByteArray &text, qint64 fallback)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok && value >= 0 ? value : fallback;
}

UnitStatus unitFrom(const Block &block)
{
    UnitStatus unit;
    unit.id = QString::fromUtf8(block.value("Id"));
    unit.app = UnitStatusQuery::appOf(unit.id);
    unit.loadState = QString::fromUtf8(block.value("LoadState"));
    unit.activeState = QString::fromUtf8(block.value("ActiveState"));
    unit.subState = QString::fromUtf8(block.value("SubState"));
    unit.result = QString::fromUtf8(block.value("Result"));
    unit.mainPid = integerOr(block.value("MainPID"), 0);
    unit.nRestarts =
        int(std::min<qint64>(integerOr(block.value("NRestarts"), 0), std::numeric_limits<int>::max()));
    unit.startedAt =
        UnitStatusQuery::parseTimestamp(QString::fromUtf8(block.value("ExecMainStartTimestamp")));
    unit.startedMonotonicUSec = integerOr(block.value("ExecMainStartTimestampMonotonic"), 0);
    unit.memoryBytes = UnitStatusQuery::parseCounter(QString::fromUtf8(block.value("MemoryCurrent")));
    unit.cpuNSec = UnitStatusQuery::parseCounter(QString::fromUtf8(block.value("CPUUsageNSec")));
    return unit;
}

// A start time systemd printed in another zone than UTC, from the monotonic clocks instead.
void deriveStartTime(UnitStatus &unit, const UnitStatusReport &report)
{
    const qint64 uptimeUSec = report.uptimeMSec * 1000;
    if (unit.startedAt.isValid() || unit.startedMonotonicUSec <= 0 || report.serverTimeNSec <= 0 ||
        report.uptimeMSec < 0 || unit.startedMonotonicUSec > uptimeUSec)
        return;
    const qint64 agoMSec = (uptimeUSec - unit.startedMonotonicUSec) / 1000;
    unit.startedAt = report.serverTime().addMSecs(-agoMSec);
}

} // namespace

QDateTime UnitStatusReport::serverTime() const
{
    return serverTimeNSec > 0 ? QDateTime::fromMSecsSinceEpoch(serverTimeNSec / 1000000, Qt::UTC)
                              : QDateTime();
}

const UnitStatus *UnitStatusReport::unit(const QString &app) const
{
    const auto it =
        std::find_if(units.begin(), units.end(), [&](const UnitStatus &u) { return u.app == app; });
    return it == units.end() ? nullptr : &*it;
}

Result<QString> UnitStatusQuery::command(const QStringList &apps)
{
    QByteArray named;
    for (const QString &app : apps) {
        if (!validApp(app)) {
            return fail(tr("\"%1\" is not the name of a Gantry service.").arg(app),
                tr("Service names are 1 to 64 lower-case letters, digits, dots, dashes and underscores."));
        }
        named += ' ' + shellQuote(QString(UnitPrefix + app + UnitSuffix));
    }
    // Unit files that are installed but not loaded (disabled and stopped) do not match a glob,
    // so their names come from list-unit-files. stdout of systemctl show goes straight out
    // (fd 3); its stderr is kept for the error message.
    const QByteArray script = "echo '" + Header +
        "'\n"
        "units=$(systemctl list-unit-files --no-legend --no-pager --type=service 'gantry-*.service' "
        "2>/dev/null | awk '$1 !~ /@/ { print $1 }')\n"
        "echo '@@clock'\ndate +%s%N\ncat /proc/uptime\n"
        "echo '@@units'\nexec 3>&1\n"
        "err=$( { TZ=UTC0 LC_ALL=C systemctl show --no-pager -p " +
        Properties + " 'gantry-*.service'" + named +
        " $units 1>&3 3>&-; } 2>&1 )\n"
        "rc=$?\necho '@@exit'\necho \"$rc\"\necho \"$err\"\necho '@@end'\n";
    return u"sh -c "_s + QString::fromUtf8(shellQuote(QString::fromUtf8(script)));
}

Result<UnitStatusReport> UnitStatusQuery::parse(const QByteArray &output)
{
    const std::optional<Sections> sections = splitSections(output);
    if (!sections) {
        return fail(tr("The server's answer to the service status query was not understood."),
            tr("Check that the login shell of the server's user runs commands and prints nothing else "
               "(a menu, or a shell that exits at once, cannot be used)."),
            excerpt(output));
    }
    const QList<QByteArray> exit = sections->value("exit");
    bool haveStatus = false;
    const int status = exit.isEmpty() ? -1 : exit.first().trimmed().toInt(&haveStatus);
    if (!sections->contains("end") || !haveStatus) {
        return fail(tr("The server's answer to the service status query was cut short."),
            tr("Check the connection to the server and try again."), excerpt(output.right(CauseLimit)));
    }
    if (status != 0) {
        const QByteArray stderrText = exit.mid(1).join('\n');
        const bool noSystemd = stderrText.contains("not been booted with systemd") ||
            stderrText.contains("Failed to connect to bus");
        return fail(tr("systemctl on the server could not tell the status of the services."),
            noSystemd ? tr("Gantry runs services with systemd, and systemd does not run on this server.")
                      : tr("Run \"systemctl status 'gantry-*'\" on the server to see why."),
            excerpt(stderrText));
    }
    auto [blocks, badLine] = readBlocks(sections->value("units"));
    if (badLine) {
        return fail(tr("The server's answer to the service status query has a line Gantry does not "
                       "understand: \"%1\".")
                        .arg(excerpt(*badLine)),
            tr("Check that \"systemctl\" on the server is systemd's own and not a wrapper or an alias."));
    }
    UnitStatusReport report;
    const QList<QByteArray> clock = sections->value("clock");
    if (!clock.isEmpty())
        report.serverTimeNSec = parseEpochNSec(QString::fromUtf8(clock.at(0))).value_or(0);
    if (clock.size() > 1)
        report.uptimeMSec = parseUptimeMSec(QString::fromUtf8(clock.at(1))).value_or(-1);
    QSet<QString> seen;
    for (const Block &block : std::as_const(blocks)) {
        if (!block.contains("Id")) {
            return fail(tr("The server's answer to the service status query has a unit without a name."),
                tr("Check that \"systemctl\" on the server is systemd's own and not a wrapper or an alias."));
        }
        UnitStatus unit = unitFrom(block);
        if (unit.app.isEmpty() || seen.contains(unit.id))
            continue;
        seen.insert(unit.id);
        deriveStartTime(unit, report);
        report.units << unit;
    }
    std::sort(report.units.begin(), report.units.end(),
        [](const UnitStatus &a, const UnitStatus &b) { return a.id < b.id; });
    return report;
}

QString UnitStatusQuery::appOf(QStringView unitId)
{
    if (!unitId.startsWith(UnitPrefix) || !unitId.endsWith(UnitSuffix) ||
        unitId.size() <= UnitPrefix.size() + UnitSuffix.size())
        return {};
    const QString app =
        unitId.sliced(UnitPrefix.size(), unitId.size() - UnitPrefix.size() - UnitSuffix.size()).toString();
    return validApp(app) ? app : QString();
}

QDateTime UnitStatusQuery::parseTimestamp(QStringView text)
{
    static const QRegularExpression stamp(
        u"^(?:[A-Z][a-z]{2} )?(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) (?:UTC|GMT|Z)\\z"_s);
    const QRegularExpressionMatch match = stamp.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const QDate date = QDate::fromString(match.captured(1), u"yyyy-MM-dd"_s);
    const QTime time = QTime::fromString(match.captured(2), u"HH:mm:ss"_s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

std::optional<quint64> UnitStatusQuery::parseCounter(QStringView text)
{
    bool ok = false;
    const quint64 value = text.trimmed().toULongLong(&ok);
    if (!ok || value == std::numeric_limits<quint64>::max() || text.trimmed().startsWith(u'+'))
        return std::nullopt;
    return value;
}

std::optional<qint64> UnitStatusQuery::parseEpochNSec(QStringView text)
{
    static const QRegularExpression epoch(u"^(\\d{1,19})(%?N)?\\z"_s);
    const QRegularExpressionMatch match = epoch.match(text.trimmed());
    bool ok = false;
    const qint64 value = match.hasMatch() ? match.capturedView(1).toLongLong(&ok) : 0;
    if (!ok || value <= 0)
        return std::nullopt;
    // Seconds alone when %N is not supported: "1704207845N", or nothing after the seconds.
    const bool seconds = match.hasCaptured(2) || match.capturedLength(1) <= 12;
    if (!seconds)
        return value;
    if (value > std::numeric_limits<qint64>::max() / 1000000000)
        return std::nullopt;
    return value * 1000000000;
}

std::optional<qint64> UnitStatusQuery::parseUptimeMSec(QStringView text)
{
    static const QRegularExpression uptime(u"^(\\d{1,12})(?:\\.(\\d{1,9}))?(?:\\s|\\z)"_s);
    const QRegularExpressionMatch match = uptime.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 seconds = match.capturedView(1).toLongLong();
    const QString fraction = QString(match.captured(2) + u"000"_s).left(3);
    return seconds * 1000 + fraction.toLongLong();
}

} // namespace Gantry
