#pragma once

#include <chrono>
#include <optional>

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "core/build/buildtarget.h"

namespace Gantry {

// What the user asked for; empty fields mean "detect" or "default".
struct BuildOptions {
    QString projectDir;
    QList<BuildTarget> targets; // empty: linux/amd64 and windows/amd64
    QStringList packages; // main packages to build ("." or "cmd/api"); empty: all
    QString version; // empty: from git
    QString versionVar; // PKG.NAME; empty: detected
    QString ldflagsTemplate; // empty: -s -w -X <version var>=... (+ commit and date)
    QStringList extraGoFlags; // e.g. -tags=netgo
    QMap<QString, QString> goEnv; // per project: GOPROXY, GOPRIVATE, GOFLAGS, GONOSUMDB ...
    std::optional<QStringList> extraFiles; // relative to the project; unset: README, LICENSE, config/ ...
    QString outputDir; // empty: <project>/dist/<version>
    QString goPath; // empty: look for go
    QString cacheDir; // empty: the user's cache folder
    int jobs = 0; // parallel targets; 0: one per core
    std::chrono::seconds targetTimeout { 1800 };
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

} // namespace Gantry
