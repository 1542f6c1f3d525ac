#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace Gantry {

// How severe a log line is. Ordered, so "Warning and worse" is `level >= LogLevel::Warning`;
// Unknown sorts below everything.
enum class LogLevel { Unknown, Trace, Debug, Info, Warning, Error, Fatal };

// The level of one line a Go service logged, read from the line itself: Gin, the standard
// library's log and runtime crashes, logrus, slog, zap, zerolog, glog/klog, JSON logs, and
// plain "ERROR"/"[warn]" markers. The rules live in one table, tried in order (see the .cpp).
class LogLevelClassifier final {
    Q_DECLARE_TR_FUNCTIONS(LogLevelClassifier)
public:
    // The level the line names; else journald's PRIORITY (0-7, -1 for none); else the level a
    // line of that shape has by default (a plain standard-library log line is Info); else Unknown.
    static LogLevel classify(QStringView line, int journalPriority = -1);
    // The line's own level only (Unknown when it names none).
    static LogLevel fromText(QStringView line);
    // syslog priorities: 0-2 Fatal, 3 Error, 4 Warning, 5-6 Info, 7 Debug; others Unknown.
    static LogLevel fromPriority(int priority);
    // A level name as logging libraries write it, any case: "warn", "WARNING", "eror", "DPANIC",
    // "ERROR+2" (slog offsets are ignored) ...; Unknown for other words.
    static LogLevel fromName(QStringView name);
    // For people: "Warning", translated.
    static QString displayName(LogLevel level);
    // The line without ANSI colour and cursor sequences (Gin and zap colour their output).
    static QString stripAnsi(QStringView line);
};

} // namespace Gantry
