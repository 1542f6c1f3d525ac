#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include "core/build/gosourcescanner.h"

using namespace Qt::StringLiterals;
using Gantry::GoFileSummary;
using Gantry::GoSourceScanner;
using Gantry::GoStringVar;

namespace {

// "name|value|line|rw" (or "ro" when -X cannot set it), one per variable, in source order.
QStringList describe(const QList<GoStringVar> &vars)
{
    QStringList out;
    for (const GoStringVar &var : vars)
        out << var.name + u'|' + var.initialValue + u'|' + QString::number(var.line) + u'|' +
                (var.overridable ? u"rw"_s : u"ro"_s);
    return out;
}

const QString ValidFile = QStringLiteral("// Command demo is a sample.\n"
                                         "//go:build linux\n"
                                         "\n"
                                         "package main\n"
                                         "\n"
                                         "import (\n"
                                         "\t\"fmt\"\n"
                                         "\t\"os\"\n"
                                         ")\n"
                                         "\n"
                                         "/* Build stamps,\n"
                                         "   set with -ldflags -X. */\n"
                                         "var (\n"
                                         "\tversion = \"dev\"\n"
                                         "\tcommit  string\n"
                                         "\tdate    = `unknown`\n"
                                         ")\n"
                                         "\n"
                                         "var started = compute()\n"
                                         "\n"
                                         "type server struct{ name string }\n"
                                         "\n"
                                         "func (s *server) main() { var hidden = \"no\"; _ = hidden }\n"
                                         "\n"
                                         "func compute() int { return len(os.Args) }\n"
                                         "\n"
                                         "func main() {\n"
                                         "\turl := \"http://example.com/*x*/\"\n"
                                         "\tfmt.Println(version, commit, date, url, 'x', '\\'')\n"
                                         "}\n");

} // namespace

class TestGoSourceScanner final : public QObject {
    Q_OBJECT

private slots:
    void packageAndMain_data();
    void packageAndMain();
    void imports_data();
    void imports();
    void ignored_data();
    void ignored();
    void stringVars_data();
    void stringVars();
    void validFile();
    void randomMutations();
};

void TestGoSourceScanner::packageAndMain_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("packageName");
    QTest::addColumn<bool>("hasMainFunc");

    QTest::newRow("main package") << u"package main\n\nfunc main() {}\n"_s << u"main"_s << true;
    QTest::newRow("library package") << u"package shared\n\nfunc Greeting() string { return \"hi\" }\n"_s
                                     << u"shared"_s << false;
    QTest::newRow("package main without func main")
        << u"package main\n\nfunc helper() {}\n"_s << u"main"_s << false;
    QTest::newRow("method named main")
        << u"package main\n\ntype T struct{}\n\nfunc (t *T) main() {}\n"_s << u"main"_s << false;
    QTest::newRow("value receiver method named main")
        << u"package main\n\ntype T int\n\nfunc (T) main() {}\n"_s << u"main"_s << false;
    QTest::newRow("method main and func main")
        << u"package main\n\ntype T int\n\nfunc (T) main() {}\nfunc main() {}\n"_s << u"main"_s << true;
    QTest::newRow("func mainly") << u"package main\n\nfunc mainly() {}\n"_s << u"main"_s << false;
    QTest::newRow("main in a comment")
        << u"package main\n\n// func main() {}\n/* func main() {} */\n"_s << u"main"_s << false;
    QTest::newRow("main in a string")
        << u"package main\n\nvar s = \"func main() {}\"\n"_s << u"main"_s << false;
    QTest::newRow("comments before package")
        << u"// Package x.\n/* more */\npackage   tools // trailing\n"_s << u"tools"_s << false;
    QTest::newRow("package word in a comment first")
        << u"// package wrong\npackage right\n"_s << u"right"_s << false;
    QTest::newRow("CRLF line ends") << u"package main\r\n\r\nfunc main() {\r\n}\r\n"_s << u"main"_s << true;
    QTest::newRow("empty file") << QString() << QString() << false;
}

void TestGoSourceScanner::packageAndMain()
{
    QFETCH(QString, source);
    const GoFileSummary summary = GoSourceScanner::scan(source);
    QTEST(summary.packageName, "packageName");
    QTEST(summary.hasMainFunc, "hasMainFunc");
}

