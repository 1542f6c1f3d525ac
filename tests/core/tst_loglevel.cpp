#include <QTest>

#include "core/monitor/loglevel.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::LogLevel;
using Gantry::LogLevelClassifier;

namespace {

struct Row {
    const char *name;
    QString line;
    int priority; // journald's PRIORITY; -1 for none
    LogLevel expected;
};

// Lines as Go services and their libraries print them.
QList<Row> classifyRows()
{
    using enum LogLevel;
    return {
        // Gin
        { "gin debug", u"[GIN-debug] GET    /ping    --> main.main.func1 (3 handlers)"_s, 6, Debug },
        { "gin debug warning",
            u"[GIN-debug] [WARNING] Running in \"debug\" mode. Switch to \"release\" mode in production."_s,
            6, Warning },
        { "gin debug error", u"[GIN-debug] [ERROR] listen tcp :8080: bind: address already in use"_s, 6,
            Error },
        { "gin warning alone",
            u"[WARNING] Creating an Engine instance with the Logger and Recovery middleware already attached."_s,
            6, Warning },
        { "gin error alone", u"[ERROR] something broke"_s, 6, Error },
        { "gin 200", u"[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET \"/x\""_s, 6, Info },
        { "gin 204", u"[GIN] 2024/01/02 - 15:04:05 | 204 |      12.3µs |       127.0.0.1 | DELETE   \"/x\""_s,
            6, Info },
        { "gin 301", u"[GIN] 2024/01/02 - 15:04:05 | 301 |  1.2ms | 127.0.0.1 | GET \"/old\""_s, 6, Info },
        { "gin 304", u"[GIN] 2024/01/02 - 15:04:05 | 304 |  1.2ms | 127.0.0.1 | GET \"/x\""_s, 6, Info },
        { "gin 400", u"[GIN] 2024/01/02 - 15:04:05 | 400 |  1.2ms | 127.0.0.1 | POST \"/x\""_s, 6, Warning },
        { "gin 404", u"[GIN] 2024/01/02 - 15:04:05 | 404 |  1.2ms | 127.0.0.1 | GET \"/nope\""_s, 6,
            Warning },
        { "gin 429", u"[GIN] 2024/01/02 - 15:04:05 | 429 |  1.2ms | 127.0.0.1 | GET \"/x\""_s, 6, Warning },
        { "gin 500", u"[GIN] 2024/01/02 - 15:04:05 | 500 |  1.2ms | 127.0.0.1 | GET \"/x\""_s, 6, Error },
        { "gin 503", u"[GIN] 2024/01/02 - 15:04:05 | 503 |  30.0s | 10.0.0.7 | GET \"/x\""_s, 6, Error },
        { "gin 200, path says ERROR",
            u"[GIN] 2024/01/02 - 15:04:05 | 200 |  1.2ms | 127.0.0.1 | GET \"/ERROR\""_s, 6, Info },
        { "gin coloured 500",
            u"[GIN] 2024/01/02 - 15:04:05 |\x1b[97;41m 500 \x1b[0m|  1.2ms | 127.0.0.1 |\x1b[97;44m GET     \x1b[0m \"/x\""_s,
            6, Error },
        { "gin coloured 200",
            u"[GIN] 2024/01/02 - 15:04:05 |\x1b[97;42m 200 \x1b[0m|  1.2ms | 127.0.0.1 |\x1b[97;44m GET     \x1b[0m \"/x\""_s,
            -1, Info },
        { "gin recovery", u"[Recovery] 2024/01/02 - 15:04:05 panic recovered:"_s, 6, Error },
        { "gin status 999 falls back",
            u"[GIN] 2024/01/02 - 15:04:05 | 999 |  1.2ms | 127.0.0.1 | GET \"/x\""_s, 3, Error },
        // Standard library log and runtime crashes
        { "std log", u"2024/01/02 15:04:05 listening on :8080"_s, -1, Info },
        { "std log, priority 6", u"2024/01/02 15:04:05 listening on :8080"_s, 6, Info },
        { "std log, priority 3 from <3> prefix", u"2024/01/02 15:04:05 listening on :8080"_s, 3, Error },
        { "std log microseconds", u"2024/01/02 15:04:05.123456 main.go:42: started"_s, -1, Info },
        { "std log with ERROR", u"2024/01/02 15:04:05 ERROR: database unreachable"_s, 6, Error },
        { "std log with [ERROR]", u"2024/01/02 15:04:05 [ERROR] database unreachable"_s, 6, Error },
        { "std log with [warn]", u"2024/01/02 15:04:05 [warn] slow query"_s, 6, Warning },
        { "std log with file and error:", u"2024/01/02 15:04:05 main.go:12: error: bad config"_s, 6, Error },
        { "std log, log.Fatal with fatal:", u"2024/01/02 15:04:05 fatal: cannot open db"_s, 6, Fatal },
        { "std log, log.Fatal with FATAL", u"2024/01/02 15:04:05 FATAL cannot open db"_s, 6, Fatal },
        { "std log, message mentions error", u"2024/01/02 15:04:05 retried after an error"_s, 6, Info },
        { "panic", u"panic: runtime error: invalid memory address or nil pointer dereference"_s, 6, Fatal },
        { "panic with priority 3", u"panic: boom"_s, 3, Fatal },
        { "fatal error", u"fatal error: concurrent map writes"_s, 6, Fatal },
        { "signal line", u"[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]"_s, 6,
            Fatal },
        { "SIGQUIT dump", u"SIGQUIT: quit"_s, 6, Fatal },
        { "goroutine header", u"goroutine 1 [running]:"_s, 6, Fatal },
        { "goroutine header, blocked", u"goroutine 18 [chan receive, 5 minutes]:"_s, 6, Fatal },
        { "stack frame falls back", u"main.main()"_s, 6, Info },
        { "http panic serving",
            u"2024/01/02 15:04:05 http: panic serving 10.0.0.7:51234: runtime error: index out of range"_s, 6,
            Error },
        { "http panic serving, no time", u"http: panic serving 10.0.0.7:51234: boom"_s, -1, Error },
        { "http TLS handshake", u"2024/01/02 15:04:05 http: TLS handshake error from 10.0.0.7:5123: EOF"_s, 6,
            Warning },
        { "http superfluous",
            u"2024/01/02 15:04:05 http: superfluous response.WriteHeader call from main.h (main.go:20)"_s, 6,
            Warning },
        // logrus
        { "logrus text warning", u"time=\"2024-01-02T15:04:05Z\" level=warning msg=\"disk almost full\""_s, 6,
            Warning },
        { "logrus text error",
            u"time=\"2024-01-02T15:04:05Z\" level=error msg=\"query failed\" error=\"timeout\""_s, 6, Error },
        { "logrus text info, msg says error",
            u"time=\"2024-01-02T15:04:05Z\" level=info msg=\"ERROR count is 0\""_s, 3, Info },
        { "logrus text fatal", u"time=\"2024-01-02T15:04:05Z\" level=fatal msg=\"cannot start\""_s, 6,
            Fatal },
        { "logrus text panic", u"time=\"2024-01-02T15:04:05Z\" level=panic msg=\"boom\""_s, 6, Fatal },
        { "logrus text trace", u"time=\"2024-01-02T15:04:05Z\" level=trace msg=\"x\""_s, 6, Trace },
        { "logrus text debug", u"time=\"2024-01-02T15:04:05Z\" level=debug msg=\"x\""_s, 6, Debug },
        { "logrus terminal WARN", u"WARN[0000] disk almost full"_s, 6, Warning },
        { "logrus terminal ERRO", u"ERRO[0042] query failed                              error=timeout"_s, 6,
            Error },
        { "logrus terminal INFO", u"INFO[0001] started"_s, 6, Info },
        { "logrus terminal FATA", u"FATA[0001] cannot start"_s, 6, Fatal },
        { "logrus terminal DEBU", u"DEBU[0001] x"_s, 6, Debug },
        { "logrus JSON",
            u"{\"error\":\"timeout\",\"level\":\"warning\",\"msg\":\"retrying\",\"time\":\"2024-01-02T15:04:05Z\"}"_s,
            6, Warning },
        // slog
        { "slog text WARN", u"time=2024-01-02T15:04:05.000Z level=WARN msg=\"disk almost full\""_s, 6,
            Warning },
        { "slog text ERROR", u"time=2024-01-02T15:04:05.000Z level=ERROR msg=failed err=\"timeout\""_s, 6,
            Error },
        { "slog text INFO", u"time=2024-01-02T15:04:05.000Z level=INFO msg=started"_s, 3, Info },
        { "slog text DEBUG", u"time=2024-01-02T15:04:05.000Z level=DEBUG msg=x"_s, 6, Debug },
        { "slog text WARN+2", u"time=2024-01-02T15:04:05.000Z level=WARN+2 msg=x"_s, 6, Warning },
        { "slog text DEBUG-4", u"time=2024-01-02T15:04:05.000Z level=DEBUG-4 msg=x"_s, 6, Debug },
        { "slog default logger", u"2024/01/02 15:04:05 WARN disk almost full"_s, 6, Warning },
        { "slog default logger INFO", u"2024/01/02 15:04:05 INFO started port=8080"_s, 3, Info },
        { "slog JSON", u"{\"time\":\"2024-01-02T15:04:05Z\",\"level\":\"ERROR\",\"msg\":\"failed\"}"_s, 6,
            Error },
        { "slog JSON ERROR+4",
            u"{\"time\":\"2024-01-02T15:04:05Z\",\"level\":\"ERROR+4\",\"msg\":\"failed\"}"_s, 6, Error },
        // zap
        { "zap JSON warn",
            u"{\"level\":\"warn\",\"ts\":1704207845.123,\"caller\":\"main.go:12\",\"msg\":\"slow\"}"_s, 6,
            Warning },
        { "zap JSON dpanic", u"{\"level\":\"dpanic\",\"ts\":1704207845.123,\"msg\":\"x\"}"_s, 6, Fatal },
        { "zap JSON with spaces", u"{ \"level\" : \"error\" , \"msg\" : \"x\" }"_s, 6, Error },
        { "zap production console", u"2024-01-02T15:04:05.123Z\tERROR\tmain.go:12\tquery failed"_s, 6,
            Error },
        { "zap development console", u"2024-01-02T15:04:05.123+0100\tWARN\tmain.go:12\tslow"_s, 6, Warning },
        { "zap coloured console", u"2024-01-02T15:04:05.123Z\t\x1b[31mERROR\x1b[0m\tmain.go:12\tx"_s, 6,
            Error },
        { "zap console DEBUG", u"2024-01-02T15:04:05.123Z\tDEBUG\tmain.go:12\tx"_s, 6, Debug },
        // zerolog
        { "zerolog JSON warn",
            u"{\"level\":\"warn\",\"time\":\"2024-01-02T15:04:05Z\",\"message\":\"slow\"}"_s, 6, Warning },
        { "zerolog JSON trace", u"{\"level\":\"trace\",\"message\":\"x\"}"_s, 6, Trace },
        { "zerolog JSON fatal", u"{\"level\":\"fatal\",\"message\":\"x\"}"_s, 6, Fatal },
        { "zerolog console WRN", u"3:04PM WRN slow request path=/x"_s, 6, Warning },
        { "zerolog console ERR", u"2024-01-02T15:04:05Z ERR failed error=timeout"_s, 6, Error },
        { "zerolog console INF", u"3:04PM INF started"_s, 3, Info },
        { "zerolog console DBG", u"3:04PM DBG x"_s, 6, Debug },
        { "zerolog console TRC", u"3:04PM TRC x"_s, 6, Trace },
        { "zerolog console FTL", u"3:04PM FTL x"_s, 6, Fatal },
        // Other JSON and logfmt
        { "Cloud Logging severity", u"{\"severity\":\"ERROR\",\"message\":\"x\"}"_s, 6, Error },
        { "Cloud Logging CRITICAL", u"{\"severity\":\"CRITICAL\",\"message\":\"x\"}"_s, 6, Fatal },
        { "Cloud Logging NOTICE", u"{\"severity\":\"NOTICE\",\"message\":\"x\"}"_s, 3, Info },
        { "Cloud Logging DEFAULT falls back", u"{\"severity\":\"DEFAULT\",\"message\":\"x\"}"_s, 4, Warning },
        { "JSON lvl", u"{\"lvl\":\"eror\",\"msg\":\"x\"}"_s, 6, Error },
        { "JSON upper-case key", u"{\"Level\":\"Warning\",\"msg\":\"x\"}"_s, 6, Warning },
        { "JSON ECS log.level", u"{\"@timestamp\":\"2024-01-02T15:04:05Z\",\"log.level\":\"error\"}"_s, 6,
            Error },
        { "JSON level in message only",
            u"{\"msg\":\"got {\\\"level\\\":\\\"error\\\"}\",\"level\":\"info\"}"_s, 6, Info },
        { "JSON numeric level falls back", u"{\"level\":50,\"msg\":\"x\"}"_s, 4, Warning },
        { "go-kit logfmt", u"ts=2024-01-02T15:04:05Z caller=main.go:12 level=warn msg=slow"_s, 6, Warning },
        { "log15", u"t=2024-01-02T15:04:05+0000 lvl=eror msg=failed"_s, 6, Error },
        { "log15 dbug", u"t=2024-01-02T15:04:05+0000 lvl=dbug msg=x"_s, 6, Debug },
        { "log15 crit", u"t=2024-01-02T15:04:05+0000 lvl=crit msg=x"_s, 6, Fatal },
        { "level= quoted", u"level=\"error\" msg=x"_s, 6, Error },
        { "level= unknown word falls back", u"level=loud msg=x"_s, 4, Warning },
        { "level= inside a word is not a level", u"sealevel=error msg=x"_s, 6, Info },
        // glog / klog
        { "klog info", u"I0102 15:04:05.123456    1234 main.go:12] started"_s, 3, Info },
        { "klog warning", u"W0102 15:04:05.123456    1234 main.go:12] slow"_s, 6, Warning },
        { "klog error", u"E0102 15:04:05.123456    1234 main.go:12] failed"_s, 6, Error },
        { "klog fatal", u"F0102 15:04:05.123456    1234 main.go:12] dying"_s, 6, Fatal },
        // Plain markers
        { "ERROR first", u"ERROR cannot connect"_s, 6, Error },
        { "ERROR:", u"ERROR: cannot connect"_s, 6, Error },
        { "Error: (cobra)", u"Error: unknown flag: --port"_s, 6, Error },
        { "error: lower case", u"error: config missing"_s, 6, Error },
        { "warning: lower case", u"warning: deprecated flag"_s, 6, Warning },
        { "WARN after ISO time", u"2024-01-02 15:04:05 WARN slow"_s, 6, Warning },
        { "WARNING after ISO time", u"2024-01-02 15:04:05,123 WARNING slow"_s, 6, Warning },
        { "CRITICAL", u"2024-01-02 15:04:05 CRITICAL disk failure"_s, 6, Fatal },
        { "[error] lower case", u"[error] cannot connect"_s, 6, Error },
        { "[Error] mixed case", u"[Error] cannot connect"_s, 6, Error },
        { "[WARN]", u"[WARN] slow"_s, 6, Warning },
        { "[info] after a tag", u"[main] [info] started"_s, 3, Info },
        { "[debug]", u"[debug] x"_s, 6, Debug },
        { "[trace]", u"[trace] x"_s, 6, Trace },
        { "[fatal]", u"[fatal] x"_s, 6, Fatal },
        { "[crit]", u"[crit] x"_s, 6, Fatal },
        { "[notice]", u"[notice] x"_s, 3, Info },
        { "marker too far in", u"the request to the upstream ERROR handler timed out"_s, 6, Info },
        { "lower-case error word in text", u"no error occurred"_s, 6, Info },
        { "INFORMATION is not INFO", u"INFORMATION follows"_s, 4, Warning },
        { "ERRORS is not ERROR", u"ERRORS: 0"_s, 6, Info },
        // Fallbacks
        { "plain text, priority 6", u"listening on :8080"_s, 6, Info },
        { "plain text, priority 5", u"listening on :8080"_s, 5, Info },
        { "plain text, priority 4", u"listening on :8080"_s, 4, Warning },
        { "plain text, priority 3", u"listening on :8080"_s, 3, Error },
        { "plain text, priority 2", u"listening on :8080"_s, 2, Fatal },
        { "plain text, priority 0", u"listening on :8080"_s, 0, Fatal },
        { "plain text, priority 7", u"listening on :8080"_s, 7, Debug },
        { "plain text, no priority", u"listening on :8080"_s, -1, Unknown },
        { "plain text, priority out of range", u"listening on :8080"_s, 9, Unknown },
        { "empty", QString(), -1, Unknown },
        { "empty, priority 3", QString(), 3, Error },
        { "systemd's own line", u"gantry-crash.service: Failed with result 'exit-code'."_s, 4, Warning },
        { "systemd's own start line", u"Started gantry-crash.service."_s, 6, Info },
        { "only ANSI codes", u"\x1b[0m\x1b[31m"_s, -1, Unknown },
    };
}

} // namespace

