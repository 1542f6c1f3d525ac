// A second Gantry process for tst_workspace: opens the workspace in argv[1] and writes to it in a loop
// while other processes do the same.
//   workspace_writer DIR write COUNT TAG   adds COUNT variables TAG_<i> to shared/dev and COUNT deployments
//   workspace_writer DIR count             prints "<variables in shared/dev> <deployments>"
#include <QCoreApplication>
#include <QTextStream>

#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace {

int failWith(const Gantry::Error &error)
{
    QTextStream(stderr) << error.toString() << u'\n';
    return 1;
}

int write(Gantry::Workspace &workspace, int count, const QString &tag)
{
    for (int i = 0; i < count; ++i) {
        const Gantry::VariableRecord variable { tag + u'_' + QString::number(i), u"value\n%1"_s.arg(i), false,
            {} };
        if (auto ok = workspace.setVariable(u"shared"_s, u"dev"_s, variable); !ok)
            return failWith(ok.error());
        const Gantry::DeploymentRecord deployment { 0, tag, QDateTime::currentDateTimeUtc(), u"shared"_s,
            QString::number(i), u"dev"_s, { u"web1"_s }, u"success"_s, i, u"log"_s };
        if (auto id = workspace.addDeployment(deployment); !id)
            return failWith(id.error());
    }
    return 0;
}

int count(const Gantry::Workspace &workspace)
{
    const auto variables = workspace.variables(u"shared"_s, u"dev"_s);
    const auto deployments = workspace.deployments(u"shared"_s, 1000000);
    if (!variables || !deployments)
        return failWith(variables ? deployments.error() : variables.error());
    QTextStream(stdout) << variables->size() << u' ' << deployments->size() << u'\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3 || (args.at(2) == u"write"_s && args.size() < 5)) {
        QTextStream(stderr) << "usage: workspace_writer DIR write COUNT TAG | DIR count\n";
        return 2;
    }
    auto workspace = Gantry::Workspace::open(args.at(1));
    if (!workspace)
        return failWith(workspace.error());
    if (args.at(2) == u"count"_s)
        return count(**workspace);
    return write(**workspace, args.at(3).toInt(), args.at(4));
}
