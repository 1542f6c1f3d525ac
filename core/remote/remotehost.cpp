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
    countServerCall();
    m_session = std::move(*session);
    // root needs no sudo: asking would cost a trip to the server.
    auto kind = loginUser() == u"root"_s ? Result<Privilege::SudoKind>(Privilege::SudoKind::Root)
                                         : (countServerCall(), Privilege::detect(*m_session));
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

Result<SshSession::ExecResult> RemoteHost::run(const QString &command, bool allowFailure, bool logStdout)
{
    countServerCall();
    auto result = m_session->exec(command, options(logStdout));
    if (result && !allowFailure && result->exitStatus != 0)
        return std::unexpected(commandError(command.section(u' ', 0, 1), *result));
    return result;
}

Result<SshSession::ExecResult> RemoteHost::runAsRoot(
    const QByteArray &script, bool allowFailure, bool logStdout)
{
    countServerCall();
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
    countServerCall();
    return m_privilege->runAsRoot(script, options);
}

Result<qint64> RemoteHost::upload(
    const QString &localPath, const QString &remotePath, const ProgressCallback &progress)
{
    countServerCall();
    return m_session->upload(localPath, remotePath, progress);
}

Result<RemoteShell::HttpResponse> RemoteHost::httpGet(
    int port, const QString &path, std::chrono::milliseconds timeout)
{
    countServerCall();
    return m_session->httpGet(port, path, timeout);
}

QString RemoteHost::hostKeyFingerprint() const
{
    return m_session ? m_session->hostKey().fingerprint : QString();
}

} // namespace Gantry