class TestLogLevel final : public QObject {
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void fromName_data();
    void fromName();
    void fromPriority_data();
    void fromPriority();
    void stripAnsi_data();
    void stripAnsi();
    void displayNames();
    void ordered();
};

void TestLogLevel::classify_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("priority");
    QTest::addColumn<int>("expected");
    for (const Row &row : classifyRows())
        QTest::newRow(row.name) << row.line << row.priority << int(row.expected);
}

void TestLogLevel::classify()
{
    QFETCH(QString, line);
    QFETCH(int, priority);
    QFETCH(int, expected);
    const LogLevel level = LogLevelClassifier::classify(line, priority);
    QVERIFY2(int(level) == expected,
        qPrintable(LogLevelClassifier::displayName(level) + u" instead of "_s +
            LogLevelClassifier::displayName(LogLevel(expected))));
}

void TestLogLevel::fromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected");
    using enum LogLevel;
    const QList<std::pair<QString, LogLevel>> rows { { u"trace"_s, Trace }, { u"TRC"_s, Trace },
        { u"trce"_s, Trace }, { u"debug"_s, Debug }, { u"DBG"_s, Debug }, { u"dbug"_s, Debug },
        { u"DEBU"_s, Debug }, { u"info"_s, Info }, { u"INFO"_s, Info }, { u"Info"_s, Info },
        { u"inf"_s, Info }, { u"notice"_s, Info }, { u"informational"_s, Info }, { u"warn"_s, Warning },
        { u"WARNING"_s, Warning }, { u"wrn"_s, Warning }, { u"error"_s, Error }, { u"ERR"_s, Error },
        { u"erro"_s, Error }, { u"eror"_s, Error }, { u"fatal"_s, Fatal }, { u"FTL"_s, Fatal },
        { u"panic"_s, Fatal }, { u"DPANIC"_s, Fatal }, { u"crit"_s, Fatal }, { u"CRITICAL"_s, Fatal },
        { u"alert"_s, Fatal }, { u"emerg"_s, Fatal }, { u"EMERGENCY"_s, Fatal }, { u"WARN+2"_s, Warning },
        { u"ERROR-4"_s, Error }, { u"DEBUG-4"_s, Debug }, { u"INFO+12"_s, Info }, { QString(), Unknown },
        { u"default"_s, Unknown }, { u"loud"_s, Unknown }, { u"+2"_s, Unknown }, { u"WARN+"_s, Unknown },
        { u"WARN2"_s, Unknown }, { u"errors"_s, Unknown }, { u"e"_s, Unknown }, { u"50"_s, Unknown } };
    for (const auto &[name, level] : rows)
        QTest::newRow(name.isEmpty() ? "(empty)" : qPrintable(name)) << name << int(level);
}

