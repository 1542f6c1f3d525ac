#pragma once

#include <chrono>

#include <QString>

#include "core/store/records.h"

namespace Gantry {

// Where and how to connect. Built from a ServerRecord plus Gantry's own known_hosts file.
struct SshTarget {
    QString host;
    int port = 22;
    QString user;
    AuthKind auth = AuthKind::Agent;
    QString keyFile; // for AuthKind::Key
    QString knownHostsFile; // Gantry's own, OpenSSH format; never ~/.ssh/known_hosts for writing
    std::chrono::seconds connectTimeout { 10 };
    std::chrono::seconds keepAlive { 15 };

    QString display() const; // "user@host:port"
};

// What the user said about an unknown host key, on this connect only.
struct HostKeyPolicy {
    bool acceptNew = false; // gantryctl --accept-new-host-key, or "Trust" in the GUI dialog
    QString trustFingerprint; // gantryctl --trust-host-key SHA256:...; accepted only if it matches
};

// The server's key as seen on connect.
struct HostKeyInfo {
    QString fingerprint; // "SHA256:<base64 without padding>", as ssh-keygen -l prints it
    QString type; // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString knownHostsLine; // "[host]:port ssh-ed25519 AAAA..." (or "host ..." on port 22)
};

} // namespace Gantry
