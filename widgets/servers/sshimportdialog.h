#pragma once

#include <QDialog>
#include <QList>

#include "core/remote/sshconfig.h"
#include "core/store/records.h"

class QTreeView;

namespace Gantry {

class ServerListModel;

// Picks hosts of an OpenSSH client config to add as servers, with their ProxyJump as the server to
// connect through (SshConfigImport). Names already taken, and hosts that cannot be imported as they
// are (ProxyCommand, say), are shown but cannot be picked; the reason is their tooltip.
class SshImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshImportDialog)
public:
    // `existing`: the workspace's servers, which ProxyJump may name too.
    SshImportDialog(const QString &path, const QList<SshConfigHost> &hosts,
        const QList<ServerRecord> &existing, QWidget *parent = nullptr);
    ~SshImportDialog() override;

    ServerListModel *model() const { return m_model; }
    QList<ServerRecord> chosen() const; // each one's jump server before it

private:
    ServerListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace Gantry
