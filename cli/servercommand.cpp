#include "cli/servercommand.h"

#include <algorithm>
#include <optional>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "cli/await.h"
#include "cli/cliprompter.h"
#include "cli/exitcode.h"
#include "cli/globaloptions.h"
#include "cli/keychain.h"
#include "cli/report.h"
#include "cli/serverpasswords.h"
#include "cli/terminal.h"
#include "core/deploy/serverprobe.h"
#include "core/remote/hostprobe.h"
#include "core/remote/hosttask.h"
#include "core/remote/privilege.h"
#include "core/remote/sshconfig.h"
#include "core/remote/sshconfigimport.h"

#include "core/store/jumpchain.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

QJsonObject factsJson(const ServerRecord &server, const ServerProbe &f)
{
    return QJsonObject { { u"name"_s, server.name }, { u"host"_s, server.address },
        { u"port"_s, server.port }, { u"user"_s, server.user },
        { u"auth"_s, ServerRecord::authName(server.auth) }, { u"os"_s, f.facts.osPrettyName },
        { u"osId"_s, f.facts.osId }, { u"arch"_s, f.facts.goarch }, { u"systemd"_s, f.facts.systemd },
        { u"supervisor"_s, f.facts.supervisor },
        { u"serviceManager"_s, server.serviceManager.isEmpty() ? u"auto"_s : server.serviceManager },
        { u"sudo"_s, ServerProbe::sudoText(f.sudo) }, { u"freeBytes"_s, double(f.facts.freeBytes) },
        { u"fingerprint"_s, f.hostKey.fingerprint }, { u"jump"_s, server.jump } };
}

QString via(const ServerRecord &server)
{
    return server.jump.isEmpty() ? QString() : ServerCommand::tr(" via %1").arg(server.jump);
}

void printFacts(const ServerRecord &server, const ServerProbe &f)
{
    Terminal::err(
        ServerCommand::tr("%1 (%2@%3:%4%5): %6, linux/%7, %8, %9, %10 free under /opt.")
            .arg(server.name, server.user, server.address)
            .arg(server.port)
            .arg(via(server))
            .arg(f.facts.osPrettyName, f.facts.goarch,
                f.facts.systemd          ? ServerCommand::tr("systemd")
                    : f.facts.supervisor ? ServerCommand::tr("supervisor, no systemd")
                                         : ServerCommand::tr("neither systemd nor supervisor"),
                ServerProbe::sudoText(f.sudo), QLocale::system().formattedDataSize(f.facts.freeBytes)));
    Terminal::err(ServerCommand::tr("Host key %1 is pinned.").arg(f.hostKey.fingerprint));
}

// Connects on a worker thread, authenticates and probes; the session never leaves that thread.
Result<ServerProbe> probe(const ServerRecord &server, const Workspace &workspace, SshPrompter *prompter,
    const HostKeyPolicy &policy, const QCommandLineParser &parser)
{
    HostConnection connection = HostConnection::to(workspace, server);
    connection.prompter = prompter;
    connection.policy = policy;
    if (parser.isSet(u"connect-timeout"_s))
        connection.connectTimeout = std::chrono::seconds(qMax(1, parser.value(u"connect-timeout"_s).toInt()));
    return await(runOnHost<ServerProbe>(connection, &ServerProbe::run));
}

Result<HostKeyPolicy> policyFrom(const QCommandLineParser &parser)
{
    HostKeyPolicy policy;
    policy.acceptNew = parser.isSet(u"accept-new-host-key"_s);
    policy.trustFingerprint = parser.value(u"trust-host-key"_s);
    if (policy.acceptNew && !policy.trustFingerprint.isEmpty())
        return fail(ServerCommand::tr("Give either --accept-new-host-key or --trust-host-key, not both."));
    if (!policy.trustFingerprint.isEmpty() && !policy.trustFingerprint.startsWith(u"SHA256:"_s))
        return fail(ServerCommand::tr(
            "--trust-host-key needs a fingerprint like SHA256:abc… as ssh-keygen -l prints it."));
    return policy;
}

Result<void> supplyPassword(const QCommandLineParser &parser, const Workspace &workspace,
    const ServerRecord &server, CliPrompter &prompter)
{
    if (parser.isSet(u"password-stdin"_s))
        return ServerPasswords::readStdin(prompter);
    ServerPasswords::loadRemembered(workspace, { server }, prompter);
    return {};
}

