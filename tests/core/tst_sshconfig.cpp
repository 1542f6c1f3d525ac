#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "core/remote/sshconfig.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::SshConfig;
using Gantry::SshConfigContext;
using Gantry::SshConfigFile;
using Gantry::SshConfigHost;

using Includes = QHash<QString, QList<SshConfigFile>>; // pattern -> the files it names

namespace {

SshConfigContext context(const Includes &includes = {})
{
    SshConfigContext context;
    context.homeDir = u"/home/ann"_s;
    context.localUser = u"ann"_s;
    context.readIncludes = [includes](const QString &pattern) { return includes.value(pattern); };
    return context;
}

QString dump(const QList<SshConfigHost> &hosts)
{
    QStringList lines;
    for (const SshConfigHost &h : hosts) {
        lines << u"%1 host=%2 user=%3 port=%4 id=[%5] jump=%6"_s.arg(h.alias, h.hostName, h.user)
                     .arg(h.port)
                     .arg(h.identityFiles.join(u','), h.proxyJump);
    }
    return lines.join(u'\n');
}

// The "file:line" an error names, or an empty string.
QString errorLocation(const Gantry::Error &error)
{
    static const QRegularExpression pattern(u"^(.+):([0-9]+): \\S"_s);
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1) + u':' + match.captured(2) : QString();
}

