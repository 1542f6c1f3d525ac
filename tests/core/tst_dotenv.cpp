#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include "core/profile/dotenv.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::Dotenv;
using Gantry::EnvVariable;

namespace {

// A .env file using every feature, for the fuzz test to mutate.
const QByteArray richDotenv = "\xEF\xBB\xBF# Service settings\n"
                              "export PORT=8080\n"
                              "  HOST = example.com   # where it listens\n"
                              "EMPTY=\n"
                              "SINGLE='it \"stays\" $literal'\n"
                              "DOUBLE=\"line\\none\\t\\\"q\\\" \\$HOME \\\\\"\n"
                              "MULTI=\"first\r\nsecond\"\r\n"
                              "RAW='a\n"
                              "b' # two lines\n"
                              "UNICODE=caf\xC3\xA9 \xE2\x98\x83\n"
                              "HASH=a#b\n"_ba;

// Newlines, tabs and carriage returns made visible, so one row states a whole reading.
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

// The line number in ".env:7: ...", or 0 when the message does not start that way.
int errorLine(const Gantry::Error &error)
{
    static const QRegularExpression pattern(u"^\\.env:([0-9]+): \\S"_s);
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// Characters that matter to quoting, and whole UTF-8 sequences, to build nasty values from.
const QStringList pieces = { u"\""_s, u"'"_s, u"$"_s, u"${HOME}"_s, u"#"_s, u" #"_s, u"\\"_s, u"\\n"_s,
    u"\n"_s, u"\r"_s, u"\r\n"_s, u"\t"_s, u" "_s, u"="_s, u"`"_s, u"export "_s, u"a"_s, u"Z9_"_s, u"\u00e9"_s,
    u"\u2603"_s, u"\U0001F600"_s, u"\uFEFF"_s, u"\u2028"_s, u"\u00a0"_s, QString(QChar(0)) };

QString randomValue(QRandomGenerator &random)
{
    if (random.bounded(2) == 0) { // random bytes, read as UTF-8 the way a file would be
        QByteArray bytes(random.bounded(24), '\0');
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        return QString::fromUtf8(bytes);
    }
    QString value;
    const int count = random.bounded(12);
    for (int i = 0; i < count; ++i)
        value += pieces.at(random.bounded(int(pieces.size())));
    return value;
}

} // namespace

class TestDotenv final : public QObject {
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void malformed_data();
    void malformed();
    void duplicateNamesBothLines();
    void errorsNeverQuoteValues();
    void write_data();
    void write();
    void writeRefuses_data();
    void writeRefuses();
    void roundTripRandomValues();
    void fuzz();
};

void TestDotenv::valid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty file") << ""_ba << QString();
    QTest::newRow("simple") << "PORT=8080\nHOST=example.com\n"_ba
                            << u"PORT=[8080] @1\nHOST=[example.com] @2"_s;
    QTest::newRow("blank lines and comments")
        << "\n# a comment\n   # indented comment\n\nA=1\n\n"_ba << u"A=[1] @5"_s;
    QTest::newRow("export prefix") << "export A=1\nexport\tB=2\nexport   C = 3\n"_ba
                                   << u"A=[1] @1\nB=[2] @2\nC=[3] @3"_s;
    QTest::newRow("a variable named export") << "export=1\n"_ba << u"export=[1] @1"_s;
    QTest::newRow("whitespace around name and value")
        << "  A  =  spaced value  \n\tB\t=\tx\t\n"_ba << u"A=[spaced value] @1\nB=[x] @2"_s;
    QTest::newRow("empty values") << "A=\nB=   \nC=\"\"\nD=''\n"_ba
                                  << u"A=[] @1\nB=[] @2\nC=[] @3\nD=[] @4"_s;
    QTest::newRow("inline comment after unquoted value")
        << "A=value # comment\nB=value\t# tab comment\n"_ba << u"A=[value] @1\nB=[value] @2"_s;
    QTest::newRow("hash without whitespace is part of the value")
        << "A=a#b\nB=#start\nC=x#y #z\n"_ba << u"A=[a#b] @1\nB=[#start] @2\nC=[x#y] @3"_s;
    QTest::newRow("comment right after the equals sign") << "A= # nothing\n"_ba << u"A=[] @1"_s;
    QTest::newRow("unquoted keeps quotes, backslashes and dollars")
        << "A=it's \"x\" \\n $HOME\n"_ba << u"A=[it's \"x\" \\\\n $HOME] @1"_s;
    QTest::newRow("equals sign in value") << "A==b=c\n"_ba << u"A=[=b=c] @1"_s;
    QTest::newRow("single quotes are literal") << "A='  $HOME \\n \"q\" # not a comment  '\n"_ba
                                               << u"A=[  $HOME \\\\n \"q\" # not a comment  ] @1"_s;
    QTest::newRow("single quotes span lines") << "A='one\ntwo'\nB=3\n"_ba << u"A=[one\\ntwo] @1\nB=[3] @3"_s;
    QTest::newRow("double quote escapes")
        << "A=\"n\\n t\\t r\\r q\\\" b\\\\ d\\$\"\n"_ba << u"A=[n\\n t\\t r\\r q\" b\\\\ d$] @1"_s;
    QTest::newRow("unknown escape kept") << "A=\"\\q\\'\\u00e9\"\n"_ba << u"A=[\\\\q\\\\'\\\\u00e9] @1"_s;
    QTest::newRow("double quotes span lines")
        << "A=\"one\ntwo\n\"\nB=4\n"_ba << u"A=[one\\ntwo\\n] @1\nB=[4] @4"_s;
    QTest::newRow("dollar stays literal")
        << "A=\"${HOME}/x\"\nB=$PATH\n"_ba << u"A=[${HOME}/x] @1\nB=[$PATH] @2"_s;
    QTest::newRow("comment after quoted values")
        << "A=\"x\" # c\nB='y'# c\nC=\"z\"   \n"_ba << u"A=[x] @1\nB=[y] @2\nC=[z] @3"_s;
    QTest::newRow("quoted whitespace kept")
        << "A=\"  x  \"\nB=' \t '\n"_ba << u"A=[  x  ] @1\nB=[ \\t ] @2"_s;
    QTest::newRow("unicode values") << "A=caf\xC3\xA9 \xE2\x98\x83\nB=\"\xF0\x9F\x98\x80\"\n"_ba
                                    << u"A=[caf\u00e9 \u2603] @1\nB=[\U0001F600] @2"_s;
    QTest::newRow("BOM") << "\xEF\xBB\xBF"
                            "A=1\n"_ba
                         << u"A=[1] @1"_s;
    QTest::newRow("CRLF") << "A=1\r\n\r\nB = two words \r\nC=\"x\r\ny\"\r\n"_ba
                          << u"A=[1] @1\nB=[two words] @3\nC=[x\\ny] @4"_s;
    QTest::newRow("no trailing newline") << "A=1\nB=2"_ba << u"A=[1] @1\nB=[2] @2"_s;
    QTest::newRow("lowercase and underscore names")
        << "_=1\nlower_case9=2\n"_ba << u"_=[1] @1\nlower_case9=[2] @2"_s;
}

