#include "core/deploy/deployplanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QSysInfo>

#include "core/common/redactor.h"
#include "core/common/sha256.h"
#include "core/profile/systemdenvfile.h"
#include "core/secret/secretstore.h"
#include "core/store/jumpchain.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// The keychain key of every secret of every server, in order.
QList<std::pair<int, int>> secretSlots(const DeployRequest &request)
{
    QList<std::pair<int, int>> pending;
    for (int h = 0; h < request.hosts.size(); ++h)
        for (int v = 0; v < request.hosts.at(h).env.size(); ++v)
            if (request.hosts.at(h).env.at(v).secret)
                pending.append({ h, v });
    return pending;
}

// Reads the secrets one after the other (QtKeychain jobs run on this thread's event loop).
void readNext(std::shared_ptr<QPromise<Result<DeployRequest>>> promise,
    std::shared_ptr<DeployRequest> request, QList<std::pair<int, int>> pending, QStringList keys)
{
    if (pending.isEmpty()) {
        for (DeployHost &host : request->hosts) {
            if (auto rendered = DeployPlanner::render(host); !rendered) {
                promise->addResult(Result<DeployRequest>(std::unexpected(rendered.error())));
                promise->finish();
                return;
            }
        }
        promise->addResult(Result<DeployRequest>(*request));
        promise->finish();
        return;
    }
    const auto [h, v] = pending.takeFirst();
    const QString key = keys.takeFirst();
    SecretStore::read(key).then(QtFuture::Launch::Sync, [=](Result<QString> value) {
        if (!value) {
            promise->addResult(Result<DeployRequest>(std::unexpected(value.error())));
            promise->finish();
            return;
        }
        request->hosts[h].env[v].value = *value;
        readNext(promise, request, pending, keys);
    });
}

} // namespace

QString DeployPlanner::who()
{
    QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return (user.isEmpty() ? u"someone"_s : user) + u'@' + QSysInfo::machineHostName();
}

DeploymentRecord DeployPlanner::historyRecord(
    const DeployRequest &request, const QList<HostOutcome> &outcomes, qint64 durationMs)
{
    DeploymentRecord record;
    record.who = request.who;
    record.when = QDateTime::currentDateTimeUtc();
    record.project = request.project;
    record.version = request.version;
    record.profile = request.profile;
    QStringList log;
    bool success = !outcomes.isEmpty(), rolledBack = false;
    for (const HostOutcome &o : outcomes) {
        record.hosts << o.host;
        success = success && o.success;
        rolledBack = rolledBack || o.rolledBack;
        log << (o.success ? tr("%1: release %2").arg(o.host).arg(o.release)
                          : tr("%1: %2").arg(o.host, o.error.message));
        log << o.lastLogLines;
    }
    record.result = success ? u"success"_s : rolledBack ? u"rolled back"_s : u"failed"_s;
    record.durationMs = durationMs;
    record.logExcerpt = Redactor::instance().redact(log.join(u'\n'));
    return record;
}

Result<DeployHost> DeployPlanner::planHost(
    const Workspace &workspace, const DeployChoice &choice, const QString &name)
{
    auto server = workspace.server(name);
    if (!server)
        return std::unexpected(server.error());
    auto resolved = workspace.resolve(choice.project, choice.profile, name);
    if (!resolved)
        return std::unexpected(resolved.error());
    auto jumps = JumpChain::resolve(workspace, *server);
    if (!jumps)
        return std::unexpected(jumps.error());
    DeployHost host { *server, resolved->settings, {}, {}, *jumps };
    for (const ResolvedVariable &r : resolved->variables) {
        EnvVariable var { r.variable.name, r.variable.secret ? r.variable.keychainKey : r.variable.value,
            r.variable.secret, 0 };
        host.env.append(var);
    }
    return host;
}

