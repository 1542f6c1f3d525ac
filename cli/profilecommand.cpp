#include "cli/profilecommand.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QStringDecoder>

#include "cli/exitcode.h"
#include "cli/globaloptions.h"
#include "cli/keychain.h"
#include "cli/profileeditor.h"
#include "cli/profileview.h"
#include "cli/projectlocator.h"
#include "cli/report.h"
#include "cli/settingassignment.h"
#include "cli/terminal.h"
#include "core/profile/dotenv.h"
#include "core/store/workspace.h"

using namespace Qt::StringLiterals;

namespace Gantry::Cli {

namespace {

struct Options {
    QCommandLineOption json { u"json"_s, ProfileCommand::tr("Print JSON on stdout.") };
    QCommandLineOption server { u"server"_s,
        ProfileCommand::tr("Work on this server's overrides of the profile."), u"NAME"_s };
    QCommandLineOption secret { u"secret"_s,
        ProfileCommand::tr("Set this variable as a secret; its value is read from stdin (prompted for, "
                           "unechoed, on a terminal) and kept in the OS keychain only."),
        u"NAME"_s };
    QCommandLineOption importSecret { u"secret"_s,
        ProfileCommand::tr("This variable of the file is a secret: its value goes to the OS keychain "
                           "(repeatable)."),
        u"NAME"_s };
    QCommandLineOption setting { u"setting"_s,
        ProfileCommand::tr("Set a deploy setting, e.g. servicePort=9000 or health_path=/up (repeatable)."),
        u"KEY=VALUE"_s };
    QCommandLineOption unsetSetting { u"setting"_s,
        ProfileCommand::tr("Drop the profile's own value of a deploy setting, so it is inherited again "
                           "(repeatable)."),
        u"KEY"_s };
    QCommandLineOption withSecrets { u"with-secrets"_s,
        ProfileCommand::tr("Include secrets, read from the keychain. Default: left out.") };
    QCommandLineOption resolved { u"resolved"_s,
        ProfileCommand::tr("Export what a deploy uses: inherited variables and the --server overrides "
                           "applied.") };
    QCommandLineOption replace { u"replace"_s,
        ProfileCommand::tr("Make the variables exactly those of the file. Default: add and update.") };
    QCommandLineOption extends { u"extends"_s,
        ProfileCommand::tr("The profile the new one extends. Default: none."), u"PARENT"_s };
    QCommandLineOption none { u"none"_s, ProfileCommand::tr("Extend no profile.") };
    QCommandLineOption workspace = GlobalOptions::workspaceOption();
};

struct Context;
using Handler = int (*)(Context &);

struct Action {
    QString name;
    QString syntax; // the arguments, as help shows them
    QString optionSyntax; // the main options, for gantryctl help
    QString description;
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    QList<QCommandLineOption Options::*> options;
    Handler handler = nullptr;
};

struct Context {
    const Action &action;
    const Options &o;
    QCommandLineParser &parser;
    QString workspaceDir;
    QStringList args;
    QString server; // --server, for the actions that take it
    std::unique_ptr<Workspace> workspace;
    std::optional<ProjectLocator> locator;
    std::optional<ProfileEditor> editor;

