#include "cli/keychaincommand.h"

#include "cli/exitcode.h"
#include "cli/keychain.h"
#include "cli/report.h"
#include "cli/terminal.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

int KeychainCommand::run(const QStringList &arguments)
{
    if (arguments.size() != 2 || arguments.at(1) != u"check") {
        Terminal::err(tr("Usage: gantryctl keychain check"));
        return ExitUsage;
    }
    if (const Result<void> result = Keychain::checkAvailable(); !result)
        return Report::failure(result.error());
    Terminal::err(tr("The keychain is available: Gantry keeps secrets there and nowhere else."));
    return ExitOk;
}

} // namespace Gantry::Cli
