#include "cli/profileview.h"

#include <QDir>
#include <QJsonArray>

#include "core/common/redactor.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

QString ProfileView::table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line = u"  "_s;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += row.at(i).leftJustified(i + 1 < row.size() ? widths.at(i) + 2 : 0);
        while (line.endsWith(u' '))
            line.chop(1);
        lines << line;
    }
    return lines.join(u'\n');
}

QString ProfileView::listText(const ProjectRef &project, const QList<Summary> &profiles)
{
    QList<QStringList> rows { { tr("PROFILE"), tr("EXTENDS"), tr("VARIABLES"), tr("SECRETS"),
        tr("SERVER OVERRIDES") } };
    for (const Summary &s : profiles) {
        rows << QStringList { s.profile.name, s.profile.extends.isEmpty() ? u"-"_s : s.profile.extends,
            QString::number(s.variables), QString::number(s.secrets),
            s.servers.isEmpty() ? u"-"_s : s.servers.join(u", "_s) };
    }
    return tr("Profiles of %1 (%2):").arg(project.name, QDir::toNativeSeparators(project.path)) + u'\n' +
        table(rows);
}

QJsonObject ProfileView::listJson(const ProjectRef &project, const QList<Summary> &profiles)
{
    QJsonArray array;
    for (const Summary &s : profiles) {
        array << QJsonObject { { u"name"_s, s.profile.name }, { u"extends"_s, s.profile.extends },
            { u"variables"_s, s.variables }, { u"secrets"_s, s.secrets },
            { u"servers"_s, QJsonArray::fromStringList(s.servers) }, { u"settings"_s, s.profile.settings } };
    }
    return { { u"project"_s, project.name }, { u"path"_s, project.path }, { u"profiles"_s, array } };
}

// One line per variable: line breaks and tabs are shown escaped; --json and export give the value.
QString ProfileView::displayed(const VariableRecord &variable)
{
    if (variable.secret)
        return Redactor::Mask;
    QString value = variable.value;
    return value.replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s).replace(u'\t', u"\\t"_s);
}

QString ProfileView::origin(const ResolvedVariable &variable)
{
    QString from = variable.server.isEmpty() ? variable.profile : variable.profile + u'@' + variable.server;
    return variable.variable.secret ? tr("%1, secret").arg(from) : from;
}

QString ProfileView::showText(const ResolvedProfile &profile)
{
    QStringList lines;
    lines << (profile.server.isEmpty()
            ? tr("Profile %1 of %2 (%3)").arg(profile.profile, profile.project, profile.chain.join(u" -> "_s))
            : tr("Profile %1 of %2 (%3) on server %4")
                  .arg(profile.profile, profile.project, profile.chain.join(u" -> "_s), profile.server));
    lines << QString() << tr("Deploy settings:");
    QList<QStringList> rows;
    const QJsonObject settings = profile.settings.toJson();
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const QString value =
            it.value().isDouble() ? QString::number(it.value().toInt()) : it.value().toString();
        rows << QStringList { it.key(), value.isEmpty() ? u"-"_s : value,
            profile.settingOrigins.value(it.key(), tr("default")) };
    }
    lines << table(rows) << QString();
    if (profile.variables.isEmpty())
        lines << tr("Variables: none");
    else
        lines << tr("Variables (%1):").arg(profile.variables.size());
    rows.clear();
    for (const ResolvedVariable &v : profile.variables)
        rows << QStringList { v.variable.name + u'=' + displayed(v.variable), u"[%1]"_s.arg(origin(v)) };
    if (!rows.isEmpty())
        lines << table(rows);
    return lines.join(u'\n');
}

QJsonObject ProfileView::showJson(const ResolvedProfile &profile)
{
    QJsonArray variables;
    for (const ResolvedVariable &v : profile.variables) {
        variables << QJsonObject { { u"name"_s, v.variable.name },
            { u"value"_s, v.variable.secret ? Redactor::Mask : v.variable.value },
            { u"secret"_s, v.variable.secret }, { u"profile"_s, v.profile }, { u"server"_s, v.server } };
    }
    QJsonObject origins;
    for (auto it = profile.settingOrigins.cbegin(); it != profile.settingOrigins.cend(); ++it)
        origins.insert(it.key(), it.value());
    return { { u"project"_s, profile.project }, { u"profile"_s, profile.profile },
        { u"server"_s, profile.server }, { u"chain"_s, QJsonArray::fromStringList(profile.chain) },
        { u"settings"_s, profile.settings.toJson() }, { u"settingOrigins"_s, origins },
        { u"variables"_s, variables } };
}

} // namespace Gantry::Cli