    QString command() const { return u"profile "_s + action.name; }
    int usage(const QString &message) const { return Report::usage(command(), message); }
    // Opens the workspace; on failure the error is reported and the exit code returned.
    std::optional<int> open();
    // open(), and an editor for PROFILE of PROJECT. An edit registers a new project when it is
    // written, so that a failed one adds nothing; `registerNow` adds it at once.
    std::optional<int> openForEdit(bool registerNow = false);
};

std::optional<int> Context::open()
{
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(workspaceDir);
    if (!opened)
        return Report::failure(opened.error());
    workspace = std::move(*opened);
    locator.emplace(*workspace);
    return std::nullopt;
}

std::optional<int> Context::openForEdit(bool registerNow)
{
    if (auto code = open())
        return code;
    const Result<ProjectRef> project = registerNow ? locator->open(args.at(0)) : locator->locate(args.at(0));
    if (!project)
        return Report::failure(project.error());
    editor.emplace(*workspace, *locator, *project, args.at(1), server);
    return std::nullopt;
}

QString badName(const QString &name)
{
    return ProfileCommand::tr("\"%1\" is not a valid variable name; use letters, digits and \"_\", not "
                              "starting with a digit (like API_TOKEN). Nothing was written.")
        .arg(name);
}

Result<QString> secretFromInput(const QString &name)
{
    QByteArray bytes;
    if (Terminal::inputIsInteractive()) {
        bytes = Terminal::readHiddenLine(ProfileCommand::tr("Value of %1 (not shown): ").arg(name));
    } else {
        bytes = Terminal::readInput();
        // One line end only: a value may end in blank lines of its own. On Windows that is CR LF.
#ifdef Q_OS_WIN
        if (bytes.endsWith("\r\n"))
            bytes.chop(1);
#endif
        if (bytes.endsWith('\n'))
            bytes.chop(1);
    }
    if (bytes.isEmpty())
        return fail(ProfileCommand::tr("The value of the secret %1 is empty.").arg(name),
            ProfileCommand::tr("Pipe the value in, e.g. printf '%s' \"$VALUE\" | gantryctl profile set "
                               "PROJECT PROFILE --secret %1; nothing was written.")
                .arg(name));
    if (!QByteArrayView(bytes).isValidUtf8())
        return fail(ProfileCommand::tr("The value of the secret %1 is not UTF-8 text.").arg(name),
            ProfileCommand::tr("Give the value as UTF-8 text; nothing was written."));
    return QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom).decode(bytes);
}

int list(Context &c)
{
    if (auto code = c.open())
        return *code;
    const Result<ProjectRef> project = c.locator->open(c.args.at(0));
    if (!project)
        return Report::failure(project.error());
    const Result<QList<ProfileRecord>> profiles = c.workspace->profiles(project->name);
    if (!profiles)
        return Report::failure(profiles.error());
    QList<ProfileView::Summary> summaries;
    for (const ProfileRecord &profile : *profiles) {
        const auto variables = c.workspace->variables(project->name, profile.name);
        const auto servers = c.workspace->overrideServers(project->name, profile.name);
        if (!variables || !servers)
            return Report::failure(variables ? servers.error() : variables.error());
        const auto secrets = std::count_if(
            variables->begin(), variables->end(), [](const VariableRecord &v) { return v.secret; });
        summaries << ProfileView::Summary { profile, int(variables->size()), int(secrets), *servers };
    }
    if (c.parser.isSet(c.o.json))
        Terminal::outJson(ProfileView::listJson(*project, summaries));
    else
        Terminal::out(ProfileView::listText(*project, summaries));
    return ExitOk;
}

int show(Context &c)
{
    if (auto code = c.open())
        return *code;
    const Result<ProjectRef> project = c.locator->open(c.args.at(0));
    if (!project)
        return Report::failure(project.error());
    // Never reads the keychain: secrets are shown by name only.
    const Result<ResolvedProfile> resolved = c.workspace->resolve(project->name, c.args.at(1), c.server);
    if (!resolved)
        return Report::failure(resolved.error());
    if (c.parser.isSet(c.o.json))
        Terminal::outJson(ProfileView::showJson(*resolved));
    else
        Terminal::out(ProfileView::showText(*resolved));
    return ExitOk;
}

// Writes `change` with the editor openForEdit() made and says what happened; `done` gets where,
// as "profile dev of shop". The exit code.
int applyChange(
    Context &c, const ProfileEditor::Change &change, const std::function<QString(const QString &where)> &done)
{
    const bool registered = c.editor->project().registered;
    if (auto ok = c.editor->apply(change); !ok)
        return Report::failure(ok.error());
    const ProjectRef &project = c.editor->project();
    if (!registered)
        ProjectLocator::reportAdded(project);
    const QString where = !c.server.isEmpty()
        ? ProfileCommand::tr("profile %1 of %2, server %3").arg(c.args.at(1), project.name, c.server)
        : ProfileCommand::tr("profile %1 of %2").arg(c.args.at(1), project.name);
    Report::note(done(where));
    return ExitOk;
}

std::optional<int> parseAssignments(Context &c, ProfileEditor::Change &change)
{
    QSet<QString> names;
    for (const QString &pair : c.args.mid(2)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq < 0)
            return c.usage(ProfileCommand::tr("\"%1\" is not NAME=VALUE.").arg(pair));
        const QString name = pair.left(eq);
        if (!VariableRecord::isValidName(name))
            return c.usage(badName(name));
        if (names.contains(name))
            return c.usage(ProfileCommand::tr("%1 is given twice; give it once.").arg(name));
        names.insert(name);
        change.set << VariableRecord { name, pair.mid(eq + 1), false, {} };
    }
    const QStringList secrets = c.parser.values(c.o.secret);
    if (secrets.size() > 1)
        return c.usage(ProfileCommand::tr("give one --secret NAME: its value is read from stdin."));
    for (const QString &name : secrets) {
        if (!VariableRecord::isValidName(name))
            return c.usage(badName(name));
        if (names.contains(name))
            return c.usage(ProfileCommand::tr("%1 is given twice; give it once.").arg(name));
    }
    for (const QString &text : c.parser.values(c.o.setting)) {
        const Result<SettingAssignment> setting = SettingAssignment::parse(text);
        if (!setting)
            return c.usage(setting.error().message + u' ' + setting.error().hint);
        change.settings.insert(setting->key, setting->value);
    }
    return std::nullopt;
}

