#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/service/systemdunit.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::DeploySettings;
using Gantry::SystemdUnit;
using Gantry::UnitSpec;

namespace {

UnitSpec defaultSpec()
{
    UnitSpec spec;
    spec.app = u"shop"_s;
    spec.deployRoot = u"/opt/gantry/shop"_s;
    spec.settings = DeploySettings::defaults(u"shop"_s);
    return spec;
}

const QByteArray goldenDefault =
    R"(# Written by Gantry for shop; a deploy replaces it, so edit the profile instead.
[Unit]
Description=Gantry service shop
After=network-online.target
Wants=network-online.target
StartLimitIntervalSec=0

[Service]
Type=simple
User=shop
Group=shop
WorkingDirectory=/opt/gantry/shop/current
ExecStart=/opt/gantry/shop/current/shop
Environment=GIN_MODE=release
Environment=PORT=8080
EnvironmentFile=/opt/gantry/shop/shared/shop.env
Restart=on-failure
RestartSec=5
KillSignal=SIGTERM
TimeoutStopSec=30
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=/opt/gantry/shop/shared
PrivateTmp=yes
ProtectHome=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
LockPersonality=yes
LimitNOFILE=65536
CapabilityBoundingSet=
StandardOutput=journal
StandardError=journal
SyslogIdentifier=shop
LogRateLimitIntervalSec=30
LogRateLimitBurst=10000

[Install]
WantedBy=multi-user.target
)"_ba;

QByteArray rendered(const UnitSpec &spec)
{
    const auto unit = SystemdUnit::render(spec);
    if (!unit) {
        qWarning() << unit.error().toString();
        return {};
    }
    return *unit;
}

QStringList lines(const QByteArray &unit)
{
    return QString::fromUtf8(unit).split(u'\n');
}

} // namespace

class TestSystemdUnit final : public QObject {
    Q_OBJECT

private slots:
    void unitName();
    void goldenDefault();
    void deterministic();
    void variants_data();
    void variants();
    void quoteArgument_data();
    void quoteArgument();
    void neverCarriageReturn();
    void refuses_data();
    void refuses();
    void systemdAnalyzeVerify();
};

void TestSystemdUnit::unitName()
{
    QCOMPARE(SystemdUnit::unitName(u"shop"_s), u"gantry-shop.service"_s);
    QCOMPARE(SystemdUnit::unitName(u"my.api-2"_s), u"gantry-my.api-2.service"_s);
}

void TestSystemdUnit::goldenDefault()
{
    QCOMPARE(rendered(defaultSpec()), ::goldenDefault);
}

void TestSystemdUnit::deterministic()
{
    UnitSpec spec = defaultSpec();
    spec.args = { u"--flag"_s, u"a b"_s };
    QCOMPARE(rendered(spec), rendered(spec));
}

