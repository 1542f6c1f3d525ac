#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QTest>

#include "core/profile/profileresolver.h"

using namespace Qt::StringLiterals;
using Gantry::DeploySettings;
using Gantry::ProfileRecord;
using Gantry::ProfileResolver;
using Gantry::ResolvedProfile;
using Gantry::Result;
using Gantry::VariableRecord;

namespace {

// Variables by "profile" or "profile@server", as the store would return them.
class Source final {
public:
    void set(const QString &scope, const QList<VariableRecord> &variables)
    {
        m_variables.insert(scope, variables);
    }
    ProfileResolver::VariableSource function() const
    {
        return [this](const QString &profile, const QString &server) -> Result<QList<VariableRecord>> {
            return m_variables.value(server.isEmpty() ? profile : profile + u'@' + server);
        };
    }

private:
    QHash<QString, QList<VariableRecord>> m_variables;
};

VariableRecord plain(const QString &name, const QString &value)
{
    return { name, value, false, {} };
}

QList<ProfileRecord> standardProfiles()
{
    return { { u"shop"_s, u"base"_s, {}, {} },
        { u"shop"_s, u"dev"_s, u"base"_s, QJsonObject { { u"gin_mode"_s, u"debug"_s } } },
        { u"shop"_s, u"prod"_s, u"base"_s, QJsonObject { { u"keep_releases"_s, 3 } } } };
}

QString valueOf(const ResolvedProfile &resolved, const QString &name)
{
    const auto *variable = resolved.find(name);
    return variable ? variable->variable.value : u"<missing>"_s;
}

} // namespace

class TestProfileResolver final : public QObject {
    Q_OBJECT

private slots:
    void defaultSettings();
    void settingsJsonRoundTrip();
    void settingsFromJsonErrors_data();
    void settingsFromJsonErrors();
    void settingsValidation_data();
    void settingsValidation();
    void variableNames_data();
    void variableNames();
    void chainIsRootFirst();
    void cyclesAreNamed_data();
    void cyclesAreNamed();
    void missingParent();
    void unknownProfile();
    void inheritanceAndOrigins();
    void serverOverrides();
    void secretsPassThrough();
    void settingsMergeWithOrigins();
    void invalidMergedSettings();
    void duplicateInOneProfile();
    void tenThousandVariables();
};

void TestProfileResolver::defaultSettings()
{
    const DeploySettings s = DeploySettings::defaults(u"Hello Gin"_s);
    QCOMPARE(s.servicePort, 8080);
    QCOMPARE(s.healthPath, u"/healthz"_s);
    QCOMPARE(s.healthIntervalSecs, 1);
    QCOMPARE(s.healthTimeoutSecs, 5);
    QCOMPARE(s.startGraceSecs, 30);
    QCOMPARE(s.ginMode, u"release"_s);
    QCOMPARE(s.serviceUser, u"hello-gin"_s);
    QCOMPARE(s.restartPolicy, u"on-failure"_s);
    QCOMPARE(s.restartSecs, 5);
    QCOMPARE(s.stopTimeoutSecs, 30);
    QVERIFY(s.memoryMax.isEmpty());
    QVERIFY(s.cpuQuota.isEmpty());
    QCOMPARE(s.keepReleases, 5);
    QVERIFY(s.validate());
    QCOMPARE(DeploySettings::defaults(u"9lives"_s).serviceUser, u"_9lives"_s);
    QCOMPARE(DeploySettings::defaults({}).serviceUser, u"gantry"_s);
}

void TestProfileResolver::settingsJsonRoundTrip()
{
    DeploySettings s = DeploySettings::defaults(u"api"_s);
    s.servicePort = 9000;
    s.memoryMax = u"512M"_s;
    s.cpuQuota = u"50%"_s;
    s.restartPolicy = u"always"_s;
    const Result<DeploySettings> back = DeploySettings::fromJson(s.toJson(), DeploySettings());
    QVERIFY(back);
    QCOMPARE(back->toJson(), s.toJson());
    QCOMPARE(s.toJson().size(), 18);
}

