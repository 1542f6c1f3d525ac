#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include "core/profile/envname.h"
#include "core/profile/systemdenvfile.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::EnvVariable;
using Gantry::SystemdEnvFile;

namespace {

QString shown(const QString &value)
{
    QString out = value;
    out.replace(u'\\', u"\\\\"_s).replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s).replace(u'\r', u"\\r"_s);
    return out;
}

QString dump(const QList<EnvVariable> &vars)
{
    QStringList lines;
    for (const EnvVariable &var : vars)
        lines << u"%1=[%2] @%3"_s.arg(var.name, shown(var.value)).arg(var.line);
    return lines.join(u'\n');
}

int errorLine(const Gantry::Error &error)
{
    static const QRegularExpression pattern(u"^EnvironmentFile:([0-9]+): \\S"_s);
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// Values that systemd must hand over unchanged.
const QStringList nastyPieces = { u"\""_s, u"'"_s, u"$"_s, u"${HOME}"_s, u"`"_s, u"#"_s, u";"_s, u"\\"_s,
    u"\\n"_s, u"\n"_s, u"\r"_s, u"\r\n"_s, u"\t"_s, u" "_s, u"="_s, u"a"_s, u"\u00e9"_s, u"\u2603"_s,
    u"\U0001F600"_s, u"\uFEFF"_s, u"\u2028"_s, QString(QChar(0x01)), QString(QChar(0x1B)),
    QString(QChar(0x7F)) };

} // namespace

class TestSystemdEnvFile final : public QObject {
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void roundTrip_data();
    void roundTrip();
    void roundTripRandomValues();
    void renderRefuses_data();
    void renderRefuses();
    void lengthLimits();
    void parseAsSystemd_data();
    void parseAsSystemd();
    void parseRefuses_data();
    void parseRefuses();
    void parseFuzz();
};

void TestSystemdEnvFile::render_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"8080"_s << "V=8080\n"_ba;
    QTest::newRow("url") << u"postgres://u@db:5432/app"_s << "V=postgres://u@db:5432/app\n"_ba;
    QTest::newRow("empty") << QString() << "V=\n"_ba;
    QTest::newRow("spaces at both ends") << u" x "_s << "V=\" x \"\n"_ba;
    QTest::newRow("the four escaped characters") << u"\"\\`$"_s << "V=\"\\\"\\\\\\`\\$\"\n"_ba;
    QTest::newRow("newline, tab and CR stay raw") << u"a\nb\tc\rd"_s << "V=\"a\nb\tc\rd\"\n"_ba;
    QTest::newRow("single quote") << u"it's"_s << "V=\"it's\"\n"_ba;
    QTest::newRow("comment characters") << u"#x;y"_s << "V=\"#x;y\"\n"_ba;
    QTest::newRow("unicode") << u"caf\u00e9"_s << "V=\"caf\xC3\xA9\"\n"_ba;
}

void TestSystemdEnvFile::render()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const auto text = SystemdEnvFile::render({ EnvVariable { u"V"_s, value, false, 0 } });
    QVERIFY2(text.has_value(), qPrintable(text ? QString() : text.error().toString()));
    QVERIFY(text->startsWith('#'));
    QCOMPARE(text->mid(text->indexOf('\n') + 1), expected); // after the header comment
}

