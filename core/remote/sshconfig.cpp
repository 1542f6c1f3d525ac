#include "core/remote/sshconfig.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

constexpr int MaxIncludeDepth = 16; // OpenSSH's READCONF_MAX_DEPTH
constexpr qint64 MaxFileBytes = 1 << 20;

// Where the options of a line apply: every pattern list of the enclosing Host lines (an Include
// inside a Host block nests them) must match, and nothing in a Match block applies.
struct Scope {
    QList<QStringList> hostPatterns;
    bool inMatch = false;
};

struct Option {
    QString keyword; // lower case
    QString value;
    QString file;
    int line = 0;
    Scope scope;
};

struct Line {
    QString keyword; // lower case; empty for a blank line or a comment
    QStringList args;
};

Error located(const QString &file, int line, const QString &problem, const QString &hint)
{
    return Error { SshConfig::tr("%1:%2: %3").arg(file).arg(line).arg(problem), hint, {} };
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\f' || c == u'\v';
}

// OpenSSH's strdelim() for the keyword, then argv_split() for the rest.
Result<Line> splitLine(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && isBlank(text.at(i)))
        ++i;
    qsizetype end = i;
    while (end < text.size() && !isBlank(text.at(end)) && text.at(end) != u'=')
        ++end;
    Line line { text.sliced(i, end - i).toString().toLower(), {} };
    if (line.keyword.isEmpty() || line.keyword.startsWith(u'#'))
        return Line {};
    while (end < text.size() && isBlank(text.at(end)))
        ++end;
    if (end < text.size() && text.at(end) == u'=')
        ++end;
    auto args = SshConfig::splitArguments(text.sliced(end));
    if (!args)
        return std::unexpected(args.error());
    line.args = *args;
    return line;
}

bool isConcreteAlias(const QString &pattern)
{
    return !pattern.isEmpty() && !pattern.startsWith(u'!') && !pattern.contains(u'*') &&
        !pattern.contains(u'?');
}

bool matchesList(const QString &alias, const QStringList &patterns)
{
    bool found = false;
    for (const QString &pattern : patterns) {
        const bool negated = pattern.startsWith(u'!');
        if (SshConfig::matchesPattern(
                alias, negated ? QStringView(pattern).sliced(1) : QStringView(pattern))) {
            if (negated)
                return false;
            found = true;
        }
    }
    return found;
}

bool applies(const Scope &scope, const QString &alias)
{
    return !scope.inMatch &&
        std::all_of(scope.hostPatterns.begin(), scope.hostPatterns.end(),
            [&](const QStringList &patterns) { return matchesList(alias, patterns); });
}

// "%x" tokens of `text`, replaced from `tokens`; an unknown one is an error naming it.
Result<QString> percentExpand(const QString &text, const QHash<QChar, QString> &tokens)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'%') {
            out += text.at(i);
            continue;
        }
        const QChar key = i + 1 < text.size() ? text.at(++i) : QChar();
        if (key == u'%')
            out += u'%';
        else if (tokens.contains(key))
            out += tokens.value(key);
        else
            return fail(SshConfig::tr("\"%1\" uses the token %%2, which Gantry does not expand.")
                            .arg(text, QString(key)),
                SshConfig::tr("Write that part of the path out in full."));
    }
    return out;
}

QString tildeExpand(const QString &path, const QString &home)
{
    if (path == u"~")
        return home;
    return path.startsWith(u"~/") ? home + path.mid(1) : path;
}

const QHash<QChar, QString> &tokenShapes(const QString &keyword)
{
    static const QHash<QChar, QString> identity { { u'd', {} }, { u'u', {} }, { u'h', {} }, { u'r', {} },
        { u'p', {} }, { u'n', {} } };
    static const QHash<QChar, QString> hostName { { u'h', {} } };
    static const QHash<QChar, QString> none;
    return keyword == u"identityfile" ? identity : keyword == u"hostname" ? hostName : none;
}

// Reads one file into options, following Include.
class ConfigReader final {
public:
    explicit ConfigReader(const SshConfigContext &context)
        : m_context(context)
    {
    }

    Result<void> read(const QByteArray &text, const QString &file, const Scope &outer, int depth);
    QList<SshConfigHost> hosts() const;

private:
    Result<void> handle(
        const Line &line, const QString &file, int number, const Scope &outer, Scope &scope, int depth);
    Result<void> include(
        const QString &pattern, const QString &file, int number, const Scope &scope, int depth);
    Result<void> addOption(const Line &line, const QString &file, int number, const Scope &scope);
    Result<SshConfigHost> resolve(const QString &alias) const;

    const SshConfigContext &m_context;
    QList<Option> m_options;
    QStringList m_aliases;
};

