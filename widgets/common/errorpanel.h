#pragma once

#include <QWidget>

#include "core/common/error.h"

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace Gantry {

// A line of status under a page: a note, or an error as message and hint, with its raw cause
// behind a "Details" button.
class ErrorPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorPanel)
public:
    explicit ErrorPanel(QWidget *parent = nullptr);
    ~ErrorPanel() override;

    // The style sheet of error text, the same on every page.
    static QString errorTextStyle() { return QStringLiteral("color: #d1242f;"); }

    void showError(const Error &error);
    void showNote(const QString &text);
    void clear();
    QString text() const;
    QString details() const;
    bool isError() const { return m_isError; }

private:
    QLabel *m_message = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QPlainTextEdit *m_details = nullptr;
    bool m_isError = false;
};

} // namespace Gantry
