#include <memory>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/binaryverifier.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using Gantry::BinaryVerifier;
using Gantry::BuildStep;
using Gantry::BuildTarget;
using Gantry::GoBuildInfo;
using Gantry::Result;
using Stamps = QList<std::pair<QString, QString>>;
using Settings = QHash<QString, QString>;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

BuildStep step(const QString &target, const Stamps &stamps = {})
{
    BuildStep s;
    s.key = target;
    s.target = *BuildTarget::parse(target);
    s.stamps = stamps;
    return s;
}

} // namespace

class TestBinaryVerifier final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void parseRealOutput();
    void parseNonGoFile_data();
    void parseNonGoFile();
    void readablePath();
    void readBuildInfo_data();
    void readBuildInfo();
    void checkBuildInfo_data();
    void checkBuildInfo();
    void checkEditedBuildInfo_data();
    void checkEditedBuildInfo();
    void checkStamps_data();
    void checkStamps();

private:
    bool build(const QString &output, const QStringList &flags, const QString &goos, const QString &goarch,
        const QString &cgo);
    QString versionOutput(const QString &file, bool withStandardError = false) const;
    QString binary(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_go;
};

bool TestBinaryVerifier::build(const QString &output, const QStringList &flags, const QString &goos,
    const QString &goarch, const QString &cgo)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"GOFLAGS"_s);
    env.insert(u"GOPROXY"_s, u"off"_s);
    env.insert(u"CGO_ENABLED"_s, cgo);
    env.insert(u"GOOS"_s, goos);
    env.insert(u"GOARCH"_s, goarch);
    QStringList args { u"build"_s };
    args << flags << u"-o"_s << binary(output) << u"."_s;
    int exitCode = -1;
    Gantry::Test::run(m_go, args, &exitCode, env, m_dir.path());
    return exitCode == 0 && QFileInfo(binary(output)).size() > 0;
}

// Read as Gantry reads it: through BinaryVerifier::readablePath (a *.exe copy on Windows).
QString TestBinaryVerifier::versionOutput(const QString &file, bool withStandardError) const
{
    std::unique_ptr<QTemporaryDir> scratch;
    const Result<QString> readable = BinaryVerifier::readablePath(file, scratch);
    if (!readable)
        return {};
    QProcess process;
    if (withStandardError)
        process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(m_go, { u"version"_s, u"-m"_s, *readable });
    process.waitForFinished(120000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestBinaryVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_go = QStandardPaths::findExecutable(u"go"_s);
    QVERIFY(!m_go.isEmpty());
    QVERIFY(writeFile(m_dir.filePath(u"go.mod"_s), "module example.com/tiny\n\ngo 1.19\n"));
    QVERIFY(writeFile(m_dir.filePath(u"main.go"_s),
        "package main\n\nimport \"fmt\"\n\nvar version = \"dev\"\n\nfunc main() { fmt.Println(\"tiny\", "
        "version) }\n"));
    QVERIFY(writeFile(m_dir.filePath(u"notes.txt"_s), "not a program\n"));

    const QString trimpath = u"-trimpath"_s;
    QVERIFY(build(u"stamped"_s, { trimpath, u"-ldflags"_s, u"-X main.version=7.7.7-stamp"_s }, u"linux"_s,
        u"arm64"_s, u"0"_s));
    // main.Version does not exist: Go links without complaint and the value goes nowhere.
    QVERIFY(build(u"lost"_s, { trimpath, u"-ldflags"_s, u"-X main.Version=8.8.8-lost"_s }, u"linux"_s,
        u"arm64"_s, u"0"_s));
    QVERIFY(build(u"untrimmed"_s, {}, u"linux"_s, u"arm64"_s, u"0"_s));
    QVERIFY(build(u"cgo"_s, { trimpath }, u"linux"_s, u"amd64"_s, u"1"_s));
}

void TestBinaryVerifier::parseRealOutput()
{
    const QString output = versionOutput(binary(u"stamped"_s));
    const GoBuildInfo info = GoBuildInfo::parse(output);
    const QString goVersion =
        QString::fromUtf8(Gantry::Test::run(m_go, { u"env"_s, u"GOVERSION"_s }).trimmed());
    QVERIFY(goVersion.startsWith(u"go1."_s));
    QCOMPARE(info.goVersion, goVersion);
    QCOMPARE(info.path, u"example.com/tiny"_s);
    QCOMPARE(info.module, u"example.com/tiny"_s);
    QCOMPARE(info.settings.value(u"GOOS"_s), u"linux"_s);
    QCOMPARE(info.settings.value(u"GOARCH"_s), u"arm64"_s);
    QCOMPARE(info.settings.value(u"CGO_ENABLED"_s), u"0"_s);
    QCOMPARE(info.settings.value(u"-trimpath"_s), u"true"_s);
    QCOMPARE(info.settings.value(u"-compiler"_s), u"gc"_s);
    // With -trimpath Go does not record -ldflags, so a stamp value appears only where -X put it.
    QVERIFY(!info.settings.contains(u"-ldflags"_s));

    const GoBuildInfo cgo = GoBuildInfo::parse(versionOutput(binary(u"cgo"_s)));
    QCOMPARE(cgo.settings.value(u"CGO_ENABLED"_s), u"1"_s);
    QCOMPARE(cgo.settings.value(u"GOARCH"_s), u"amd64"_s);
    const GoBuildInfo untrimmed = GoBuildInfo::parse(versionOutput(binary(u"untrimmed"_s)));
    QVERIFY(!untrimmed.settings.contains(u"-trimpath"_s));
    QCOMPARE(untrimmed.goVersion, goVersion);
}

void TestBinaryVerifier::parseNonGoFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("withStandardError");

    QTest::newRow("text file") << u"notes.txt"_s << false;
    QTest::newRow("text file, stderr too") << u"notes.txt"_s << true;
    // This test program itself: a C++ program, native on every platform.
    QTest::newRow("C++ program") << QCoreApplication::applicationFilePath() << false;
    QTest::newRow("C++ program, stderr too") << QCoreApplication::applicationFilePath() << true;
    QTest::newRow("go.mod, stderr too") << u"go.mod"_s << true;
}

