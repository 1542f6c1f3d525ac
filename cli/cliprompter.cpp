#include "cli/cliprompter.h"

#include "cli/terminal.h"
#include "core/common/redactor.h"

namespace Gantry::Cli {

void CliPrompter::setPassword(const QString &password, const QString &host)
{
    std::lock_guard lock(m_mutex);
    Redactor::instance().add(password);
    if (host.isEmpty())
        m_password = password;
    else
        m_hostPasswords.insert(host, password);
}

std::optional<QString> CliPrompter::ask(const Question &question)
{
    std::lock_guard lock(m_mutex);
    const bool password = question.kind != Kind::KeyPassphrase && !question.echo;
    if (password && m_hostPasswords.contains(question.host))
        return m_hostPasswords.value(question.host);
    if (password && m_password)
        return m_password;
    if (!Terminal::isInteractive())
        return std::nullopt;
    const QString prompt = question.kind == Kind::KeyPassphrase
        ? tr("Passphrase for %1: ").arg(question.prompt)
        : question.kind == Kind::SudoPassword ? tr("sudo password for %1: ").arg(question.host)
                                              : tr("%1 (%2): ").arg(question.prompt.trimmed(), question.host);
    const QString answer = QString::fromUtf8(Terminal::readHiddenLine(prompt));
    Redactor::instance().add(answer);
    return answer;
}

} // namespace Gantry::Cli
