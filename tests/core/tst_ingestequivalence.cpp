#include <array>

#include <QList>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include "core/monitor/journalentry.h"
#include "core/monitor/loglevel.h"

using namespace Qt::Literals::StringLiterals;
using namespace Gantry;

namespace {

// The classifier as it was, on regular expressions: the fast matchers must agree with it.
namespace regex {

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

QString stripAnsi(QStringView line)
{
    if (!line.contains(u'\x1b'))
        return line.toString();
    static const QRegularExpression ansi(
        u"\\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\\x07\\x1b]*(?:\\x07|\\x1b\\\\)?|[@-Z\\\\-_])"_s);
    QString text = line.toString();
    return text.remove(ansi);
}

LogLevel classify(QStringView line, int journalPriority)
{
    const QString text = stripAnsi(line);
    LogLevel fallback = LogLevel::Unknown;
    if (const LogLevel level = named(text, &fallback); level != LogLevel::Unknown)
        return level;
    if (const LogLevel level = LogLevelClassifier::fromPriority(journalPriority); level != LogLevel::Unknown)
        return level;
    return fallback;
}

LogLevel fromText(QStringView line)
{
    return named(stripAnsi(line), nullptr);
}

} // namespace regex

// Real lines journalctl 252 printed on a Debian 12 host, to mutate.
const QList<QByteArray> journalSeeds {
    R"({"__REALTIME_TIMESTAMP":"1796218643675149","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=17f;b=b3c3062ab97342589da0a27fc693f8de;m=20e786b90;t=661a6be31f80d;x=1ac16b0594cd275","_SYSTEMD_UNIT":"gantry-shop.service","PRIORITY":"6","_TRANSPORT":"stdout","MESSAGE":"[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET /x","_PID":"123","SYSLOG_IDENTIFIER":"sh"})",
    R"({"__REALTIME_TIMESTAMP":"1796218642650152","__CURSOR":"s=9e76d0e3f2b94c20890c1d13934fb88e;i=17a","SYSLOG_IDENTIFIER":"sh","_PID":"123","PRIORITY":"6","MESSAGE":[98,105,110,255,97,114,121],"__MONOTONIC_TIMESTAMP":"8831682470"})",
    R"({"__REALTIME_TIMESTAMP":"1796218644227871","MESSAGE":"hello \"quoted\" tab\tend \u00e9 \/ \\","SYSLOG_IDENTIFIER":"gantry-shop","_PID":"260","__CURSOR":"s=9e;i=186","PRIORITY":"3"})",
    R"({"__CURSOR":"c","__REALTIME_TIMESTAMP":1796218644227871,"MESSAGE":["first","sécond ✓",null],"PRIORITY":4,"_PID":12})",
    R"({"__CURSOR":"s=d037c84fbd964fedb329e63bb866d51f;i=8a","PRIORITY":"6","_SYSTEMD_UNIT":"init.scope","SYSLOG_IDENTIFIER":"systemd","MESSAGE":"Stopped gantry-hello-gin.service - hello.","UNIT":"gantry-hello-gin.service","_PID":"1","__REALTIME_TIMESTAMP":"1796279456737410"})",
    R"( { "__CURSOR" : "c" , "__REALTIME_TIMESTAMP" : "1" , "MESSAGE" : [ 104 , 195 , 169 ] , "_SYSTEMD_UNIT" : null } )",
};

// Bytes that steer the scanner into its branches and out of them.
const QList<QByteArray> journalTokens { "\"", "\\", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
    "\\u00e9", "\\u0000", "\\u2713", "\\ud83d\\ude00", "\\ud800", "\\x", "\\u12", "é", "✓", "😀", "\xff",
    "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x9c", "\x01", QByteArray(1, '\0'), " ", "\t",
    "\r\n", "{", "}", "[", "]", ",", ":", "null", "true", "0", "07", "255", "256", "-1", "1.5", "1e3",
    "99999999999999999999", "\"MESSAGE\":", "\"PRIORITY\":", "\"_PID\":", "\"__CURSOR\":",
    "\"_SYSTEMD_UNIT\":", "\"UNIT\":", "\"USER_UNIT\":", "\"init.scope\"",
    "\"SYSLOG_IDENTIFIER\":", "\"__REALTIME_TIMESTAMP\":", "[104,105]", "[\"a\",null]", "{\"a\":1}" };

