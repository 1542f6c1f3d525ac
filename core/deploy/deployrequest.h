#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include "core/profile/envvariable.h"
#include "core/store/records.h"

namespace Gantry {

// A built Linux archive of the service for one CPU architecture.
struct DeployArtifact {
    QString path; // the .tar.gz on this machine
    QString sha256;
    qint64 size = 0;
    qint64 unpackedSize = 0; // the binary and extra files, for the disk space check
};

// One server of a deploy, with the profile resolved for it.
struct DeployHost {
    ServerRecord server;
    DeploySettings settings;
    QList<EnvVariable> env; // secrets filled in from the keychain, flagged secret
    QByteArray envFile; // env rendered for systemd's EnvironmentFile=
    QList<ServerRecord> jumps {}; // connect through these first (JumpChain::resolve)
};

struct DeployRequest {
    QString project;
    QString profile;
    QString app; // the service's name; every path on the server follows from it (ServerLayout)
    QString binaryName; // inside the archive
    QString version;
    QMap<QString, DeployArtifact> artifacts; // by GOARCH
    QList<DeployHost> hosts;
    QString knownHostsFile;
    QString who; // user@machine, for locks and the history
    int batchSize = 0; // servers switching at once after the first; 0: all
    bool breakLock = false;
};

// How the deploy went on one server.
struct HostOutcome {
    QString host;
    bool success = false;
    bool rolledBack = false; // health failed and the previous release serves again
    int release = 0; // the new release number, 0 when none was made
    int previous = 0; // the release that was current before
    qint64 uploadedBytes = 0;
    Error error; // when !success
    QStringList lastLogLines; // the service's journal when health failed
    int healthStatus = 0; // the failing probe's HTTP status (0: no answer)
    QByteArray healthBody;
    int serverCalls = 0; // the trips to the server that were waited for (RemoteShell::serverCalls)
};

} // namespace Gantry
