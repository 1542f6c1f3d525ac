#pragma once

#include <QDialog>

#include "core/remote/sshprompter.h"

class QCheckBox;
class QLineEdit;

namespace Gantry {

// Asks for what an SSH connection needs: a password, a key passphrase or an answer to a server's
// prompt, hidden unless the server says it may be shown. Optionally offers to remember it.
class PasswordDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordDialog)
public:
    PasswordDialog(const SshPrompter::Question &question, bool canRemember, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    QString answer() const;
    bool remember() const;

private:
    static QString questionText(const SshPrompter::Question &question);

    QLineEdit *m_answer = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace Gantry
