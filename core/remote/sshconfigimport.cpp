#include "core/remote/sshconfigimport.h"

#include <QRegularExpression>

#include "core/store/jumpchain.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// The rows and the workspace's servers, looked up by name, alias and address.
class Importer final {
public:
    Importer(const QList<SshConfigHost> &hosts, const QList<ServerRecord> &existing)
        : m_hosts(hosts)
        , m_existing(existing)
    {
        for (const SshConfigHost &host : hosts)
            m_rows << SshImportRow { SshConfigImport::serverFor(host), host.alias, {} };
    }

    QList<SshImportRow> run();

private:
    void mapSingle(qsizetype row);
    void mapChain(qsizetype row);
    void checkChains();
    QString known(const QString &hop) const; // an alias of a row, or a server of the workspace
    QString hopServer(const QString &text, qsizetype row, bool mayAdd, QString &problem);
    QString matching(const ServerRecord &wanted) const;
    QString freeName(const QString &host);
    SshImportRow *rowNamed(const QString &name);
    const ServerRecord *serverNamed(const QString &name); // a row's, a new jump server's or the workspace's

    const QList<SshConfigHost> &m_hosts;
    const QList<ServerRecord> &m_existing;
    QList<SshImportRow> m_rows;
    QList<SshImportRow> m_added; // new jump servers, each with the index of its first user
    QList<qsizetype> m_addedBefore;
};

QList<SshImportRow> Importer::run()
{
    for (qsizetype i = 0; i < m_hosts.size(); ++i)
        mapSingle(i);
    for (qsizetype i = 0; i < m_hosts.size(); ++i)
        mapChain(i);
    checkChains();
    QList<SshImportRow> rows;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        for (qsizetype a = 0; a < m_added.size(); ++a)
            if (m_addedBefore.at(a) == i)
                rows << m_added.at(a);
        rows << m_rows.at(i);
    }
    return rows;
}

void Importer::mapSingle(qsizetype row)
{
    const SshConfigHost &host = m_hosts.at(row);
    SshImportRow &r = m_rows[row];
    if (host.proxyJump.isEmpty() && !host.proxyCommand.isEmpty()) {
        r.problem = SshConfigImport::tr("%1 uses ProxyCommand, which Gantry cannot run. Use ProxyJump in the "
                                        "SSH config, or add the server by hand and choose its jump server.")
                        .arg(host.alias);
        return;
    }
    if (host.proxyJump.isEmpty() || host.proxyJump.contains(u','))
        return;
    QString problem;
    const QString jump = hopServer(host.proxyJump.trimmed(), row, true, problem);
    if (!problem.isEmpty())
        m_rows[row].problem = problem;
    else
        m_rows[row].server.jump = jump;
}

void Importer::mapChain(qsizetype row)
{
    const SshConfigHost &host = m_hosts.at(row);
    if (!host.proxyJump.contains(u','))
        return;
    QStringList names;
    QString problem;
    for (const QString &hop : host.proxyJump.split(u',')) {
        names << hopServer(hop.trimmed(), row, false, problem);
        if (!problem.isEmpty()) {
            m_rows[row].problem = problem;
            return;
        }
    }
    // Each hop connects through the one before it; a hop that connects directly so far learns it.
    for (qsizetype k = 1; k < names.size(); ++k) {
        SshImportRow *hop = rowNamed(names.at(k));
        const ServerRecord *server = serverNamed(names.at(k));
        const QString current = server ? server->jump : QString();
        if (current == names.at(k - 1))
            continue;
        if (hop && current.isEmpty() && hop->problem.isEmpty()) {
            hop->server.jump = names.at(k - 1);
            continue;
        }
        m_rows[row].problem = SshConfigImport::tr("The ProxyJump chain %1 of %2 cannot be kept: %3 already "
                                                  "connects %4.")
                                  .arg(host.proxyJump, host.alias, names.at(k),
                                      current.isEmpty() ? SshConfigImport::tr("directly")
                                                        : SshConfigImport::tr("through %1").arg(current));
        return;
    }
    m_rows[row].server.jump = names.last();
}

void Importer::checkChains()
{
    QList<ServerRecord> all = m_existing;
    for (const SshImportRow &r : std::as_const(m_added))
        all << r.server;
    for (const SshImportRow &r : std::as_const(m_rows))
        all << r.server;
    for (SshImportRow &r : m_rows) {
        if (!r.problem.isEmpty() || r.server.jump.isEmpty())
            continue;
        if (auto chain = JumpChain::resolve(r.server, all); !chain)
            r.problem = chain.error().toString();
    }
}

QString Importer::known(const QString &hop) const
{
    for (const SshImportRow &r : m_rows)
        if (r.alias == hop)
            return r.server.name;
    for (const ServerRecord &s : m_existing)
        if (s.name == hop)
            return s.name;
    return {};
}

