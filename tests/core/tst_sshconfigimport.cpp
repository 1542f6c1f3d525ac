#include <QTest>

#include "core/remote/sshconfigimport.h"

using namespace Qt::StringLiterals;
using Gantry::ServerRecord;
using Gantry::SshConfig;
using Gantry::SshConfigContext;
using Gantry::SshConfigImport;
using Gantry::SshImportRow;

namespace {

// "name=user@address:port" or "name=user@address:port>jump", space separated.
QList<ServerRecord> serversFrom(const QString &spec)
{
    QList<ServerRecord> servers;
    for (const QString &entry : spec.split(u' ', Qt::SkipEmptyParts)) {
        ServerRecord s;
        s.name = entry.section(u'=', 0, 0);
        const QString rest = entry.section(u'=', 1);
        const QString login = rest.section(u'>', 0, 0);
        s.jump = rest.section(u'>', 1);
        s.user = login.section(u'@', 0, 0);
        s.address = login.section(u'@', 1).section(u':', 0, 0);
        s.port = login.section(u':', 1).toInt();
        servers << s;
    }
    return servers;
}

// One line per row: "name user@address:port" plus " > jump" or " ! problem".
QStringList dump(const QList<SshImportRow> &rows)
{
    QStringList lines;
    for (const SshImportRow &r : rows) {
        QString line =
            u"%1 %2@%3:%4"_s.arg(r.server.name, r.server.user, r.server.address).arg(r.server.port);
        if (!r.server.jump.isEmpty())
            line += u" > "_s + r.server.jump;
        if (!r.problem.isEmpty())
            line += u" ! "_s + r.problem;
        lines << line;
    }
    return lines;
}

} // namespace

class TestSshConfigImport : public QObject {
    Q_OBJECT
private slots:
    void rows_data();
    void rows();
    void parseHop_data();
    void parseHop();
};