Result<void> ConfigReader::read(const QByteArray &text, const QString &file, const Scope &outer, int depth)
{
    Scope scope = outer;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        const auto line = splitLine(QString::fromUtf8(lines.at(i)));
        if (!line)
            return std::unexpected(located(file, number, line.error().message, line.error().hint));
        if (line->keyword.isEmpty())
            continue;
        if (auto ok = handle(*line, file, number, outer, scope, depth); !ok)
            return ok;
    }
    return {};
}

Result<void> ConfigReader::handle(
    const Line &line, const QString &file, int number, const Scope &outer, Scope &scope, int depth)
{
    if (line.keyword == u"host") {
        if (line.args.isEmpty())
            return std::unexpected(located(file, number, SshConfig::tr("Host names no host."),
                SshConfig::tr("Write at least one name or pattern after Host.")));
        scope = outer;
        scope.hostPatterns << line.args;
        for (const QString &alias : line.args) { // a Host line in a conditional Include: only if it can apply
            if (isConcreteAlias(alias) && applies(outer, alias) && !m_aliases.contains(alias))
                m_aliases << alias;
        }
        return {};
    }
    if (line.keyword == u"match") {
        scope = outer;
        scope.inMatch = true;
        return {};
    }
    if (line.keyword == u"include") {
        if (line.args.isEmpty())
            return std::unexpected(located(file, number, SshConfig::tr("Include names no file."),
                SshConfig::tr("Write the file to include after Include.")));
        for (const QString &pattern : line.args) {
            if (auto ok = include(pattern, file, number, scope, depth); !ok)
                return ok;
        }
        return {};
    }
    return addOption(line, file, number, scope);
}

Result<void> ConfigReader::include(
    const QString &pattern, const QString &file, int number, const Scope &scope, int depth)
{
    if (depth + 1 > MaxIncludeDepth)
        return std::unexpected(located(file, number,
            SshConfig::tr("Include is nested more than %1 levels deep.").arg(MaxIncludeDepth),
            SshConfig::tr("Check whether a file includes itself.")));
    QString path = tildeExpand(pattern, m_context.homeDir);
    if (QDir::isRelativePath(path)) // "C:/Users/..." is absolute on Windows, as "/home/..." is elsewhere
        path = m_context.homeDir + u"/.ssh/"_s + path;
    if (!m_context.readIncludes)
        return {};
    for (const SshConfigFile &included : m_context.readIncludes(path)) {
        if (auto ok = read(included.text, included.path, scope, depth + 1); !ok)
            return ok;
    }
    return {};
}

Result<void> ConfigReader::addOption(const Line &line, const QString &file, int number, const Scope &scope)
{
    static const QStringList imported { u"hostname"_s, u"user"_s, u"port"_s, u"identityfile"_s,
        u"proxyjump"_s };
    if (line.keyword == u"proxycommand" && !line.args.isEmpty()) {
        // A command line of its own: kept only to say that Gantry cannot run it.
        m_options << Option { line.keyword, line.args.join(u' '), file, number, scope };
        return {};
    }
    if (!imported.contains(line.keyword))
        return {}; // an option Gantry does not import; ssh checks it
    if (line.args.size() != 1)
        return std::unexpected(located(file, number,
            line.args.isEmpty() ? SshConfig::tr("%1 has no value.").arg(line.keyword)
                                : SshConfig::tr("%1 has more than one value.").arg(line.keyword),
            SshConfig::tr("Write exactly one value; quote it if it has spaces.")));
    const QString value = line.args.first();
    bool ok = false;
    const int port = value.toInt(&ok);
    if (line.keyword == u"port" && (!ok || port < 1 || port > 65535 || !value.front().isDigit()))
        return std::unexpected(
            located(file, number, SshConfig::tr("Port \"%1\" is not a number from 1 to 65535.").arg(value),
                SshConfig::tr("Write the SSH port as a number, such as 22.")));
    if (auto expanded = percentExpand(value, tokenShapes(line.keyword)); !expanded)
        return std::unexpected(located(file, number, expanded.error().message, expanded.error().hint));
    m_options << Option { line.keyword, value, file, number, scope };
    return {};
}

QList<SshConfigHost> ConfigReader::hosts() const
{
    QList<SshConfigHost> hosts;
    for (const QString &alias : m_aliases) {
        if (auto host = resolve(alias))
            hosts << *host;
    }
    return hosts;
}

