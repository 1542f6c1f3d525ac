#include <QTest>

#include "core/monitor/cpumeter.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::CpuMeter;
using Gantry::CpuSample;
using Gantry::UnitStatus;
using Gantry::UnitStatusReport;

namespace {

constexpr qint64 Second = 1000000000; // in nanoseconds
constexpr qint64 T0 = 1704207845 * Second;
constexpr double None = -1;

UnitStatus runningUnit(const QString &app, std::optional<quint64> cpuNSec)
{
    UnitStatus unit;
    unit.id = u"gantry-"_s + app + u".service"_s;
    unit.app = app;
    unit.loadState = u"loaded"_s;
    unit.activeState = u"active"_s;
    unit.subState = u"running"_s;
    unit.mainPid = 812;
    unit.nRestarts = 0;
    unit.startedMonotonicUSec = 400000000;
    unit.startedAt = QDateTime::fromSecsSinceEpoch(1704207845 - 600, Qt::UTC);
    unit.cpuNSec = cpuNSec;
    return unit;
}

CpuSample sample(qint64 cpuNSec, qint64 timeNSec, qint64 uptimeMSec)
{
    return CpuSample { runningUnit(u"shop"_s, cpuNSec < 0 ? std::nullopt : std::optional<quint64>(cpuNSec)),
        timeNSec, uptimeMSec };
}

UnitStatusReport report(qint64 timeNSec, qint64 uptimeMSec, const QList<UnitStatus> &units)
{
    return UnitStatusReport { units, timeNSec, uptimeMSec };
}

double orNone(const std::optional<double> &value)
{
    return value.value_or(None);
}

} // namespace

class TestCpuMeter final : public QObject {
    Q_OBJECT

private slots:
    void cpuPercent_data();
    void cpuPercent();
    void restarts_data();
    void restarts();
    void uptime_data();
    void uptime();
    void updateRemembersPerUnit();
    void updateForgetsGoneUnits();
    void resetStartsOver();
};

void TestCpuMeter::cpuPercent_data()
{
    QTest::addColumn<qint64>("cpuBefore"); // -1: no CPU accounting
    QTest::addColumn<qint64>("timeBefore");
    QTest::addColumn<qint64>("upBefore"); // ms; -1: unknown
    QTest::addColumn<qint64>("cpuNow");
    QTest::addColumn<qint64>("timeNow");
    QTest::addColumn<qint64>("upNow");
    QTest::addColumn<double>("expected"); // -1: none

    const qint64 up = 4000000;
    QTest::newRow("half a core") << Second << T0 << up << 2 * Second << T0 + 2 * Second << up + 2000 << 50.0;
    QTest::newRow("one core") << 0ll << T0 << up << Second << T0 + Second << up + 1000 << 100.0;
    QTest::newRow("two and a half cores")
        << 0ll << T0 << up << 5 * Second << T0 + 2 * Second << up + 2000 << 250.0;
    QTest::newRow("idle") << Second << T0 << up << Second << T0 + 5 * Second << up + 5000 << 0.0;
    QTest::newRow("one nanosecond") << 0ll << T0 << up << 1ll << T0 + Second << up + 1000 << 1e-7;
    QTest::newRow("uneven interval") << 0ll << T0 << up << 300000000ll << T0 + 3 * Second / 2 << up + 1500
                                     << 20.0;
    QTest::newRow("counter went down")
        << 5 * Second << T0 << up << Second << T0 + Second << up + 1000 << None;
    QTest::newRow("no accounting before") << -1ll << T0 << up << Second << T0 + Second << up + 1000 << None;
    QTest::newRow("no accounting now") << Second << T0 << up << -1ll << T0 + Second << up + 1000 << None;
    QTest::newRow("no accounting") << -1ll << T0 << up << -1ll << T0 + Second << up + 1000 << None;
    QTest::newRow("same server time") << 0ll << T0 << up << Second << T0 << up << None;
    QTest::newRow("time went back") << 0ll << T0 << up << Second << T0 - Second << up + 1000 << None;
    QTest::newRow("time unknown before") << 0ll << 0ll << up << Second << T0 << up + 1000 << None;
    QTest::newRow("time unknown now") << 0ll << T0 << up << Second << 0ll << up + 1000 << None;
    QTest::newRow("clock set forward an hour")
        << 0ll << T0 << up << Second << T0 + 3602 * Second << up + 2000 << None;
    QTest::newRow("clock set back within the interval")
        << 0ll << T0 << up << Second << T0 + Second / 2 << up + 2000 << None;
    QTest::newRow("clocks 200 ms apart is jitter")
        << 0ll << T0 << up << Second << T0 + 2 * Second << up + 1800 << 50.0;
    QTest::newRow("uptime unknown before") << 0ll << T0 << -1ll << Second << T0 + 2 * Second << up << 50.0;
    QTest::newRow("uptime unknown now") << 0ll << T0 << up << Second << T0 + 2 * Second << -1ll << 50.0;
}

