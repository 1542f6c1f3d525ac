#pragma once

#include <optional>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "core/build/buildoptions.h"
#include "core/build/buildtarget.h"
#include "core/common/error.h"

namespace Gantry {

// A project's own build settings, kept in its workspace record (ProjectRecord::buildSettings).
// Empty fields mean "default": the user's default targets, the detected ldflags, the usual
// extra files, and Go's own environment.
struct BuildSettings {
    Q_DECLARE_TR_FUNCTIONS(BuildSettings)
public:
    QList<BuildTarget> targets;
    QString ldflagsTemplate;
    std::optional<QStringList> extraFiles; // relative to the project; unset: README, LICENSE, config/ ...
    QMap<QString, QString> goEnv; // GOPROXY, GOPRIVATE ...

    // Keys Gantry does not know, and values of the wrong type, are ignored.
    static BuildSettings fromJson(const QJsonObject &json);
    // Replaces the keys this struct owns in `json` and keeps every other key.
    void writeTo(QJsonObject &json) const;
    QJsonObject toJson() const;

    // The ldflags template renders, and every extra file exists in `projectDir`.
    Result<void> validate(const QString &projectDir) const;
    // Targets only when `options` has none; the rest always.
    void applyTo(BuildOptions &options) const;

    friend bool operator==(const BuildSettings &, const BuildSettings &) = default;
};

} // namespace Gantry
