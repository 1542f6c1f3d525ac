#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "widgets/health/servicestatusmodel.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

namespace {

UnitSnapshot unitSnapshot(const QString &app, const QString &state = u"active"_s, int latency = 12)
{
    UnitSnapshot u;
    u.project = app;
    u.app = app;
    u.unit = u"gantry-%1.service"_s.arg(app);
    u.loadState = u"loaded"_s;
    u.activeState = state;
    u.subState = state == u"active"_s ? u"running"_s : u"dead"_s;
    u.restarts = 1;
    u.uptimeMSec = 3'723'000;
    u.cpuPercent = 2.5;
    u.memoryBytes = 12 * 1024 * 1024;
    u.release = 3;
    u.version = u"1.2.0"_s;
    u.healthProbed = state == u"active"_s;
    u.healthStatus = u.healthProbed ? 200 : 0;
    u.healthLatencyMs = u.healthProbed ? latency : -1;
    return u;
}

HostSnapshot online(const QString &server, const QList<UnitSnapshot> &units)
{
    HostSnapshot s;
    s.server = server;
    s.state = HostState::Online;
    s.time = QDateTime::currentDateTimeUtc();
    s.units = units;
    return s;
}

HostSnapshot unreachable(const QString &server, const QString &why)
{
    HostSnapshot s;
    s.server = server;
    s.state = HostState::Unreachable;
    s.time = QDateTime::currentDateTimeUtc();
    s.problem.message = why;
    return s;
}

QString text(const ServiceStatusModel &m, int row, int column, int role = Qt::DisplayRole)
{
    return m.data(m.index(row, column), role).toString();
}

} // namespace

class tst_ServiceStatusModel : public QObject {
    Q_OBJECT

private slots:
    void rowsPerServerAndUnit();
    void updatesInPlaceWithOneDataChanged();
    void unitsAppearAndDisappear();
    void unreachableHost();
    void latencyHistoryIsBounded();
    void hundredUnitsOnFiveHostsUpdateQuickly();
};

void tst_ServiceStatusModel::rowsPerServerAndUnit()
{
    ServiceStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(online(u"web2"_s, { unitSnapshot(u"shop"_s) }));
    model.applySnapshot(online(u"web1"_s, { unitSnapshot(u"shop"_s), unitSnapshot(u"blog"_s, u"failed"_s) }));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ServiceStatusModel::ColumnCount));
    // Sorted by server, then unit.
    QCOMPARE(text(model, 0, ServiceStatusModel::ServerColumn), u"web1"_s);
    QCOMPARE(text(model, 0, ServiceStatusModel::ServiceColumn), u"blog"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::ServiceColumn), u"shop"_s);
    QCOMPARE(text(model, 2, ServiceStatusModel::ServerColumn), u"web2"_s);
    QCOMPARE(text(model, 0, ServiceStatusModel::StateColumn), u"failed"_s);
    QCOMPARE(model.data(model.index(0, 0), ServiceStatusModel::StateColorRole).value<QColor>(),
        ServiceStatusModel::stateColor(u"failed"_s));
    QVERIFY(ServiceStatusModel::stateColor(u"failed"_s) != ServiceStatusModel::stateColor(u"active"_s));
    QCOMPARE(text(model, 1, ServiceStatusModel::StateColumn), u"active"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::VersionColumn), u"1.2.0"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::UptimeColumn), u"1 h 2 min"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::RestartsColumn), u"1"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::CpuColumn), u"2.5 %"_s);
    QVERIFY(text(model, 1, ServiceStatusModel::MemoryColumn).contains(u"12"_s));
    QCOMPARE(text(model, 1, ServiceStatusModel::HealthColumn), u"200 · 12 ms"_s);
    QCOMPARE(text(model, 0, ServiceStatusModel::HealthColumn), u"-"_s);
    QCOMPARE(model.rowOf(u"web2"_s, u"gantry-shop.service"_s), 2);
    QCOMPARE(model.rowOf(u"web3"_s, u"gantry-shop.service"_s), -1);
}

void tst_ServiceStatusModel::updatesInPlaceWithOneDataChanged()
{
    ServiceStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(
        online(u"web1"_s, { unitSnapshot(u"a"_s), unitSnapshot(u"b"_s), unitSnapshot(u"c"_s) }));
    model.applySnapshot(online(u"web2"_s, { unitSnapshot(u"a"_s) }));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    auto b = unitSnapshot(u"b"_s, u"failed"_s);
    b.restarts = 4;
    model.applySnapshot(online(u"web1"_s, { unitSnapshot(u"a"_s), b, unitSnapshot(u"c"_s) }));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), 2); // web1's rows only, not web2's
    QCOMPARE(changed[0][1].toModelIndex().column(), ServiceStatusModel::ColumnCount - 1);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(text(model, 1, ServiceStatusModel::StateColumn), u"failed"_s);
    QCOMPARE(text(model, 1, ServiceStatusModel::RestartsColumn), u"4"_s);
}