Result<DeployRequest> DeployPlanner::plan(
    const Workspace &workspace, const DeployChoice &choice, const BuildManifest &manifest)
{
    auto planned = planServers(workspace, choice);
    if (!planned)
        return planned;
    DeployRequest &request = *planned;
    request.version = manifest.version;
    for (const BuildArtifact &a : manifest.artifacts) {
        if (a.kind != u"archive"_s || !a.target.startsWith(u"linux/"_s))
            continue;
        if (!choice.package.isEmpty() && a.package != choice.package)
            continue;
        if (!request.binaryName.isEmpty() && request.binaryName != a.name)
            return fail(tr("This build has several services (%1, %2).").arg(request.binaryName, a.name),
                tr("Choose one to deploy (gantryctl deploy --package cmd/api)."));
        request.binaryName = a.name;
        const BuildArtifact *binary = manifest.find(u"binary"_s, a.target, a.package);
        request.artifacts.insert(a.target.section(u'/', 1),
            DeployArtifact { QDir(manifest.outputDir).filePath(a.file), a.sha256, a.size,
                binary ? binary->size : a.size * 4 });
    }
    if (request.artifacts.isEmpty())
        return fail(tr("The build %1 has no Linux archive to deploy.").arg(manifest.version),
            tr("Build for linux/amd64 (or your servers' architecture) first."));
    if (request.app.isEmpty())
        request.app = request.binaryName.toLower();
    for (const DeployHost &host : std::as_const(request.hosts)) {
        const QString arch = host.server.arch.isEmpty() ? u"amd64"_s : host.server.arch;
        if (!request.artifacts.contains(arch))
            return fail(tr("The build in %1 has no linux/%2 artifact for %3.")
                            .arg(QDir::toNativeSeparators(manifest.outputDir), arch, host.server.name),
                tr("Build linux/%1 or pick another build.").arg(arch));
    }
    return request;
}

Result<DeployRequest> DeployPlanner::planServers(const Workspace &workspace, const DeployChoice &choice)
{
    if (choice.servers.isEmpty())
        return fail(tr("No server was chosen for the deploy."),
            tr("Pick at least one server (gantryctl deploy --server NAME)."));
    DeployRequest request;
    request.project = choice.project;
    request.profile = choice.profile;
    request.app = choice.app;
    request.batchSize = choice.batchSize;
    request.breakLock = choice.breakLock;
    request.knownHostsFile = choice.knownHostsFile;
    request.who = who();
    for (const QString &name : choice.servers) {
        auto host = planHost(workspace, choice, name);
        if (!host)
            return std::unexpected(host.error());
        request.hosts.append(*host);
    }
    return request;
}

Result<BuildManifest> DeployPlanner::builtOutput(const QString &dir, const QString &project)
{
    const QString native = QDir::toNativeSeparators(dir);
    if (!QFileInfo::exists(dir + u"/manifest.json"_s))
        return fail(tr("%1 holds no build: manifest.json is missing.").arg(native),
            tr("Pick the folder a build wrote (dist/<version>), or build first."));
    auto manifest = BuildManifest::load(dir + u"/manifest.json"_s);
    if (!manifest)
        return manifest;
    if (!project.isEmpty() && manifest->project != project)
        return fail(tr("The build in %1 is of %2, not %3.").arg(native, manifest->project, project),
            tr("Pick a build of %1, or deploy from that project.").arg(project));
    manifest->outputDir = QDir(dir).absolutePath();
    for (const BuildArtifact &a : std::as_const(manifest->artifacts)) {
        if (a.kind != u"archive"_s || !a.target.startsWith(u"linux/"_s))
            continue;
        QFile file(QDir(dir).filePath(a.file));
        Sha256 sha;
        if (!file.open(QIODevice::ReadOnly) || file.size() != a.size || !sha.addData(&file) ||
            QString::fromLatin1(sha.result().toHex()) != a.sha256)
            return fail(tr("%1 in %2 is missing or not what the build made (its size or sha256 differs).")
                            .arg(a.file, native),
                tr("Build version %1 again, then deploy.").arg(manifest->version));
    }
    return manifest;
}

QFuture<Result<DeployRequest>> DeployPlanner::readSecrets(DeployRequest request, const Workspace &)
{
    auto promise = std::make_shared<QPromise<Result<DeployRequest>>>();
    promise->start();
    const QList<std::pair<int, int>> pending = secretSlots(request);
    QStringList keys;
    for (const auto &[h, v] : pending)
        keys.append(request.hosts.at(h).env.at(v).value); // planHost put the keychain key there
    readNext(promise, std::make_shared<DeployRequest>(std::move(request)), pending, keys);
    return promise->future();
}

Result<void> DeployPlanner::render(DeployHost &host)
{
    auto file = SystemdEnvFile::render(host.env);
    if (!file) {
        Error error = file.error();
        error.message = tr("The profile cannot be written for %1: %2").arg(host.server.name, error.message);
        return std::unexpected(error);
    }
    host.envFile = *file;
    return {};
}

} // namespace Gantry
