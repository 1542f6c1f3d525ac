#include "cli/deploycommand.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "cli/await.h"
#include "cli/commandcontext.h"
#include "cli/cliprompter.h"
#include "cli/exitcode.h"
#include "cli/globaloptions.h"
#include "cli/monitorcommand.h"
#include "cli/projectlocator.h"
#include "cli/report.h"
#include "cli/serverpasswords.h"
#include "cli/terminal.h"
#include "core/build/buildsession.h"
#include "core/deploy/deployplanner.h"
#include "core/deploy/deployrun.h"
#include "core/deploy/deployplantext.h"
#include "core/deploy/hostdeployer.h"
#include "core/deploy/serviceops.h"
#include "core/remote/hosttask.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry::Cli {

namespace {

using Context = CommandContext;

// Builds the Linux targets the servers need (the build is skipped when nothing changed).
Result<BuildManifest> build(const Context &context, const QString &version)
{
    BuildOptions options;
    options.projectDir = context.project.path;
    options.version = version;
    QStringList archs;
    for (const ServerRecord &s : context.servers)
        archs << (s.arch.isEmpty() ? u"amd64"_s : s.arch);
    archs.removeDuplicates();
    for (const QString &arch : archs)
        options.targets.append(BuildTarget { u"linux"_s, arch });
    const QJsonObject goEnv = context.project.buildSettings.value(u"goEnv"_s).toObject();
    for (auto it = goEnv.begin(); it != goEnv.end(); ++it)
        options.goEnv.insert(it.key(), it.value().toString());
    BuildSession session(options);
    QEventLoop loop;
    QObject::connect(&session, &BuildSession::targetStateChanged, &loop,
        [](const QString &key, BuildSession::TargetState state, const QString &detail) {
            Terminal::err(u"  [%1] %2 %3"_s.arg(key, BuildSession::stateName(state), detail).trimmed());
        });
    QObject::connect(&session, &BuildSession::finished, &loop, &QEventLoop::quit);
    session.start();
    loop.exec();
    const BuildResult &result = session.result();
    if (!result.success)
        return std::unexpected(result.error);
    return result.manifest;
}

QJsonObject outcomeJson(const HostOutcome &o)
{
    QJsonObject json { { u"host"_s, o.host }, { u"success"_s, o.success }, { u"rolledBack"_s, o.rolledBack },
        { u"release"_s, o.release }, { u"previous"_s, o.previous },
        { u"uploadedBytes"_s, double(o.uploadedBytes) } };
    if (!o.success) {
        json.insert(
            u"error"_s, QJsonObject { { u"message"_s, o.error.message }, { u"hint"_s, o.error.hint } });
        json.insert(u"healthStatus"_s, o.healthStatus);
        json.insert(u"lastLogLines"_s, QJsonArray::fromStringList(o.lastLogLines));
    }
    return json;
}

void printEvent(const DeployEvent &e)
{
    if (e.total > 0) {
        static QElapsedTimer throttle;
        if (throttle.isValid() && throttle.elapsed() < 1000 && e.done < e.total)
            return;
        throttle.restart();
        Terminal::err(
            DeployCommand::tr("[%1] %2: %3 of %4")
                .arg(e.host, DeployStepNames::title(e.step), QLocale::system().formattedDataSize(e.done),
                    QLocale::system().formattedDataSize(e.total)));
        return;
    }
    if (e.state == StepState::Started) {
        Terminal::err(u"[%1] %2…"_s.arg(e.host, DeployStepNames::title(e.step)));
        return;
    }
    const QString mark = e.state == StepState::Failed ? DeployCommand::tr("failed")
        : e.state == StepState::Info                  ? QString()
                                                      : DeployCommand::tr("done");
    Terminal::err(u"[%1] %2: %3 %4"_s.arg(e.host, DeployStepNames::title(e.step), mark, e.detail).trimmed());
}

// The project, profile and servers named on the command line.
DeployChoice choiceOf(const Context &context, const QCommandLineParser &parser)
{
    DeployChoice choice;
    choice.project = context.project.name;
    choice.app = context.project.appName();
    choice.profile = parser.value(u"profile"_s);
    for (const ServerRecord &s : context.servers)
        choice.servers << s.name;
    choice.knownHostsFile = context.knownHosts;
    return choice;
}

Result<EnvComparison> readEnvDiff(Context &context, const QString &app, const DeployHost &host)
{
    const std::function<Result<EnvComparison>(RemoteHost &)> diff = [&](RemoteHost &remote) {
        return ServiceOps::envDiff(remote, app, host.env);
    };
    return await(runOnHost<EnvComparison>(context.connectionTo(host.server), diff));
}

QJsonObject comparisonJson(const QString &server, const EnvComparison &comparison)
{
    QJsonArray list;
    for (const EnvChange &change : comparison.changes)
        list.append(QJsonObject { { u"name"_s, change.name }, { u"change"_s, EnvDiff::kindName(change.kind) },
            { u"secret"_s, change.secret }, { u"before"_s, change.before }, { u"after"_s, change.after } });
    return { { u"server"_s, server }, { u"path"_s, comparison.path }, { u"deployed"_s, comparison.deployed },
        { u"changes"_s, list } };
}

// What a deploy would do, read from the servers but changing nothing.
int dryRun(Context &context, const DeployRequest &request, bool json)
{
    QJsonArray hosts;
    for (const DeployHost &host : request.hosts) {
        const HostPlan plan = DeployPlanText::describe(request, host);
        if (!plan.serviceFile)
            return Report::failure(plan.serviceFile.error());
        auto compared = readEnvDiff(context, request.app, host);
        if (!compared)
            return Report::failure(compared.error());
        Terminal::out(u"== "_s + plan.title + u" =="_s);
        Terminal::out(DeployCommand::tr("-- plan: %1").arg(plan.steps));
        Terminal::out(DeployCommand::tr("-- %1:").arg(plan.serviceFilePath));
        Terminal::out(QString::fromUtf8(*plan.serviceFile));
        Terminal::out(DeployCommand::tr("-- env diff against %1:").arg(plan.envFilePath));
        Terminal::out(EnvDiff::format(compared->changes));
        hosts.append(QJsonObject { { u"host"_s, host.server.name },
            { u"unit"_s, QString::fromUtf8(*plan.serviceFile) },
            { u"envChanges"_s, int(compared->changes.size()) }, { u"deployed"_s, compared->deployed } });
    }
    if (json)
        printJson(QJsonObject { { u"dryRun"_s, true }, { u"hosts"_s, hosts } });
    return ExitOk;
}

} // namespace

