#pragma once

#include <functional>

#include <QFuture>
#include <QList>
#include <QWidget>

#include "core/common/error.h"
#include "core/profile/envvariable.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Gantry {

class VariableTableModel;
class Workspace;

// The variables of one profile, or of its overrides for one server: a table with secrets
// masked, an editor, and .env import and export. Secret values go to the system keychain.
class VariablesPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesPanel)
public:
    using SecretWriter = std::function<QFuture<Result<void>>(const QString &key, const QString &value)>;

    explicit VariablesPanel(Workspace *workspace, QWidget *parent = nullptr);
    ~VariablesPanel() override;

    void setProfile(const QString &project, const QString &profile);
    void setServer(const QString &server); // empty: the profile itself, for all servers
    void reload();
    VariableTableModel *model() const { return m_model; }

    // Tests: secret values are written through `writer` instead of SecretStore::write.
    static void setSecretWriterForTest(SecretWriter writer);

signals:
    void variablesChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Scope {
        QString project;
        QString profile;
        QString server;
    };

    QWidget *createServerRow();
    QWidget *createTable();
    QWidget *createEditor();
    QWidget *createFileRow();
    void refreshServers();
    void onCurrentRowChanged();
    void onTableClicked(const QModelIndex &index);
    bool checkName();
    void newVariable();
    void saveVariable();
    void removeVariable();
    void reveal(int row);
    void storeSecret(const Scope &scope, const QString &name, const QString &value,
        std::function<void(const Result<void> &)> done);
    void importEnv();
    void importFile(const QString &path);
    void importSecrets(const Scope &scope, QList<EnvVariable> secrets, int plainCount);
    void exportEnv();
    // Reads the secrets whose keychain key is set in `keys`, from `next` on, then writes the file.
    void exportWith(const QString &path, QList<EnvVariable> variables, const QStringList &keys, int next);
    void writeExport(const QString &path, const QList<EnvVariable> &variables);
    void setBusy(bool busy);
    void showStatus(const QString &text);
    void showError(const QString &text);

    Workspace *m_workspace = nullptr;
    Scope m_scope;
    int m_generation = 0; // bumped when the scope changes: late keychain answers are dropped
    VariableTableModel *m_model = nullptr;
    QComboBox *m_serverCombo = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_valueEdit = nullptr;
    QCheckBox *m_secretCheck = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QCheckBox *m_includeSecrets = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Gantry