void TestProfileResolver::settingsFromJsonErrors_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QJsonObject { { u"service_prot"_s, 80 } } << u"Unknown deploy setting"_s;
    QTest::newRow("port as text") << QJsonObject { { u"service_port"_s, u"80"_s } } << u"wrong type"_s;
    QTest::newRow("fractional") << QJsonObject { { u"keep_releases"_s, 2.5 } } << u"wrong type"_s;
    QTest::newRow("path as number") << QJsonObject { { u"health_path"_s, 1 } } << u"wrong type"_s;
}

void TestProfileResolver::settingsFromJsonErrors()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, expected);
    const Result<DeploySettings> s = DeploySettings::fromJson(json, DeploySettings::defaults(u"api"_s));
    QVERIFY(!s);
    QVERIFY2(s.error().message.contains(expected), qPrintable(s.error().message));
    QVERIFY(!s.error().hint.isEmpty());
}

void TestProfileResolver::settingsValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("port 1") << u"service_port"_s << QJsonValue(1) << true;
    QTest::newRow("port 65535") << u"service_port"_s << QJsonValue(65535) << true;
    QTest::newRow("port 0") << u"service_port"_s << QJsonValue(0) << false;
    QTest::newRow("port 65536") << u"service_port"_s << QJsonValue(65536) << false;
    QTest::newRow("path /up") << u"health_path"_s << QJsonValue(u"/up"_s) << true;
    QTest::newRow("path without slash") << u"health_path"_s << QJsonValue(u"healthz"_s) << false;
    QTest::newRow("path empty") << u"health_path"_s << QJsonValue(u""_s) << false;
    QTest::newRow("interval 0") << u"health_interval_s"_s << QJsonValue(0) << false;
    QTest::newRow("timeout -1") << u"health_timeout_s"_s << QJsonValue(-1) << false;
    QTest::newRow("grace 0") << u"start_grace_s"_s << QJsonValue(0) << false;
    QTest::newRow("stop 0") << u"stop_timeout_s"_s << QJsonValue(0) << false;
    QTest::newRow("restart 0") << u"restart_s"_s << QJsonValue(0) << false;
    QTest::newRow("keep 1") << u"keep_releases"_s << QJsonValue(1) << true;
    QTest::newRow("keep 0") << u"keep_releases"_s << QJsonValue(0) << false;
    QTest::newRow("memory 512M") << u"memory_max"_s << QJsonValue(u"512M"_s) << true;
    QTest::newRow("memory 1G") << u"memory_max"_s << QJsonValue(u"1G"_s) << true;
    QTest::newRow("memory bytes") << u"memory_max"_s << QJsonValue(u"1048576"_s) << true;
    QTest::newRow("memory infinity") << u"memory_max"_s << QJsonValue(u"infinity"_s) << true;
    QTest::newRow("memory none") << u"memory_max"_s << QJsonValue(u""_s) << true;
    QTest::newRow("memory 512X") << u"memory_max"_s << QJsonValue(u"512X"_s) << false;
    QTest::newRow("memory 1.5G") << u"memory_max"_s << QJsonValue(u"1.5G"_s) << false;
    QTest::newRow("memory -1") << u"memory_max"_s << QJsonValue(u"-1"_s) << false;
    QTest::newRow("cpu 50%") << u"cpu_quota"_s << QJsonValue(u"50%"_s) << true;
    QTest::newRow("cpu 200%") << u"cpu_quota"_s << QJsonValue(u"200%"_s) << true;
    QTest::newRow("cpu 50") << u"cpu_quota"_s << QJsonValue(u"50"_s) << false;
    QTest::newRow("cpu 0%") << u"cpu_quota"_s << QJsonValue(u"0%"_s) << false;
    QTest::newRow("gin test") << u"gin_mode"_s << QJsonValue(u"test"_s) << true;
    QTest::newRow("gin verbose") << u"gin_mode"_s << QJsonValue(u"verbose"_s) << false;
    QTest::newRow("restart always") << u"restart"_s << QJsonValue(u"always"_s) << true;
    QTest::newRow("restart sometimes") << u"restart"_s << QJsonValue(u"sometimes"_s) << false;
    QTest::newRow("user www-data") << u"service_user"_s << QJsonValue(u"www-data"_s) << true;
    QTest::newRow("user Root") << u"service_user"_s << QJsonValue(u"Root"_s) << false;
    QTest::newRow("user empty") << u"service_user"_s << QJsonValue(u""_s) << false;
}

