#include "core/build/gotoolchain.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/build/gomodfile.h"
#include "core/process/processrunner.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry {

namespace {

const auto InstallHint = QT_TRANSLATE_NOOP("GoToolchain",
    "Install Go %1 or newer from https://go.dev/dl/, then choose it in Settings or put it "
    "first on PATH.");

QString exeName(bool windows)
{
    return windows ? u"go.exe"_s : u"go"_s;
}

QString errorOutput(const ProcessResult &result)
{
    const QString err = QString::fromUtf8(result.standardError).trimmed();
    return err.isEmpty() ? result.errorString : err;
}

} // namespace

bool GoToolchain::isWindowsHost()
{
#ifdef Q_OS_WIN
    return true;
#else
    return false;
#endif
}

QStringList GoToolchain::candidates(const QProcessEnvironment &env, bool windows)
{
    const QString exe = exeName(windows);
    const QChar sep = windows ? u';' : u':';
    QStringList result;
    for (const QString &dir : env.value(u"PATH"_s).split(sep, Qt::SkipEmptyParts))
        result << QDir::cleanPath(dir + u'/' + exe);
    if (env.contains(u"GOROOT"_s))
        result << QDir::cleanPath(env.value(u"GOROOT"_s) + u"/bin/"_s + exe);
    if (windows) {
        const QString home = env.value(u"USERPROFILE"_s);
        const QString programFiles = env.value(u"ProgramFiles"_s, u"C:/Program Files"_s);
        result << QDir::cleanPath(programFiles + u"/Go/bin/go.exe"_s)
               << QDir::cleanPath(
                      env.value(u"ProgramFiles(x86)"_s, u"C:/Program Files (x86)"_s) + u"/Go/bin/go.exe"_s);
        if (!home.isEmpty()) {
            result << QDir::cleanPath(home + u"/go/bin/go.exe"_s)
                   << QDir::cleanPath(home + u"/scoop/apps/go/current/bin/go.exe"_s)
                   << QDir::cleanPath(home + u"/scoop/shims/go.exe"_s);
        }
        result << u"C:/ProgramData/chocolatey/bin/go.exe"_s;
    } else {
        result << u"/usr/local/go/bin/go"_s << u"/usr/lib/go/bin/go"_s;
        if (env.contains(u"HOME"_s))
            result << env.value(u"HOME"_s) + u"/go/bin/go"_s << env.value(u"HOME"_s) + u"/.local/go/bin/go"_s;
        result << u"/opt/homebrew/bin/go"_s;
    }
    result.removeDuplicates();
    return result;
}

Result<QString> GoToolchain::find(const QString &configured, const QProcessEnvironment &env)
{
    if (!configured.isEmpty()) {
        const QFileInfo info(configured);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
        return fail(tr("The Go program set in Gantry (%1) does not exist or cannot be run.").arg(configured),
            tr("Choose the go executable of an installed toolchain, or clear the setting to let "
               "Gantry look on PATH."));
    }
    for (const QString &candidate : candidates(env)) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return fail(tr("Go is not installed, or Gantry cannot find it (looked on PATH, in GOROOT and in the "
                   "usual install folders)."),
        tr("Install Go from https://go.dev/dl/ (on Debian: apt install golang-go), or set its path "
           "in Settings."));
}

Result<GoToolchain> GoToolchain::fromEnvJson(const QString &goPath, const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonObject env = QJsonDocument::fromJson(json, &parseError).object();
    const QString versionText = env.value(u"GOVERSION"_s).toString();
    const auto version = GoVersion::parse(versionText);
    if (parseError.error != QJsonParseError::NoError || !version) {
        return fail(
            tr("The Go toolchain at %1 did not describe itself (go env -json gave no version).").arg(goPath),
            tr("Check that this is a working Go installation of version 1.16 or newer."),
            QString::fromUtf8(json.left(500)));
    }
    GoToolchain toolchain;
    toolchain.goPath = goPath;
    toolchain.versionText = versionText;
    toolchain.version = *version;
    toolchain.goroot = env.value(u"GOROOT"_s).toString();
    toolchain.gocache = env.value(u"GOCACHE"_s).toString();
    toolchain.hostOs = env.value(u"GOHOSTOS"_s).toString();
    toolchain.hostArch = env.value(u"GOHOSTARCH"_s).toString();
    toolchain.goproxy = env.value(u"GOPROXY"_s).toString();
    toolchain.goflags = env.value(u"GOFLAGS"_s).toString();
    return toolchain;
}

