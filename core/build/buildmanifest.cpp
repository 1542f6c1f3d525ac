#include "core/build/buildmanifest.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QJsonObject artifactToJson(const BuildArtifact &a)
{
    QJsonObject json { { u"kind"_s, a.kind }, { u"target"_s, a.target }, { u"package"_s, a.package },
        { u"name"_s, a.name }, { u"file"_s, a.file }, { u"size"_s, a.size }, { u"sha256"_s, a.sha256 } };
    if (!a.inputsDigest.isEmpty())
        json.insert(u"inputs"_s, a.inputsDigest);
    return json;
}

BuildArtifact artifactFromJson(const QJsonObject &json)
{
    return { json.value(u"kind"_s).toString(), json.value(u"target"_s).toString(),
        json.value(u"package"_s).toString(), json.value(u"name"_s).toString(),
        json.value(u"file"_s).toString(), json.value(u"size"_s).toInteger(),
        json.value(u"sha256"_s).toString(), json.value(u"inputs"_s).toString() };
}

} // namespace

QJsonObject BuildManifest::toJson() const
{
    QJsonArray artifactArray;
    for (const BuildArtifact &a : artifacts)
        artifactArray.append(artifactToJson(a));
    const QJsonObject flags { { u"ldflags"_s, ldflags },
        { u"goflags"_s, QJsonArray::fromStringList(goFlags) }, { u"trimpath"_s, trimpath },
        { u"cgo_enabled"_s, cgoEnabled } };
    return { { u"project"_s, project }, { u"module"_s, module }, { u"version"_s, version },
        { u"commit"_s, commit }, { u"date"_s, date }, { u"dirty"_s, dirty }, { u"go_version"_s, goVersion },
        { u"flags"_s, flags }, { u"output_dir"_s, outputDir }, { u"artifacts"_s, artifactArray } };
}

Result<BuildManifest> BuildManifest::fromJson(const QJsonObject &json)
{
    if (!json.contains(u"version"_s) || !json.value(u"artifacts"_s).isArray())
        return fail(tr("The build manifest is incomplete: it has no version or no artifact list."),
            tr("Build the project again to write a new manifest.json."));
    BuildManifest m;
    m.project = json.value(u"project"_s).toString();
    m.module = json.value(u"module"_s).toString();
    m.version = json.value(u"version"_s).toString();
    m.commit = json.value(u"commit"_s).toString();
    m.date = json.value(u"date"_s).toString();
    m.dirty = json.value(u"dirty"_s).toBool();
    m.goVersion = json.value(u"go_version"_s).toString();
    const QJsonObject flags = json.value(u"flags"_s).toObject();
    m.ldflags = flags.value(u"ldflags"_s).toString();
    for (const QJsonValue &v : flags.value(u"goflags"_s).toArray())
        m.goFlags << v.toString();
    m.trimpath = flags.value(u"trimpath"_s).toBool(true);
    m.cgoEnabled = flags.value(u"cgo_enabled"_s).toBool();
    m.outputDir = json.value(u"output_dir"_s).toString();
    for (const QJsonValue &v : json.value(u"artifacts"_s).toArray())
        m.artifacts << artifactFromJson(v.toObject());
    return m;
}

Result<BuildManifest> BuildManifest::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the build manifest %1.").arg(path), tr("Build the project first."),
            file.errorString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(tr("The build manifest %1 is not valid JSON.").arg(path),
            tr("Build the project again to write a new one."), error.errorString());
    return fromJson(doc.object());
}

QList<BuildManifest> BuildManifest::recent(const QString &distDir, int limit)
{
    QList<std::pair<QDateTime, BuildManifest>> found;
    for (const QFileInfo &dir : QDir(distDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QFileInfo file(QDir(dir.absoluteFilePath()).filePath(u"manifest.json"_s));
        auto manifest = load(file.absoluteFilePath());
        if (!manifest)
            continue;
        manifest->outputDir = dir.absoluteFilePath();
        found.append({ file.lastModified(), *manifest });
    }
    std::ranges::stable_sort(found, std::greater<>(), [](const auto &built) { return built.first; });
    QList<BuildManifest> newest;
    for (const auto &[when, manifest] : found.first(std::min<qsizetype>(limit, found.size())))
        newest.append(manifest);
    return newest;
}

QStringList BuildManifest::linuxTargets() const
{
    QStringList targets;
    for (const BuildArtifact &a : artifacts)
        if (a.kind == u"archive"_s && a.target.startsWith(u"linux/"_s))
            targets << a.target;
    targets.removeDuplicates();
    targets.sort();
    return targets;
}

const BuildArtifact *BuildManifest::find(
    const QString &kind, const QString &target, const QString &package) const
{
    for (const BuildArtifact &a : artifacts) {
        if (a.kind == kind && a.target == target && a.package == package)
            return &a;
    }
    return nullptr;
}

} // namespace Gantry
