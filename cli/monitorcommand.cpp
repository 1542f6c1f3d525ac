#include "cli/monitorcommand.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include "cli/commandcontext.h"
#include "cli/exitcode.h"
#include "cli/globaloptions.h"
#include "cli/report.h"
#include "cli/terminal.h"
#include "core/monitor/alertengine.h"
#include "core/monitor/alertwebhook.h"
#include "core/monitor/hostmonitor.h"
#include "core/monitor/logstream.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry::Cli {

namespace {

QJsonValue optionalNumber(const auto &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

QJsonObject unitJson(const UnitSnapshot &u)
{
    return QJsonObject { { u"unit"_s, u.unit }, { u"project"_s, u.project }, { u"app"_s, u.app },
        { u"loadState"_s, u.loadState }, { u"activeState"_s, u.activeState }, { u"subState"_s, u.subState },
        { u"mainPid"_s, double(u.mainPid) }, { u"restarts"_s, u.restarts },
        { u"memoryBytes"_s, optionalNumber(u.memoryBytes) },
        { u"cpuPercent"_s, optionalNumber(u.cpuPercent) }, { u"usageOfMainProcess"_s, u.usageOfMainProcess },
        { u"uptimeMs"_s, optionalNumber(u.uptimeMSec) }, { u"release"_s, u.release },
        { u"version"_s, u.version }, { u"healthProbed"_s, u.healthProbed },
        { u"healthStatus"_s, u.healthStatus }, { u"healthLatencyMs"_s, u.healthLatencyMs },
        { u"healthError"_s, u.healthError } };
}

QString stateName(HostState state)
{
    switch (state) {
    case HostState::Connecting:
        return u"connecting"_s;
    case HostState::Online:
        return u"online"_s;
    case HostState::Unreachable:
        return u"unreachable"_s;
    }
    return {};
}

QJsonObject snapshotJson(const HostSnapshot &s)
{
    QJsonArray units;
    for (const UnitSnapshot &u : s.units)
        units.append(unitJson(u));
    QJsonObject json { { u"server"_s, s.server }, { u"state"_s, stateName(s.state) },
        { u"time"_s, s.time.toString(Qt::ISODateWithMs) }, { u"cycleMs"_s, double(s.cycleMSec) },
        { u"remoteCommands"_s, s.remoteCommands }, { u"failures"_s, s.failures },
        { u"nextRefreshMs"_s, double(s.nextRefresh.count()) },
        { u"journalBytes"_s, optionalNumber(s.journalBytes) },
        { u"journalFsUsePercent"_s, optionalNumber(s.journalFsUsePercent) },
        { u"journalWarning"_s, s.journalWarning }, { u"units"_s, units } };
    if (s.state == HostState::Unreachable)
        json.insert(
            u"error"_s, QJsonObject { { u"message"_s, s.problem.message }, { u"hint"_s, s.problem.hint } });
    return json;
}

QString duration(std::optional<qint64> msec)
{
    if (!msec)
        return u"-"_s;
    const qint64 s = *msec / 1000;
    return s >= 86400 ? u"%1d%2h"_s.arg(s / 86400).arg(s % 86400 / 3600)
        : s >= 3600   ? u"%1h%2m"_s.arg(s / 3600).arg(s % 3600 / 60)
                      : u"%1m%2s"_s.arg(s / 60).arg(s % 60);
}

QString unitLine(const QString &server, const UnitSnapshot &u)
{
    const QString health = !u.healthProbed ? u"-"_s
        : u.healthStatus ? MonitorCommand::tr("HTTP %1 %2 ms").arg(u.healthStatus).arg(u.healthLatencyMs)
                         : u.healthError;
    return u"%1\t%2\t%3 (%4)\t%5\t%6\t%7\t%8\t%9\t%10"_s.arg(server, u.unit, u.activeState, u.subState,
        u.version.isEmpty() ? u"-"_s : u.version, duration(u.uptimeMSec), QString::number(u.restarts),
        u.cpuPercent ? QString::number(*u.cpuPercent, 'f', 1) + u'%' : u"-"_s,
        u.memoryBytes ? QLocale::system().formattedDataSize(qint64(*u.memoryBytes)) : u"-"_s, health);
}

void drawTable(const QMap<QString, HostSnapshot> &latest)
{
    if (Terminal::isInteractive())
        Terminal::outRaw("\x1b[H\x1b[2J");
    Terminal::out(MonitorCommand::tr("SERVER\tUNIT\tSTATE\tVERSION\tUPTIME\tRESTARTS\tCPU\tMEMORY\tHEALTH"));
    for (const HostSnapshot &s : latest) {
        if (s.state == HostState::Unreachable)
            Terminal::out(MonitorCommand::tr("%1\tunreachable: %2 (retry in %3 s)")
                              .arg(s.server, s.problem.message)
                              .arg(s.nextRefresh.count() / 1000));
        for (const UnitSnapshot &u : s.units)
            Terminal::out(unitLine(s.server, u));
        if (s.journalWarning)
            Terminal::out(MonitorCommand::tr("%1\twarning: the journal takes %2 (its disk is %3% full)")
                              .arg(s.server, QLocale::system().formattedDataSize(s.journalBytes.value_or(0)))
                              .arg(s.journalFsUsePercent.value_or(0)));
    }
}

// Stores and announces the alerts a snapshot raises.
class AlertSink final {
public:
    explicit AlertSink(Workspace &workspace)
        : m_workspace(workspace)
    {
        const Result<QString> url = workspace.webhookUrl();
        if (url && !url->isEmpty())
            m_webhook = std::make_unique<AlertWebhook>(QUrl(*url));
    }
    void feed(const HostSnapshot &snapshot)
    {
        QList<EventRecord> events = m_engine.feed(snapshot);
        if (events.isEmpty())
            return;
        if (auto ok = m_workspace.addEvents(events); !ok)
            Report::warning(ok.error());
        for (const EventRecord &e : events) {
            Terminal::err((e.recovery ? MonitorCommand::tr("recovered: %1") : MonitorCommand::tr("ALERT: %1"))
                              .arg(e.message));
            if (m_webhook)
                m_webhook->post(e);
        }
    }
    void drain()
    {
        QElapsedTimer clock;
        clock.start();
        while (m_webhook && m_webhook->pending() > 0 && clock.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }

private:
    Workspace &m_workspace;
    AlertEngine m_engine;
    std::unique_ptr<AlertWebhook> m_webhook;
};

QList<MonitoredService> servicesOf(CommandContext &c, const ServerRecord &server, const QString &profile)
{
    MonitoredService service;
    service.project = c.project.name;
    service.app = c.project.appName();
    if (auto resolved = c.workspace->resolve(c.project.name, profile, server.name)) {
        service.port = resolved->settings.servicePort;
        service.healthPath = resolved->settings.healthPath;
        service.healthTimeout = std::chrono::seconds(resolved->settings.healthTimeoutSecs);
    }
    return { service };
}

// Only the project's units: the other Gantry services of the server are not asked about.
HostSnapshot projectOnly(HostSnapshot snapshot, const QString &app)
{
    snapshot.units.removeIf([&](const UnitSnapshot &u) { return u.app != app; });
    return snapshot;
}

// "30s", "10m", "2h", "1d" before now, or an ISO 8601 time; invalid when neither.
QDateTime parseSince(const QString &text)
{
    static const QRegularExpression relative(u"^(\\d+)\\s*([smhd])$"_s);
    const QRegularExpressionMatch match = relative.match(text.trimmed());
    if (match.hasMatch()) {
        const qint64 n = match.captured(1).toLongLong();
        const qint64 unit = QHash<QString, qint64> { { u"s"_s, 1 }, { u"m"_s, 60 }, { u"h"_s, 3600 },
            { u"d"_s, 86400 } }.value(match.captured(2));
        return QDateTime::currentDateTimeUtc().addSecs(-n * unit);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    return time;
}

QJsonObject logJson(const LogLine &l)
{
    return QJsonObject { { u"time"_s, l.entry.time().toString(Qt::ISODateWithMs) }, { u"server"_s, l.server },
        { u"unit"_s, l.unit }, { u"level"_s, LogLevelClassifier::displayName(l.level) },
        { u"priority"_s, l.entry.priority }, { u"pid"_s, double(l.entry.pid) },
        { u"identifier"_s, l.entry.identifier }, { u"message"_s, l.entry.message } };
}

struct LogFilter {
    LogLevel minimum = LogLevel::Unknown;
    QRegularExpression grep;
    bool json = false;

    void print(const QList<LogLine> &lines) const
    {
        for (const LogLine &l : lines) {
            if (l.level < minimum || (!grep.pattern().isEmpty() && !grep.match(l.entry.message).hasMatch()))
                continue;
            if (json)
                Terminal::out(QString::fromUtf8(QJsonDocument(logJson(l)).toJson(QJsonDocument::Compact)));
            else
                Terminal::out(u"%1 %2 %3 %4"_s.arg(
                    l.entry.time().toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s), l.server,
                    LogLevelClassifier::displayName(l.level).leftJustified(7), l.entry.message));
        }
    }
};

Result<LogFilter> logFilter(const QCommandLineParser &parser)
{
    LogFilter filter;
    filter.json = parser.isSet(u"json"_s);
    const QString level = parser.value(u"level"_s);
    if (!level.isEmpty() && level != u"all"_s) {
        filter.minimum = LogLevelClassifier::fromName(level);
        if (filter.minimum == LogLevel::Unknown)
            return fail(
                MonitorCommand::tr("\"%1\" is not a log level; use trace, debug, info, warn, error, fatal "
                                   "or all.")
                    .arg(level));
    }
    filter.grep = QRegularExpression(parser.value(u"grep"_s));
    if (!filter.grep.isValid())
        return fail(MonitorCommand::tr("--grep: %1").arg(filter.grep.errorString()));
    return filter;
}

} // namespace

void MonitorCommand::addWatchOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { u"watch"_s, tr("Refresh until Ctrl+C: one JSON line per refresh with --json, else a table.") },
        { u"interval"_s, tr("Seconds between refreshes (default 5)."), u"S"_s, u"5"_s },
        { u"count"_s, tr("With --watch, stop after N refreshes of each server."), u"N"_s },
    });
}