void TestLogLevel::fromName()
{
    QFETCH(QString, name);
    QTEST(int(LogLevelClassifier::fromName(name)), "expected");
}

void TestLogLevel::fromPriority_data()
{
    QTest::addColumn<int>("priority");
    QTest::addColumn<int>("expected");
    using enum LogLevel;
    const QList<std::pair<int, LogLevel>> rows { { -2, Unknown }, { -1, Unknown }, { 0, Fatal }, { 1, Fatal },
        { 2, Fatal }, { 3, Error }, { 4, Warning }, { 5, Info }, { 6, Info }, { 7, Debug }, { 8, Unknown },
        { 1000, Unknown } };
    for (const auto &[priority, level] : rows)
        QTest::newRow(qPrintable(QString::number(priority))) << priority << int(level);
}

void TestLogLevel::fromPriority()
{
    QFETCH(int, priority);
    QTEST(int(LogLevelClassifier::fromPriority(priority)), "expected");
}

void TestLogLevel::stripAnsi_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"plain"_s << u"plain"_s;
    QTest::newRow("colour") << u"\x1b[31mred\x1b[0m"_s << u"red"_s;
    QTest::newRow("two parameters") << u"|\x1b[97;42m 200 \x1b[0m|"_s << u"| 200 |"_s;
    QTest::newRow("bold reset") << u"\x1b[1m\x1b[mx"_s << u"x"_s;
    QTest::newRow("cursor and erase") << u"\x1b[2K\x1b[1Gline"_s << u"line"_s;
    QTest::newRow("OSC title with BEL") << u"\x1b]0;title\x07text"_s << u"text"_s;
    QTest::newRow("OSC link with ST") << u"\x1b]8;;http://x\x1b\\link"_s << u"link"_s;
    QTest::newRow("two-byte escape") << u"\x1b"
                                        "Mup"_s
                                     << u"up"_s;
    QTest::newRow("lone escape at the end") << u"text\x1b"_s << u"text\x1b"_s;
    QTest::newRow("unfinished CSI") << u"text\x1b[31"_s << u"text\x1b[31"_s;
}

void TestLogLevel::stripAnsi()
{
    QFETCH(QString, line);
    QTEST(LogLevelClassifier::stripAnsi(line), "expected");
}

void TestLogLevel::displayNames()
{
    QCOMPARE(LogLevelClassifier::displayName(LogLevel::Warning), u"Warning"_s);
    QCOMPARE(LogLevelClassifier::displayName(LogLevel::Fatal), u"Fatal"_s);
    QCOMPARE(LogLevelClassifier::displayName(LogLevel::Unknown), u"Unknown"_s);
    QCOMPARE(LogLevelClassifier::displayName(LogLevel(42)), u"Unknown"_s);
}

void TestLogLevel::ordered()
{
    QVERIFY(LogLevel::Unknown < LogLevel::Trace);
    QVERIFY(LogLevel::Trace < LogLevel::Debug && LogLevel::Debug < LogLevel::Info);
    QVERIFY(LogLevel::Info < LogLevel::Warning && LogLevel::Warning < LogLevel::Error);
    QVERIFY(LogLevel::Error < LogLevel::Fatal);
    QCOMPARE(LogLevel(), LogLevel::Unknown);
}

QTEST_GUILESS_MAIN(TestLogLevel)
#include "tst_loglevel.moc"
