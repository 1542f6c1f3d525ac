#include <QTest>

#include "core/monitor/alertengine.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::AlertEngine;
using Gantry::HostSnapshot;
using Gantry::HostState;
using Gantry::UnitSnapshot;

namespace {

// One refresh of one unit, written "state restarts health": "active 0 200", "failed 0 -",
// "active 2 503"; "down" for an unreachable server. Health "-" is not probed; "x" is no answer.
HostSnapshot snapshot(const QString &step)
{
    HostSnapshot s;
    s.server = u"web1"_s;
    s.time = QDateTime::fromSecsSinceEpoch(1717236000, Qt::UTC);
    if (step == u"down"_s) {
        s.state = HostState::Unreachable;
        s.problem.message = u"Connection refused."_s;
        return s;
    }
    s.state = HostState::Online;
    const QStringList words = step.split(u' ');
    UnitSnapshot u;
    u.app = u"shop"_s;
    u.unit = u"gantry-shop.service"_s;
    u.project = u"shop"_s;
    u.activeState = words.at(0);
    u.restarts = words.at(1).toInt();
    u.healthProbed = words.at(2) != u"-"_s;
    u.healthStatus = words.at(2) == u"x"_s ? 0 : words.at(2).toInt();
    if (!u.healthy())
        u.healthError = u"HTTP 503 from /healthz"_s;
    s.units << u;
    return s;
}

} // namespace

class TestAlertEngine final : public QObject {
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void eventsCarryServerUnitAndProject();
    void vanishedUnitIsForgotten();
    void eventListIsBounded();
};

void TestAlertEngine::transitions_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("expected"); // "<step index>:<kind>", in order

    QTest::newRow("steady: nothing") << QStringList { u"active 0 200"_s, u"active 0 200"_s,
        u"active 0 200"_s } << QStringList {};
    QTest::newRow("active -> failed, once, then recovered") << QStringList {
        u"active 0 200"_s, u"failed 0 -"_s, u"failed 0 -"_s, u"failed 0 -"_s, u"active 0 200"_s
    } << QStringList { u"1:failed"_s, u"4:recovered"_s };
    QTest::newRow("first seen failed")
        << QStringList { u"failed 0 -"_s, u"failed 0 -"_s } << QStringList { u"0:failed"_s };
    QTest::newRow("failed, restarting, failed again: one alert") << QStringList { u"active 0 200"_s,
        u"failed 0 -"_s, u"activating 0 -"_s, u"failed 0 -"_s } << QStringList { u"1:failed"_s };
    QTest::newRow("restart counted: flapping once") << QStringList { u"active 0 200"_s, u"active 1 200"_s,
        u"active 2 200"_s, u"active 3 200"_s } << QStringList { u"1:flapping"_s };
    QTest::newRow("flapping ends after quiet refreshes") << QStringList { u"active 0 200"_s,
        u"active 1 200"_s, u"active 1 200"_s, u"active 1 200"_s, u"active 1 200"_s,
        u"active 2 200"_s } << QStringList { u"1:flapping"_s, u"4:stable"_s, u"5:flapping"_s };
    QTest::newRow("restart count reset by hand: no alert")
        << QStringList { u"active 4 200"_s, u"active 0 200"_s } << QStringList {};
    QTest::newRow("health fails 3 in a row: once") << QStringList { u"active 0 200"_s, u"active 0 503"_s,
        u"active 0 503"_s, u"active 0 503"_s, u"active 0 503"_s, u"active 0 503"_s }
                                                   << QStringList { u"3:health-failing"_s };
    QTest::newRow("health fails twice, passes: nothing") << QStringList { u"active 0 503"_s, u"active 0 x"_s,
        u"active 0 200"_s, u"active 0 503"_s } << QStringList {};
    QTest::newRow("health recovers") << QStringList { u"active 0 x"_s, u"active 0 x"_s, u"active 0 x"_s,
        u"active 0 200"_s } << QStringList { u"2:health-failing"_s, u"3:health-ok"_s };
    QTest::newRow("not probed while stopped: the count waits")
        << QStringList { u"active 0 503"_s, u"active 0 503"_s, u"inactive 0 -"_s, u"active 0 503"_s }
        << QStringList { u"3:health-failing"_s };
    QTest::newRow("unreachable once, reachable again") << QStringList { u"active 0 200"_s, u"down"_s,
        u"down"_s, u"down"_s, u"active 0 200"_s } << QStringList { u"1:unreachable"_s, u"4:reachable"_s };
    QTest::newRow("first seen unreachable")
        << QStringList { u"down"_s, u"down"_s } << QStringList { u"0:unreachable"_s };
    QTest::newRow("unreachable keeps the unit's failure") << QStringList { u"failed 0 -"_s, u"down"_s,
        u"failed 0 -"_s } << QStringList { u"0:failed"_s, u"1:unreachable"_s, u"2:reachable"_s };
}

void TestAlertEngine::transitions()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);
    AlertEngine engine(AlertEngine::Options { 3, 3, 1000 });
    QStringList got;
    for (qsizetype i = 0; i < steps.size(); ++i)
        for (const Gantry::EventRecord &e : engine.feed(snapshot(steps.at(i))))
            got << u"%1:%2"_s.arg(i).arg(e.kind);
    QCOMPARE(got, expected);
    QCOMPARE(engine.events().size(), expected.size());
}

void TestAlertEngine::eventsCarryServerUnitAndProject()
{
    AlertEngine engine;
    engine.feed(snapshot(u"active 0 200"_s));
    const QList<Gantry::EventRecord> events = engine.feed(snapshot(u"failed 0 -"_s));
    QCOMPARE(events.size(), 1);
    const Gantry::EventRecord &e = events.first();
    QCOMPARE(e.server, u"web1"_s);
    QCOMPARE(e.unit, u"gantry-shop.service"_s);
    QCOMPARE(e.project, u"shop"_s);
    QVERIFY(!e.recovery);
    QVERIFY2(e.message.contains(u"from active to failed"_s), qPrintable(e.message));
    QCOMPARE(e.time, QDateTime::fromSecsSinceEpoch(1717236000, Qt::UTC));
    QVERIFY(engine.feed(snapshot(u"active 0 200"_s)).first().recovery);
}

void TestAlertEngine::vanishedUnitIsForgotten()
{
    AlertEngine engine;
    engine.feed(snapshot(u"failed 0 -"_s));
    HostSnapshot empty = snapshot(u"active 0 200"_s);
    empty.units.clear();
    QVERIFY(engine.feed(empty).isEmpty());
    QCOMPARE(engine.feed(snapshot(u"failed 0 -"_s)).size(), 1); // installed again, failing again
}

void TestAlertEngine::eventListIsBounded()
{
    AlertEngine engine(AlertEngine::Options { 3, 12, 5 });
    for (int i = 0; i < 10; ++i) {
        engine.feed(snapshot(u"down"_s));
        engine.feed(snapshot(u"active 0 200"_s));
    }
    QCOMPARE(engine.events().size(), 5);
    QCOMPARE(engine.events().last().kind, u"reachable"_s);
}

QTEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alertengine.moc"
