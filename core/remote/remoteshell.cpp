#include "core/remote/remoteshell.h"

#include "core/common/redactor.h"
#include "core/common/shellquote.h"

using namespace Qt::StringLiterals;

namespace Gantry {

RemoteShell::~RemoteShell() = default;

Error RemoteShell::commandError(const QString &what, const ExecResult &result) const
{
    QString output = QString::fromUtf8(result.stdErr).trimmed();
    if (output.isEmpty())
        output = QString::fromUtf8(result.stdOut).trimmed();
    output = Redactor::instance().redact(output);
    if (output.contains(u"No space left on device"_s))
        return Error { tr("The server %1 ran out of disk space during \"%2\".").arg(server().name, what),
            tr("Free space on the server (or keep fewer releases), then deploy again; the running service "
               "was not changed."),
            output, ErrorKind::DiskFull };
    return Error { tr("A command failed on %1 with exit status %2: %3")
                       .arg(server().name)
                       .arg(result.exitStatus)
                       .arg(what),
        tr("Read the output below, fix the cause on the server, and try again."), output };
}

Result<std::optional<QByteArray>> RemoteShell::readAsRoot(const QString &path)
{
    const QByteArray script = "# read " + path.toUtf8() + "\nif [ -f " + shellQuote(path) +
        " ]; then echo PRESENT; cat " + shellQuote(path) + "; else echo ABSENT; fi\n";
    auto result = runAsRoot(script, true, false); // the file may hold secrets: never logged
    if (!result)
        return std::unexpected(result.error());
    if (result->exitStatus != 0)
        return std::unexpected(commandError(u"read "_s + path, *result));
    if (result->stdOut.startsWith("ABSENT"))
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(result->stdOut.mid(qsizetype(sizeof("PRESENT\n") - 1)));
}

} // namespace Gantry
