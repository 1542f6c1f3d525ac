#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// Gantry's known_hosts file, read and written with Qt's file API rather than libssh's: libssh
// opens files with the C runtime's fopen, which on Windows takes the path in the ANSI code page
// (a profile folder with Chinese characters cannot be opened) and splits folders at '/' only
// (a native C:\... path makes it create "."). Lines are OpenSSH's: "HOSTS KEYTYPE BASE64", HOSTS
// a comma-separated list (host or [host]:port); hashed (|1|...) and marker (@...) lines are skipped.
class KnownHostsFile final {
    Q_DECLARE_TR_FUNCTIONS(KnownHostsFile)
public:
    enum class Match { Known, Changed, Unknown };

    // `entry`: the server's line as libssh exports it (ssh_session_export_known_hosts_entry).
    static Result<Match> check(const QString &path, const QString &entry);
    static Result<void> append(const QString &path, const QString &entry);
};

} // namespace Gantry