void TestCpuMeter::cpuPercent()
{
    QFETCH(qint64, cpuBefore);
    QFETCH(qint64, timeBefore);
    QFETCH(qint64, upBefore);
    QFETCH(qint64, cpuNow);
    QFETCH(qint64, timeNow);
    QFETCH(qint64, upNow);
    QFETCH(double, expected);
    const double percent =
        orNone(CpuMeter::cpuPercent(sample(cpuBefore, timeBefore, upBefore), sample(cpuNow, timeNow, upNow)));
    QVERIFY2(qAbs(percent - expected) < 1e-9, qPrintable(QString::number(percent)));
}

void TestCpuMeter::restarts_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("restarted");
    QTest::newRow("nothing") << QString() << false;
    QTest::newRow("main process") << u"pid"_s << true;
    QTest::newRow("start time") << u"start"_s << true;
    QTest::newRow("restart count") << u"restarts"_s << true;
    QTest::newRow("counter down") << u"counter"_s << true;
    QTest::newRow("memory only") << u"memory"_s << false;
    QTest::newRow("wall start time only") << u"wall"_s << false;
}

void TestCpuMeter::restarts()
{
    QFETCH(QString, change);
    QFETCH(bool, restarted);
    const CpuSample before = sample(2 * Second, T0, 4000000);
    CpuSample now = sample(3 * Second, T0 + 2 * Second, 4002000);
    if (change == u"pid")
        now.unit.mainPid = 813;
    else if (change == u"start")
        now.unit.startedMonotonicUSec += 1500000;
    else if (change == u"restarts")
        now.unit.nRestarts = 1;
    else if (change == u"counter")
        now.unit.cpuNSec = Second;
    else if (change == u"memory")
        now.unit.memoryBytes = 1024;
    else if (change == u"wall")
        now.unit.startedAt = now.unit.startedAt.addSecs(-1); // NTP stepped: systemd shifts realtime stamps
    QCOMPARE(CpuMeter::restartedBetween(before, now), restarted);
    QCOMPARE(CpuMeter::cpuPercent(before, now).has_value(), !restarted);
}

void TestCpuMeter::uptime_data()
{
    QTest::addColumn<QString>("activeState");
    QTest::addColumn<qint64>("startedAtSecs"); // -1: unknown
    QTest::addColumn<qint64>("startedMonoUSec"); // 0: unknown
    QTest::addColumn<qint64>("serverTimeNSec"); // 0: unknown
    QTest::addColumn<qint64>("uptimeMSec"); // -1: unknown
    QTest::addColumn<qint64>("expected"); // -1: none

    const qint64 start = 1704207845 - 90;
    QTest::newRow("active, from the wall clock") << u"active"_s << start << 1ll << T0 << 5000ll << 90000ll;
    QTest::newRow("reloading") << u"reloading"_s << start << 0ll << T0 << -1ll << 90000ll;
    QTest::newRow("started this second") << u"active"_s << 1704207845ll << 0ll << T0 << -1ll << 0ll;
    QTest::newRow("inactive") << u"inactive"_s << start << 1ll << T0 << 5000ll << -1ll;
    QTest::newRow("failed") << u"failed"_s << start << 1ll << T0 << 5000ll << -1ll;
    QTest::newRow("activating") << u"activating"_s << start << 1ll << T0 << 5000ll << -1ll;
    QTest::newRow("deactivating") << u"deactivating"_s << start << 1ll << T0 << 5000ll << -1ll;
    QTest::newRow("no wall start, monotonic")
        << u"active"_s << -1ll << 400000000ll << T0 << 4000500ll << 3600500ll;
    QTest::newRow("no server time, monotonic")
        << u"active"_s << start << 400000000ll << 0ll << 4000500ll << 3600500ll;
    QTest::newRow("clock set back before start, monotonic")
        << u"active"_s << 1704207845ll + 3600 << 400000000ll << T0 << 4000500ll << 3600500ll;
    QTest::newRow("clock set back, no uptime")
        << u"active"_s << 1704207845ll + 3600 << 400000000ll << T0 << -1ll << -1ll;
    QTest::newRow("monotonic beyond uptime")
        << u"active"_s << -1ll << 9000000000ll << T0 << 4000500ll << -1ll;
    QTest::newRow("nothing known") << u"active"_s << -1ll << 0ll << 0ll << -1ll << -1ll;
}

