#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "core/archive/archivereader.h"
#include "core/archive/archivewriter.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::ArchiveReader;
using Gantry::ArchiveWriter;
using Gantry::Result;

Q_DECLARE_METATYPE(Gantry::ArchiveWriter::Format)

namespace {

struct Expected {
    bool isDir = false;
    int mode = 0;
    QByteArray content;
};

bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return permissions == QFileDevice::Permissions() || file.setPermissions(permissions);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray binaryContent()
{
    QByteArray bytes;
    bytes.reserve(300000);
    for (int i = 0; i < 300000; ++i)
        bytes.append(char((qint64(i) * 7919) % 251)); // 64-bit: i * 7919 overflows an int
    return bytes;
}

QString normalized(QString name)
{
    if (name.endsWith(u'/'))
        name.chop(1);
    return name;
}

const QDateTime Stamp(QDate(2026, 1, 2), QTime(3, 4, 6), QTimeZone::utc());

} // namespace

class TestArchive final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void formatFor_data();
    void formatFor();
    void listMatchesSources_data();
    void listMatchesSources();
    void tarReadsTarGz();
    void unzipReadsZip();
    void reproducible_data();
    void reproducible();
    void extractFile_data();
    void extractFile();
    void truncated_data();
    void truncated();
    void missingFolder_data();
    void missingFolder();
    void missingSource();

private:
    QString write(const QString &fileName, ArchiveWriter::Format format, const QDateTime &modified = Stamp);
    QList<ArchiveWriter::Entry> entries() const;

    QTemporaryDir m_dir;
    QString m_src;
    QMap<QString, Expected> m_expected;
};

void TestArchive::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_src = m_dir.filePath(u"src"_s);
    const auto rw =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto rwx = rw | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    // The binary is 0644 on disk: the archive must mark it executable because the entry says so.
    QVERIFY(writeFile(m_src + u"/build/hello-gin"_s, binaryContent(), rw));
    QVERIFY(writeFile(m_src + u"/README.md"_s, "# hello-gin\n\nA small web service.\n", rw));
    QVERIFY(writeFile(m_src + u"/config/app.env"_s, "PORT=8080\n", rw));
    QVERIFY(writeFile(m_src + u"/config/empty.txt"_s, QByteArray(), rw));
    QVERIFY(writeFile(m_src + u"/config/nested/deep.txt"_s, "deep\n", rw));
    QVERIFY(writeFile(m_src + u"/config/run.sh"_s, "#!/bin/sh\necho run\n", rwx));

    m_expected.insert(u"hello-gin"_s, { false, 0755, binaryContent() });
    m_expected.insert(u"README.md"_s, { false, 0644, readFile(m_src + u"/README.md"_s) });
    m_expected.insert(u"config"_s, { true, 0755, {} });
    m_expected.insert(u"config/app.env"_s, { false, 0644, "PORT=8080\n" });
    m_expected.insert(u"config/empty.txt"_s, { false, 0644, {} });
    m_expected.insert(u"config/nested"_s, { true, 0755, {} });
    m_expected.insert(u"config/nested/deep.txt"_s, { false, 0644, "deep\n" });
    m_expected.insert(u"config/run.sh"_s, { false, 0755, "#!/bin/sh\necho run\n" });
}

QList<ArchiveWriter::Entry> TestArchive::entries() const
{
    return { { m_src + u"/build/hello-gin"_s, u"hello-gin"_s, true },
        { m_src + u"/README.md"_s, u"README.md"_s }, { m_src + u"/config"_s, u"config"_s } };
}

QString TestArchive::write(const QString &fileName, ArchiveWriter::Format format, const QDateTime &modified)
{
    const QString path = m_dir.filePath(fileName);
    const Result<void> written = ArchiveWriter::write(path, format, entries(), modified);
    if (!written) {
        qWarning("%s", qPrintable(written.error().toString() + u' ' + written.error().cause));
        return {};
    }
    return path;
}

