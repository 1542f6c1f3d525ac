#include <QTest>

#include "core/build/godiagnosticsparser.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::GoDiagnostic;
using Gantry::GoDiagnosticsParser;

namespace {

// "Kind [package] file:line:col: message", so a row reads like the go output it came from.
QString describe(const GoDiagnostic &diagnostic)
{
    static const QString kinds[] = { u"Compile"_s, u"Module"_s, u"GoCommand"_s };
    return kinds[static_cast<int>(diagnostic.kind)] + u" [" + diagnostic.package + u"] " +
        diagnostic.toString();
}

QList<GoDiagnostic> parse(const QString &workingDir, const QString &stderrText)
{
    GoDiagnosticsParser parser(workingDir);
    for (const QString &line : stderrText.split(u'\n'))
        parser.addLine(line);
    return parser.diagnostics();
}

// Shared by the data-driven tests: feeds the row's stderr and compares the descriptions.
void checkRow()
{
    QFETCH(QString, workingDir);
    QFETCH(QString, stderrText);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const GoDiagnostic &diagnostic : parse(workingDir, stderrText))
        actual << describe(diagnostic);
    QCOMPARE(actual, expected);
}

} // namespace

class TestGoDiagnosticsParser final : public QObject {
    Q_OBJECT

private slots:
    void realGoOutput_data();
    void realGoOutput();
    void otherShapes_data();
    void otherShapes();
    void fields();
    void progressIsNotAnError();
};