int MonitorCommand::watch(CommandContext &c, const QCommandLineParser &parser)
{
    const bool json = parser.isSet(u"json"_s);
    bool ok = false;
    const double interval = parser.value(u"interval"_s).toDouble(&ok);
    if (!ok || interval < 0.2)
        return Report::usage(u"status"_s, tr("--interval needs a number of seconds, at least 0.2."));
    const int count = parser.value(u"count"_s).toInt();
    const QString app = c.project.appName();
    AlertSink alerts(*c.workspace);
    QMap<QString, HostSnapshot> latest;
    QHash<QString, int> refreshes;
    QEventLoop loop;
    std::vector<std::unique_ptr<HostMonitor>> monitors;
    for (const ServerRecord &server : std::as_const(c.servers)) {
        HostMonitor::Options options;
        options.interval = std::chrono::milliseconds(qint64(interval * 1000));
        options.workspaceDir = c.workspace->dir();
        auto monitor = std::make_unique<HostMonitor>(
            c.connectionTo(server), servicesOf(c, server, parser.value(u"profile"_s)), options);
        QObject::connect(monitor.get(), &HostMonitor::snapshotReady, &loop, [&](const HostSnapshot &raw) {
            const HostSnapshot s = projectOnly(raw, app);
            latest.insert(s.server, s);
            alerts.feed(s);
            if (json)
                Terminal::out(
                    QString::fromUtf8(QJsonDocument(snapshotJson(s)).toJson(QJsonDocument::Compact)));
            else
                drawTable(latest);
            ++refreshes[s.server];
            if (count > 0 && std::ranges::all_of(c.servers, [&](const ServerRecord &r) {
                    return refreshes.value(r.name) >= count;
                }))
                loop.quit();
        });
        monitors.push_back(std::move(monitor));
    }
    Terminal::whenInterrupted(&loop, [&loop] { loop.quit(); });
    for (auto &monitor : monitors)
        monitor->start();
    loop.exec();
    for (auto &monitor : monitors)
        monitor->stop();
    alerts.drain();
    return ExitOk;
}

