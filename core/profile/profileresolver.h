#pragma once

#include <functional>

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {

// One effective variable and who set it.
struct ResolvedVariable {
    VariableRecord variable;
    QString profile; // the profile that set it
    QString server; // set when a per-server override of `profile` replaced the profile's value
};

// What a deploy of one profile to one server uses.
struct ResolvedProfile {
    QString project;
    QString profile;
    QString server;
    QStringList chain; // the inheritance chain, root first: base, prod
    QList<ResolvedVariable> variables; // in the order they were first defined, root first
    DeploySettings settings;
    QMap<QString, QString> settingOrigins; // settings key -> profile that set it; absent: the default

    const ResolvedVariable *find(const QString &name) const;
};

// Profile inheritance (`extends`), per-server overrides and cycle detection, on plain records.
class ProfileResolver final {
    Q_DECLARE_TR_FUNCTIONS(ProfileResolver)
public:
    // The variables a profile sets itself (server empty) or its override for one server.
    using VariableSource =
        std::function<Result<QList<VariableRecord>>(const QString &profile, const QString &server)>;

    ProfileResolver(QString project, QList<ProfileRecord> profiles);

    // `profile` and what it extends, root first; an unknown profile or a cycle is an error.
    Result<QStringList> chain(const QString &profile) const;
    // Every profile's chain is sound.
    Result<void> validate() const;
    // Variables root to leaf, then the server's overrides root to leaf; settings merged the same way
    // over DeploySettings::defaults(project).
    Result<ResolvedProfile> resolve(
        const QString &profile, const QString &server, const VariableSource &source) const;

private:
    const ProfileRecord *find(const QString &name) const;
    std::unexpected<Error> cycleError(QStringList cycle) const;
    Result<void> applyVariables(ResolvedProfile &resolved, const VariableSource &source) const;
    Result<void> applySettings(ResolvedProfile &resolved) const;

    QString m_project;
    QList<ProfileRecord> m_profiles;
};

} // namespace Gantry