const QList<QByteArray> logSeeds {
    "[GIN] 2024/01/02 - 15:04:05 |\x1b[97;41m 500 \x1b[0m|  1.2ms | 127.0.0.1 | GET \"/x\"",
    "[GIN] 2024/06/01 - 10:00:00 | 404 |     1.2ms |  10.0.0.1 | GET      \"/api/items\"",
    "[GIN-debug] [WARNING] Running in \"debug\" mode.",
    "[GIN-debug] GET    /healthz                  --> main.handleHealth (3 handlers)",
    "[Recovery] 2024/01/02 - 15:04:05 panic recovered:",
    "2024/01/02 15:04:05.123456 main.go:12: error: x",
    "2024/01/02 15:04:05 db/pool.GO:7: Warning : slow",
    "time=\"2024-01-02T15:04:05Z\" level=warning msg=\"x\"",
    "time=2024-01-02T15:04:05Z level=\"WARN+2\" msg=slow",
    "lvl=eror msg=x",
    "{\"level\":\"ERROR+4\",\"msg\":\"x\"}",
    "{\"ts\":1, \"Severity\" : \"critical\", \"log.level\":\"info\"}",
    "E0102 15:04:05.123456    1234 main.go:12] failed",
    "W0102 15:04:05.123456 1 x.go:1] slow",
    "panic: boom",
    "fatal error: concurrent map writes",
    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
    "SIGQUIT: quit\n",
    "goroutine 1 [running]:",
    "WARN[0000] message",
    "2024/01/02 15:04:05 http: panic serving 10.0.0.1:5000: boom",
    "2024/01/02 15:04:05 http: TLS handshake error from 10.0.0.9:51234: EOF",
    "http: superfluous response.WriteHeader call",
    "2024/01/02 15:04:05 [ERROR] x",
    "a b c [crit]: x",
    "2024-01-02T15:04:05.000Z\tERROR\tmsg",
    "3:04PM WRN slow",
    "ERROR: x",
    "2024/01/02 15:04:05 message",
    "\x1b]0;title\x07\x1b[1mINFO\x1b[0m done \x1bM \x1b\\",
};

// Log text that steers the matchers: level words in any case, look-alikes PCRE folds (the
// Kelvin sign, the long s), separators, ANSI sequences.
const QList<QByteArray> logTokens { " ", "  ", "\t", "\n", ":", "=", "\"", "[", "]", "|", "+2", "-4", "level",
    "LEVEL", "lvl", "ſeverity", "\"level\":\"", "level=", "lvl=\"", "warn", "WARN", "warning", "eror",
    "ERROR", "ERR", "fatal", "DPANIC", "panic", "info", "trace", "crit", "notice", "wrn", "\xe2\x84\xaa", "ſ",
    "é", "2024/01/02 15:04:05 ", "2024/01/02 15:04:05.1 ", "main.go:12: ", "x.gO:1: ", "[GIN] ", " | 500 | ",
    "[GIN-debug] ", "[WARNING]", "goroutine 7 [", "]:", "SIG", "panic: ", "http: ", "I0102 15:04:05.123456 ",
    "\x1b[", "\x1b[31m", "\x1b]", "\x07", "\x1b\\", "\x1b", "0", "123", "a" };

QByteArray mutate(QByteArray data, const QList<QByteArray> &tokens, QRandomGenerator &random)
{
    for (int edits = 1 + int(random.bounded(6)); edits > 0; --edits) {
        const qsizetype at = qsizetype(random.bounded(quint32(data.size() + 1)));
        switch (random.bounded(6)) {
        case 0:
            if (at < data.size())
                data[at] = char(random.bounded(256));
            break;
        case 1:
            data.insert(at, char(random.bounded(128)));
            break;
        case 2:
        case 3:
            data.insert(at, tokens.at(qsizetype(random.bounded(quint32(tokens.size())))));
            break;
        case 4:
            data.remove(at, qsizetype(random.bounded(16)));
            break;
        default:
            data.insert(at, data.mid(at, qsizetype(random.bounded(32))));
        }
    }
    return data;
}