void TestGoSourceScanner::imports_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("importsC");
    QTest::addColumn<QStringList>("imports");

    QTest::newRow("single C") << u"package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n"_s
                              << true << QStringList { u"C"_s };
    QTest::newRow("C in a block") << u"package db\n\nimport (\n\t\"fmt\"\n\t\"C\"\n\t\"os\"\n)\n"_s << true
                                  << QStringList { u"fmt"_s, u"C"_s, u"os"_s };
    QTest::newRow("block on one line")
        << u"package db\nimport (\"fmt\"; \"C\")\n"_s << true << QStringList { u"fmt"_s, u"C"_s };
    QTest::newRow("no C")
        << u"package main\n\nimport (\n\t\"fmt\"\n\tsq \"github.com/mattn/go-sqlite3\"\n)\n"_s << false
        << QStringList { u"fmt"_s, u"github.com/mattn/go-sqlite3"_s };
    QTest::newRow("two import lines") << u"package main\nimport \"fmt\"\nimport _ \"embed\"\n"_s << false
                                      << QStringList { u"fmt"_s, u"embed"_s };
    QTest::newRow("C only in a comment")
        << u"package main\n\n// import \"C\"\nimport \"fmt\"\n"_s << false << QStringList { u"fmt"_s };
    QTest::newRow("C as a string value") << u"package main\n\nvar lang = \"C\"\n"_s << false << QStringList();
    QTest::newRow("lower-case c package")
        << u"package main\nimport \"c\"\n"_s << false << QStringList { u"c"_s };
}

void TestGoSourceScanner::imports()
{
    QFETCH(QString, source);
    const GoFileSummary summary = GoSourceScanner::scan(source);
    QTEST(summary.importsC, "importsC");
    QTEST(summary.imports, "imports");
}

void TestGoSourceScanner::ignored_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("go:build ignore") << u"//go:build ignore\n\npackage main\n\nfunc main() {}\n"_s << true;
    QTest::newRow("+build ignore") << u"// +build ignore\n\npackage main\n"_s << true;
    QTest::newRow("+build ignore without space") << u"//+build ignore\n\npackage main\n"_s << true;
    QTest::newRow("both forms") << u"//go:build ignore\n// +build ignore\n\npackage main\n"_s << true;
    QTest::newRow("after a doc comment") << u"// Generator.\n\n//go:build ignore\n\npackage main\n"_s << true;
    QTest::newRow("after a block comment")
        << u"/* Copyright\n   2026 */\n//go:build ignore\n\npackage main\n"_s << true;
    QTest::newRow("trailing spaces and CRLF") << u"//go:build ignore  \r\n\r\npackage main\r\n"_s << true;
    QTest::newRow("after the package clause")
        << u"package main\n\n//go:build ignore\n\nfunc main() {}\n"_s << false;
    QTest::newRow("+build after the package clause") << u"package main\n// +build ignore\n"_s << false;
    QTest::newRow("other constraint") << u"//go:build linux\n\npackage main\n"_s << false;
    QTest::newRow("negated") << u"//go:build !ignore\n\npackage main\n"_s << false;
    QTest::newRow("ignore plus more") << u"//go:build ignore && linux\n\npackage main\n"_s << false;
    QTest::newRow("space after slashes is not a directive")
        << u"// go:build ignore\n\npackage main\n"_s << false;
    QTest::newRow("in a string") << u"package main\n\nvar s = \"//go:build ignore\"\n"_s << false;
    QTest::newRow("no constraint") << u"package main\n"_s << false;
}

void TestGoSourceScanner::ignored()
{
    QFETCH(QString, source);
    QTEST(GoSourceScanner::scan(source).ignored, "ignored");
}

