#include "cli/profileeditor.h"

#include <QHash>

#include "cli/keychain.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

QSet<QString> secretNames(const QList<VariableRecord> &variables)
{
    QSet<QString> names;
    for (const VariableRecord &variable : variables) {
        if (variable.secret)
            names.insert(variable.name);
    }
    return names;
}

} // namespace

ProfileEditor::ProfileEditor(Workspace &workspace, ProjectLocator &locator, const ProjectRef &project,
    const QString &profile, const QString &server)
    : m_workspace(workspace)
    , m_locator(locator)
    , m_project(project)
    , m_profile(profile)
    , m_server(server)
{
}

const ProjectRef &ProfileEditor::project() const
{
    return m_project;
}

Result<void> ProfileEditor::checkProfile() const
{
    if (m_project.registered) {
        const Result<ProfileRecord> profile = m_workspace.profile(m_project.name, m_profile);
        return profile ? Result<void>() : std::unexpected(profile.error());
    }
    for (const ProfileRecord &profile : Workspace::defaultProfiles(m_project.name)) {
        if (profile.name == m_profile)
            return {};
    }
    return fail(tr("Project %1 has no profile %2.").arg(m_project.name, m_profile),
        tr("Use base, dev, test or prod, or add the profile with gantryctl profile add."));
}

Result<QList<VariableRecord>> ProfileEditor::currentVariables() const
{
    if (!m_project.registered)
        return QList<VariableRecord>();
    return m_workspace.variables(m_project.name, m_profile, m_server);
}

QString ProfileEditor::keyFor(const QString &name) const
{
    return Workspace::keychainKey(m_workspace.id(), m_project.name, m_profile, name, m_server);
}

Result<QList<VariableRecord>> ProfileEditor::merged(QList<VariableRecord> current, const Change &change) const
{
    if (change.replace)
        current.clear();
    const QSet<QString> unset(change.unset.begin(), change.unset.end());
    QHash<QString, qsizetype> index;
    QList<VariableRecord> result;
    for (const VariableRecord &variable : std::as_const(current)) {
        if (unset.contains(variable.name))
            continue;
        index.insert(variable.name, result.size());
        result << variable;
    }
    for (const QString &name : change.unset) {
        if (!std::any_of(
                current.cbegin(), current.cend(), [&](const VariableRecord &v) { return v.name == name; }))
            return fail(m_server.isEmpty()
                    ? tr("%1 is not set in profile %2 of %3.").arg(name, m_profile, m_project.name)
                    : tr("%1 is not set for server %2 in profile %3 of %4.")
                          .arg(name, m_server, m_profile, m_project.name),
                tr("Run gantryctl profile show to see what is set; nothing was changed."));
    }
    for (VariableRecord variable : change.set) {
        if (variable.secret)
            variable.value.clear(); // the value lives in the keychain only
        variable.keychainKey.clear();
        if (const auto it = index.constFind(variable.name); it != index.cend()) {
            result[*it] = variable;
        } else {
            index.insert(variable.name, result.size());
            result << variable;
        }
    }
    return result;
}

Result<void> ProfileEditor::apply(const Change &change)
{
    if (auto ok = checkProfile(); !ok)
        return ok;
    const Result<QList<VariableRecord>> before = currentVariables();
    if (!before)
        return std::unexpected(before.error());
    const Result<QList<VariableRecord>> after = merged(*before, change);
    if (!after)
        return std::unexpected(after.error());
    const QSet<QString> known = secretNames(*before);
    QStringList dropped;
    for (const QString &name : known - secretNames(*after))
        dropped << keyFor(name);
    QList<VariableRecord> secrets;
    for (const VariableRecord &variable : change.set) {
        if (variable.secret)
            secrets << variable;
    }
    m_written.clear();
    Result<void> ok = storeSecrets(secrets, known);
    if (ok)
        ok = dropSecrets(dropped);
    if (ok)
        ok = write(change, !secrets.isEmpty());
    if (!ok)
        forget();
    return ok;
}

Result<void> ProfileEditor::storeSecrets(const QList<VariableRecord> &secrets, const QSet<QString> &known)
{
    for (const VariableRecord &secret : secrets) {
        const QString key = keyFor(secret.name);
        if (auto ok = Keychain::write(key, secret.value); !ok)
            return ok;
        if (!known.contains(secret.name))
            m_written << key;
    }
    return {};
}

Result<void> ProfileEditor::dropSecrets(const QStringList &keys)
{
    for (const QString &key : keys) {
        if (auto ok = Keychain::remove(key); !ok)
            return ok;
    }
    return {};
}

