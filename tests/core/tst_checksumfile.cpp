#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/checksumfile.h"
#include "core/common/sha256.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::ChecksumFile;
using Gantry::Result;
using Entry = Gantry::ChecksumFile::Entry;

namespace {

const QString AbcSha256 = u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
const QString EmptySha256 = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString hex(char c)
{
    return QString(64, QLatin1Char(c));
}

} // namespace

class TestChecksumFile final : public QObject {
    Q_OBJECT

private slots:
    void format_data();
    void format();
    void parse_data();
    void parse();
    void parseErrors_data();
    void parseErrors();
    void roundTrip();
    void sha256OfFile_data();
    void sha256OfFile();
    void sha256OfMissingFile();
    void sha256StreamsLikeQt();
    void sha256sumAccepts();
};

void TestChecksumFile::format_data()
{
    QTest::addColumn<QList<Entry>>("entries");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("sorted by file name")
        << QList<Entry> { { u"b.tar.gz"_s, hex('b') }, { u"a.zip"_s, hex('a') }, { u"a.tar.gz"_s, hex('c') } }
        << QByteArray(hex('c').toLatin1() + "  a.tar.gz\n" + hex('a').toLatin1() + "  a.zip\n" +
               hex('b').toLatin1() + "  b.tar.gz\n");
    QTest::newRow("one entry") << QList<Entry> { { u"hello-gin_1.2.3_linux_amd64"_s, AbcSha256 } }
                               << QByteArray(AbcSha256.toLatin1() + "  hello-gin_1.2.3_linux_amd64\n");
    QTest::newRow("UTF-8 name") << QList<Entry> { { u"caf\u00e9.txt"_s, hex('1') } }
                                << QByteArray(hex('1').toLatin1() + "  caf\xc3\xa9.txt\n");
    QTest::newRow("empty") << QList<Entry>() << QByteArray();
}

void TestChecksumFile::format()
{
    QFETCH(QList<Entry>, entries);
    QFETCH(QByteArray, expected);
    const QByteArray text = ChecksumFile::format(entries);
    QCOMPARE(text, expected);
    QVERIFY(!text.contains('\r'));
}

void TestChecksumFile::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<Entry>>("expected");

    const QByteArray a = hex('a').toLatin1();
    const QByteArray b = hex('b').toLatin1();
    QTest::newRow("two spaces") << QByteArray(a + "  one\n" + b + "  two\n")
                                << QList<Entry> { { u"one"_s, hex('a') }, { u"two"_s, hex('b') } };
    QTest::newRow("binary marker") << QByteArray(a + " *one.exe\n")
                                   << QList<Entry> { { u"one.exe"_s, hex('a') } };
    QTest::newRow("CRLF") << QByteArray(a + "  one\r\n" + b + " *two\r\n")
                          << QList<Entry> { { u"one"_s, hex('a') }, { u"two"_s, hex('b') } };
    QTest::newRow("no final newline") << QByteArray(a + "  one") << QList<Entry> { { u"one"_s, hex('a') } };
    QTest::newRow("blank lines") << QByteArray("\n" + a + "  one\n\n   \n")
                                 << QList<Entry> { { u"one"_s, hex('a') } };
    QTest::newRow("upper-case hex lowered")
        << QByteArray(hex('A').toLatin1() + "  one\n") << QList<Entry> { { u"one"_s, hex('a') } };
    QTest::newRow("space in name") << QByteArray(a + "  my file.txt\n")
                                   << QList<Entry> { { u"my file.txt"_s, hex('a') } };
    QTest::newRow("order kept") << QByteArray(b + "  z\n" + a + "  y\n")
                                << QList<Entry> { { u"z"_s, hex('b') }, { u"y"_s, hex('a') } };
    QTest::newRow("empty") << QByteArray() << QList<Entry>();
}

void TestChecksumFile::parse()
{
    QFETCH(QByteArray, text);
    const Result<QList<Entry>> entries = ChecksumFile::parse(text);
    QVERIFY2(entries.has_value(), qPrintable(entries ? QString() : entries.error().toString()));
    QTEST(*entries, "expected");
}

void TestChecksumFile::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");

    const QByteArray a = hex('a').toLatin1();
    QTest::newRow("short hash") << QByteArray("abc  one\n") << 1;
    QTest::newRow("long hash") << QByteArray(a + "0  one\n") << 1;
    QTest::newRow("not hex") << QByteArray(hex('g').toLatin1() + "  one\n") << 1;
    QTest::newRow("one space only") << QByteArray(a + " one\n") << 1;
    QTest::newRow("no file name") << QByteArray(a + "  \n") << 1;
    QTest::newRow("tab separator") << QByteArray(a + "\tone\n") << 1;
    QTest::newRow("third line bad") << QByteArray(a + "  one\n" + a + "  two\nnonsense\n") << 3;
    QTest::newRow("after a blank line") << QByteArray(a + "  one\n\n" + a + "\n") << 3;
    QTest::newRow("CRLF, second line bad") << QByteArray(a + "  one\r\nbad line\r\n") << 2;
}