int MonitorCommand::logs(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The journal of the project's service on servers, with levels read "
                                        "from each line."));
    CommandContext::addCommonOptions(parser);
    parser.addOptions({
        { u"follow"_s, tr("Keep printing new lines until Ctrl+C.") },
        { u"level"_s, tr("Only this level and worse: trace, debug, info, warn, error, fatal (default all)."),
            u"L"_s },
        { u"since"_s, tr("From this time: 30s, 10m, 2h, 1d ago, or 2024-06-01T10:00:00."), u"T"_s },
        { u"grep"_s, tr("Only lines whose message matches this regular expression."), u"RE"_s },
        { u"lines"_s, tr("The last N lines before following (default 100 without --since)."), u"N"_s },
    });
    auto context = CommandContext::prepare(global, parser, arguments, true);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"logs"_s);
    CommandContext &c = **context;
    const Result<LogFilter> filter = logFilter(parser);
    if (!filter)
        return Report::usage(u"logs"_s, filter.error().message);
    LogStreamQuery query;
    query.units = { u"gantry-"_s + c.project.appName() + u".service"_s };
    query.follow = parser.isSet(u"follow"_s);
    if (parser.isSet(u"since"_s)) {
        query.since = parseSince(parser.value(u"since"_s));
        if (!query.since.isValid())
            return Report::usage(
                u"logs"_s, tr("--since: \"%1\" is not a time.").arg(parser.value(u"since"_s)));
    }
    query.lines = parser.isSet(u"lines"_s) ? parser.value(u"lines"_s).toInt()
        : query.since.isValid()            ? -1
                                           : 100;

    QEventLoop loop;
    std::vector<std::unique_ptr<LogStream>> streams;
    int running = 0;
    int code = ExitOk;
    for (const ServerRecord &server : std::as_const(c.servers)) {
        auto stream = std::make_unique<LogStream>(c.connectionTo(server), query);
        QObject::connect(stream.get(), &LogStream::linesReady, &loop,
            [&](const QList<LogLine> &lines) { filter->print(lines); });
        QObject::connect(stream.get(), &LogStream::finished, &loop, [&](const Error &error) {
            if (!error.message.isEmpty())
                code = Report::failure(error);
            if (--running == 0)
                loop.quit();
        });
        streams.push_back(std::move(stream));
        ++running;
    }
    Terminal::whenInterrupted(&loop, [&loop] { loop.quit(); });
    for (auto &stream : streams)
        stream->start();
    loop.exec();
    for (auto &stream : streams)
        stream->stop();
    return code;
}

