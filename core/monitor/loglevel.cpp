#include "core/monitor/loglevel.h"

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// What a rule's match says about the line.
enum class Verdict {
    Fixed, // the rule's level
    Name, // the match's name is a level name (LogLevelClassifier::fromName)
    HttpStatus, // the match's name is an HTTP status: 1xx-3xx Info, 4xx Warning, 5xx Error
    Default, // the rule's level, only when neither a named level nor journald's priority decided
};

// Whether a line has a rule's shape, and the part of it that names the level.
struct Match {
    bool found = false;
    QStringView name;
};

using Matcher = Match (*)(QStringView line);

struct Rule {
    Matcher match;
    Verdict verdict;
    LogLevel level; // for Fixed and Default
    // The characters a line it matches starts with; empty for any. Most lines start with none
    // of them, and skip the matcher.
    QStringView starts = {};
};

// The matchers below read what regular expressions would (each names its expression, in PCRE
// syntax: \d, \s and \S are ASCII, "any case" folds ASCII letters plus the Kelvin sign and the
// long s, as PCRE's caseless UTF mode does), by hand, about fifty times faster.

constexpr qsizetype NotFound = -1;

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isSpace(QChar c) // \s
{
    return c.unicode() == u' ' || (c.unicode() >= u'\t' && c.unicode() <= u'\r');
}

bool isUpper(QChar c)
{
    return c.unicode() >= u'A' && c.unicode() <= u'Z';
}

bool isLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}

// `c` in any case is the ASCII character `lower`.
bool sameLetter(QChar c, char16_t lower)
{
    const char16_t u = c.unicode();
    if (u == lower || (lower >= u'a' && lower <= u'z' && u == lower - u'a' + u'A'))
        return true;
    return (lower == u'k' && u == u'\u212a') || (lower == u's' && u == u'\u017f');
}

bool isLetterAnyCase(QChar c) // [a-z], any case
{
    return isLower(c) || isUpper(c) || c.unicode() == u'\u212a' || c.unicode() == u'\u017f';
}

bool charAt(QStringView text, qsizetype at, char16_t c)
{
    return at < text.size() && text[at].unicode() == c;
}

template<typename Predicate>
qsizetype skipWhile(QStringView text, qsizetype at, Predicate predicate)
{
    while (at < text.size() && predicate(text[at]))
        ++at;
    return at;
}

bool startsWithAnyCase(QStringView text, qsizetype at, QLatin1StringView word)
{
    if (text.size() - at < word.size())
        return false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (!sameLetter(text[at + i], char16_t(word[i].unicode())))
            return false;
    }
    return true;
}

bool equalsAnyCase(QStringView text, QLatin1StringView word)
{
    return text.size() == word.size() && startsWithAnyCase(text, 0, word);
}

// `shape` at `at`, where 'd' stands for \d: the end, or NotFound.
qsizetype shapeEnd(QStringView text, qsizetype at, QLatin1StringView shape)
{
    if (text.size() - at < shape.size())
        return NotFound;
    for (qsizetype i = 0; i < shape.size(); ++i) {
        const QChar c = text[at + i];
        if (shape[i] == 'd' ? !isDigit(c) : c != shape[i])
            return NotFound;
    }
    return at + shape.size();
}

// $: the end, or a newline that ends the text.
bool atLineEnd(QStringView text, qsizetype at)
{
    return at == text.size() || (at == text.size() - 1 && text[at] == u'\n');
}

// (?=[\s:]|$)
bool atWordEnd(QStringView text, qsizetype at)
{
    return at == text.size() || isSpace(text[at]) || text[at] == u':';
}

// The standard log's time "\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? " at `at`: its end, or
// NotFound.
qsizetype stdTimeEnd(QStringView text, qsizetype at)
{
    qsizetype end = shapeEnd(text, at, "dddd/dd/dd dd:dd:dd"_L1);
    if (end == NotFound)
        return NotFound;
    if (charAt(text, end, u'.') && end + 1 < text.size() && isDigit(text[end + 1]))
        end = skipWhile(text, end + 1, isDigit);
    return charAt(text, end, u' ') ? end + 1 : NotFound;
}