int set(Context &c)
{
    ProfileEditor::Change change;
    if (auto code = parseAssignments(c, change))
        return *code;
    const QString secretName = c.parser.value(c.o.secret);
    if (change.set.isEmpty() && secretName.isEmpty() && change.settings.isEmpty())
        return c.usage(ProfileCommand::tr("give NAME=VALUE, --secret NAME or --setting KEY=VALUE."));
    if (!change.settings.isEmpty() && !c.server.isEmpty())
        return c.usage(ProfileCommand::tr("deploy settings belong to the profile; --setting does not go "
                                          "with --server."));
    if (auto code = c.openForEdit())
        return *code;
    if (auto ok = c.editor->checkSettings(change); !ok)
        return c.usage(
            ok.error().message + u' ' + ok.error().hint + u' ' + ProfileCommand::tr("Nothing was written."));
    if (!secretName.isEmpty()) {
        const Result<QString> value = secretFromInput(secretName);
        if (!value)
            return Report::failure(value.error());
        change.set << VariableRecord { secretName, *value, true, {} };
    }
    QStringList names;
    for (const VariableRecord &v : std::as_const(change.set))
        names << v.name;
    names << change.settings.keys();
    return applyChange(c, change, [&](const QString &where) {
        return secretName.isEmpty()
            ? ProfileCommand::tr("Set %1 in %2.").arg(names.join(u", "_s), where)
            : ProfileCommand::tr("Set %1 in %2; the secret %3 is in the OS keychain, the workspace keeps "
                                 "only a reference to it.")
                  .arg(names.join(u", "_s), where, secretName);
    });
}

int unset(Context &c)
{
    ProfileEditor::Change change;
    change.unset = c.args.mid(2);
    for (const QString &name : std::as_const(change.unset)) {
        if (!VariableRecord::isValidName(name))
            return c.usage(badName(name));
    }
    for (const QString &key : c.parser.values(c.o.unsetSetting)) {
        const Result<QString> stored = SettingAssignment::storedKey(key);
        if (!stored)
            return c.usage(stored.error().message + u' ' + stored.error().hint);
        change.unsetSettings << *stored;
    }
    if (change.unset.isEmpty() && change.unsetSettings.isEmpty())
        return c.usage(ProfileCommand::tr("give the NAMEs to unset, or --setting KEY."));
    if (!change.unsetSettings.isEmpty() && !c.server.isEmpty())
        return c.usage(ProfileCommand::tr("deploy settings belong to the profile; --setting does not go "
                                          "with --server."));
    if (auto code = c.openForEdit())
        return *code;
    const QStringList names = change.unset + change.unsetSettings;
    return applyChange(c, change, [&](const QString &where) {
        return ProfileCommand::tr("Unset %1 in %2.").arg(names.join(u", "_s), where);
    });
}

Result<QByteArray> readFile(const QString &path)
{
    if (path == u"-")
        return Terminal::readInput();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ProfileCommand::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)),
            ProfileCommand::tr("Check the file name and that you may read it."), file.errorString());
    return file.readAll();
}