int MonitorCommand::events(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Alerts and recoveries the monitor raised, newest first."));
    parser.addHelpOption();
    parser.addOptions({
        { u"json"_s, tr("Print the events as JSON on stdout.") },
        { u"limit"_s, tr("At most N events (default 50)."), u"N"_s, u"50"_s },
        { u"webhook"_s, tr("POST every new alert as JSON to this URL (kept in the workspace)."), u"URL"_s },
        { u"no-webhook"_s, tr("Stop posting alerts to the webhook.") },
    });
    if (!parser.parse(arguments))
        return Report::usage(u"events"_s, parser.errorText());
    auto workspace = Workspace::open(global.workspaceDir);
    if (!workspace)
        return Report::failure(workspace.error());
    if (parser.isSet(u"webhook"_s) || parser.isSet(u"no-webhook"_s)) {
        const QUrl url(parser.value(u"webhook"_s));
        if (parser.isSet(u"webhook"_s) && (!url.isValid() || !url.scheme().startsWith(u"http"_s)))
            return Report::usage(u"events"_s, tr("--webhook needs an http:// or https:// URL."));
        if (auto ok = (*workspace)->setWebhookUrl(url.toString()); !ok)
            return Report::failure(ok.error());
    }
    auto events = (*workspace)->events(parser.value(u"limit"_s).toInt());
    if (!events)
        return Report::failure(events.error());
    QJsonArray list;
    for (const EventRecord &e : *events) {
        list.append(
            QJsonObject { { u"id"_s, double(e.id) }, { u"time"_s, e.time.toString(Qt::ISODateWithMs) },
                { u"server"_s, e.server }, { u"unit"_s, e.unit }, { u"project"_s, e.project },
                { u"kind"_s, e.kind }, { u"recovery"_s, e.recovery }, { u"message"_s, e.message } });
        if (!parser.isSet(u"json"_s))
            Terminal::out(u"%1\t%2\t%3\t%4"_s.arg(
                e.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s), e.server, e.kind, e.message));
    }
    if (parser.isSet(u"json"_s))
        printJson(QJsonObject { { u"events"_s, list } });
    return ExitOk;
}

} // namespace Gantry::Cli
