#include "widgets/servers/sshimportdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/remote/sshconfigimport.h"
#include "core/store/jumpchain.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

SshImportDialog::SshImportDialog(const QString &path, const QList<SshConfigHost> &hosts,
    const QList<ServerRecord> &existing, QWidget *parent)
    : QDialog(parent)
    , m_model(new ServerListModel(this))
{
    setObjectName(u"sshImportDialog"_s);
    setWindowTitle(tr("Import Servers from SSH Config"));
    const QList<SshImportRow> rows = SshConfigImport::rows(hosts, existing);
    QList<ServerRecord> servers;
    for (const SshImportRow &row : rows)
        servers << row.server;
    m_model->setServers(servers);
    m_model->setCheckable(true);
    for (const SshImportRow &row : rows) {
        const ServerRecord &s = row.server;
        const bool taken =
            std::ranges::any_of(existing, [&](const ServerRecord &e) { return e.name == s.name; });
        if (taken)
            m_model->setDisabled(s.name, tr("A server named %1 already exists.").arg(s.name));
        else if (!row.problem.isEmpty())
            m_model->setDisabled(s.name, row.problem);
        else if (!s.validate())
            m_model->setDisabled(s.name, s.validate().error().toString());
        else
            m_model->setChecked(s.name, true);
    }
    auto *layout = new QVBoxLayout(this);
    auto *label =
        new QLabel(tr("Hosts in %1. Tick the ones to add; test each once afterwards to pin its host key.")
                       .arg(QDir::toNativeSeparators(path)),
            this);
    label->setWordWrap(true);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"importView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setModel(m_model);
    m_view->setColumnHidden(ServerListModel::PlatformColumn, true);
    m_view->setColumnHidden(ServerListModel::HostKeyColumn, true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Import"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_model, &ServerListModel::checkedChanged, ok,
        [this, ok] { ok->setEnabled(!m_model->checkedNames().isEmpty()); });
    ok->setEnabled(!m_model->checkedNames().isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 90, fontMetrics().lineSpacing() * 22);
}

SshImportDialog::~SshImportDialog() = default;

QList<ServerRecord> SshImportDialog::chosen() const
{
    QList<ServerRecord> servers;
    for (const QString &name : m_model->checkedNames())
        servers << m_model->server(m_model->rowOf(name));
    return JumpChain::jumpsFirst(servers);
}

} // namespace Gantry