int DeployCommand::deploy(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Build if needed, then deploy a project's service to servers, "
                                        "health-checked, with automatic rollback."));
    CommandContext::addCommonOptions(parser);
    parser.addOptions({
        { u"version"_s, tr("The version to stamp and deploy (default: from git)."), u"V"_s },
        { u"artifacts"_s,
            tr("Deploy this finished build (a folder with manifest.json, such as dist/1.2.0) without "
               "building."),
            u"DIR"_s },
        { u"package"_s, tr("The main package to deploy when the project has several."), u"PKG"_s },
        { u"batch"_s, tr("After the first server, how many switch at once (default: all)."), u"N"_s },
        { u"dry-run"_s, tr("Print the plan, the unit and the env diff; change nothing.") },
    });
    auto context = CommandContext::prepare(global, parser, arguments, true);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"deploy"_s);
    Context &c = **context;
    const bool json = parser.isSet(u"json"_s);
    QElapsedTimer clock;
    clock.start();
    if (parser.isSet(u"artifacts"_s) && parser.isSet(u"version"_s))
        return failed(Error { tr("--artifacts and --version cannot be used together."),
                          tr("The build folder names its version; drop --version."), {} },
            true, u"deploy"_s);
    auto manifest = parser.isSet(u"artifacts"_s)
        ? DeployPlanner::builtOutput(parser.value(u"artifacts"_s), c.project.name)
        : build(c, parser.value(u"version"_s));
    if (!manifest)
        return Report::failure(manifest.error());
    DeployChoice choice = choiceOf(c, parser);
    choice.package = parser.value(u"package"_s);
    choice.batchSize = parser.value(u"batch"_s).toInt();
    choice.breakLock = parser.isSet(u"break-lock"_s);
    auto planned = DeployPlanner::plan(*c.workspace, choice, *manifest);
    if (!planned)
        return Report::failure(planned.error());
    auto request = await(DeployPlanner::readSecrets(*planned, *c.workspace));
    if (!request)
        return Report::failure(request.error());
    if (parser.isSet(u"dry-run"_s))
        return dryRun(c, *request, json);

    DeployRun run(*request, &c.prompter);
    QEventLoop loop;
    QObject::connect(&run, &DeployRun::event, &loop, &printEvent);
    QObject::connect(&run, &DeployRun::finished, &loop, &QEventLoop::quit);
    Terminal::whenInterrupted(&loop, [&run] { run.cancel(); });
    run.start();
    loop.exec();

    c.workspace->addDeployment(DeployPlanner::historyRecord(*request, run.outcomes(), clock.elapsed()));
    QJsonArray hosts;
    bool success = true;
    for (const HostOutcome &o : run.outcomes()) {
        hosts.append(outcomeJson(o));
        success = success && o.success;
        if (o.success) {
            Terminal::err(tr("%1: %2 %3 is live as release %4.")
                              .arg(o.host, request->app, request->version)
                              .arg(o.release));
            continue;
        }
        Report::failure(Error { tr("%1: %2").arg(o.host, o.error.message), o.error.hint, {} });
        for (const QString &line : o.lastLogLines)
            Terminal::err(u"    | "_s + line);
        if (o.healthStatus)
            Terminal::err(tr("    last health answer: HTTP %1 %2")
                              .arg(o.healthStatus)
                              .arg(QString::fromUtf8(o.healthBody.left(200)).simplified()));
    }
    if (json)
        printJson(QJsonObject { { u"success"_s, success }, { u"version"_s, request->version },
            { u"app"_s, request->app }, { u"hosts"_s, hosts } });
    return success ? ExitOk : ExitFailed;
}