const QByteArray richConfig = R"CFG(# Personal hosts
ServerAliveInterval 30
Include config.d/*

Host web1 web2 !web3 *.prod
    HostName %h.example.com
    Port=2222
    IdentityFile ~/.ssh/id_%r@%h
Host "db one"
    HOSTNAME = db1.internal   # trailing comment
    User 'postgres'
Match host *.internal exec "true"
    User wrong
    Port 1
Host bastion
    ProxyJump none
Host * !bastion
    ProxyJump ops@bastion:2200
Host *
    User deploy
    IdentityFile %d/.ssh/id_ed25519
)CFG"_ba;

} // namespace

class TestSshConfig final : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void refuses_data();
    void refuses();
    void splitArguments_data();
    void splitArguments();
    void matchesPattern_data();
    void matchesPattern();
    void defaultPath();
    void diskIncludes();
    void agreesWithOpenSsh();
    void fuzz();
};

void TestSshConfig::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Includes>("includes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << Includes() << QString();
    QTest::newRow("only comments and defaults")
        << "# nothing\n\nHost *\n  User x\n"_ba << Includes() << QString();
    QTest::newRow("one host") << "Host web\n  HostName 10.0.0.5\n  User root\n  Port 2022\n"_ba << Includes()
                              << u"web host=10.0.0.5 user=root port=2022 id=[] jump="_s;
    QTest::newRow("no HostName: the alias, lower-cased")
        << "Host MyBox\n"_ba << Includes() << u"MyBox host=mybox user= port=22 id=[] jump="_s;
    QTest::newRow("keywords in any case, = and spaces")
        << "HOST a\n\thostname=h1\n\tUSER = u1\n\tpOrT   =   23\n"_ba << Includes()
        << u"a host=h1 user=u1 port=23 id=[] jump="_s;
    QTest::newRow("quotes, escapes and comments")
        << "Host q # comment\n  User \"bob \\\"b\\\" smith\"\n  IdentityFile \"~/.ssh/my key\" # the key\n"_ba
        << Includes() << u"q host=q user=bob \"b\" smith port=22 id=[/home/ann/.ssh/my key] jump="_s;
    QTest::newRow("several patterns; only concrete aliases")
        << "Host a b *.x !c ?d\n  User u\n"_ba << Includes()
        << u"a host=a user=u port=22 id=[] jump=\nb host=b user=u port=22 id=[] jump="_s;
    QTest::newRow("an empty alias is not imported") // found by fuzz_sshconfig
        << "Host web1 '' \"\"\n"_ba << Includes() << u"web1 host=web1 user= port=22 id=[] jump="_s;
    QTest::newRow("first obtained value wins")
        << "Host a\n  User first\n  User second\nHost *\n  User star\n  Port 2200\n"_ba << Includes()
        << u"a host=a user=first port=2200 id=[] jump="_s;
    QTest::newRow("Host * first wins over a later block")
        << "Host *\n  Port 2200\nHost a\n  Port 2201\n  User u\n"_ba << Includes()
        << u"a host=a user=u port=2200 id=[] jump="_s;
    QTest::newRow("options before any Host apply to all")
        << "User global\nPort 2300\nHost a\n  User mine\n"_ba << Includes()
        << u"a host=a user=global port=2300 id=[] jump="_s;
    QTest::newRow("wildcard block applies")
        << "Host db.prod\n  HostName 10.1.1.1\nHost *.prod\n  User ops\n"_ba << Includes()
        << u"db.prod host=10.1.1.1 user=ops port=22 id=[] jump="_s;
    QTest::newRow("negated pattern")
        << "Host bastion app\nHost * !bastion\n  ProxyJump bastion\n"_ba << Includes()
        << u"bastion host=bastion user= port=22 id=[] jump=\napp host=app user= port=22 id=[] jump=bastion"_s;
    QTest::newRow("ProxyJump none") << "Host a\n  ProxyJump none\nHost *\n  ProxyJump b\n"_ba << Includes()
                                    << u"a host=a user= port=22 id=[] jump="_s;
    QTest::newRow("Match block skipped")
        << "Host a\n  Port 2201\nMatch host a\n  User wrong\n  Port 1\nHost b\n  User right\n"_ba
        << Includes() << u"a host=a user= port=2201 id=[] jump=\nb host=b user=right port=22 id=[] jump="_s;
    QTest::newRow("identity files accumulate, duplicates dropped")
        << "Host a\n  IdentityFile ~/.ssh/a\n  IdentityFile ~/.ssh/shared\nHost *\n  IdentityFile "
           "~/.ssh/shared\n  IdentityFile /keys/all\n  IdentityFile none\n"_ba
        << Includes()
        << u"a host=a user= port=22 id=[/home/ann/.ssh/a,/home/ann/.ssh/shared,/keys/all] jump="_s;
    QTest::newRow("identity tokens")
        << "Host Web\n  HostName %h.Example.com\n  Port 2222\n  IdentityFile ~/k/%d|%u|%h|%r|%p|%n|%%\n"_ba
        << Includes()
        << u"Web host=web.example.com user= port=2222 id=[/home/ann/k//home/ann|ann|web.example.com|ann|2222|Web|%] jump="_s;
    QTest::newRow("%r is the configured user")
        << "Host a\n  User svc\n  IdentityFile ~/.ssh/%r\n"_ba << Includes()
        << u"a host=a user=svc port=22 id=[/home/ann/.ssh/svc] jump="_s;
    QTest::newRow("tilde alone and ~user kept")
        << "Host a\n  IdentityFile ~\n  IdentityFile ~bob/key\n"_ba << Includes()
        << u"a host=a user= port=22 id=[/home/ann,~bob/key] jump="_s;
    QTest::newRow("alias repeated: one host, options merged")
        << "Host a\n  User u\nHost a b\n  Port 2\n"_ba << Includes()
        << u"a host=a user=u port=2 id=[] jump=\nb host=b user= port=2 id=[] jump="_s;
    QTest::newRow("CRLF and tabs") << "Host a\r\n\tUser\tu\r\n\tPort 2\r\n"_ba << Includes()
                                   << u"a host=a user=u port=2 id=[] jump="_s;
    QTest::newRow("unknown options ignored")
        << "Host a\n  ForwardAgent yes\n  LocalForward 8080 localhost:80\n  User u\n"_ba << Includes()
        << u"a host=a user=u port=22 id=[] jump="_s;

    const Includes confD { { u"/home/ann/.ssh/config.d/*"_s,
        { { u"/home/ann/.ssh/config.d/10-work"_s, "Host work\n  HostName work.example.com\n"_ba },
            { u"/home/ann/.ssh/config.d/20-home"_s, "Host home\n  Port 2200\n"_ba } } } };
    QTest::newRow("Include relative to ~/.ssh, glob, in place")
        << "Port 2100\nInclude config.d/*\nHost last\n"_ba << confD
        << u"work host=work.example.com user= port=2100 id=[] jump=\nhome host=home user= port=2100 id=[] "
           u"jump=\n"
           "last host=last user= port=2100 id=[] jump="_s;
    QTest::newRow("Include after Host first: its hosts cannot apply")
        << "Host first\nInclude config.d/*\n"_ba << confD << u"first host=first user= port=22 id=[] jump="_s;
    QTest::newRow("Include after Host *: its hosts apply")
        << "Host *\n  User all\nInclude config.d/*\n"_ba << confD
        << u"work host=work.example.com user=all port=22 id=[] jump=\nhome host=home user=all port=2200 id=[] jump="_s;
    const Includes absolute { { u"/etc/ssh/extra.conf"_s,
                                  { { u"/etc/ssh/extra.conf"_s, "User fromfile\n"_ba } } },
        { u"/home/ann/x.conf"_s, { { u"/home/ann/x.conf"_s, "Port 2999\n"_ba } } } };
    QTest::newRow("Include inside Host is conditional")
        << "Host a\n  Include /etc/ssh/extra.conf ~/x.conf\nHost b\n"_ba << absolute
        << u"a host=a user=fromfile port=2999 id=[] jump=\nb host=b user= port=22 id=[] jump="_s;
    QTest::newRow("Include that matches nothing")
        << "Include nothing/*\nHost a\n"_ba << Includes() << u"a host=a user= port=22 id=[] jump="_s;
    QTest::newRow("rich config")
        << richConfig
        << Includes { { u"/home/ann/.ssh/config.d/*"_s,
               { { u"/home/ann/.ssh/config.d/a"_s, "Host inc\n  User incuser\n"_ba } } } }
        << u"inc host=inc user=incuser port=22 id=[/home/ann/.ssh/id_ed25519] jump=ops@bastion:2200\n"
           "web1 host=web1.example.com user=deploy port=2222 id=[/home/ann/.ssh/id_deploy@web1.example.com,"
           "/home/ann/.ssh/id_ed25519] jump=ops@bastion:2200\n"
           "web2 host=web2.example.com user=deploy port=2222 id=[/home/ann/.ssh/id_deploy@web2.example.com,"
           "/home/ann/.ssh/id_ed25519] jump=ops@bastion:2200\n"
           "db one host=db1.internal user=postgres port=22 id=[/home/ann/.ssh/id_ed25519] "
           "jump=ops@bastion:2200\n"
           "bastion host=bastion user=deploy port=22 id=[/home/ann/.ssh/id_ed25519] jump="_s;
}

void TestSshConfig::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(Includes, includes);
    const auto hosts = SshConfig::parse(text, context(includes));
    QVERIFY2(hosts.has_value(), qPrintable(hosts ? QString() : hosts.error().toString()));
    QTEST(dump(*hosts), "expected");
}

void TestSshConfig::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Includes>("includes");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("inMessage");

    QTest::newRow("Port not a number")
        << "Host a\n  Port abc\n"_ba << Includes() << u"~/.ssh/config:2"_s << u"Port \"abc\""_s;
    QTest::newRow("Port zero") << "Host a\n  Port 0\n"_ba << Includes() << u"~/.ssh/config:2"_s << u"Port"_s;
    QTest::newRow("Port too big") << "\n\nPort 65536\n"_ba << Includes() << u"~/.ssh/config:3"_s << u"Port"_s;
    QTest::newRow("Port with sign") << "Port +22\n"_ba << Includes() << u"~/.ssh/config:1"_s << u"Port"_s;
    QTest::newRow("Port empty quoted") << "Port \"\"\n"_ba << Includes() << u"~/.ssh/config:1"_s << u"Port"_s;
    QTest::newRow("bad Port in a Match block")
        << "Match all\n  Port x\n"_ba << Includes() << u"~/.ssh/config:2"_s << u"Port"_s;
    QTest::newRow("missing value") << "Host a\n  HostName\n"_ba << Includes() << u"~/.ssh/config:2"_s
                                   << u"no value"_s;
    QTest::newRow("extra value") << "Host a\n  User a b\n"_ba << Includes() << u"~/.ssh/config:2"_s
                                 << u"more than one value"_s;
    QTest::newRow("unclosed quote") << "Host a\n\n  User \"bob\n"_ba << Includes() << u"~/.ssh/config:3"_s
                                    << u"quote"_s;
    QTest::newRow("unclosed quote in Host")
        << "Host 'a\n"_ba << Includes() << u"~/.ssh/config:1"_s << u"quote"_s;
    QTest::newRow("Host without names") << "Host\n"_ba << Includes() << u"~/.ssh/config:1"_s << u"Host"_s;
    QTest::newRow("Include without names")
        << "Include # x\n"_ba << Includes() << u"~/.ssh/config:1"_s << u"Include"_s;
    QTest::newRow("unknown identity token")
        << "Host a\n  IdentityFile ~/.ssh/%C\n"_ba << Includes() << u"~/.ssh/config:2"_s << u"%C"_s;
    QTest::newRow("lone percent") << "Host a\n  IdentityFile key%\n"_ba << Includes() << u"~/.ssh/config:2"_s
                                  << u"token"_s;
    QTest::newRow("HostName token") << "Host a\n  HostName %r.x\n"_ba << Includes() << u"~/.ssh/config:2"_s
                                    << u"%r"_s;
    QTest::newRow("error in an included file")
        << "Host a\nInclude inc\n"_ba
        << Includes { { u"/home/ann/.ssh/inc"_s, { { u"/home/ann/.ssh/inc"_s, "# one\nPort nope\n"_ba } } } }
        << u"/home/ann/.ssh/inc:2"_s << u"Port"_s;
    QTest::newRow("include loop") << "Include loop\n"_ba
                                  << Includes { { u"/home/ann/.ssh/loop"_s,
                                         { { u"/home/ann/.ssh/loop"_s, "\nInclude loop\n"_ba } } } }
                                  << u"/home/ann/.ssh/loop:2"_s << u"16"_s;
}

void TestSshConfig::refuses()
{
    QFETCH(QByteArray, text);
    QFETCH(Includes, includes);
    QFETCH(QString, location);
    QFETCH(QString, inMessage);
    const auto hosts = SshConfig::parse(text, context(includes));
    QVERIFY(!hosts.has_value());
    QCOMPARE(errorLocation(hosts.error()), location);
    QVERIFY2(hosts.error().message.contains(inMessage), qPrintable(hosts.error().message));
    QVERIFY(!hosts.error().hint.isEmpty());
}

void TestSshConfig::splitArguments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("words") << u"  a  b\tc "_s << QStringList { u"a"_s, u"b"_s, u"c"_s };
    QTest::newRow("double quotes") << u"\"a b\" c"_s << QStringList { u"a b"_s, u"c"_s };
    QTest::newRow("single quotes") << u"'a \"b\"'"_s << QStringList { u"a \"b\""_s };
    QTest::newRow("quotes inside a word") << u"a\"b c\"d"_s << QStringList { u"ab cd"_s };
    QTest::newRow("escaped quote and backslash") << u"a\\\"b \\\\x"_s << QStringList { u"a\"b"_s, u"\\x"_s };
    QTest::newRow("escaped space") << u"a\\ b"_s << QStringList { u"a b"_s };
    QTest::newRow("other backslash kept") << u"a\\nb"_s << QStringList { u"a\\nb"_s };
    QTest::newRow("comment") << u"a # b c"_s << QStringList { u"a"_s };
    QTest::newRow("hash inside a word") << u"a#b"_s << QStringList { u"a#b"_s };
    QTest::newRow("quoted hash") << u"\"#a\""_s << QStringList { u"#a"_s };
    QTest::newRow("empty quoted") << u"\"\" x"_s << QStringList { QString(), u"x"_s };
}

void TestSshConfig::splitArguments()
{
    QFETCH(QString, text);
    const auto args = SshConfig::splitArguments(text);
    QVERIFY(args.has_value());
    QTEST(*args, "args");
}

void TestSshConfig::matchesPattern_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matches");
    QTest::newRow("exact") << u"web"_s << u"web"_s << true;
    QTest::newRow("case matters") << u"Web"_s << u"web"_s << false;
    QTest::newRow("star") << u"db.prod"_s << u"*.prod"_s << true;
    QTest::newRow("star empty") << u".prod"_s << u"*.prod"_s << true;
    QTest::newRow("star all") << u"anything"_s << u"*"_s << true;
    QTest::newRow("question") << u"web1"_s << u"web?"_s << true;
    QTest::newRow("question needs one") << u"web"_s << u"web?"_s << false;
    QTest::newRow("backtracking") << u"a.b.c.prod"_s << u"*.*.prod"_s << true;
    QTest::newRow("no match") << u"db.test"_s << u"*.prod"_s << false;
    QTest::newRow("trailing stars") << u"ab"_s << u"ab**"_s << true;
}

void TestSshConfig::matchesPattern()
{
    QFETCH(QString, name);
    QFETCH(QString, pattern);
    QTEST(SshConfig::matchesPattern(name, pattern), "matches");
}

void TestSshConfig::defaultPath()
{
    QCOMPARE(SshConfig::defaultPath(), QDir::homePath() + u"/.ssh/config"_s);
}

void TestSshConfig::diskIncludes()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(u".ssh/conf.d/sub"_s));
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(home.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(u".ssh/conf.d/b.conf"_s, "Host b\n  Port 2002\n"_ba);
    write(u".ssh/conf.d/a.conf"_s, "Host a\n  Port 2001\n"_ba);
    write(u".ssh/conf.d/skip.txt"_s, "Host skipped\n"_ba);
    write(u".ssh/conf.d/.hidden.conf"_s, "Host hidden\n"_ba);
    write(u".ssh/conf.d/sub/c.conf"_s, "Host c\n"_ba);
    write(u".ssh/extra"_s, "Host extra\n"_ba);
    const auto hosts =
        SshConfig::parse("Include conf.d/*.conf ~/.ssh/conf.d/*/c.conf extra missing\n"_ba, home.path());
    QVERIFY2(hosts.has_value(), qPrintable(hosts ? QString() : hosts.error().toString()));
    QStringList aliases;
    for (const SshConfigHost &host : *hosts)
        aliases << host.alias + u':' + QString::number(host.port);
    QCOMPARE(aliases, (QStringList { u"a:2001"_s, u"b:2002"_s, u"c:22"_s, u"extra:22"_s }));
}