void TestSystemdEnvFile::roundTrip_data()
{
    QTest::addColumn<QString>("value");

    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << u"   "_s;
    QTest::newRow("leading and trailing spaces") << u"  padded  "_s;
    QTest::newRow("leading and trailing tabs") << u"\tpadded\t"_s;
    QTest::newRow("double quotes") << u"say \"hi\""_s;
    QTest::newRow("single quotes") << u"'quoted' it's"_s;
    QTest::newRow("shell variables") << u"$HOME ${HOME} $(id) $$"_s;
    QTest::newRow("backticks") << u"`id`"_s;
    QTest::newRow("hash and semicolon first") << u"#not a comment"_s;
    QTest::newRow("semicolon first") << u";not a comment"_s;
    QTest::newRow("backslashes") << u"C:\\path\\to\\ \\\\share\\"_s;
    QTest::newRow("trailing backslash") << u"ends with \\"_s;
    QTest::newRow("backslash n") << u"\\n is not a newline"_s;
    QTest::newRow("backslash newline") << u"a\\\nb"_s;
    QTest::newRow("newlines") << u"line one\nline two\n"_s;
    QTest::newRow("leading newline") << u"\nstarts"_s;
    QTest::newRow("CRLF") << u"dos\r\nline"_s;
    QTest::newRow("lone CR") << u"a\rb\r"_s;
    QTest::newRow("tabs inside") << u"a\tb"_s;
    QTest::newRow("control characters") << u"\u0001\u001b[31m\u007f\b\f\v"_s;
    QTest::newRow("looks like assignments") << u"X=1\nY=\"2\"\n"_s;
    QTest::newRow("equals signs") << u"=a==b="_s;
    QTest::newRow("json") << u"{\"k\": [1, \"two\"], \"path\": \"C:\\\\x\"}"_s;
    QTest::newRow("pem key") << u"-----BEGIN KEY-----\nMIIB+/=\n-----END KEY-----\n"_s;
    QTest::newRow("unicode") << u"caf\u00e9 \u2603 \U0001F600 \u05e9\u05dc\u05d5\u05dd"_s;
    QTest::newRow("byte order mark inside") << u"a\uFEFFb"_s;
    QTest::newRow("byte order mark first") << u"\uFEFFfirst"_s;
    QTest::newRow("line and paragraph separators") << u"\u2028\u2029"_s;
    QTest::newRow("no-break spaces at ends") << u"\u00a0x\u00a0"_s;
    QTest::newRow("quote soup") << u"\"'\"'\\\"\\'"_s;
    QTest::newRow("long") << QString(100000, u'x');
}

void TestSystemdEnvFile::roundTrip()
{
    QFETCH(QString, value);
    const QList<EnvVariable> vars = { { u"FIRST"_s, u"1"_s, false, 0 }, { u"NASTY"_s, value, true, 0 },
        { u"LAST"_s, u"last"_s, false, 0 } };
    const auto text = SystemdEnvFile::render(vars);
    QVERIFY2(text.has_value(), qPrintable(text ? QString() : text.error().toString()));
    QVERIFY(!text->contains("\r\n") || value.contains(u"\r\n"_s));
    const auto back = SystemdEnvFile::parse(*text);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->size(), 3);
    QCOMPARE(back->at(1).name, u"NASTY"_s);
    QCOMPARE(shown(back->at(1).value), shown(value));
    QCOMPARE(back->at(2).value, u"last"_s);
}

void TestSystemdEnvFile::roundTripRandomValues()
{
    QRandomGenerator random(20250302);
    for (int round = 0; round < 2000; ++round) {
        QList<EnvVariable> vars;
        const int count = 1 + random.bounded(5);
        for (int i = 0; i < count; ++i) {
            QString value;
            const int length = random.bounded(12);
            for (int j = 0; j < length; ++j)
                value += nastyPieces.at(random.bounded(int(nastyPieces.size())));
            vars.append(EnvVariable { u"V%1"_s.arg(i), value, false, 0 });
        }
        const auto text = SystemdEnvFile::render(vars);
        QVERIFY2(text.has_value(), qPrintable(text ? QString() : text.error().toString()));
        const auto back = SystemdEnvFile::parse(*text);
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->size(), vars.size());
        for (qsizetype i = 0; i < vars.size(); ++i)
            QCOMPARE(shown(back->at(i).value), shown(vars.at(i).value));
    }
}

void TestSystemdEnvFile::renderRefuses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentioned");

    QTest::newRow("NUL") << u"TOKEN"_s << u"s3cret"_s + QChar(0) << u"NUL"_s;
    QTest::newRow("U+FFFE") << u"TOKEN"_s << u"s3cret\uFFFE"_s << u"U+FFFE"_s;
    QTest::newRow("U+FFFF") << u"TOKEN"_s << u"\uFFFFs3cret"_s << u"U+FFFF"_s;
    QTest::newRow("U+FDD0") << u"TOKEN"_s << u"s3cret\uFDD0"_s << u"U+FDD0"_s;
    QTest::newRow("U+1FFFF") << u"TOKEN"_s << u"\U0001FFFFs3cret"_s << u"U+1FFFF"_s;
    QTest::newRow("U+10FFFF") << u"TOKEN"_s << u"s3cret\U0010FFFF"_s << u"U+10FFFF"_s;
    QTest::newRow("lone high surrogate") << u"TOKEN"_s << u"s3cret"_s + QChar(0xD83D) << u"surrogate"_s;
    QTest::newRow("lone low surrogate") << u"TOKEN"_s << QChar(0xDE00) + u"s3cret"_s << u"surrogate"_s;
    QTest::newRow("dotted name") << u"A.B"_s << u"s3cret"_s << u"\"A.B\""_s;
    QTest::newRow("name with a digit first") << u"1A"_s << u"x"_s << u"\"1A\""_s;
    QTest::newRow("non-ASCII name") << u"CAF\u00c9"_s << u"x"_s << u"CAF\u00c9"_s;
    QTest::newRow("empty name") << QString() << u"x"_s << u"empty name"_s;
    QTest::newRow("duplicate") << u"FIRST"_s << u"x"_s << u"FIRST is set twice"_s;
    QTest::newRow("too long for exec") << u"BIG"_s << QString(131068, u'x') << u"131072 bytes"_s;
}