void TestBinaryVerifier::parseNonGoFile()
{
    QFETCH(QString, file);
    QFETCH(bool, withStandardError);
    const QString path = QFileInfo(file).isAbsolute() ? file : binary(file);
    const QString output = versionOutput(path, withStandardError);
    if (withStandardError)
        QVERIFY2(!output.isEmpty(), "go version -m should explain why it cannot read the file");
    const GoBuildInfo info = GoBuildInfo::parse(output);
    QVERIFY2(info.goVersion.isEmpty(), qPrintable(info.goVersion));
    QVERIFY(info.settings.isEmpty());
    const Result<void> checked = BinaryVerifier::checkBuildInfo(info, step(u"linux/amd64"_s));
    QVERIFY(!checked.has_value());
    QVERIFY(!checked.error().hint.isEmpty());
}

void TestBinaryVerifier::readablePath()
{
    std::unique_ptr<QTemporaryDir> scratch;
    const QString linuxBinary = binary(u"stamped"_s);
    const Result<QString> readable = BinaryVerifier::readablePath(linuxBinary, scratch);
    QVERIFY(readable.has_value());
#ifdef Q_OS_WIN
    // go.exe answers "not executable file" (exit code 0) for the binary's own name...
    QProcess process;
    process.start(m_go, { u"version"_s, u"-m"_s, linuxBinary });
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().contains("not executable file"));
    // ... so Gantry reads a copy named *.exe, byte for byte the same.
    QVERIFY(scratch && scratch->isValid());
    QVERIFY(readable->endsWith(u"stamped.exe"_s));
    QVERIFY(readable->startsWith(scratch->path()));
    QFile copy(*readable), original(linuxBinary);
    QVERIFY(copy.open(QIODevice::ReadOnly) && original.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
#else
    QCOMPARE(*readable, linuxBinary);
    QVERIFY(!scratch);
#endif
    const QString exe = binary(u"tool.EXE"_s);
    const Result<QString> asIs = BinaryVerifier::readablePath(exe, scratch);
    QVERIFY(asIs.has_value());
    QCOMPARE(*asIs, exe);
    const Result<QString> missing = BinaryVerifier::readablePath(binary(u"does-not-exist"_s), scratch);
#ifdef Q_OS_WIN
    QVERIFY(!missing.has_value());
    QVERIFY(!missing.error().hint.isEmpty());
#else
    QVERIFY(missing.has_value());
#endif
}

void TestBinaryVerifier::readBuildInfo_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("standardOutput");
    QTest::addColumn<QByteArray>("standardError");
    QTest::addColumn<QString>("causePart"); // empty: the build info is read

    QTest::newRow("not executable file, exit 0")
        << 0 << QByteArray() << QByteArray("C:\\x\\hello: not executable file\r\n")
        << u"not executable file"_s;
    QTest::newRow("nothing at all, exit 0") << 0 << QByteArray() << QByteArray() << u"printed nothing"_s;
    QTest::newRow("go failed") << 1 << QByteArray() << QByteArray("open x: no such file")
                               << u"no such file"_s;
    QTest::newRow("build info") << 0 << QByteArray("x: go1.19.8\n\tpath\tex.com/a\n\tbuild\tGOOS=linux\n")
                                << QByteArray() << QString();
}

void TestBinaryVerifier::readBuildInfo()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, standardOutput);
    QFETCH(QByteArray, standardError);
    QFETCH(QString, causePart);
    Gantry::ProcessResult run;
    run.started = true;
    run.exitCode = exitCode;
    run.standardOutput = standardOutput;
    run.standardError = standardError;
    const Result<GoBuildInfo> info = BinaryVerifier::readBuildInfo(run, step(u"linux/amd64"_s));
    QCOMPARE(info.has_value(), causePart.isEmpty());
    if (info) {
        QCOMPARE(info->goVersion, u"go1.19.8"_s);
        QCOMPARE(info->settings.value(u"GOOS"_s), u"linux"_s);
        return;
    }
    QVERIFY2(info.error().message.contains(u"linux/amd64"_s), qPrintable(info.error().message));
    QVERIFY2(info.error().cause.contains(causePart), qPrintable(info.error().cause));
    QVERIFY(!info.error().hint.isEmpty());
}

