#pragma once

#include <memory>

#include <QWidget>

#include "core/common/error.h"
#include "core/deploy/envdiff.h"

class QComboBox;
class QPushButton;
class QTableView;

namespace Gantry {

class EnvDiffModel;
class ErrorPanel;
class GuiPrompter;
class Workspace;

// The Profiles page's "Compare with Server" tab: reads the env file the project's service has on a
// chosen server (off the GUI thread) and shows what deploying the profile would change there.
class ServerComparePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerComparePanel)
public:
    explicit ServerComparePanel(Workspace *workspace, QWidget *parent = nullptr);
    ~ServerComparePanel() override;

    void setProfile(const QString &project, const QString &profile);
    void reloadServers();
    void selectServer(const QString &server);
    void compare();
    bool isBusy() const { return m_busy; }

    EnvDiffModel *model() const { return m_model; }
    ErrorPanel *status() const { return m_status; }

signals:
    void finished(bool success);

protected:
    void showEvent(QShowEvent *event) override; // servers may have been added meanwhile

private:
    QWidget *createServerRow();
    QTableView *createTable();
    QString appName() const;
    void reset();
    void setBusy(bool busy);
    void onTableClicked(const QModelIndex &index);
    void onRead(int generation, const QString &server, const Result<EnvComparison> &compared);
    void fail(const Error &error);

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    QString m_project;
    QString m_profile;
    int m_generation = 0; // answers for another profile or server are dropped
    bool m_busy = false;
    QComboBox *m_serverCombo = nullptr;
    QPushButton *m_compareButton = nullptr;
    QTableView *m_table = nullptr;
    EnvDiffModel *m_model = nullptr;
    ErrorPanel *m_status = nullptr;
};

} // namespace Gantry
