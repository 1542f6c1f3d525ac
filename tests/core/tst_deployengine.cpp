// The deploy engine (DeployRun, HostDeployer, ServiceOps) against SandboxShell: the scripts a
// deploy sends to a server run for real with /bin/sh in a sandbox folder per server, so the
// cases only booted hosts covered before run here in seconds: a health failure and its roll
// back, the first server failing and the others held back, the batch limit, a connection lost
// at each step, a stale lock, and how many trips to the server each workflow waits for.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <mutex>
#include <thread>

#include <QCryptographicHash>
#include "core/deploy/deployrun.h"
#include "core/deploy/serviceops.h"
#include "core/profile/systemdenvfile.h"
#include "tests/core/testsupport.h"
#include "tests/support/sandboxshell.h"

using namespace Gantry;
using namespace Qt::StringLiterals;

namespace {

// The trips a one-server deploy waits for: connect; lock and probe; upload; prepare, switch and
// restart; one health check; record, prune and unlock. Raising it makes every deploy slower on
// a real network (each is at least one round trip): the limit is 15 round trips.
constexpr int DeployTrips = 6;

struct Sandbox {
    QString folder;
    SandboxShell *shell = nullptr; // owned by the deployer while it runs
};

class Engine {
public:
    explicit Engine(int hosts, QString manager = u"systemd"_s)
        : m_manager(std::move(manager))
    {
        for (int i = 0; i < hosts; ++i) {
            const QString folder = m_dir.filePath(u"server%1"_s.arg(i + 1));
            QDir().mkpath(folder);
            m_folders << folder;
        }
    }

    // An archive holding an executable "shop" that prints `version`.
    DeployArtifact artifact(const QString &version)
    {
        if (const auto made = m_artifacts.constFind(version); made != m_artifacts.cend())
            return *made; // the same bytes: a redeploy finds it on the server
        return m_artifacts[version] = makeArtifact(version);
    }

    DeployArtifact makeArtifact(const QString &version)
    {
        const QString src = m_dir.filePath(u"src-"_s + version);
        QDir().mkpath(src);
        QFile bin(src + u"/shop"_s);
        bin.open(QIODevice::WriteOnly);
        bin.write("#!/bin/sh\necho " + version.toUtf8() + "\n");
        bin.close();
        bin.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString out = m_dir.filePath(u"shop-"_s + version + u".tar.gz"_s);
        QProcess::execute(u"tar"_s, { u"-czf"_s, out, u"-C"_s, src, u"."_s });
        QFile file(out);
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        return { out,
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
            bytes.size(), 100 };
    }

    DeployRequest request(const QString &version, int batch = 0)
    {
        DeployRequest r;
        r.project = u"shop"_s;
        r.profile = u"prod"_s;
        r.app = u"shop"_s;
        r.binaryName = u"shop"_s;
        r.version = version;
        r.artifacts.insert(u"amd64"_s, artifact(version));
        r.who = u"test@engine"_s;
        r.batchSize = batch;
        for (int i = 0; i < m_folders.size(); ++i) {
            DeployHost host;
            host.server = server(i);
            host.settings = DeploySettings::defaults(u"shop"_s);
            host.settings.startGraceSecs = 1;
            host.settings.healthIntervalSecs = 1;
            host.env = { EnvVariable { u"GREETING"_s, version, false, 0 } };
            host.envFile = "GREETING=" + version.toUtf8() + "\n";
            r.hosts << host;
        }
        return r;
    }

    // Runs the deploy to the end, each server on its own sandbox.
    QList<HostOutcome> deploy(const DeployRequest &request)
    {
        DeployRun run(request, nullptr);
        run.setShellFactory([this](const DeployHost &host,
                                RemoteShell::LineSink) -> std::unique_ptr<RemoteShell> {
            const int i = host.server.name.mid(6).toInt() - 1;
            auto shell = std::make_unique<SandboxShell>(host.server, m_folders.at(i), m_manager);
            shell->setHealth([this, i](int release, bool running) { return health(i, release, running); });
            const int failAt = m_failAt.value(i);
            if (failAt > 0)
                shell->failAt(failAt);
            return shell;
        });
        QSignalSpy finished(&run, &DeployRun::finished);
        run.start();
        if (!finished.wait(60000))
            return {};
        return run.outcomes();
    }