void TestDotenv::valid()
{
    QFETCH(QByteArray, text);
    const auto vars = Dotenv::parse(text);
    QVERIFY2(vars.has_value(), qPrintable(vars ? QString() : vars.error().toString()));
    QTEST(dump(*vars), "expected");
}

void TestDotenv::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    QTest::newRow("name starting with a digit") << "A=1\n1A=2\n"_ba << 2;
    QTest::newRow("name with a dash") << "\nMY-VAR=1\n"_ba << 2;
    QTest::newRow("name with a space") << "MY VAR=1\n"_ba << 1;
    QTest::newRow("empty name") << "=value\n"_ba << 1;
    QTest::newRow("export without name") << "export =1\nexport  \t =2\n"_ba << 2;
    QTest::newRow("non-ASCII name") << "A=1\nCAF\xC3\x89=2\n"_ba << 2;
    QTest::newRow("missing equals") << "A=1\nJUSTANAME\n"_ba << 2;
    QTest::newRow("missing equals at end of file") << "A=1\nB"_ba << 2;
    QTest::newRow("equals only on the next line") << "A\n=1\n"_ba << 1;
    QTest::newRow("unterminated single quote, reported where it opened")
        << "A=1\nB='open\nC=2\nD=3\n"_ba << 2;
    QTest::newRow("unterminated double quote, reported where it opened") << "A=\"open\nB=2\n"_ba << 1;
    QTest::newRow("escaped quote does not close") << "A=1\n\nB=\"x\\\"\n"_ba << 3;
    QTest::newRow("backslash at end of file") << "A=\"x\\"_ba << 1;
    QTest::newRow("text after closing double quote") << "A=\"x\"y\n"_ba << 1;
    QTest::newRow("text after closing single quote") << "A=1\nB='x' y\n"_ba << 2;
    QTest::newRow("second quoted part") << "A=\"x\" \"y\"\n"_ba << 1;
    QTest::newRow("text after a multi-line value, on its closing line") << "A=\"x\ny\" z\n"_ba << 2;
    QTest::newRow("duplicate name, reported at the second") << "A=1\nB=2\nexport A=3\n"_ba << 3;
    QTest::newRow("invalid UTF-8") << "A=1\nB=\xFF\xFE\n"_ba << 2;
    QTest::newRow("invalid UTF-8 in a comment") << "# caf\xE9\nA=1\n"_ba << 1;
    QTest::newRow("CRLF error line") << "A=1\r\n\r\n\r\nbogus\r\n"_ba << 4;
    QTest::newRow("error after BOM") << "\xEF\xBB\xBF"
                                        "A=1\nA=2\n"_ba
                                     << 2;
}

