#include "core/build/buildfingerprint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr QByteArrayView Version = "gantry-fingerprint-v1\n";

// Every file below `root` (links followed as files), with its size and time.
void addTree(QCryptographicHash &hash, const QString &root, const QStringList &skipped)
{
    QStringList dirs { root };
    for (qsizetype i = 0; i < dirs.size(); ++i) {
        const QFileInfoList entries =
            QDir(dirs[i]).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QString path = entry.absoluteFilePath();
            if (skipped.contains(path) || entry.fileName() == u".git")
                continue;
            if (entry.isDir() && !entry.isSymLink()) {
                dirs << path;
                continue;
            }
            hash.addData((path + u'\t' + QString::number(entry.size()) + u'\t' +
                QString::number(entry.lastModified().toMSecsSinceEpoch()) + u'\n')
                             .toUtf8());
        }
    }
}

QString modfileIn(const QString &goFlags)
{
    static const QRegularExpression modfile(u"(?:^|\\s)-?-modfile[= ](\\S+)"_s);
    return modfile.match(goFlags).captured(1);
}

} // namespace

QStringList BuildFingerprint::localReplacements(const GoModFile &mod, const QString &baseDir)
{
    QStringList dirs;
    for (const GoModReplacement &r : mod.replacements) {
        const bool local = r.newPath.startsWith(u"./"_s) || r.newPath.startsWith(u"../"_s) ||
            QDir::isAbsolutePath(r.newPath);
        if (local && r.newVersion.isEmpty())
            dirs << QDir::cleanPath(QDir(baseDir).absoluteFilePath(r.newPath));
    }
    dirs.removeDuplicates();
    return dirs;
}

QString BuildFingerprint::inputTree(const BuildPlan &plan, const GoModFile &mod, const QString &goFlags)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(Version);
    const QStringList skipped { plan.outputDir, plan.projectDir + u"/dist"_s };
    addTree(hash, plan.projectDir, skipped);
    QStringList replaced = localReplacements(mod, plan.projectDir);
    const QString modfile = modfileIn(goFlags);
    if (!modfile.isEmpty()) {
        const QString path = QDir(plan.projectDir).absoluteFilePath(modfile);
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray text = file.readAll();
            hash.addData(text);
            if (auto staged = GoModFile::parse(text, path))
                replaced << localReplacements(*staged, QFileInfo(path).path());
        }
    }
    replaced.removeDuplicates();
    for (const QString &dir : std::as_const(replaced)) {
        if (!dir.startsWith(plan.projectDir + u'/'))
            addTree(hash, dir, skipped);
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString BuildFingerprint::forStep(
    const QString &inputTree, const BuildStep &step, const QString &goPath, const QString &goVersion)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(Version);
    hash.addData(inputTree.toLatin1());
    const QFileInfo go(goPath);
    hash.addData((goPath + u'\t' + goVersion + u'\t' + QString::number(go.size()) + u'\t' +
        QString::number(go.lastModified().toMSecsSinceEpoch()) + u'\n')
                     .toUtf8());
    hash.addData(step.arguments.join(u'\x1f').toUtf8());
    QStringList keys = step.environment.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        if (key.startsWith(u"GO"_s) || key.startsWith(u"CGO_"_s))
            hash.addData((u'\n' + key + u'=' + step.environment.value(key)).toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString BuildFingerprint::stampPath(const BuildStep &step)
{
    return step.cachedBinary + u".gantry-stamp.json"_s;
}

bool BuildFingerprint::isCurrent(const BuildStep &step, const QString &fingerprint, Stamp *stamp)
{
    QFile file(stampPath(step));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    stamp->fingerprint = json.value(u"fingerprint"_s).toString();
    stamp->sha256 = json.value(u"sha256"_s).toString();
    stamp->size = json.value(u"size"_s).toInteger();
    stamp->modifiedMs = json.value(u"modified_ms"_s).toInteger();
    const QFileInfo binary(step.cachedBinary);
    return !fingerprint.isEmpty() && stamp->fingerprint == fingerprint && binary.isFile() &&
        binary.size() == stamp->size && binary.lastModified().toMSecsSinceEpoch() == stamp->modifiedMs &&
        !stamp->sha256.isEmpty();
}

void BuildFingerprint::write(
    const BuildStep &step, const QString &fingerprint, const QString &sha256, int keep)
{
    const QFileInfo binary(step.cachedBinary);
    const QJsonObject json { { u"fingerprint"_s, fingerprint }, { u"sha256"_s, sha256 },
        { u"size"_s, binary.size() }, { u"modified_ms"_s, binary.lastModified().toMSecsSinceEpoch() } };
    QFile file(stampPath(step));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    file.close();

    // <target>/<version>/<binary>: the other versions' slots, newest first.
    QDir versions(QFileInfo(binary.path()).path());
    const QFileInfoList versionSlots = versions.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    for (const QFileInfo &old : versions.entryInfoList(QDir::Files | QDir::Hidden))
        QFile::remove(old.absoluteFilePath()); // the layout before version slots
    int kept = 0;
    for (const QFileInfo &slot : versionSlots) {
        if (slot.absoluteFilePath() == QFileInfo(binary.path()).absoluteFilePath() || ++kept < keep)
            continue;
        QDir(slot.absoluteFilePath()).removeRecursively();
    }
}

void BuildFingerprint::invalidate(const BuildStep &step)
{
    QFile::remove(stampPath(step));
}

} // namespace Gantry
