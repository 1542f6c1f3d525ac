#include "core/monitor/loglevel.h"

#include <algorithm>
#include <array>

#include <QList>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// What a rule's match says about the line.
enum class Verdict {
    Fixed, // the rule's level
    Name, // capture 1 is a level name (LogLevelClassifier::fromName)
    HttpStatus, // capture 1 is an HTTP status: 1xx-3xx Info, 4xx Warning, 5xx Error
    Default, // the rule's level, only when neither a named level nor journald's priority decided
};

struct Rule {
    const char16_t *pattern;
    Verdict verdict;
    LogLevel level; // for Fixed and Default
    bool anyCase; // the libraries that write this accept or print any case
};

// Tried in order; the first rule whose match tells a level wins, so the specific shapes come
// before the generic markers a message might also contain.
constexpr std::array Rules {
    // Go runtime crashes: "panic: boom", "fatal error: concurrent map writes", the signal line and
    // the goroutine headers of the stack dump that follows.
    Rule { uR"re(^(?:panic|fatal error): )re", Verdict::Fixed, LogLevel::Fatal, false },
    Rule { uR"re(^\[signal SIG[A-Z]+: )re", Verdict::Fixed, LogLevel::Fatal, false },
    Rule { uR"re(^SIG[A-Z]+: [a-z ]+$)re", Verdict::Fixed, LogLevel::Fatal, false },
    Rule { uR"re(^goroutine \d+ \[[^\]]+\]:$)re", Verdict::Fixed, LogLevel::Fatal, false },
    // Gin: debug-mode notes, with "[WARNING]"/"[ERROR]" after the prefix; request lines
    // "[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET "/x""; recovered panics.
    Rule { uR"re(^\[GIN-debug\] \[(WARNING|ERROR)\])re", Verdict::Name, LogLevel::Unknown, false },
    Rule { uR"re(^\[GIN-debug\])re", Verdict::Fixed, LogLevel::Debug, false },
    Rule { uR"re(^\[GIN\] [^|]*\|\s*(\d{3})\s*\|)re", Verdict::HttpStatus, LogLevel::Unknown, false },
    Rule { uR"re(^\[Recovery\] )re", Verdict::Fixed, LogLevel::Error, false },
    // glog and klog: "E0102 15:04:05.123456    1234 main.go:12] message".
    Rule { uR"re(^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6} )re", Verdict::Fixed, LogLevel::Info, false },
    Rule { uR"re(^W\d{4} \d{2}:\d{2}:\d{2}\.\d{6} )re", Verdict::Fixed, LogLevel::Warning, false },
    Rule { uR"re(^E\d{4} \d{2}:\d{2}:\d{2}\.\d{6} )re", Verdict::Fixed, LogLevel::Error, false },
    Rule { uR"re(^F\d{4} \d{2}:\d{2}:\d{2}\.\d{6} )re", Verdict::Fixed, LogLevel::Fatal, false },
    // JSON: zap and zerolog "level":"warn", logrus "level":"warning", slog "level":"WARN+2",
    // Cloud Logging "severity":"ERROR".
    Rule { uR"re("(?:level|lvl|severity|log\.level)"\s*:\s*"([a-z]+(?:[+-]\d+)?)")re", Verdict::Name,
        LogLevel::Unknown, true },
    // key=value: logrus text level=warning, slog text level=WARN, go-kit level=warn, log15 lvl=eror.
    Rule { uR"re((?:^|\s)(?:level|lvl|severity)="?([a-z]+(?:[+-]\d+)?)"?(?=\s|$))re", Verdict::Name,
        LogLevel::Unknown, true },
    // logrus on a terminal: "WARN[0000] message".
    Rule { uR"re(^(TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)\[\d+\])re", Verdict::Name, LogLevel::Unknown, false },
    // net/http's own log lines, with or without the standard log's time.
    Rule { uR"re(^(?:\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? )?http: panic serving )re", Verdict::Fixed,
        LogLevel::Error, false },
    Rule {
        uR"re(^(?:\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? )?http: (?:TLS handshake error|superfluous))re",
        Verdict::Fixed, LogLevel::Warning, false },
    // "Error: ...", "warning: ...", also after the standard log's time and file:line.
    Rule {
        uR"re(^(?:\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? (?:\S+\.go:\d+: )?)?(error|warning|warn|fatal|panic|info|debug)\s*:)re",
        Verdict::Name, LogLevel::Unknown, true },
    // "[error]", "[WARN]" within the first few words ("2024/01/02 15:04:05 [ERROR] x").
    Rule {
        uR"re(^(?:\S+\s+){0,3}?\[(trace|debug|info|notice|warn|warning|error|err|fatal|panic|crit|critical)\](?=[\s:]|$))re",
        Verdict::Name, LogLevel::Unknown, true },
    // Upper-case words within the first few words: zap console "...Z\tERROR\tmsg", zerolog
    // console "3:04PM WRN msg", "2024-01-02 15:04:05 WARN msg", "ERROR: x".
    Rule {
        uR"re(^(?:\S+\s+){0,3}?(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|D?PANIC|CRIT|CRITICAL|ALERT|EMERG|TRC|DBG|INF|WRN|ERR|FTL|PNC)(?=[\s:]|$))re",
        Verdict::Name, LogLevel::Unknown, false },
    // The standard library's log without a level: "2024/01/02 15:04:05 message".
    Rule {
        uR"re(^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? )re", Verdict::Default, LogLevel::Info, false },
};