void TestSystemdUnit::variants_data()
{
    QTest::addColumn<UnitSpec>("spec");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    UnitSpec spec = defaultSpec();
    spec.settings.servicePort = 80;
    QTest::newRow("port 80 gets the bind capability")
        << spec
        << QStringList { u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_s,
               u"CapabilityBoundingSet=CAP_NET_BIND_SERVICE"_s, u"Environment=PORT=80"_s }
        << QStringList { u"CapabilityBoundingSet="_s, u"MemoryMax=.*"_s };
    spec.settings.servicePort = 1023;
    QTest::newRow("port 1023 gets it too")
        << spec << QStringList { u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_s } << QStringList();
    spec.settings.servicePort = 1024;
    QTest::newRow("port 1024 does not")
        << spec << QStringList { u"CapabilityBoundingSet="_s }
        << QStringList { u"AmbientCapabilities=.*"_s, u"CapabilityBoundingSet=CAP_NET_BIND_SERVICE"_s };
    spec = defaultSpec();
    QTest::newRow("8080 has no capabilities")
        << spec << QStringList { u"CapabilityBoundingSet="_s }
        << QStringList { u"AmbientCapabilities=.*"_s, u"MemoryMax=.*"_s, u"CPUQuota=.*"_s };
    spec.settings.memoryMax = u"512M"_s;
    QTest::newRow("memory limit") << spec << QStringList { u"MemoryMax=512M"_s }
                                  << QStringList { u"CPUQuota=.*"_s };
    spec.settings.cpuQuota = u"150%"_s;
    QTest::newRow("memory and CPU limits")
        << spec << QStringList { u"MemoryMax=512M"_s, u"CPUQuota=150%"_s } << QStringList();
    spec = defaultSpec();
    spec.settings.serviceUser = u"svc_shop"_s;
    spec.settings.restartPolicy = u"always"_s;
    spec.settings.restartSecs = 3;
    spec.settings.stopTimeoutSecs = 90;
    spec.settings.ginMode = u"debug"_s;
    QTest::newRow("settings reach the unit")
        << spec
        << QStringList { u"User=svc_shop"_s, u"Group=svc_shop"_s, u"Restart=always"_s, u"RestartSec=3"_s,
               u"TimeoutStopSec=90"_s, u"Environment=GIN_MODE=debug"_s }
        << QStringList();
    spec = defaultSpec();
    spec.binaryName = u"shop-server"_s;
    spec.args = { u"--config"_s, u"/opt/gantry/shop/shared/config.yaml"_s, u"two words"_s };
    spec.envFilePath = u"/etc/gantry/shop.env"_s;
    spec.description = u"Shop API, 100% Go"_s;
    QTest::newRow("binary, arguments, env file, description")
        << spec
        << QStringList { u"ExecStart=/opt/gantry/shop/current/shop-server --config "
                         "/opt/gantry/shop/shared/config.yaml \"two words\""_s,
               u"EnvironmentFile=/etc/gantry/shop.env"_s, u"Description=Shop API, 100%% Go"_s }
        << QStringList();
}

void TestSystemdUnit::variants()
{
    QFETCH(UnitSpec, spec);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QStringList unit = lines(rendered(spec));
    QVERIFY(!unit.isEmpty());
    for (const QString &line : present)
        QVERIFY2(unit.contains(line), qPrintable(line));
    for (const QString &pattern : absent) { // anchored regular expressions
        const QRegularExpression re(u'^' + pattern + u'$');
        const bool any =
            std::any_of(unit.begin(), unit.end(), [&](const QString &l) { return re.match(l).hasMatch(); });
        QVERIFY2(!any, qPrintable(pattern));
    }
    // Environment= lines come before EnvironmentFile= (the file wins either way; this reads right).
    QVERIFY(unit.indexOf(u"Environment=GIN_MODE="_s + spec.settings.ginMode) <
        std::distance(unit.begin(), std::find_if(unit.begin(), unit.end(), [](const QString &l) {
            return l.startsWith(u"EnvironmentFile="_s);
        })));
}

void TestSystemdUnit::quoteArgument_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("quoted");

    QTest::newRow("plain") << u"--port=8080"_s << u"--port=8080"_s;
    QTest::newRow("path") << u"/opt/x/y.conf"_s << u"/opt/x/y.conf"_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
    QTest::newRow("space") << u"a b"_s << u"\"a b\""_s;
    QTest::newRow("dollar") << u"$HOME"_s << u"\"$$HOME\""_s;
    QTest::newRow("percent") << u"50%"_s << u"\"50%%\""_s;
    QTest::newRow("quotes") << u"say \"hi\" 'x'"_s << u"\"say \\\"hi\\\" 'x'\""_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s;
    QTest::newRow("lone semicolon") << u";"_s << u"\";\""_s;
    QTest::newRow("newline and tab") << u"a\nb\tc"_s << u"\"a\\nb\\tc\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\\rb\""_s;
    QTest::newRow("escape character") << u"\x1b[0m"_s << u"\"\\x1b[0m\""_s;
    QTest::newRow("unicode") << u"caf\u00e9"_s << u"\"caf\u00e9\""_s;
}

void TestSystemdUnit::quoteArgument()
{
    QFETCH(QString, arg);
    QTEST(SystemdUnit::quoteArgument(arg), "quoted");
}

void TestSystemdUnit::neverCarriageReturn()
{
    UnitSpec spec = defaultSpec();
    spec.args = { u"a\r\nb"_s, u"\r"_s, u"x\ry"_s };
    spec.settings.memoryMax = u"1G"_s;
    spec.settings.servicePort = 443;
    const QByteArray unit = rendered(spec);
    QVERIFY(!unit.isEmpty());
    QVERIFY(!unit.contains('\r'));
    QVERIFY(unit.endsWith('\n'));
    QVERIFY(!unit.contains("\n\n\n"));
}

