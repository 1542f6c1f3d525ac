#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/common/error.h"
#include "core/profile/envvariable.h"

namespace Gantry {

// The file a unit reads with EnvironmentFile=, following systemd 252's parse_env_file_internal()
// and load_env_file() (src/basic/env-file.c) and checked against a booted systemd 252
// (tests/hosts/envfile_e2e.sh).
class SystemdEnvFile final {
    Q_DECLARE_TR_FUNCTIONS(SystemdEnvFile)
public:
    // Text that gives the service every value byte for byte, with LF endings. Fails, naming the
    // variable but never quoting its value, for what systemd or the kernel cannot pass on: an
    // invalid or repeated name, a NUL, a Unicode noncharacter or lone surrogate, an assignment
    // longer than 131071 bytes, or more than 1 MiB of variables in all.
    static Result<QByteArray> render(const QList<EnvVariable> &vars);

    // The variables the service gets from `text`, as systemd reads it: lines it ignores (no "=",
    // an invalid name) are left out, and a repeated name keeps its last value. Fails, as systemd
    // would refuse to start the service, for a NUL byte or text that is not valid UTF-8.
    static Result<QList<EnvVariable>> parse(
        QByteArrayView text, const QString &fileName = QStringLiteral("EnvironmentFile"));

    static constexpr qsizetype maxAssignmentBytes = 131071; // Linux MAX_ARG_STRLEN minus the NUL
    static constexpr qsizetype maxTotalBytes = 1024 * 1024; // half of the usual 2 MiB exec budget
};

} // namespace Gantry
