#include "widgets/servers/serverspage.h"

#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/deploy/serverprobe.h"
#include "core/remote/sshconfig.h"
#include "core/secret/secretstore.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/messageboxes.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/hostkeyquestion.h"
#include "widgets/servers/serverdialog.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgets/servers/sshimportdialog.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QLabel *valueLabel(QWidget *parent, const QString &name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

ServersPage::ServersPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::make_shared<GuiPrompter>(this))
    , m_model(new ServerListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createButtonRow());
    m_view = new QTreeView(this);
    m_view->setObjectName(u"serverView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setModel(m_model);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        clearProbe();
        updateButtons();
    });
    connect(m_view, &QTreeView::doubleClicked, this, &ServersPage::editServer);
    layout->addWidget(m_view, 1);
    layout->addWidget(createProbeBox());
    m_status = new ErrorPanel(this);
    m_status->setObjectName(u"serversStatus"_s);
    layout->addWidget(m_status);
    setEnabled(workspace != nullptr);
    reload({});
}

ServersPage::~ServersPage()
{
    m_prompter->declineAll();
}

QWidget *ServersPage::createButtonRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const auto button = [&](const QString &name, const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, box);
        b->setObjectName(name);
        b->setToolTip(tip);
        row->addWidget(b);
        return b;
    };
    connect(button(u"addServerButton"_s, tr("&Add Server…"), tr("Add a server to deploy to")),
        &QPushButton::clicked, this, &ServersPage::addServer);
    m_editButton = button(u"editServerButton"_s, tr("&Edit…"), tr("Change the address, user or sign-in"));
    connect(m_editButton, &QPushButton::clicked, this, &ServersPage::editServer);
    m_removeButton = button(
        u"removeServerButton"_s, tr("&Remove"), tr("Forget this server; what runs there is not touched"));
    connect(m_removeButton, &QPushButton::clicked, this, &ServersPage::removeServer);
    connect(button(u"importButton"_s, tr("&Import from SSH Config…"), tr("Add hosts from ~/.ssh/config")),
        &QPushButton::clicked, this, [this] { importFrom(SshConfig::defaultPath()); });
    m_testButton = button(u"testButton"_s, tr("&Test Connection"),
        tr("Sign in, pin the host key on your word, and see what the server runs"));
    connect(m_testButton, &QPushButton::clicked, this, [this] { testConnection(currentServer()); });
    row->addStretch(1);
    return box;
}

QWidget *ServersPage::createProbeBox()
{
    m_probeBox = new QGroupBox(tr("Connection Test"), this);
    auto *form = new QFormLayout(m_probeBox);
    m_osValue = valueLabel(m_probeBox, u"osValue"_s);
    m_archValue = valueLabel(m_probeBox, u"archValue"_s);
    m_systemdValue = valueLabel(m_probeBox, u"systemdValue"_s);
    m_sudoValue = valueLabel(m_probeBox, u"sudoValue"_s);
    m_diskValue = valueLabel(m_probeBox, u"diskValue"_s);
    m_hostKeyValue = valueLabel(m_probeBox, u"hostKeyValue"_s);
    form->addRow(tr("Operating system:"), m_osValue);
    form->addRow(tr("Architecture:"), m_archValue);
    form->addRow(tr("Service manager:"), m_systemdValue);
    form->addRow(tr("Administrator rights:"), m_sudoValue);
    form->addRow(tr("Free disk under /opt:"), m_diskValue);
    form->addRow(tr("Host key:"), m_hostKeyValue);
    clearProbe();
    return m_probeBox;
}

QString ServersPage::currentServer() const
{
    return m_model->server(m_view->currentIndex().row()).name;
}

void ServersPage::selectServer(const QString &name)
{
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(name), 0));
}