int importFile(Context &c)
{
    const QStringList secrets = c.parser.values(c.o.importSecret);
    for (const QString &name : secrets) {
        if (!VariableRecord::isValidName(name))
            return c.usage(badName(name));
    }
    const QString path = c.args.at(2);
    const Result<QByteArray> text = readFile(path);
    if (!text)
        return Report::failure(text.error());
    const Result<QList<EnvVariable>> parsed =
        Dotenv::parse(*text, path == u"-" ? u"<stdin>"_s : QDir::toNativeSeparators(path));
    if (!parsed)
        return Report::failure({ parsed.error().message,
            parsed.error().hint + u' ' + ProfileCommand::tr("Nothing was written."), {} });
    ProfileEditor::Change change;
    change.replace = c.parser.isSet(c.o.replace);
    QSet<QString> pending(secrets.begin(), secrets.end());
    for (const EnvVariable &v : *parsed) {
        change.set << VariableRecord { v.name, v.value, pending.contains(v.name), {} };
        pending.remove(v.name);
    }
    if (!pending.isEmpty())
        return c.usage(ProfileCommand::tr("--secret %1: the file does not set it. Nothing was written.")
                           .arg(QStringList(pending.begin(), pending.end()).join(u", "_s)));
    if (auto code = c.openForEdit())
        return *code;
    return applyChange(c, change, [&](const QString &where) {
        const QString imported =
            ProfileCommand::tr("Imported %n variable(s) into %1.", nullptr, int(change.set.size()))
                .arg(where);
        return secrets.isEmpty() ? imported
                                 : imported + u' ' +
                ProfileCommand::tr("%n secret(s) went to the OS keychain.", nullptr, int(secrets.size()));
    });
}

int exportProfile(Context &c)
{
    if (auto code = c.open())
        return *code;
    const Result<ProjectRef> project = c.locator->open(c.args.at(0));
    if (!project)
        return Report::failure(project.error());
    const QString profile = c.args.at(1);
    const QString server = c.server;
    QList<VariableRecord> variables;
    if (c.parser.isSet(c.o.resolved)) {
        const Result<ResolvedProfile> resolved = c.workspace->resolve(project->name, profile, server);
        if (!resolved)
            return Report::failure(resolved.error());
        for (const ResolvedVariable &v : resolved->variables)
            variables << v.variable;
    } else {
        const Result<QList<VariableRecord>> own = c.workspace->variables(project->name, profile, server);
        if (!own)
            return Report::failure(own.error());
        variables = *own;
    }
    QList<EnvVariable> out;
    QStringList leftOut;
    for (const VariableRecord &v : std::as_const(variables)) {
        if (v.secret && !c.parser.isSet(c.o.withSecrets)) {
            leftOut << v.name;
            continue;
        }
        QString value = v.value;
        if (v.secret) {
            const Result<QString> stored = Keychain::read(v.keychainKey);
            if (!stored)
                return Report::failure(stored.error());
            value = *stored;
        }
        out << EnvVariable { v.name, value, v.secret, 0 };
    }
    const Result<QByteArray> text = Dotenv::write(out);
    if (!text)
        return Report::failure(text.error());
    Terminal::outRaw(*text); // the data itself, secrets included when asked for
    if (!leftOut.isEmpty())
        Report::note(ProfileCommand::tr("Left out the secret(s) %1; add --with-secrets to include them.")
                         .arg(leftOut.join(u", "_s)));
    return ExitOk;
}

int add(Context &c)
{
    if (auto code = c.openForEdit(true))
        return *code;
    if (auto ok = c.editor->add(c.parser.value(c.o.extends)); !ok)
        return Report::failure(ok.error());
    Report::note(ProfileCommand::tr("Added profile %1 to %2.").arg(c.args.at(1), c.editor->project().name));
    return ExitOk;
}

int extend(Context &c)
{
    if ((c.args.size() == 3) == c.parser.isSet(c.o.none))
        return c.usage(ProfileCommand::tr("give the PARENT profile, or --none."));
    const QString parent = c.args.value(2);
    if (auto code = c.openForEdit(true))
        return *code;
    if (auto ok = c.editor->setExtends(parent); !ok)
        return Report::failure(ok.error());
    const QString project = c.editor->project().name;
    Report::note(parent.isEmpty()
            ? ProfileCommand::tr("Profile %1 of %2 extends no profile now.").arg(c.args.at(1), project)
            : ProfileCommand::tr("Profile %1 of %2 extends %3 now.").arg(c.args.at(1), project, parent));
    return ExitOk;
}

int remove(Context &c)
{
    if (auto code = c.openForEdit(true))
        return *code;
    if (auto ok = c.editor->remove(); !ok)
        return Report::failure(ok.error());
    Report::note(ProfileCommand::tr("Removed profile %1 of %2.").arg(c.args.at(1), c.editor->project().name));
    return ExitOk;
}