QByteArray pick(const QList<QByteArray> &list, QRandomGenerator &random)
{
    return list.at(qsizetype(random.bounded(quint32(list.size()))));
}

QByteArray space(QRandomGenerator &random)
{
    static const QList<QByteArray> spaces { "", "", "", " ", "\t", "\r\n " };
    return pick(spaces, random);
}

QByteArray jsonString(QRandomGenerator &random)
{
    static const QList<QByteArray> parts { "a", "level=warn ", "[GIN] ", "é", "✓", "😀", "\\\"", "\\\\", "\\/",
        "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9", "\\u0000", "\\u001b", "\\ud83d\\ude00", "\x01",
        "\x7f" };
    QByteArray text = "\"";
    for (int n = int(random.bounded(12)); n > 0; --n)
        text += pick(parts, random);
    return text + "\"";
}

QByteArray jsonValue(QRandomGenerator &random)
{
    switch (random.bounded(11)) {
    case 0:
        return "null";
    case 1: {
        QByteArrayList bytes;
        for (int n = int(random.bounded(8)); n > 0; --n)
            bytes << QByteArray::number(random.bounded(20) ? int(random.bounded(256)) : 300);
        return "[" + space(random) + bytes.join("," + space(random)) + "]";
    }
    case 2: {
        QByteArrayList texts;
        for (int n = int(random.bounded(4)); n > 0; --n)
            texts << (random.bounded(4) ? jsonString(random) : "null");
        return "[" + texts.join(',') + "]";
    }
    case 3: {
        static const QList<QByteArray> numbers { "0", "3", "7", "8", "42", "4812", "1796218643675149",
            "123456789012345678", "1234567890123456789", "1.0", "-2", "2e1" };
        return pick(numbers, random);
    }
    case 4: {
        static const QList<QByteArray> digits { "\"0\"", "\"6\"", "\"3\"", "\"9\"", "\"007\"", "\"\"",
            "\" 4\"", "\"+5\"", "\"x\"", "\"4812\"", "\"1796218643675149\"" };
        return pick(digits, random);
    }
    case 5: {
        static const QList<QByteArray> odd { "true", "{}", "[[104,105],\"x\"]", "[1,\"x\"]", "[null,1]",
            "[]" };
        return pick(odd, random);
    }
    case 6: {
        static const QList<QByteArray> units { "\"init.scope\"", "\"gantry-shop.service\"",
            "\"user@1000.service\"", "\"\"", "\"a.service\"" };
        return pick(units, random);
    }
    default:
        return jsonString(random);
    }
}

// A journal entry with the kept fields in any order, sometimes missing or twice, other fields
// between them, and whitespace anywhere JSON allows it.
QByteArray jsonEntry(QRandomGenerator &random)
{
    static const QList<QByteArray> keys { "MESSAGE", "PRIORITY", "_PID", "SYSLOG_IDENTIFIER", "_SYSTEMD_UNIT",
        "UNIT", "USER_UNIT", "_TRANSPORT", "__MONOTONIC_TIMESTAMP", "_BOOT_ID" };
    QByteArrayList members { "\"__CURSOR\":" + space(random) +
            "\"s=1;i=" + QByteArray::number(random.bounded(99)) + "\"",
        "\"__REALTIME_TIMESTAMP\":\"" + QByteArray::number(qint64(random.generate64() >> 12)) + "\"" };
    for (int n = int(random.bounded(8)); n > 0; --n)
        members << "\"" + pick(keys, random) + "\"" + space(random) + ":" + space(random) + jsonValue(random);
    if (random.bounded(30) == 0)
        members.removeAt(qsizetype(random.bounded(2)));
    for (qsizetype i = members.size() - 1; i > 0; --i)
        members.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
    return space(random) + "{" + space(random) + members.join(space(random) + "," + space(random)) +
        space(random) + "}" + space(random);
}

