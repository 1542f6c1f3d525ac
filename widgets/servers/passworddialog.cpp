#include "widgets/servers/passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gantry {

PasswordDialog::PasswordDialog(const SshPrompter::Question &question, bool canRemember, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"passwordDialog"_s);
    setWindowTitle(tr("Sign In to %1").arg(question.host));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(questionText(question), this);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    m_answer = new QLineEdit(this);
    m_answer->setObjectName(u"passwordEdit"_s);
    m_answer->setEchoMode(question.echo ? QLineEdit::Normal : QLineEdit::Password);
    label->setBuddy(m_answer);
    m_remember = new QCheckBox(tr("&Remember in the keychain"), this);
    m_remember->setObjectName(u"rememberCheck"_s);
    m_remember->setToolTip(tr("Keep this password in the system keychain, so Gantry does not ask again"));
    m_remember->setVisible(canRemember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(m_answer);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
}

PasswordDialog::~PasswordDialog() = default;

QString PasswordDialog::questionText(const SshPrompter::Question &question)
{
    switch (question.kind) {
    case SshPrompter::Kind::KeyPassphrase:
        return tr("The passphrase of the key %1:").arg(question.prompt);
    case SshPrompter::Kind::Password:
        return tr("The password of %1:").arg(question.host);
    case SshPrompter::Kind::SudoPassword:
        return tr("The sudo password of %1 (Gantry needs root to install the service):").arg(question.host);
    case SshPrompter::Kind::KeyboardInteractive:
        break;
    }
    return tr("%1 asks: %2").arg(question.host, question.prompt.trimmed());
}

QString PasswordDialog::answer() const
{
    return m_answer->text();
}

bool PasswordDialog::remember() const
{
    return m_remember->isVisible() && m_remember->isChecked();
}

} // namespace Gantry
