// Helper for envfile_e2e.sh, which proves SystemdEnvFile on a booted systemd.
//
//   envfile_tool render OUT_ENV_FILE EXPECTED_NUL_FILE
//       writes the EnvironmentFile= text for a fixed table of nasty values, and the NAME=VALUE
//       entries the service must see, each ended by a NUL byte (as `env -0` prints them).
//   envfile_tool compare EXPECTED_NUL_FILE DUMP_NUL_FILE
//       prints "ok NAME" or "FAIL NAME ..." for every expected variable, comparing bytes.
//   envfile_tool refused OUT_DIR
//       checks that render() refuses each value systemd cannot carry, writes OUT_DIR/CASE.env
//       holding that value anyway (systemd must then fail to start the unit) and prints CASE.

#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QStringList>

#include "core/profile/systemdenvfile.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::EnvVariable;

namespace {

QList<EnvVariable> nastyTable()
{
    const std::pair<const char16_t *, QString> rows[] = {
        { u"E2E_PLAIN", u"8080"_s },
        { u"E2E_PLAIN_PUNCTUATION", u"postgres://u@db:5432/app%20x,y+z-_.=/"_s },
        { u"E2E_EMPTY", QString() },
        { u"E2E_SPACES", u"   "_s },
        { u"E2E_PADDED", u"  padded value  "_s },
        { u"E2E_TABS", u"\tpadded\t"_s },
        { u"E2E_DOUBLE_QUOTES", u"say \"hi\" \"\""_s },
        { u"E2E_SINGLE_QUOTES", u"'quoted' it's ''"_s },
        { u"E2E_DOLLARS", u"$HOME ${HOME} $(id) $$ $"_s },
        { u"E2E_BACKTICKS", u"`id` ``"_s },
        { u"E2E_HASH", u"#not a comment # really"_s },
        { u"E2E_SEMICOLON", u";not a comment"_s },
        { u"E2E_BACKSLASHES", u"C:\\path\\to\\ \\\\share\\"_s },
        { u"E2E_TRAILING_BACKSLASH", u"ends with \\"_s },
        { u"E2E_BACKSLASH_N", u"\\n \\t \\\" \\$ \\`"_s },
        { u"E2E_BACKSLASH_NEWLINE", u"a\\\nb"_s },
        { u"E2E_NEWLINES", u"line one\nline two\n"_s },
        { u"E2E_LEADING_NEWLINE", u"\nstarts"_s },
        { u"E2E_CRLF", u"dos\r\nline\r\n"_s },
        { u"E2E_LONE_CR", u"a\rb\r"_s },
        { u"E2E_CONTROL", u"\u0001\u001b[31m\u007f\b\f\v"_s },
        { u"E2E_ASSIGNMENTS", u"X=1\nY=\"2\"\nexport Z=3"_s },
        { u"E2E_EQUALS", u"=a==b="_s },
        { u"E2E_JSON", u"{\"k\": [1, \"two\"], \"p\": \"C:\\\\x\"}"_s },
        { u"E2E_PEM", u"-----BEGIN KEY-----\nMIIB+/=\n-----END KEY-----\n"_s },
        { u"E2E_UNICODE", u"caf\u00e9 \u2603 \U0001F600 \u05e9\u05dc\u05d5\u05dd"_s },
        { u"E2E_BOM_FIRST", u"\uFEFFfirst"_s },
        { u"E2E_BOM_INSIDE", u"a\uFEFFb"_s },
        { u"E2E_SEPARATORS", u"\u2028\u2029\u00a0"_s },
        { u"E2E_QUOTE_SOUP", u"\"'\"'\\\"\\'"_s },
        { u"e2e_lower", u"lower-case name"_s },
        { u"_", u"underscore"_s },
        { u"E2E_LONG", QString(100000, u'x') },
    };
    QList<EnvVariable> vars;
    for (const auto &[name, value] : rows)
        vars.append({ QString::fromUtf16(name), value, false, 0 });
    // Exactly the longest NAME=VALUE string that execve() accepts.
    const QString longest = u"E2E_LONGEST"_s;
    vars.append({ longest, QString(Gantry::SystemdEnvFile::maxAssignmentBytes - longest.size() - 1, u'y'),
        false, 0 });
    return vars;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size())
        return true;
    std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
    return false;
}