void TestDotenv::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto vars = Dotenv::parse(text);
    QVERIFY2(!vars.has_value(), qPrintable(vars ? dump(*vars) : QString()));
    const Gantry::Error &error = vars.error();
    QCOMPARE(errorLine(error), line);
    QVERIFY(error.message.size() > u".env:1: "_s.size() + 10);
    QVERIFY(error.message.endsWith(u'.'));
    QVERIFY(!error.hint.isEmpty());
}

void TestDotenv::duplicateNamesBothLines()
{
    const auto vars = Dotenv::parse("DATABASE_URL=a\n\n# later\nDATABASE_URL=b\n"_ba, u"prod.env"_s);
    QVERIFY(!vars.has_value());
    QVERIFY2(vars.error().message.startsWith(u"prod.env:4: "_s), qPrintable(vars.error().message));
    QVERIFY(vars.error().message.contains(u"DATABASE_URL"_s));
    QVERIFY(vars.error().message.contains(u"line 1"_s));
}

void TestDotenv::errorsNeverQuoteValues()
{
    const QByteArray texts[] = { "A=\"s3cret\n"_ba, "A='s3cret'x\n"_ba, "A=s3cret\nA=s3cret\n"_ba,
        "A=\"s3cret\" s3cret\n"_ba };
    for (const QByteArray &text : texts) {
        const auto vars = Dotenv::parse(text);
        QVERIFY(!vars.has_value());
        QVERIFY2(!vars.error().toString().contains(u"s3cret"_s), qPrintable(vars.error().toString()));
    }
}

void TestDotenv::write_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"8080"_s << "V=8080\n"_ba;
    QTest::newRow("url") << u"postgres://u@db:5432/app"_s << "V=postgres://u@db:5432/app\n"_ba;
    QTest::newRow("url with query") << u"https://x/?a=1&b"_s << "V=\"https://x/?a=1&b\"\n"_ba;
    QTest::newRow("path") << u"/srv/app-1.2_3"_s << "V=/srv/app-1.2_3\n"_ba;
    QTest::newRow("empty") << QString() << "V=\n"_ba;
    QTest::newRow("space") << u"a b"_s << "V=\"a b\"\n"_ba;
    QTest::newRow("escapes") << u"\"\\$\n\t\r"_s << "V=\"\\\"\\\\\\$\\n\\t\\r\"\n"_ba;
    QTest::newRow("single quote and hash") << u"it's #1"_s << "V=\"it's #1\"\n"_ba;
    QTest::newRow("unicode") << u"caf\u00e9"_s << "V=\"caf\xC3\xA9\"\n"_ba;
}

