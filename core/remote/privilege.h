#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/remote/sshprompter.h"
#include "core/remote/sshsession.h"

namespace Gantry {

// Root on a server: the login itself, sudo without a password, or sudo with one. Scripts reach
// root on stdin (`sudo sh -s`), never on a command line, and the sudo password goes first on the
// same stdin, asked once through the prompter and never logged. Used on the session's thread.
class Privilege final {
    Q_DECLARE_TR_FUNCTIONS(Privilege)
public:
    enum class SudoKind { Root, NoPassword, Password, Unavailable };

    // Asks the server which of the kinds it is; a lost connection is an Error.
    static Result<SudoKind> detect(SshSession &session);

    Privilege(SshSession &session, SudoKind kind, SshPrompter *prompter);

    SudoKind kind() const { return m_kind; }

    // Runs `script` with `sh -s` as root. A non-zero exit status is not an Error; a missing
    // sudo, a declined or wrong sudo password, or a lost connection is.
    Result<SshSession::ExecResult> runAsRoot(
        const QByteArray &script, const SshSession::ExecOptions &options);

private:
    Result<void> ensurePassword();

    SshSession &m_session;
    SudoKind m_kind;
    SshPrompter *m_prompter;
    QString m_password;
    bool m_passwordChecked = false;
};

} // namespace Gantry
