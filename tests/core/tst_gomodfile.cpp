#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/gomodfile.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::GoModFile;

namespace {

// Gin 1.8.1's own tidy go.mod, copied from /usr/share/gocode/src/github.com/gin-gonic/gin/go.mod
// (Debian 12 package golang-github-gin-gonic-gin-dev).
const QByteArray ginGoMod =
    "module github.com/gin-gonic/gin\n"
    "\n"
    "go 1.18\n"
    "\n"
    "require (\n"
    "\tgithub.com/gin-contrib/sse v0.1.0\n"
    "\tgithub.com/go-playground/validator/v10 v10.10.0\n"
    "\tgithub.com/goccy/go-json v0.9.7\n"
    "\tgithub.com/json-iterator/go v1.1.12\n"
    "\tgithub.com/mattn/go-isatty v0.0.14\n"
    "\tgithub.com/pelletier/go-toml/v2 v2.0.1\n"
    "\tgithub.com/stretchr/testify v1.7.1\n"
    "\tgithub.com/ugorji/go/codec v1.2.7\n"
    "\tgolang.org/x/net v0.0.0-20210226172049-e18ecbb05110\n"
    "\tgoogle.golang.org/protobuf v1.28.0\n"
    "\tgopkg.in/yaml.v2 v2.4.0\n"
    ")\n"
    "\n"
    "require (\n"
    "\tgithub.com/davecgh/go-spew v1.1.1 // indirect\n"
    "\tgithub.com/go-playground/locales v0.14.0 // indirect\n"
    "\tgithub.com/go-playground/universal-translator v0.18.0 // indirect\n"
    "\tgithub.com/leodido/go-urn v1.2.1 // indirect\n"
    "\tgithub.com/modern-go/concurrent v0.0.0-20180228061459-e0a39a4cb421 // indirect\n"
    "\tgithub.com/modern-go/reflect2 v1.0.2 // indirect\n"
    "\tgithub.com/pmezard/go-difflib v1.0.0 // indirect\n"
    "\tgolang.org/x/crypto v0.0.0-20210711020723-a769d52b0f97 // indirect\n"
    "\tgolang.org/x/sys v0.0.0-20210806184541-e5e7981a1069 // indirect\n"
    "\tgolang.org/x/text v0.3.6 // indirect\n"
    "\tgopkg.in/yaml.v3 v3.0.0-20210107192922-496545a6307b // indirect\n"
    ")\n"_ba;

// A go.mod using every directive, for the fuzz test to mutate.
const QByteArray richGoMod = "// Service module.\n"
                             "module \"example.com/svc\"\n"
                             "\n"
                             "go 1.22.1\n"
                             "toolchain go1.22.4\n"
                             "\n"
                             "godebug (\n"
                             "\tpanicnil=1\n"
                             ")\n"
                             "\n"
                             "require github.com/gin-gonic/gin v1.8.1\n"
                             "require (\n"
                             "\tgolang.org/x/net v0.0.0-20210226172049-e18ecbb05110 // indirect\n"
                             "\t\"example.com/quoted\" v1.0.0\n"
                             ")\n"
                             "\n"
                             "replace example.com/old v1.0.0 => example.com/new v1.1.0\n"
                             "replace (\n"
                             "\texample.com/local => ../local\n"
                             ")\n"
                             "exclude example.com/bad v0.1.0\n"
                             "retract [v1.0.0, v1.0.5] // broken\n"
                             "tool example.com/cmd/gen\n"_ba;

// One line per directive, so a row states the whole expected reading at a glance.
QString dump(const GoModFile &file)
{
    QStringList lines { u"module %1 @%2"_s.arg(file.modulePath).arg(file.moduleLine) };
    if (!file.goVersion.isEmpty())
        lines << u"go %1 @%2"_s.arg(file.goVersion).arg(file.goLine);
    if (!file.toolchain.isEmpty())
        lines << u"toolchain %1 @%2"_s.arg(file.toolchain).arg(file.toolchainLine);
    for (const Gantry::GoModRequirement &r : file.requirements)
        lines << u"require %1 %2%3 @%4"_s.arg(r.path, r.version, r.indirect ? u" indirect"_s : QString())
                     .arg(r.line);
    for (const Gantry::GoModReplacement &r : file.replacements) {
        const QString oldSide = r.oldVersion.isEmpty() ? r.oldPath : r.oldPath + u' ' + r.oldVersion;
        const QString newSide = r.newVersion.isEmpty() ? r.newPath : r.newPath + u' ' + r.newVersion;
        lines << u"replace %1 => %2 @%3"_s.arg(oldSide, newSide).arg(r.line);
    }
    const std::pair<QString, QStringList> lists[] = { { u"exclude"_s, file.excludes },
        { u"retract"_s, file.retracts }, { u"godebug"_s, file.godebugs }, { u"tool"_s, file.tools },
        { u"ignore"_s, file.ignores } };
    for (const auto &[verb, values] : lists) {
        for (const QString &value : values)
            lines << verb + u' ' + value;
    }
    return lines.join(u'\n');
}

// The line number in "go.mod:7: ...", or 0 when the message does not start that way.
int errorLine(const Gantry::Error &error)
{
    static const QRegularExpression pattern(u"^go\\.mod:([0-9]+): \\S"_s);
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

class TestGoModFile final : public QObject {
    Q_OBJECT

private slots:
    void ginGoMod();
    void valid_data();
    void valid();
    void malformed_data();
    void malformed();
    void fuzz();
    void load();
    void loadMissing();
};

void TestGoModFile::ginGoMod()
{
    const auto file = GoModFile::parse(::ginGoMod);
    QVERIFY2(file.has_value(), qPrintable(file ? QString() : file.error().toString()));
    QCOMPARE(file->modulePath, u"github.com/gin-gonic/gin"_s);
    QCOMPARE(file->moduleLine, 1);
    QCOMPARE(file->goVersion, u"1.18"_s);
    QCOMPARE(file->goLine, 3);
    QVERIFY(file->toolchain.isEmpty());
    QCOMPARE(file->requirements.size(), 22);
    const auto indirect = std::count_if(file->requirements.cbegin(), file->requirements.cend(),
        [](const Gantry::GoModRequirement &r) { return r.indirect; });
    QCOMPARE(indirect, 11);
    QCOMPARE(file->requirements.first().path, u"github.com/gin-contrib/sse"_s);
    QCOMPARE(file->requirements.first().version, u"v0.1.0"_s);
    QCOMPARE(file->requirements.first().line, 6);
    QVERIFY(!file->requirements.first().indirect);
    QCOMPARE(file->requirements.last().path, u"gopkg.in/yaml.v3"_s);
    QCOMPARE(file->requirements.last().version, u"v3.0.0-20210107192922-496545a6307b"_s);
    QCOMPARE(file->requirements.last().line, 30);
    QVERIFY(file->requirements.last().indirect);
    QVERIFY(file->replacements.isEmpty());
}

void TestGoModFile::valid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("minimal") << "module example.com/a\n"_ba << u"module example.com/a @1"_s;
    QTest::newRow("no trailing newline")
        << "module example.com/a\ngo 1.19"_ba << u"module example.com/a @1\ngo 1.19 @2"_s;
    QTest::newRow("single-line require") << "module m\n\nrequire github.com/gin-gonic/gin v1.8.1\n"_ba
                                         << u"module m @1\nrequire github.com/gin-gonic/gin v1.8.1 @3"_s;
    QTest::newRow("require block with comments and blank lines")
        << "module m\nrequire (\n\t// web framework\n\tgithub.com/gin-gonic/gin v1.8.1 // pinned\n\n"
           "\tgolang.org/x/net v0.1.0 // indirect\n)\n"_ba
        << u"module m @1\nrequire github.com/gin-gonic/gin v1.8.1 @4\nrequire golang.org/x/net v0.1.0 indirect @6"_s;
    QTest::newRow("indirect variants")
        << "module m\nrequire a.com/x v1.0.0 //indirect\nrequire a.com/y v1.0.0 // indirect; needed by z\n"
           "require a.com/z v1.0.0 // not indirect\nrequire a.com/w v1.0.0 // indirectly\n"_ba
        << u"module m @1\nrequire a.com/x v1.0.0 indirect @2\nrequire a.com/y v1.0.0 indirect @3\n"
           "require a.com/z v1.0.0 @4\nrequire a.com/w v1.0.0 @5"_s;
    QTest::newRow("empty blocks") << "module m\nrequire ()\nreplace (\n)\n"_ba << u"module m @1"_s;
    QTest::newRow("quoted module path")
        << "module \"example.com/with space\"\n"_ba << u"module example.com/with space @1"_s;
    QTest::newRow("quoted escapes")
        << "module \"example.com/caf\\u00e9\\x41\\101\\t\"\nrequire \"a.com/x\" \"v1.0.0\"\n"_ba
        << u"module example.com/caf\u00e9AA\t @1\nrequire a.com/x v1.0.0 @2"_s;
    QTest::newRow("module in a block")
        << "module (\n\texample.com/blocky\n)\n"_ba << u"module example.com/blocky @2"_s;
    QTest::newRow("replace with versions")
        << "module m\nreplace example.com/old v1.0.0 => example.com/new v1.1.0\n"_ba
        << u"module m @1\nreplace example.com/old v1.0.0 => example.com/new v1.1.0 @2"_s;
    QTest::newRow("replace all versions to module")
        << "module m\nreplace example.com/old => example.com/new v1.1.0\n"_ba
        << u"module m @1\nreplace example.com/old => example.com/new v1.1.0 @2"_s;
    QTest::newRow("replace to local paths")
        << "module m\nreplace (\n\texample.com/a => ../a\n\texample.com/b v1.2.3 => ./vendor/b\n"
           "\texample.com/c => /srv/c\n\texample.com/d => C:\\src\\d\n\texample.com/e => ..\\e\n)\n"_ba
        << u"module m @1\nreplace example.com/a => ../a @3\nreplace example.com/b v1.2.3 => ./vendor/b @4\n"
           "replace example.com/c => /srv/c @5\nreplace example.com/d => C:\\src\\d @6\n"
           "replace example.com/e => ..\\e @7"_s;
    QTest::newRow("exclude and retract")
        << "module m\nexclude a.com/x v1.0.0\nexclude (\n\ta.com/y v0.2.0\n)\n"
           "retract v1.0.1 // oops\nretract (\n\t[v1.0.0, v1.0.5]\n\t\"v0.9.0\"\n)\n"_ba
        << u"module m @1\nexclude a.com/x v1.0.0\nexclude a.com/y v0.2.0\nretract v1.0.1\n"
           "retract [v1.0.0, v1.0.5]\nretract v0.9.0"_s;
    QTest::newRow("comments everywhere")
        << "// header\n\n// about the module\nmodule m // trailing\n// between\ngo 1.19 // trailing\n// end\n"_ba
        << u"module m @4\ngo 1.19 @6"_s;
    QTest::newRow("CRLF")
        << "module example.com/win\r\n\r\ngo 1.19\r\n\r\nrequire (\r\n\ta.com/x v1.0.0 // indirect\r\n"
           ")\r\n"_ba
        << u"module example.com/win @1\ngo 1.19 @3\nrequire a.com/x v1.0.0 indirect @6"_s;
    QTest::newRow("BOM") << "\xEF\xBB\xBF"
                            "module example.com/bom\ngo 1.20\n"_ba
                         << u"module example.com/bom @1\ngo 1.20 @2"_s;
    QTest::newRow("toolchain") << "module m\n\ngo 1.21\n\ntoolchain go1.21.3\n"_ba
                               << u"module m @1\ngo 1.21 @3\ntoolchain go1.21.3 @5"_s;
    QTest::newRow("toolchain default")
        << "module m\ntoolchain default\n"_ba << u"module m @1\ntoolchain default @2"_s;
    QTest::newRow("three-part go version") << "module m\ngo 1.22.1\n"_ba << u"module m @1\ngo 1.22.1 @2"_s;
    QTest::newRow("prerelease go version") << "module m\ngo 1.21rc2\n"_ba << u"module m @1\ngo 1.21rc2 @2"_s;
    QTest::newRow("godebug line and block")
        << "module m\ngodebug default=go1.21\ngodebug (\n\tpanicnil=1\n\thttp2client=0\n)\n"_ba
        << u"module m @1\ngodebug default=go1.21\ngodebug panicnil=1\ngodebug http2client=0"_s;
    QTest::newRow("tool and ignore")
        << "module m\ntool (\n\texample.com/cmd/gen\n)\nignore ./node_modules\n"_ba
        << u"module m @1\ntool example.com/cmd/gen\nignore ./node_modules"_s;
    QTest::newRow("module after require")
        << "require a.com/x v1.0.0\nmodule m\n"_ba << u"module m @2\nrequire a.com/x v1.0.0 @1"_s;
    QTest::newRow("pseudo and incompatible versions")
        << "module m\nrequire (\n\ta.com/x v0.0.0-20210226172049-e18ecbb05110\n\ta.com/y "
           "v2.0.0+incompatible\n"
           "\ta.com/z v1.2\n)\n"_ba
        << u"module m @1\nrequire a.com/x v0.0.0-20210226172049-e18ecbb05110 @3\n"
           "require a.com/y v2.0.0+incompatible @4\nrequire a.com/z v1.2 @5"_s;
    QTest::newRow("module deprecation comment")
        << "// Deprecated: use example.com/b instead.\nmodule example.com/a\n"_ba
        << u"module example.com/a @2"_s;
    QTest::newRow("block opened with trailing comment")
        << "module m\nrequire ( // direct ones\n\ta.com/x v1.0.0\n) // done\n"_ba
        << u"module m @1\nrequire a.com/x v1.0.0 @3"_s;
    QTest::newRow("tabs and spaces") << "  module\t \tm  \n\t go   1.19\t\n"_ba
                                     << u"module m @1\ngo 1.19 @2"_s;
}

void TestGoModFile::valid()
{
    QFETCH(QByteArray, text);
    const auto file = GoModFile::parse(text);
    QVERIFY2(file.has_value(), qPrintable(file ? QString() : file.error().toString()));
    QTEST(dump(*file), "expected");
}

void TestGoModFile::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    QTest::newRow("unknown directive") << "module m\n\nrequires a.com/x v1.0.0\n"_ba << 3;
    QTest::newRow("stray closing paren") << "module m\nrequire a.com/x v1.0.0\n\n)\n"_ba << 4;
    QTest::newRow("unterminated block, reported at end of file")
        << "module m\n\nrequire (\n\ta.com/x v1.0.0\n\ta.com/y v1.0.0\n"_ba << 6;
    QTest::newRow("require without version") << "module m\ngo 1.19\nrequire a.com/x\n"_ba << 3;
    QTest::newRow("stray token after version") << "module m\nrequire (\n\ta.com/x v1.0.0 extra\n)\n"_ba << 3;
    QTest::newRow("module twice") << "module a\ngo 1.19\nmodule b\n"_ba << 3;
    QTest::newRow("no module") << "go 1.19\nrequire a.com/x v1.0.0\n"_ba << 1;
    QTest::newRow("empty file") << ""_ba << 1;
    QTest::newRow("module without path") << "module\n"_ba << 1;
    QTest::newRow("go version with letters") << "module m\ngo 1.19.x\n"_ba << 2;
    QTest::newRow("go twice") << "module m\ngo 1.19\ngo 1.20\n"_ba << 3;
    QTest::newRow("go in a block") << "module m\ngo (\n\t1.19\n)\n"_ba << 2;
    QTest::newRow("unterminated string") << "module m\nrequire \"a.com/x v1.0.0\n"_ba << 2;
    QTest::newRow("string unterminated at end of file") << "module m\nrequire \"a.com/x"_ba << 2;
    QTest::newRow("block comment") << "module m\n/* old\n*/\n"_ba << 2;
    QTest::newRow("replace to module without version") << "module m\nreplace a.com/x => b.com/y\n"_ba << 2;
    QTest::newRow("replace to directory with version")
        << "module m\nreplace a.com/x => ../y v1.0.0\n"_ba << 2;
    QTest::newRow("replace without arrow") << "module m\nreplace a.com/x b.com/y v1.0.0\n"_ba << 2;
    QTest::newRow("non-semver version") << "module m\nrequire a.com/x master\n"_ba << 2;
    QTest::newRow("unknown block type") << "module m\nrequires (\n\ta.com/x v1.0.0\n)\n"_ba << 2;
    QTest::newRow("block header with two words") << "module m\nrequire a.com/x (\n\tv1.0.0\n)\n"_ba << 2;
    QTest::newRow("text after closing paren") << "module m\nrequire (\n\ta.com/x v1.0.0\n) go 1.19\n"_ba << 4;
    QTest::newRow("raw string, refused like Go does") << "module `example.com/raw`\n"_ba << 1;
    QTest::newRow("single quotes") << "module 'example.com/q'\n"_ba << 1;
    QTest::newRow("bad escape") << "module m\nrequire \"a.com/\\q\" v1.0.0\n"_ba << 2;
    QTest::newRow("control character") << "module m\ngo 1.19\x01\n"_ba << 2;
    QTest::newRow("no-break space") << "module m\ngo\xC2\xA0"
                                       "1.19\n"_ba
                                    << 2;
    QTest::newRow("toolchain without go prefix") << "module m\ntoolchain 1.22.4\n"_ba << 2;
    QTest::newRow("godebug without value") << "module m\ngodebug panicnil\n"_ba << 2;
    QTest::newRow("retract range without comma") << "module m\nretract [v1.0.0 v1.0.5]\n"_ba << 2;
    QTest::newRow("one-line block") << "module m\nrequire ( a.com/x v1.0.0 )\n"_ba << 2;
    QTest::newRow("CRLF error line") << "module m\r\n\r\n\r\nbogus\r\n"_ba << 4;
    QTest::newRow("error after BOM") << "\xEF\xBB\xBF"
                                        "module m\nmodule n\n"_ba
                                     << 2;
}