void TestSystemdUnit::refuses_data()
{
    QTest::addColumn<UnitSpec>("spec");
    QTest::addColumn<QString>("inMessage");

    const auto with = [](auto change) {
        UnitSpec spec = defaultSpec();
        change(spec);
        return spec;
    };
    QTest::newRow("empty app") << with([](UnitSpec &s) { s.app.clear(); }) << u"app name"_s;
    QTest::newRow("upper-case app") << with([](UnitSpec &s) { s.app = u"Shop"_s; }) << u"app name"_s;
    QTest::newRow("app with slash") << with([](UnitSpec &s) { s.app = u"a/b"_s; }) << u"app name"_s;
    QTest::newRow("app starting with dash") << with([](UnitSpec &s) { s.app = u"-x"_s; }) << u"app name"_s;
    QTest::newRow("app with space") << with([](UnitSpec &s) { s.app = u"my app"_s; }) << u"app name"_s;
    QTest::newRow("app too long") << with([](UnitSpec &s) { s.app = QString(65, u'a'); }) << u"app name"_s;
    QTest::newRow("user with upper case")
        << with([](UnitSpec &s) { s.settings.serviceUser = u"Shop"_s; }) << u"service user"_s;
    QTest::newRow("user starting with digit")
        << with([](UnitSpec &s) { s.settings.serviceUser = u"1shop"_s; }) << u"service user"_s;
    QTest::newRow("empty user") << with([](UnitSpec &s) { s.settings.serviceUser.clear(); })
                                << u"service user"_s;
    QTest::newRow("root user") << with([](UnitSpec &s) { s.settings.serviceUser = u"root"_s; })
                               << u"as root"_s;
    QTest::newRow("relative root") << with([](UnitSpec &s) { s.deployRoot = u"opt/shop"_s; })
                                   << u"deploy root"_s;
    QTest::newRow("root with space") << with([](UnitSpec &s) { s.deployRoot = u"/opt/my shop"_s; })
                                     << u"deploy root"_s;
    QTest::newRow("root with newline")
        << with([](UnitSpec &s) { s.deployRoot = u"/opt/shop\nExecStartPre=/bin/sh"_s; }) << u"deploy root"_s;
    QTest::newRow("root with quote") << with([](UnitSpec &s) { s.deployRoot = u"/opt/\"shop"_s; })
                                     << u"deploy root"_s;
    QTest::newRow("root with percent")
        << with([](UnitSpec &s) { s.deployRoot = u"/opt/%h"_s; }) << u"deploy root"_s;
    QTest::newRow("root with dot-dot")
        << with([](UnitSpec &s) { s.deployRoot = u"/opt/../etc"_s; }) << u"deploy root"_s;
    QTest::newRow("root is slash") << with([](UnitSpec &s) { s.deployRoot = u"/"_s; }) << u"deploy root"_s;
    QTest::newRow("root with trailing slash")
        << with([](UnitSpec &s) { s.deployRoot = u"/opt/shop/"_s; }) << u"deploy root"_s;
    QTest::newRow("env file with space")
        << with([](UnitSpec &s) { s.envFilePath = u"/etc/my env"_s; }) << u"environment file"_s;
    QTest::newRow("binary with slash")
        << with([](UnitSpec &s) { s.binaryName = u"bin/shop"_s; }) << u"binary name"_s;
    QTest::newRow("binary dot-dot") << with([](UnitSpec &s) { s.binaryName = u".."_s; }) << u"binary name"_s;
    QTest::newRow("description with newline")
        << with([](UnitSpec &s) { s.description = u"a\n[Service]"_s; }) << u"description"_s;
    QTest::newRow("description with CR")
        << with([](UnitSpec &s) { s.description = u"a\rb"_s; }) << u"description"_s;
    QTest::newRow("description ending in backslash")
        << with([](UnitSpec &s) { s.description = u"a \\"_s; }) << u"description"_s;
    QTest::newRow("bad restart policy")
        << with([](UnitSpec &s) { s.settings.restartPolicy = u"sometimes"_s; }) << u"restart policy"_s;
    QTest::newRow("bad memory limit")
        << with([](UnitSpec &s) { s.settings.memoryMax = u"lots"_s; }) << u"memory limit"_s;
    QTest::newRow("bad CPU quota") << with([](UnitSpec &s) { s.settings.cpuQuota = u"0.5"_s; })
                                   << u"CPU quota"_s;
    QTest::newRow("port zero") << with([](UnitSpec &s) { s.settings.servicePort = 0; }) << u"service port"_s;
    QTest::newRow("negative stop timeout")
        << with([](UnitSpec &s) { s.settings.stopTimeoutSecs = -1; }) << u"stop_timeout_s"_s;
    QTest::newRow("app with trailing newline")
        << with([](UnitSpec &s) { s.app = u"shop\n"_s; }) << u"app name"_s;
    QTest::newRow("binary with trailing newline")
        << with([](UnitSpec &s) { s.binaryName = u"shop\n"_s; }) << u"binary name"_s;
    QTest::newRow("user with trailing newline")
        << with([](UnitSpec &s) { s.settings.serviceUser = u"shop\n"_s; }) << u"line break"_s;
    QTest::newRow("memory limit with a second line")
        << with([](UnitSpec &s) { s.settings.memoryMax = u"512M\nUser=root"_s; }) << u"line break"_s;
    QTest::newRow("NUL in argument") << with([](UnitSpec &s) { s.args = { QString(QChar(0)) }; }) << u"NUL"_s;
}