void tst_ServiceStatusModel::unitsAppearAndDisappear()
{
    ServiceStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshot(online(u"web1"_s, { unitSnapshot(u"a"_s), unitSnapshot(u"c"_s) }));
    model.applySnapshot(online(u"web2"_s, { unitSnapshot(u"z"_s) }));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.applySnapshot(
        online(u"web1"_s, { unitSnapshot(u"b"_s), unitSnapshot(u"c"_s), unitSnapshot(u"d"_s) }));
    QCOMPARE(removed.size(), 1); // a
    QCOMPARE(inserted.size(), 2); // b, d
    QStringList services;
    for (int row = 0; row < model.rowCount(); ++row)
        services << text(model, row, ServiceStatusModel::ServerColumn) + u'/' +
                text(model, row, ServiceStatusModel::ServiceColumn);
    QCOMPARE(services, (QStringList { u"web1/b"_s, u"web1/c"_s, u"web1/d"_s, u"web2/z"_s }));
    // The history of a unit that stays is kept; a new unit starts with its first sample.
    QCOMPARE(model.samples(1).size(), 2);
    QCOMPARE(model.samples(0).size(), 1);
    model.applySnapshot(online(u"web1"_s, {}));
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ServiceStatusModel::unreachableHost()
{
    ServiceStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Never seen online: one row for the server itself.
    model.applySnapshot(unreachable(u"db1"_s, u"Connection refused by 10.0.0.9:22."_s));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, ServiceStatusModel::StateColumn), u"unreachable"_s);
    QVERIFY(model.isUnreachable(0));
    QVERIFY(text(model, 0, ServiceStatusModel::StateColumn, Qt::ToolTipRole)
                .contains(u"Connection refused by 10.0.0.9:22."_s));
    QCOMPARE(model.data(model.index(0, 0), ServiceStatusModel::StateRole).toString(), u"unreachable"_s);
    // Online: the server row gives way to its units.
    model.applySnapshot(online(u"db1"_s, { unitSnapshot(u"pg"_s), unitSnapshot(u"api"_s) }));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.isUnreachable(0));
    // Unreachable again: the units stay, each marked, with the reason.
    model.applySnapshot(unreachable(u"db1"_s, u"Timed out."_s));
    QCOMPARE(model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(text(model, row, ServiceStatusModel::StateColumn), u"unreachable"_s);
        QCOMPARE(model.unreachableReason(row), u"Timed out."_s);
        QCOMPARE(text(model, row, ServiceStatusModel::HealthColumn), u"-"_s);
    }
    QCOMPARE(text(model, 0, ServiceStatusModel::VersionColumn), u"1.2.0"_s); // last known
}

void tst_ServiceStatusModel::latencyHistoryIsBounded()
{
    ServiceStatusModel model;
    for (int i = 0; i < ServiceStatusModel::HistoryPoints + 30; ++i)
        model.applySnapshot(online(u"web1"_s, { unitSnapshot(u"a"_s, u"active"_s, i) }));
    const auto history =
        model.data(model.index(0, 0), ServiceStatusModel::LatencyHistoryRole).value<QList<int>>();
    QCOMPARE(history.size(), ServiceStatusModel::SparklinePoints);
    QCOMPARE(history.last(), ServiceStatusModel::HistoryPoints + 29);
    QCOMPARE(model.samples(0).size(), ServiceStatusModel::HistoryPoints);
    QCOMPARE(model.samples(0).first().latencyMs, 30);
}

void tst_ServiceStatusModel::hundredUnitsOnFiveHostsUpdateQuickly()
{
    ServiceStatusModel model;
    QList<HostSnapshot> snapshots;
    for (int host = 0; host < 5; ++host) {
        QList<UnitSnapshot> units;
        for (int unit = 0; unit < 20; ++unit)
            units << unitSnapshot(u"svc%1"_s.arg(unit, 2, 10, QChar(u'0')));
        snapshots << online(u"host%1"_s.arg(host), units);
    }
    for (const HostSnapshot &s : snapshots)
        model.applySnapshot(s);
    QCOMPARE(model.rowCount(), 100);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QElapsedTimer clock;
    clock.start();
    constexpr int Rounds = 100;
    for (int round = 0; round < Rounds; ++round)
        for (const HostSnapshot &s : snapshots)
            model.applySnapshot(s);
    const double perRound = double(clock.nsecsElapsed()) / 1e6 / Rounds;
    qInfo("one refresh of 100 services on 5 hosts: %.3f ms", perRound);
    QCOMPARE(changed.size(), 5 * Rounds); // one dataChanged per host snapshot
    QVERIFY2(perRound < 5.0, qPrintable(u"%1 ms per refresh"_s.arg(perRound)));
}

QTEST_MAIN(tst_ServiceStatusModel)
#include "tst_servicestatusmodel.moc"