int DeployCommand::releases(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The releases kept on a server, newest first."));
    CommandContext::addCommonOptions(parser);
    auto context = CommandContext::prepare(global, parser, arguments, true);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"releases"_s);
    Context &c = **context;
    const QString app = c.project.appName();
    QJsonArray all;
    for (const ServerRecord &server : c.servers) {
        const std::function<Result<QList<ReleaseInfo>>(RemoteHost &)> body = [&](RemoteHost &host) {
            return ServiceOps::releases(host, app);
        };
        auto list = await(runOnHost<QList<ReleaseInfo>>(c.connectionTo(server), body));
        if (!list)
            return Report::failure(list.error());
        QJsonArray releases;
        for (const ReleaseInfo &r : *list) {
            const bool bad = r.status == ReleaseStatus::Bad || r.status == ReleaseStatus::Failed;
            const QDateTime time = QDateTime::fromString(r.time, Qt::ISODate);
            releases.append(QJsonObject { { u"n"_s, r.n }, { u"version"_s, r.version }, { u"time"_s, r.time },
                { u"status"_s, ReleaseLayout::statusName(r.status) }, { u"current"_s, r.isCurrent },
                { u"bad"_s, bad }, { u"exists"_s, r.exists } });
            (parser.isSet(u"json"_s) ? Terminal::err : Terminal::out)(
                u"%1 %2\t%3\t%4\t%5"_s.arg(r.isCurrent ? u'*' : u' ')
                    .arg(r.n)
                    .arg(r.version, QLocale::system().toString(time.toLocalTime(), QLocale::ShortFormat),
                        bad               ? tr("bad")
                            : !r.exists   ? tr("pruned")
                            : r.isCurrent ? tr("current")
                                          : QString()));
        }
        all.append(QJsonObject { { u"server"_s, server.name }, { u"releases"_s, releases } });
    }
    if (parser.isSet(u"json"_s))
        printJson(all.size() == 1 ? all.first().toObject() : QJsonObject { { u"servers"_s, all } });
    return ExitOk;
}

int DeployCommand::rollback(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Switch a server back to a kept release, without rebuilding."));
    CommandContext::addCommonOptions(parser);
    parser.addOption(
        { u"to"_s, tr("The release number (default: the newest good one before the current)."), u"N"_s });
    auto context = CommandContext::prepare(global, parser, arguments, true);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"rollback"_s);
    Context &c = **context;
    const QString app = c.project.appName();
    const int to = parser.value(u"to"_s).toInt();
    for (const ServerRecord &server : c.servers) {
        auto resolved = c.workspace->resolve(c.project.name, parser.value(u"profile"_s), server.name);
        if (!resolved)
            return Report::failure(resolved.error());
        const DeploySettings settings = resolved->settings;
        const bool breakLock = parser.isSet(u"break-lock"_s);
        const QString who = DeployPlanner::who();
        const std::function<Result<int>(RemoteHost &)> body = [&](RemoteHost &host) {
            return ServiceOps::rollback(host, app, to, settings, who, breakLock);
        };
        auto release = await(runOnHost<int>(c.connectionTo(server), body));
        if (!release)
            return Report::failure(release.error());
        const std::function<Result<QList<ReleaseInfo>>(RemoteHost &)> list = [&](RemoteHost &host) {
            return ServiceOps::releases(host, app);
        };
        QString version;
        if (auto releases = await(runOnHost<QList<ReleaseInfo>>(c.connectionTo(server), list)))
            for (const ReleaseInfo &r : *releases)
                if (r.n == *release)
                    version = r.version;
        Terminal::err(tr("%1: release %2 (version %3) serves again and is healthy.")
                          .arg(server.name)
                          .arg(*release)
                          .arg(version));
        if (parser.isSet(u"json"_s))
            printJson(QJsonObject {
                { u"server"_s, server.name }, { u"release"_s, *release }, { u"version"_s, version } });
        DeploymentRecord record { 0, DeployPlanner::who(), QDateTime::currentDateTimeUtc(), c.project.name,
            version, parser.value(u"profile"_s), { server.name }, u"rollback"_s, 0, {} };
        c.workspace->addDeployment(record);
    }
    return ExitOk;
}