    int health(int host, int release, bool running)
    {
        const auto started = std::chrono::steady_clock::now();
        if (m_healthDelay.count() > 0)
            std::this_thread::sleep_for(m_healthDelay);
        {
            const std::lock_guard lock(m_mutex);
            m_healthCalls.append({ host, started, std::chrono::steady_clock::now() });
        }
        if (!running)
            return 0;
        return m_badRelease.value(host) == release ? 500 : 200;
    }

    static ServerRecord server(int i)
    {
        ServerRecord s;
        s.name = u"server%1"_s.arg(i + 1);
        s.address = u"10.0.0.%1"_s.arg(i + 1);
        s.user = u"root"_s;
        return s;
    }

    QString path(int host, const QString &relative) const { return m_folders.at(host) + u'/' + relative; }
    QByteArray read(int host, const QString &relative) const
    {
        QFile file(path(host, relative));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    int current(int host) const { return SandboxShell::currentReleaseIn(m_folders.at(host)); }

    QHash<int, int> m_badRelease; // host -> the release whose health check fails
    QHash<int, int> m_failAt; // host -> the call that loses the connection
    std::chrono::milliseconds m_healthDelay { 0 };
    struct Call {
        int host;
        std::chrono::steady_clock::time_point start, end;
    };
    QList<Call> m_healthCalls;

private:
    QTemporaryDir m_dir;
    QHash<QString, DeployArtifact> m_artifacts;
    QString m_manager;
    QStringList m_folders;
    std::mutex m_mutex;
};

// Rows for a test that runs once per service manager.
void addManagers()
{
    QTest::addColumn<QString>("manager");
    QTest::newRow("systemd") << u"systemd"_s;
    QTest::newRow("supervisor") << u"supervisor"_s;
}

} // namespace

class TestDeployEngine final : public QObject {
    Q_OBJECT
private slots:
    void deploysAndCountsTrips_data();
    void deploysAndCountsTrips();
    void healthFailureRollsBack_data();
    void healthFailureRollsBack();
    void restartFailureRollsBack_data();
    void restartFailureRollsBack();
    void firstServerFailingHoldsTheOthersBack();
    void batchLimit();
    void lostConnectionAtEachStep_data();
    void lostConnectionAtEachStep();
    void staleLockIsTakenOver();
    void liveLockIsRefused();
    void rollbackAndStatusTrips();
    void neitherManagerChangesNothing();
};

void TestDeployEngine::deploysAndCountsTrips_data()
{
    QTest::addColumn<QString>("manager");
    QTest::addColumn<QString>("serviceFile");
    QTest::newRow("systemd") << u"systemd"_s << u"etc/systemd/system/gantry-shop.service"_s;
    QTest::newRow("supervisor") << u"supervisor"_s << u"etc/supervisor/conf.d/gantry-shop.conf"_s;
}

void TestDeployEngine::deploysAndCountsTrips()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    QFETCH(QString, manager);
    QFETCH(QString, serviceFile);
    Engine engine(1, manager);
    const DeployRequest first = engine.request(u"1.0.0"_s);
    const QList<HostOutcome> out = engine.deploy(first);
    QCOMPARE(out.size(), 1);
    QVERIFY2(out[0].success, qPrintable(out[0].error.toString()));
    QCOMPARE(out[0].release, 1);
    QCOMPARE(out[0].serverCalls, DeployTrips);
    QCOMPARE(engine.current(0), 1);
    QCOMPARE(engine.read(0, u"opt/gantry/shop/current/shop"_s), QByteArray("#!/bin/sh\necho 1.0.0\n"));
    QCOMPARE(engine.read(0, u"opt/gantry/shop/shared/shop.env"_s), QByteArray("GREETING=1.0.0\n"));
    QVERIFY(!engine.read(0, serviceFile).isEmpty());
    QVERIFY(!QFile::exists(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s)));
    if (manager == u"supervisor"_s) {
        QCOMPARE(engine.read(0, u"opt/gantry/shop/shared/shop.env.sh"_s).contains("GREETING='1.0.0'"), true);
        QVERIFY(engine.read(0, serviceFile).contains("stdout_logfile_maxbytes=10MB"));
    }
    // The same version again: nothing to upload, one trip fewer.
    const QList<HostOutcome> again = engine.deploy(engine.request(u"1.0.0"_s));
    QVERIFY(again[0].success);
    QCOMPARE(again[0].uploadedBytes, 0);
    QCOMPARE(again[0].serverCalls, DeployTrips - 1);
    QCOMPARE(engine.current(0), 2);
}