void TestGoSourceScanner::stringVars_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("vars");

    QTest::newRow("constant string") << u"package main\n\nvar version = \"dev\"\n"_s
                                     << QStringList { u"version|dev|3|rw"_s };
    QTest::newRow("typed, no value") << u"package main\nvar Version string\n"_s
                                     << QStringList { u"Version||2|rw"_s };
    QTest::newRow("typed with value")
        << u"package main\nvar x string = \"v\"\n"_s << QStringList { u"x|v|2|rw"_s };
    QTest::newRow("block") << u"package main\n\nvar (\n\ta = \"x\"\n\tb string\n)\n"_s
                           << QStringList { u"a|x|4|rw"_s, u"b||5|rw"_s };
    QTest::newRow("block with semicolons")
        << u"package main\nvar ( a = \"x\"; b string )\n"_s << QStringList { u"a|x|2|rw"_s, u"b||2|rw"_s };
    QTest::newRow("multi-name") << u"package main\nvar a, b = \"x\", \"y\"\n"_s
                                << QStringList { u"a|x|2|rw"_s, u"b|y|2|rw"_s };
    QTest::newRow("multi-name typed, no values")
        << u"package main\nvar c, d string\n"_s << QStringList { u"c||2|rw"_s, u"d||2|rw"_s };
    QTest::newRow("blank identifier skipped")
        << u"package main\nvar _, e = \"x\", \"y\"\n"_s << QStringList { u"e|y|2|rw"_s };
    QTest::newRow("int skipped") << u"package main\nvar n int = 5\nvar m = 7\n"_s << QStringList();
    QTest::newRow("other types skipped")
        << u"package main\nvar (\n\tp *string\n\tl []string\n\tf = 1.5\n\tok = true\n\tr = 'x'\n)\n"_s
        << QStringList();
    QTest::newRow("call without type skipped") << u"package main\nvar v = compute()\n"_s << QStringList();
    QTest::newRow("call with string type not overridable")
        << u"package main\nvar s string = compute()\n"_s << QStringList { u"s||2|ro"_s };
    // Go's linker replaces a variable set to a constant string expression: literals joined with +.
    QTest::newRow("literal concatenation with type")
        << u"package main\nvar s string = \"a\" + `b` + \"c\"\n"_s << QStringList { u"s|abc|2|rw"_s };
    QTest::newRow("literal concatenation without type")
        << u"package main\nvar s = \"1.\" + \"0\"\n"_s << QStringList { u"s|1.0|2|rw"_s };
    QTest::newRow("concatenation with a call")
        << u"package main\nvar s string = \"a\" + f()\nvar t = \"a\" + f()\n"_s
        << QStringList { u"s||2|ro"_s };
    QTest::newRow("dangling plus") << u"package main\nvar s string = \"a\" +\n"_s
                                   << QStringList { u"s||2|ro"_s };
    QTest::newRow("variable value with type")
        << u"package main\nvar other = os.Getenv(\"V\")\nvar s string = other\n"_s
        << QStringList { u"s||3|ro"_s };
    QTest::newRow("raw string") << u"package main\nvar tmpl = `a \"quoted\" \\n text`\n"_s
                                << QStringList { u"tmpl|a \"quoted\" \\n text|2|rw"_s };
    QTest::newRow("escapes") << u"package main\nvar s = \"tab\\there \\\"q\\\"\"\n"_s
                             << QStringList { u"s|tab\there \"q\"|2|rw"_s };
    QTest::newRow("string containing //") << u"package main\nvar url = \"http://example.com\" // the site\n"_s
                                          << QStringList { u"url|http://example.com|2|rw"_s };
    QTest::newRow("string containing /*") << u"package main\nvar glob = \"/*\"\nvar after = \"*/\"\n"_s
                                          << QStringList { u"glob|/*|2|rw"_s, u"after|*/|3|rw"_s };
    QTest::newRow("block comments around")
        << u"package main\n/* var fake = \"no\" */\nvar /* inline */ real = /* x */ \"yes\"\n"_s
        << QStringList { u"real|yes|3|rw"_s };
    QTest::newRow("line comment hides a var")
        << u"package main\n// var fake = \"no\"\nvar real string\n"_s << QStringList { u"real||3|rw"_s };
    QTest::newRow("inside a function ignored")
        << u"package main\n\nfunc main() {\n\tvar inner = \"x\"\n\tvar t string\n\t_ = inner + t\n}\n\nvar outer = \"y\"\n"_s
        << QStringList { u"outer|y|9|rw"_s };
    QTest::newRow("inside a method ignored")
        << u"package main\nfunc (s *S) main() { var v = \"x\"; _ = v }\n"_s << QStringList();
    QTest::newRow("func literal value skipped")
        << u"package main\nvar f = func() string { var in = \"x\"; return in }\n"_s << QStringList();
    QTest::newRow("line after a multi-line comment")
        << u"package main\n/*\n\n\n*/\nvar late = \"z\"\n"_s << QStringList { u"late|z|6|rw"_s };
    QTest::newRow("line after a multi-line raw string")
        << u"package main\nvar text = `one\ntwo\nthree`\nvar next string\n"_s
        << QStringList { u"text|one\ntwo\nthree|2|rw"_s, u"next||5|rw"_s };
    QTest::newRow("block names on their own lines")
        << u"package main\n\nvar (\n\t// Version is stamped.\n\tVersion = \"dev\"\n\n\tBuildDate string\n)\n"_s
        << QStringList { u"Version|dev|5|rw"_s, u"BuildDate||7|rw"_s };
    QTest::newRow("CRLF") << u"package main\r\nvar (\r\n\tversion = \"dev\"\r\n)\r\n"_s
                          << QStringList { u"version|dev|3|rw"_s };
    QTest::newRow("const is not var") << u"package main\nconst name = \"x\"\n"_s << QStringList();
}

