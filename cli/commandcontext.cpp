#include "cli/commandcontext.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "cli/deploycommand.h"
#include "cli/globaloptions.h"
#include "cli/projectlocator.h"
#include "cli/report.h"
#include "cli/serverpasswords.h"
#include "cli/terminal.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

HostConnection CommandContext::connectionTo(const ServerRecord &server)
{
    HostConnection connection = HostConnection::to(*workspace, server);
    connection.prompter = &prompter;
    return connection;
}

void CommandContext::addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addPositionalArgument(
        u"PROJECT"_s, DeployCommand::tr("A project folder, or a project name the workspace knows."));
    parser.addOptions({
        { u"server"_s, DeployCommand::tr("A server's name (repeat for several)."), u"NAME"_s },
        { u"profile"_s, DeployCommand::tr("The profile (default prod)."), u"P"_s, u"prod"_s },
        { u"password-stdin"_s, DeployCommand::tr("Read the login and sudo password from standard input.") },
        { u"break-lock"_s, DeployCommand::tr("Break a lock left by a deploy that is gone for good.") },
        { u"json"_s, DeployCommand::tr("Print the result as JSON on stdout.") },
    });
}

Result<std::unique_ptr<CommandContext>> CommandContext::prepare(const GlobalOptions &global,
    QCommandLineParser &parser, const QStringList &arguments, bool serverRequired)
{
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(DeployCommand::tr("give exactly one PROJECT."));
    if (serverRequired && parser.values(u"server"_s).isEmpty())
        return fail(DeployCommand::tr("name a server with --server NAME."));
    auto context = std::make_unique<CommandContext>();
    auto workspace = Workspace::open(global.workspaceDir);
    if (!workspace)
        return std::unexpected(Error { workspace.error() });
    context->workspace = std::move(*workspace);
    context->knownHosts = context->workspace->knownHostsFile();
    auto located = ProjectLocator(*context->workspace).open(parser.positionalArguments().first());
    if (!located)
        return std::unexpected(located.error());
    auto project = context->workspace->project(located->name);
    if (!project)
        return std::unexpected(project.error());
    context->project = *project;
    QStringList names = parser.values(u"server"_s);
    if (names.isEmpty())
        if (auto all = context->workspace->servers())
            for (const ServerRecord &s : *all)
                names << s.name;
    for (const QString &name : names) {
        auto server = context->workspace->server(name);
        if (!server)
            return std::unexpected(server.error());
        context->servers.append(*server);
    }
    if (parser.isSet(u"password-stdin"_s)) {
        if (auto read = ServerPasswords::readStdin(context->prompter); !read)
            return std::unexpected(read.error());
    }
    ServerPasswords::loadRemembered(*context->workspace, context->servers, context->prompter);
    return context;
}

int failed(const Error &error, bool usage, const QString &command)
{
    return usage ? Report::usage(command, error.message) : Report::failure(error);
}

void printJson(const QJsonValue &value)
{
    Terminal::out(QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson()
                                                    : QJsonDocument(value.toObject()).toJson()));
}

} // namespace Gantry::Cli
