#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/remote/sshconfig.h"
#include "core/store/records.h"

namespace Gantry {

// One server an import of an OpenSSH config would add.
struct SshImportRow {
    ServerRecord server;
    QString alias; // the config's Host alias; empty for a jump server the import adds for a ProxyJump hop
    QString problem; // why it cannot be imported as it is; empty: it can
};

// Turns the hosts of an OpenSSH client config into Gantry servers, for gantryctl server import
// and the GUI's import dialog alike. ProxyJump becomes the server's jump server:
//   - "none" (or no ProxyJump): directly;
//   - an alias of another host in the config, or the name of a server the workspace has;
//   - "[user@]host[:port]" (or ssh://user@host:port): a known server with that address, port and
//     user, else a new jump server row named after the host;
//   - "a,b,c": a chain, when every hop is such a known alias or server (the last hop is the
//     jump server, each hop connects through the one before);
// ProxyCommand cannot be imported: its row says so.
class SshConfigImport final {
    Q_DECLARE_TR_FUNCTIONS(SshConfigImport)
public:
    // `existing`: the workspace's servers. Rows come in the config's order, a new jump server
    // right before the first host that uses it.
    static QList<SshImportRow> rows(const QList<SshConfigHost> &hosts, const QList<ServerRecord> &existing);
    // The server for one host, ignoring ProxyJump.
    static ServerRecord serverFor(const SshConfigHost &host);

    struct Hop {
        QString user; // empty: not given
        QString host;
        int port = 0; // 0: not given
    };
    // One ProxyJump hop: "[user@]host[:port]", "[user@][v6 address]:port" or
    // "ssh://[user@]host[:port]"; std::nullopt when it is none of these.
    static std::optional<Hop> parseHop(const QString &text);
};

} // namespace Gantry