void TestSshConfigImport::rows_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QStringList>("expected"); // a row ending in "!" matches any problem text after it

    QTest::newRow("direct") << "Host web\n  HostName 10.0.0.5\n  User deploy\n"_ba << QString()
                            << QStringList { u"web deploy@10.0.0.5:22"_s };
    QTest::newRow("ProxyJump none is direct")
        << "Host db\n  HostName 10.0.1.5\n  ProxyJump none\nHost *\n  ProxyJump bastion\nHost bastion\n"_ba
        << QString() << QStringList { u"db root@10.0.1.5:22"_s, u"bastion root@bastion:22 > bastion !"_s };
    QTest::newRow("alias of another host")
        << "Host bastion\n  HostName b.example.com\n  User ops\nHost db\n  HostName 10.0.1.5\n  User deploy\n"
           "  ProxyJump bastion\n"_ba
        << QString()
        << QStringList { u"bastion ops@b.example.com:22"_s, u"db deploy@10.0.1.5:22 > bastion"_s };
    QTest::newRow("alias of a host further down")
        << "Host db\n  ProxyJump bastion\nHost bastion\n  HostName b.example.com\n"_ba << QString()
        << QStringList { u"db root@db:22 > bastion"_s, u"bastion root@b.example.com:22"_s };
    QTest::newRow("a server the workspace has")
        << "Host db\n  HostName 10.0.1.5\n  ProxyJump gate\n"_ba << u"gate=ops@gate.example.com:22"_s
        << QStringList { u"db root@10.0.1.5:22 > gate"_s };
    QTest::newRow("user@host:port that a server has")
        << "Host db\n  ProxyJump ops@gate.example.com:2200\n"_ba << u"gw=ops@gate.example.com:2200"_s
        << QStringList { u"db root@db:22 > gw"_s };
    QTest::newRow("user@host:port unknown: a new jump server before its user")
        << "Host web\nHost db\n  HostName 10.0.1.5\n  ProxyJump ops@gate.example.com:2200\n"_ba << QString()
        << QStringList { u"web root@web:22"_s, u"gate.example.com ops@gate.example.com:2200"_s,
               u"db root@10.0.1.5:22 > gate.example.com"_s };
    QTest::newRow("two hosts share the new jump server")
        << "Host a\n  ProxyJump 10.9.9.9\nHost b\n  ProxyJump 10.9.9.9\n"_ba << QString()
        << QStringList { u"10.9.9.9 root@10.9.9.9:22"_s, u"a root@a:22 > 10.9.9.9"_s,
               u"b root@b:22 > 10.9.9.9"_s };
    QTest::newRow("a known server on another port: a new one, named freely")
        << "Host db\n  ProxyJump bastion:2222\n"_ba << u"bastion=x@10.1.1.1:22"_s
        << QStringList { u"bastion-2 x@10.1.1.1:2222"_s, u"db root@db:22 > bastion-2"_s };
    QTest::newRow("a new jump server's name is free")
        << "Host db\n  ProxyJump ops@gate\n"_ba << u"gate=x@10.1.1.1:22"_s
        << QStringList { u"gate-2 ops@10.1.1.1:22"_s, u"db root@db:22 > gate-2"_s };
    QTest::newRow("ssh:// URI") << "Host db\n  ProxyJump ssh://ops@10.2.2.2:2222\n"_ba << QString()
                                << QStringList { u"10.2.2.2 ops@10.2.2.2:2222"_s,
                                       u"db root@db:22 > 10.2.2.2"_s };
    QTest::newRow("another user on an alias: a server of its own")
        << "Host bastion\n  HostName b.example.com\nHost db\n  ProxyJump ops@bastion\n"_ba << QString()
        << QStringList { u"bastion root@b.example.com:22"_s, u"bastion-2 ops@b.example.com:22"_s,
               u"db root@db:22 > bastion-2"_s };
    QTest::newRow("a chain of known hosts")
        << "Host outer\n  HostName o.example.com\nHost inner\n  HostName 10.0.0.2\nHost db\n"
           "  ProxyJump outer,inner\n"_ba
        << QString()
        << QStringList { u"outer root@o.example.com:22"_s, u"inner root@10.0.0.2:22 > outer"_s,
               u"db root@db:22 > inner"_s };
    QTest::newRow("a chain that agrees with the hops' own ProxyJump")
        << "Host outer\nHost inner\n  ProxyJump outer\nHost db\n  ProxyJump outer,inner\n"_ba << QString()
        << QStringList { u"outer root@outer:22"_s, u"inner root@inner:22 > outer"_s,
               u"db root@db:22 > inner"_s };
    QTest::newRow("a chain through an unknown host")
        << "Host inner\nHost db\n  ProxyJump far.example.com,inner\n"_ba << QString()
        << QStringList { u"inner root@inner:22"_s, u"db root@db:22 ! db jumps through far.example.com"_s };
    QTest::newRow("a chain that contradicts a hop")
        << "Host a\nHost b\nHost inner\n  ProxyJump a\nHost db\n  ProxyJump b,inner\n"_ba << QString()
        << QStringList { u"a root@a:22"_s, u"b root@b:22"_s, u"inner root@inner:22 > a"_s,
               u"db root@db:22 ! The ProxyJump chain b,inner of db cannot be kept: inner already connects "
               "through a."_s };
    QTest::newRow("ProxyCommand is not supported")
        << "Host db\n  ProxyCommand ssh -W %h:%p bastion\n"_ba << QString()
        << QStringList { u"db root@db:22 ! db uses ProxyCommand, which Gantry cannot run."_s };
    QTest::newRow("ProxyCommand none is direct")
        << "Host db\n  ProxyCommand none\n"_ba << QString() << QStringList { u"db root@db:22"_s };
    QTest::newRow("a loop") << "Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n"_ba << QString()
                            << QStringList { u"a root@a:22 > b ! The servers a → b → a connect through each "
                                             "other in a loop."_s,
                                   u"b root@b:22 > a ! The servers b → a → b connect through each other in a "
                                   "loop."_s };
    QTest::newRow("not a host") << "Host db\n  ProxyJump ops@\n"_ba << QString()
                                << QStringList {
                                       u"db root@db:22 ! The ProxyJump \"ops@\" of db is not of the "
                                       "form [user@]host[:port]."_s
                                   };
}

