#include "widgets/common/messageboxes.h"

#include <optional>

#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

std::optional<bool> g_nextAnswer;
QString g_lastQuestion;

QMessageBox *createBox(QWidget *parent, const MessageBoxes::Question &question, QAbstractButton **accept)
{
    auto *box = new QMessageBox(question.icon, question.title, question.text, QMessageBox::NoButton, parent);
    box->setObjectName(u"questionBox"_s);
    box->setInformativeText(question.informative);
    box->setDetailedText(question.details);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    *accept = box->addButton(question.acceptText, QMessageBox::AcceptRole);
    QPushButton *reject =
        box->addButton(question.rejectText.isEmpty() ? MessageBoxes::tr("Cancel") : question.rejectText,
            QMessageBox::RejectRole);
    box->setDefaultButton(reject); // a stray Enter never confirms
    box->setEscapeButton(reject);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace

void MessageBoxes::setNextAnswer(bool accept)
{
    g_nextAnswer = accept;
}

QString MessageBoxes::lastQuestion()
{
    return g_lastQuestion;
}

void MessageBoxes::ask(QWidget *parent, const Question &question, Done done)
{
    g_lastQuestion =
        question.informative.isEmpty() ? question.text : question.text + u'\n' + question.informative;
    if (g_nextAnswer) {
        const bool answer = *g_nextAnswer;
        g_nextAnswer.reset();
        QTimer::singleShot(0, parent, [answer, done] { done(answer); });
        return;
    }
    QAbstractButton *accept = nullptr;
    QMessageBox *box = createBox(parent, question, &accept);
    QObject::connect(
        box, &QMessageBox::finished, box, [box, accept, done] { done(box->clickedButton() == accept); });
    box->open();
}

} // namespace Gantry
