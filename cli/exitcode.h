#pragma once

namespace Gantry::Cli {

// What gantryctl's exit status means, for every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1, // the message names the problem and the fix
    ExitUsage = 2, // the command line itself is wrong
};

} // namespace Gantry::Cli
