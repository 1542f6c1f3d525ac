#include "core/remote/privilege.h"

#include "core/common/redactor.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

// -k: never use a cached sudo ticket, so the password line is always the one sudo reads and is
// never left for the shell to run. -p '': no prompt text mixed into the output.
const QString SudoWithPassword = u"sudo -k -S -p '' "_s;

bool wrongPassword(const QByteArray &stdErr)
{
    return stdErr.contains("incorrect password") || stdErr.contains("Sorry, try again") ||
        stdErr.contains("no password was provided");
}

} // namespace

Result<Privilege::SudoKind> Privilege::detect(SshSession &session)
{
    auto result =
        // root asks sudo nothing: sudo and its PAM stack cost more than the rest of a connect.
        session.exec(u"u=$(id -u); echo \"$u\"; if [ \"$u\" = 0 ]; then echo root; "
                     "elif sudo -n true 2>/dev/null; then echo nopasswd; "
                     "elif command -v sudo >/dev/null 2>&1; then echo password; else echo none; fi"_s,
            {});
    if (!result)
        return std::unexpected(result.error());
    const QList<QByteArray> lines = result->stdOut.trimmed().split('\n');
    if (lines.size() < 2)
        return fail(tr("%1 gave an unexpected answer when asked for its user and sudo rights.")
                        .arg(session.target().display()),
            tr("Check that the login shell of %1 is a POSIX shell (sh, bash).").arg(session.target().user),
            QString::fromUtf8(result->stdOut + result->stdErr));
    if (lines.first().trimmed() == "0")
        return SudoKind::Root;
    const QByteArray sudo = lines.last().trimmed();
    if (sudo == "nopasswd")
        return SudoKind::NoPassword;
    if (sudo == "password")
        return SudoKind::Password;
    return SudoKind::Unavailable;
}

Privilege::Privilege(SshSession &session, SudoKind kind, SshPrompter *prompter)
    : m_session(session)
    , m_kind(kind)
    , m_prompter(prompter)
{
}

Result<void> Privilege::ensurePassword()
{
    if (m_passwordChecked)
        return {};
    const QString host = m_session.target().display();
    const auto password = m_prompter
        ? m_prompter->ask(
              SshPrompter::Question { SshPrompter::Kind::SudoPassword, host, tr("sudo password"), false })
        : std::nullopt;
    if (!password)
        return fail(
            tr("%1 needs the sudo password of %2, and none was given.").arg(host, m_session.target().user),
            tr("Enter the password when asked (gantryctl: --password-stdin or --remember-password), or allow "
               "%1 sudo without a password on the server.")
                .arg(m_session.target().user));
    Redactor::instance().add(*password);
    SshSession::ExecOptions options;
    options.stdinData = password->toUtf8() + '\n';
    options.timeout = std::chrono::seconds(30);
    auto check = m_session.exec(SudoWithPassword + u"true"_s, options);
    if (!check)
        return std::unexpected(check.error());
    if (check->exitStatus != 0) {
        if (wrongPassword(check->stdErr))
            return fail(tr("%1 refused the sudo password of %2.").arg(host, m_session.target().user),
                tr("Check the password (a remembered one can be replaced in Servers, or with gantryctl "
                   "server add … "
                   "--remember-password), then try again."));
        return fail(tr("%1 may not use sudo on %2.").arg(m_session.target().user, host),
            tr("Add %1 to the sudo group on the server, or log in as root.").arg(m_session.target().user),
            Redactor::instance().redact(QString::fromUtf8(check->stdErr)));
    }
    m_password = *password;
    m_passwordChecked = true;
    return {};
}

Result<SshSession::ExecResult> Privilege::runAsRoot(
    const QByteArray &script, const SshSession::ExecOptions &options)
{
    SshSession::ExecOptions rootOptions = options;
    switch (m_kind) {
    case SudoKind::Root:
        rootOptions.stdinData = script;
        return m_session.exec(u"sh -s"_s, rootOptions);
    case SudoKind::NoPassword:
        rootOptions.stdinData = script;
        return m_session.exec(u"sudo -n sh -s"_s, rootOptions);
    case SudoKind::Password: {
        if (auto ready = ensurePassword(); !ready)
            return std::unexpected(ready.error());
        rootOptions.stdinData = m_password.toUtf8() + '\n' + script;
        auto result = m_session.exec(SudoWithPassword + u"sh -s"_s, rootOptions);
        if (result && result->exitStatus != 0 && wrongPassword(result->stdErr))
            return fail(tr("%1 no longer accepts the sudo password of %2.")
                            .arg(m_session.target().display(), m_session.target().user),
                tr("Check the password, then try again."));
        return result;
    }
    case SudoKind::Unavailable:
        break;
    }
    return fail(tr("%1 is not root on %2 and has no sudo there.")
                    .arg(m_session.target().user, m_session.target().display()),
        tr("Install sudo and add %1 to the sudo group on the server, or log in as root.")
            .arg(m_session.target().user));
}

} // namespace Gantry