void TestCpuMeter::uptime()
{
    QFETCH(QString, activeState);
    QFETCH(qint64, startedAtSecs);
    QFETCH(qint64, startedMonoUSec);
    QFETCH(qint64, serverTimeNSec);
    QFETCH(qint64, uptimeMSec);
    UnitStatus unit = runningUnit(u"shop"_s, 0);
    unit.activeState = activeState;
    unit.startedAt = startedAtSecs < 0 ? QDateTime() : QDateTime::fromSecsSinceEpoch(startedAtSecs, Qt::UTC);
    unit.startedMonotonicUSec = startedMonoUSec;
    QTEST(CpuMeter::uptimeMSec(unit, report(serverTimeNSec, uptimeMSec, { unit })).value_or(-1), "expected");
}

void TestCpuMeter::updateRemembersPerUnit()
{
    CpuMeter meter;
    const UnitStatus shop = runningUnit(u"shop"_s, Second);
    const UnitStatus api = runningUnit(u"api"_s, std::nullopt);
    const auto first = meter.update(report(T0, 4000000, { api, shop }));
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).id, u"gantry-api.service"_s);
    QVERIFY(!first.at(0).cpuPercent && !first.at(1).cpuPercent);
    QCOMPARE(first.at(1).uptimeMSec.value_or(-1), 600000);

    UnitStatus shopLater = runningUnit(u"shop"_s, 2 * Second);
    const auto second = meter.update(report(T0 + 4 * Second, 4004000, { api, shopLater }));
    QVERIFY(!second.at(0).cpuPercent);
    QCOMPARE(second.at(1).cpuPercent.value_or(None), 25.0);
    QCOMPARE(second.at(1).uptimeMSec.value_or(-1), 604000);

    shopLater.mainPid = 900; // restarted
    shopLater.cpuNSec = 3 * Second;
    QVERIFY(!meter.update(report(T0 + 6 * Second, 4006000, { shopLater })).at(0).cpuPercent);
    shopLater.cpuNSec = 4 * Second;
    QCOMPARE(
        meter.update(report(T0 + 8 * Second, 4008000, { shopLater })).at(0).cpuPercent.value_or(None), 50.0);
}

void TestCpuMeter::updateForgetsGoneUnits()
{
    CpuMeter meter;
    meter.update(report(T0, 4000000, { runningUnit(u"shop"_s, Second) }));
    QVERIFY(meter.update(report(T0 + Second, 4001000, {})).isEmpty());
    const auto back = meter.update(report(T0 + 2 * Second, 4002000, { runningUnit(u"shop"_s, 2 * Second) }));
    QVERIFY(!back.at(0).cpuPercent);
}

void TestCpuMeter::resetStartsOver()
{
    CpuMeter meter;
    meter.update(report(T0, 4000000, { runningUnit(u"shop"_s, Second) }));
    meter.reset();
    QVERIFY(
        !meter.update(report(T0 + Second, 4001000, { runningUnit(u"shop"_s, 2 * Second) })).at(0).cpuPercent);
}

QTEST_GUILESS_MAIN(TestCpuMeter)
#include "tst_cpumeter.moc"