Result<void> rememberPassword(
    const QCommandLineParser &parser, const Workspace &workspace, const QString &name, CliPrompter &prompter)
{
    if (!parser.isSet(u"remember-password"_s))
        return {};
    auto password = prompter.ask({ SshPrompter::Kind::Password, {}, {}, false });
    if (!password)
        return fail(ServerCommand::tr("There is no password to remember."),
            ServerCommand::tr("Give it with --password-stdin."));
    return Keychain::write(ServerPasswords::keychainKey(workspace, name), *password);
}

void addConnectionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { u"accept-new-host-key"_s,
            ServerCommand::tr(
                "Trust the server's key if none is pinned yet (check the fingerprint shown).") },
        { u"trust-host-key"_s, ServerCommand::tr("Trust the server's key only if its fingerprint is FP."),
            u"FP"_s },
        { u"password-stdin"_s, ServerCommand::tr("Read the login and sudo password from standard input.") },
        { u"connect-timeout"_s, ServerCommand::tr("Give up connecting after SECONDS (default 10)."),
            u"SECONDS"_s },
        { u"json"_s, ServerCommand::tr("Print the result as JSON on stdout.") },
    });
}

// Puts the options given on the command line into `server`; what is not given stays as it was.
Result<void> applyOptions(ServerRecord &server, const QCommandLineParser &parser)
{
    if (parser.isSet(u"host"_s))
        server.address = parser.value(u"host"_s);
    if (parser.isSet(u"port"_s))
        server.port = parser.value(u"port"_s).toInt();
    if (parser.isSet(u"user"_s))
        server.user = parser.value(u"user"_s);
    if (parser.isSet(u"key"_s)) {
        server.keyFile = QFileInfo(parser.value(u"key"_s)).absoluteFilePath();
        server.auth = AuthKind::Key;
    }
    if (parser.isSet(u"auth"_s)) {
        const auto kind = ServerRecord::authFromName(parser.value(u"auth"_s));
        if (!kind)
            return fail(ServerCommand::tr("--auth is key, agent or password."));
        server.auth = *kind;
    }
    if (server.auth != AuthKind::Key)
        server.keyFile.clear();
    if (parser.isSet(u"jump"_s))
        server.jump = parser.value(u"jump"_s);
    if (parser.isSet(u"no-jump"_s))
        server.jump.clear();
    if (parser.isSet(u"service-manager"_s)) {
        const QString manager = parser.value(u"service-manager"_s);
        if (manager != u"auto"_s && manager != u"systemd"_s && manager != u"supervisor"_s)
            return fail(ServerCommand::tr("--service-manager is auto, systemd or supervisor."));
        server.serviceManager = manager == u"auto"_s ? QString() : manager;
    }
    return {};
}

int add(const GlobalOptions &, Workspace &workspace, QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1 || parser.value(u"host"_s).isEmpty())
        return Report::usage(u"server add"_s, ServerCommand::tr("give a NAME and --host."));
    ServerRecord server;
    server.name = names.first();
    server.user = u"root"_s;
    if (auto applied = applyOptions(server, parser); !applied)
        return Report::usage(u"server add"_s, applied.error().message);
    if (auto valid = server.validate(); !valid)
        return Report::usage(u"server add"_s, valid.error().message);
    if (workspace.server(server.name))
        return Report::failure({ ServerCommand::tr("A server named %1 already exists.").arg(server.name),
            ServerCommand::tr("Pick another name, or remove it first with gantryctl server remove %1.")
                .arg(server.name),
            {} });
    if (auto all = workspace.servers(); all && !server.jump.isEmpty()) {
        if (auto chain = JumpChain::check(server, *all); !chain)
            return Report::failure(chain.error());
    }
    auto policy = policyFrom(parser);
    if (!policy)
        return Report::usage(u"server add"_s, policy.error().message);
    CliPrompter prompter;
    if (auto given = supplyPassword(parser, workspace, server, prompter); !given)
        return Report::failure(given.error());
    auto facts = probe(server, workspace, &prompter, *policy, parser);
    if (!facts)
        return Report::failure(facts.error());
    server.hostKey = facts->hostKey.knownHostsLine;
    server.hostKeyFingerprint = facts->hostKey.fingerprint;
    server.os = u"linux"_s;
    server.arch = facts->facts.goarch;
    if (auto remembered = rememberPassword(parser, workspace, server.name, prompter); !remembered)
        return Report::failure(remembered.error());
    if (auto added = workspace.addServer(server); !added)
        return Report::failure(added.error());
    printFacts(server, *facts);
    if (parser.isSet(u"json"_s))
        Terminal::out(QString::fromUtf8(QJsonDocument(factsJson(server, *facts)).toJson()));
    return ExitOk;
}

