#pragma once

#include <mutex>
#include <optional>

#include <QCoreApplication>
#include <QHash>

#include "core/remote/sshprompter.h"

namespace Gantry::Cli {

// gantryctl's answers to SSH questions: a password given on stdin (--password-stdin) or remembered
// in the keychain, else a prompt on the terminal without echo. Called from the servers' worker
// threads, one question at a time.
class CliPrompter final : public SshPrompter {
    Q_DECLARE_TR_FUNCTIONS(CliPrompter)
public:
    // For every host, or for one ("user@host:port", as SshTarget::display() writes it).
    void setPassword(const QString &password, const QString &host = {});
    std::optional<QString> ask(const Question &question) override;

private:
    std::mutex m_mutex;
    std::optional<QString> m_password;
    QHash<QString, QString> m_hostPasswords;
};

} // namespace Gantry::Cli
