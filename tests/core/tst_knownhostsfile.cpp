#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/remote/knownhostsfile.h"

using namespace Qt::StringLiterals;
using Gantry::KnownHostsFile;
using Match = Gantry::KnownHostsFile::Match;

class TestKnownHostsFile final : public QObject {
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void appendIntoNewFolder();
};

void TestKnownHostsFile::check_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<Match>("match");

    const QString ed = u"[10.0.0.2]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1"_s;
    QTest::newRow("pinned") << u"[10.0.0.2]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1\n"_s << ed
                            << Match::Known;
    QTest::newRow("one of several hosts, CRLF")
        << u"# Gantry\r\nweb,[10.0.0.2]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA1\r\n"_s << ed
        << Match::Known;
    QTest::newRow("another key") << u"[10.0.0.2]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2\n"_s << ed
                                 << Match::Changed;
    QTest::newRow("another key type")
        << u"[10.0.0.2]:2222 ecdsa-sha2-nistp256 AAAAE2VjZHNh\n"_s << ed << Match::Changed;
    QTest::newRow("other port is another host")
        << u"10.0.0.2 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2\n"_s << ed << Match::Unknown;
    QTest::newRow("hashed and marker lines skipped")
        << u"|1|abc= ssh-ed25519 AAAA\n@revoked [10.0.0.2]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2\n"_s
        << ed << Match::Unknown;
    QTest::newRow("empty file") << QString() << ed << Match::Unknown;
}

void TestKnownHostsFile::check()
{
    QFETCH(QString, content);
    QFETCH(QString, entry);
    QFETCH(Match, match);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"known_hosts"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content.toUtf8());
    file.close();
    const auto checked = KnownHostsFile::check(path, entry);
    QVERIFY(checked.has_value());
    QCOMPARE(*checked, match);
}

// The Windows profile folder of a user named Zhang Wei: libssh's fopen could not open it.
void TestKnownHostsFile::appendIntoNewFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"Zhang Wei 张伟/AppData/known_hosts"_s);
    const QString entry = u"10.0.0.3 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3"_s;
    const auto missing = KnownHostsFile::check(path, entry);
    QVERIFY(missing.has_value());
    QCOMPARE(*missing, Match::Unknown);
    QVERIFY(KnownHostsFile::append(path, entry).has_value());
    QVERIFY(KnownHostsFile::append(path, u"10.0.0.4 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID4"_s).has_value());
    const auto known = KnownHostsFile::check(path, entry);
    QVERIFY(known.has_value());
    QCOMPARE(*known, Match::Known);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2);
}

QTEST_GUILESS_MAIN(TestKnownHostsFile)
#include "tst_knownhostsfile.moc"