Result<SshConfigHost> ConfigReader::resolve(const QString &alias) const
{
    QHash<QString, QString> first;
    QStringList identities;
    for (const Option &option : m_options) {
        if (!applies(option.scope, alias))
            continue;
        if (option.keyword == u"identityfile")
            identities << option.value;
        else if (!first.contains(option.keyword))
            first.insert(option.keyword, option.value);
    }
    SshConfigHost host;
    host.alias = alias;
    host.user = first.value(u"user"_s);
    host.port = first.contains(u"port"_s) ? first.value(u"port"_s).toInt() : 22;
    const QString proxy = first.value(u"proxyjump"_s);
    host.proxyJump = proxy.compare(u"none"_s, Qt::CaseInsensitive) == 0 ? QString() : proxy;
    const QString command = first.value(u"proxycommand"_s);
    host.proxyCommand = command.compare(u"none"_s, Qt::CaseInsensitive) == 0 ? QString() : command;
    const auto hostName = percentExpand(first.value(u"hostname"_s, u"%h"_s), { { u'h', alias } });
    if (!hostName)
        return std::unexpected(hostName.error());
    host.hostName = hostName->toLower(); // as ssh does
    const QHash<QChar, QString> tokens { { u'd', m_context.homeDir }, { u'u', m_context.localUser },
        { u'h', host.hostName }, { u'r', host.user.isEmpty() ? m_context.localUser : host.user },
        { u'p', QString::number(host.port) }, { u'n', alias } };
    for (const QString &identity : identities) {
        const auto path = percentExpand(tildeExpand(identity, m_context.homeDir), tokens);
        if (path && identity.compare(u"none"_s, Qt::CaseInsensitive) != 0 &&
            !host.identityFiles.contains(*path))
            host.identityFiles << *path;
    }
    return host;
}

// Directories matching the glob components of `pattern` one by one, like glob(3) with GLOB_NOSORT off.
QStringList globPaths(const QString &pattern)
{
    // From the pattern's root: "/", or a drive on Windows ("C:/Users/...").
    const bool drive = pattern.size() > 2 && pattern.at(1) == u':' && pattern.at(2) == u'/';
    QStringList paths { drive ? pattern.left(3) : u"/"_s };
    const QStringList parts = pattern.mid(drive ? 3 : 0).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QStringList next;
        for (const QString &dir : paths) {
            const QString base = dir.endsWith(u'/') ? dir : dir + u'/';
            const QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System |
                (parts.at(i).startsWith(u'.') ? QDir::Hidden : QDir::Filter(0));
            const bool wild =
                parts.at(i).contains(u'*') || parts.at(i).contains(u'?') || parts.at(i).contains(u'[');
            if (!wild) {
                if (QFileInfo::exists(base + parts.at(i)))
                    next << base + parts.at(i);
                continue;
            }
            for (const QString &name : QDir(dir).entryList({ parts.at(i) }, filters, QDir::Name))
                next << base + name;
        }
        paths = next;
    }
    return paths;
}

} // namespace

Result<QList<SshConfigHost>> SshConfig::parse(const QByteArray &text, const QString &homeDir)
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return parse(text, SshConfigContext { homeDir, user, diskReader() });
}

Result<QList<SshConfigHost>> SshConfig::parse(const QByteArray &text, const SshConfigContext &context)
{
    ConfigReader reader(context);
    if (auto ok = reader.read(text, context.fileName, Scope {}, 0); !ok)
        return std::unexpected(ok.error());
    return reader.hosts();
}

QString SshConfig::defaultPath()
{
    return QDir::homePath() + u"/.ssh/config"_s;
}

SshIncludeReader SshConfig::diskReader()
{
    return [](const QString &pattern) {
        QList<SshConfigFile> files;
        for (const QString &path : globPaths(pattern)) {
            QFile file(path);
            if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly))
                files << SshConfigFile { path, file.read(MaxFileBytes) };
        }
        return files;
    };
}

Result<QStringList> SshConfig::splitArguments(QStringView text)
{
    QStringList args;
    qsizetype i = 0;
    while (true) {
        while (i < text.size() && isBlank(text.at(i)))
            ++i;
        if (i >= text.size() || text.at(i) == u'#')
            return args;
        QString arg;
        QChar quote;
        for (; i < text.size() && (!quote.isNull() || !isBlank(text.at(i))); ++i) {
            const QChar c = text.at(i);
            const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
            const bool escapes =
                next == u'\'' || next == u'"' || next == u'\\' || (quote.isNull() && next == u' ');
            if (c == u'\\' && escapes)
                arg += text.at(++i);
            else if (quote.isNull() && (c == u'"' || c == u'\''))
                quote = c;
            else if (!quote.isNull() && c == quote)
                quote = QChar();
            else
                arg += c;
        }
        if (!quote.isNull())
            return fail(tr("A quote is not closed."), tr("Close the quote, or escape it with a backslash."));
        args << arg;
    }
}

bool SshConfig::matchesPattern(QStringView name, QStringView pattern)
{
    // Iterative "*"/"?" matching with one backtrack point, as OpenSSH's match_pattern().
    qsizetype n = 0, p = 0, starP = -1, starN = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern.at(p) == u'?' || pattern.at(p) == name.at(n))) {
            ++n;
            ++p;
        } else if (p < pattern.size() && pattern.at(p) == u'*') {
            starP = p++;
            starN = n;
        } else if (starP >= 0) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == u'*')
        ++p;
    return p == pattern.size();
}

} // namespace Gantry