void TestSystemdUnit::refuses()
{
    QFETCH(UnitSpec, spec);
    QFETCH(QString, inMessage);
    const auto unit = SystemdUnit::render(spec);
    QVERIFY(!unit.has_value());
    QVERIFY2(unit.error().message.contains(inMessage), qPrintable(unit.error().message));
    QVERIFY(!unit.error().hint.isEmpty());
    QVERIFY(!unit.error().message.contains(u'\n'));
}

// systemd-analyze verify loads the unit as systemd would and checks ExecStart= is executable. It
// runs without systemd as PID 1 (it starts its own manager in test mode), so this machine can do it.
void TestSystemdUnit::systemdAnalyzeVerify()
{
    const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed: the unit is checked by the golden text only");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath(u"opt/shop"_s);
    QVERIFY(QDir().mkpath(root + u"/releases/1"_s) && QDir().mkpath(root + u"/shared"_s));
    QVERIFY(QFile::copy(u"/bin/true"_s, root + u"/releases/1/shop"_s));
    QVERIFY(QFile::link(u"releases/1"_s, root + u"/current"_s));
    UnitSpec spec = defaultSpec();
    spec.deployRoot = root;
    spec.settings.serviceUser = u"daemon"_s; // exists on Debian; "nobody" draws a warning
    spec.settings.memoryMax = u"512M"_s;
    spec.settings.cpuQuota = u"50%"_s;
    spec.args = { u"--name"_s, u"two words"_s, u"$HOME"_s, u"100%"_s, u"a\\b\"c"_s, u"line\nbreak"_s,
        u";"_s };
    for (const int port : { 8080, 80 }) {
        spec.settings.servicePort = port;
        const QString unitPath = dir.filePath(SystemdUnit::unitName(spec.app));
        QFile file(unitPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(rendered(spec));
        file.close();
        QProcess process;
        process.start(analyze, { u"verify"_s, u"--man=no"_s, unitPath });
        QVERIFY(process.waitForFinished(60000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, output.constData());
        QVERIFY2(output.trimmed().isEmpty(), output.constData()); // not even a warning
    }
    // The check can fail: without the binary, verify refuses the unit.
    QVERIFY(QFile::remove(root + u"/releases/1/shop"_s));
    QProcess process;
    process.start(analyze, { u"verify"_s, u"--man=no"_s, dir.filePath(SystemdUnit::unitName(spec.app)) });
    QVERIFY(process.waitForFinished(60000));
    QVERIFY(process.exitCode() != 0);
}

QTEST_GUILESS_MAIN(TestSystemdUnit)
#include "tst_systemdunit.moc"
