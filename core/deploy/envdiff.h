#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/profile/envvariable.h"

namespace Gantry {

// What a deploy will change in the env file a server has: names added, removed and changed.
// Secret values never appear: a changed secret is shown as changed, with both sides masked.
struct EnvChange {
    enum class Kind { Added, Removed, Changed, Unchanged };
    QString name;
    Kind kind = Kind::Unchanged;
    bool secret = false;
    QString before; // shown text: the value, "****" for a secret, empty when absent
    QString after;
};

// The env file a server has for one app, compared with what a profile renders.
struct EnvComparison {
    QString path; // the env file on the server
    bool deployed = false; // false: there is no env file yet, so everything would be added
    QList<EnvChange> changes;
};

class EnvDiff final {
    Q_DECLARE_TR_FUNCTIONS(EnvDiff)
public:
    // Shown: values stay readable (secret flags still set), for a view that masks them itself
    // until the user asks to see one. Removed names may have been secret: such a view masks them too.
    enum class Secrets { Masked, Shown };
    // `current` is what the server's file holds (all values, as read); `next` is what the
    // profile renders, with secret flags. A name secret on either side is masked on both.
    static QList<EnvChange> compute(
        const QList<EnvVariable> &current, const QList<EnvVariable> &next, Secrets secrets = Secrets::Masked);
    static bool hasChanges(const QList<EnvChange> &changes);
    // "+ NAME=value", "- NAME", "~ NAME: old -> new" lines, one per change, then a summary line.
    static QString format(const QList<EnvChange> &changes);
    static QString kindName(EnvChange::Kind kind); // "added", "removed", "changed", "unchanged"
    static QString mask() { return QStringLiteral("****"); }
    // What a diff against a server without the env file means, as a sentence.
    static QString notDeployed(const QString &server);
    // How many changes of `kind` there are.
    static int count(const QList<EnvChange> &changes, EnvChange::Kind kind);
};

} // namespace Gantry