void TestProfileResolver::settingsValidation()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    const Result<DeploySettings> s =
        DeploySettings::fromJson(QJsonObject { { key, value } }, DeploySettings::defaults(u"api"_s));
    QVERIFY(s);
    const Result<void> ok = s->validate();
    QCOMPARE(bool(ok), valid);
    if (!ok)
        QVERIFY(!ok.error().message.isEmpty() && !ok.error().hint.isEmpty());
}

void TestProfileResolver::variableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("upper") << u"DATABASE_URL"_s << true;
    QTest::newRow("lower") << u"gin_mode"_s << true;
    QTest::newRow("underscore first") << u"_X1"_s << true;
    QTest::newRow("single") << u"A"_s << true;
    QTest::newRow("digit first") << u"1ABC"_s << false;
    QTest::newRow("dash") << u"A-B"_s << false;
    QTest::newRow("space") << u"A B"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("equals") << u"A=B"_s << false;
    QTest::newRow("non-ASCII") << u"CAF\u00c9"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestProfileResolver::variableNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(VariableRecord::isValidName(name), valid);
}

void TestProfileResolver::chainIsRootFirst()
{
    ProfileResolver resolver(
        u"shop"_s, standardProfiles() << ProfileRecord { u"shop"_s, u"canary"_s, u"prod"_s, {} });
    QCOMPARE(*resolver.chain(u"canary"_s), (QStringList { u"base"_s, u"prod"_s, u"canary"_s }));
    QCOMPARE(*resolver.chain(u"base"_s), QStringList { u"base"_s });
    QVERIFY(resolver.validate());
}

void TestProfileResolver::cyclesAreNamed_data()
{
    QTest::addColumn<QList<ProfileRecord>>("profiles");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("cycle");
    const QList<ProfileRecord> twoWay { { u"p"_s, u"a"_s, u"b"_s, {} }, { u"p"_s, u"b"_s, u"a"_s, {} } };
    QTest::newRow("a -> b -> a from a") << twoWay << u"a"_s << u"a -> b -> a"_s;
    QTest::newRow("a -> b -> a from b") << twoWay << u"b"_s << u"a -> b -> a"_s;
    QTest::newRow("self") << QList<ProfileRecord> { { u"p"_s, u"a"_s, u"a"_s, {} } } << u"a"_s << u"a -> a"_s;
    QTest::newRow("reached from outside") << QList<ProfileRecord> { { u"p"_s, u"c"_s, u"x"_s, {} },
        { u"p"_s, u"x"_s, u"y"_s, {} }, { u"p"_s, u"y"_s, u"z"_s, {} }, { u"p"_s, u"z"_s, u"x"_s, {} } }
                                          << u"c"_s << u"x -> y -> z -> x"_s;
}

void TestProfileResolver::cyclesAreNamed()
{
    QFETCH(QList<ProfileRecord>, profiles);
    QFETCH(QString, start);
    QFETCH(QString, cycle);
    ProfileResolver resolver(u"p"_s, profiles);
    const Result<QStringList> chain = resolver.chain(start);
    QVERIFY(!chain);
    QVERIFY2(chain.error().message.contains(cycle), qPrintable(chain.error().message));
    QVERIFY(chain.error().message.contains(u"cycle"_s));
    QVERIFY(!resolver.validate());
    QVERIFY(!resolver.resolve(start, {}, Source().function()));
}

void TestProfileResolver::missingParent()
{
    ProfileResolver resolver(u"shop"_s, { { u"shop"_s, u"prod"_s, u"staging"_s, {} } });
    const auto chain = resolver.chain(u"prod"_s);
    QVERIFY(!chain);
    QVERIFY(chain.error().message.contains(u"staging"_s));
    QVERIFY(!resolver.validate());
}