void TestDotenv::write()
{
    QFETCH(QString, value);
    const auto text = Dotenv::write({ EnvVariable { u"V"_s, value, false, 0 } });
    QVERIFY2(text.has_value(), qPrintable(text ? QString() : text.error().toString()));
    QTEST(*text, "expected");
    const auto back = Dotenv::parse(*text);
    QVERIFY(back.has_value());
    QCOMPARE(back->size(), 1);
    QCOMPARE(back->first().value, value);
}

void TestDotenv::writeRefuses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("mentioned");

    QTest::newRow("invalid name") << u"MY-VAR"_s << u"x"_s << u"MY-VAR"_s;
    QTest::newRow("empty name") << QString() << u"x"_s << u"empty"_s;
    QTest::newRow("duplicate name") << u"A"_s << u"x"_s << u"A appears twice"_s;
    QTest::newRow("lone surrogate") << u"B"_s << QString(QChar(0xD800)) << u"B"_s;
}

void TestDotenv::writeRefuses()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const auto text =
        Dotenv::write({ EnvVariable { u"A"_s, u"1"_s, false, 0 }, EnvVariable { name, value, false, 0 } });
    QVERIFY(!text.has_value());
    QFETCH(QString, mentioned);
    QVERIFY2(text.error().message.contains(mentioned), qPrintable(text.error().message));
    QVERIFY(!text.error().hint.isEmpty());
}

void TestDotenv::roundTripRandomValues()
{
    QRandomGenerator random(20250301);
    for (int round = 0; round < 2000; ++round) {
        QList<EnvVariable> vars;
        const int count = 1 + random.bounded(5);
        for (int i = 0; i < count; ++i)
            vars.append(EnvVariable { u"V%1"_s.arg(i), randomValue(random), false, 0 });
        const auto text = Dotenv::write(vars);
        QVERIFY2(text.has_value(), qPrintable(text ? QString() : text.error().toString()));
        const auto back = Dotenv::parse(*text);
        QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->size(), vars.size());
        for (qsizetype i = 0; i < vars.size(); ++i) {
            QCOMPARE(back->at(i).name, vars.at(i).name);
            QCOMPARE(shown(back->at(i).value), shown(vars.at(i).value));
        }
    }
}

void TestDotenv::fuzz()
{
    // Random edits with the characters that matter to the grammar must never crash or hang; every
    // failure names a line of the file, and every success survives a write and a second parse.
    static const QByteArray alphabet = "=\"'#\\\n\r\t $ex{}AZ_9\x01\xFF\xC3\xA9\xEF\xBB\xBF"_ba;
    QRandomGenerator random(20240611);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray text = richDotenv;
        const int edits = 1 + random.bounded(4);
        for (int edit = 0; edit < edits; ++edit) {
            const qsizetype at = random.bounded(int(text.size()) + 1);
            if (random.bounded(2) == 0 && at < text.size())
                text.remove(at, 1 + random.bounded(3));
            else
                text.insert(at, alphabet.at(random.bounded(int(alphabet.size()))));
        }
        const auto vars = Dotenv::parse(text);
        if (!vars) {
            ++rejected;
            const int line = errorLine(vars.error());
            QVERIFY2(line >= 1 && line <= text.count('\n') + 1, qPrintable(vars.error().message));
            QVERIFY(!vars.error().hint.isEmpty());
            continue;
        }
        ++accepted;
        const auto written = Dotenv::write(*vars);
        QVERIFY2(written.has_value(), qPrintable(written ? QString() : written.error().toString()));
        const auto again = Dotenv::parse(*written);
        QVERIFY(again.has_value());
        QCOMPARE(again->size(), vars->size());
        for (qsizetype i = 0; i < vars->size(); ++i)
            QCOMPARE(again->at(i).value, vars->at(i).value);
    }
    QVERIFY(accepted > 500);
    QVERIFY(rejected > 500);
}

QTEST_GUILESS_MAIN(TestDotenv)
#include "tst_dotenv.moc"