struct LevelName {
    QStringView name;
    LogLevel level;
};

// Names as logging libraries print them, lower case; see fromName().
constexpr std::array LevelNames {
    LevelName { u"trace", LogLevel::Trace },
    LevelName { u"trc", LogLevel::Trace },
    LevelName { u"trac", LogLevel::Trace },
    LevelName { u"trce", LogLevel::Trace },
    LevelName { u"debug", LogLevel::Debug },
    LevelName { u"dbg", LogLevel::Debug },
    LevelName { u"debu", LogLevel::Debug },
    LevelName { u"dbug", LogLevel::Debug },
    LevelName { u"info", LogLevel::Info },
    LevelName { u"inf", LogLevel::Info },
    LevelName { u"information", LogLevel::Info },
    LevelName { u"informational", LogLevel::Info },
    LevelName { u"notice", LogLevel::Info },
    LevelName { u"warn", LogLevel::Warning },
    LevelName { u"warning", LogLevel::Warning },
    LevelName { u"wrn", LogLevel::Warning },
    LevelName { u"error", LogLevel::Error },
    LevelName { u"err", LogLevel::Error },
    LevelName { u"erro", LogLevel::Error },
    LevelName { u"eror", LogLevel::Error },
    LevelName { u"fatal", LogLevel::Fatal },
    LevelName { u"fata", LogLevel::Fatal },
    LevelName { u"ftl", LogLevel::Fatal },
    LevelName { u"panic", LogLevel::Fatal },
    LevelName { u"pani", LogLevel::Fatal },
    LevelName { u"pnc", LogLevel::Fatal },
    LevelName { u"dpanic", LogLevel::Fatal },
    LevelName { u"crit", LogLevel::Fatal },
    LevelName { u"critical", LogLevel::Fatal },
    LevelName { u"alert", LogLevel::Fatal },
    LevelName { u"emerg", LogLevel::Fatal },
    LevelName { u"emergency", LogLevel::Fatal },
};

struct CompiledRule {
    QRegularExpression expression;
    const Rule *rule;
};

const QList<CompiledRule> &compiledRules()
{
    static const QList<CompiledRule> compiled = [] {
        QList<CompiledRule> list;
        for (const Rule &rule : Rules) {
            QRegularExpression expression(QString::fromUtf16(rule.pattern),
                rule.anyCase ? QRegularExpression::CaseInsensitiveOption
                             : QRegularExpression::NoPatternOption);
            Q_ASSERT_X(expression.isValid(), "LogLevelClassifier", qPrintable(expression.errorString()));
            expression.optimize();
            list << CompiledRule { std::move(expression), &rule };
        }
        return list;
    }();
    return compiled;
}

