#include "core/deploy/envdiff.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// Multi-line values are shown on one line, with the line breaks made visible.
QString shown(const QString &value)
{
    QString text = value;
    text.replace(u'\\', u"\\\\"_s).replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s);
    return text;
}

} // namespace

QList<EnvChange> EnvDiff::compute(
    const QList<EnvVariable> &current, const QList<EnvVariable> &next, Secrets secrets)
{
    QHash<QString, const EnvVariable *> before;
    QSet<QString> secretNames;
    for (const EnvVariable &var : current) {
        before.insert(var.name, &var);
        if (var.secret)
            secretNames.insert(var.name);
    }
    for (const EnvVariable &var : next)
        if (var.secret)
            secretNames.insert(var.name);

    const bool masked = secrets == Secrets::Masked;
    const auto display = [&](const QString &name, const QString &value) {
        return masked && secretNames.contains(name) ? mask() : shown(value);
    };
    QList<EnvChange> changes;
    QSet<QString> seen;
    for (const EnvVariable &var : next) {
        seen.insert(var.name);
        EnvChange change { var.name, EnvChange::Kind::Added, secretNames.contains(var.name), {},
            display(var.name, var.value) };
        if (const EnvVariable *old = before.value(var.name)) {
            change.kind = old->value == var.value ? EnvChange::Kind::Unchanged : EnvChange::Kind::Changed;
            change.before = display(var.name, old->value);
        }
        changes.append(change);
    }
    for (const EnvVariable &var : current) {
        if (!seen.contains(var.name))
            // Whether a name the profile no longer has was secret is unknown: never show its value.
            changes.append({ var.name, EnvChange::Kind::Removed, secretNames.contains(var.name),
                masked ? mask() : shown(var.value), {} });
    }
    return changes;
}

bool EnvDiff::hasChanges(const QList<EnvChange> &changes)
{
    return std::ranges::any_of(
        changes, [](const EnvChange &c) { return c.kind != EnvChange::Kind::Unchanged; });
}

QString EnvDiff::notDeployed(const QString &server)
{
    return tr("Nothing is deployed to %1 yet; the whole profile would be added.").arg(server);
}

int EnvDiff::count(const QList<EnvChange> &changes, EnvChange::Kind kind)
{
    return int(std::ranges::count_if(changes, [kind](const EnvChange &c) { return c.kind == kind; }));
}

QString EnvDiff::kindName(EnvChange::Kind kind)
{
    switch (kind) {
    case EnvChange::Kind::Added:
        return u"added"_s;
    case EnvChange::Kind::Removed:
        return u"removed"_s;
    case EnvChange::Kind::Changed:
        return u"changed"_s;
    case EnvChange::Kind::Unchanged:
        break;
    }
    return u"unchanged"_s;
}

QString EnvDiff::format(const QList<EnvChange> &changes)
{
    QStringList lines;
    int added = 0, removed = 0, changed = 0;
    for (const EnvChange &c : changes) {
        switch (c.kind) {
        case EnvChange::Kind::Added:
            lines << u"+ %1=%2"_s.arg(c.name, c.after), ++added;
            break;
        case EnvChange::Kind::Removed:
            lines << u"- %1"_s.arg(c.name), ++removed;
            break;
        case EnvChange::Kind::Changed:
            lines << (c.secret ? tr("~ %1 (secret changed)").arg(c.name)
                               : u"~ %1: %2 -> %3"_s.arg(c.name, c.before, c.after)),
                ++changed;
            break;
        case EnvChange::Kind::Unchanged:
            break;
        }
    }
    lines << tr("%1 added, %2 removed, %3 changed.").arg(added).arg(removed).arg(changed);
    return lines.join(u'\n');
}

} // namespace Gantry