void TestDeployEngine::healthFailureRollsBack_data()
{
    addManagers();
}

void TestDeployEngine::healthFailureRollsBack()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    QFETCH(QString, manager);
    Engine engine(1, manager);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    engine.m_badRelease[0] = 2;
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QVERIFY(!out[0].success);
    QVERIFY(out[0].rolledBack);
    QCOMPARE(out[0].error.kind, ErrorKind::Timeout);
    QCOMPARE(engine.current(0), 1);
    QCOMPARE(engine.read(0, u"opt/gantry/shop/shared/shop.env"_s), QByteArray("GREETING=1.0.0\n"));
    QVERIFY(
        engine.read(0, u"opt/gantry/shop/.gantry/releases.jsonl"_s).contains("\"n\":2,\"status\":\"bad\""));
    QVERIFY(!QFile::exists(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s)));
    if (QFile::exists(
            engine.path(0, u"opt/gantry/shop/shared/shop.env.sh"_s))) // what supervisor's wrapper reads
        QVERIFY(engine.read(0, u"opt/gantry/shop/shared/shop.env.sh"_s).contains("GREETING='1.0.0'"));
}

void TestDeployEngine::restartFailureRollsBack_data()
{
    addManagers();
}

void TestDeployEngine::restartFailureRollsBack()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    QFETCH(QString, manager);
    Engine engine(1, manager);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    // Release 2 does not even start (supervisor: a spawn error; systemd: the job fails).
    QFile failing(engine.path(0, u".sandbox/fail-restart"_s));
    QVERIFY(failing.open(QIODevice::WriteOnly));
    failing.write("2\n");
    failing.close();
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QVERIFY(!out[0].success);
    QVERIFY2(out[0].rolledBack, qPrintable(out[0].error.toString()));
    QCOMPARE(engine.current(0), 1);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success); // and the next deploy works
}

void TestDeployEngine::firstServerFailingHoldsTheOthersBack()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(3);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(2).success);
    engine.m_badRelease[0] = 2;
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QVERIFY(!out[0].success && out[0].rolledBack);
    for (int i = 1; i < 3; ++i) {
        QVERIFY(!out[i].success);
        QVERIFY2(out[i].error.message.contains(u"first server"_s), qPrintable(out[i].error.message));
        QCOMPARE(engine.current(i), 1); // never switched
        QCOMPARE(engine.read(i, u"opt/gantry/shop/shared/shop.env"_s), QByteArray("GREETING=1.0.0\n"));
        QVERIFY(!QFile::exists(engine.path(i, u"opt/gantry/shop/.gantry/lock"_s)));
    }
}

void TestDeployEngine::batchLimit()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(4);
    engine.m_healthDelay = std::chrono::milliseconds(300);
    const QList<HostOutcome> out = engine.deploy(engine.request(u"1.0.0"_s, 2));
    for (const HostOutcome &o : out)
        QVERIFY2(o.success, qPrintable(o.error.toString()));
    const auto &calls = engine.m_healthCalls;
    const auto firstEnd = std::ranges::find_if(calls, [](const auto &c) { return c.host == 0; })->end;
    int most = 0;
    for (const auto &c : calls) {
        if (c.host != 0)
            QVERIFY2(c.start >= firstEnd, "a server switched before the first one was healthy");
        const int together = int(
            std::ranges::count_if(calls, [&](const auto &o) { return o.start < c.end && c.start < o.end; }));
        most = std::max(most, together);
    }
    QCOMPARE(most, 2);
}

void TestDeployEngine::lostConnectionAtEachStep_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<bool>("switched");
    QTest::newRow("connect") << 1 << false;
    QTest::newRow("lock and probe") << 2 << false;
    QTest::newRow("upload") << 3 << false;
    QTest::newRow("prepare and switch") << 4 << false;
    QTest::newRow("health") << 5 << true;
    QTest::newRow("record") << 6 << true;
}

void TestDeployEngine::lostConnectionAtEachStep()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    QFETCH(int, call);
    QFETCH(bool, switched);
    Engine engine(1);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    engine.m_failAt[0] = call;
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QCOMPARE(out.size(), 1);
    if (!switched) {
        QVERIFY(!out[0].success);
        QCOMPARE(out[0].error.kind, ErrorKind::ConnectionLost);
        QCOMPARE(engine.current(0), 1); // the running release is untouched
        QCOMPARE(engine.read(0, u"opt/gantry/shop/shared/shop.env"_s), QByteArray("GREETING=1.0.0\n"));
    } else {
        // Lost after the switch: either health never answered and release 1 serves again, or
        // release 2 serves and only the record is missing; never a server without a release.
        QVERIFY(engine.current(0) == 1 || engine.current(0) == 2);
        QCOMPARE(out[0].success, false);
    }
    // The lock is let go on a new connection.
    QVERIFY(!QFile::exists(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s)));
}