void TestGoDiagnosticsParser::realGoOutput_data()
{
    QTest::addColumn<QString>("workingDir");
    QTest::addColumn<QString>("stderrText");
    QTest::addColumn<QStringList>("expected");

    // Verbatim stderr of Go 1.19.8 (Debian 12 golang-go, linux/amd64). Each row was produced by
    // writing a throwaway module under /tmp/gantry-go/<name> and running the command in the
    // comment there with GOFLAGS= GOPROXY=off (the proxy row sets GOPROXY=https://proxy.golang.org,direct
    // on a machine without network access); the capture script lived in /tmp and is not kept.

    // cd /tmp/gantry-go/shop && go build -trimpath ./...  (exit status 2)
    QTest::newRow("compile errors in two packages")
        << u"/tmp/gantry-go/shop"_s
        << QStringLiteral("# example.com/shop/internal/store\n"
                          "internal/store/store.go:4:9: cannot use 42 (untyped int constant) as string value "
                          "in return statement\n"
                          "# example.com/shop/internal/api\n"
                          "internal/api/api.go:3:8: imported and not used: \"os\"\n"
                          "internal/api/api.go:6:2: x declared but not used\n"
                          "internal/api/api.go:7:9: undefined: missing\n")
        << QStringList {
               u"Compile [example.com/shop/internal/store] /tmp/gantry-go/shop/internal/store/store.go:4:9: cannot use 42 (untyped int constant) as string value in return statement"_s,
               u"Compile [example.com/shop/internal/api] /tmp/gantry-go/shop/internal/api/api.go:3:8: imported and not used: \"os\""_s,
               u"Compile [example.com/shop/internal/api] /tmp/gantry-go/shop/internal/api/api.go:6:2: x declared but not used"_s,
               u"Compile [example.com/shop/internal/api] /tmp/gantry-go/shop/internal/api/api.go:7:9: undefined: missing"_s
           };
    // cd /tmp/gantry-go/tool && go build -trimpath .  (exit status 2)
    QTest::newRow("main package, ./ paths")
        << u"/tmp/gantry-go/tool"_s
        << QStringLiteral("# example.com/tool\n"
                          "./main.go:10:18: cannot use \"three\" (untyped string constant) as int value in "
                          "variable declaration\n"
                          "./main.go:12:2: undefined: undefinedCall\n")
        << QStringList {
               u"Compile [example.com/tool] /tmp/gantry-go/tool/main.go:10:18: cannot use \"three\" (untyped string constant) as int value in variable declaration"_s,
               u"Compile [example.com/tool] /tmp/gantry-go/tool/main.go:12:2: undefined: undefinedCall"_s
           };
    // cd /tmp/gantry-go/tool && go build -trimpath ./util  (exit status 2)
    QTest::newRow("too many errors")
        << u"/tmp/gantry-go/tool"_s
        << QStringLiteral("# example.com/tool/util\n"
                          "util/util.go:4:8: undefined: undefined1\n"
                          "util/util.go:5:8: undefined: undefined2\n"
                          "util/util.go:6:8: undefined: undefined3\n"
                          "util/util.go:7:8: undefined: undefined4\n"
                          "util/util.go:8:8: undefined: undefined5\n"
                          "util/util.go:9:8: undefined: undefined6\n"
                          "util/util.go:10:8: undefined: undefined7\n"
                          "util/util.go:11:8: undefined: undefined8\n"
                          "util/util.go:12:8: undefined: undefined9\n"
                          "util/util.go:13:9: undefined: undefined10\n"
                          "util/util.go:13:9: too many errors\n")
        << QStringList {
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:4:8: undefined: undefined1"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:5:8: undefined: undefined2"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:6:8: undefined: undefined3"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:7:8: undefined: undefined4"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:8:8: undefined: undefined5"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:9:8: undefined: undefined6"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:10:8: undefined: undefined7"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:11:8: undefined: undefined8"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:12:8: undefined: undefined9"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:13:9: undefined: undefined10"_s,
               u"Compile [example.com/tool/util] /tmp/gantry-go/tool/util/util.go:13:9: too many errors"_s
           };
    // cd /tmp/gantry-go/svc && go build -trimpath ./cmd/server  (exit status 2)
    QTest::newRow("tab-continued messages")
        << u"/tmp/gantry-go/svc"_s
        << QStringLiteral("# example.com/svc/cmd/server\n"
                          "cmd/server/main.go:10:9: too many return values\n"
                          "\thave (number)\n"
                          "\twant ()\n"
                          "cmd/server/main.go:14:16: cannot use Square{} (value of type Square) as type "
                          "Shape in variable declaration:\n"
                          "\tSquare does not implement Shape (missing Area method)\n")
        << QStringList {
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:10:9: too many return values\nhave (number)\nwant ()"_s,
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:14:16: cannot use Square{} (value of type Square) as type Shape in variable declaration:\nSquare does not implement Shape (missing Area method)"_s
           };
    // cd /tmp/gantry-go/svc/scripts && go build -trimpath ../cmd/server  (exit status 2)
    QTest::newRow("paths relative to a sibling directory")
        << u"/tmp/gantry-go/svc/scripts"_s
        << QStringLiteral("# example.com/svc/cmd/server\n"
                          "../cmd/server/main.go:10:9: too many return values\n"
                          "\thave (number)\n"
                          "\twant ()\n"
                          "../cmd/server/main.go:14:16: cannot use Square{} (value of type Square) as type "
                          "Shape in variable declaration:\n"
                          "\tSquare does not implement Shape (missing Area method)\n")
        << QStringList {
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:10:9: too many return values\nhave (number)\nwant ()"_s,
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:14:16: cannot use Square{} (value of type Square) as type Shape in variable declaration:\nSquare does not implement Shape (missing Area method)"_s
           };
    // cd /tmp/gantry-go/svc/scripts/a/b/c/d/e/f && go build -trimpath ../../../../../../../cmd/server  (exit
    // status 2)
    QTest::newRow("absolute paths from a deep directory")
        << u"/tmp/gantry-go/svc/scripts/a/b/c/d/e/f"_s
        << QStringLiteral("# example.com/svc/cmd/server\n"
                          "/tmp/gantry-go/svc/cmd/server/main.go:10:9: too many return values\n"
                          "\thave (number)\n"
                          "\twant ()\n"
                          "/tmp/gantry-go/svc/cmd/server/main.go:14:16: cannot use Square{} (value of type "
                          "Square) as type Shape in variable declaration:\n"
                          "\tSquare does not implement Shape (missing Area method)\n")
        << QStringList {
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:10:9: too many return values\nhave (number)\nwant ()"_s,
               u"Compile [example.com/svc/cmd/server] /tmp/gantry-go/svc/cmd/server/main.go:14:16: cannot use Square{} (value of type Square) as type Shape in variable declaration:\nSquare does not implement Shape (missing Area method)"_s
           };
    // cd /tmp/gantry-go/api && go build -trimpath .  (exit status 1)
    QTest::newRow("import with no module")
        << u"/tmp/gantry-go/api"_s
        << QStringLiteral(
               "main.go:6:2: package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)\n"
               "main.go:7:2: no required module provides package github.com/gin-gonic/gin; to add it:\n"
               "\tgo get github.com/gin-gonic/gin\n")
        << QStringList {
               u"Module [] /tmp/gantry-go/api/main.go:6:2: package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)"_s,
               u"Module [] /tmp/gantry-go/api/main.go:7:2: no required module provides package github.com/gin-gonic/gin; to add it:\ngo get github.com/gin-gonic/gin"_s
           };
    // cd /tmp/gantry-go/api && go build -mod=mod -trimpath .  (exit status 1)
    QTest::newRow("import with no module, -mod=mod")
        << u"/tmp/gantry-go/api"_s
        << QStringLiteral("go: finding module for package github.com/gin-gonic/gin\n"
                          "main.go:6:2: package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)\n"
                          "main.go:7:2: cannot find module providing package github.com/gin-gonic/gin: "
                          "module lookup disabled by GOPROXY=off\n")
        << QStringList {
               u"Module [] /tmp/gantry-go/api/main.go:6:2: package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)"_s,
               u"Module [] /tmp/gantry-go/api/main.go:7:2: cannot find module providing package github.com/gin-gonic/gin: module lookup disabled by GOPROXY=off"_s
           };
    // cd /tmp/gantry-go/badmod && go build -trimpath .  (exit status 1)
    QTest::newRow("malformed go.mod")
        << u"/tmp/gantry-go/badmod"_s
        << QStringLiteral("go: errors parsing go.mod:\n"
                          "/tmp/gantry-go/badmod/go.mod:4: unknown directive: requires\n"
                          "/tmp/gantry-go/badmod/go.mod:5: usage: require module/path v1.2.3\n")
        << QStringList { u"Module [] errors parsing go.mod:"_s,
               u"Module [] /tmp/gantry-go/badmod/go.mod:4: unknown directive: requires"_s,
               u"Module [] /tmp/gantry-go/badmod/go.mod:5: usage: require module/path v1.2.3"_s };
    // cd /tmp/gantry-go/unterminated && go build -trimpath .  (exit status 1)
    QTest::newRow("unterminated go.mod block")
        << u"/tmp/gantry-go/unterminated"_s
        << QStringLiteral("go: errors parsing go.mod:\n"
                          "/tmp/gantry-go/unterminated/go.mod:5: syntax error (unterminated block started at "
                          "/tmp/gantry-go/unterminated/go.mod:3:1)\n")
        << QStringList {
               u"Module [] errors parsing go.mod:"_s,
               u"Module [] /tmp/gantry-go/unterminated/go.mod:5: syntax error (unterminated block started at /tmp/gantry-go/unterminated/go.mod:3:1)"_s
           };
    // cd /tmp/gantry-go/badstring && go build -trimpath .  (exit status 1)
    QTest::newRow("go.mod lexer error with column")
        << u"/tmp/gantry-go/badstring"_s
        << QStringLiteral("go: errors parsing go.mod:\n"
                          "/tmp/gantry-go/badstring/go.mod:3:41: unexpected newline in string\n")
        << QStringList { u"Module [] errors parsing go.mod:"_s,
               u"Module [] /tmp/gantry-go/badstring/go.mod:3:41: unexpected newline in string"_s };
    // cd /tmp/gantry-go/newer && go build -trimpath .  (exit status 1)
    QTest::newRow("go.mod written by a newer Go")
        << u"/tmp/gantry-go/newer"_s
        << QStringLiteral(
               "go: errors parsing go.mod:\n"
               "/tmp/gantry-go/newer/go.mod:3: invalid go version '1.22.1': must match format 1.23\n"
               "/tmp/gantry-go/newer/go.mod:5: unknown directive: toolchain\n")
        << QStringList { u"Module [] errors parsing go.mod:"_s,
               u"Module [] /tmp/gantry-go/newer/go.mod:3: invalid go version '1.22.1': must match format 1.23"_s,
               u"Module [] /tmp/gantry-go/newer/go.mod:5: unknown directive: toolchain"_s };
    // cd /tmp/gantry-go/needs121 && go build -trimpath ./...  (exit status 2)
    QTest::newRow("module needs a newer Go")
        << u"/tmp/gantry-go/needs121"_s
        << QStringLiteral("# example.com/needs121/lib\n"
                          "lib/lib.go:3:23: undefined: min\n"
                          "note: module requires Go 1.21\n")
        << QStringList {
               u"Compile [example.com/needs121/lib] /tmp/gantry-go/needs121/lib/lib.go:3:23: undefined: min"_s,
               u"GoCommand [example.com/needs121/lib] note: module requires Go 1.21"_s
           };
    // cd /tmp/gantry-go/gosum && go build -trimpath .  (exit status 1)
    QTest::newRow("missing go.sum entry")
        << u"/tmp/gantry-go/gosum"_s
        << QStringLiteral("main.go:3:8: missing go.sum entry for module providing package "
                          "github.com/gin-contrib/sse (imported by example.com/web); to add:\n"
                          "\tgo get example.com/web\n")
        << QStringList {
               u"Module [] /tmp/gantry-go/gosum/main.go:3:8: missing go.sum entry for module providing package github.com/gin-contrib/sse (imported by example.com/web); to add:\ngo get example.com/web"_s
           };
    // cd /tmp/gantry-go/gosum16 && go build -trimpath .  (exit status 1)
    QTest::newRow("missing go.sum entry, go 1.16 go.mod")
        << u"/tmp/gantry-go/gosum16"_s
        << QStringLiteral("go: github.com/gin-contrib/sse@v0.1.0: missing go.sum entry; to add it:\n"
                          "\tgo mod download github.com/gin-contrib/sse\n"
                          "go: github.com/gin-contrib/sse@v0.1.0: missing go.sum entry; to add it:\n"
                          "\tgo mod download github.com/gin-contrib/sse\n")
        << QStringList {
               u"Module [] github.com/gin-contrib/sse@v0.1.0: missing go.sum entry; to add it:\ngo mod download github.com/gin-contrib/sse"_s,
               u"Module [] github.com/gin-contrib/sse@v0.1.0: missing go.sum entry; to add it:\ngo mod download github.com/gin-contrib/sse"_s
           };
    // cd /tmp/gantry-go/replaced && go build -mod=mod -trimpath .  (exit status 1)
    QTest::newRow("module found but without the package")
        << u"/tmp/gantry-go/replaced"_s
        << QStringLiteral(
               "go: finding module for package example.com/stub/sub\n"
               "main.go:3:8: module example.com/stub@latest found (v0.0.0-00010101000000-000000000000, "
               "replaced by ./stub), but does not contain package example.com/stub/sub\n")
        << QStringList {
               u"Module [] /tmp/gantry-go/replaced/main.go:3:8: module example.com/stub@latest found (v0.0.0-00010101000000-000000000000, replaced by ./stub), but does not contain package example.com/stub/sub"_s
           };
    // cd /tmp/gantry-go/replaced && go build -trimpath .  (exit status 1)
    QTest::newRow("go.mod needs tidying")
        << u"/tmp/gantry-go/replaced"_s
        << QStringLiteral("go: updates to go.mod needed; to update it:\n"
                          "\tgo mod tidy\n")
        << QStringList { u"Module [] updates to go.mod needed; to update it:\ngo mod tidy"_s };
    // cd /tmp/gantry-go/nomodule && go build -trimpath .  (exit status 1)
    QTest::newRow("no go.mod")
        << u"/tmp/gantry-go/nomodule"_s
        << QStringLiteral("go: go.mod file not found in current directory or any parent directory; see 'go "
                          "help modules'\n")
        << QStringList {
               u"Module [] go.mod file not found in current directory or any parent directory; see 'go help modules'"_s
           };
    // cd /tmp/gantry-go/misc && go build -trimpath ./nonexistent  (exit status 1)
    QTest::newRow("no such package directory")
        << u"/tmp/gantry-go/misc"_s
        << QStringLiteral("stat /tmp/gantry-go/misc/nonexistent: directory not found\n")
        << QStringList { u"GoCommand [] stat /tmp/gantry-go/misc/nonexistent: directory not found"_s };
    // cd /tmp/gantry-go/misc && go build -mod=vendor -trimpath .  (exit status 1)
    QTest::newRow("inconsistent vendoring")
        << u"/tmp/gantry-go/misc"_s
        << QStringLiteral("go: inconsistent vendoring in /tmp/gantry-go/misc:\n"
                          "\texample.com/stub@v0.0.0: is explicitly required in go.mod, but not marked as "
                          "explicit in vendor/modules.txt\n"
                          "\n"
                          "\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n"
                          "\tTo sync the vendor directory, run:\n"
                          "\t\tgo mod vendor\n")
        << QStringList {
               u"Module [] inconsistent vendoring in /tmp/gantry-go/misc:\nexample.com/stub@v0.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt\nTo ignore the vendor directory, use -mod=readonly or -mod=mod.\nTo sync the vendor directory, run:\n\tgo mod vendor"_s
           };
    // cd /tmp/gantry-go/proxy && timeout 60 go build -trimpath .  (exit status 1)
    QTest::newRow("module proxy unreachable")
        << u"/tmp/gantry-go/proxy"_s
        << QStringLiteral("go: github.com/gin-contrib/sse@v0.1.0: Get "
                          "\"https://proxy.golang.org/github.com/gin-contrib/sse/@v/v0.1.0.mod\": dial tcp: "
                          "lookup proxy.golang.org on 10.255.255.53:53: no such host\n"
                          "go: github.com/gin-contrib/sse@v0.1.0: Get "
                          "\"https://proxy.golang.org/github.com/gin-contrib/sse/@v/v0.1.0.mod\": dial tcp: "
                          "lookup proxy.golang.org on 10.255.255.53:53: no such host\n")
        << QStringList {
               u"Module [] github.com/gin-contrib/sse@v0.1.0: Get \"https://proxy.golang.org/github.com/gin-contrib/sse/@v/v0.1.0.mod\": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host"_s,
               u"Module [] github.com/gin-contrib/sse@v0.1.0: Get \"https://proxy.golang.org/github.com/gin-contrib/sse/@v/v0.1.0.mod\": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host"_s
           };
}

