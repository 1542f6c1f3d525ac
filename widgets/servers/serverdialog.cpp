#include "widgets/servers/serverdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QPointer>
#include <QSpinBox>
#include <QVBoxLayout>

#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ServerDialog::ServerDialog(const ServerRecord &server, const QStringList &others, Save save, QWidget *parent)
    : QDialog(parent)
    , m_original(server)
    , m_save(std::move(save))
{
    const bool adding = server.name.isEmpty();
    setObjectName(u"serverDialog"_s);
    setWindowTitle(adding ? tr("Add Server") : tr("Edit Server %1").arg(server.name));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(server.name, this);
    m_name->setObjectName(u"serverNameEdit"_s);
    m_name->setReadOnly(!adding);
    m_name->setPlaceholderText(tr("e.g. web1"));
    m_address = new QLineEdit(server.address, this);
    m_address->setObjectName(u"serverAddressEdit"_s);
    m_address->setPlaceholderText(tr("host name or IP address"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"serverPortSpin"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(server.port);
    m_user = new QLineEdit(server.user.isEmpty() ? u"root"_s : server.user, this);
    m_user->setObjectName(u"serverUserEdit"_s);
    m_connect = new QCheckBox(tr("C&onnect now and pin the server's host key"), this);
    m_connect->setObjectName(u"connectCheck"_s);
    m_connect->setChecked(adding);
    m_error = new QLabel(this);
    m_error->setObjectName(u"serverError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(ErrorPanel::errorTextStyle());
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("&Add Server") : tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerDialog::reject);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Add&ress:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Sign &in with:"), createAuthRow());
    form->addRow(tr("Connect &through:"), createJumpCombo(others));
    form->addRow(m_connect);
    form->addRow(m_error);
    form->addRow(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

ServerDialog::~ServerDialog() = default;

QWidget *ServerDialog::createAuthRow()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    m_auth = new QComboBox(box);
    m_auth->setObjectName(u"serverAuthCombo"_s);
    m_auth->addItem(tr("SSH agent"), int(AuthKind::Agent));
    m_auth->addItem(tr("Private key file"), int(AuthKind::Key));
    m_auth->addItem(tr("Password (asked for, or kept in the keychain)"), int(AuthKind::Password));
    m_auth->setCurrentIndex(m_auth->findData(int(m_original.auth)));
    auto *row = new QHBoxLayout;
    m_keyFile = new QLineEdit(m_original.keyFile, box);
    m_keyFile->setObjectName(u"serverKeyEdit"_s);
    m_keyFile->setPlaceholderText(tr("private key, e.g. ~/.ssh/id_ed25519"));
    m_keyButton = new QPushButton(tr("&Browse…"), box);
    m_keyButton->setToolTip(tr("Choose the private key file"));
    connect(m_keyButton, &QPushButton::clicked, this, &ServerDialog::chooseKeyFile);
    row->addWidget(m_keyFile, 1);
    row->addWidget(m_keyButton);
    column->addWidget(m_auth);
    column->addLayout(row);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ServerDialog::onAuthChanged);
    onAuthChanged();
    return box;
}

QComboBox *ServerDialog::createJumpCombo(const QStringList &others)
{
    m_jump = new QComboBox(this);
    m_jump->setObjectName(u"serverJumpCombo"_s);
    m_jump->setToolTip(tr("A server Gantry reaches first and connects onwards from (a bastion or jump "
                          "host), like ProxyJump in ~/.ssh/config"));
    m_jump->addItem(tr("Directly"), QString());
    QStringList names = others;
    if (!m_original.jump.isEmpty() && !names.contains(m_original.jump))
        names << m_original.jump; // gone meanwhile: saving says so
    names.removeAll(m_original.name);
    names.sort(Qt::CaseInsensitive);
    for (const QString &name : std::as_const(names))
        m_jump->addItem(name, name);
    m_jump->setCurrentIndex(qMax(0, m_jump->findData(m_original.jump)));
    return m_jump;
}

void ServerDialog::onAuthChanged()
{
    const bool key = AuthKind(m_auth->currentData().toInt()) == AuthKind::Key;
    m_keyFile->setEnabled(key);
    m_keyButton->setEnabled(key);
}

void ServerDialog::chooseKeyFile()
{
    const QString dir = m_keyFile->text().isEmpty() ? QDir::home().filePath(u".ssh"_s) : m_keyFile->text();
    FileDialogs::chooseFileToOpen(
        this, tr("Choose a Private Key"), dir, {}, [self = QPointer(this)](const QString &path) {
            if (self)
                self->m_keyFile->setText(QDir::toNativeSeparators(path));
        });
}

ServerRecord ServerDialog::server() const
{
    ServerRecord s = m_original;
    s.name = m_name->text().trimmed();
    s.address = m_address->text().trimmed();
    s.port = m_port->value();
    s.user = m_user->text().trimmed();
    s.auth = AuthKind(m_auth->currentData().toInt());
    s.keyFile = s.auth == AuthKind::Key ? QDir::fromNativeSeparators(m_keyFile->text().trimmed()) : QString();
    s.jump = m_jump->currentData().toString();
    if (s.address != m_original.address || s.port != m_original.port) {
        s.hostKey.clear(); // another machine: its key is pinned anew
        s.hostKeyFingerprint.clear();
    }
    return s;
}

bool ServerDialog::connectAfterSaving() const
{
    return m_connect->isChecked();
}

void ServerDialog::accept()
{
    const ServerRecord s = server();
    Result<void> ok = s.validate();
    if (ok)
        ok = m_save(s);
    if (!ok) {
        m_error->setText(ok.error().toString());
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace Gantry