LogLevel fromHttpStatus(QStringView status)
{
    const int code = status.toInt();
    if (code >= 500 && code <= 599)
        return LogLevel::Error;
    if (code >= 400)
        return code <= 499 ? LogLevel::Warning : LogLevel::Unknown;
    return code >= 100 ? LogLevel::Info : LogLevel::Unknown;
}

LogLevel verdictOf(const CompiledRule &compiled, const QRegularExpressionMatch &match)
{
    switch (compiled.rule->verdict) {
    case Verdict::Fixed:
    case Verdict::Default:
        return compiled.rule->level;
    case Verdict::Name:
        return LogLevelClassifier::fromName(match.capturedView(1));
    case Verdict::HttpStatus:
        return fromHttpStatus(match.capturedView(1));
    }
    return LogLevel::Unknown;
}

// The level of the first deciding rule; `fallback` gets the first Default rule's level.
LogLevel named(QStringView text, LogLevel *fallback)
{
    for (const CompiledRule &compiled : compiledRules()) {
        const bool isDefault = compiled.rule->verdict == Verdict::Default;
        if (isDefault && (!fallback || *fallback != LogLevel::Unknown))
            continue;
        const QRegularExpressionMatch match = compiled.expression.match(text);
        if (!match.hasMatch())
            continue;
        const LogLevel level = verdictOf(compiled, match);
        if (isDefault)
            *fallback = level;
        else if (level != LogLevel::Unknown)
            return level;
    }
    return LogLevel::Unknown;
}

} // namespace

LogLevel LogLevelClassifier::classify(QStringView line, int journalPriority)
{
    const QString text = stripAnsi(line);
    LogLevel fallback = LogLevel::Unknown;
    if (const LogLevel level = named(text, &fallback); level != LogLevel::Unknown)
        return level;
    if (const LogLevel level = fromPriority(journalPriority); level != LogLevel::Unknown)
        return level;
    return fallback;
}

LogLevel LogLevelClassifier::fromText(QStringView line)
{
    return named(stripAnsi(line), nullptr);
}

LogLevel LogLevelClassifier::fromPriority(int priority)
{
    static constexpr std::array<LogLevel, 8> levels { LogLevel::Fatal, LogLevel::Fatal, LogLevel::Fatal,
        LogLevel::Error, LogLevel::Warning, LogLevel::Info, LogLevel::Info, LogLevel::Debug };
    return priority >= 0 && priority < int(levels.size()) ? levels[std::size_t(priority)] : LogLevel::Unknown;
}

LogLevel LogLevelClassifier::fromName(QStringView name)
{
    // slog writes levels between the named ones as "WARN+2" or "ERROR-4".
    qsizetype end = name.size();
    while (end > 0 && name.at(end - 1).isDigit())
        --end;
    if (end > 0 && end < name.size() && (name.at(end - 1) == u'+' || name.at(end - 1) == u'-'))
        name = name.first(end - 1);
    const auto it = std::find_if(LevelNames.begin(), LevelNames.end(),
        [name](const LevelName &entry) { return name.compare(entry.name, Qt::CaseInsensitive) == 0; });
    return it == LevelNames.end() ? LogLevel::Unknown : it->level;
}

QString LogLevelClassifier::displayName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return tr("Trace");
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Error:
        return tr("Error");
    case LogLevel::Fatal:
        return tr("Fatal");
    case LogLevel::Unknown:
        break;
    }
    return tr("Unknown");
}

QString LogLevelClassifier::stripAnsi(QStringView line)
{
    if (!line.contains(u'\x1b'))
        return line.toString();
    // CSI sequences ("\x1b[97;42m"), OSC sequences ended by BEL or ST, and two-byte escapes.
    static const QRegularExpression ansi(
        u"\\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?|[@-Z\\\\-_])"_s);
    QString text = line.toString();
    return text.remove(ansi);
}

} // namespace Gantry