void TestSystemdEnvFile::renderRefuses()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, mentioned);
    const auto text = SystemdEnvFile::render({ { u"FIRST"_s, u"1"_s, false, 0 }, { name, value, true, 0 } });
    QVERIFY(!text.has_value());
    const Gantry::Error &error = text.error();
    QVERIFY2(error.message.contains(mentioned), qPrintable(error.message));
    QVERIFY(error.message.contains(name));
    QVERIFY(!error.hint.isEmpty());
    QVERIFY(!error.toString().contains(u"s3cret"_s));
}

void TestSystemdEnvFile::lengthLimits()
{
    // "BIG=" plus the value is exactly the longest string execve() accepts (checked on systemd 252).
    const qsizetype longest = SystemdEnvFile::maxAssignmentBytes - 4;
    QVERIFY(SystemdEnvFile::render({ { u"BIG"_s, QString(longest, u'x'), false, 0 } }).has_value());
    QVERIFY(!SystemdEnvFile::render({ { u"BIG"_s, QString(longest + 1, u'x'), false, 0 } }).has_value());
    // Counted in UTF-8 bytes, not characters.
    QVERIFY(
        !SystemdEnvFile::render({ { u"BIG"_s, QString(longest / 2 + 1, u'\u00e9'), false, 0 } }).has_value());

    QList<EnvVariable> many;
    for (int i = 0; i < 11; ++i)
        many.append({ u"PART%1"_s.arg(i), QString(100000, u'x'), false, 0 });
    const auto tooMuch = SystemdEnvFile::render(many);
    QVERIFY(!tooMuch.has_value());
    QVERIFY(tooMuch.error().message.contains(u"1048576"_s));
    many.removeLast();
    QVERIFY(SystemdEnvFile::render(many).has_value());
}

void TestSystemdEnvFile::parseAsSystemd_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    // Each row was fed to systemd 252 as EnvironmentFile= and read back with `env -0` (see the
    // comment in tests/hosts/envfile_e2e.sh); "expected" is what the service got.
    QTest::newRow("quoting rules")
        << "A=plain\nB= lead and trail  \nC=\"  dq  \"\nD=' sq '\nE=\"a\\nb\\$x\\\"q\\\\z\\`t\"\n"
           "F=\"multi\nline\"\nG=$HOME ${HOME}\nH=\"x\"y\nI=\"x\" 'y'\nJ=a\\ \nK=un#not comment\n# c\n; c2\n"
           "export L=1\nM=a\\\nb\nN=\"cr\rx\"\nO=tab\there\n"_ba
        << u"A=[plain] @1\nB=[lead and trail] @2\nC=[  dq  ] @3\nD=[ sq ] @4\nE=[a\\\\nb$x\"q\\\\z`t] @5\n"
           "F=[multi\\nline] @6\nG=[$HOME ${HOME}] @8\nH=[xy] @9\nI=[xy] @10\nJ=[a ] @11\n"
           "K=[un#not comment] @12\nM=[ab] @16\nN=[cr\\rx] @18\nO=[tab\\there] @19"_s;
    QTest::newRow("names systemd ignores")
        << "A.B=1\n1A=2\n_=3\nlower_9=4\n\xC3\x89=5\nE1=\nE2=\"\"\nE3=''\n  SP  =  6  \n"_ba
        << u"_=[3] @3\nlower_9=[4] @4\nE1=[] @6\nE2=[] @7\nE3=[] @8\nSP=[6] @9"_s;
    QTest::newRow("unterminated quote runs to the end")
        << "Q=\"unterminated\nR=7\n"_ba << u"Q=[unterminated\\nR=7\\n] @1"_s;
    QTest::newRow("BOM spoils the first name") << "\xEF\xBB\xBF"
                                                  "A=1\nC=3\n"_ba
                                               << u"C=[3] @2"_s;
    QTest::newRow("comment ending in a backslash swallows the next line (252)")
        << "# comment \\\nA=1\nC=3\n"_ba << u"C=[3] @3"_s;
    QTest::newRow("U+FEFF inside a value") << "B=\"x\xEF\xBB\xBFy\"\n"_ba << u"B=[x\uFEFFy] @1"_s;
    QTest::newRow("last value wins, first position stays")
        << "A=1\nB=2\nA=3\nC=x\ry\n;D=4\nE=tail\\\n"_ba << u"A=[3] @3\nB=[2] @2\nC=[x] @4\nE=[tail] @6"_s;
    QTest::newRow("control characters and unicode")
        << "A=\"\x01\x1B\x7F\b\f\v\"\nC=\"\xC3\xA9\xE2\x98\x83\xF0\x9F\x98\x80\"\n"_ba
        << u"A=[\u0001\u001b\u007f\b\f\v] @1\nC=[\u00e9\u2603\U0001F600] @2"_s;
}