// \S+\s+: the next word's start, or NotFound.
qsizetype nextWord(QStringView text, qsizetype at)
{
    const qsizetype gap = skipWhile(text, at, [](QChar c) { return !isSpace(c); });
    const qsizetype next = skipWhile(text, gap, isSpace);
    return gap == at || next == gap ? NotFound : next;
}

// [a-z]+(?:[+-]\d+)? in any case, slog's "WARN+2": its end, or NotFound.
qsizetype levelNameEnd(QStringView text, qsizetype at)
{
    const qsizetype letters = skipWhile(text, at, isLetterAnyCase);
    if (letters == at)
        return NotFound;
    if ((charAt(text, letters, u'+') || charAt(text, letters, u'-')) && letters + 1 < text.size() &&
        isDigit(text[letters + 1]))
        return skipWhile(text, letters + 1, isDigit);
    return letters;
}

Match found(bool yes, QStringView name = {})
{
    return Match { yes, name };
}

// ^(?:panic|fatal error):  and a space
Match goPanic(QStringView line)
{
    return found(line.startsWith(u"panic: ") || line.startsWith(u"fatal error: "));
}

// ^\[signal SIG[A-Z]+:
Match goSignal(QStringView line)
{
    const qsizetype end = line.startsWith(u"[signal SIG") ? skipWhile(line, 11, isUpper) : 11;
    return found(end > 11 && line.sliced(end).startsWith(u": "));
}

// ^SIG[A-Z]+: [a-z ]+$
Match signalName(QStringView line)
{
    const qsizetype name = line.startsWith(u"SIG") ? skipWhile(line, 3, isUpper) : 3;
    if (name == 3 || !line.sliced(name).startsWith(u": "))
        return {};
    const qsizetype end = skipWhile(line, name + 2, [](QChar c) { return isLower(c) || c == u' '; });
    return found(end > name + 2 && atLineEnd(line, end));
}

// ^goroutine \d+ \[[^\]]+\]:$
Match goroutineHeader(QStringView line)
{
    const qsizetype number = line.startsWith(u"goroutine ") ? skipWhile(line, 10, isDigit) : 10;
    if (number == 10 || !line.sliced(number).startsWith(u" ["))
        return {};
    const qsizetype close = line.indexOf(u']', number + 2);
    return found(close > number + 2 && charAt(line, close + 1, u':') && atLineEnd(line, close + 2));
}

// ^\[GIN-debug\] \[(WARNING|ERROR)\]
Match ginDebugLevel(QStringView line)
{
    if (!line.startsWith(u"[GIN-debug] ["))
        return {};
    for (const QStringView name : { QStringView(u"WARNING"), QStringView(u"ERROR") }) {
        if (line.sliced(13).startsWith(name) && charAt(line, 13 + name.size(), u']'))
            return found(true, line.sliced(13, name.size()));
    }
    return {};
}

// ^\[GIN-debug\]
Match ginDebug(QStringView line)
{
    return found(line.startsWith(u"[GIN-debug]"));
}

// ^\[GIN\] [^|]*\|\s*(\d{3})\s*\|
Match ginRequest(QStringView line)
{
    const qsizetype bar = line.startsWith(u"[GIN] ") ? line.indexOf(u'|', 6) : NotFound;
    if (bar == NotFound)
        return {};
    const qsizetype status = skipWhile(line, bar + 1, isSpace);
    const qsizetype end = shapeEnd(line, status, "ddd"_L1);
    if (end == NotFound)
        return {};
    return found(charAt(line, skipWhile(line, end, isSpace), u'|'), line.sliced(status, 3));
}

// ^\[Recovery\]
Match ginRecovery(QStringView line)
{
    return found(line.startsWith(u"[Recovery] "));
}

// ^I\d{4} \d{2}:\d{2}:\d{2}\.\d{6}  (and W, E, F)
template<char16_t Letter>
Match klogHeader(QStringView line)
{
    return found(charAt(line, 0, Letter) && shapeEnd(line, 1, "dddd dd:dd:dd.dddddd "_L1) != NotFound);
}

