#pragma once

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {

class Workspace;

// The servers a connection goes through: a server's `jump`, that server's `jump`, and so on until
// one is reached directly (OpenSSH's ProxyJump, with Gantry's own server records as the hops).
class JumpChain final {
    Q_DECLARE_TR_FUNCTIONS(JumpChain)
public:
    static constexpr int MaxHops = 8;

    // The jump servers of `server`, first hop first: J1 <- J2 <- server gives { J1, J2 }; empty
    // when it is reached directly. Refuses a server jumping through itself, a loop, a jump server
    // missing from `all`, and more than MaxHops hops, each with a sentence naming the fix.
    static Result<QList<ServerRecord>> resolve(const ServerRecord &server, const QList<ServerRecord> &all);
    static Result<QList<ServerRecord>> resolve(const Workspace &workspace, const ServerRecord &server);

    // Whether `server` may be stored among `all` (where it replaces a server of the same name).
    static Result<void> check(const ServerRecord &server, QList<ServerRecord> all);

    // The servers that connect through `name` (directly), by name.
    static QStringList usersOf(const QString &name, const QList<ServerRecord> &all);
    // Refuses to remove a server others connect through, naming them.
    static Result<void> checkRemoval(const QString &name, const QList<ServerRecord> &all);

    // `servers` in an order in which each one's jump server comes before it (for imports); those
    // whose jump server is missing or part of a loop come last, as they were.
    static QList<ServerRecord> jumpsFirst(const QList<ServerRecord> &servers);
};

} // namespace Gantry
