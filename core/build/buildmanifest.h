#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

struct BuildArtifact {
    QString kind; // "binary" or "archive"
    QString target; // "linux/amd64"
    QString package; // main package, relative: "." or "cmd/api"
    QString name; // binary name, e.g. hello-gin
    QString file; // file name inside the output folder
    qint64 size = 0;
    QString sha256;
    QString inputsDigest; // what the archive was made of; a rebuild with the same inputs reuses it
};

// manifest.json: what was built, from what, and how; deploys read it back.
struct BuildManifest {
    Q_DECLARE_TR_FUNCTIONS(BuildManifest)
public:
    QString project;
    QString module;
    QString version;
    QString commit;
    QString date;
    bool dirty = false;
    QString goVersion;
    QString ldflags; // the template, before rendering
    QStringList goFlags;
    bool trimpath = true;
    bool cgoEnabled = false;
    QString outputDir;
    QList<BuildArtifact> artifacts;

    QJsonObject toJson() const;
    static Result<BuildManifest> fromJson(const QJsonObject &json);
    static Result<BuildManifest> load(const QString &path);
    // The builds under `distDir` (<project>/dist/<version>/manifest.json), newest first, at most
    // `limit`; folders without a readable manifest are passed over. Reads files: call it off the GUI thread.
    static QList<BuildManifest> recent(const QString &distDir, int limit);
    QStringList linuxTargets() const; // "linux/amd64" ... of the archives, sorted
    const BuildArtifact *find(const QString &kind, const QString &target, const QString &package) const;
};

} // namespace Gantry