void TestDeployEngine::staleLockIsTakenOver()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(1);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    // A Gantry of this machine that is gone (its pid exited) left the lock behind.
    QDir().mkpath(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s));
    QFile info(engine.path(0, u"opt/gantry/shop/.gantry/lock/info"_s));
    QVERIFY(info.open(QIODevice::WriteOnly));
    info.write(
        u"{\"time\":\"2026-01-01T00:00:00Z\",\"who\":\"old\",\"host\":\"%1\",\"pid\":%2,\"version\":\"0.9\"}\n"_s
            .arg(QSysInfo::machineHostName())
            .arg(999999)
            .toUtf8());
    info.close();
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QVERIFY2(out[0].success, qPrintable(out[0].error.toString()));
    QCOMPARE(engine.current(0), 2);
}

void TestDeployEngine::liveLockIsRefused()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(1);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    QDir().mkpath(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s));
    QFile info(engine.path(0, u"opt/gantry/shop/.gantry/lock/info"_s));
    QVERIFY(info.open(QIODevice::WriteOnly));
    info.write("{\"time\":\"2026-01-01T00:00:00Z\",\"who\":\"ana\",\"host\":\"elsewhere\",\"pid\":42,"
               "\"version\":\"3.0\"}\n");
    info.close();
    const QList<HostOutcome> out = engine.deploy(engine.request(u"2.0.0"_s));
    QVERIFY(!out[0].success);
    QCOMPARE(out[0].error.kind, ErrorKind::LockHeld);
    QVERIFY(out[0].error.where.contains(u"ana"_s));
    QCOMPARE(engine.current(0), 1);
    QVERIFY(QFile::exists(engine.path(0, u"opt/gantry/shop/.gantry/lock"_s))); // ana's lock stays
}

void TestDeployEngine::rollbackAndStatusTrips()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(1);
    QVERIFY(engine.deploy(engine.request(u"1.0.0"_s)).value(0).success);
    QVERIFY(engine.deploy(engine.request(u"2.0.0"_s)).value(0).success);
    const ServerRecord server = Engine::server(0);
    const DeploySettings settings = DeploySettings::defaults(u"shop"_s);
    SandboxShell shell(server, engine.path(0, QString()).chopped(1));
    QVERIFY(shell.connect());
    const auto back = ServiceOps::rollback(shell, u"shop"_s, 0, settings, u"test"_s, false);
    QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
    QCOMPARE(*back, 1);
    QCOMPARE(engine.current(0), 1);
    // connect; lock, manager and releases; switch, restart, mark bad; health; unlock
    QCOMPARE(shell.serverCalls(), 5);
    SandboxShell second(server, engine.path(0, QString()).chopped(1));
    QVERIFY(second.connect());
    const auto status = ServiceOps::status(second, u"shop"_s, settings);
    QVERIFY2(status, status ? "" : qPrintable(status.error().toString()));
    QCOMPARE(status->currentRelease, 1);
    QCOMPARE(status->activeState, u"active"_s);
    QCOMPARE(status->manager, u"systemd"_s);
    QCOMPARE(status->healthStatus, 200);
    QCOMPARE(second.serverCalls(), 3); // connect; status and releases; health
}

void TestDeployEngine::neitherManagerChangesNothing()
{
    GANTRY_LINUX_ONLY("the sandbox runs the server scripts with /bin/sh");
    Engine engine(1, u"none"_s);
    const QList<HostOutcome> out = engine.deploy(engine.request(u"1.0.0"_s));
    QVERIFY(!out[0].success);
    QVERIFY2(
        out[0].error.message.contains(u"neither systemd nor supervisor"_s), qPrintable(out[0].error.message));
    QVERIFY2(out[0].error.hint.contains(u"apt-get install supervisor"_s), qPrintable(out[0].error.hint));
    QVERIFY(!QFile::exists(engine.path(0, u"opt/gantry/shop"_s)));
}

QTEST_GUILESS_MAIN(TestDeployEngine)
#include "tst_deployengine.moc"