int check(Workspace &workspace, QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1)
        return Report::usage(u"server check"_s, ServerCommand::tr("give the NAME of a server."));
    auto server = workspace.server(names.first());
    if (!server)
        return Report::failure(server.error());
    auto policy = policyFrom(parser);
    if (!policy)
        return Report::usage(u"server check"_s, policy.error().message);
    CliPrompter prompter;
    if (auto given = supplyPassword(parser, workspace, *server, prompter); !given)
        return Report::failure(given.error());
    auto facts = probe(*server, workspace, &prompter, *policy, parser);
    if (!facts)
        return Report::failure(facts.error());
    if (server->arch != facts->facts.goarch || server->hostKeyFingerprint != facts->hostKey.fingerprint) {
        server->arch = facts->facts.goarch;
        server->hostKey = facts->hostKey.knownHostsLine;
        server->hostKeyFingerprint = facts->hostKey.fingerprint;
        workspace.updateServer(*server);
    }
    printFacts(*server, *facts);
    if (parser.isSet(u"json"_s))
        Terminal::out(QString::fromUtf8(QJsonDocument(factsJson(*server, *facts)).toJson()));
    return ExitOk;
}

int list(Workspace &workspace, const QCommandLineParser &parser)
{
    auto servers = workspace.servers();
    if (!servers)
        return Report::failure(servers.error());
    QJsonArray array;
    for (const ServerRecord &s : *servers) {
        array.append(QJsonObject { { u"name"_s, s.name }, { u"host"_s, s.address }, { u"port"_s, s.port },
            { u"user"_s, s.user }, { u"auth"_s, ServerRecord::authName(s.auth) }, { u"arch"_s, s.arch },
            { u"fingerprint"_s, s.hostKeyFingerprint }, { u"jump"_s, s.jump },
            { u"serviceManager"_s, s.serviceManager.isEmpty() ? u"auto"_s : s.serviceManager } });
        if (!parser.isSet(u"json"_s))
            Terminal::out(u"%1\t%2@%3:%4%5\t%6\t%7"_s.arg(s.name, s.user, s.address)
                              .arg(s.port)
                              .arg(via(s), ServerRecord::authName(s.auth), s.hostKeyFingerprint));
    }
    if (parser.isSet(u"json"_s))
        Terminal::out(QString::fromUtf8(QJsonDocument(array).toJson()));
    else if (servers->isEmpty())
        Terminal::err(
            ServerCommand::tr("No servers yet. Add one with gantryctl server add NAME --host HOST."));
    return ExitOk;
}

// Drops the pinned key of `server` from Gantry's known_hosts file.
Result<void> forgetHostKey(const Workspace &workspace, const ServerRecord &server)
{
    QFile file(workspace.knownHostsFile());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ServerCommand::tr("Could not read %1.").arg(file.fileName()), {}, file.errorString());
    const QString host =
        server.port == 22 ? server.address : u"[%1]:%2"_s.arg(server.address).arg(server.port);
    QByteArray kept;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.isEmpty() && !line.split(' ').value(0).split(',').contains(host.toUtf8()))
            kept += line + '\n';
    file.close();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(kept) != kept.size())
        return fail(ServerCommand::tr("Could not write %1.").arg(file.fileName()), {}, file.errorString());
    return {};
}

