#pragma once

#include <memory>

#include <QWidget>

#include "core/common/error.h"
#include "core/store/records.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace Gantry {

class ErrorPanel;
class GuiPrompter;
class ServerListModel;
class Workspace;
struct ServerProbe;

// The servers of the workspace: add, edit, remove, import from ~/.ssh/config, and a connection
// test that pins the host key on the user's word and shows what the server runs.
class ServersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServersPage)
public:
    explicit ServersPage(Workspace *workspace, QWidget *parent = nullptr);
    ~ServersPage() override;

    ServerListModel *model() const { return m_model; }
    QString currentServer() const;
    void selectServer(const QString &name);
    bool isTesting() const { return m_testing; }
    ErrorPanel *status() const { return m_status; }

    // Reads the servers again (another part of Gantry added one) and tells the other pages.
    void refresh();
    void addServer();
    void editServer();
    void removeServer();
    void importFrom(const QString &sshConfigPath);
    void testConnection(const QString &name);

signals:
    void serversChanged();
    void connectionTested(const QString &name, bool success);

private:
    QWidget *createButtonRow();
    QWidget *createProbeBox();
    void reload(const QString &select);
    void updateButtons();
    void onTested(const QString &name, const Result<ServerProbe> &probe);
    void showProbe(const ServerProbe &probe);
    void clearProbe();
    void removeConfirmed(const ServerRecord &server);
    void importChosen(const QList<ServerRecord> &servers);
    Result<void> forgetHostKey(const ServerRecord &server) const;
    QStringList serverNames() const;

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    ServerListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QGroupBox *m_probeBox = nullptr;
    QLabel *m_osValue = nullptr;
    QLabel *m_archValue = nullptr;
    QLabel *m_systemdValue = nullptr;
    QLabel *m_sudoValue = nullptr;
    QLabel *m_diskValue = nullptr;
    QLabel *m_hostKeyValue = nullptr;
    ErrorPanel *m_status = nullptr;
    bool m_testing = false;
};

} // namespace Gantry