void ServersPage::reload(const QString &select)
{
    QList<ServerRecord> servers;
    if (m_workspace) {
        auto all = m_workspace->servers();
        if (all)
            servers = *all;
        else
            m_status->showError(all.error());
    }
    m_model->setServers(servers);
    selectServer(select.isEmpty() ? m_model->server(0).name : select);
    if (servers.isEmpty())
        m_status->showNote(tr("No servers yet. Add one, or import them from your SSH config."));
    updateButtons();
}

void ServersPage::updateButtons()
{
    const bool chosen = !currentServer().isEmpty();
    m_editButton->setEnabled(chosen);
    m_removeButton->setEnabled(chosen && !m_testing);
    m_testButton->setEnabled(chosen && !m_testing);
}

void ServersPage::refresh()
{
    reload(currentServer());
    emit serversChanged();
}

void ServersPage::addServer()
{
    auto *dialog = new ServerDialog(
        {}, serverNames(), [this](const ServerRecord &s) { return m_workspace->addServer(s); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ServerRecord server = dialog->server();
        reload(server.name);
        emit serversChanged();
        m_status->showNote(tr("Added %1.").arg(server.name));
        if (dialog->connectAfterSaving())
            testConnection(server.name);
    });
    dialog->open();
}

void ServersPage::editServer()
{
    auto current = m_workspace->server(currentServer());
    if (!current)
        return;
    auto *dialog = new ServerDialog(
        *current, serverNames(), [this](const ServerRecord &s) { return m_workspace->updateServer(s); },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, before = *current] {
        const ServerRecord server = dialog->server();
        if (server.hostKeyFingerprint.isEmpty() && !before.hostKeyFingerprint.isEmpty())
            forgetHostKey(before);
        reload(server.name);
        emit serversChanged();
        m_status->showNote(tr("Saved %1.").arg(server.name));
        if (dialog->connectAfterSaving())
            testConnection(server.name);
    });
    dialog->open();
}

QStringList ServersPage::serverNames() const
{
    QStringList names;
    for (const ServerRecord &s : m_model->servers())
        names << s.name;
    return names;
}

void ServersPage::removeServer()
{
    auto server = m_workspace->server(currentServer());
    if (!server)
        return;
    MessageBoxes::Question question;
    question.title = tr("Remove Server");
    question.text = tr("Remove %1 (%2) from Gantry?").arg(server->name, ServerListModel::login(*server));
    question.informative = tr("Its pinned host key and remembered password are forgotten. What runs on the "
                              "server is not touched.");
    question.acceptText = tr("&Remove");
    MessageBoxes::ask(this, question, [this, record = *server](bool yes) {
        if (yes)
            removeConfirmed(record);
    });
}

void ServersPage::removeConfirmed(const ServerRecord &server)
{
    if (auto removed = m_workspace->removeServer(server.name); !removed)
        return m_status->showError(removed.error());
    forgetHostKey(server);
    SecretStore::remove(GuiPrompter::serverKeychainKey(m_workspace->id(), server.name));
    reload({});
    emit serversChanged();
    m_status->showNote(tr("Removed %1; what runs there was not touched.").arg(server.name));
}

// Drops the pinned key of `server` from Gantry's known_hosts file (a few lines; read at once).
Result<void> ServersPage::forgetHostKey(const ServerRecord &server) const
{
    QFile file(m_workspace->knownHostsFile());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Could not read %1.").arg(file.fileName()), {}, file.errorString());
    const QString host =
        server.port == 22 ? server.address : u"[%1]:%2"_s.arg(server.address).arg(server.port);
    QByteArray kept;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.isEmpty() && !line.split(' ').value(0).split(',').contains(host.toUtf8()))
            kept += line + '\n';
    file.close();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(kept) != kept.size())
        return fail(tr("Could not write %1.").arg(file.fileName()), {}, file.errorString());
    return {};
}

