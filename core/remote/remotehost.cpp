#include "core/remote/remotehost.h"

#include "core/common/redactor.h"
#include "core/common/shellquote.h"

using namespace Qt::StringLiterals;

namespace Gantry {

RemoteHost::RemoteHost(ServerRecord server, QString knownHostsFile, SshPrompter *prompter, LineSink log)
    : m_server(std::move(server))
    , m_knownHostsFile(std::move(knownHostsFile))
    , m_prompter(prompter)
    , m_log(std::move(log))
{
}

RemoteHost::~RemoteHost() = default;

Result<void> RemoteHost::connect(const HostKeyPolicy &policy)
{
    disconnect();
    const SshTarget target = SshTarget::fromServer(m_server, m_jumps, m_knownHostsFile, m_connectTimeout);
    auto session = SshSession::connect(target, policy, m_prompter);
    if (!session)
        return std::unexpected(session.error());
    m_session = std::move(*session);
    auto kind = Privilege::detect(*m_session);
    if (!kind) {
        m_session.reset();
        return std::unexpected(kind.error());
    }
    m_privilege = std::make_unique<Privilege>(*m_session, *kind, m_prompter);
    return {};
}

bool RemoteHost::isConnected() const
{
    return m_session != nullptr;
}

void RemoteHost::disconnect()
{
    m_privilege.reset();
    m_session.reset();
}

Privilege::SudoKind RemoteHost::sudoKind() const
{
    return m_privilege->kind();
}

SshSession &RemoteHost::session()
{
    return *m_session;
}

QString RemoteHost::loginUser() const
{
    return m_server.user.isEmpty() ? u"root"_s : m_server.user;
}

SshSession::ExecOptions RemoteHost::options(bool logStdout) const
{
    SshSession::ExecOptions options;
    const auto forward = [this](const QByteArray &line) {
        if (m_log)
            m_log(Redactor::instance().redact(QString::fromUtf8(line)));
    };
    if (logStdout)
        options.onStdout = forward;
    options.onStderr = forward;
    options.keepGoing = m_keepGoing;
    return options;
}

Error RemoteHost::commandError(const QString &what, const SshSession::ExecResult &result) const
{
    QString output = QString::fromUtf8(result.stdErr).trimmed();
    if (output.isEmpty())
        output = QString::fromUtf8(result.stdOut).trimmed();
    output = Redactor::instance().redact(output);
    if (output.contains(u"No space left on device"_s))
        return Error { tr("The server %1 ran out of disk space during \"%2\".").arg(m_server.name, what),
            tr("Free space on the server (or keep fewer releases), then deploy again; the running service "
               "was not changed."),
            output };
    return Error { tr("A command failed on %1 with exit status %2: %3")
                       .arg(m_server.name)
                       .arg(result.exitStatus)
                       .arg(what),
        tr("Read the output below, fix the cause on the server, and try again."), output };
}

Result<SshSession::ExecResult> RemoteHost::run(const QString &command, bool allowFailure, bool logStdout)
{
    auto result = m_session->exec(command, options(logStdout));
    if (result && !allowFailure && result->exitStatus != 0)
        return std::unexpected(commandError(command.section(u' ', 0, 1), *result));
    return result;
}

Result<SshSession::ExecResult> RemoteHost::runAsRoot(
    const QByteArray &script, bool allowFailure, bool logStdout)
{
    auto result = m_privilege->runAsRoot(script, options(logStdout));
    if (result && !allowFailure && result->exitStatus != 0) {
        // The first comment line of every script names what it does.
        const QString what = QString::fromUtf8(script.left(script.indexOf('\n'))).remove(u"# "_s);
        return std::unexpected(commandError(what, *result));
    }
    return result;
}

Result<SshSession::ExecResult> RemoteHost::streamAsRoot(const QByteArray &script,
    const SshSession::OutputCallback &onLine, const std::function<bool()> &keepGoing)
{
    SshSession::ExecOptions options;
    options.onStdout = onLine;
    options.keepGoing = keepGoing;
    options.keepOutput = false;
    options.timeout = std::chrono::hours(24 * 365); // a follow ends when it is told to
    return m_privilege->runAsRoot(script, options);
}

Result<std::optional<QByteArray>> RemoteHost::readAsRoot(const QString &path)
{
    SshSession::ExecOptions silent; // the file may hold secrets: never echo it to the log
    const QByteArray script = "# read " + path.toUtf8() + "\nif [ -f " + shellQuote(path) +
        " ]; then echo PRESENT; cat " + shellQuote(path) + "; else echo ABSENT; fi\n";
    auto result = m_privilege->runAsRoot(script, silent);
    if (!result)
        return std::unexpected(result.error());
    if (result->exitStatus != 0)
        return std::unexpected(commandError(u"read "_s + path, *result));
    if (result->stdOut.startsWith("ABSENT"))
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(result->stdOut.mid(qsizetype(sizeof("PRESENT\n") - 1)));
}

QStringList RemoteHost::journalTail(const QString &unit, int lines)
{
    SshSession::ExecOptions silent;
    const QByteArray script = "# journal\njournalctl --no-pager -o short-iso -n " +
        QByteArray::number(lines) + " -u " + shellQuote(unit) + "\n";
    auto result = m_privilege->runAsRoot(script, silent);
    if (!result)
        return {};
    return Redactor::instance().redact(QString::fromUtf8(result->stdOut)).split(u'\n', Qt::SkipEmptyParts);
}

QByteArray RemoteHost::writeFileScript(
    const QString &path, const QByteArray &content, const QString &owner, const QString &mode)
{
    // base64 through the shell's own printf: the content is on stdin only, never in an argv.
    const QByteArray file = shellQuote(path);
    return "umask 077\nprintf '%s' '" + content.toBase64() + "' | base64 -d > " + file + ".tmp\n" + "chown " +
        shellQuote(owner) + " " + file + ".tmp\n" + "chmod " + mode.toUtf8() + " " + file + ".tmp\n" +
        "mv -f " + file + ".tmp " + file + "\n";
}

} // namespace Gantry