void TestGoSourceScanner::stringVars()
{
    QFETCH(QString, source);
    QTEST(describe(GoSourceScanner::scan(source).stringVars), "vars");
}

void TestGoSourceScanner::validFile()
{
    const GoFileSummary summary = GoSourceScanner::scan(ValidFile);
    QCOMPARE(summary.packageName, u"main"_s);
    QVERIFY(summary.hasMainFunc);
    QVERIFY(!summary.ignored);
    QVERIFY(!summary.importsC);
    QCOMPARE(summary.imports, (QStringList { u"fmt"_s, u"os"_s }));
    QCOMPARE(describe(summary.stringVars),
        (QStringList { u"version|dev|14|rw"_s, u"commit||15|rw"_s, u"date|unknown|16|rw"_s }));
}

// Half-typed files must never crash or hang the scanner: it runs on whatever is on disk.
void TestGoSourceScanner::randomMutations()
{
    const QStringList pieces { u"\""_s, u"`"_s, u"'"_s, u"\\"_s, u"/"_s, u"*"_s, u"//"_s, u"/*"_s, u"*/"_s,
        u"("_s, u")"_s, u"{"_s, u"}"_s, u"["_s, u"]"_s, u","_s, u";"_s, u"="_s, u"\n"_s, u"\r\n"_s, u" "_s,
        u"var"_s, u"import"_s, u"func"_s, u"main"_s, u"package"_s, u"string"_s, u"//go:build ignore\n"_s,
        u"\"C\""_s, u"é"_s, QString(QChar(0xd83d)), u"😀"_s, QString(QChar(0)), u"9"_s, u"_"_s };
    QRandomGenerator random(20260101);
    QElapsedTimer timer;
    timer.start();
    int withVars = 0;
    for (int iteration = 0; iteration < 3000; ++iteration) {
        QString source = ValidFile;
        const int edits = random.bounded(1, 8);
        for (int e = 0; e < edits; ++e) {
            const int pos = random.bounded(int(source.size()) + 1);
            switch (random.bounded(4)) {
            case 0:
                source.remove(pos, random.bounded(1, 40));
                break;
            case 1:
                source.insert(pos, pieces[random.bounded(int(pieces.size()))]);
                break;
            case 2:
                source.truncate(pos);
                break;
            default:
                source.insert(pos, source.mid(random.bounded(int(source.size()) + 1), random.bounded(1, 30)));
                break;
            }
        }
        const GoFileSummary summary = GoSourceScanner::scan(source);
        const int lines = int(source.count(u'\n')) + 1;
        for (const GoStringVar &var : summary.stringVars) {
            QVERIFY2(var.line >= 1 && var.line <= lines,
                qPrintable(u"iteration %1: line %2 of %3"_s.arg(iteration).arg(var.line).arg(lines)));
            QVERIFY2(!var.name.isEmpty(), qPrintable(u"iteration %1"_s.arg(iteration)));
        }
        withVars += summary.stringVars.isEmpty() ? 0 : 1;
    }
    QVERIFY2(timer.elapsed() < 60000, "3000 scans took over a minute");
    // Most mutations leave some of the stamps readable; all of them failing means the test mutated nothing.
    QVERIFY(withVars > 300);
}

QTEST_GUILESS_MAIN(TestGoSourceScanner)
#include "tst_gosourcescanner.moc"