void TestGoDiagnosticsParser::realGoOutput()
{
    checkRow();
}

void TestGoDiagnosticsParser::otherShapes_data()
{
    QTest::addColumn<QString>("workingDir");
    QTest::addColumn<QString>("stderrText");
    QTest::addColumn<QStringList>("expected");

    // Written by hand: shapes Go prints on Windows or in older releases, which this machine cannot produce.
    QTest::newRow("windows relative paths")
        << u"C:\\src\\tool"_s
        << u"# example.com/tool\n.\\main.go:10:18: undefined: x\nutil\\util.go:4:8: undefined: y\n"_s
        << QStringList { u"Compile [example.com/tool] C:/src/tool/main.go:10:18: undefined: x"_s,
               u"Compile [example.com/tool] C:/src/tool/util/util.go:4:8: undefined: y"_s };
    QTest::newRow("windows absolute path")
        << u"C:\\src\\svc\\scripts"_s
        << u"# example.com/svc\nC:\\src\\svc\\cmd\\main.go:3:4: undefined: z\n"_s
        << QStringList { u"Compile [example.com/svc] C:/src/svc/cmd/main.go:3:4: undefined: z"_s };
    QTest::newRow("windows parent path with CRLF")
        << u"C:/src/svc/scripts/"_s
        << u"# example.com/svc/cmd/server\r\n..\\cmd\\server\\main.go:10:9: too many return values\r\n\thave "
           u"(number)\r\n"
           "\twant ()\r\n"_s
        << QStringList { u"Compile [example.com/svc/cmd/server] C:/src/svc/cmd/server/main.go:10:9: "
                         "too many return values\nhave (number)\nwant ()"_s };
    QTest::newRow("windows go.mod error")
        << u"D:\\work\\newer"_s
        << u"go: errors parsing go.mod:\nD:\\work\\newer\\go.mod:5: unknown directive: toolchain\n"_s
        << QStringList { u"Module [] errors parsing go.mod:"_s,
               u"Module [] D:/work/newer/go.mod:5: unknown directive: toolchain"_s };
    QTest::newRow("lower-case drive, forward slashes")
        << u"c:/x"_s << u"d:/work/app/main.go:1:2: expected 'package', found 'EOF'\n"_s
        << QStringList { u"Compile [] d:/work/app/main.go:1:2: expected 'package', found 'EOF'"_s };
    QTest::newRow("line without column")
        << u"/src/app"_s << u"# example.com/app\n./asm_amd64.s:7: unexpected EOF\n"_s
        << QStringList { u"Compile [example.com/app] /src/app/asm_amd64.s:7: unexpected EOF"_s };
    QTest::newRow("working dir with spaces")
        << u"/home/me/My Projects/app"_s << u"# command-line-arguments\n./main.go:1:2: undefined: q\n"_s
        << QStringList {
               u"Compile [command-line-arguments] /home/me/My Projects/app/main.go:1:2: undefined: q"_s
           };
    QTest::newRow("bare too many errors") << u"/src/app"_s << u"# example.com/app\ntoo many errors\n"_s
                                          << QStringList { u"Compile [example.com/app] too many errors"_s };
    QTest::newRow("continuation with nothing before it")
        << u"/src/app"_s << u"\tgo mod tidy\n"_s << QStringList { u"GoCommand [] go mod tidy"_s };
    QTest::newRow("other go command error") << u"/src/app"_s << u"go: -trimpath: unknown flag\n"_s
                                            << QStringList { u"GoCommand [] -trimpath: unknown flag"_s };
    QTest::newRow("unpositioned GOROOT error")
        << u"/src/app"_s << u"package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)\n"_s
        << QStringList { u"Module [] package fmtx is not in GOROOT (/usr/lib/go-1.19/src/fmtx)"_s };
    QTest::newRow("no working dir keeps relative paths")
        << QString() << u"./main.go:3:1: undefined: w\n"_s
        << QStringList { u"Compile [] main.go:3:1: undefined: w"_s };
}