// "(?:level|lvl|severity|log\.level)"\s*:\s*"([a-z]+(?:[+-]\d+)?)"  at `at`, past the first quote
Match jsonLevelAt(QStringView line, qsizetype at)
{
    if (at >= line.size() || !(sameLetter(line[at], u'l') || sameLetter(line[at], u's')))
        return {};
    qsizetype key = NotFound;
    for (const QLatin1StringView name : { "level"_L1, "lvl"_L1, "severity"_L1, "log.level"_L1 }) {
        if (startsWithAnyCase(line, at, name))
            key = at + name.size();
    }
    if (key == NotFound || !charAt(line, key, u'"'))
        return {};
    const qsizetype colon = skipWhile(line, key + 1, isSpace);
    if (!charAt(line, colon, u':'))
        return {};
    const qsizetype quote = skipWhile(line, colon + 1, isSpace);
    const qsizetype end = charAt(line, quote, u'"') ? levelNameEnd(line, quote + 1) : NotFound;
    if (end == NotFound)
        return {};
    return found(charAt(line, end, u'"'), line.sliced(quote + 1, end - quote - 1));
}

// The JSON rule above, anywhere in the line, any case: zap and zerolog "level":"warn", logrus
// "level":"warning", slog "level":"WARN+2", Cloud Logging "severity":"ERROR".
Match jsonLevel(QStringView line)
{
    for (qsizetype quote = line.indexOf(u'"'); quote != NotFound; quote = line.indexOf(u'"', quote + 1)) {
        if (const Match match = jsonLevelAt(line, quote + 1); match.found)
            return match;
    }
    return {};
}

// (?:level|lvl|severity)="?([a-z]+(?:[+-]\d+)?)"?(?=\s|$)  at `at`
Match keyValueLevelAt(QStringView line, qsizetype at)
{
    if (at >= line.size() || !(sameLetter(line[at], u'l') || sameLetter(line[at], u's')))
        return {};
    qsizetype key = NotFound;
    for (const QLatin1StringView name : { "level"_L1, "lvl"_L1, "severity"_L1 }) {
        if (startsWithAnyCase(line, at, name))
            key = at + name.size();
    }
    if (key == NotFound || !charAt(line, key, u'='))
        return {};
    const qsizetype start = charAt(line, key + 1, u'"') ? key + 2 : key + 1;
    const qsizetype end = levelNameEnd(line, start);
    if (end == NotFound)
        return {};
    const qsizetype after = charAt(line, end, u'"') ? end + 1 : end;
    return found(after == line.size() || isSpace(line[after]), line.sliced(start, end - start));
}

// The key=value rule above at the start or after \s, any case: logrus text level=warning, slog
// text level=WARN, go-kit level=warn, log15 lvl=eror.
Match keyValueLevel(QStringView line)
{
    if (!line.contains(u'='))
        return {};
    if (const Match match = keyValueLevelAt(line, 0); match.found)
        return match;
    for (qsizetype at = 0; at < line.size(); ++at) {
        if (isSpace(line[at])) {
            if (const Match match = keyValueLevelAt(line, at + 1); match.found)
                return match;
        }
    }
    return {};
}

// ^(TRAC|DEBU|INFO|WARN|ERRO|FATA|PANI)\[\d+\]
Match logrusTerminal(QStringView line)
{
    static constexpr std::array<QStringView, 7> Names { u"TRAC", u"DEBU", u"INFO", u"WARN", u"ERRO", u"FATA",
        u"PANI" };
    if (!charAt(line, 4, u'[') || std::ranges::find(Names, line.first(4)) == Names.end())
        return {};
    const qsizetype end = skipWhile(line, 5, isDigit);
    return found(end > 5 && charAt(line, end, u']'), line.first(4));
}

// ^(?:\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? )?
QStringView afterStdTime(QStringView line)
{
    const qsizetype end = stdTimeEnd(line, 0);
    return end == NotFound ? line : line.sliced(end);
}

// ^(?:std time )?http: panic serving
Match httpPanic(QStringView line)
{
    return found(afterStdTime(line).startsWith(u"http: panic serving "));
}

// ^(?:std time )?http: (?:TLS handshake error|superfluous)
Match httpWarning(QStringView line)
{
    const QStringView rest = afterStdTime(line);
    return found(rest.startsWith(u"http: TLS handshake error") || rest.startsWith(u"http: superfluous"));
}

