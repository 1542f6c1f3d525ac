#include "core/build/buildplan.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

#include "core/build/artifactnaming.h"
#include "core/build/ldflagstemplate.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QString defaultCacheDir(const QString &projectDir)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    const QByteArray id =
        QCryptographicHash::hash(projectDir.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return base + u"/builds/"_s + QString::fromLatin1(id);
}

} // namespace

QList<std::pair<QString, QString>> BuildPlan::stampsIn(const QString &ldflags)
{
    static const QRegularExpression stamp(u"-X(?:\\s+|=)['\"]?([^\\s='\"]+)=([^\\s'\"]*)"_s);
    QList<std::pair<QString, QString>> stamps;
    auto it = stamp.globalMatch(ldflags);
    while (it.hasNext()) {
        const auto match = it.next();
        stamps.append({ match.captured(1), match.captured(2) });
    }
    return stamps;
}

QProcessEnvironment BuildPlan::mergeEnvironment(
    const QProcessEnvironment &base, const QMap<QString, QString> &goEnv)
{
    QProcessEnvironment env = base;
    for (auto it = goEnv.cbegin(); it != goEnv.cend(); ++it) {
        if (it.key() == u"GOFLAGS" && env.contains(it.key()))
            env.insert(it.key(), QString(env.value(it.key()) + u' ' + it.value()).trimmed());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

Result<BuildPlan> BuildPlan::make(const BuildOptions &options, const GoProject &project,
    const GoToolchain &go, const QList<BuildTarget> &knownTargets, VersionInfo version)
{
    BuildPlan plan;
    if (!options.version.isEmpty())
        version.version =
            options.version.startsWith(u'v') && options.version.size() > 1 && options.version[1].isDigit()
            ? options.version.mid(1)
            : options.version;
    if (auto ok = ArtifactNaming::checkVersion(version.version); !ok)
        return std::unexpected(ok.error());
    plan.projectDir = project.dir;
    plan.projectName = project.name;
    plan.module = project.mod.modulePath;
    plan.version = version;
    plan.goVersion = go.versionText;
    plan.outputDir = options.outputDir.isEmpty() ? project.dir + u"/dist/"_s + version.version
                                                 : QDir::cleanPath(QDir(options.outputDir).absolutePath());
    plan.extraGoFlags = options.extraGoFlags;
    plan.extraFiles = options.extraFiles.value_or(project.defaultExtraFiles);
    for (const QString &extra : std::as_const(plan.extraFiles)) {
        if (!QFileInfo::exists(project.dir + u'/' + extra))
            return fail(tr("The extra file %1 does not exist in the project.").arg(extra),
                tr("Remove it from the project's extra files, or create it."));
    }
    QList<BuildTarget> targets;
    if (auto ok = plan.resolveTargets(options, knownTargets, &targets); !ok)
        return std::unexpected(ok.error());
    auto packages = plan.selectPackages(options, project);
    if (!packages)
        return std::unexpected(packages.error());

    QProcessEnvironment env = mergeEnvironment(options.environment, options.goEnv);
    env.insert(u"CGO_ENABLED"_s, u"0"_s);
    for (const GoMainPackage &package : std::as_const(*packages)) {
        for (const BuildTarget &target : std::as_const(targets)) {
            auto step = plan.makeStep(options, project, package, target, env);
            if (!step)
                return std::unexpected(step.error());
            if (packages->size() > 1)
                step->key = package.relativeDir + u' ' + target.toString();
            plan.steps << *step;
        }
    }
    plan.warnings = project.cgoWarnings();
    for (const GoMainPackage &package : std::as_const(*packages)) {
        if (package.versionVar.isEmpty() && options.versionVar.isEmpty() && options.ldflagsTemplate.isEmpty())
            plan.warnings << Error {
                tr("The package %1 has no version variable, so the binary will not know its "
                   "version.")
                    .arg(package.importPath),
                tr("Add `var version = \"dev\"` to package main, or name a variable with "
                   "--version-var."),
                {}
            };
    }
    return plan;
}

Result<void> BuildPlan::resolveTargets(
    const BuildOptions &options, const QList<BuildTarget> &known, QList<BuildTarget> *targets) const
{
    *targets = options.targets.isEmpty() ? BuildTarget::defaults() : options.targets;
    for (const BuildTarget &target : std::as_const(*targets)) {
        if (!known.contains(target)) {
            QStringList firstClass;
            for (const BuildTarget &k : known) {
                if (k.firstClass)
                    firstClass << k.toString();
            }
            return fail(
                tr("Go %1 cannot build for %2: there is no such platform.").arg(goVersion, target.toString()),
                tr("Choose one of the platforms `go tool dist list` names, e.g. %1.")
                    .arg(firstClass.join(u", "_s)));
        }
    }
    targets->erase(std::unique(targets->begin(), targets->end()), targets->end());
    return {};
}

Result<QList<GoMainPackage>> BuildPlan::selectPackages(
    const BuildOptions &options, const GoProject &project) const
{
    if (options.packages.isEmpty())
        return project.mainPackages;
    QList<GoMainPackage> selected;
    for (const QString &wanted : options.packages) {
        const QString rel = QDir::cleanPath(wanted);
        const auto it = std::find_if(project.mainPackages.cbegin(), project.mainPackages.cend(),
            [&](const GoMainPackage &p) { return p.relativeDir == rel; });
        if (it == project.mainPackages.cend()) {
            QStringList names;
            for (const GoMainPackage &p : project.mainPackages)
                names << p.relativeDir;
            return fail(tr("%1 is not a main package of this project.").arg(wanted),
                tr("Choose one of: %1.").arg(names.join(u", "_s)));
        }
        selected << *it;
    }
    return selected;
}

Result<BuildStep> BuildPlan::makeStep(const BuildOptions &options, const GoProject &project,
    const GoMainPackage &package, const BuildTarget &target, const QProcessEnvironment &env) const
{
    BuildStep step;
    step.key = target.toString();
    step.package = package;
    step.target = target;
    step.binaryFile = ArtifactNaming::binaryFile(package.binaryName, version.version, target);
    step.archiveFile = ArtifactNaming::archiveFile(package.binaryName, version.version, target);
    const QString cacheRoot = options.cacheDir.isEmpty() ? defaultCacheDir(project.dir) : options.cacheDir;
    const QString packageKey =
        package.relativeDir == u"." ? u"_root"_s : QString(package.relativeDir).replace(u'/', u'_');
    // One slot per version: the version is linked in, so going back and forth between two
    // versions (a deploy, then a rollback by redeploying) finds both up to date.
    step.cachedBinary = cacheRoot + u'/' + packageKey + u'/' + target.goos + u'_' + target.goarch + u'/' +
        version.version + u'/' + ArtifactNaming::binaryInArchive(package.binaryName, target);

    QString versionSymbol = options.versionVar;
    if (versionSymbol.isEmpty() && !package.versionVar.isEmpty())
        versionSymbol = GoProject::symbolFor(package, package.versionVar);
    const QString commitSymbol =
        package.commitVar.isEmpty() ? QString() : GoProject::symbolFor(package, package.commitVar);
    const QString dateSymbol =
        package.dateVar.isEmpty() ? QString() : GoProject::symbolFor(package, package.dateVar);
    const QString tmpl = options.ldflagsTemplate.isEmpty()
        ? LdflagsTemplate::defaultTemplate(versionSymbol, commitSymbol, dateSymbol)
        : options.ldflagsTemplate;
    const QHash<QString, QString> fields { { u"Version"_s, version.version }, { u"Commit"_s, version.commit },
        { u"ShortCommit"_s, version.shortCommit }, { u"Date"_s, version.date }, { u"Os"_s, target.goos },
        { u"Arch"_s, target.goarch }, { u"ProjectName"_s, project.name } };
    auto rendered = LdflagsTemplate::render(tmpl, fields);
    if (!rendered)
        return std::unexpected(rendered.error());
    step.ldflags = *rendered;
    step.stamps = stampsIn(step.ldflags);
    for (const auto &[symbol, value] : std::as_const(step.stamps)) {
        if (auto ok = project.checkVersionSymbol(package, symbol); !ok)
            return std::unexpected(ok.error());
    }

    step.arguments =
        QStringList { u"build"_s, u"-trimpath"_s, u"-buildvcs=false"_s, u"-ldflags"_s, step.ldflags };
    step.arguments << extraGoFlags << u"-o"_s << step.cachedBinary
                   << (package.relativeDir == u"." ? u"."_s : u"./"_s + package.relativeDir);
    step.environment = env;
    step.environment.insert(u"GOOS"_s, target.goos);
    step.environment.insert(u"GOARCH"_s, target.goarch);
    return step;
}

} // namespace Gantry