void TestSshConfigImport::rows()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, existing);
    QFETCH(QStringList, expected);
    SshConfigContext context;
    context.homeDir = u"/home/ann"_s;
    context.localUser = u"ann"_s;
    const auto hosts = SshConfig::parse(config, context);
    QVERIFY2(hosts, qPrintable(hosts ? QString() : hosts.error().toString()));
    const QStringList got = dump(SshConfigImport::rows(*hosts, serversFrom(existing)));
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        const QString &want = expected.at(i);
        if (want.endsWith(u'!'))
            QVERIFY2(got.at(i).startsWith(want), qPrintable(got.at(i)));
        else if (want.contains(u" ! "_s))
            QVERIFY2(got.at(i).startsWith(want), qPrintable(got.at(i) + u"\n  wanted: "_s + want));
        else
            QCOMPARE(got.at(i), want);
    }
}

void TestSshConfigImport::parseHop_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");

    QTest::newRow("host") << u"bastion"_s << true << QString() << u"bastion"_s << 0;
    QTest::newRow("user@host") << u"ops@bastion"_s << true << u"ops"_s << u"bastion"_s << 0;
    QTest::newRow("user@host:port") << u"ops@10.0.0.1:2200"_s << true << u"ops"_s << u"10.0.0.1"_s << 2200;
    QTest::newRow("user with @") << u"a@b@host"_s << true << u"a@b"_s << u"host"_s << 0;
    QTest::newRow("IPv6 in brackets") << u"ops@[fe80::1]:22"_s << true << u"ops"_s << u"fe80::1"_s << 22;
    QTest::newRow("IPv6 bare") << u"fe80::1"_s << true << QString() << u"fe80::1"_s << 0;
    QTest::newRow("ssh URI") << u"ssh://ops@gate:2222"_s << true << u"ops"_s << u"gate"_s << 2222;
    QTest::newRow("ssh URI with slash") << u"ssh://gate/"_s << true << QString() << u"gate"_s << 0;
    QTest::newRow("empty") << QString() << false << QString() << QString() << 0;
    QTest::newRow("empty user") << u"@gate"_s << false << QString() << QString() << 0;
    QTest::newRow("empty host") << u"ops@"_s << false << QString() << QString() << 0;
    QTest::newRow("port 0") << u"gate:0"_s << false << QString() << QString() << 0;
    QTest::newRow("port too big") << u"gate:65536"_s << false << QString() << QString() << 0;
    QTest::newRow("port not a number") << u"gate:ssh"_s << false << QString() << QString() << 0;
    QTest::newRow("signed port") << u"gate:+22"_s << false << QString() << QString() << 0;
    QTest::newRow("empty port") << u"gate:"_s << false << QString() << QString() << 0;
    QTest::newRow("open bracket") << u"[fe80::1"_s << false << QString() << QString() << 0;
    QTest::newRow("junk after bracket") << u"[fe80::1]x"_s << false << QString() << QString() << 0;
    QTest::newRow("space") << u"ga te"_s << false << QString() << QString() << 0;
    QTest::newRow("slash in host") << u"ga/te"_s << false << QString() << QString() << 0;
}

void TestSshConfigImport::parseHop()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto hop = SshConfigImport::parseHop(text);
    QCOMPARE(hop.has_value(), valid);
    if (!valid)
        return;
    QTEST(hop->user, "user");
    QTEST(hop->host, "host");
    QTEST(hop->port, "port");
}

QTEST_GUILESS_MAIN(TestSshConfigImport)
#include "tst_sshconfigimport.moc"
