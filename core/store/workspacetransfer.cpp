#include "core/store/workspacetransfer.h"

#include <limits>

#include <QJsonArray>
#include <QSet>

#include "core/store/jumpchain.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const QString Format = u"gantry-workspace"_s;

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QJsonArray variablesJson(const QList<VariableRecord> &variables)
{
    QJsonArray array;
    for (const VariableRecord &v : variables) {
        array << (v.secret ? QJsonObject { { u"name"_s, v.name }, { u"secret"_s, true } }
                           : QJsonObject { { u"name"_s, v.name }, { u"value"_s, v.value } });
    }
    return array;
}

QList<VariableRecord> variablesFrom(const QJsonValue &value)
{
    QList<VariableRecord> list;
    for (const QJsonValue &v : value.toArray()) {
        const bool secret = v[u"secret"_s].toBool();
        list << VariableRecord { v[u"name"_s].toString(), secret ? QString() : v[u"value"_s].toString(),
            secret, {} };
    }
    return list;
}

QJsonObject serverJson(const ServerRecord &s)
{
    return { { u"name"_s, s.name }, { u"address"_s, s.address }, { u"port"_s, s.port }, { u"user"_s, s.user },
        { u"auth"_s, ServerRecord::authName(s.auth) }, { u"key_file"_s, s.keyFile },
        { u"host_key"_s, s.hostKey }, { u"host_key_sha256"_s, s.hostKeyFingerprint }, { u"os"_s, s.os },
        { u"arch"_s, s.arch }, { u"jump"_s, s.jump } };
}

ServerRecord serverFrom(const QJsonValue &j)
{
    return { j[u"name"_s].toString(), j[u"address"_s].toString(), j[u"port"_s].toInt(22),
        j[u"user"_s].toString(),
        ServerRecord::authFromName(j[u"auth"_s].toString()).value_or(AuthKind::Agent),
        j[u"key_file"_s].toString(), j[u"host_key"_s].toString(), j[u"host_key_sha256"_s].toString(),
        j[u"os"_s].toString(), j[u"arch"_s].toString(), j[u"jump"_s].toString() };
}

QJsonObject deploymentJson(const DeploymentRecord &d)
{
    return { { u"who"_s, d.who }, { u"when"_s, timeText(d.when) }, { u"project"_s, d.project },
        { u"version"_s, d.version }, { u"profile"_s, d.profile },
        { u"hosts"_s, QJsonArray::fromStringList(d.hosts) }, { u"result"_s, d.result },
        { u"duration_ms"_s, d.durationMs }, { u"log"_s, d.logExcerpt } };
}

DeploymentRecord deploymentFrom(const QJsonValue &j)
{
    QStringList hosts;
    for (const QJsonValue &host : j[u"hosts"_s].toArray())
        hosts << host.toString();
    return { 0, j[u"who"_s].toString(), timeFrom(j[u"when"_s]), j[u"project"_s].toString(),
        j[u"version"_s].toString(), j[u"profile"_s].toString(), hosts, j[u"result"_s].toString(),
        j[u"duration_ms"_s].toInteger(), j[u"log"_s].toString() };
}

QString deploymentKey(const DeploymentRecord &d)
{
    return QStringList { d.who, timeText(d.when), d.project, d.profile, d.version }.join(u'\n');
}

Result<QJsonObject> profileJson(const Workspace &workspace, const ProfileRecord &profile)
{
    const auto variables = workspace.variables(profile.project, profile.name);
    const auto servers = workspace.overrideServers(profile.project, profile.name);
    if (!variables || !servers)
        return std::unexpected(variables ? servers.error() : variables.error());
    QJsonObject overrides;
    for (const QString &server : *servers) {
        const auto serverVariables = workspace.variables(profile.project, profile.name, server);
        if (!serverVariables)
            return std::unexpected(serverVariables.error());
        overrides.insert(server, variablesJson(*serverVariables));
    }
    return QJsonObject { { u"name"_s, profile.name }, { u"extends"_s, profile.extends },
        { u"settings"_s, profile.settings }, { u"variables"_s, variablesJson(*variables) },
        { u"overrides"_s, overrides } };
}

Result<QJsonObject> projectJson(const Workspace &workspace, const ProjectRecord &project)
{
    const auto profiles = workspace.profiles(project.name);
    if (!profiles)
        return std::unexpected(profiles.error());
    QJsonArray profileArray;
    for (const ProfileRecord &profile : *profiles) {
        const auto json = profileJson(workspace, profile);
        if (!json)
            return json;
        profileArray << *json;
    }
    return QJsonObject { { u"name"_s, project.name }, { u"path"_s, project.path },
        { u"build"_s, project.buildSettings }, { u"created"_s, timeText(project.created) },
        { u"profiles"_s, profileArray } };
}

