#pragma once

#include <functional>

#include <QCoreApplication>
#include <QMessageBox>
#include <QString>

class QWidget;

namespace Gantry {

// Non-blocking questions (open(), never exec()) with a test seam: an answer set with
// setNextAnswer() answers the next question instead of showing it.
class MessageBoxes final {
    Q_DECLARE_TR_FUNCTIONS(MessageBoxes)
public:
    struct Question {
        QString title;
        QString text; // the question, one or two sentences
        QString informative; // more context under it; may be empty
        QString details; // behind "Show Details…"; may be empty
        QString acceptText; // the button that says yes, named after what it does
        QString rejectText; // empty: "Cancel"
        QMessageBox::Icon icon = QMessageBox::Question;
    };
    using Done = std::function<void(bool accepted)>;

    static void ask(QWidget *parent, const Question &question, Done done);

    // Tests: the next question is answered with `accept`, later, as a real dialog would.
    static void setNextAnswer(bool accept);
    // Tests: the text and informative text of the last question asked, seam or not.
    static QString lastQuestion();
};

} // namespace Gantry
