#include "core/build/buildsettings.h"

#include <QFileInfo>
#include <QJsonArray>

#include "core/build/ldflagstemplate.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const QString TargetsKey = u"targets"_s;
const QString LdflagsKey = u"ldflags_template"_s;
const QString ExtraFilesKey = u"extra_files"_s;
const QString GoEnvKey = u"go_env"_s;

QStringList stringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array) {
        if (value.isString())
            list << value.toString();
    }
    return list;
}

} // namespace

BuildSettings BuildSettings::fromJson(const QJsonObject &json)
{
    BuildSettings settings;
    for (const QString &text : stringList(json.value(TargetsKey).toArray())) {
        if (const auto target = BuildTarget::parse(text); target && !settings.targets.contains(*target))
            settings.targets << *target;
    }
    settings.ldflagsTemplate = json.value(LdflagsKey).toString();
    if (json.value(ExtraFilesKey).isArray())
        settings.extraFiles = stringList(json.value(ExtraFilesKey).toArray());
    const QJsonObject env = json.value(GoEnvKey).toObject();
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            settings.goEnv.insert(it.key(), it.value().toString());
    }
    return settings;
}

void BuildSettings::writeTo(QJsonObject &json) const
{
    for (const QString &key : { TargetsKey, LdflagsKey, ExtraFilesKey, GoEnvKey })
        json.remove(key);
    if (!targets.isEmpty()) {
        QJsonArray array;
        for (const BuildTarget &target : targets)
            array << target.toString();
        json.insert(TargetsKey, array);
    }
    if (!ldflagsTemplate.isEmpty())
        json.insert(LdflagsKey, ldflagsTemplate);
    if (extraFiles)
        json.insert(ExtraFilesKey, QJsonArray::fromStringList(*extraFiles));
    QJsonObject env;
    for (auto it = goEnv.begin(); it != goEnv.end(); ++it) {
        if (!it.value().isEmpty())
            env.insert(it.key(), it.value());
    }
    if (!env.isEmpty())
        json.insert(GoEnvKey, env);
}

QJsonObject BuildSettings::toJson() const
{
    QJsonObject json;
    writeTo(json);
    return json;
}

Result<void> BuildSettings::validate(const QString &projectDir) const
{
    QHash<QString, QString> fields;
    for (const QString &name : LdflagsTemplate::fieldNames())
        fields.insert(name, u"x"_s);
    if (auto rendered = LdflagsTemplate::render(ldflagsTemplate, fields); !rendered)
        return std::unexpected(rendered.error());
    for (const QString &file : extraFiles.value_or(QStringList())) {
        if (file.isEmpty() || QFileInfo(file).isAbsolute() || file.split(u'/').contains(u".."_s))
            return fail(tr("The extra file \"%1\" is not a path inside the project.").arg(file),
                tr("Name files and folders relative to the project folder, such as config/ or README.md."));
        if (!QFileInfo::exists(projectDir + u'/' + file))
            return fail(tr("The extra file %1 does not exist in the project.").arg(file),
                tr("Remove it from the project's extra files, or create it."));
    }
    return {};
}

void BuildSettings::applyTo(BuildOptions &options) const
{
    if (options.targets.isEmpty())
        options.targets = targets;
    options.ldflagsTemplate = ldflagsTemplate;
    if (extraFiles)
        options.extraFiles = extraFiles;
    for (auto it = goEnv.begin(); it != goEnv.end(); ++it)
        options.goEnv.insert(it.key(), it.value());
}

} // namespace Gantry
