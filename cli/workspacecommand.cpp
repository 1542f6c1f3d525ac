#include "cli/workspacecommand.h"

#include <algorithm>
#include <memory>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "cli/exitcode.h"
#include "cli/globaloptions.h"
#include "cli/report.h"
#include "cli/terminal.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

struct Action {
    QString name;
    QString syntax;
    QString description;
};

QList<Action> actions()
{
    return {
        { u"export"_s, u"FILE.json"_s,
            WorkspaceCommand::tr("write the workspace as JSON (- for stdout); secrets by name only") },
        { u"import"_s, u"FILE.json"_s,
            WorkspaceCommand::tr("add or replace projects and servers from such a file (- for stdin)") },
        { u"info"_s, u"[--json]"_s, WorkspaceCommand::tr("where the workspace is, and its projects") },
    };
}

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    if (path == u"-") {
        Terminal::outRaw(bytes);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(WorkspaceCommand::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
            WorkspaceCommand::tr("Choose a folder you can write to, with space left."), file.errorString());
    return {};
}

Result<QJsonObject> readJson(const QString &path)
{
    QByteArray bytes;
    if (path == u"-") {
        bytes = Terminal::readInput();
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(WorkspaceCommand::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)),
                WorkspaceCommand::tr("Check the file name and that you may read it."), file.errorString());
        bytes = file.readAll();
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(WorkspaceCommand::tr("%1 is not a JSON workspace export (%2 at byte %3).")
                        .arg(QDir::toNativeSeparators(path),
                            document.isNull() ? error.errorString() : WorkspaceCommand::tr("not an object"))
                        .arg(error.offset),
            WorkspaceCommand::tr("Choose a file made by gantryctl workspace export or Gantry's export."));
    return document.object();
}

// Secrets travel by name only: after an import, their values must come from the keychain.
QStringList secretsIn(const QJsonObject &json)
{
    QStringList names;
    for (const QJsonValue &project : json.value(u"projects"_s).toArray()) {
        for (const QJsonValue &profile : project[u"profiles"_s].toArray()) {
            const QString where = project[u"name"_s].toString() + u' ' + profile[u"name"_s].toString();
            for (const QJsonValue &v : profile[u"variables"_s].toArray()) {
                if (v[u"secret"_s].toBool())
                    names << where + u' ' + v[u"name"_s].toString();
            }
        }
    }
    return names;
}

int exportTo(Workspace &workspace, const QString &path)
{
    const Result<QJsonObject> json = workspace.exportJson();
    if (!json)
        return Report::failure(json.error());
    if (auto ok = writeFile(path, QJsonDocument(*json).toJson(QJsonDocument::Indented)); !ok)
        return Report::failure(ok.error());
    if (path != u"-")
        Report::note(WorkspaceCommand::tr("Exported the workspace to %1 (secrets by name only, no values).")
                         .arg(QDir::toNativeSeparators(path)));
    return ExitOk;
}

int importFrom(Workspace &workspace, const QString &path)
{
    const Result<QJsonObject> json = readJson(path);
    if (!json)
        return Report::failure(json.error());
    if (auto ok = workspace.importJson(*json); !ok)
        return Report::failure(ok.error());
    Report::note(WorkspaceCommand::tr("Imported %1 project(s) and %2 server(s).")
                     .arg(json->value(u"projects"_s).toArray().size())
                     .arg(json->value(u"servers"_s).toArray().size()));
    const QStringList secrets = secretsIn(*json);
    if (!secrets.isEmpty())
        Report::note(WorkspaceCommand::tr("The export holds no secret values. Unless the keychain has them "
                                          "already, set each with gantryctl profile set PROJECT PROFILE "
                                          "--secret NAME:\n  %1")
                         .arg(secrets.join(u"\n  "_s)));
    return ExitOk;
}

int info(const Workspace &workspace, bool json)
{
    const Result<QList<ProjectRecord>> projects = workspace.projects();
    if (!projects)
        return Report::failure(projects.error());
    QJsonArray array;
    QStringList lines {
        WorkspaceCommand::tr("Workspace %1").arg(QDir::toNativeSeparators(workspace.filePath())),
        WorkspaceCommand::tr("id %1, schema version %2").arg(workspace.id()).arg(workspace.schemaVersion())
    };
    for (const ProjectRecord &p : *projects) {
        array << QJsonObject { { u"name"_s, p.name }, { u"path"_s, p.path } };
        lines << u"  %1  %2"_s.arg(p.name, QDir::toNativeSeparators(p.path));
    }
    if (json)
        Terminal::outJson(
            { { u"dir"_s, workspace.dir() }, { u"file"_s, workspace.filePath() }, { u"id"_s, workspace.id() },
                { u"schemaVersion"_s, workspace.schemaVersion() }, { u"projects"_s, array } });
    else
        Terminal::out(lines.join(u'\n'));
    return ExitOk;
}

} // namespace

QString WorkspaceCommand::usageText()
{
    QStringList lines;
    for (const Action &action : actions()) {
        lines << u"  workspace %1 %2"_s.arg(action.name, action.syntax).trimmed();
        lines << u"      "_s + action.description;
    }
    return lines.join(u'\n');
}

int WorkspaceCommand::run(const QStringList &arguments, const QString &workspaceDir)
{
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == u"help" || name == u"--help" || name == u"-h") {
        Terminal::err(tr("Usage: gantryctl workspace <action> ...\n\n%1").arg(usageText()));
        return name.isEmpty() ? ExitUsage : ExitOk;
    }
    const QList<Action> all = actions();
    const auto action =
        std::find_if(all.cbegin(), all.cend(), [&](const Action &a) { return a.name == name; });
    if (action == all.cend())
        return Report::usage(
            u"workspace"_s, tr("\"%1\" is not an action; use one of export, import, info.").arg(name));
    QStringList rest = arguments;
    rest.removeAt(1);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, tr("Print JSON on stdout."));
    if (name == u"info")
        parser.addOption(json);
    parser.addOption(GlobalOptions::workspaceOption());
    const QString command = u"workspace "_s + name;
    if (!parser.parse(rest))
        return Report::usage(command, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QString help = parser.helpText();
        help.replace(
            0, help.indexOf(u'\n'), u"Usage: gantryctl %1 [options] %2"_s.arg(command, action->syntax));
        Terminal::out(help.trimmed());
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != (name == u"info" ? 0 : 1))
        return Report::usage(
            command, name == u"info" ? tr("takes no arguments.") : tr("give one FILE.json."));
    Result<std::unique_ptr<Workspace>> workspace = Workspace::open(workspaceDir);
    if (!workspace)
        return Report::failure(workspace.error());
    if (name == u"export")
        return exportTo(**workspace, args.at(0));
    if (name == u"import")
        return importFrom(**workspace, args.at(0));
    return info(**workspace, parser.isSet(json));
}

} // namespace Gantry::Cli