QString describe(const Result<JournalEntry> &result)
{
    if (!result)
        return u"refused: "_s + result.error().toString();
    const JournalEntry &e = *result;
    return u"message=[%1]%2 priority=%3 us=%4 pid=%5 id=[%6] cursor=[%7] unit=[%8]"_s
        .arg(e.message, e.messageOmitted ? u" omitted"_s : QString())
        .arg(e.priority)
        .arg(e.realtimeUSec)
        .arg(e.pid)
        .arg(e.identifier, e.cursor, e.unit);
}

QString describe(QStringView line, int priority)
{
    return u"classify=%1 fromText=%2 stripAnsi=[%3]"_s.arg(int(LogLevelClassifier::classify(line, priority)))
        .arg(int(LogLevelClassifier::fromText(line)))
        .arg(LogLevelClassifier::stripAnsi(line));
}

QString describeByRegex(QStringView line, int priority)
{
    return u"classify=%1 fromText=%2 stripAnsi=[%3]"_s.arg(int(regex::classify(line, priority)))
        .arg(int(regex::fromText(line)))
        .arg(regex::stripAnsi(line));
}

} // namespace

// The fast paths of log ingest against the slow ones they replace: JournalEntryParser's scanner
// against QJsonDocument, LogLevelClassifier's matchers against its former regular expressions,
// field by field over table rows, generated and mutated input.
class TestIngestEquivalence final : public QObject {
    Q_OBJECT

private slots:
    void scannerReads_data();
    void scannerReads();
    void scannerAgreesOnGeneratedEntries();
    void scannerAgreesOnMutatedLines();
    void scannerSharesRepeatedStrings();
    void scannerAgreesOnHugeLines_data();
    void scannerAgreesOnHugeLines();
    void matchersAgree_data();
    void matchersAgree();
    void matchersAgreeOnMutatedLines();
};