void TestChecksumFile::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const Result<QList<Entry>> entries = ChecksumFile::parse(text);
    QVERIFY(!entries.has_value());
    QVERIFY2(entries.error().message.contains(u"Line %1 "_s.arg(line)), qPrintable(entries.error().message));
    QVERIFY(!entries.error().hint.isEmpty());
}

void TestChecksumFile::roundTrip()
{
    const QList<Entry> entries { { u"worker_1.0.0_windows_amd64.zip"_s, hex('e') },
        { u"api_1.0.0_linux_amd64.tar.gz"_s, AbcSha256 }, { u"api_1.0.0_linux_amd64"_s, EmptySha256 } };
    const Result<QList<Entry>> parsed = ChecksumFile::parse(ChecksumFile::format(entries));
    QVERIFY(parsed.has_value());
    QList<Entry> sorted = entries;
    std::sort(sorted.begin(), sorted.end(), [](const Entry &x, const Entry &y) { return x.file < y.file; });
    QCOMPARE(*parsed, sorted);
    QCOMPARE(ChecksumFile::format(*parsed), ChecksumFile::format(entries));
}

void TestChecksumFile::sha256OfFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");

    QTest::newRow("abc") << QByteArray("abc") << AbcSha256;
    QTest::newRow("empty") << QByteArray() << EmptySha256;
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
    const QByteArray big(3 * 1024 * 1024 + 17, 'x');
    QTest::newRow("3 MiB") << big
                           << QString::fromLatin1(
                                  QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
}

void TestChecksumFile::sha256OfFile()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"input.bin"_s);
    QVERIFY(writeFile(path, content));
    const Result<QString> sum = ChecksumFile::sha256OfFile(path);
    QVERIFY(sum.has_value());
    QTEST(*sum, "expected");
}

void TestChecksumFile::sha256OfMissingFile()
{
    QTemporaryDir dir;
    const Result<QString> sum = ChecksumFile::sha256OfFile(dir.filePath(u"missing.bin"_s));
    QVERIFY(!sum.has_value());
    QVERIFY(sum.error().message.contains(u"missing.bin"_s));
    QVERIFY(!sum.error().hint.isEmpty());
}

// Gantry::Sha256 (libcrypto) fed in uneven pieces gives QCryptographicHash's digest of the whole.
void TestChecksumFile::sha256StreamsLikeQt()
{
    QByteArray data;
    for (int i = 0; i < 300000; ++i)
        data += char((i * 131 + i / 7) & 0xff);
    for (const int piece : { 1, 63, 64, 65, 4096, 299999 }) {
        Gantry::Sha256 sha;
        for (qsizetype at = 0; at < data.size(); at += piece)
            sha.addData(QByteArrayView(data).sliced(at, std::min<qsizetype>(piece, data.size() - at)));
        QCOMPARE(sha.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }
    QCOMPARE(Gantry::Sha256::hash("abc").toHex(), AbcSha256.toLatin1());
}

// The file must be what `sha256sum -c` checks, so users can verify downloads with the usual tool.
void TestChecksumFile::sha256sumAccepts()
{
    GANTRY_LINUX_ONLY("the oracle is GNU sha256sum -c, which Windows does not have");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<std::pair<QString, QByteArray>> files { { u"hello_1.0.0_linux_amd64"_s,
                                                            QByteArray(5000, '\x7f') },
        { u"hello_1.0.0_linux_amd64.tar.gz"_s, QByteArray("not really gzip") },
        { u"hello 1.0.0.zip"_s, QByteArray("abc") } };
    QList<Entry> entries;
    for (const auto &[name, content] : files) {
        QVERIFY(writeFile(dir.filePath(name), content));
        const Result<QString> sum = ChecksumFile::sha256OfFile(dir.filePath(name));
        QVERIFY(sum.has_value());
        entries << Entry { name, *sum };
    }
    QVERIFY(writeFile(dir.filePath(u"checksums.txt"_s), ChecksumFile::format(entries)));

    int exitCode = -1;
    const QByteArray out = Gantry::Test::run(u"sha256sum"_s, { u"-c"_s, u"checksums.txt"_s }, &exitCode,
        QProcessEnvironment::systemEnvironment(), dir.path());
    QVERIFY2(exitCode == 0, out.constData());
    QCOMPARE(out.count(": OK\n"), 3);

    QVERIFY(writeFile(dir.filePath(u"hello_1.0.0_linux_amd64.tar.gz"_s), "not really gzip!"));
    const QByteArray corrupted = Gantry::Test::run(u"sha256sum"_s, { u"-c"_s, u"checksums.txt"_s }, &exitCode,
        QProcessEnvironment::systemEnvironment(), dir.path());
    QVERIFY(exitCode != 0);
    QVERIFY2(corrupted.contains("hello_1.0.0_linux_amd64.tar.gz: FAILED"), corrupted.constData());
}

QTEST_GUILESS_MAIN(TestChecksumFile)
#include "tst_checksumfile.moc"