void TestProfileResolver::unknownProfile()
{
    ProfileResolver resolver(u"shop"_s, standardProfiles());
    const auto resolved = resolver.resolve(u"qa"_s, {}, Source().function());
    QVERIFY(!resolved);
    QVERIFY(resolved.error().message.contains(u"qa"_s));
}

void TestProfileResolver::inheritanceAndOrigins()
{
    Source source;
    source.set(u"base"_s, { plain(u"A"_s, u"1"_s), plain(u"B"_s, u"2"_s), plain(u"LINES"_s, u"x\ny\n"_s) });
    source.set(u"prod"_s, { plain(u"B"_s, u"3"_s), plain(u"C"_s, u"4"_s) });
    source.set(u"dev"_s, { plain(u"A"_s, u"dev"_s) });
    const auto resolved =
        ProfileResolver(u"shop"_s, standardProfiles()).resolve(u"prod"_s, {}, source.function());
    QVERIFY(resolved);
    QCOMPARE(resolved->chain, (QStringList { u"base"_s, u"prod"_s }));
    QCOMPARE(resolved->variables.size(), 4);
    QCOMPARE(resolved->variables.at(0).variable.name, u"A"_s); // first defined first
    QCOMPARE(valueOf(*resolved, u"A"_s), u"1"_s);
    QCOMPARE(resolved->find(u"A"_s)->profile, u"base"_s);
    QCOMPARE(valueOf(*resolved, u"B"_s), u"3"_s);
    QCOMPARE(resolved->find(u"B"_s)->profile, u"prod"_s);
    QVERIFY(resolved->find(u"B"_s)->server.isEmpty());
    QCOMPARE(valueOf(*resolved, u"LINES"_s), u"x\ny\n"_s);
    QCOMPARE(resolved->find(u"C"_s)->profile, u"prod"_s);
}

void TestProfileResolver::serverOverrides()
{
    Source source;
    source.set(u"base"_s, { plain(u"A"_s, u"1"_s), plain(u"B"_s, u"2"_s) });
    source.set(u"base@web1"_s, { plain(u"A"_s, u"base-web1"_s) });
    source.set(u"prod"_s, { plain(u"A"_s, u"prod"_s), plain(u"B"_s, u"prod"_s) });
    source.set(u"prod@web1"_s, { plain(u"B"_s, u"web1"_s), plain(u"NEW"_s, u"n"_s) });
    source.set(u"prod@web2"_s, { plain(u"B"_s, u"web2"_s) });
    const ProfileResolver resolver(u"shop"_s, standardProfiles());
    const auto web1 = resolver.resolve(u"prod"_s, u"web1"_s, source.function());
    QVERIFY(web1);
    QCOMPARE(web1->server, u"web1"_s);
    // A server override of a parent still beats the child's plain value: it is specific to the host.
    QCOMPARE(valueOf(*web1, u"A"_s), u"base-web1"_s);
    QCOMPARE(web1->find(u"A"_s)->profile, u"base"_s);
    QCOMPARE(web1->find(u"A"_s)->server, u"web1"_s);
    QCOMPARE(valueOf(*web1, u"B"_s), u"web1"_s);
    QCOMPARE(web1->find(u"B"_s)->profile, u"prod"_s);
    QCOMPARE(web1->find(u"B"_s)->server, u"web1"_s);
    QCOMPARE(valueOf(*web1, u"NEW"_s), u"n"_s);
    const auto plainProd = resolver.resolve(u"prod"_s, {}, source.function());
    QCOMPARE(valueOf(*plainProd, u"B"_s), u"prod"_s);
    QVERIFY(!plainProd->find(u"NEW"_s));
    QCOMPARE(valueOf(*resolver.resolve(u"prod"_s, u"web2"_s, source.function()), u"B"_s), u"web2"_s);
}