// \S+\.go:\d+:  (any case) at `at`: its end, or NotFound.
qsizetype goFileEnd(QStringView line, qsizetype at)
{
    const qsizetype space = skipWhile(line, at, [](QChar c) { return !isSpace(c); });
    if (space == at || !charAt(line, space, u' ') || !charAt(line, space - 1, u':'))
        return NotFound;
    qsizetype digits = space - 1;
    while (digits > at && isDigit(line[digits - 1]))
        --digits;
    const qsizetype dot = digits - 4;
    const bool file = digits < space - 1 && dot > at && line[dot] == u'.' &&
        sameLetter(line[dot + 1], u'g') && sameLetter(line[dot + 2], u'o') && line[dot + 3] == u':';
    return file ? space + 1 : NotFound;
}

// (error|warning|warn|fatal|panic|info|debug)\s*:  any case, at `at`
Match levelColonAt(QStringView line, qsizetype at)
{
    for (const QLatin1StringView name :
        { "error"_L1, "warning"_L1, "warn"_L1, "fatal"_L1, "panic"_L1, "info"_L1, "debug"_L1 }) {
        if (startsWithAnyCase(line, at, name) &&
            charAt(line, skipWhile(line, at + name.size(), isSpace), u':'))
            return found(true, line.sliced(at, name.size()));
    }
    return {};
}

// ^(?:std time (?:\S+\.go:\d+: )?)?(error|warning|warn|fatal|panic|info|debug)\s*:  any case:
// "Error: ...", "warning: ...", also after the standard log's time and file:line.
Match levelColon(QStringView line)
{
    if (const qsizetype time = stdTimeEnd(line, 0); time != NotFound) {
        if (const qsizetype file = goFileEnd(line, time); file != NotFound) {
            if (const Match match = levelColonAt(line, file); match.found)
                return match;
        }
        if (const Match match = levelColonAt(line, time); match.found)
            return match;
    }
    return levelColonAt(line, 0);
}

// ^(?:\S+\s+){0,3}?  then `matchAt` at each of the first four words' starts.
template<Match (*MatchAt)(QStringView, qsizetype)>
Match inFirstWords(QStringView line)
{
    qsizetype at = 0;
    for (int words = 0; words <= 3 && at != NotFound; ++words, at = nextWord(line, at)) {
        if (const Match match = MatchAt(line, at); match.found)
            return match;
    }
    return {};
}

// \[(trace|debug|info|notice|warn|warning|error|err|fatal|panic|crit|critical)\](?=[\s:]|$)  any case
Match bracketLevelAt(QStringView line, qsizetype at)
{
    static constexpr std::array Names { "trace"_L1, "debug"_L1, "info"_L1, "notice"_L1, "warn"_L1,
        "warning"_L1, "error"_L1, "err"_L1, "fatal"_L1, "panic"_L1, "crit"_L1, "critical"_L1 };
    const qsizetype close = charAt(line, at, u'[') ? line.indexOf(u']', at + 1) : NotFound;
    if (close == NotFound || !atWordEnd(line, close + 1))
        return {};
    const QStringView name = line.sliced(at + 1, close - at - 1);
    return found(
        std::ranges::any_of(Names, [name](QLatin1StringView each) { return equalsAnyCase(name, each); }),
        name);
}

// (TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|D?PANIC|CRIT|CRITICAL|ALERT|EMERG|TRC|DBG|INF|WRN
// |ERR|FTL|PNC)(?=[\s:]|$)
Match upperLevelAt(QStringView line, qsizetype at)
{
    static constexpr std::array<QStringView, 21> Names { u"TRACE", u"DEBUG", u"INFO", u"NOTICE", u"WARN",
        u"WARNING", u"ERROR", u"FATAL", u"DPANIC", u"PANIC", u"CRIT", u"CRITICAL", u"ALERT", u"EMERG", u"TRC",
        u"DBG", u"INF", u"WRN", u"ERR", u"FTL", u"PNC" };
    const qsizetype end = skipWhile(line, at, [](QChar c) { return !isSpace(c) && c != u':'; });
    const QStringView name = line.sliced(at, end - at);
    return found(std::ranges::find(Names, name) != Names.end(), name);
}