void TestGoDiagnosticsParser::otherShapes()
{
    checkRow();
}

void TestGoDiagnosticsParser::fields()
{
    // From the "module needs a newer Go" capture above.
    const QList<GoDiagnostic> diagnostics = parse(u"/tmp/gantry-go/needs121"_s,
        u"# example.com/needs121/lib\nlib/lib.go:3:23: undefined: min\nnote: module requires Go 1.21\n"_s);
    QCOMPARE(diagnostics.size(), 2);
    const GoDiagnostic &error = diagnostics.first();
    QCOMPARE(error.kind, GoDiagnostic::Kind::Compile);
    QCOMPARE(error.package, u"example.com/needs121/lib"_s);
    QCOMPARE(error.file, u"/tmp/gantry-go/needs121/lib/lib.go"_s);
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 23);
    QCOMPARE(error.message, u"undefined: min"_s);
    const GoDiagnostic &note = diagnostics.last();
    QCOMPARE(note.kind, GoDiagnostic::Kind::GoCommand);
    QCOMPARE(note.message, u"note: module requires Go 1.21"_s);
    QVERIFY(note.file.isEmpty());
    QCOMPARE(note.line, 0);
}

void TestGoDiagnosticsParser::progressIsNotAnError()
{
    GoDiagnosticsParser parser(u"/src/app"_s);
    QVERIFY(!parser.hasErrors());
    parser.addLine(u"go: downloading github.com/gin-gonic/gin v1.8.1");
    parser.addLine(u"go: finding module for package github.com/gin-gonic/gin");
    parser.addLine(u"go: found github.com/gin-gonic/gin in github.com/gin-gonic/gin v1.8.1");
    parser.addLine(u"");
    parser.addLine(u"\r");
    QVERIFY(!parser.hasErrors());
    QVERIFY(parser.diagnostics().isEmpty());
    parser.addLine(
        u"main.go:3:8: missing go.sum entry for module providing package github.com/gin-gonic/gin");
    QVERIFY(parser.hasErrors());
    QCOMPARE(parser.diagnostics().constFirst().kind, GoDiagnostic::Kind::Module);
}

QTEST_GUILESS_MAIN(TestGoDiagnosticsParser)
#include "tst_godiagnosticsparser.moc"