void TestArchive::formatFor_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ArchiveWriter::Format>("format");

    QTest::newRow("tar.gz") << u"dist/x_1.0.0_linux_amd64.tar.gz"_s << ArchiveWriter::Format::TarGz;
    QTest::newRow("zip") << u"dist/x_1.0.0_windows_amd64.zip"_s << ArchiveWriter::Format::Zip;
    QTest::newRow("ZIP") << u"X.ZIP"_s << ArchiveWriter::Format::Zip;
    QTest::newRow("other") << u"x.tgz"_s << ArchiveWriter::Format::TarGz;
}

void TestArchive::formatFor()
{
    QFETCH(QString, file);
    QTEST(ArchiveWriter::formatFor(file), "format");
}

void TestArchive::listMatchesSources_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<ArchiveWriter::Format>("format");

    QTest::newRow("tar.gz") << u"list.tar.gz"_s << ArchiveWriter::Format::TarGz;
    QTest::newRow("zip") << u"list.zip"_s << ArchiveWriter::Format::Zip;
}

void TestArchive::listMatchesSources()
{
    QFETCH(QString, fileName);
    QFETCH(ArchiveWriter::Format, format);
    const QString archive = write(fileName, format);
    QVERIFY(!archive.isEmpty());
    const Result<QList<ArchiveReader::Item>> items = ArchiveReader::list(archive);
    QVERIFY2(
        items.has_value(), qPrintable(items ? QString() : items.error().toString() + items.error().cause));
    QStringList names;
    for (const ArchiveReader::Item &item : *items) {
        const QString name = normalized(item.name);
        names << name;
        QVERIFY2(m_expected.contains(name), qPrintable(item.name));
        const Expected &want = m_expected[name];
        QCOMPARE(item.isDir, want.isDir);
        QCOMPARE(item.mode, want.mode);
        if (want.isDir) {
            QVERIFY(item.sha256.isEmpty());
            continue;
        }
        QCOMPARE(item.size, want.content.size());
        QCOMPARE(item.sha256,
            QString::fromLatin1(QCryptographicHash::hash(want.content, QCryptographicHash::Sha256).toHex()));
    }
    // Entries in the given order, folder contents sorted after their folder.
    QCOMPARE(names,
        (QStringList { u"hello-gin"_s, u"README.md"_s, u"config"_s, u"config/app.env"_s,
            u"config/empty.txt"_s, u"config/nested"_s, u"config/nested/deep.txt"_s, u"config/run.sh"_s }));
}

void TestArchive::tarReadsTarGz()
{
    GANTRY_LINUX_ONLY("the oracle is GNU tar");
    const QString archive = write(u"tools.tar.gz"_s, ArchiveWriter::Format::TarGz);
    QVERIFY(!archive.isEmpty());
    int exitCode = -1;
    const QString listing =
        QString::fromUtf8(Gantry::Test::run(u"tar"_s, { u"-tvzf"_s, archive }, &exitCode));
    QCOMPARE(exitCode, 0);
    const QStringList lines = listing.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), m_expected.size());
    for (const QString &line : lines) {
        const QString name = normalized(line.section(u' ', -1));
        QVERIFY2(m_expected.contains(name), qPrintable(line));
        const Expected &want = m_expected[name];
        const QString mode = want.isDir ? u"drwxr-xr-x"_s
            : want.mode == 0755         ? u"-rwxr-xr-x"_s
                                        : u"-rw-r--r--"_s;
        QVERIFY2(line.startsWith(mode), qPrintable(line));
        QVERIFY2(line.contains(u"2026-01-02 03:04"_s), qPrintable(line));
    }

    const QString out = m_dir.filePath(u"tar-out"_s);
    QVERIFY(QDir().mkpath(out));
    Gantry::Test::run(u"tar"_s, { u"-xzf"_s, archive, u"-C"_s, out }, &exitCode);
    QCOMPARE(exitCode, 0);
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        const QFileInfo info(out + u'/' + it.key());
        QVERIFY2(info.exists(), qPrintable(it.key()));
        QCOMPARE(info.isDir(), it->isDir);
        if (!it->isDir) {
            QCOMPARE(readFile(info.filePath()), it->content);
            QCOMPARE(info.isExecutable(), it->mode == 0755);
        }
    }
}

