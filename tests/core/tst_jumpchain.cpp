#include <QTest>

#include "core/store/jumpchain.h"

using namespace Qt::StringLiterals;
using Gantry::JumpChain;
using Gantry::ServerRecord;

namespace {

// "name>jump" per server; "name" alone connects directly.
QList<ServerRecord> serversFrom(const QString &spec)
{
    QList<ServerRecord> servers;
    for (const QString &entry : spec.split(u' ', Qt::SkipEmptyParts)) {
        ServerRecord s;
        s.name = entry.section(u'>', 0, 0);
        s.jump = entry.section(u'>', 1, 1);
        s.address = s.name + u".example.com"_s;
        s.user = u"deploy"_s;
        servers << s;
    }
    return servers;
}

QStringList names(const QList<ServerRecord> &servers)
{
    QStringList list;
    for (const ServerRecord &s : servers)
        list << s.name;
    return list;
}

} // namespace

class TestJumpChain : public QObject {
    Q_OBJECT
private slots:
    void resolve_data();
    void resolve();
    void removal_data();
    void removal();
    void check_data();
    void check();
    void jumpsFirst();
};

void TestJumpChain::resolve_data()
{
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("chain"); // first hop first
    QTest::addColumn<QString>("error"); // part of the message; empty: resolves

    QTest::newRow("direct") << u"web"_s << u"web"_s << QStringList() << QString();
    QTest::newRow("one hop") << u"bastion db>bastion"_s << u"db"_s << QStringList { u"bastion"_s }
                             << QString();
    QTest::newRow("two hops, first hop first")
        << u"outer inner>outer db>inner"_s << u"db"_s << QStringList { u"outer"_s, u"inner"_s } << QString();
    QTest::newRow("jump server itself is direct")
        << u"bastion db>bastion"_s << u"bastion"_s << QStringList() << QString();
    QTest::newRow("through itself") << u"db>db"_s << u"db"_s << QStringList() << u"through itself"_s;
    QTest::newRow("missing jump server")
        << u"db>bastion"_s << u"db"_s << QStringList() << u"there is no server named bastion"_s;
    QTest::newRow("missing second hop")
        << u"inner>outer db>inner"_s << u"db"_s << QStringList() << u"inner connects through outer"_s;
    QTest::newRow("loop of two") << u"a>b b>a"_s << u"a"_s << QStringList() << u"a → b → a"_s;
    QTest::newRow("loop behind the first hop")
        << u"a>b b>c c>b"_s << u"a"_s << QStringList() << u"in a loop"_s;
    QTest::newRow("nine hops are too many") << u"h0 h1>h0 h2>h1 h3>h2 h4>h3 h5>h4 h6>h5 h7>h6 h8>h7 t>h8"_s
                                            << u"t"_s << QStringList() << u"more than 8"_s;
    QTest::newRow("eight hops are fine")
        << u"h1 h2>h1 h3>h2 h4>h3 h5>h4 h6>h5 h7>h6 h8>h7 t>h8"_s << u"t"_s
        << QStringList { u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s, u"h6"_s, u"h7"_s, u"h8"_s }
        << QString();
}

void TestJumpChain::resolve()
{
    QFETCH(QString, servers);
    QFETCH(QString, target);
    QFETCH(QStringList, chain);
    QFETCH(QString, error);
    const QList<ServerRecord> all = serversFrom(servers);
    const auto it = std::ranges::find_if(all, [&](const ServerRecord &s) { return s.name == target; });
    QVERIFY(it != all.end());
    const auto resolved = JumpChain::resolve(*it, all);
    if (error.isEmpty()) {
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
        QCOMPARE(names(*resolved), chain);
        return;
    }
    QVERIFY(!resolved);
    QVERIFY2(resolved.error().message.contains(error), qPrintable(resolved.error().message));
    QVERIFY(!resolved.error().hint.isEmpty());
}

void TestJumpChain::removal_data()
{
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("removed");
    QTest::addColumn<QString>("error");

    QTest::newRow("unused") << u"a b"_s << u"a"_s << QString();
    QTest::newRow("the last hop may go") << u"bastion db>bastion"_s << u"db"_s << QString();
    QTest::newRow("used by one") << u"bastion db>bastion"_s << u"bastion"_s << u"db connect"_s;
    QTest::newRow("used by two, both named")
        << u"bastion db>bastion web>bastion"_s << u"bastion"_s << u"db, web"_s;
    QTest::newRow("only direct users count") << u"outer inner>outer db>inner"_s << u"outer"_s << u": inner"_s;
}

void TestJumpChain::removal()
{
    QFETCH(QString, servers);
    QFETCH(QString, removed);
    QFETCH(QString, error);
    const auto ok = JumpChain::checkRemoval(removed, serversFrom(servers));
    if (error.isEmpty()) {
        QVERIFY(ok);
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(ok.error().message.contains(error), qPrintable(ok.error().message));
    QVERIFY(ok.error().hint.contains(removed));
}

void TestJumpChain::check_data()
{
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("changed"); // "name>jump"
    QTest::addColumn<QString>("error");

    QTest::newRow("new server through an existing one") << u"bastion"_s << u"db>bastion"_s << QString();
    QTest::newRow("through one that is missing")
        << u"bastion"_s << u"db>other"_s << u"no server named other"_s;
    QTest::newRow("a jump server may not start to use its user")
        << u"bastion db>bastion"_s << u"bastion>db"_s << u"loop"_s;
    QTest::newRow("nor a user further down") << u"a b>a c>b"_s << u"a>c"_s << u"loop"_s;
    QTest::newRow("changing the hop is fine") << u"a b db>a"_s << u"db>b"_s << QString();
    QTest::newRow("becoming direct is fine") << u"a db>a"_s << u"db"_s << QString();
}

void TestJumpChain::check()
{
    QFETCH(QString, servers);
    QFETCH(QString, changed);
    QFETCH(QString, error);
    const ServerRecord server = serversFrom(changed).first();
    const auto ok = JumpChain::check(server, serversFrom(servers));
    if (error.isEmpty()) {
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(ok.error().message.contains(error), qPrintable(ok.error().message));
}

void TestJumpChain::jumpsFirst()
{
    const QStringList ordered =
        names(JumpChain::jumpsFirst(serversFrom(u"db>inner inner>outer web outer lost>gone x>y y>x"_s)));
    QCOMPARE(ordered.size(), 7);
    QVERIFY(ordered.indexOf(u"outer"_s) < ordered.indexOf(u"inner"_s));
    QVERIFY(ordered.indexOf(u"inner"_s) < ordered.indexOf(u"db"_s));
    QVERIFY(ordered.contains(u"lost"_s)); // its jump server is not imported: it may exist already
    QCOMPARE(ordered.mid(5), (QStringList { u"x"_s, u"y"_s })); // a loop comes last, as it was
}

QTEST_GUILESS_MAIN(TestJumpChain)
#include "tst_jumpchain.moc"