QFuture<Result<GoToolchain>> GoToolchain::probe(const QString &goPath, const QProcessEnvironment &env)
{
    // Named variables only: a bare `go env` also probes the C compiler, which costs ten times more.
    ProcessSpec spec { goPath,
        { u"env"_s, u"-json"_s, u"GOVERSION"_s, u"GOROOT"_s, u"GOCACHE"_s, u"GOHOSTOS"_s, u"GOHOSTARCH"_s,
            u"GOPROXY"_s, u"GOFLAGS"_s },
        QDir::tempPath(), env, 60s, true, true };
    return ProcessRunner::run(std::move(spec))
        .then([goPath](const ProcessResult &result) -> Result<GoToolchain> {
            if (!result.succeeded()) {
                return fail(tr("The Go toolchain at %1 does not run.").arg(goPath),
                    tr("Reinstall Go, or choose another toolchain in Settings."), errorOutput(result));
            }
            return fromEnvJson(goPath, result.standardOutput);
        });
}

Result<QList<BuildTarget>> GoToolchain::parseDistList(const QByteArray &json)
{
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    QList<BuildTarget> targets;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        BuildTarget target { object.value(u"GOOS"_s).toString(), object.value(u"GOARCH"_s).toString() };
        target.cgoSupported = object.value(u"CgoSupported"_s).toBool();
        target.firstClass = object.value(u"FirstClass"_s).toBool();
        if (!target.goos.isEmpty() && !target.goarch.isEmpty())
            targets << target;
    }
    if (targets.isEmpty())
        return fail(tr("Go did not list the platforms it can build for."),
            tr("Check the Go installation (go tool dist list should print them)."),
            QString::fromUtf8(json.left(500)));
    return targets;
}

QFuture<Result<QList<BuildTarget>>> GoToolchain::listTargets(const QProcessEnvironment &env) const
{
    ProcessSpec spec { goPath, { u"tool"_s, u"dist"_s, u"list"_s, u"-json"_s }, QDir::tempPath(), env, 60s,
        true, true };
    return ProcessRunner::run(std::move(spec))
        .then([](const ProcessResult &result) -> Result<QList<BuildTarget>> {
            if (!result.succeeded())
                return fail(tr("Go could not list the platforms it builds for."),
                    tr("Check the Go installation."), errorOutput(result));
            return parseDistList(result.standardOutput);
        });
}

Result<void> GoToolchain::checkCompatibility(const GoModFile &mod) const
{
    GoVersion modernSyntax;
    modernSyntax.major = 1;
    modernSyntax.minor = 21;
    const QString installed = versionText.mid(2);
    if (!mod.toolchain.isEmpty() && version < modernSyntax) {
        const QString wanted = mod.toolchain.startsWith(u"go"_s) ? mod.toolchain.mid(2) : mod.toolchain;
        return fail(tr("This project's go.mod asks for the Go toolchain %1 (line %2: \"toolchain %3\"), "
                       "which the installed Go %4 cannot read.")
                        .arg(wanted)
                        .arg(mod.toolchainLine)
                        .arg(mod.toolchain, installed),
            tr(InstallHint).arg(wanted));
    }
    const QList<std::pair<QString, const QStringList *>> newerDirectives { { u"godebug"_s, &mod.godebugs },
        { u"tool"_s, &mod.tools }, { u"ignore"_s, &mod.ignores } };
    for (const auto &[directive, entries] : newerDirectives) {
        if (!entries->isEmpty() && version < modernSyntax) {
            return fail(
                tr("This project's go.mod uses the \"%1\" directive, which the installed Go %2 cannot read.")
                    .arg(directive, installed),
                tr(InstallHint).arg(mod.goVersion.isEmpty() ? u"1.23"_s : mod.goVersion));
        }
    }
    const auto required = GoVersion::parse(mod.goVersion);
    if (!required)
        return {};
    if (!required->prerelease.isEmpty() && version < modernSyntax) {
        return fail(
            tr("This project's go.mod says \"go %1\" (line %2), a pre-release version that the installed "
               "Go %3 cannot read.")
                .arg(mod.goVersion)
                .arg(mod.goLine)
                .arg(installed),
            tr(InstallHint).arg(mod.goVersion));
    }
    if (required->hasPatch && version < modernSyntax) {
        return fail(
            tr("This project's go.mod says \"go %1\" (line %2), a three-part version that the installed "
               "Go %3 cannot read; it needs Go %1 or newer.")
                .arg(mod.goVersion)
                .arg(mod.goLine)
                .arg(installed),
            tr(InstallHint).arg(mod.goVersion));
    }
    if (version < *required) {
        return fail(tr("This project needs Go %1 (go.mod line %2: \"go %1\"), but the installed Go is %3.")
                        .arg(mod.goVersion)
                        .arg(mod.goLine)
                        .arg(installed),
            tr(InstallHint).arg(mod.goVersion));
    }
    return {};
}

} // namespace Gantry
