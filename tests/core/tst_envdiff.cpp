#include <QTest>

#include "core/deploy/envdiff.h"
#include "core/testsupport.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::EnvChange;
using Gantry::EnvDiff;
using Gantry::EnvVariable;

class TestEnvDiff : public QObject {
    Q_OBJECT
private slots:
    void table_data();
    void table();
    void secretsNeverShown();
    void shownForAViewThatMasks_data();
    void shownForAViewThatMasks();
    void format();
};

namespace {

QList<EnvVariable> vars(const QString &spec)
{
    return Gantry::Test::envVariables(spec);
}

QString summary(const QList<EnvChange> &changes)
{
    QStringList out;
    for (const EnvChange &c : changes)
        out << u"%1:%2:%3>%4"_s.arg(EnvDiff::kindName(c.kind), c.name, c.before, c.after);
    return out.join(u' ');
}

} // namespace

void TestEnvDiff::table_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first deploy") << u""_s << u"A=1"_s << u"added:A:>1"_s;
    QTest::newRow("unchanged") << u"A=1"_s << u"A=1"_s << u"unchanged:A:1>1"_s;
    QTest::newRow("changed") << u"A=1"_s << u"A=2"_s << u"changed:A:1>2"_s;
    QTest::newRow("removed, value hidden")
        << u"A=1 B=2"_s << u"A=1"_s << u"unchanged:A:1>1 removed:B:****>"_s;
    QTest::newRow("changed secret") << u"S=old"_s << u"*S=new"_s << u"changed:S:****>****"_s;
    QTest::newRow("same secret") << u"S=same"_s << u"*S=same"_s << u"unchanged:S:****>****"_s;
    QTest::newRow("new secret") << u""_s << u"*S=v"_s << u"added:S:>****"_s;
    QTest::newRow("order follows the profile")
        << u"B=1 A=1"_s << u"A=1 B=2 C=3"_s << u"unchanged:A:1>1 changed:B:1>2 added:C:>3"_s;
}

void TestEnvDiff::table()
{
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QString, expected);
    QCOMPARE(summary(EnvDiff::compute(vars(current), vars(next))), expected);
}

void TestEnvDiff::secretsNeverShown()
{
    const auto changes = EnvDiff::compute(vars(u"TOKEN=hunter2-old"_s), vars(u"*TOKEN=hunter2-new"_s));
    const QString text = EnvDiff::format(changes);
    QVERIFY(!text.contains(u"hunter2"_s));
    QVERIFY2(text.contains(u"TOKEN (secret changed)"_s), qPrintable(text));
}

void TestEnvDiff::shownForAViewThatMasks_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("secretFlags");
    QTest::newRow("changed secret") << u"S=old"_s << u"*S=new"_s << u"changed:S:old>new"_s << u"1"_s;
    QTest::newRow("secret on the server side only")
        << u"*S=a"_s << u"S=a"_s << u"unchanged:S:a>a"_s << u"1"_s;
    QTest::newRow("removed, value kept")
        << u"A=1 B=2"_s << u"A=1"_s << u"unchanged:A:1>1 removed:B:2>"_s << u"00"_s;
    QTest::newRow("plain values as before")
        << u"A=1"_s << u"A=2 C=3"_s << u"changed:A:1>2 added:C:>3"_s << u"00"_s;
}

void TestEnvDiff::shownForAViewThatMasks()
{
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QString, expected);
    QFETCH(QString, secretFlags);
    const auto changes = EnvDiff::compute(vars(current), vars(next), EnvDiff::Secrets::Shown);
    QCOMPARE(summary(changes), expected);
    QString flags;
    for (const EnvChange &c : changes)
        flags += c.secret ? u'1' : u'0';
    QCOMPARE(flags, secretFlags);
}

void TestEnvDiff::format()
{
    QList<EnvVariable> next = vars(u"A=1 C=x"_s);
    next.append({ u"M"_s, u"two\nlines"_s, false, 0 });
    const auto changes = EnvDiff::compute(vars(u"A=0 B=1"_s), next);
    QVERIFY(EnvDiff::hasChanges(changes));
    QCOMPARE(EnvDiff::format(changes),
        u"~ A: 0 -> 1\n+ C=x\n+ M=two\\nlines\n- B\n2 added, 1 removed, 1 changed."_s);
    QVERIFY(!EnvDiff::hasChanges(EnvDiff::compute(vars(u"A=1"_s), vars(u"A=1"_s))));
    QCOMPARE(EnvDiff::count(changes, EnvChange::Kind::Added), 2);
    QCOMPARE(EnvDiff::count(changes, EnvChange::Kind::Unchanged), 0);
}

QTEST_GUILESS_MAIN(TestEnvDiff)
#include "tst_envdiff.moc"
