#include "core/profile/profileresolver.h"

#include <algorithm>

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

std::unexpected<Error> inProfile(const QString &project, const QString &profile, const Error &error)
{
    return fail(ProfileResolver::tr("Profile %1 of %2: %3").arg(profile, project, error.message), error.hint,
        error.cause);
}

} // namespace

const ResolvedVariable *ResolvedProfile::find(const QString &name) const
{
    const auto it = std::find_if(variables.begin(), variables.end(),
        [&name](const ResolvedVariable &v) { return v.variable.name == name; });
    return it == variables.end() ? nullptr : &*it;
}

ProfileResolver::ProfileResolver(QString project, QList<ProfileRecord> profiles)
    : m_project(std::move(project))
    , m_profiles(std::move(profiles))
{
}

const ProfileRecord *ProfileResolver::find(const QString &name) const
{
    const auto it = std::find_if(
        m_profiles.begin(), m_profiles.end(), [&name](const ProfileRecord &p) { return p.name == name; });
    return it == m_profiles.end() ? nullptr : &*it;
}

Result<QStringList> ProfileResolver::chain(const QString &profile) const
{
    QStringList path; // leaf first
    for (QString name = profile; !name.isEmpty();) {
        if (const qsizetype at = path.indexOf(name); at >= 0)
            return cycleError(path.mid(at));
        const ProfileRecord *record = find(name);
        if (!record && path.isEmpty())
            return fail(tr("Project %1 has no profile \"%2\".").arg(m_project, name),
                tr("Pick one of the project's profiles, or add this one."));
        if (!record)
            return fail(tr("Profile \"%1\" extends \"%2\", which project %3 does not have.")
                            .arg(path.last(), name, m_project),
                tr("Make it extend an existing profile of the project, or nothing."));
        path << name;
        name = record->extends;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

// Names the cycle from its smallest name, so it reads the same whichever profile it was found from.
std::unexpected<Error> ProfileResolver::cycleError(QStringList cycle) const
{
    const auto first = std::min_element(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), first, cycle.end());
    cycle << cycle.first();
    return fail(tr("Profiles of %1 extend each other in a cycle: %2.").arg(m_project, cycle.join(u" -> "_s)),
        tr("Make one of them extend another profile, or nothing."));
}

Result<void> ProfileResolver::validate() const
{
    for (const ProfileRecord &profile : m_profiles) {
        if (auto names = chain(profile.name); !names)
            return std::unexpected(names.error());
    }
    return {};
}

Result<ResolvedProfile> ProfileResolver::resolve(
    const QString &profile, const QString &server, const VariableSource &source) const
{
    const Result<QStringList> names = chain(profile);
    if (!names)
        return std::unexpected(names.error());
    ResolvedProfile resolved { m_project, profile, server, *names, {}, DeploySettings::defaults(m_project),
        {} };
    if (auto ok = applyVariables(resolved, source); !ok)
        return std::unexpected(ok.error());
    if (auto ok = applySettings(resolved); !ok)
        return std::unexpected(ok.error());
    return resolved;
}

Result<void> ProfileResolver::applyVariables(ResolvedProfile &resolved, const VariableSource &source) const
{
    QHash<QString, qsizetype> index;
    const QStringList servers =
        resolved.server.isEmpty() ? QStringList { QString() } : QStringList { QString(), resolved.server };
    for (const QString &server : servers) {
        for (const QString &profile : std::as_const(resolved.chain)) {
            const Result<QList<VariableRecord>> variables = source(profile, server);
            if (!variables)
                return std::unexpected(variables.error());
            QSet<QString> seen;
            for (const VariableRecord &variable : *variables) {
                if (!VariableRecord::isValidName(variable.name) || seen.contains(variable.name))
                    return inProfile(m_project, profile,
                        { tr("the variable name \"%1\" is not valid or is used twice.").arg(variable.name),
                            tr("Use letters, digits and \"_\", not starting with a digit, once per profile."),
                            {} });
                seen.insert(variable.name);
                const ResolvedVariable entry { variable, profile, server };
                if (const auto it = index.constFind(variable.name); it != index.constEnd()) {
                    resolved.variables[*it] = entry;
                } else {
                    index.insert(variable.name, resolved.variables.size());
                    resolved.variables << entry;
                }
            }
        }
    }
    return {};
}

Result<void> ProfileResolver::applySettings(ResolvedProfile &resolved) const
{
    for (const QString &name : std::as_const(resolved.chain)) {
        const QJsonObject &settings = find(name)->settings;
        Result<DeploySettings> merged = DeploySettings::fromJson(settings, resolved.settings);
        if (!merged)
            return inProfile(m_project, name, merged.error());
        resolved.settings = *merged;
        for (auto it = settings.begin(); it != settings.end(); ++it)
            resolved.settingOrigins.insert(it.key(), name);
    }
    if (auto ok = resolved.settings.validate(); !ok)
        return inProfile(m_project, resolved.profile, ok.error());
    return {};
}

} // namespace Gantry
