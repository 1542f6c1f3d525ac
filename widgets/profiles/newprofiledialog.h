#pragma once

#include <functional>

#include <QDialog>

#include "core/common/error.h"
#include "core/store/records.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace Gantry {

// Asks for a new profile's name and the profile it extends. `add` stores it; while it fails,
// the dialog stays open and shows why.
class NewProfileDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewProfileDialog)
public:
    using Add = std::function<Result<void>(const ProfileRecord &profile)>;

    NewProfileDialog(const QString &project, const QStringList &profiles, const QString &extends, Add add,
        QWidget *parent = nullptr);
    ~NewProfileDialog() override;

    ProfileRecord profile() const;

public slots:
    void accept() override;

private:
    QString m_project;
    Add m_add;
    QLineEdit *m_name = nullptr;
    QComboBox *m_extends = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gantry