QList<Action> actions()
{
    using O = Options;
    const QString pp = u"PROJECT PROFILE"_s;
    return {
        { u"list"_s, u"PROJECT"_s, u"[--json]"_s,
            ProfileCommand::tr("the profiles, what each extends, how many variables and secrets it sets"), 1,
            1, { &O::json }, list },
        { u"show"_s, pp, u"[--server NAME] [--json]"_s,
            ProfileCommand::tr("the resolved profile (inheritance and server overrides applied): deploy "
                               "settings and variables, secrets as ****"),
            2, 2, { &O::server, &O::json }, show },
        { u"set"_s, pp + u" [NAME=VALUE...]"_s, u"[--secret NAME] [--setting KEY=VALUE]... [--server NAME]"_s,
            ProfileCommand::tr("set variables; --secret reads one secret's value from stdin into the OS "
                               "keychain; --setting sets a deploy setting (servicePort, healthPath, ...)"),
            2, -1, { &O::secret, &O::setting, &O::server }, set },
        { u"unset"_s, pp + u" [NAME...]"_s, u"[--setting KEY]... [--server NAME]"_s,
            ProfileCommand::tr("remove variables (a secret's keychain entry too) or the profile's own "
                               "deploy settings"),
            2, -1, { &O::unsetSetting, &O::server }, unset },
        { u"import"_s, pp + u" FILE.env"_s, u"[--secret NAME]... [--replace] [--server NAME]"_s,
            ProfileCommand::tr("set the variables of a .env file (- for stdin), all or nothing; a name set "
                               "twice in the file is an error"),
            3, 3, { &O::importSecret, &O::replace, &O::server }, importFile },
        { u"export"_s, pp, u"[--with-secrets] [--resolved] [--server NAME]"_s,
            ProfileCommand::tr("the profile's variables as a .env file on stdout; secrets left out unless "
                               "--with-secrets"),
            2, 2, { &O::withSecrets, &O::resolved, &O::server }, exportProfile },
        { u"add"_s, pp, u"[--extends PARENT]"_s, ProfileCommand::tr("add a profile"), 2, 2, { &O::extends },
            add },
        { u"extend"_s, pp + u" [PARENT]"_s, u"[--none]"_s,
            ProfileCommand::tr("make a profile extend another one, or none; a cycle is refused"), 2, 3,
            { &O::none }, extend },
        { u"remove"_s, pp, QString(), ProfileCommand::tr("remove a profile with its variables and secrets"),
            2, 2, {}, remove },
    };
}

int runAction(const Action &action, const QStringList &arguments, const QString &workspaceDir)
{
    const Options o;
    QCommandLineParser parser;
    parser.setApplicationDescription(action.description.front().toUpper() + action.description.mid(1) + u'.');
    parser.addHelpOption();
    for (QCommandLineOption Options::*option : action.options)
        parser.addOption(o.*option);
    parser.addOption(o.workspace);
    Context c { action, o, parser, workspaceDir, {}, {}, {}, {}, {} };
    if (!parser.parse(arguments))
        return c.usage(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QString help = parser.helpText();
        help.replace(0, help.indexOf(u'\n'),
            u"Usage: gantryctl profile %1 [options] %2"_s.arg(action.name, action.syntax));
        Terminal::out(help.trimmed());
        return ExitOk;
    }
    c.args = parser.positionalArguments();
    if (action.options.contains(&Options::server))
        c.server = parser.value(o.server);
    if (c.args.size() < action.minArgs || (action.maxArgs >= 0 && c.args.size() > action.maxArgs))
        return c.usage(ProfileCommand::tr("the arguments are %1.").arg(action.syntax));
    return action.handler(c);
}

} // namespace

QString ProfileCommand::usageText()
{
    QStringList lines;
    for (const Action &action : actions()) {
        lines << u"  profile %1 %2 %3"_s.arg(action.name, action.syntax, action.optionSyntax).trimmed();
        lines << u"      "_s + action.description;
    }
    return lines.join(u'\n');
}

int ProfileCommand::run(const QStringList &arguments, const QString &workspaceDir)
{
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == u"help" || name == u"--help" || name == u"-h") {
        Terminal::err(tr("Usage: gantryctl profile <action> ...\n\n%1\n\n"
                         "Run \"gantryctl profile <action> --help\" for the options of an action.")
                          .arg(usageText()));
        return name.isEmpty() ? ExitUsage : ExitOk;
    }
    for (const Action &action : actions()) {
        if (action.name == name) {
            QStringList rest = arguments;
            rest.removeAt(1);
            return runAction(action, rest, workspaceDir);
        }
    }
    return Report::usage(u"profile"_s,
        tr("\"%1\" is not an action; use one of list, show, set, unset, import, "
           "export, add, extend, remove.")
            .arg(name));
}

} // namespace Gantry::Cli
