#include "widgets/profiles/newprofiledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "widgets/common/errorpanel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

NewProfileDialog::NewProfileDialog(
    const QString &project, const QStringList &profiles, const QString &extends, Add add, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_add(std::move(add))
{
    setWindowTitle(tr("New Profile"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"profileNameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. staging"));
    m_extends = new QComboBox(this);
    m_extends->setObjectName(u"profileExtendsCombo"_s);
    m_extends->addItem(tr("(nothing)"), QString());
    for (const QString &name : profiles)
        m_extends->addItem(name, name);
    m_extends->setCurrentIndex(std::max(0, m_extends->findData(extends)));
    m_error = new QLabel(this);
    m_error->setObjectName(u"profileError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(ErrorPanel::errorTextStyle());
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add Profile"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewProfileDialog::reject);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Extends:"), m_extends);
    form->addRow(m_error);
    form->addRow(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

NewProfileDialog::~NewProfileDialog() = default;

ProfileRecord NewProfileDialog::profile() const
{
    return { m_project, m_name->text().trimmed(), m_extends->currentData().toString(), {} };
}

void NewProfileDialog::accept()
{
    const Result<void> ok = m_add(profile());
    if (!ok) {
        m_error->setText(ok.error().toString());
        m_error->show();
        m_name->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace Gantry
