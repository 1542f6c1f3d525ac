#pragma once

#include <QString>

namespace Gantry::Cli {

// The few things gantryctl needs from the terminal, behind one portable face.
class Terminal final {
public:
    static void out(const QString &text); // stdout, UTF-8, newline added
    static void err(const QString &text); // stderr, UTF-8, newline added
    static bool isInteractive(); // stderr is a terminal
    static void installInterruptHandler(); // Ctrl+C sets interrupted() instead of killing us
    static bool interrupted();
};

} // namespace Gantry::Cli
