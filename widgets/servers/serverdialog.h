#pragma once

#include <functional>

#include <QDialog>

#include "core/common/error.h"
#include "core/store/records.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Gantry {

// Adds or edits a server: name, address, port, login user and how to sign in. `save` stores it;
// while it fails, the dialog stays open and shows why.
class ServerDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerDialog)
public:
    using Save = std::function<Result<void>(const ServerRecord &server)>;

    // An empty `server.name` adds a new server; otherwise that server is edited (its name is fixed).
    // `others` are the servers it may connect through ("Connect through:").
    ServerDialog(const ServerRecord &server, const QStringList &others, Save save, QWidget *parent = nullptr);
    ~ServerDialog() override;

    ServerRecord server() const;
    bool connectAfterSaving() const; // "Connect now" is ticked

public slots:
    void accept() override;

private:
    QWidget *createAuthRow();
    QComboBox *createJumpCombo(const QStringList &others);
    void onAuthChanged();
    void chooseKeyFile();

    ServerRecord m_original;
    Save m_save;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_keyButton = nullptr;
    QComboBox *m_jump = nullptr;
    QCheckBox *m_connect = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gantry