// Changes how a server is reached. A new address or port is another machine: its key is pinned
// anew, on the user's word, as by add. Unless --no-check, the server is connected first and
// nothing is saved when that fails.
int edit(Workspace &workspace, QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1)
        return Report::usage(u"server edit"_s, ServerCommand::tr("give the NAME of a server."));
    auto current = workspace.server(names.first());
    if (!current)
        return Report::failure(current.error());
    const QStringList changes { u"host"_s, u"port"_s, u"user"_s, u"key"_s, u"auth"_s, u"jump"_s, u"no-jump"_s,
        u"remember-password"_s, u"service-manager"_s };
    if (std::none_of(changes.cbegin(), changes.cend(), [&](const QString &o) { return parser.isSet(o); }))
        return Report::usage(u"server edit"_s,
            ServerCommand::tr("give what changes: --host, --port, --user, --key, --auth, --jump, --no-jump "
                              "or --service-manager."));
    if (parser.isSet(u"jump"_s) && parser.isSet(u"no-jump"_s))
        return Report::usage(
            u"server edit"_s, ServerCommand::tr("Give either --jump or --no-jump, not both."));
    ServerRecord server = *current;
    if (auto applied = applyOptions(server, parser); !applied)
        return Report::usage(u"server edit"_s, applied.error().message);
    const bool moved = server.address != current->address || server.port != current->port;
    if (moved) {
        server.hostKey.clear();
        server.hostKeyFingerprint.clear();
    }
    if (auto valid = server.validate(); !valid)
        return Report::usage(u"server edit"_s, valid.error().message);
    if (auto all = workspace.servers(); all) {
        if (auto chain = JumpChain::check(server, *all); !chain)
            return Report::failure(chain.error());
    }
    auto policy = policyFrom(parser);
    if (!policy)
        return Report::usage(u"server edit"_s, policy.error().message);
    CliPrompter prompter;
    if (auto given = supplyPassword(parser, workspace, server, prompter); !given)
        return Report::failure(given.error());
    std::optional<ServerProbe> facts;
    if (!parser.isSet(u"no-check"_s)) {
        auto probed = probe(server, workspace, &prompter, *policy, parser);
        if (!probed) {
            Error error = probed.error();
            const QString kept = ServerCommand::tr(
                "%1 was not changed. To save the change without connecting, add --no-check.")
                                     .arg(server.name);
            error.hint = error.hint.isEmpty() ? kept : error.hint + u' ' + kept;
            return Report::failure(error);
        }
        facts = *probed;
        server.hostKey = facts->hostKey.knownHostsLine;
        server.hostKeyFingerprint = facts->hostKey.fingerprint;
        server.arch = facts->facts.goarch;
    }
    if (auto remembered = rememberPassword(parser, workspace, server.name, prompter); !remembered)
        return Report::failure(remembered.error());
    if (auto saved = workspace.updateServer(server); !saved)
        return Report::failure(saved.error());
    if (moved)
        forgetHostKey(workspace, *current);
    if (facts) {
        printFacts(server, *facts);
        if (parser.isSet(u"json"_s))
            Terminal::out(QString::fromUtf8(QJsonDocument(factsJson(server, *facts)).toJson()));
        return ExitOk;
    }
    Terminal::err(ServerCommand::tr("Saved %1 (%2@%3:%4%5) without connecting.")
                      .arg(server.name, server.user, server.address)
                      .arg(server.port)
                      .arg(via(server)));
    if (server.hostKeyFingerprint.isEmpty())
        Terminal::err(ServerCommand::tr("Pin its host key before deploying: gantryctl server check %1 "
                                        "--accept-new-host-key")
                          .arg(server.name));
    return ExitOk;
}

int remove(Workspace &workspace, const QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1)
        return Report::usage(u"server remove"_s, ServerCommand::tr("give the NAME of a server."));
    auto server = workspace.server(names.first());
    if (!server)
        return Report::failure(server.error());
    if (auto removed = workspace.removeServer(server->name); !removed)
        return Report::failure(removed.error());
    forgetHostKey(workspace, *server);
    Keychain::remove(ServerPasswords::keychainKey(workspace, server->name));
    Terminal::err(ServerCommand::tr("Removed %1; what runs there was not touched.").arg(server->name));
    return ExitOk;
}

// Forgets the pinned key, after the user checked the server; with a policy, pins the new one.
int trust(Workspace &workspace, QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments().mid(1);
    if (names.size() != 1 || !parser.isSet(u"forget"_s))
        return Report::usage(u"server trust"_s, ServerCommand::tr("give the NAME of a server and --forget."));
    auto server = workspace.server(names.first());
    if (!server)
        return Report::failure(server.error());
    if (auto forgotten = forgetHostKey(workspace, *server); !forgotten)
        return Report::failure(forgotten.error());
    server->hostKey.clear();
    server->hostKeyFingerprint.clear();
    workspace.updateServer(*server);
    Terminal::err(ServerCommand::tr("The pinned host key of %1 is forgotten. Check the server, then pin its "
                                    "key: gantryctl server check %1 --trust-host-key SHA256:…")
                      .arg(server->name));
    return ExitOk;
}