void TestArchive::unzipReadsZip()
{
    GANTRY_LINUX_ONLY("the oracle is Info-ZIP unzip");
    const QString archive = write(u"tools.zip"_s, ArchiveWriter::Format::Zip);
    QVERIFY(!archive.isEmpty());
    int exitCode = -1;
    const QString zipinfo = QString::fromUtf8(Gantry::Test::run(u"unzip"_s, { u"-Z"_s, archive }, &exitCode));
    QCOMPARE(exitCode, 0);
    int seen = 0;
    for (const QString &line : zipinfo.split(u'\n', Qt::SkipEmptyParts)) {
        const QString name = normalized(line.section(u' ', -1));
        if (!m_expected.contains(name))
            continue;
        ++seen;
        const Expected &want = m_expected[name];
        const QString mode = want.isDir ? u"drwxr-xr-x"_s
            : want.mode == 0755         ? u"-rwxr-xr-x"_s
                                        : u"-rw-r--r--"_s;
        QVERIFY2(line.startsWith(mode), qPrintable(line));
        QVERIFY2(line.contains(u"unx"_s), qPrintable(line));
    }
    QCOMPARE(seen, m_expected.size());

    const QString names = QString::fromUtf8(Gantry::Test::run(u"unzip"_s, { u"-l"_s, archive }, &exitCode));
    QCOMPARE(exitCode, 0);
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it)
        QVERIFY2(names.contains(it.key()), qPrintable(it.key()));
    QVERIFY(names.contains(u"2026-01-02 03:04"_s));

    const QString out = m_dir.filePath(u"zip-out"_s);
    Gantry::Test::run(u"unzip"_s, { u"-q"_s, archive, u"-d"_s, out }, &exitCode);
    QCOMPARE(exitCode, 0);
    for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
        const QFileInfo info(out + u'/' + it.key());
        QVERIFY2(info.exists(), qPrintable(it.key()));
        if (!it->isDir) {
            QCOMPARE(readFile(info.filePath()), it->content);
            QCOMPARE(info.isExecutable(), it->mode == 0755);
        }
    }
}

void TestArchive::reproducible_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<ArchiveWriter::Format>("format");

    QTest::newRow("tar.gz") << u".tar.gz"_s << ArchiveWriter::Format::TarGz;
    QTest::newRow("zip") << u".zip"_s << ArchiveWriter::Format::Zip;
}

void TestArchive::reproducible()
{
    QFETCH(QString, suffix);
    QFETCH(ArchiveWriter::Format, format);
    const QString first = write(u"first"_s + suffix, format);
    QVERIFY(!first.isEmpty());
    // Touch the sources: their own times must not reach the archive.
    for (const QString &file : { u"/README.md"_s, u"/config/app.env"_s, u"/build/hello-gin"_s }) {
        QFile touched(m_src + file);
        QVERIFY(touched.open(QIODevice::ReadWrite));
        QVERIFY(touched.setFileTime(
            QDateTime::currentDateTimeUtc().addSecs(-12345), QFileDevice::FileModificationTime));
    }
    QTest::qWait(1100);
    const QString second = write(u"second"_s + suffix, format);
    QVERIFY(!second.isEmpty());
    const QByteArray a = readFile(first);
    QVERIFY(a.size() > 1000);
    QCOMPARE(QCryptographicHash::hash(a, QCryptographicHash::Sha256),
        QCryptographicHash::hash(readFile(second), QCryptographicHash::Sha256));

    // The time given is the one written.
    const QString later = write(u"later"_s + suffix, format, Stamp.addDays(1));
    QVERIFY(!later.isEmpty());
    QVERIFY(readFile(later) != a);
}

void TestArchive::extractFile_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<ArchiveWriter::Format>("format");

    QTest::newRow("tar.gz") << u"extract.tar.gz"_s << ArchiveWriter::Format::TarGz;
    QTest::newRow("zip") << u"extract.zip"_s << ArchiveWriter::Format::Zip;
}

