#pragma once

#include <chrono>
#include <vector>

#include <QList>
#include <QString>
#include <QStringList>

#include "core/store/records.h"

namespace Gantry {

// Where and how to connect. Built from a ServerRecord plus Gantry's own known_hosts file.
struct SshTarget {
    QString name; // the server's name in Gantry, for messages; may be empty
    QString host;
    int port = 22;
    QString user;
    AuthKind auth = AuthKind::Agent;
    QString keyFile; // for AuthKind::Key
    QString knownHostsFile; // Gantry's own, OpenSSH format; never ~/.ssh/known_hosts for writing
    std::chrono::seconds connectTimeout { 10 };
    // How long a session may be quiet before a keep-alive goes out; three unanswered ones drop
    // the connection (DeadPeer). GANTRY_SSH_KEEPALIVE=SECONDS changes it (default 15).
    std::chrono::seconds keepAlive { 15 };
    // The jump servers to go through, first hop first (ProxyJump); empty: connect directly. Each
    // hop is a whole target of its own: its own user, key and pinned host key.
    std::vector<SshTarget> jumps;

    QString display() const; // "user@host:port"
    QString label() const; // the name, else the host

    // The target for `server`, reached through `jumps` (JumpChain::resolve, first hop first).
    static SshTarget fromServer(const ServerRecord &server, const QList<ServerRecord> &jumps,
        const QString &knownHostsFile, std::chrono::seconds connectTimeout);
    static std::chrono::seconds keepAliveFromEnvironment();
};

// What the user said about an unknown host key, on this connect only.
struct HostKeyPolicy {
    bool acceptNew = false; // gantryctl --accept-new-host-key, or "Trust" in the GUI dialog
    QString trustFingerprint; // gantryctl --trust-host-key SHA256:...; accepted only if it matches
    // Keys the user trusted one at a time on this connect (the GUI asks hop by hop); a key that is
    // none of them is unknown, not a mismatch.
    QStringList trusted {};
};

// The server's key as seen on connect.
struct HostKeyInfo {
    QString fingerprint; // "SHA256:<base64 without padding>", as ssh-keygen -l prints it
    QString type; // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString knownHostsLine; // "[host]:port ssh-ed25519 AAAA..." (or "host ..." on port 22)
};

} // namespace Gantry