// ^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?
Match stdTime(QStringView line)
{
    return found(stdTimeEnd(line, 0) != NotFound);
}

// Tried in order; the first rule whose match tells a level wins, so the specific shapes come
// before the generic markers a message might also contain.
constexpr std::array Rules {
    // Go runtime crashes: "panic: boom", "fatal error: concurrent map writes", the signal line and
    // the goroutine headers of the stack dump that follows.
    Rule { goPanic, Verdict::Fixed, LogLevel::Fatal, u"pf" },
    Rule { goSignal, Verdict::Fixed, LogLevel::Fatal, u"[" },
    Rule { signalName, Verdict::Fixed, LogLevel::Fatal, u"S" },
    Rule { goroutineHeader, Verdict::Fixed, LogLevel::Fatal, u"g" },
    // Gin: debug-mode notes, with "[WARNING]"/"[ERROR]" after the prefix; request lines
    // "[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET "/x""; recovered panics.
    Rule { ginDebugLevel, Verdict::Name, LogLevel::Unknown, u"[" },
    Rule { ginDebug, Verdict::Fixed, LogLevel::Debug, u"[" },
    Rule { ginRequest, Verdict::HttpStatus, LogLevel::Unknown, u"[" },
    Rule { ginRecovery, Verdict::Fixed, LogLevel::Error, u"[" },
    // glog and klog: "E0102 15:04:05.123456    1234 main.go:12] message".
    Rule { klogHeader<u'I'>, Verdict::Fixed, LogLevel::Info, u"I" },
    Rule { klogHeader<u'W'>, Verdict::Fixed, LogLevel::Warning, u"W" },
    Rule { klogHeader<u'E'>, Verdict::Fixed, LogLevel::Error, u"E" },
    Rule { klogHeader<u'F'>, Verdict::Fixed, LogLevel::Fatal, u"F" },
    Rule { jsonLevel, Verdict::Name, LogLevel::Unknown },
    Rule { keyValueLevel, Verdict::Name, LogLevel::Unknown },
    // logrus on a terminal: "WARN[0000] message".
    Rule { logrusTerminal, Verdict::Name, LogLevel::Unknown, u"TDIWEFP" },
    // net/http's own log lines, with or without the standard log's time.
    Rule { httpPanic, Verdict::Fixed, LogLevel::Error, u"0123456789h" },
    Rule { httpWarning, Verdict::Fixed, LogLevel::Warning, u"0123456789h" },
    Rule { levelColon, Verdict::Name, LogLevel::Unknown },
    // "[error]", "[WARN]" within the first few words ("2024/01/02 15:04:05 [ERROR] x").
    Rule { inFirstWords<bracketLevelAt>, Verdict::Name, LogLevel::Unknown },
    // Upper-case words within the first few words: zap console "...Z\tERROR\tmsg", zerolog
    // console "3:04PM WRN msg", "2024-01-02 15:04:05 WARN msg", "ERROR: x".
    Rule { inFirstWords<upperLevelAt>, Verdict::Name, LogLevel::Unknown },
    // The standard library's log without a level: "2024/01/02 15:04:05 message".
    Rule { stdTime, Verdict::Default, LogLevel::Info, u"0123456789" },
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

LogLevel fromHttpStatus(QStringView status)
{
    const int code = status.toInt();
    if (code >= 500 && code <= 599)
        return LogLevel::Error;
    if (code >= 400)
        return code <= 499 ? LogLevel::Warning : LogLevel::Unknown;
    return code >= 100 ? LogLevel::Info : LogLevel::Unknown;
}

LogLevel verdictOf(const Rule &rule, QStringView name)
{
    switch (rule.verdict) {
    case Verdict::Fixed:
    case Verdict::Default:
        return rule.level;
    case Verdict::Name:
        return LogLevelClassifier::fromName(name);
    case Verdict::HttpStatus:
        return fromHttpStatus(name);
    }
    return LogLevel::Unknown;
}

// The level of the first deciding rule; `fallback` gets the first Default rule's level.
LogLevel named(QStringView text, LogLevel *fallback)
{
    for (const Rule &rule : Rules) {
        const bool isDefault = rule.verdict == Verdict::Default;
        if (isDefault && (!fallback || *fallback != LogLevel::Unknown))
            continue;
        if (!rule.starts.isEmpty() &&
            (text.isEmpty() || std::ranges::find(rule.starts, text.front()) == rule.starts.end()))
            continue;
        const Match match = rule.match(text);
        if (!match.found)
            continue;
        const LogLevel level = verdictOf(rule, match.name);
        if (isDefault)
            *fallback = level;
        else if (level != LogLevel::Unknown)
            return level;
    }
    return LogLevel::Unknown;
}

// CSI ("\x1b[97;42m"), OSC ended by BEL or ST, or a two-byte escape at `at` (an ESC): its end, or
// NotFound.
qsizetype ansiEnd(QStringView line, qsizetype at)
{
    const auto inRange = [line](qsizetype i, char16_t low, char16_t high) {
        return i < line.size() && line[i].unicode() >= low && line[i].unicode() <= high;
    };
    const qsizetype kind = at + 1;
    if (charAt(line, kind, u'[')) {
        qsizetype end = kind + 1;
        while (inRange(end, u'0', u'?'))
            ++end;
        while (inRange(end, u' ', u'/'))
            ++end;
        return inRange(end, u'@', u'~') ? end + 1 : NotFound;
    }
    if (charAt(line, kind, u']')) {
        const qsizetype end = skipWhile(line, kind + 1, [](QChar c) { return c != u'\x07' && c != u'\x1b'; });
        if (charAt(line, end, u'\x07'))
            return end + 1;
        return charAt(line, end, u'\x1b') && charAt(line, end + 1, u'\\') ? end + 2 : end;
    }
    return inRange(kind, u'@', u'Z') || inRange(kind, u'\\', u'_') ? kind + 1 : NotFound;
}

// QStringView::isValidUtf16, quicker for the usual text without surrogates: one pass the
// compiler vectorises.
bool isValidUtf16(QStringView line)
{
    const char16_t *units = line.utf16();
    unsigned surrogates = 0;
    for (qsizetype i = 0; i < line.size(); ++i)
        surrogates |= unsigned((units[i] & 0xf800) == 0xd800);
    return surrogates == 0 || line.isValidUtf16();
}

} // namespace