int import(Workspace &workspace, const QCommandLineParser &parser)
{
    const QString path = parser.positionalArguments().value(1, SshConfig::defaultPath());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Report::failure({ ServerCommand::tr("Could not read %1.").arg(path),
            ServerCommand::tr("Give the path of an OpenSSH config file."), file.errorString() });
    auto hosts = SshConfig::parse(file.readAll(), QDir::homePath());
    if (!hosts)
        return Report::failure(hosts.error());
    auto existing = workspace.servers();
    if (!existing)
        return Report::failure(existing.error());
    QList<ServerRecord> importable;
    for (const SshImportRow &row : SshConfigImport::rows(*hosts, *existing)) {
        if (!row.problem.isEmpty())
            Terminal::err(ServerCommand::tr("Skipped %1: %2").arg(row.server.name, row.problem));
        else if (!workspace.server(row.server.name) && row.server.validate())
            importable << row.server;
    }
    int added = 0;
    for (const ServerRecord &server : JumpChain::jumpsFirst(importable)) {
        if (auto ok = workspace.addServer(server); !ok) {
            Terminal::err(ServerCommand::tr("Skipped %1: %2").arg(server.name, ok.error().toString()));
            continue;
        }
        ++added;
        Terminal::out(u"%1\t%2@%3:%4%5"_s.arg(server.name, server.user, server.address)
                          .arg(server.port)
                          .arg(via(server)));
    }
    Terminal::err(ServerCommand::tr("Imported %n server(s). Check each once to pin its host key: gantryctl "
                                    "server check NAME --accept-new-host-key",
        nullptr, added));
    return ExitOk;
}

} // namespace

int ServerCommand::run(const GlobalOptions &global, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Servers to deploy to: add (pinning the host key), check, list, edit, "
           "remove, trust --forget, import [~/.ssh/config]."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"ACTION"_s, tr("add, check, list, edit, remove, trust or import"));
    parser.addPositionalArgument(u"NAME"_s, tr("The server's name in Gantry."));
    parser.addOptions({
        { u"host"_s, tr("The server's address."), u"HOST"_s },
        { u"port"_s, tr("The SSH port (default 22)."), u"PORT"_s },
        { u"user"_s, tr("The login user (default root)."), u"USER"_s },
        { u"key"_s, tr("A private key file."), u"FILE"_s },
        { u"auth"_s, tr("key, agent or password (default: key with --key, else agent)."), u"KIND"_s },
        { u"remember-password"_s, tr("Keep the password in the OS keychain.") },
        { u"forget"_s, tr("With trust: forget the pinned host key.") },
        { u"jump"_s, tr("Connect through the server JUMP, which Gantry already knows (ProxyJump)."),
            u"JUMP"_s },
        { u"no-jump"_s, tr("With edit: connect directly, not through a jump server.") },
        { u"service-manager"_s,
            tr("What runs the service there: auto (systemd when it is PID 1, else supervisor), systemd or "
               "supervisor."),
            u"MANAGER"_s },
        { u"no-check"_s, tr("With edit: save without connecting to the server.") },
    });
    addConnectionOptions(parser);
    if (!parser.parse(arguments))
        return Report::usage(u"server"_s, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        Terminal::out(parser.helpText());
        return ExitOk;
    }
    auto workspace = Workspace::open(global.workspaceDir);
    if (!workspace)
        return Report::failure(workspace.error());
    const QString action = parser.positionalArguments().value(0);
    if (action == u"add")
        return add(global, **workspace, parser);
    if (action == u"check")
        return check(**workspace, parser);
    if (action == u"list")
        return list(**workspace, parser);
    if (action == u"edit")
        return edit(**workspace, parser);
    if (action == u"remove")
        return remove(**workspace, parser);
    if (action == u"trust")
        return trust(**workspace, parser);
    if (action == u"import")
        return import(**workspace, parser);
    return Report::usage(u"server"_s, tr("the action is add, check, list, edit, remove, trust or import."));
}

} // namespace Gantry::Cli
