#include "core/store/jumpchain.h"

#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const ServerRecord *find(const QList<ServerRecord> &all, const QString &name)
{
    const auto it = std::ranges::find_if(all, [&](const ServerRecord &s) { return s.name == name; });
    return it == all.end() ? nullptr : &*it;
}

} // namespace

Result<QList<ServerRecord>> JumpChain::resolve(const ServerRecord &server, const QList<ServerRecord> &all)
{
    if (server.jump == server.name && !server.jump.isEmpty())
        return fail(tr("Server %1 cannot connect through itself.").arg(server.name),
            tr("Choose another server to connect through, or connect to %1 directly.").arg(server.name));
    QList<ServerRecord> chain;
    QStringList seen { server.name };
    for (const ServerRecord *current = &server; !current->jump.isEmpty();) {
        const ServerRecord *next = find(all, current->jump);
        if (!next)
            return fail(tr("Server %1 connects through %2, but there is no server named %2.")
                            .arg(current->name, current->jump),
                tr("Add the server %1 first, or choose another way to reach %2.")
                    .arg(current->jump, current->name));
        if (seen.contains(next->name)) {
            seen << next->name;
            return fail(tr("The servers %1 connect through each other in a loop.").arg(seen.join(u" → "_s)),
                tr("Make one of them connect directly, or through a server outside the loop."));
        }
        if (chain.size() == MaxHops)
            return fail(tr("Server %1 is more than %2 jump servers away.").arg(server.name).arg(MaxHops),
                tr("Connect through fewer jump servers."));
        seen << next->name;
        chain.prepend(*next);
        current = next;
    }
    return chain;
}

Result<QList<ServerRecord>> JumpChain::resolve(const Workspace &workspace, const ServerRecord &server)
{
    if (server.jump.isEmpty())
        return QList<ServerRecord>();
    auto all = workspace.servers();
    if (!all)
        return std::unexpected(all.error());
    return resolve(server, *all);
}

Result<void> JumpChain::check(const ServerRecord &server, QList<ServerRecord> all)
{
    all.removeIf([&](const ServerRecord &s) { return s.name == server.name; });
    all << server;
    auto chain = resolve(server, all);
    if (!chain)
        return std::unexpected(chain.error());
    // A server others jump through must not start to jump through one of them.
    for (const ServerRecord &other : std::as_const(all))
        if (auto ok = resolve(other, all); !ok && other.name != server.name)
            return std::unexpected(ok.error());
    return {};
}

QStringList JumpChain::usersOf(const QString &name, const QList<ServerRecord> &all)
{
    QStringList users;
    for (const ServerRecord &s : all)
        if (s.jump == name && s.name != name)
            users << s.name;
    return users;
}

Result<void> JumpChain::checkRemoval(const QString &name, const QList<ServerRecord> &all)
{
    const QStringList users = usersOf(name, all);
    if (users.isEmpty())
        return {};
    return fail(tr("Server %1 cannot be removed: %2 connect(s) through it.", nullptr, int(users.size()))
                    .arg(name, users.join(u", "_s)),
        tr("First let %1 connect another way (edit it, or remove it), then remove %2.")
            .arg(users.join(u", "_s), name));
}

QList<ServerRecord> JumpChain::jumpsFirst(const QList<ServerRecord> &servers)
{
    QList<ServerRecord> ordered;
    QList<ServerRecord> waiting = servers;
    QStringList placed;
    bool progress = true;
    while (!waiting.isEmpty() && progress) {
        progress = false;
        for (qsizetype i = 0; i < waiting.size();) {
            const ServerRecord &s = waiting.at(i);
            const bool ready = s.jump.isEmpty() || placed.contains(s.jump) || !find(servers, s.jump);
            if (!ready) {
                ++i;
                continue;
            }
            placed << s.name;
            ordered << waiting.takeAt(i);
            progress = true;
        }
    }
    return ordered + waiting;
}

} // namespace Gantry
