#include "widgets/deploy/unitfiledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gantry {

UnitFileDialog::UnitFileDialog(
    const QList<QPair<QString, QString>> &units, const QString &path, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"unitDialog"_s);
    setWindowTitle(tr("Unit File %1").arg(path));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_server = new QComboBox(this);
    m_server->setObjectName(u"unitServerCombo"_s);
    for (const auto &[server, text] : units)
        m_server->addItem(server, text);
    auto *label = new QLabel(tr("&Server:"), this);
    label->setBuddy(m_server);
    row->addWidget(label);
    row->addWidget(m_server);
    row->addStretch(1);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"unitText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_server, &QComboBox::currentIndexChanged, this,
        [this] { m_text->setPlainText(m_server->currentData().toString()); });
    m_text->setPlainText(m_server->currentData().toString());
    layout->addLayout(row);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().lineSpacing() * 36);
}

UnitFileDialog::~UnitFileDialog() = default;

QString UnitFileDialog::text() const
{
    return m_text->toPlainText();
}

} // namespace Gantry
