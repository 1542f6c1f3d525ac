#pragma once

#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QDateTime>

#include "core/deploy/deployrequest.h"
#include "core/deploy/envdiff.h"

class QWidget;

namespace Gantry {

class GuiPrompter;
class Workspace;

// Reads the env file an app has on a server, on that server's own worker thread, and compares it
// with what a profile renders for it: for the Deploy page's plan and the Profiles page. An unknown
// host key is asked about first; sudo and login passwords go through the prompter.
class EnvDiffReader final {
    Q_DECLARE_TR_FUNCTIONS(EnvDiffReader)
public:
    using Done = std::function<void(Result<EnvComparison>)>;

    // `host.env` holds the secret values already (DeployPlanner::readSecrets). `done` runs on the
    // GUI thread unless `context` is gone; its error names the server.
    static void read(QWidget *context, const Workspace &workspace,
        const std::shared_ptr<GuiPrompter> &prompter, const QString &app, const DeployHost &host,
        EnvDiff::Secrets secrets, Done done);

    // "Nothing is deployed to d1 yet; …" or "Read /opt/… on d1 at 10:42: 2 changed, 1 added."
    static QString summary(const QString &server, const EnvComparison &comparison, const QDateTime &when);
};

} // namespace Gantry
