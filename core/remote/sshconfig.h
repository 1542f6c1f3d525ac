#pragma once

#include <functional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// One host of an OpenSSH client config, with the options that apply to it.
struct SshConfigHost {
    QString alias; // the name after "Host"
    QString hostName; // HostName, "%h" expanded; the alias when unset
    QString user; // empty: the config does not say
    int port = 22;
    QStringList identityFiles; // in the order ssh tries them, "~" and "%" tokens expanded
    QString proxyJump; // as written ("user@bastion:22,other"); empty for none
    QString proxyCommand; // as written; Gantry cannot run it (SshConfigImport says so)
};

// An included file as the reader found it.
struct SshConfigFile {
    QString path;
    QByteArray text;
};

// The files an Include pattern (absolute, "~" expanded, may hold * ? [...]) names, sorted by
// name as glob(3) sorts them; none when nothing matches.
using SshIncludeReader = std::function<QList<SshConfigFile>(const QString &pattern)>;

struct SshConfigContext {
    QString homeDir; // "~" and %d
    QString localUser; // %u, and %r when the config sets no User
    SshIncludeReader readIncludes; // empty: Include lines read nothing
    QString fileName = QStringLiteral("~/.ssh/config"); // names the top file in errors
};

// Imports hosts from an OpenSSH client config (ssh_config(5) as OpenSSH 9 reads it).
//
// Keywords are case-insensitive; "Key value" and "Key=value"; double and single quotes;
// "#" comments, also after the arguments. Only concrete aliases are imported (a Host pattern
// without "*", "?" or a leading "!"). For each alias, every Host block that matches it applies
// in file order, patterns with wildcards and negation included, and the first value obtained
// wins, as in OpenSSH ("Host *" at the end gives defaults); IdentityFile accumulates. Match
// blocks are skipped: their conditions depend on the connection. Include reads files relative
// to ~/.ssh, with globs, in place, up to 16 levels deep; inside a Host block it is conditional.
//
// IdentityFile expands a leading "~" or "~/" and %d (home), %u (local user), %h (host name),
// %r (remote user), %p (port), %n (alias) and %%; HostName expands %h and %%. Any other
// "%" token is an error, as it would be for ssh.
class SshConfig final {
    Q_DECLARE_TR_FUNCTIONS(SshConfig)
public:
    // Reads includes from disk; the local user is the one running Gantry.
    static Result<QList<SshConfigHost>> parse(const QByteArray &text, const QString &homeDir);
    // Fails on the first bad line, naming the file and line: unbalanced quotes, a missing or
    // extra value, a Port that is not a number from 1 to 65535, an unknown "%" token, or
    // Include nested too deep.
    static Result<QList<SshConfigHost>> parse(const QByteArray &text, const SshConfigContext &context);

    static QString defaultPath(); // ~/.ssh/config
    static SshIncludeReader diskReader(); // globs and reads files of at most 1 MiB

    // ssh's own word splitting of a line's arguments, quotes removed; stops at an unquoted "#"
    // that starts a word. Fails on unbalanced quotes.
    static Result<QStringList> splitArguments(QStringView text);

    // OpenSSH's wildcard match for Host patterns: "*" and "?", case-sensitive as ssh matches them.
    static bool matchesPattern(QStringView name, QStringView pattern);
};

} // namespace Gantry
