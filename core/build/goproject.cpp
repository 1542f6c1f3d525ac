#include "core/build/goproject.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

struct KnownCgoModule {
    const char16_t *modulePrefix;
    const char16_t *alternative;
};

// Popular modules that need cgo, and the pure-Go replacement users pick instead.
constexpr KnownCgoModule KnownCgoModules[] = {
    { u"github.com/mattn/go-sqlite3", u"modernc.org/sqlite (driver name \"sqlite\")" },
    { u"gorm.io/driver/sqlite", u"github.com/glebarez/sqlite" },
    { u"github.com/mattn/go-oci8", u"github.com/sijms/go-ora/v2" },
    { u"github.com/godror/godror", u"github.com/sijms/go-ora/v2" },
    { u"github.com/confluentinc/confluent-kafka-go",
        u"github.com/segmentio/kafka-go or github.com/twmb/franz-go" },
    { u"github.com/DataDog/zstd", u"github.com/klauspost/compress/zstd" },
    { u"github.com/valyala/gozstd", u"github.com/klauspost/compress/zstd" },
    { u"gopkg.in/gographics/imagick", u"github.com/disintegration/imaging" },
    { u"github.com/h2non/bimg", u"github.com/disintegration/imaging" },
    { u"github.com/davidbyttow/govips", u"github.com/disintegration/imaging" },
    { u"github.com/tecbot/gorocksdb", u"github.com/cockroachdb/pebble" },
    { u"github.com/linxGnu/grocksdb", u"github.com/cockroachdb/pebble" },
    { u"github.com/mutecomm/go-sqlcipher", u"modernc.org/sqlite with application-level encryption" },
    { u"github.com/google/gopacket/pcap", u"github.com/google/gopacket/pcapgo" },
};

const QStringList SkippedDirs = { u"vendor"_s, u"testdata"_s, u"node_modules"_s, u"dist"_s };
const QStringList ExtraCandidates = { u"config"_s, u"configs"_s, u"static"_s, u"templates"_s, u"public"_s };

bool skipDir(const QFileInfo &info, const QString &root)
{
    const QString name = info.fileName();
    if (name.startsWith(u'.') || name.startsWith(u'_') || SkippedDirs.contains(name))
        return true;
    // A nested module is a project of its own.
    return info.absoluteFilePath() != root && QFileInfo::exists(info.absoluteFilePath() + u"/go.mod"_s);
}

QList<GoFileSummary> scanPackageDir(const QString &dir)
{
    QList<GoFileSummary> files;
    const QFileInfoList entries = QDir(dir).entryInfoList({ u"*.go"_s }, QDir::Files, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().endsWith(u"_test.go"_s))
            continue;
        QFile file(entry.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        GoFileSummary summary = GoSourceScanner::scan(QString::fromUtf8(file.readAll()));
        if (!summary.ignored)
            files << summary;
    }
    return files;
}

} // namespace

