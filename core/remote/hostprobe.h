#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// What a Linux server told HostProbe::script().
struct HostFacts {
    QString osId; // os-release ID: "debian", "ubuntu", "alpine"; empty without os-release
    QString osVersion; // VERSION_ID: "12", "22.04", "3.19.1"
    QString osPrettyName; // PRETTY_NAME: "Debian GNU/Linux 12 (bookworm)"
    QString kernel; // uname -s: "Linux"
    QString unameMachine; // uname -m: "x86_64", "aarch64"
    QString goarch; // GOARCH for unameMachine; empty when Gantry does not know it
    bool systemd = false; // systemd is PID 1 (/run/systemd/system exists)
    bool supervisor = false; // supervisord runs (its socket or its process)
    QString freePath; // the deploy root, or its nearest existing parent, that df measured
    qint64 freeBytes = -1; // available to unprivileged users there; -1 when df failed
    bool portInUse = false; // something listens on the service port (TCP, any address)
    QString portOwner; // process name, when ss could tell (the login user's own processes, or as root)
    qint64 portOwnerPid = 0;
    // The lines of the caller's own sections (see script()'s `extra`), by name.
    QHash<QByteArray, QList<QByteArray>> extra;
};

// A read-only look at a server before the first deploy: OS, architecture, init system, free
// space under the deploy root and whether the service port is taken. The script is POSIX sh
// (dash, busybox ash) for the login user, no sudo; parse() does the work on the client.
class HostProbe final {
    Q_DECLARE_TR_FUNCTIONS(HostProbe)
public:
    // The script, to run with `sh -s` (on stdin) or `sh -c`. It prints sections that start
    // with "@@" lines: raw os-release, uname, /run/systemd/system, df -Pk, and the listening
    // sockets from `ss -Hltnp` (or, without a working ss, /proc/net/tcp and tcp6).
    // `extra` is more POSIX sh, run last, printing its own "@@name" sections; parse() hands them
    // back in HostFacts::extra, so a deploy asks everything it needs in one round trip.
    static QByteArray script(const QString &deployRoot, int port, const QByteArray &extra = {});

    // Reads the script's output, ignoring anything a login shell printed before it. Fails
    // when the output has no probe header, is cut short, or lacks uname.
    static Result<HostFacts> parse(const QByteArray &output);

    static QString goarchFor(const QString &unameMachine);

    // One os-release value, unquoted by its shell-like rules: "..." with \" \\ \$ \` escapes,
    // '...' literal, a backslash outside quotes escapes the next character.
    static QString unquoteOsRelease(QStringView value);
};

} // namespace Gantry
