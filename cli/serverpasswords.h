#pragma once

#include <QCoreApplication>
#include <QList>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {
class Workspace;
}

namespace Gantry::Cli {

class CliPrompter;

// Login and sudo passwords: from standard input (--password-stdin), or remembered per server in
// the OS keychain (server add --remember-password). Never from the command line.
class ServerPasswords final {
    Q_DECLARE_TR_FUNCTIONS(ServerPasswords)
public:
    static QString keychainKey(const Workspace &workspace, const QString &server);
    static Result<void> readStdin(CliPrompter &prompter);
    static void loadRemembered(
        const Workspace &workspace, const QList<ServerRecord> &servers, CliPrompter &prompter);
};

} // namespace Gantry::Cli