// Takes back the keychain entries this edit made; entries the workspace referred to before stay.
void ProfileEditor::forget()
{
    for (const QString &key : std::as_const(m_written))
        Keychain::remove(key);
    m_written.clear();
}

Result<void> ProfileEditor::inTransaction(const std::function<Result<void>()> &body, bool fixedName)
{
    return m_workspace.transaction([&]() -> Result<void> {
        const Result<ProjectRef> registered = m_locator.ensureRegistered(m_project);
        if (!registered)
            return std::unexpected(registered.error());
        if (fixedName && registered->name != m_project.name)
            return fail(tr("Another Gantry added the folder %1 as project %2 meanwhile.")
                            .arg(m_project.path, registered->name),
                tr("Run the command again."));
        m_project = *registered;
        return body();
    });
}

Result<void> ProfileEditor::write(const Change &change, bool withSecrets)
{
    return inTransaction(
        [&]() -> Result<void> {
            if (!change.set.isEmpty() || !change.unset.isEmpty() || change.replace) {
                // Merged again inside the write lock, so a concurrent gantryctl's changes are kept.
                const auto fresh = m_workspace.variables(m_project.name, m_profile, m_server);
                if (!fresh)
                    return std::unexpected(fresh.error());
                const auto after = merged(*fresh, change);
                if (!after)
                    return std::unexpected(after.error());
                if (auto ok = m_workspace.replaceVariables(m_project.name, m_profile, *after, m_server); !ok)
                    return ok;
            }
            return writeSettings(change);
        },
        withSecrets);
}

ProfileRecord ProfileEditor::withSettings(ProfileRecord profile, const Change &change)
{
    for (const QString &key : change.unsetSettings)
        profile.settings.remove(key);
    for (auto it = change.settings.begin(); it != change.settings.end(); ++it)
        profile.settings.insert(it.key(), it.value());
    return profile;
}

Result<void> ProfileEditor::checkSettings(const Change &change) const
{
    if (change.settings.isEmpty() && change.unsetSettings.isEmpty())
        return {};
    ProfileRecord profile { m_project.name, m_profile, {}, {} };
    if (m_project.registered) {
        const Result<ProfileRecord> stored = m_workspace.profile(m_project.name, m_profile);
        if (!stored)
            return {}; // apply() reports the missing profile
        profile = *stored;
    }
    for (const ProfileRecord &fresh : Workspace::defaultProfiles(m_project.name)) {
        if (!m_project.registered && fresh.name == m_profile)
            profile = fresh;
    }
    return withSettings(profile, change).validate();
}

Result<void> ProfileEditor::writeSettings(const Change &change)
{
    if (change.settings.isEmpty() && change.unsetSettings.isEmpty())
        return {};
    const Result<ProfileRecord> profile = m_workspace.profile(m_project.name, m_profile);
    if (!profile)
        return std::unexpected(profile.error());
    return m_workspace.updateProfile(withSettings(*profile, change));
}

Result<void> ProfileEditor::add(const QString &extends)
{
    return inTransaction([&]() -> Result<void> {
        return m_workspace.addProfile({ m_project.name, m_profile, extends, {} });
    });
}

Result<void> ProfileEditor::setExtends(const QString &parent)
{
    if (auto ok = checkProfile(); !ok)
        return ok;
    return inTransaction([&]() -> Result<void> {
        Result<ProfileRecord> profile = m_workspace.profile(m_project.name, m_profile);
        if (!profile)
            return std::unexpected(profile.error());
        profile->extends = parent;
        return m_workspace.updateProfile(*profile);
    });
}

Result<void> ProfileEditor::remove()
{
    if (auto ok = checkProfile(); !ok)
        return ok;
    const Result<QList<ProfileRecord>> profiles = m_workspace.profiles(m_project.name);
    if (!profiles)
        return std::unexpected(profiles.error());
    QStringList children;
    for (const ProfileRecord &profile : *profiles) {
        if (profile.extends == m_profile)
            children << profile.name;
    }
    // Checked before the keychain is touched: the store would refuse only after that.
    if (!children.isEmpty())
        return fail(tr("Profile %1 of %2 cannot be deleted: %3 extend it.")
                        .arg(m_profile, m_project.name, children.join(u", "_s)),
            tr("Make those profiles extend another profile first (gantryctl profile extend)."));
    QStringList keys;
    for (const VariableRecord &secret : m_workspace.secretRefs(m_project.name, m_profile))
        keys << secret.keychainKey;
    if (auto ok = dropSecrets(keys); !ok)
        return ok;
    return m_workspace.removeProfile(m_project.name, m_profile);
}

} // namespace Gantry::Cli