void TestIngestEquivalence::scannerReads_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<bool>("fast"); // the scanner reads it, rather than leaving it to QJsonDocument
    QTest::addColumn<QString>("message");

    QTest::newRow("plain") << R"("MESSAGE":"hello")"_ba << true << u"hello"_s;
    QTest::newRow("quote, backslash, slash") << R"("MESSAGE":"a\"b\\c\/d")"_ba << true << u"a\"b\\c/d"_s;
    QTest::newRow("control escapes") << R"("MESSAGE":"\b\f\n\r\t")"_ba << true << u"\b\f\n\r\t"_s;
    QTest::newRow("\\u escapes") << R"("MESSAGE":"\u00e9\u2713\u001b[0m\u0041")"_ba << true
                                 << u"é✓\x1b[0mA"_s;
    QTest::newRow("\\u0000") << R"("MESSAGE":"a\u0000b")"_ba << true << QString(u"a\0b"_s);
    QTest::newRow("UTF-8, 2 to 4 bytes") << R"("MESSAGE":"é ✓ 😀 \uffff")"_ba << true << u"é ✓ 😀 \uffff"_s;
    QTest::newRow("UTF-8 U+FFFE, U+10FFFF") << "\"MESSAGE\":\"\xef\xbf\xbe\xf4\x8f\xbf\xbf\""_ba << true
                                            << QString::fromUtf8("\xef\xbf\xbe\xf4\x8f\xbf\xbf");
    QTest::newRow("raw control characters") << "\"MESSAGE\":\"a\x01\x7f\tb\""_ba << true << u"a\x01\x7f\tb"_s;
    QTest::newRow("byte array") << R"("MESSAGE":[104,195,169,226,156,147])"_ba << true << u"hé✓"_s;
    QTest::newRow("byte array, invalid UTF-8")
        << R"("MESSAGE":[98,105,110,255,97,114,121])"_ba << true << u"bin\uFFFDary"_s;
    QTest::newRow("byte array with spaces") << R"("MESSAGE":[ 104 , 105 ])"_ba << true << u"hi"_s;
    QTest::newRow("byte out of range") << R"("MESSAGE":[104,256])"_ba << true << QString();
    QTest::newRow("empty array") << R"("MESSAGE":[])"_ba << true << QString();
    QTest::newRow("repeated") << R"("MESSAGE":["a\tb",null,"é"])"_ba << true << u"a\tb\né"_s;
    QTest::newRow("repeated, all null") << R"("MESSAGE":[null])"_ba << true << QString();
    QTest::newRow("null") << R"("MESSAGE":null)"_ba << true << QString();
    QTest::newRow("number") << R"("MESSAGE":5,"PRIORITY":3,"_PID":12)"_ba << true << QString();
    QTest::newRow("numbers as text") << R"("PRIORITY":"007","_PID":"")"_ba << true << QString();
    QTest::newRow("spaces everywhere") << " \t\"MESSAGE\" :\r\n\"m\" "_ba << true << u"m"_s;
    QTest::newRow("other fields of any shape")
        << R"("A":"\u00e9\"","B":[1,2],"C":["x"],"D":null,"E":0)"_ba << true << QString();

    QTest::newRow("surrogate pair escape") << R"("MESSAGE":"\ud83d\ude00")"_ba << false << u"😀"_s;
    QTest::newRow("lone surrogate escape") << R"("MESSAGE":"\ud800")"_ba << false << u"?"_s;
    QTest::newRow("unknown escape") << R"("MESSAGE":"\x")"_ba << false << u"x"_s;
    QTest::newRow("escaped key") << R"("MESS\u0041GE":"m")"_ba << false << u"m"_s;
    QTest::newRow("field twice") << R"("MESSAGE":"a","MESSAGE":"b")"_ba << false << u"b"_s;
    QTest::newRow("true") << R"("MESSAGE":true)"_ba << false << QString();
    QTest::newRow("object") << R"("X":{"a":1})"_ba << false << QString();
    QTest::newRow("fraction") << R"("PRIORITY":3.0)"_ba << false << QString();
    QTest::newRow("negative") << R"("_PID":-4)"_ba << false << QString();
    QTest::newRow("19 digits") << R"("_PID":1234567890123456789)"_ba << false << QString();
    QTest::newRow("number with spaces") << R"("PRIORITY":" 3")"_ba << false << QString();
    QTest::newRow("nested array") << R"("MESSAGE":[[104,105],"x"])"_ba << false << u"hi\nx"_s;
    QTest::newRow("mixed array") << R"("MESSAGE":[104,"x"])"_ba << false << QString();
    QTest::newRow("identifier an array") << R"("SYSLOG_IDENTIFIER":[97])"_ba << false << QString();
}

void TestIngestEquivalence::scannerReads()
{
    QFETCH(QByteArray, fields);
    QFETCH(bool, fast);
    QFETCH(QString, message);
    const QByteArray line = R"({"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"17",)"_ba + fields + "}";
    const auto scanned = JournalEntryParser::parseLineFast(line);
    QCOMPARE(scanned.has_value(), fast);
    const auto generic = JournalEntryParser::parseLineGeneric(line);
    QVERIFY(generic);
    QCOMPARE(describe(JournalEntryParser::parseLine(line)), describe(generic));
    if (scanned)
        QCOMPARE(describe(*scanned), describe(generic));
    QCOMPARE(generic->message, message);
}

void TestIngestEquivalence::scannerAgreesOnGeneratedEntries()
{
    QRandomGenerator random(20240601);
    int scanned = 0;
    constexpr int Lines = 40000;
    for (int i = 0; i < Lines; ++i) {
        const QByteArray line = jsonEntry(random);
        const auto fast = JournalEntryParser::parseLineFast(line);
        const auto genericEntry = JournalEntryParser::parseLineGeneric(line);
        const QString generic = describe(genericEntry);
        QCOMPARE(describe(JournalEntryParser::parseLine(line)), generic);
        // Without the cursor: the same entry, or the same refusal.
        const auto skipped = JournalEntryParser::parseLine(line, JournalEntryParser::Cursor::Skip);
        QCOMPARE(skipped.has_value(), genericEntry.has_value());
        if (skipped) {
            QVERIFY(skipped->cursor.isEmpty());
            JournalEntry withCursor = *skipped;
            withCursor.cursor = genericEntry->cursor;
            QCOMPARE(describe(withCursor), generic);
        }
        if (fast) {
            QVERIFY2(describe(*fast) == generic, line.constData());
            ++scanned;
        }
    }
    QVERIFY2(scanned > Lines / 4, qPrintable(QString::number(scanned))); // the scanner does take most shapes
}