void TestSystemdEnvFile::parseAsSystemd()
{
    QFETCH(QByteArray, text);
    const auto vars = SystemdEnvFile::parse(text);
    QVERIFY2(vars.has_value(), qPrintable(vars ? QString() : vars.error().toString()));
    QTEST(dump(*vars), "expected");
}

void TestSystemdEnvFile::parseRefuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    // systemd 252 refused each of these files and did not start the service.
    QTest::newRow("NUL byte") << "A=1\nB=x\0y\nC=3\n"_ba << 2;
    QTest::newRow("invalid UTF-8") << "A=1\nB=x\xFFy\nC=3\n"_ba << 2;
    QTest::newRow("U+FFFE") << "A=1\nB=\"x\xEF\xBF\xBEy\"\n"_ba << 2;
    QTest::newRow("U+FDD0") << "A=1\nB=\"x\xEF\xB7\x90y\"\n"_ba << 2;
    QTest::newRow("U+1FFFF") << "A=1\n\nB=\"x\xF0\x9F\xBF\xBFy\"\n"_ba << 3;
    QTest::newRow("encoded surrogate") << "A=\"x\xED\xA0\x80y\"\n"_ba << 1;
    // The same rule in code: overlong forms and invalid names' bytes count too.
    QTest::newRow("overlong slash") << "A=\xC0\xAF\n"_ba << 1;
    QTest::newRow("invalid UTF-8 in a name") << "A=1\n\xFF=2\n"_ba << 2;
    QTest::newRow("truncated sequence at the end") << "A=\xE2\x98"_ba << 1;
}

void TestSystemdEnvFile::parseRefuses()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto vars = SystemdEnvFile::parse(text);
    QVERIFY2(!vars.has_value(), qPrintable(vars ? dump(*vars) : QString()));
    QCOMPARE(errorLine(vars.error()), line);
    QVERIFY(vars.error().message.endsWith(u'.'));
    QVERIFY(!vars.error().hint.isEmpty());
}

void TestSystemdEnvFile::parseFuzz()
{
    // Random edits of a rendered file never crash; a failure names a line, a success has only valid names.
    const auto rendered = SystemdEnvFile::render({ { u"A"_s, u" x\n'y' \"z\" $V `c` \\"_s, false, 0 },
        { u"B"_s, u"caf\u00e9"_s, false, 0 }, { u"C"_s, QString(), false, 0 } });
    QVERIFY(rendered.has_value());
    static const QByteArray alphabet = "=\"'#;\\\n\r\t $`AZ_9\x01\xFF\xC3\xA9\xEF\xBF\xBE"_ba;
    QRandomGenerator random(20240612);
    int rejected = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray text = *rendered;
        const int edits = 1 + random.bounded(4);
        for (int edit = 0; edit < edits; ++edit) {
            const qsizetype at = random.bounded(int(text.size()) + 1);
            if (random.bounded(2) == 0 && at < text.size())
                text.remove(at, 1 + random.bounded(3));
            else
                text.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
        }
        const auto vars = SystemdEnvFile::parse(text);
        if (!vars) {
            ++rejected;
            const int line = errorLine(vars.error());
            QVERIFY2(line >= 1 && line <= text.count('\n') + 1, qPrintable(vars.error().message));
            continue;
        }
        for (const EnvVariable &var : *vars)
            QVERIFY(Gantry::EnvName::isValidName(var.name));
    }
    QVERIFY(rejected > 0);
}

QTEST_GUILESS_MAIN(TestSystemdEnvFile)
#include "tst_systemdenvfile.moc"
