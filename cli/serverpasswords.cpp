#include "cli/serverpasswords.h"

#include <QFile>

#include "cli/cliprompter.h"
#include "core/remote/sshtarget.h"
#include "cli/keychain.h"
#include "core/store/jumpchain.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

QString ServerPasswords::keychainKey(const Workspace &workspace, const QString &server)
{
    return u"gantry:%1:server:%2:password"_s.arg(workspace.id(), server);
}

Result<void> ServerPasswords::readStdin(CliPrompter &prompter)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(tr("Could not read the password from standard input."));
    QString password = QString::fromUtf8(in.readAll());
    if (password.endsWith(u'\n'))
        password.chop(1);
    if (password.isEmpty())
        return fail(tr("--password-stdin was given, but standard input was empty."),
            tr("Pipe the password in: printf '%s' \"$PASSWORD\" | gantryctl …"));
    prompter.setPassword(password);
    return {};
}

void ServerPasswords::loadRemembered(
    const Workspace &workspace, const QList<ServerRecord> &servers, CliPrompter &prompter)
{
    QList<ServerRecord> all = servers;
    for (const ServerRecord &server : servers) // jump servers may want their passwords too
        all << JumpChain::resolve(workspace, server).value_or(QList<ServerRecord>());
    for (const ServerRecord &server : std::as_const(all)) {
        if (auto remembered = Keychain::read(keychainKey(workspace, server.name))) {
            const SshTarget target = SshTarget::fromServer(server, {}, {}, {});
            prompter.setPassword(*remembered, target.display());
        }
    }
}

} // namespace Gantry::Cli
