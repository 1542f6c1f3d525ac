#include "cli/buildcommand.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "cli/exitcode.h"
#include "cli/report.h"
#include "cli/terminal.h"
#include "core/build/buildsession.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry::Cli {

namespace {

struct Options {
    QCommandLineOption target { u"target"_s,
        BuildCommand::tr("Platform to build for, as OS/ARCH (repeatable). "
                         "Default: linux/amd64 and windows/amd64."),
        u"OS/ARCH"_s };
    QCommandLineOption version { u"version"_s,
        BuildCommand::tr("Version to stamp. Default: from git describe."), u"V"_s };
    QCommandLineOption versionVar { u"version-var"_s,
        BuildCommand::tr("Variable that holds the version, as PKG.NAME (e.g. main.version)."),
        u"PKG.NAME"_s };
    QCommandLineOption out { u"out"_s,
        BuildCommand::tr("Output folder. Default: PROJECT_DIR/dist/<version>."), u"DIR"_s };
    QCommandLineOption json { u"json"_s, BuildCommand::tr("Print a JSON summary (the manifest) on stdout.") };
    QCommandLineOption package { u"package"_s,
        BuildCommand::tr("Main package to build, e.g. cmd/api (repeatable). "
                         "Default: all."),
        u"DIR"_s };
    QCommandLineOption ldflags { u"ldflags"_s,
        BuildCommand::tr("ldflags template with {{.Version}} {{.Commit}} "
                         "{{.Date}}."),
        u"TEMPLATE"_s };
    QCommandLineOption goFlag { u"go-flag"_s, BuildCommand::tr("Extra flag for go build (repeatable)."),
        u"FLAG"_s };
    QCommandLineOption extraFile { u"extra-file"_s,
        BuildCommand::tr("File or folder to put in the archives (repeatable). Default: "
                         "README, LICENSE, config/, static/, templates/."),
        u"PATH"_s };
    QCommandLineOption env { u"env"_s,
        BuildCommand::tr("Go setting for this build, e.g. GOPROXY=https://proxy.example or "
                         "GOPRIVATE=git.example.com (repeatable). GOFLAGS adds to yours."),
        u"KEY=VALUE"_s };
    QCommandLineOption go { u"go"_s, BuildCommand::tr("The go executable to use."), u"PATH"_s };
    QCommandLineOption jobs { u"jobs"_s, BuildCommand::tr("Targets built at once. Default: one per core."),
        u"N"_s };
    QCommandLineOption timeout { u"timeout"_s, BuildCommand::tr("Minutes one target may take. Default: 30."),
        u"MIN"_s };
    QCommandLineOption verbose { u"verbose"_s, BuildCommand::tr("Show Go's output as it comes.") };
};

int usageError(const QString &message)
{
    return Report::usage(u"build"_s, message);
}

QString kindName(GoDiagnostic::Kind kind)
{
    switch (kind) {
    case GoDiagnostic::Kind::Compile:
        return u"compile"_s;
    case GoDiagnostic::Kind::Module:
        return u"module"_s;
    case GoDiagnostic::Kind::GoCommand:
        return u"go"_s;
    }
    return {};
}

QJsonObject errorJson(const BuildResult &result)
{
    QJsonArray diagnostics;
    for (const GoDiagnostic &d : result.diagnostics) {
        diagnostics.append(
            QJsonObject { { u"kind"_s, kindName(d.kind) }, { u"package"_s, d.package }, { u"file"_s, d.file },
                { u"line"_s, d.line }, { u"column"_s, d.column }, { u"message"_s, d.message } });
    }
    return { { u"success"_s, false }, { u"cancelled"_s, result.cancelled },
        { u"error"_s,
            QJsonObject { { u"message"_s, result.error.message }, { u"hint"_s, result.error.hint },
                { u"cause"_s, result.error.cause } } },
        { u"diagnostics"_s, diagnostics } };
}

QJsonArray warningsJson(const QList<Error> &warnings)
{
    QJsonArray array;
    for (const Error &w : warnings)
        array.append(QJsonObject { { u"message"_s, w.message }, { u"hint"_s, w.hint } });
    return array;
}

void printFailure(const BuildResult &result)
{
    for (const GoDiagnostic &d : result.diagnostics) {
        const QString where = d.line > 0 ? QDir::toNativeSeparators(d.file) + u':' + QString::number(d.line) +
                u':' + QString::number(d.column) + u": "_s
                                         : QString();
        Terminal::err(where + d.message);
    }
    Terminal::err(BuildCommand::tr("error: %1").arg(result.error.message));
    if (!result.error.hint.isEmpty())
        Terminal::err(BuildCommand::tr("hint: %1").arg(result.error.hint));
    if (result.diagnostics.isEmpty() && !result.error.cause.isEmpty())
        Terminal::err(result.error.cause);
}

void printSuccess(const BuildResult &result)
{
    Terminal::err(BuildCommand::tr("Built %1 %2 into %3")
                      .arg(result.manifest.project, result.manifest.version,
                          QDir::toNativeSeparators(result.outputDir)));
    for (const BuildArtifact &a : result.manifest.artifacts) {
        Terminal::err(u"  %1  %2  %3"_s.arg(a.file, -44)
                          .arg(QLocale::system().formattedDataSize(a.size), 9)
                          .arg(a.sha256.left(16)));
    }
}

Result<BuildOptions> toBuildOptions(const QCommandLineParser &parser, const Options &o)
{
    BuildOptions options;
    options.projectDir = QDir(parser.positionalArguments().constFirst()).absolutePath();
    for (const QString &t : parser.values(o.target)) {
        const auto target = BuildTarget::parse(t);
        if (!target)
            return fail(
                BuildCommand::tr("\"%1\" is not a target; write it as OS/ARCH, e.g. linux/amd64.").arg(t));
        options.targets << *target;
    }
    options.version = parser.value(o.version);
    options.versionVar = parser.value(o.versionVar);
    options.outputDir = parser.value(o.out);
    options.packages = parser.values(o.package);
    options.ldflagsTemplate = parser.value(o.ldflags);
    options.extraGoFlags = parser.values(o.goFlag);
    if (parser.isSet(o.extraFile))
        options.extraFiles = parser.values(o.extraFile);
    options.goPath = parser.value(o.go);
    static const QRegularExpression envName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    for (const QString &pair : parser.values(o.env)) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0 || !envName.match(pair.left(eq)).hasMatch())
            return fail(
                BuildCommand::tr("\"%1\" is not a setting; write it as KEY=VALUE, e.g. GOPROXY=direct.")
                    .arg(pair));
        options.goEnv.insert(pair.left(eq), pair.mid(eq + 1));
    }
    bool ok = true;
    if (parser.isSet(o.jobs) && ((options.jobs = parser.value(o.jobs).toInt(&ok)) < 1 || !ok))
        return fail(BuildCommand::tr("--jobs needs a whole number of 1 or more."));
    if (parser.isSet(o.timeout)) {
        const int minutes = parser.value(o.timeout).toInt(&ok);
        if (!ok || minutes < 1)
            return fail(BuildCommand::tr("--timeout needs a whole number of minutes, 1 or more."));
        options.targetTimeout = std::chrono::minutes(minutes);
    }
    return options;
}

} // namespace

int BuildCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Build static, version-stamped, packaged binaries of a Go project."));
    parser.addHelpOption();
    const Options o;
    parser.addOptions({ o.target, o.version, o.versionVar, o.out, o.json, o.package, o.ldflags, o.goFlag,
        o.extraFile, o.env, o.go, o.jobs, o.timeout, o.verbose });
    parser.addPositionalArgument(u"PROJECT_DIR"_s, tr("The folder that holds go.mod."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        Terminal::out(parser.helpText());
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("give exactly one PROJECT_DIR."));
    auto options = toBuildOptions(parser, o);
    if (!options)
        return usageError(options.error().message);

    const bool json = parser.isSet(o.json);
    const bool verbose = parser.isSet(o.verbose);
    BuildSession session(std::move(*options));
    QEventLoop loop;
    QObject::connect(&session, &BuildSession::planned, &loop, [](const BuildPlan &plan) {
        Terminal::err(tr("Building %1 %2 (%3) for %n target(s)", nullptr, int(plan.steps.size()))
                          .arg(plan.projectName, plan.version.version, plan.goVersion));
    });
    QObject::connect(&session, &BuildSession::warning, &loop, [](const Error &w) {
        Terminal::err(tr("warning: %1").arg(w.message));
        Terminal::err(tr("  fix: %1").arg(w.hint));
    });
    QObject::connect(&session, &BuildSession::targetStateChanged, &loop,
        [](const QString &key, BuildSession::TargetState state, const QString &detail) {
            Terminal::err(
                u"  [%1] %2 %3"_s.arg(key, -14).arg(BuildSession::stateName(state), detail).trimmed());
        });
    if (verbose) {
        QObject::connect(&session, &BuildSession::outputLine, &loop,
            [](const QString &key, const QString &line) { Terminal::err(u"  %1| %2"_s.arg(key, line)); });
    }
    QObject::connect(&session, &BuildSession::finished, &loop, &QEventLoop::quit);
    Terminal::whenInterrupted(&loop, [&session] { session.cancel(); });
    session.start();
    loop.exec();

    const BuildResult &result = session.result();
    if (!result.success) {
        printFailure(result);
        if (json)
            Terminal::out(
                QString::fromUtf8(QJsonDocument(errorJson(result)).toJson(QJsonDocument::Indented)));
        return ExitFailed;
    }
    printSuccess(result);
    if (json) {
        QJsonObject summary = result.manifest.toJson();
        summary.insert(u"success"_s, true);
        summary.insert(u"warnings"_s, warningsJson(result.warnings));
        Terminal::out(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Indented)));
    }
    return ExitOk;
}

} // namespace Gantry::Cli