void TestIngestEquivalence::scannerAgreesOnMutatedLines()
{
    QRandomGenerator random(20240602);
    int scanned = 0, accepted = 0;
    constexpr int Lines = 40000;
    for (int i = 0; i < Lines; ++i) {
        const QByteArray line = mutate(pick(journalSeeds, random), journalTokens, random);
        const auto fast = JournalEntryParser::parseLineFast(line);
        const auto generic = JournalEntryParser::parseLineGeneric(line);
        QVERIFY2(describe(JournalEntryParser::parseLine(line)) == describe(generic),
            line.toPercentEncoding().constData());
        if (fast) {
            QVERIFY2(describe(*fast) == describe(generic), line.toPercentEncoding().constData());
            ++scanned;
        }
        accepted += generic.has_value();
    }
    QVERIFY2(scanned > Lines / 20 && accepted > scanned, qPrintable(u"%1 %2"_s.arg(scanned).arg(accepted)));
}

void TestIngestEquivalence::scannerSharesRepeatedStrings()
{
    const QByteArray first =
        R"({"__CURSOR":"a","__REALTIME_TIMESTAMP":"1","_SYSTEMD_UNIT":"gantry-shop.service","SYSLOG_IDENTIFIER":"shop","MESSAGE":"x"})";
    QByteArray second = first;
    second.replace("\"a\"", "\"b\"");
    const auto one = JournalEntryParser::parseLineFast(first);
    const auto two = JournalEntryParser::parseLineFast(second);
    QVERIFY(one && two);
    QCOMPARE(two->unit, u"gantry-shop.service"_s);
    QCOMPARE(two->identifier, u"shop"_s);
    QCOMPARE(one->unit.constData(), two->unit.constData());
    QCOMPARE(one->identifier.constData(), two->identifier.constData());
    QVERIFY(one->cursor.constData() != two->cursor.constData());
}

void TestIngestEquivalence::scannerAgreesOnHugeLines_data()
{
    QTest::addColumn<QByteArray>("message"); // MESSAGE's JSON value
    QTest::addColumn<bool>("fast");
    constexpr int Size = 300 * 1024; // past the scanner's 64 KiB buffer for escaped text
    QTest::newRow("plain") << "\"" + QByteArray("abcdefgh").repeated(Size / 8) + "\"" << true;
    QTest::newRow("escapes throughout")
        << "\"" + QByteArray("ab\\\"c\\n\\u00e9").repeated(Size / 12) + "\"" << true;
    QTest::newRow("escape at the end") << "\"" + QByteArray("x").repeated(Size) + "\\t\"" << true;
    QTest::newRow("UTF-8") << "\"" + QByteArray("\xc3\xa9\xe2\x9c\x93\xf0\x9f\x98\x80").repeated(Size / 9) +
            "\"" << true;
    QTest::newRow("invalid UTF-8 at the end") << "\"" + QByteArray("y").repeated(Size) + "\xff\"" << false;
    QTest::newRow("bytes") << "[" + QByteArray("104,255,").repeated(Size / 4) + "10]" << true;
    QTest::newRow("repeated") << "[\"" + QByteArray("z").repeated(Size) + "\",\"" +
            QByteArray("w").repeated(Size) +
            "\"]" << true;
}