void TestProfileResolver::secretsPassThrough()
{
    Source source;
    source.set(u"base"_s, { { u"DB_PASSWORD"_s, {}, true, u"gantry:ws:shop:base:DB_PASSWORD"_s } });
    source.set(u"prod"_s, { { u"DB_PASSWORD"_s, {}, true, u"gantry:ws:shop:prod:DB_PASSWORD"_s } });
    const auto resolved =
        ProfileResolver(u"shop"_s, standardProfiles()).resolve(u"prod"_s, {}, source.function());
    const auto *secret = resolved->find(u"DB_PASSWORD"_s);
    QVERIFY(secret && secret->variable.secret);
    QVERIFY(secret->variable.value.isEmpty());
    QCOMPARE(secret->variable.keychainKey, u"gantry:ws:shop:prod:DB_PASSWORD"_s);
    QCOMPARE(secret->profile, u"prod"_s);
}

void TestProfileResolver::settingsMergeWithOrigins()
{
    QList<ProfileRecord> profiles = standardProfiles();
    profiles[0].settings = QJsonObject { { u"service_port"_s, 9000 }, { u"keep_releases"_s, 10 } };
    const ProfileResolver resolver(u"shop"_s, profiles);
    const auto prod = resolver.resolve(u"prod"_s, {}, Source().function());
    QVERIFY(prod);
    QCOMPARE(prod->settings.servicePort, 9000);
    QCOMPARE(prod->settings.keepReleases, 3);
    QCOMPARE(prod->settings.ginMode, u"release"_s);
    QCOMPARE(prod->settings.serviceUser, u"shop"_s);
    QCOMPARE(prod->settingOrigins.value(u"service_port"_s), u"base"_s);
    QCOMPARE(prod->settingOrigins.value(u"keep_releases"_s), u"prod"_s);
    QVERIFY(!prod->settingOrigins.contains(u"health_path"_s));
    const auto dev = resolver.resolve(u"dev"_s, {}, Source().function());
    QCOMPARE(dev->settings.ginMode, u"debug"_s);
    QCOMPARE(dev->settings.keepReleases, 10);
}

void TestProfileResolver::invalidMergedSettings()
{
    QList<ProfileRecord> profiles = standardProfiles();
    profiles[2].settings = QJsonObject { { u"health_path"_s, u"nope"_s } };
    const auto prod = ProfileResolver(u"shop"_s, profiles).resolve(u"prod"_s, {}, Source().function());
    QVERIFY(!prod);
    QVERIFY(prod.error().message.contains(u"prod"_s));
    QVERIFY(prod.error().message.contains(u"nope"_s));
}

void TestProfileResolver::duplicateInOneProfile()
{
    Source source;
    source.set(u"prod"_s, { plain(u"A"_s, u"1"_s), plain(u"A"_s, u"2"_s) });
    const auto prod =
        ProfileResolver(u"shop"_s, standardProfiles()).resolve(u"prod"_s, {}, source.function());
    QVERIFY(!prod);
    QVERIFY(prod.error().message.contains(u"\"A\""_s));
}

void TestProfileResolver::tenThousandVariables()
{
    Source source;
    QList<VariableRecord> base;
    QList<VariableRecord> prod;
    for (int i = 0; i < 10000; ++i) {
        base << plain(u"VAR_%1"_s.arg(i), u"base value %1"_s.arg(i));
        if (i % 2 == 0)
            prod << plain(u"VAR_%1"_s.arg(i), u"prod value %1"_s.arg(i));
    }
    source.set(u"base"_s, base);
    source.set(u"prod"_s, prod);
    source.set(u"prod@web1"_s, { plain(u"VAR_9999"_s, u"web1"_s) });
    QElapsedTimer timer;
    timer.start();
    const auto resolved =
        ProfileResolver(u"shop"_s, standardProfiles()).resolve(u"prod"_s, u"web1"_s, source.function());
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(resolved);
    QCOMPARE(resolved->variables.size(), 10000);
    QCOMPARE(valueOf(*resolved, u"VAR_0"_s), u"prod value 0"_s);
    QCOMPARE(valueOf(*resolved, u"VAR_1"_s), u"base value 1"_s);
    QCOMPARE(resolved->find(u"VAR_9999"_s)->server, u"web1"_s);
}

QTEST_GUILESS_MAIN(TestProfileResolver)
#include "tst_profileresolver.moc"
