#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QProcessEnvironment>
#include <QStringList>

#include "core/build/buildtarget.h"
#include "core/build/goversion.h"
#include "core/common/error.h"

namespace Gantry {

struct GoModFile;

// An installed Go toolchain, as `go env -json` describes it.
class GoToolchain final {
    Q_DECLARE_TR_FUNCTIONS(GoToolchain)
public:
    QString goPath; // the go executable
    QString versionText; // "go1.19.8"
    GoVersion version;
    QString goroot;
    QString gocache;
    QString hostOs;
    QString hostArch;
    QString goproxy;
    QString goflags;

    // Where go is looked for, in order: PATH, $GOROOT/bin, then the usual install places.
    static QStringList candidates(const QProcessEnvironment &env, bool windows = isWindowsHost());
    // The first candidate that exists; `configured` (a user's setting) wins when set.
    static Result<QString> find(const QString &configured, const QProcessEnvironment &env);
    static Result<GoToolchain> fromEnvJson(const QString &goPath, const QByteArray &json);
    static QFuture<Result<GoToolchain>> probe(const QString &goPath, const QProcessEnvironment &env);
    static Result<QList<BuildTarget>> parseDistList(const QByteArray &json);
    QFuture<Result<QList<BuildTarget>>> listTargets(const QProcessEnvironment &env) const;

    // Whether this toolchain can read and build a module with this go.mod.
    Result<void> checkCompatibility(const GoModFile &mod) const;

private:
    static bool isWindowsHost();
};

} // namespace Gantry