// ssh -G prints the options OpenSSH itself resolves for a host, without connecting.
void TestSshConfig::agreesWithOpenSsh()
{
    const QString ssh = QStandardPaths::findExecutable(u"ssh"_s);
    if (ssh.isEmpty())
        QSKIP("OpenSSH's ssh is not installed: nothing to compare with");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile included(dir.filePath(u"inc.conf"_s));
    QVERIFY(included.open(QIODevice::WriteOnly));
    included.write("Host inc1 inc2\n  User incuser\nHost inc2\n  Port 2402\n");
    included.close();
    QFile late(dir.filePath(u"late.conf"_s));
    QVERIFY(late.open(QIODevice::WriteOnly));
    late.write("Host late\n  HostName late.example.com\n");
    late.close();
    const QByteArray config = "Include " + dir.filePath(u"inc*.conf"_s).toUtf8() +
        "\nHost web1 web2 !web3 *.prod\n  HostName %h.Example.com\n"
        "  Port=2222\n  IdentityFile /keys/web\nHost \"db one\" Db.Prod\n"
        "  HOSTNAME = db1.internal   # comment\n  User 'post gres'\n"
        "Host bastion\n  ProxyJump none\nHost * !bastion\n  ProxyJump ops@bastion:2200\n"
        "Host *\n  User deploy\n  Port 2201\n  IdentityFile /keys/all\nMatch all\n  User matched\n"
        "Host *\n  Include " +
        dir.filePath(u"late.conf"_s).toUtf8() + "\n";
    QFile file(dir.filePath(u"config"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(config);
    file.close();
    const auto hosts = SshConfig::parse(config, QDir::homePath());
    QVERIFY2(hosts.has_value(), qPrintable(hosts ? QString() : hosts.error().toString()));
    QCOMPARE(hosts->size(), 8);
    for (const SshConfigHost &host : *hosts) {
        if (host.alias.contains(u' '))
            continue; // ssh refuses such a name on its command line; it is still a label to import
        QProcess process;
        process.start(ssh, { u"-F"_s, file.fileName(), u"-G"_s, host.alias });
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QHash<QString, QStringList> resolved;
        for (const QString &line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n')) {
            const qsizetype space = line.indexOf(u' ');
            if (space > 0)
                resolved[line.left(space)] << line.mid(space + 1);
        }
        QCOMPARE(host.hostName, resolved.value(u"hostname"_s).value(0));
        QCOMPARE(host.user, resolved.value(u"user"_s).value(0));
        QCOMPARE(QString::number(host.port), resolved.value(u"port"_s).value(0));
        QCOMPARE(host.proxyJump, resolved.value(u"proxyjump"_s).value(0));
        QCOMPARE(host.identityFiles, resolved.value(u"identityfile"_s));
    }
}

// Random and mutated configs: parse() returns hosts or an error naming a real line, never crashes.
void TestSshConfig::fuzz()
{
    QRandomGenerator random(424242);
    const Includes includes {
        { u"/home/ann/.ssh/config.d/*"_s,
            { { u"/home/ann/.ssh/config.d/a"_s, "Host inc\n  Port 2\nInclude config.d/*\n"_ba } } },
        { u"/home/ann/.ssh/loop"_s, { { u"/home/ann/.ssh/loop"_s, "Include loop\n"_ba } } }
    };
    const QList<QByteArray> pieces { "Host ", "Match ", "Include ", "Port ", "User ", "HostName ",
        "IdentityFile ", "ProxyJump ", "=", "\"", "'", "\\", "#", "%", "%h", "%C", "~", "*", "?", "!", " ",
        "\t", "\n", "\r\n", "a", "22", "loop", "config.d/*", "\xC3\xA9", "\xFF" };
    for (int i = 0; i < 4000; ++i) {
        QByteArray text;
        if (i % 2 == 0) {
            text = richConfig;
            for (int e = random.bounded(1, 10); e > 0 && !text.isEmpty(); --e) {
                const int at = random.bounded(int(text.size()));
                if (random.bounded(2) == 0)
                    text.remove(at, random.bounded(1, 12));
                else
                    text.insert(at, pieces.at(random.bounded(int(pieces.size()))));
            }
        } else {
            for (int n = random.bounded(40); n > 0; --n)
                text += random.bounded(4) == 0 ? QByteArray(1, char(random.bounded(256)))
                                               : pieces.at(random.bounded(int(pieces.size())));
        }
        const auto hosts = SshConfig::parse(text, context(includes));
        if (hosts)
            continue;
        const QString location = errorLocation(hosts.error());
        QVERIFY2(!location.isEmpty(), qPrintable(hosts.error().message));
        if (location.startsWith(u"~/.ssh/config:"_s)) {
            const int line = location.section(u':', -1).toInt();
            QVERIFY2(line >= 1 && line <= text.count('\n') + 1, qPrintable(location));
        }
    }
}

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
