#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Gantry::Cli {

// The few things gantryctl needs from the terminal, behind one portable face.
class Terminal final {
public:
    static void out(const QString &text); // stdout, UTF-8, newline added
    static void err(const QString &text); // stderr, UTF-8, newline added
    static void outRaw(const QByteArray &bytes); // stdout as is: data, not messages; never redacted
    static void outJson(const QJsonObject &json); // stdout, indented, redacted
    static bool isInteractive(); // stderr is a terminal
    static bool inputIsInteractive(); // stdin is a terminal
    static QByteArray readInput(); // all of stdin, as bytes
    // Asks on stderr and reads one line from the terminal without echoing it; no line end.
    static QByteArray readHiddenLine(const QString &prompt);
    static void installInterruptHandler(); // Ctrl+C sets interrupted() instead of killing us
    static bool interrupted();
};

} // namespace Gantry::Cli