bool GoProject::isVersionName(QStringView name)
{
    static const QRegularExpression re(
        u"^(app|build|release)?_?version$"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

bool GoProject::isCommitName(QStringView name)
{
    static const QRegularExpression re(u"^(git|build)?_?(commit|commit_?hash|commit_?sha|revision)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

bool GoProject::isDateName(QStringView name)
{
    static const QRegularExpression re(
        u"^(build|commit)?_?(date|time|timestamp)$"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

Result<GoProject> GoProject::scan(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return fail(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(path)),
            tr("Choose the folder that holds your project's go.mod."));
    GoProject project;
    project.dir = QDir::cleanPath(info.absoluteFilePath());
    if (!QFileInfo::exists(project.dir + u"/go.mod"_s))
        return fail(
            tr("%1 is not a Go module: it has no go.mod file.").arg(QDir::toNativeSeparators(project.dir)),
            tr("Open the folder that holds go.mod, or create one with \"go mod init "
               "example.com/yourapp\" in that folder."));
    auto mod = GoModFile::load(project.dir + u"/go.mod"_s);
    if (!mod)
        return std::unexpected(mod.error());
    project.mod = *mod;
    project.name = project.mod.modulePath.section(u'/', -1);
    static const QRegularExpression majorSuffix(u"^v[0-9]+$"_s);
    if (majorSuffix.match(project.name).hasMatch())
        project.name = project.mod.modulePath.section(u'/', -2, -2);
    project.findMainPackages();
    project.findCgoDependencies();
    project.findExtraFiles();
    if (project.mainPackages.isEmpty())
        return fail(tr("The module %1 has no main package, so there is nothing to run on a server.")
                        .arg(project.mod.modulePath),
            tr("Add a package main with a func main (for example in main.go or cmd/server/main.go)."));
    return project;
}

void GoProject::findMainPackages()
{
    // Walk by hand so skipped folders (vendor, node_modules, nested modules) are never entered.
    QStringList dirs { dir };
    for (qsizetype i = 0; i < dirs.size(); ++i) {
        const QFileInfoList children =
            QDir(dirs[i]).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &child : children) {
            if (!child.isSymLink() && !skipDir(child, dir))
                dirs << child.absoluteFilePath();
        }
    }
    std::sort(dirs.begin() + 1, dirs.end());
    for (const QString &pkgDir : std::as_const(dirs)) {
        const QList<GoFileSummary> files = scanPackageDir(pkgDir);
        const bool isMain = std::any_of(files.cbegin(), files.cend(),
            [](const GoFileSummary &f) { return f.packageName == u"main" && f.hasMainFunc; });
        for (const GoFileSummary &f : files) {
            if (f.importsC)
                cgoFiles << QDir(dir).relativeFilePath(pkgDir);
        }
        if (!isMain)
            continue;
        GoMainPackage main;
        main.dir = pkgDir;
        main.relativeDir = pkgDir == dir ? u"."_s : QDir(dir).relativeFilePath(pkgDir);
        main.importPath =
            main.relativeDir == u"." ? mod.modulePath : mod.modulePath + u'/' + main.relativeDir;
        main.binaryName = main.relativeDir == u"." ? name : QFileInfo(pkgDir).fileName();
        for (const GoFileSummary &f : files) {
            if (f.packageName == u"main")
                main.stringVars << f.stringVars;
        }
        for (const GoStringVar &var : std::as_const(main.stringVars)) {
            if (!var.overridable)
                continue;
            if (main.versionVar.isEmpty() && isVersionName(var.name))
                main.versionVar = var.name;
            if (main.commitVar.isEmpty() && isCommitName(var.name))
                main.commitVar = var.name;
            if (main.dateVar.isEmpty() && isDateName(var.name))
                main.dateVar = var.name;
        }
        mainPackages << main;
    }
    cgoFiles.removeDuplicates();
}

void GoProject::findCgoDependencies()
{
    for (const GoModRequirement &req : std::as_const(mod.requirements)) {
        for (const KnownCgoModule &known : KnownCgoModules) {
            const QString prefix = QString::fromUtf16(known.modulePrefix);
            if (req.path == prefix || req.path.startsWith(prefix + u'/') ||
                req.path.startsWith(prefix + u'.')) {
                cgoDependencies << CgoDependency { req.path, QString::fromUtf16(known.alternative) };
                break;
            }
        }
    }
}

void GoProject::findExtraFiles()
{
    const QFileInfoList entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString fileName = entry.fileName();
        const bool doc = entry.isFile() &&
            (fileName.startsWith(u"README"_s, Qt::CaseInsensitive) ||
                fileName.startsWith(u"LICENSE"_s, Qt::CaseInsensitive) ||
                fileName.startsWith(u"LICENCE"_s, Qt::CaseInsensitive));
        if (doc || (entry.isDir() && ExtraCandidates.contains(fileName)))
            defaultExtraFiles << fileName;
    }
}

QList<GoStringVar> GoProject::packageVars(const QString &packageDir) const
{
    QList<GoStringVar> vars;
    for (const GoFileSummary &f : scanPackageDir(packageDir))
        vars << f.stringVars;
    return vars;
}

QString GoProject::symbolFor(const GoMainPackage &, const QString &var)
{
    return u"main."_s + var;
}

Result<void> GoProject::checkVersionSymbol(const GoMainPackage &main, const QString &symbol) const
{
    const qsizetype dot = symbol.lastIndexOf(u'.');
    const QString pkg = symbol.left(dot);
    const QString var = symbol.mid(dot + 1);
    QList<GoStringVar> vars;
    if (dot <= 0 || var.isEmpty()) {
        return fail(tr("\"%1\" is not a variable name Go can set; it must look like PKG.NAME.").arg(symbol),
            tr("Use main.version for a variable in the main package, or the full import path of "
               "another package, e.g. %1/internal/buildinfo.Version.")
                .arg(mod.modulePath));
    }
    if (pkg == u"main" || pkg == main.importPath) {
        vars = main.stringVars;
    } else if (pkg == mod.modulePath || pkg.startsWith(mod.modulePath + u'/')) {
        vars = packageVars(dir + pkg.mid(mod.modulePath.size()));
    } else {
        return fail(tr("The package %1 is not part of the module %2, so Gantry cannot check that %3 exists.")
                        .arg(pkg, mod.modulePath, var),
            tr("Put the version variable in a package of this module."));
    }
    const auto found =
        std::find_if(vars.cbegin(), vars.cend(), [&](const GoStringVar &v) { return v.name == var; });
    if (found == vars.cend()) {
        QStringList names;
        for (const GoStringVar &v : std::as_const(vars))
            names << v.name;
        return fail(
            tr("The version variable %1 does not exist, and Go would silently ignore it.").arg(symbol),
            names.isEmpty() ? tr("Add `var version string` to the package, or choose another variable.")
                            : tr("Choose one of the string variables there: %1.").arg(names.join(u", "_s)));
    }
    if (!found->overridable)
        return fail(tr("The variable %1 is set by an expression, and Go can only stamp a variable that is "
                       "empty or set to a constant string.")
                        .arg(symbol),
            tr("Declare it as `var %1 string` or `var %1 = \"dev\"`.").arg(var));
    return {};
}

QList<Error> GoProject::cgoWarnings() const
{
    QList<Error> warnings;
    for (const CgoDependency &dep : cgoDependencies) {
        warnings << Error {
            tr("The dependency %1 needs cgo, but Gantry builds with CGO_ENABLED=0 for static binaries: "
               "the build may succeed and the service fail at run time.")
                .arg(dep.package),
            tr("Switch to the pure-Go %1.").arg(dep.alternative), {}
        };
    }
    for (const QString &pkg : cgoFiles) {
        warnings << Error {
            tr("The package %1 of this project uses cgo (import \"C\"), which a CGO_ENABLED=0 build "
               "leaves out.")
                .arg(pkg),
            tr("Move the C code behind a build tag, or replace it with pure Go."), {}
        };
    }
    return warnings;
}

} // namespace Gantry
