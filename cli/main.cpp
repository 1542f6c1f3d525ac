#include <QCoreApplication>
#include <QStandardPaths>

#include "cli/buildcommand.h"
#include "cli/deploycommand.h"
#include "cli/servercommand.h"
#include "cli/globaloptions.h"
#include "cli/keychaincommand.h"
#include "cli/monitorcommand.h"
#include "cli/profilecommand.h"
#include "cli/terminal.h"
#include "cli/workspacecommand.h"
#include "core/common/logging.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace {

int usage(int code)
{
    Gantry::Cli::Terminal::err(QCoreApplication::translate("gantryctl",
        "Usage: gantryctl [--workspace DIR] <command> [options]\n\n"
        "Commands:\n"
        "  build PROJECT_DIR\n"
        "      build static, version-stamped, packaged binaries\n"
        "%1\n"
        "%2\n"
        "  server add NAME --host H [--port P] [--user U] [--key FILE | --auth agent|password]\n"
        "             [--accept-new-host-key | --trust-host-key SHA256:...] [--password-stdin "
        "[--remember-password]]\n"
        "  server check NAME | server list | server remove NAME | server trust NAME --forget | server "
        "import [FILE]\n"
        "      servers over SSH; a host key is trusted only on your word and pinned\n"
        "  deploy PROJECT --server NAME [--server NAME]... [--profile P] [--version V] [--dry-run]\n"
        "      build if needed, upload, install a hardened systemd unit, start, wait for health, roll "
        "back on failure\n"
        "  releases PROJECT --server NAME\n"
        "  rollback PROJECT --server NAME [--to N]\n"
        "  status PROJECT [--server NAME] [--watch [--interval S] [--count N]] [--json]\n"
        "      state, version, uptime, restarts, CPU, memory and health; --watch refreshes until Ctrl+C\n"
        "      (one command per server per refresh) and records alerts\n"
        "  logs PROJECT --server NAME [--follow] [--level L] [--since T] [--grep RE] [--lines N] [--json]\n"
        "      the service's journal, each line with its level (trace ... fatal; default all levels)\n"
        "  events [--json] [--limit N] [--webhook URL | --no-webhook]\n"
        "      alerts (failed, flapping, health failing, unreachable) and recoveries; where to POST them\n"
        "  env diff PROJECT --server NAME --profile P\n"
        "      what a deploy would change in the server's env file (secrets masked)\n"
        "  keychain check\n"
        "      is there a keychain Gantry can keep secrets in?\n"
        "  version\n"
        "      print gantryctl's version\n\n"
        "PROJECT is a project folder (added to the workspace on first use, named after the folder, with\n"
        "the profiles base, dev, test and prod) or the name of a project the workspace knows.\n"
        "Secret values go to the OS keychain, never to the workspace or the command line:\n"
        "  printf '%s' \"$TOKEN\" | gantryctl profile set PROJECT prod --secret API_TOKEN\n"
        "reads the value from stdin (one trailing line end is dropped) or asks for it, unechoed.\n\n"
        "Options for every command, before or after it:\n"
        "  --workspace DIR   the workspace folder (default: %3)\n\n"
        "Exit codes: 0 done, 1 failed (nothing was written), 2 wrong usage.\n"
        "Run \"gantryctl <command> --help\" or \"gantryctl profile <action> --help\" for the options.")
                                   .arg(Gantry::Cli::ProfileCommand::usageText(),
                                       Gantry::Cli::WorkspaceCommand::usageText(),
                                       Gantry::Workspace::defaultDir()));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Shared with the GUI, so both use the same data, cache and log folders.
    QCoreApplication::setOrganizationName(u"Gantry"_s);
    QCoreApplication::setApplicationName(u"gantry"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GANTRY_VERSION));

    QStringList args = app.arguments();
    const auto global = Gantry::Cli::GlobalOptions::take(args);
    if (!global) {
        Gantry::Cli::Terminal::err(u"gantryctl: "_s + global.error().message + u' ' + global.error().hint);
        return 2;
    }
    if (args.size() < 2)
        return usage(2);
    Gantry::Logging::install(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/logs"_s, false);
    const QString command = args.at(1);
    QStringList rest = args;
    rest.removeAt(1); // the parser wants argv[0] first
    int code = 2;
    if (command == u"build")
        code = Gantry::Cli::BuildCommand::run(rest);
    else if (command == u"profile")
        code = Gantry::Cli::ProfileCommand::run(rest, global->workspaceDir);
    else if (command == u"workspace")
        code = Gantry::Cli::WorkspaceCommand::run(rest, global->workspaceDir);
    else if (command == u"keychain")
        code = Gantry::Cli::KeychainCommand::run(rest);
    else if (command == u"server")
        code = Gantry::Cli::ServerCommand::run(*global, rest);
    else if (command == u"deploy")
        code = Gantry::Cli::DeployCommand::deploy(*global, rest);
    else if (command == u"releases")
        code = Gantry::Cli::DeployCommand::releases(*global, rest);
    else if (command == u"rollback")
        code = Gantry::Cli::DeployCommand::rollback(*global, rest);
    else if (command == u"status")
        code = Gantry::Cli::DeployCommand::status(*global, rest);
    else if (command == u"logs")
        code = Gantry::Cli::MonitorCommand::logs(*global, rest);
    else if (command == u"events")
        code = Gantry::Cli::MonitorCommand::events(*global, rest);
    else if (command == u"env" && rest.value(1) == u"diff")
        rest.removeAt(1), code = Gantry::Cli::DeployCommand::envDiff(*global, rest);
    else if (command == u"version" || command == u"--version")
        Gantry::Cli::Terminal::out(u"gantryctl "_s + QCoreApplication::applicationVersion()), code = 0;
    else if (command == u"help" || command == u"--help" || command == u"-h")
        code = usage(0);
    else
        code = usage(2);
    Gantry::Logging::shutdown();
    return code;
}