void TestArchive::extractFile()
{
    QFETCH(QString, fileName);
    QFETCH(ArchiveWriter::Format, format);
    const QString archive = write(fileName, format);
    QVERIFY(!archive.isEmpty());
    QTemporaryDir out;
    for (const QString &name : { u"hello-gin"_s, u"config/nested/deep.txt"_s, u"config/empty.txt"_s }) {
        const QString destination = out.filePath(QString(name).replace(u'/', u'_'));
        const Result<void> extracted = ArchiveReader::extractFile(archive, name, destination);
        QVERIFY2(extracted.has_value(), qPrintable(extracted ? QString() : extracted.error().toString()));
        QVERIFY(QFileInfo::exists(destination));
        QCOMPARE(readFile(destination), m_expected[name].content);
    }
    const Result<void> missing =
        ArchiveReader::extractFile(archive, u"nope.txt"_s, out.filePath(u"nope.txt"_s));
    QVERIFY(!missing.has_value());
    QVERIFY(missing.error().message.contains(u"nope.txt"_s));
    QVERIFY(!missing.error().hint.isEmpty());
    QVERIFY(!QFileInfo::exists(out.filePath(u"nope.txt"_s)));

    const Result<void> unwritable =
        ArchiveReader::extractFile(archive, u"README.md"_s, out.filePath(u"no/such/folder/README.md"_s));
    QVERIFY(!unwritable.has_value());
    QVERIFY(!unwritable.error().hint.isEmpty());
}

void TestArchive::truncated_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<ArchiveWriter::Format>("format");
    QTest::addColumn<double>("keep");

    QTest::newRow("tar.gz, half") << u"cut1.tar.gz"_s << ArchiveWriter::Format::TarGz << 0.5;
    QTest::newRow("tar.gz, most") << u"cut2.tar.gz"_s << ArchiveWriter::Format::TarGz << 0.95;
    QTest::newRow("zip, half") << u"cut1.zip"_s << ArchiveWriter::Format::Zip << 0.5;
    QTest::newRow("zip, most") << u"cut2.zip"_s << ArchiveWriter::Format::Zip << 0.95;
}

void TestArchive::truncated()
{
    QFETCH(QString, fileName);
    QFETCH(ArchiveWriter::Format, format);
    QFETCH(double, keep);
    const QString archive = write(fileName, format);
    QVERIFY(!archive.isEmpty());
    QFile file(archive);
    QVERIFY(file.resize(qint64(double(file.size()) * keep)));
    const Result<QList<ArchiveReader::Item>> items = ArchiveReader::list(archive);
    QVERIFY(!items.has_value());
    QVERIFY(!items.error().message.isEmpty());
    QVERIFY(!items.error().hint.isEmpty());

    const Result<QList<ArchiveReader::Item>> absent = ArchiveReader::list(m_dir.filePath(u"absent.tar.gz"_s));
    QVERIFY(!absent.has_value());
}

void TestArchive::missingFolder_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<ArchiveWriter::Format>("format");

    QTest::newRow("tar.gz") << u"x.tar.gz"_s << ArchiveWriter::Format::TarGz;
    QTest::newRow("zip") << u"x.zip"_s << ArchiveWriter::Format::Zip;
}

void TestArchive::missingFolder()
{
    QFETCH(QString, fileName);
    QFETCH(ArchiveWriter::Format, format);
    const QString folder = m_dir.filePath(u"no-such-folder"_s);
    const QString path = folder + u"/dist/"_s + fileName;
    const Result<void> written = ArchiveWriter::write(path, format, entries(), Stamp);
    QVERIFY(!written.has_value());
    QVERIFY(!written.error().message.isEmpty());
    QVERIFY(!written.error().hint.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestArchive::missingSource()
{
    const QString path = m_dir.filePath(u"partial.tar.gz"_s);
    const QList<ArchiveWriter::Entry> withMissing { { m_src + u"/README.md"_s, u"README.md"_s },
        { m_src + u"/LICENSE"_s, u"LICENSE"_s } };
    const Result<void> written = ArchiveWriter::write(path, ArchiveWriter::Format::TarGz, withMissing, Stamp);
    QVERIFY(!written.has_value());
    QVERIFY(written.error().cause.contains(u"LICENSE"_s));
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