void TestIngestEquivalence::scannerAgreesOnHugeLines()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, fast);
    const QByteArray line =
        R"({"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"17","_SYSTEMD_UNIT":"init.scope","UNIT":"a.service","MESSAGE":)"_ba +
        message + "}";
    const auto scanned = JournalEntryParser::parseLineFast(line);
    QCOMPARE(scanned.has_value(), fast);
    const auto generic = JournalEntryParser::parseLineGeneric(line);
    QCOMPARE(describe(JournalEntryParser::parseLine(line)), describe(generic));
    QCOMPARE(generic.has_value(), !QByteArrayView(QTest::currentDataTag()).startsWith("invalid"));
    if (generic)
        QVERIFY(generic->message.size() > 100 * 1024);
    if (scanned)
        QCOMPARE(describe(*scanned), describe(generic));
}

void TestIngestEquivalence::matchersAgree_data()
{
    QTest::addColumn<QString>("line");
    for (const QByteArray &seed : logSeeds)
        QTest::newRow(seed.left(40).toPercentEncoding(" []:=/\"")) << QString::fromUtf8(seed);
    const QList<QString> edges {
        u"SIGSEGV: segmentation violation\n\n"_s,
        u"goroutine 1 []:"_s,
        u"goroutine 1 [a]]:"_s,
        u"[GIN] x | 1234 |"_s,
        u"[GIN] x | 600 |"_s,
        u"[GIN] x |\t099\t|"_s,
        u"level=\u017f level=error"_s, // PCRE takes the long s for an "s": a level name it does not know
        u"LEVEL=warn"_s,
        u"level=warn+"_s,
        u"level=\"warn\"x"_s,
        u"x \"LEVEL\"\t:\t\"Warn-12\""_s,
        u"\"log.level\":\"\u212aILL\""_s,
        u"\"level\" : \"\""_s,
        u"2024/01/02 15:04:05. main.go:1: error: x"_s,
        u"2024/01/02 15:04:05 a.b.go:12:\terror: x"_s,
        u"2024/01/02 15:04:05 .go:12: error: x"_s,
        u"2024/01/02 15:04:05 x.go:: error: x"_s,
        u"2024/01/02 15:04:05 Error :x"_s,
        u"a b c d [error]"_s,
        u"a b c [errors]"_s,
        u"[warn]x"_s,
        u"a  b\tWARNING:"_s,
        u" ERROR x"_s,
        u"ERROR"_s,
        u"\x1b[31"_s,
        u"\x1b[38;5;1mE\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"_s,
        u"\x1b[ERROR: x"_s,
        u"\x1bZ\x1b^\x1b[?25h"_s,
        QString(),
    };
    for (const QString &edge : edges)
        QTest::newRow(edge.toUtf8().toPercentEncoding(" []:=/\"")) << edge;
    QString lone = u"panic: x "_s;
    lone += QChar(0xd800);
    QTest::newRow("lone surrogate") << lone;
    QTest::newRow("lone surrogate, ANSI") << u"\x1b[31m"_s + lone;
}

void TestIngestEquivalence::matchersAgree()
{
    QFETCH(QString, line);
    for (const int priority : { -1, 3, 6 })
        QCOMPARE(describe(line, priority), describeByRegex(line, priority));
}

void TestIngestEquivalence::matchersAgreeOnMutatedLines()
{
    QRandomGenerator random(20240603);
    constexpr int Lines = 30000;
    for (int i = 0; i < Lines; ++i) {
        QByteArray bytes;
        if (random.bounded(3) == 0) { // tokens strung together
            for (int n = 1 + int(random.bounded(10)); n > 0; --n)
                bytes += pick(logTokens, random);
        } else {
            bytes = mutate(pick(logSeeds, random), logTokens, random);
        }
        QString line = QString::fromUtf8(bytes);
        if (random.bounded(200) == 0)
            line.insert(qsizetype(random.bounded(quint32(line.size() + 1))), QChar(0xdc00));
        const int priority = int(random.bounded(10)) - 1;
        QVERIFY2(describe(line, priority) == describeByRegex(line, priority),
            bytes.toPercentEncoding().constData());
    }
}

QTEST_GUILESS_MAIN(TestIngestEquivalence)
#include "tst_ingestequivalence.moc"
