#include "widgets/common/errorpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gantry {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setObjectName(u"panelMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(u"detailsButton"_s);
    m_detailsButton->setText(tr("Details"));
    m_detailsButton->setToolTip(tr("Show what the server or the tool said"));
    m_detailsButton->setCheckable(true);
    row->addWidget(m_message, 1);
    row->addWidget(m_detailsButton, 0, Qt::AlignTop);
    layout->addLayout(row);
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(u"panelDetails"_s);
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(fontMetrics().lineSpacing() * 8);
    layout->addWidget(m_details);
    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    clear();
}

ErrorPanel::~ErrorPanel() = default;

void ErrorPanel::showError(const Error &error)
{
    m_isError = true;
    m_message->setStyleSheet(ErrorPanel::errorTextStyle());
    m_message->setText(error.hint.isEmpty() ? error.message : error.message + u' ' + error.hint);
    m_details->setPlainText(error.cause);
    m_detailsButton->setVisible(!error.cause.isEmpty());
    m_detailsButton->setChecked(false);
    m_details->hide();
}

void ErrorPanel::showNote(const QString &text)
{
    m_isError = false;
    m_message->setStyleSheet({});
    m_message->setText(text);
    m_details->clear();
    m_detailsButton->setChecked(false);
    m_detailsButton->hide();
    m_details->hide();
}

void ErrorPanel::clear()
{
    showNote({});
}

QString ErrorPanel::text() const
{
    return m_message->text();
}

QString ErrorPanel::details() const
{
    return m_details->toPlainText();
}

} // namespace Gantry