Result<void> importProject(Workspace &workspace, const QJsonValue &json)
{
    const ProjectRecord project { json[u"name"_s].toString(), json[u"path"_s].toString(),
        json[u"build"_s].toObject(), timeFrom(json[u"created"_s]) };
    if (workspace.project(project.name)) {
        if (auto ok = workspace.removeProject(project.name); !ok)
            return ok;
    }
    if (auto ok = workspace.addProject(project); !ok)
        return ok;
    QList<ProfileRecord> profiles;
    for (const QJsonValue &p : json[u"profiles"_s].toArray())
        profiles << ProfileRecord { project.name, p[u"name"_s].toString(), p[u"extends"_s].toString(),
            p[u"settings"_s].toObject() };
    if (auto ok = workspace.replaceProfiles(project.name, profiles); !ok)
        return ok;
    for (const QJsonValue &p : json[u"profiles"_s].toArray()) {
        const QString name = p[u"name"_s].toString();
        if (auto ok = workspace.replaceVariables(project.name, name, variablesFrom(p[u"variables"_s])); !ok)
            return ok;
        const QJsonObject overrides = p[u"overrides"_s].toObject();
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            if (auto ok = workspace.replaceVariables(project.name, name, variablesFrom(it.value()), it.key());
                !ok)
                return ok;
        }
    }
    return {};
}

Result<void> importServers(Workspace &workspace, const QJsonArray &servers)
{
    QList<ServerRecord> records;
    for (const QJsonValue &json : servers)
        records << serverFrom(json);
    auto all = workspace.servers();
    if (!all)
        return std::unexpected(all.error());
    for (const ServerRecord &server : std::as_const(records))
        all->removeIf([&](const ServerRecord &s) { return s.name == server.name; });
    *all += records;
    for (const ServerRecord &server : std::as_const(records))
        if (auto chain = JumpChain::resolve(server, *all); !chain)
            return std::unexpected(chain.error());
    for (const ServerRecord &server : JumpChain::jumpsFirst(records)) {
        const auto ok =
            workspace.server(server.name) ? workspace.updateServer(server) : workspace.addServer(server);
        if (!ok)
            return ok;
    }
    return {};
}

Result<void> importHistory(Workspace &workspace, const QJsonArray &deployments)
{
    const auto existing = workspace.deployments({}, std::numeric_limits<int>::max());
    if (!existing)
        return std::unexpected(existing.error());
    QSet<QString> known;
    for (const DeploymentRecord &d : *existing)
        known.insert(deploymentKey(d));
    for (const QJsonValue &json : deployments) {
        const DeploymentRecord deployment = deploymentFrom(json);
        if (known.contains(deploymentKey(deployment)))
            continue;
        if (auto id = workspace.addDeployment(deployment); !id)
            return std::unexpected(id.error());
    }
    return {};
}

} // namespace

Result<QJsonObject> WorkspaceTransfer::exportJson(const Workspace &workspace)
{
    const auto projects = workspace.projects();
    const auto servers = workspace.servers();
    const auto deployments = workspace.deployments({}, std::numeric_limits<int>::max());
    if (!projects || !servers || !deployments)
        return std::unexpected(!projects ? projects.error()
                : !servers               ? servers.error()
                                         : deployments.error());
    QJsonArray projectArray;
    for (const ProjectRecord &project : *projects) {
        const auto json = projectJson(workspace, project);
        if (!json)
            return json;
        projectArray << *json;
    }
    QJsonArray serverArray;
    for (const ServerRecord &server : *servers)
        serverArray << serverJson(server);
    QJsonArray history; // oldest first, so an import adds them in order
    for (auto it = deployments->crbegin(); it != deployments->crend(); ++it)
        history << deploymentJson(*it);
    return QJsonObject { { u"format"_s, Format }, { u"version"_s, FormatVersion },
        { u"exported"_s, timeText(QDateTime::currentDateTimeUtc()) }, { u"projects"_s, projectArray },
        { u"servers"_s, serverArray }, { u"deployments"_s, history } };
}

Result<void> WorkspaceTransfer::importJson(Workspace &workspace, const QJsonObject &json)
{
    const int version = json.value(u"version"_s).toInt();
    if (json.value(u"format"_s).toString() != Format || version < 1)
        return fail(
            tr("This is not a Gantry workspace export."), tr("Choose a file made by Gantry's export."));
    if (version > FormatVersion)
        return fail(
            tr("The export was made by a newer Gantry (format version %1; this Gantry reads up to %2).")
                .arg(version)
                .arg(FormatVersion),
            tr("Update Gantry to import it."));
    return workspace.transaction([&]() -> Result<void> {
        if (auto ok = importServers(workspace, json.value(u"servers"_s).toArray()); !ok)
            return ok;
        for (const QJsonValue &project : json.value(u"projects"_s).toArray()) {
            if (auto ok = importProject(workspace, project); !ok)
                return ok;
        }
        return importHistory(workspace, json.value(u"deployments"_s).toArray());
    });
}

} // namespace Gantry
