#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "core/build/buildsettings.h"
#include "core/testsupport.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_BuildSettings : public QObject {
    Q_OBJECT

private slots:
    void fromJson_data();
    void fromJson();
    void roundTripKeepsOtherKeys();
    void validate_data();
    void validate();
    void applyToKeepsChosenTargets();
};

void tst_BuildSettings::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QString>("ldflags");
    QTest::addColumn<bool>("hasExtraFiles");
    QTest::addColumn<QString>("goproxy");

    QTest::newRow("empty") << QByteArray("{}") << QStringList() << QString() << false << QString();
    QTest::newRow("full") << QByteArray(R"({"targets":["linux/arm64","linux/arm64","bad"],)"
                                        R"("ldflags_template":"-s -w","extra_files":[],)"
                                        R"("go_env":{"GOPROXY":"https://goproxy.cn,direct"}})")
                          << QStringList { u"linux/arm64"_s } << u"-s -w"_s << true
                          << u"https://goproxy.cn,direct"_s;
    QTest::newRow("wrong types") << QByteArray(R"({"targets":"linux/amd64","ldflags_template":3,)"
                                               R"("extra_files":"README.md","go_env":[]})")
                                 << QStringList() << QString() << false << QString();
}

void tst_BuildSettings::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, targets);
    QFETCH(QString, ldflags);
    QFETCH(bool, hasExtraFiles);
    QFETCH(QString, goproxy);
    const BuildSettings settings = BuildSettings::fromJson(QJsonDocument::fromJson(json).object());
    QStringList names;
    for (const BuildTarget &target : settings.targets)
        names << target.toString();
    QCOMPARE(names, targets);
    QCOMPARE(settings.ldflagsTemplate, ldflags);
    QCOMPARE(settings.extraFiles.has_value(), hasExtraFiles);
    QCOMPARE(settings.goEnv.value(u"GOPROXY"_s), goproxy);
}

void tst_BuildSettings::roundTripKeepsOtherKeys()
{
    BuildSettings settings;
    settings.targets = { *BuildTarget::parse(u"linux/amd64"), *BuildTarget::parse(u"darwin/arm64") };
    settings.ldflagsTemplate = u"-s -w -X main.version={{.Version}}"_s;
    settings.extraFiles = QStringList { u"config"_s };
    settings.goEnv.insert(u"GOPRIVATE"_s, u"git.example.com"_s);
    QJsonObject json { { u"future_key"_s, 42 }, { u"ldflags_template"_s, u"old"_s } };
    settings.writeTo(json);
    QCOMPARE(json.value(u"future_key"_s).toInt(), 42);
    QCOMPARE(BuildSettings::fromJson(json), settings);
    QVERIFY(BuildSettings {}.toJson().isEmpty());
}

void tst_BuildSettings::validate_data()
{
    QTest::addColumn<QString>("ldflags");
    QTest::addColumn<QStringList>("extraFiles");
    QTest::addColumn<QString>("error");

    QTest::newRow("defaults") << QString() << QStringList() << QString();
    QTest::newRow("fields") << u"-X main.version={{.Version}} -X main.os={{ .Os }}"_s
                            << QStringList { u"config"_s, u"README.md"_s } << QString();
    QTest::newRow("unknown field") << u"-X main.v={{.Tag}}"_s << QStringList() << u"{{.Tag}}"_s;
    QTest::newRow("missing file") << QString() << QStringList { u"nope.txt"_s } << u"nope.txt"_s;
    QTest::newRow("outside") << QString() << QStringList { u"../secret"_s } << u"inside the project"_s;
}

void tst_BuildSettings::validate()
{
    QFETCH(QString, ldflags);
    QFETCH(QStringList, extraFiles);
    QFETCH(QString, error);
    BuildSettings settings;
    settings.ldflagsTemplate = ldflags;
    settings.extraFiles = extraFiles;
    const Result<void> ok = settings.validate(Test::example(u"hello-gin"_s));
    QCOMPARE(ok.has_value(), error.isEmpty());
    if (!ok)
        QVERIFY2(ok.error().message.contains(error), qPrintable(ok.error().message));
}

void tst_BuildSettings::applyToKeepsChosenTargets()
{
    BuildSettings settings;
    settings.targets = { *BuildTarget::parse(u"linux/arm64") };
    settings.goEnv.insert(u"GOPROXY"_s, u"off"_s);
    BuildOptions chosen;
    chosen.targets = BuildTarget::defaults();
    settings.applyTo(chosen);
    QCOMPARE(chosen.targets, BuildTarget::defaults());
    QCOMPARE(chosen.goEnv.value(u"GOPROXY"_s), u"off"_s);
    QVERIFY(!chosen.extraFiles);
    BuildOptions empty;
    settings.applyTo(empty);
    QCOMPARE(empty.targets, settings.targets);
}

QTEST_GUILESS_MAIN(tst_BuildSettings)
#include "tst_buildsettings.moc"