int render(const QString &envPath, const QString &expectedPath)
{
    const QList<EnvVariable> vars = nastyTable();
    const auto text = Gantry::SystemdEnvFile::render(vars);
    if (!text) {
        std::fprintf(stderr, "%s\n", qPrintable(text.error().toString()));
        return 1;
    }
    QByteArray expected;
    for (const EnvVariable &var : vars)
        expected += var.name.toUtf8() + '=' + var.value.toUtf8() + '\0';
    return writeFile(envPath, *text) && writeFile(expectedPath, expected) ? 0 : 1;
}

QList<QByteArray> entries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> list = file.readAll().split('\0');
    list.removeAll(QByteArray());
    return list;
}

QByteArray nameOf(const QByteArray &entry)
{
    return entry.left(entry.indexOf('='));
}

int compare(const QString &expectedPath, const QString &dumpPath)
{
    QHash<QByteArray, QByteArray> got;
    for (const QByteArray &entry : entries(dumpPath))
        got.insert(nameOf(entry), entry);
    const QList<QByteArray> expected = entries(expectedPath);
    int failed = 0;
    for (const QByteArray &entry : expected) {
        const QByteArray name = nameOf(entry);
        const QByteArray actual = got.value(name);
        if (actual == entry) {
            std::printf("ok %s\n", name.constData());
            continue;
        }
        ++failed;
        std::printf("FAIL %s\n  want %s\n  got  %s\n", name.constData(),
            entry.left(200).toHex(' ').constData(),
            got.contains(name) ? actual.left(200).toHex(' ').constData() : "(missing)");
    }
    return expected.isEmpty() || failed > 0 ? 1 : 0;
}

struct RefusedCase {
    const char *name;
    QByteArray raw; // the value's bytes as a file would hold them
    QString value; // the same value as Gantry holds it; null when QString cannot hold it
};

QList<RefusedCase> refusedCases()
{
    const QString longValue(Gantry::SystemdEnvFile::maxAssignmentBytes - 12 + 1, u'x'); // "E2E_REFUSED="
    return {
        { "nul", "a\0b"_ba, u"a"_s + QChar(0) + u"b"_s },
        { "noncharacter-fffe", "a\xEF\xBF\xBE"_ba, u"a\uFFFE"_s },
        { "noncharacter-fdd0", "a\xEF\xB7\x90"_ba, u"a\uFDD0"_s },
        { "noncharacter-1ffff", "a\xF0\x9F\xBF\xBF"_ba, u"a\U0001FFFF"_s },
        { "encoded-surrogate", "a\xED\xA0\x80"_ba, QString() },
        { "invalid-utf8", "a\xFF"_ba, QString() },
        { "too-long", longValue.toUtf8(), longValue },
    };
}

int refused(const QString &outDir)
{
    if (!QDir().mkpath(outDir))
        return 1;
    for (const RefusedCase &refusal : refusedCases()) {
        if (!refusal.value.isNull() &&
            Gantry::SystemdEnvFile::render({ { u"E2E_REFUSED"_s, refusal.value, false, 0 } }).has_value()) {
            std::fprintf(stderr, "render() accepted %s\n", refusal.name);
            return 1;
        }
        const QString path = outDir + u'/' + QString::fromLatin1(refusal.name) + u".env";
        if (!writeFile(path, "E2E_REFUSED=\"" + refusal.raw + "\"\n"))
            return 1;
        std::printf("%s\n", refusal.name);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == "render"_L1)
        return render(args.at(2), args.at(3));
    if (args.size() == 4 && args.at(1) == "compare"_L1)
        return compare(args.at(2), args.at(3));
    if (args.size() == 3 && args.at(1) == "refused"_L1)
        return refused(args.at(2));
    std::fprintf(stderr,
        "usage: envfile_tool render OUT_ENV_FILE EXPECTED_NUL_FILE\n"
        "       envfile_tool compare EXPECTED_NUL_FILE DUMP_NUL_FILE\n"
        "       envfile_tool refused OUT_DIR\n");
    return 2;
}
