#pragma once

#include <memory>

#include <QCommandLineParser>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "cli/cliprompter.h"
#include "core/common/error.h"
#include "core/remote/hosttask.h"
#include "core/store/workspace.h"

namespace Gantry::Cli {

class GlobalOptions;

// What every command on a project's service shares: the workspace, the project, the servers
// (all of them when none is named) and a prompter.
struct CommandContext {
    std::unique_ptr<Workspace> workspace;
    ProjectRecord project;
    QList<ServerRecord> servers;
    CliPrompter prompter;
    QString knownHosts;

    HostConnection connectionTo(const ServerRecord &server);
    // Parses, opens the workspace, finds the project and the servers.
    static Result<std::unique_ptr<CommandContext>> prepare(const GlobalOptions &global,
        QCommandLineParser &parser, const QStringList &arguments, bool serverRequired);
    // PROJECT, --server, --profile, --password-stdin, --break-lock, --json.
    static void addCommonOptions(QCommandLineParser &parser);
};

// A usage error (no hint) or a failure, printed; returns the exit code.
int failed(const Error &error, bool usage, const QString &command);
void printJson(const QJsonValue &value);

} // namespace Gantry::Cli
