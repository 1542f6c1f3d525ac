#include <QTest>

#include "core/build/artifactnaming.h"

using namespace Qt::StringLiterals;
using Gantry::ArtifactNaming;
using Gantry::BuildTarget;

class TestArtifactNaming final : public QObject {
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void checkVersion_data();
    void checkVersion();
};

void TestArtifactNaming::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("binaryFile");
    QTest::addColumn<QString>("archiveFile");
    QTest::addColumn<QString>("binaryInArchive");

    QTest::newRow("linux") << u"hello-gin"_s << u"1.2.3"_s << u"linux/amd64"_s
                           << u"hello-gin_1.2.3_linux_amd64"_s << u"hello-gin_1.2.3_linux_amd64.tar.gz"_s
                           << u"hello-gin"_s;
    QTest::newRow("linux arm64") << u"api"_s << u"0.0.0-abc1234-dirty"_s << u"linux/arm64"_s
                                 << u"api_0.0.0-abc1234-dirty_linux_arm64"_s
                                 << u"api_0.0.0-abc1234-dirty_linux_arm64.tar.gz"_s << u"api"_s;
    QTest::newRow("windows") << u"hello-gin"_s << u"1.2.3"_s << u"windows/amd64"_s
                             << u"hello-gin_1.2.3_windows_amd64.exe"_s
                             << u"hello-gin_1.2.3_windows_amd64.zip"_s << u"hello-gin.exe"_s;
    QTest::newRow("windows arm64") << u"worker"_s << u"2.0.0-rc.1"_s << u"windows/arm64"_s
                                   << u"worker_2.0.0-rc.1_windows_arm64.exe"_s
                                   << u"worker_2.0.0-rc.1_windows_arm64.zip"_s << u"worker.exe"_s;
    QTest::newRow("darwin") << u"hello-gin"_s << u"1.2.3"_s << u"darwin/arm64"_s
                            << u"hello-gin_1.2.3_darwin_arm64"_s << u"hello-gin_1.2.3_darwin_arm64.tar.gz"_s
                            << u"hello-gin"_s;
    QTest::newRow("darwin amd64") << u"tool"_s << u"1.0.0+meta"_s << u"darwin/amd64"_s
                                  << u"tool_1.0.0+meta_darwin_amd64"_s
                                  << u"tool_1.0.0+meta_darwin_amd64.tar.gz"_s << u"tool"_s;
}

void TestArtifactNaming::names()
{
    QFETCH(QString, name);
    QFETCH(QString, version);
    QFETCH(QString, target);
    const std::optional<BuildTarget> parsed = BuildTarget::parse(target);
    QVERIFY(parsed.has_value());
    QTEST(ArtifactNaming::binaryFile(name, version, *parsed), "binaryFile");
    QTEST(ArtifactNaming::archiveFile(name, version, *parsed), "archiveFile");
    QTEST(ArtifactNaming::binaryInArchive(name, *parsed), "binaryInArchive");
    QCOMPARE(ArtifactNaming::baseName(name, version, *parsed),
        name + u'_' + version + u'_' + parsed->goos + u'_' + parsed->goarch);
}

void TestArtifactNaming::checkVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("ok");

    QTest::newRow("release") << u"1.2.3"_s << true;
    QTest::newRow("git describe, dirty") << u"0.0.0-abc1234-dirty"_s << true;
    QTest::newRow("build metadata") << u"1.0.0+meta"_s << true;
    QTest::newRow("prerelease") << u"1.4.0-rc.1"_s << true;
    QTest::newRow("underscore") << u"2026_01_02"_s << true;
    QTest::newRow("letter first") << u"dev"_s << true;
    QTest::newRow("128 chars") << QString(128, u'7') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"1 2"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("backslash") << u"a\\b"_s << false;
    QTest::newRow("leading dot") << u".1.2"_s << false;
    QTest::newRow("leading dash") << u"-1.2"_s << false;
    QTest::newRow("quote") << u"1.2'3"_s << false;
    QTest::newRow("equals") << u"1=2"_s << false;
    QTest::newRow("newline") << u"1.2\n"_s << false;
    QTest::newRow("non-ASCII") << u"1.2-ü"_s << false;
    QTest::newRow("129 chars") << QString(129, u'7') << false;
    QTest::newRow("200 chars") << QString(200, u'a') << false;
}

void TestArtifactNaming::checkVersion()
{
    QFETCH(QString, version);
    QFETCH(bool, ok);
    const Gantry::Result<void> checked = ArtifactNaming::checkVersion(version);
    QCOMPARE(checked.has_value(), ok);
    if (!ok) {
        QVERIFY(!checked.error().message.isEmpty());
        QVERIFY(!checked.error().hint.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestArtifactNaming)
#include "tst_artifactnaming.moc"