void ServersPage::importFrom(const QString &sshConfigPath)
{
    QFile file(sshConfigPath);
    if (!file.open(QIODevice::ReadOnly))
        return m_status->showError({ tr("Could not read %1.").arg(QDir::toNativeSeparators(sshConfigPath)),
            tr("Create an SSH config file, or add the server by hand."), file.errorString() });
    auto hosts = SshConfig::parse(file.readAll(), QDir::homePath());
    if (!hosts)
        return m_status->showError(hosts.error());
    if (hosts->isEmpty())
        return m_status->showNote(
            tr("%1 names no hosts to import.").arg(QDir::toNativeSeparators(sshConfigPath)));
    auto *dialog = new SshImportDialog(sshConfigPath, *hosts, m_model->servers(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { importChosen(dialog->chosen()); });
    dialog->open();
}

void ServersPage::importChosen(const QList<ServerRecord> &servers)
{
    int added = 0;
    for (const ServerRecord &server : servers) {
        if (auto ok = m_workspace->addServer(server); !ok)
            return m_status->showError(ok.error());
        ++added;
    }
    reload(servers.value(0).name);
    emit serversChanged();
    m_status->showNote(
        tr("Imported %n server(s). Test each connection once to pin its host key.", nullptr, added));
}

void ServersPage::testConnection(const QString &name)
{
    auto server = m_workspace->server(name);
    if (!server || m_testing)
        return;
    m_testing = true;
    updateButtons();
    clearProbe();
    m_status->showNote(tr("Connecting to %1…").arg(ServerListModel::login(*server)));
    runTrusting<ServerProbe>(this, m_prompter->connectionTo(*m_workspace, *server), m_prompter,
        &ServerProbe::run, [this, name](Result<ServerProbe> probe) { onTested(name, probe); });
}

void ServersPage::onTested(const QString &name, const Result<ServerProbe> &probe)
{
    m_testing = false;
    updateButtons();
    if (!probe) {
        m_status->showError(probe.error());
        emit connectionTested(name, false);
        return;
    }
    if (auto server = m_workspace->server(name)) {
        server->os = u"linux"_s;
        server->arch = probe->facts.goarch;
        server->hostKey = probe->hostKey.knownHostsLine;
        server->hostKeyFingerprint = probe->hostKey.fingerprint;
        if (auto saved = m_workspace->updateServer(*server); !saved)
            m_status->showError(saved.error());
    }
    reload(name);
    emit serversChanged();
    showProbe(*probe);
    m_status->showNote(tr("Connected to %1; its host key is pinned.").arg(name));
    emit connectionTested(name, true);
}

void ServersPage::showProbe(const ServerProbe &probe)
{
    const HostFacts &f = probe.facts;
    m_osValue->setText(f.osPrettyName.isEmpty() ? f.kernel : f.osPrettyName);
    m_archValue->setText(f.goarch.isEmpty() ? tr("%1 (Go does not build for it)").arg(f.unameMachine)
                                            : u"linux/%1 (%2)"_s.arg(f.goarch, f.unameMachine));
    m_systemdValue->setText(
        f.systemd ? tr("systemd") : tr("no systemd: Gantry cannot install the service here"));
    m_sudoValue->setText(ServerProbe::sudoText(probe.sudo));
    m_diskValue->setText(f.freeBytes < 0
            ? tr("unknown")
            : tr("%1 free in %2").arg(locale().formattedDataSize(f.freeBytes), f.freePath));
    m_hostKeyValue->setText(u"%1 %2"_s.arg(probe.hostKey.type, probe.hostKey.fingerprint));
}

void ServersPage::clearProbe()
{
    for (QLabel *label : { m_osValue, m_archValue, m_systemdValue, m_sudoValue, m_diskValue })
        label->setText(tr("not tested yet"));
    const ServerRecord s = m_model->server(m_view ? m_view->currentIndex().row() : -1);
    m_hostKeyValue->setText(s.hostKeyFingerprint.isEmpty() ? tr("not pinned yet") : s.hostKeyFingerprint);
}

} // namespace Gantry
