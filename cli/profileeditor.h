#pragma once

#include <functional>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "cli/projectlocator.h"
#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {
class Workspace;
}

namespace Gantry::Cli {

// Changes to one profile, or to one server's overrides of it, all or nothing. Secret values go to
// the keychain first; then one workspace transaction writes the rest, so only a secret's reference
// ever reaches the workspace. A project that is not registered yet is added in that transaction.
class ProfileEditor final {
    Q_DECLARE_TR_FUNCTIONS(ProfileEditor)
public:
    struct Change {
        QList<VariableRecord> set; // a secret carries its value here, on its way to the keychain
        QStringList unset;
        QJsonObject settings; // deploy settings the profile sets itself
        QStringList unsetSettings; // deploy settings it inherits again
        bool replace = false; // the variables become exactly `set`
    };

    ProfileEditor(Workspace &workspace, ProjectLocator &locator, const ProjectRef &project,
        const QString &profile, const QString &server = {});

    // The profile's deploy settings after `change` are valid; for a usage error before any writing.
    Result<void> checkSettings(const Change &change) const;
    Result<void> apply(const Change &change);
    Result<void> add(const QString &extends);
    Result<void> setExtends(const QString &parent);
    Result<void> remove(); // with its secrets' keychain entries
    const ProjectRef &project() const;

private:
    Result<void> checkProfile() const;
    Result<QList<VariableRecord>> currentVariables() const;
    Result<QList<VariableRecord>> merged(QList<VariableRecord> current, const Change &change) const;
    QString keyFor(const QString &name) const;
    Result<void> storeSecrets(const QList<VariableRecord> &secrets, const QSet<QString> &known);
    Result<void> dropSecrets(const QStringList &keys);
    void forget();
    Result<void> write(const Change &change, bool withSecrets);
    Result<void> writeSettings(const Change &change);
    static ProfileRecord withSettings(ProfileRecord profile, const Change &change);
    Result<void> inTransaction(const std::function<Result<void>()> &body, bool fixedName = false);

    Workspace &m_workspace;
    ProjectLocator &m_locator;
    ProjectRef m_project;
    QString m_profile;
    QString m_server;
    QStringList m_written; // keychain keys this edit wrote, removed again if it fails
};

} // namespace Gantry::Cli