LogLevel LogLevelClassifier::classify(QStringView line, int journalPriority)
{
    // Like a regular expression, no rule reads text that is not valid UTF-16.
    const bool readable = isValidUtf16(line);
    QString stripped;
    QStringView text = line;
    if (readable && line.contains(u'\x1b')) {
        stripped = stripAnsi(line);
        text = stripped;
    }
    LogLevel fallback = LogLevel::Unknown;
    if (const LogLevel level = readable ? named(text, &fallback) : LogLevel::Unknown;
        level != LogLevel::Unknown)
        return level;
    if (const LogLevel level = fromPriority(journalPriority); level != LogLevel::Unknown)
        return level;
    return fallback;
}

LogLevel LogLevelClassifier::fromText(QStringView line)
{
    if (!isValidUtf16(line))
        return LogLevel::Unknown;
    return line.contains(u'\x1b') ? named(stripAnsi(line), nullptr) : named(line, nullptr);
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
    // Case folding keeps the length of UTF-16 text, so only names of the same length can match.
    const auto it = std::find_if(LevelNames.begin(), LevelNames.end(), [name](const LevelName &entry) {
        return name.size() == entry.name.size() && name.compare(entry.name, Qt::CaseInsensitive) == 0;
    });
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
    if (!line.contains(u'\x1b') || !line.isValidUtf16())
        return line.toString();
    QString text;
    text.reserve(line.size());
    qsizetype copied = 0;
    for (qsizetype at = line.indexOf(u'\x1b'); at != NotFound; at = line.indexOf(u'\x1b', at)) {
        const qsizetype end = ansiEnd(line, at);
        if (end == NotFound) {
            ++at;
            continue;
        }
        text += line.sliced(copied, at - copied);
        copied = at = end;
    }
    text += line.sliced(copied);
    return text;
}

} // namespace Gantry
