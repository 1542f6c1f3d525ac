#include "cli/keychaincommand.h"

#include <QEventLoop>
#include <QFutureWatcher>

#include "cli/terminal.h"
#include "core/secret/secretstore.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

int KeychainCommand::run(const QStringList &arguments)
{
    if (arguments.size() != 2 || arguments.at(1) != u"check") {
        Terminal::err(tr("Usage: gantryctl keychain check"));
        return 2;
    }
    QFutureWatcher<Result<void>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result<void>>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(SecretStore::checkAvailable());
    loop.exec();
    const Result<void> result = watcher.result();
    if (!result) {
        Terminal::err(tr("error: %1").arg(result.error().message));
        Terminal::err(tr("hint: %1").arg(result.error().hint));
        return 1;
    }
    Terminal::err(tr("The keychain is available: Gantry keeps secrets there and nowhere else."));
    return 0;
}

} // namespace Gantry::Cli