int DeployCommand::status(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("What systemd and the health check say about the project's service on each server."));
    CommandContext::addCommonOptions(parser);
    MonitorCommand::addWatchOptions(parser);
    auto context = CommandContext::prepare(global, parser, arguments, false);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"status"_s);
    Context &c = **context;
    if (parser.isSet(u"watch"_s))
        return MonitorCommand::watch(c, parser);
    const QString app = c.project.appName();
    QJsonArray all;
    bool reachable = true;
    for (const ServerRecord &server : c.servers) {
        auto resolved = c.workspace->resolve(c.project.name, parser.value(u"profile"_s), server.name);
        if (!resolved)
            return Report::failure(resolved.error());
        const DeploySettings settings = resolved->settings;
        const std::function<Result<ServiceStatus>(RemoteHost &)> body = [&](RemoteHost &host) {
            return ServiceOps::status(host, app, settings);
        };
        auto status = await(runOnHost<ServiceStatus>(c.connectionTo(server), body));
        if (!status) {
            reachable = false;
            Report::failure(status.error());
            all.append(QJsonObject { { u"server"_s, server.name }, { u"error"_s, status.error().message } });
            continue;
        }
        const ServiceStatus &s = *status;
        (parser.isSet(u"json"_s) ? Terminal::err : Terminal::out)(
            tr("%1\t%2 (%3)\trelease %4, version %5\trestarts %6\thealth %7")
                .arg(server.name, s.activeState, s.subState)
                .arg(s.currentRelease)
                .arg(s.version)
                .arg(s.restarts)
                .arg(s.healthStatus ? tr("HTTP %1 in %2 ms").arg(s.healthStatus).arg(s.healthLatencyMs)
                                    : s.healthError));
        all.append(QJsonObject { { u"server"_s, server.name }, { u"unit"_s, s.unit },
            { u"activeState"_s, s.activeState }, { u"subState"_s, s.subState },
            { u"mainPid"_s, double(s.mainPid) }, { u"restarts"_s, s.restarts },
            { u"memoryBytes"_s, double(s.memoryBytes) }, { u"release"_s, s.currentRelease },
            { u"version"_s, s.version }, { u"healthStatus"_s, s.healthStatus },
            { u"healthLatencyMs"_s, s.healthLatencyMs } });
    }
    if (parser.isSet(u"json"_s))
        printJson(QJsonObject { { u"servers"_s, all } });
    return reachable ? ExitOk : ExitFailed;
}

int DeployCommand::envDiff(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("What a deploy would change in the env file a server has; secret values masked."));
    CommandContext::addCommonOptions(parser);
    auto context = CommandContext::prepare(global, parser, arguments, true);
    if (!context)
        return failed(context.error(), context.error().hint.isEmpty(), u"env diff"_s);
    Context &c = **context;
    auto planned = DeployPlanner::planServers(*c.workspace, choiceOf(c, parser));
    if (!planned)
        return Report::failure(planned.error());
    auto request = await(DeployPlanner::readSecrets(*planned, *c.workspace));
    if (!request)
        return Report::failure(request.error());
    const bool json = parser.isSet(u"json"_s);
    const auto print = json ? Terminal::err : Terminal::out;
    QJsonArray all;
    for (const DeployHost &host : std::as_const(request->hosts)) {
        auto compared = readEnvDiff(c, request->app, host);
        if (!compared)
            return Report::failure(compared.error());
        print(tr("%1 (%2):").arg(host.server.name, compared->path));
        if (!compared->deployed)
            print(EnvDiff::notDeployed(host.server.name));
        print(EnvDiff::format(compared->changes));
        all.append(comparisonJson(host.server.name, *compared));
    }
    if (json)
        printJson(all.size() == 1 ? all.first().toObject() : QJsonObject { { u"servers"_s, all } });
    return ExitOk;
}

} // namespace Gantry::Cli