QString Importer::hopServer(const QString &text, qsizetype row, bool mayAdd, QString &problem)
{
    const QString alias = m_hosts.at(row).alias;
    if (const QString name = known(text); !name.isEmpty())
        return name;
    const auto hop = SshConfigImport::parseHop(text);
    if (!hop) {
        problem = SshConfigImport::tr("The ProxyJump \"%1\" of %2 is not of the form [user@]host[:port].")
                      .arg(text, alias);
        return {};
    }
    // "ops@bastion:2200" with "bastion" a host of the config: that host's address, with these settings.
    ServerRecord wanted;
    const ServerRecord *from = serverNamed(known(hop->host));
    wanted.address = from ? from->address : hop->host;
    wanted.port = hop->port ? hop->port : from ? from->port : 22;
    wanted.user = !hop->user.isEmpty() ? hop->user : from ? from->user : u"root"_s;
    wanted.keyFile = from ? from->keyFile : QString();
    wanted.auth = from ? from->auth : AuthKind::Agent;
    if (const QString name = matching(wanted); !name.isEmpty())
        return name;
    if (!mayAdd) {
        problem = SshConfigImport::tr("%1 jumps through %2, which is neither a host of this config nor a "
                                      "server Gantry knows. Add it first, then import again.")
                      .arg(alias, text);
        return {};
    }
    wanted.name = freeName(hop->host);
    m_added << SshImportRow { wanted, {}, {} };
    m_addedBefore << row;
    return wanted.name;
}

QString Importer::matching(const ServerRecord &wanted) const
{
    const auto same = [&](const ServerRecord &s) {
        return s.address.compare(wanted.address, Qt::CaseInsensitive) == 0 && s.port == wanted.port &&
            s.user == wanted.user;
    };
    for (const ServerRecord &s : m_existing)
        if (same(s))
            return s.name;
    for (const SshImportRow &r : m_rows)
        if (same(r.server))
            return r.server.name;
    for (const SshImportRow &r : m_added)
        if (same(r.server))
            return r.server.name;
    return {};
}

QString Importer::freeName(const QString &host)
{
    static const QRegularExpression invalid(u"[^A-Za-z0-9._-]"_s);
    QString base = QString(host).replace(invalid, u"-"_s);
    while (!base.isEmpty() && !base.front().isLetterOrNumber())
        base.remove(0, 1);
    if (base.isEmpty())
        base = u"jump"_s;
    base = base.left(90);
    QString name = base;
    for (int n = 2; serverNamed(name); ++n)
        name = base + u'-' + QString::number(n);
    return name;
}

SshImportRow *Importer::rowNamed(const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    for (SshImportRow &r : m_rows)
        if (r.server.name == name)
            return &r;
    for (SshImportRow &r : m_added)
        if (r.server.name == name)
            return &r;
    return nullptr;
}

const ServerRecord *Importer::serverNamed(const QString &name)
{
    if (const SshImportRow *row = rowNamed(name))
        return &row->server;
    const auto existing = std::ranges::find_if(
        m_existing, [&](const ServerRecord &s) { return !name.isEmpty() && s.name == name; });
    return existing != m_existing.end() ? &*existing : nullptr;
}

} // namespace

QList<SshImportRow> SshConfigImport::rows(
    const QList<SshConfigHost> &hosts, const QList<ServerRecord> &existing)
{
    return Importer(hosts, existing).run();
}

ServerRecord SshConfigImport::serverFor(const SshConfigHost &host)
{
    ServerRecord server;
    server.name = host.alias;
    server.address = host.hostName.isEmpty() ? host.alias : host.hostName;
    server.port = host.port;
    server.user = host.user.isEmpty() ? u"root"_s : host.user;
    server.keyFile = host.identityFiles.value(0);
    server.auth = server.keyFile.isEmpty() ? AuthKind::Agent : AuthKind::Key;
    return server;
}

std::optional<SshConfigImport::Hop> SshConfigImport::parseHop(const QString &text)
{
    QString rest = text.startsWith(u"ssh://"_s) ? text.mid(6) : text;
    if (rest.endsWith(u'/'))
        rest.chop(1);
    Hop hop;
    if (const qsizetype at = rest.lastIndexOf(u'@'); at >= 0) {
        hop.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (hop.user.isEmpty())
            return std::nullopt;
    }
    QString port;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        hop.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            return std::nullopt;
        port = after.mid(1);
        if (after == u":"_s)
            return std::nullopt;
    } else if (rest.count(u':') == 1) {
        hop.host = rest.section(u':', 0, 0);
        port = rest.section(u':', 1);
        if (port.isEmpty())
            return std::nullopt;
    } else {
        hop.host = rest; // a host name, or an IPv6 address without a port
    }
    static const QRegularExpression hostPattern(u"^[A-Za-z0-9._:%-]+$"_s);
    if (hop.host.isEmpty() || !hostPattern.match(hop.host).hasMatch() || hop.user.contains(u' '))
        return std::nullopt;
    if (!port.isEmpty()) {
        bool ok = false;
        hop.port = port.toInt(&ok);
        if (!ok || hop.port < 1 || hop.port > 65535 || !port.front().isDigit())
            return std::nullopt;
    }
    return hop;
}

} // namespace Gantry
