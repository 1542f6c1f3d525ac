#include "widgets/profiles/envdiffreader.h"

#include <QLocale>

#include "core/deploy/serviceops.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/hostkeyquestion.h"

using namespace Qt::StringLiterals;

namespace Gantry {

void EnvDiffReader::read(QWidget *context, const Workspace &workspace,
    const std::shared_ptr<GuiPrompter> &prompter, const QString &app, const DeployHost &host,
    EnvDiff::Secrets secrets, Done done)
{
    const std::function<Result<EnvComparison>(RemoteHost &)> body = [app, env = host.env, secrets](
                                                                        RemoteHost &remote) {
        return ServiceOps::envDiff(remote, app, env, secrets);
    };
    runTrusting<EnvComparison>(context, prompter->connectionTo(workspace, host.server), prompter, body,
        [server = host.server.name, done](Result<EnvComparison> compared) {
            if (!compared) {
                Error error = compared.error();
                error.message = tr("Could not read the env file on %1: %2").arg(server, error.message);
                return done(std::unexpected(error));
            }
            done(std::move(compared));
        });
}

QString EnvDiffReader::summary(const QString &server, const EnvComparison &comparison, const QDateTime &when)
{
    if (!comparison.deployed)
        return EnvDiff::notDeployed(server);
    const QList<EnvChange> &changes = comparison.changes;
    QStringList counts;
    if (const int n = EnvDiff::count(changes, EnvChange::Kind::Changed))
        counts << tr("%1 changed").arg(n);
    if (const int n = EnvDiff::count(changes, EnvChange::Kind::Added))
        counts << tr("%1 added").arg(n);
    if (const int n = EnvDiff::count(changes, EnvChange::Kind::Removed))
        counts << tr("%1 removed").arg(n);
    const QString what = counts.isEmpty()
        ? tr("nothing would change (%1 unchanged)").arg(EnvDiff::count(changes, EnvChange::Kind::Unchanged))
        : counts.join(tr(", "));
    return tr("Read %1 on %2 at %3: %4.")
        .arg(comparison.path, server, QLocale().toString(when.time(), QLocale::ShortFormat), what);
}

} // namespace Gantry
