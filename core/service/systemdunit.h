#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/common/error.h"
#include "core/store/records.h"

namespace Gantry {

// What a service unit is made from.
struct UnitSpec {
    QString app; // [a-z0-9][a-z0-9._-]*, at most 64 characters; the unit is gantry-<app>.service
    QString description; // one line; empty: "Gantry service <app>"
    QString deployRoot; // /opt/gantry/<app>; releases live below it (see ReleaseLayout)
    QString binaryName; // the executable in the release folder; empty: the app name
    QStringList args; // passed as they are: Gantry quotes them for systemd
    DeploySettings settings;
    QString envFilePath; // empty: <deployRoot>/shared/<app>.env
};

// A hardened systemd service unit for a Go service (see shared/reference/defaults.md): its own
// user, a read-only system with only the shared folder writable, no capabilities unless it
// binds below port 1024, restarts that never give up, and a graceful SIGTERM stop.
class SystemdUnit final {
    Q_DECLARE_TR_FUNCTIONS(SystemdUnit)
public:
    static QString unitName(const QString &app); // "gantry-<app>.service"

    // The unit file: UTF-8, LF line ends, the same bytes for the same spec. Fails, naming the
    // setting, for an invalid app name, user, path, description or DeploySettings value.
    static Result<QByteArray> render(const UnitSpec &spec);

    // One ExecStart= word: as it is when it needs no quoting, else double-quoted with C escapes;
    // "$" and "%" doubled so systemd expands neither variables nor specifiers in it.
    static QString quoteArgument(const QString &arg);

private:
    static Result<void> validate(const UnitSpec &spec);
    static Result<void> validateNames(const UnitSpec &spec);
    static QStringList unitSection(const UnitSpec &spec);
    static QStringList serviceSection(const UnitSpec &spec);
    static QStringList hardening(const UnitSpec &spec);
};

} // namespace Gantry
