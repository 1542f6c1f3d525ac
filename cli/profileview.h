#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "cli/projectlocator.h"
#include "core/profile/profileresolver.h"
#include "core/store/records.h"

namespace Gantry::Cli {

// What `profile list` and `profile show` print, as text and as JSON. Secret values are never
// here: a secret shows as "****".
class ProfileView final {
    Q_DECLARE_TR_FUNCTIONS(ProfileView)
public:
    struct Summary {
        ProfileRecord profile;
        int variables = 0; // set by the profile itself, secrets included
        int secrets = 0;
        QStringList servers; // servers with overrides
    };

    static QString listText(const ProjectRef &project, const QList<Summary> &profiles);
    static QJsonObject listJson(const ProjectRef &project, const QList<Summary> &profiles);
    static QString showText(const ResolvedProfile &profile);
    static QJsonObject showJson(const ResolvedProfile &profile);

private:
    static QString table(const QList<QStringList> &rows);
    static QString displayed(const VariableRecord &variable);
    static QString origin(const ResolvedVariable &variable);
};

} // namespace Gantry::Cli
