#pragma once

#include <QDialog>
#include <QList>

#include "core/remote/sshconfig.h"
#include "core/store/records.h"

class QTreeView;

namespace Gantry {

class ServerListModel;

// Picks hosts of an OpenSSH client config to add as servers. Names already taken are shown
// but cannot be picked.
class SshImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshImportDialog)
public:
    SshImportDialog(const QString &path, const QList<SshConfigHost> &hosts, const QStringList &taken,
        QWidget *parent = nullptr);
    ~SshImportDialog() override;

    static ServerRecord serverFor(const SshConfigHost &host);
    ServerListModel *model() const { return m_model; }
    QList<ServerRecord> chosen() const;

private:
    ServerListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace Gantry