void TestBinaryVerifier::checkBuildInfo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("matching target") << u"stamped"_s << u"linux/arm64"_s << true << QString();
    QTest::newRow("wrong GOARCH") << u"stamped"_s << u"linux/amd64"_s << false << u"linux/arm64"_s;
    QTest::newRow("wrong GOOS") << u"stamped"_s << u"windows/arm64"_s << false << u"linux/arm64"_s;
    QTest::newRow("CGO_ENABLED=1") << u"cgo"_s << u"linux/amd64"_s << false << u"cgo"_s;
    QTest::newRow("no -trimpath") << u"untrimmed"_s << u"linux/arm64"_s << false << u"-trimpath"_s;
}

void TestBinaryVerifier::checkBuildInfo()
{
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(bool, ok);
    QFETCH(QString, messagePart);
    const GoBuildInfo info = GoBuildInfo::parse(versionOutput(binary(file)));
    QVERIFY(!info.goVersion.isEmpty());
    const Result<void> checked = BinaryVerifier::checkBuildInfo(info, step(target));
    QCOMPARE(checked.has_value(), ok);
    if (!ok) {
        QVERIFY2(checked.error().message.contains(messagePart), qPrintable(checked.error().message));
        QVERIFY(checked.error().message.contains(target));
        QVERIFY(!checked.error().hint.isEmpty());
    }
}

// Settings edited one at a time on top of a good binary's, so each rule is seen failing alone.
void TestBinaryVerifier::checkEditedBuildInfo_data()
{
    QTest::addColumn<Settings>("changes");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<bool>("ok");

    QTest::newRow("unchanged") << Settings() << QStringList() << true;
    QTest::newRow("GOARCH amd64") << Settings { { u"GOARCH"_s, u"amd64"_s } } << QStringList() << false;
    QTest::newRow("CGO_ENABLED=1") << Settings { { u"CGO_ENABLED"_s, u"1"_s } } << QStringList() << false;
    QTest::newRow("CGO_ENABLED missing") << Settings() << QStringList { u"CGO_ENABLED"_s } << false;
    QTest::newRow("-trimpath missing") << Settings() << QStringList { u"-trimpath"_s } << false;
    QTest::newRow("-trimpath=false") << Settings { { u"-trimpath"_s, u"false"_s } } << QStringList() << false;
    QTest::newRow("GOOS missing") << Settings() << QStringList { u"GOOS"_s } << false;
}

void TestBinaryVerifier::checkEditedBuildInfo()
{
    QFETCH(Settings, changes);
    QFETCH(QStringList, removed);
    QFETCH(bool, ok);
    GoBuildInfo info = GoBuildInfo::parse(versionOutput(binary(u"stamped"_s)));
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        info.settings.insert(it.key(), it.value());
    for (const QString &key : removed)
        info.settings.remove(key);
    const Result<void> checked = BinaryVerifier::checkBuildInfo(info, step(u"linux/arm64"_s));
    QCOMPARE(checked.has_value(), ok);
    if (!ok)
        QVERIFY(!checked.error().message.isEmpty() && !checked.error().hint.isEmpty());
}

void TestBinaryVerifier::checkStamps_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Stamps>("stamps");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("embedded") << u"stamped"_s << Stamps { { u"main.version"_s, u"7.7.7-stamp"_s } } << true
                              << QString();
    QTest::newRow("empty value is not checked")
        << u"stamped"_s << Stamps { { u"main.commit"_s, QString() } } << true << QString();
    QTest::newRow("no stamps") << u"stamped"_s << Stamps() << true << QString();
    QTest::newRow("ignored -X") << u"lost"_s << Stamps { { u"main.Version"_s, u"8.8.8-lost"_s } } << false
                                << u"8.8.8-lost"_s;
    QTest::newRow("one of two missing")
        << u"stamped"_s
        << Stamps { { u"main.version"_s, u"7.7.7-stamp"_s }, { u"main.commit"_s, u"c0ffee-never-stamped"_s } }
        << false << u"main.commit"_s;
    QTest::newRow("other binary's value")
        << u"untrimmed"_s << Stamps { { u"main.version"_s, u"7.7.7-stamp"_s } } << false << u"7.7.7-stamp"_s;
    QTest::newRow("missing file") << u"does-not-exist"_s << Stamps { { u"main.version"_s, u"1.0.0"_s } }
                                  << false << u"linux/arm64"_s;
}

void TestBinaryVerifier::checkStamps()
{
    QFETCH(QString, file);
    QFETCH(Stamps, stamps);
    QFETCH(bool, ok);
    QFETCH(QString, messagePart);
    const Result<void> checked = BinaryVerifier::checkStamps(binary(file), step(u"linux/arm64"_s, stamps));
    QCOMPARE(checked.has_value(), ok);
    if (!ok) {
        QVERIFY2(checked.error().message.contains(messagePart), qPrintable(checked.error().message));
        QVERIFY(!checked.error().hint.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestBinaryVerifier)
#include "tst_binaryverifier.moc"