void TestGoModFile::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto file = GoModFile::parse(text);
    QVERIFY2(!file.has_value(), qPrintable(file ? dump(*file) : QString()));
    const Gantry::Error &error = file.error();
    QCOMPARE(errorLine(error), line);
    QVERIFY(error.message.size() > u"go.mod:1: "_s.size() + 10);
    QVERIFY(error.message.endsWith(u'.'));
    QVERIFY(!error.hint.isEmpty());
}

void TestGoModFile::fuzz()
{
    // Random deletions and insertions of characters that matter to the grammar must never crash,
    // and every failure must still name a line of the file.
    static const QByteArray alphabet = "()[]{},\"`'\\/\n\r\t =>v1.x\x01\xFF\xC3\xA9\xEF\xBB\xBF"_ba;
    QRandomGenerator random(20240611);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray text = richGoMod;
        const int edits = 1 + random.bounded(4);
        for (int edit = 0; edit < edits; ++edit) {
            const qsizetype at = random.bounded(int(text.size()) + 1);
            if (random.bounded(2) == 0 && at < text.size())
                text.remove(at, 1 + random.bounded(3));
            else
                text.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
        }
        const auto file = GoModFile::parse(text);
        if (file) {
            ++accepted;
            continue;
        }
        ++rejected;
        const int line = errorLine(file.error());
        QVERIFY2(line >= 1 && line <= text.count('\n') + 1, qPrintable(file.error().message));
        QVERIFY(!file.error().hint.isEmpty());
    }
    QVERIFY(accepted > 0);
    QVERIFY(rejected > 0);
}

