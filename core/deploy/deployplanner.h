#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>

#include "core/build/buildmanifest.h"
#include "core/deploy/deployrequest.h"

namespace Gantry {

class Workspace;

// What the user picked: a project, a profile and servers, and a build of that project.
struct DeployChoice {
    QString project;
    QString app; // the service's name; empty: the binary's
    QString profile = QStringLiteral("prod");
    QStringList servers;
    QString package; // main package to deploy ("." or "cmd/api"); empty: the only one built
    int batchSize = 0;
    bool breakLock = false;
    QString knownHostsFile;
};

// Turns a choice and a build into a DeployRequest: the Linux archives by architecture, and per
// server the resolved profile and its env file. Secret values come from the keychain.
class DeployPlanner final {
    Q_DECLARE_TR_FUNCTIONS(DeployPlanner)
public:
    // Everything but secret values: secret variables carry their keychain key until readSecrets().
    static Result<DeployRequest> plan(
        const Workspace &workspace, const DeployChoice &choice, const BuildManifest &manifest);
    // The part of a plan that needs no build: per server the resolved profile (inheritance and the
    // server's overrides applied) and its variables, for the env diff alone. `choice.app` names the app.
    static Result<DeployRequest> planServers(const Workspace &workspace, const DeployChoice &choice);
    // Reads the secrets from the keychain and renders every server's env file.
    // A finished build's folder (its manifest.json), to deploy without building: the Linux archives
    // must be there with the size and sha256 the manifest names, and the project must match.
    static Result<BuildManifest> builtOutput(const QString &dir, const QString &project);
    static QFuture<Result<DeployRequest>> readSecrets(DeployRequest request, const Workspace &workspace);
    // Renders the env file of one server from its variables (secrets must be filled in).
    static Result<void> render(DeployHost &host);
    static QString who(); // "user@machine"
    // The row of the local deploy history for a finished deploy.
    static DeploymentRecord historyRecord(
        const DeployRequest &request, const QList<HostOutcome> &outcomes, qint64 durationMs);

private:
    static Result<DeployHost> planHost(
        const Workspace &workspace, const DeployChoice &choice, const QString &server);
};

} // namespace Gantry
