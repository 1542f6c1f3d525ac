#include <QAbstractItemModelTester>
#include <QTest>

#include "core/testsupport.h"
#include "widgets/profiles/envdiffmodel.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_EnvDiffModel : public QObject {
    Q_OBJECT

private slots:
    void isSound();
    void cells_data();
    void cells();
    void revealOnDemand();
};

namespace {

QList<EnvVariable> vars(const QString &spec)
{
    return Gantry::Test::envVariables(spec);
}

QString row(const EnvDiffModel &model, int r)
{
    QStringList cells;
    for (int c = 0; c < EnvDiffModel::ColumnCount; ++c)
        cells << model.index(r, c).data().toString();
    return cells.join(u'|');
}

} // namespace

void tst_EnvDiffModel::isSound()
{
    EnvDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChanges(EnvDiff::compute(vars(u"A=1 B=2"_s), vars(u"A=2 *S=x"_s), EnvDiff::Secrets::Shown));
    QCOMPARE(model.rowCount(), 3);
    model.toggleRevealed(1);
    model.toggleRevealed(7); // out of range: nothing
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_EnvDiffModel::cells_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("never deployed") << u""_s << u"PORT=8080 *TOKEN=t0p"_s
                                    << QStringList { u"PORT|added|(not set)|8080|"_s,
                                           u"TOKEN|added|(not set)|****|Reveal"_s };
    QTest::newRow("all unchanged") << u"PORT=8080 TOKEN=t0p"_s << u"PORT=8080 *TOKEN=t0p"_s
                                   << QStringList { u"PORT|unchanged|8080|8080|"_s,
                                          u"TOKEN|unchanged|****|****|Reveal"_s };
    QTest::newRow("changed and removed")
        << u"PORT=8080 OLD=x"_s << u"PORT=9090"_s
        << QStringList { u"PORT|changed|8080|9090|"_s, u"OLD|removed|****|(not set)|Reveal"_s };
}

void tst_EnvDiffModel::cells()
{
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QStringList, rows);
    EnvDiffModel model;
    model.setChanges(EnvDiff::compute(vars(current), vars(next), EnvDiff::Secrets::Shown));
    QStringList got;
    for (int r = 0; r < model.rowCount(); ++r)
        got << row(model, r);
    QCOMPARE(got, rows);
}

void tst_EnvDiffModel::revealOnDemand()
{
    EnvDiffModel model;
    model.setChanges(EnvDiff::compute(vars(u"TOKEN=old"_s), vars(u"*TOKEN=new"_s), EnvDiff::Secrets::Shown));
    QCOMPARE(row(model, 0), u"TOKEN|changed|****|****|Reveal"_s);
    QVERIFY(model.isMasked(0));
    model.toggleRevealed(0);
    QCOMPARE(row(model, 0), u"TOKEN|changed|old|new|Hide"_s);
    model.toggleRevealed(0);
    QCOMPARE(row(model, 0), u"TOKEN|changed|****|****|Reveal"_s);
    model.toggleRevealed(0);
    model.setChanges(model.rowCount() ? QList<EnvChange> { model.changeAt(0) } : QList<EnvChange> {});
    QVERIFY(model.isMasked(0)); // a new comparison hides every value again
    QCOMPARE(model.rowOf(u"TOKEN"_s), 0);
    QCOMPARE(model.index(0, EnvDiffModel::ChangeColumn).data(EnvDiffModel::KindRole).toInt(),
        int(EnvChange::Kind::Changed));
}

QTEST_MAIN(tst_EnvDiffModel)
#include "tst_envdiffmodel.moc"