void TestGoModFile::load()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile out(dir.filePath(u"go.mod"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(::ginGoMod);
    out.close();
    const auto file = GoModFile::load(out.fileName());
    QVERIFY(file.has_value());
    QCOMPARE(file->modulePath, u"github.com/gin-gonic/gin"_s);

    QFile broken(dir.filePath(u"broken.mod"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("module m\nfrobnicate\n");
    broken.close();
    const auto failed = GoModFile::load(broken.fileName());
    QVERIFY(!failed.has_value());
    QVERIFY(failed.error().message.startsWith(QDir::toNativeSeparators(broken.fileName()) + u":2: "));
}

void TestGoModFile::loadMissing()
{
    QTemporaryDir dir;
    const auto missing = GoModFile::load(dir.filePath(u"go.mod"_s));
    QVERIFY(!missing.has_value());
    QVERIFY(missing.error().message.contains(QDir::toNativeSeparators(dir.filePath(u"go.mod"_s))));
    QVERIFY(!missing.error().hint.isEmpty());

    const auto directory = GoModFile::load(dir.path());
    QVERIFY(!directory.has_value());
    QVERIFY(!directory.error().message.isEmpty());
    QVERIFY(!directory.error().hint.isEmpty());
}

QTEST_GUILESS_MAIN(TestGoModFile)
#include "tst_gomodfile.moc"
