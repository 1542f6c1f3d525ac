#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Gantry::Cli {

// `gantryctl profile list|show|set|unset|import|export|add|extend|remove ...`: a project's
// profiles in the workspace. Secret values go to the OS keychain only and are shown as ****.
// Exit codes: 0 done, 1 failed (message names problem and fix; nothing was written), 2 usage.
class ProfileCommand final {
    Q_DECLARE_TR_FUNCTIONS(ProfileCommand)
public:
    // `arguments`: argv[0], then the action and its arguments.
    static int run(const QStringList &arguments, const QString &workspaceDir);
    static QString usageText();
};

} // namespace Gantry::Cli
