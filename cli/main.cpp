#include <QCoreApplication>
#include <QStandardPaths>

#include "cli/buildcommand.h"
#include "cli/keychaincommand.h"
#include "cli/terminal.h"
#include "core/common/logging.h"

using namespace Qt::StringLiterals;

namespace {

int usage()
{
    Gantry::Cli::Terminal::err(QCoreApplication::translate("gantryctl",
        "Usage: gantryctl <command> [options]\n\n"
        "Commands:\n"
        "  build PROJECT_DIR   build static, version-stamped, packaged binaries\n"
        "  version             print gantryctl's version\n\n"
        "Run \"gantryctl <command> --help\" for the options of a command."));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Shared with the GUI, so both use the same data, cache and log folders.
    QCoreApplication::setOrganizationName(u"Gantry"_s);
    QCoreApplication::setApplicationName(u"gantry"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GANTRY_VERSION));

    const QStringList args = app.arguments();
    if (args.size() < 2)
        return usage();
    Gantry::Logging::install(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/logs"_s, false);
    const QString command = args.at(1);
    QStringList rest = args;
    rest.removeAt(1); // the parser wants argv[0] first
    int code = 2;
    if (command == u"build")
        code = Gantry::Cli::BuildCommand::run(rest);
    else if (command == u"keychain")
        code = Gantry::Cli::KeychainCommand::run(rest);
    else if (command == u"version" || command == u"--version")
        Gantry::Cli::Terminal::out(u"gantryctl "_s + QCoreApplication::applicationVersion()), code = 0;
    else if (command == u"help" || command == u"--help" || command == u"-h")
        code = usage() - 2;
    else
        code = usage();
    Gantry::Logging::shutdown();
    return code;
}
