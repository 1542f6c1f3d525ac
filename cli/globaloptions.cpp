#include "cli/globaloptions.h"

#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

const QString WorkspaceFlag = u"--workspace"_s;

} // namespace

Result<GlobalOptions> GlobalOptions::take(QStringList &arguments)
{
    GlobalOptions options;
    for (qsizetype i = 1; i < arguments.size() && arguments.at(i) != u"--";) {
        const QString &argument = arguments.at(i);
        if (argument.startsWith(WorkspaceFlag + u'=')) {
            options.workspaceDir = argument.mid(WorkspaceFlag.size() + 1);
            arguments.removeAt(i);
        } else if (argument == WorkspaceFlag && i + 1 < arguments.size()) {
            options.workspaceDir = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (argument == WorkspaceFlag) {
            options.workspaceDir.clear();
            arguments.removeAt(i);
        } else {
            ++i;
            continue;
        }
        if (options.workspaceDir.isEmpty())
            return fail(tr("--workspace needs a folder."), tr("Write it as --workspace DIR."));
    }
    if (options.workspaceDir.isEmpty())
        options.workspaceDir = Workspace::defaultDir();
    return options;
}

QCommandLineOption GlobalOptions::workspaceOption()
{
    return { u"workspace"_s,
        tr("The workspace folder; may stand before or after the command. Default: %1.")
            .arg(Workspace::defaultDir()),
        u"DIR"_s };
}

} // namespace Gantry::Cli
