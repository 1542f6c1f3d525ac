#include "cli/report.h"

#include "cli/exitcode.h"
#include "cli/terminal.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

int Report::failure(const Error &error)
{
    Terminal::err(tr("error: %1").arg(error.message));
    if (!error.hint.isEmpty())
        Terminal::err(tr("hint: %1").arg(error.hint));
    if (!error.cause.isEmpty())
        Terminal::err(tr("details: %1").arg(error.cause));
    return ExitFailed;
}

int Report::usage(const QString &command, const QString &message)
{
    Terminal::err(u"gantryctl %1: %2"_s.arg(command, message));
    Terminal::err(tr("Run \"gantryctl %1 --help\" for usage.").arg(command));
    return ExitUsage;
}

void Report::warning(const Error &warning)
{
    Terminal::err(tr("warning: %1").arg(warning.message));
    if (!warning.hint.isEmpty())
        Terminal::err(tr("hint: %1").arg(warning.hint));
}

void Report::note(const QString &text)
{
    Terminal::err(text);
}

} // namespace Gantry::Cli
