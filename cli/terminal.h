#pragma once

#include <functional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

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
    // Installs the handler, then calls `action` on `context`'s thread once Ctrl+C came (polled
    // every 100 ms while `context` lives).
    static void whenInterrupted(QObject *context, std::function<void()> action);
};

} // namespace Gantry::Cli
