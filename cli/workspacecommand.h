#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Gantry::Cli {

// `gantryctl workspace export FILE.json | import FILE.json | info`: the workspace as one JSON
// document (secrets by name only, never their values) and back, and where it is.
// Exit codes: 0 done, 1 failed (message names problem and fix), 2 usage.
class WorkspaceCommand final {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceCommand)
public:
    // `arguments`: argv[0], then the action and its arguments.
    static int run(const QStringList &arguments, const QString &workspaceDir);
    static QString usageText();
};

} // namespace Gantry::Cli
