#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/messageboxes.h"
#include "widgets/servers/hostkeyquestion.h"
#include "widgets/servers/serverdialog.h"
#include "widgets/servers/serverlistmodel.h"
#include "widgets/servers/serverspage.h"
#include "widgets/servers/sshimportdialog.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

class tst_ServersPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void emptyWorkspaceSaysWhatToDo();
    void addServer();
    void invalidServerKeepsTheDialogOpen();
    void editServerForgetsTheKeyOfAnotherAddress();
    void removeAsksFirst();
    void connectThroughAnotherServer();
    void keyQuestionNamesTheHop();
    void importFromSshConfig();
    void importShowsTheBadLine();
    void modelIsSound();
    void unreachableServerShowsTheError();

private:
    ServerDialog *openAddDialog();
    void fill(
        ServerDialog *dialog, const QString &name, const QString &address, int port, const QString &user);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ServersPage> m_page;
};

void tst_ServersPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
}

void tst_ServersPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_dir->filePath(u"ws"_s));
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    m_page = std::make_unique<ServersPage>(m_workspace.get());
    m_page->resize(900, 600);
    m_page->show();
}

void tst_ServersPage::cleanup()
{
    m_page.reset();
    m_workspace.reset();
}

ServerDialog *tst_ServersPage::openAddDialog()
{
    Test::click(m_page.get(), u"addServerButton"_s);
    return m_page->findChild<ServerDialog *>(u"serverDialog"_s);
}

void tst_ServersPage::fill(
    ServerDialog *dialog, const QString &name, const QString &address, int port, const QString &user)
{
    child<QLineEdit>(dialog, u"serverNameEdit"_s)->setText(name);
    child<QLineEdit>(dialog, u"serverAddressEdit"_s)->setText(address);
    child<QSpinBox>(dialog, u"serverPortSpin"_s)->setValue(port);
    child<QLineEdit>(dialog, u"serverUserEdit"_s)->setText(user);
    child<QCheckBox>(dialog, u"connectCheck"_s)->setChecked(false);
}

void tst_ServersPage::emptyWorkspaceSaysWhatToDo()
{
    QCOMPARE(m_page->model()->rowCount(), 0);
    QVERIFY(m_page->status()->text().contains(u"No servers yet"_s));
    QVERIFY(!child<QWidget>(m_page.get(), u"removeServerButton"_s)->isEnabled());
    QVERIFY(!child<QWidget>(m_page.get(), u"testButton"_s)->isEnabled());
}

void tst_ServersPage::addServer()
{
    QSignalSpy changed(m_page.get(), &ServersPage::serversChanged);
    ServerDialog *dialog = openAddDialog();
    QVERIFY(dialog);
    QVERIFY(child<QCheckBox>(dialog, u"connectCheck"_s)->isChecked()); // a new server is tested at once
    fill(dialog, u"web1"_s, u"10.0.0.21"_s, 2222, u"deploy"_s);
    auto *auth = child<QComboBox>(dialog, u"serverAuthCombo"_s);
    auth->setCurrentIndex(auth->findData(int(AuthKind::Key)));
    QVERIFY(child<QLineEdit>(dialog, u"serverKeyEdit"_s)->isEnabled());
    child<QLineEdit>(dialog, u"serverKeyEdit"_s)->setText(u"/home/me/.ssh/id_ed25519"_s);
    dialog->accept();
    QCOMPARE(changed.count(), 1);
    const auto server = m_workspace->server(u"web1"_s);
    QVERIFY(server);
    QCOMPARE(server->address, u"10.0.0.21"_s);
    QCOMPARE(server->port, 2222);
    QCOMPARE(server->user, u"deploy"_s);
    QCOMPARE(server->auth, AuthKind::Key);
    QCOMPARE(server->keyFile, u"/home/me/.ssh/id_ed25519"_s);
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->currentServer(), u"web1"_s);
    const QModelIndex login = m_page->model()->index(0, ServerListModel::LoginColumn);
    QCOMPARE(login.data().toString(), u"deploy@10.0.0.21:2222"_s);
    QCOMPARE(m_page->model()->index(0, ServerListModel::HostKeyColumn).data().toString(), u"not pinned"_s);
}

void tst_ServersPage::invalidServerKeepsTheDialogOpen()
{
    ServerDialog *dialog = openAddDialog();
    fill(dialog, u"web 1"_s, u"10.0.0.21"_s, 22, u"deploy"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>(dialog, u"serverError"_s)->isVisible());
    fill(dialog, u"web1"_s, QString(), 22, u"deploy"_s);
    dialog->accept();
    QVERIFY(child<QLabel>(dialog, u"serverError"_s)->text().contains(u"address"_s));
    auto *auth = child<QComboBox>(dialog, u"serverAuthCombo"_s);
    fill(dialog, u"web1"_s, u"10.0.0.21"_s, 22, u"deploy"_s);
    auth->setCurrentIndex(auth->findData(int(AuthKind::Key)));
    dialog->accept();
    QVERIFY(child<QLabel>(dialog, u"serverError"_s)->text().contains(u"key file"_s));
    QVERIFY(!m_workspace->server(u"web1"_s));
    dialog->reject();
}

void tst_ServersPage::editServerForgetsTheKeyOfAnotherAddress()
{
    ServerRecord record { u"web1"_s, u"10.0.0.21"_s, 22, u"deploy"_s, AuthKind::Agent, {},
        u"10.0.0.21 ssh-ed25519 AAAA"_s, u"SHA256:abc"_s, u"linux"_s, u"amd64"_s };
    QVERIFY(m_workspace->addServer(record));
    QFile knownHosts(m_workspace->dir() + u"/known_hosts"_s);
    QVERIFY(knownHosts.open(QIODevice::WriteOnly));
    knownHosts.write("10.0.0.21 ssh-ed25519 AAAA\nother ssh-ed25519 BBBB\n");
    knownHosts.close();
    m_page.reset(new ServersPage(m_workspace.get()));
    m_page->show();
    m_page->selectServer(u"web1"_s);
    Test::click(m_page.get(), u"editServerButton"_s);
    auto *dialog = m_page->findChild<ServerDialog *>(u"serverDialog"_s);
    QVERIFY(dialog);
    QVERIFY(child<QLineEdit>(dialog, u"serverNameEdit"_s)->isReadOnly());
    QVERIFY(!child<QCheckBox>(dialog, u"connectCheck"_s)->isChecked());
    child<QLineEdit>(dialog, u"serverUserEdit"_s)->setText(u"admin"_s);
    dialog->accept();
    QCOMPARE(m_workspace->server(u"web1"_s)->user, u"admin"_s);
    QCOMPARE(m_workspace->server(u"web1"_s)->hostKeyFingerprint, u"SHA256:abc"_s); // same machine

    Test::click(m_page.get(), u"editServerButton"_s);
    dialog = m_page->findChild<ServerDialog *>(u"serverDialog"_s);
    child<QLineEdit>(dialog, u"serverAddressEdit"_s)->setText(u"10.0.0.99"_s);
    dialog->accept();
    QCOMPARE(m_workspace->server(u"web1"_s)->hostKeyFingerprint, QString());
    QVERIFY(knownHosts.open(QIODevice::ReadOnly));
    QCOMPARE(knownHosts.readAll(), QByteArray("other ssh-ed25519 BBBB\n"));
}

void tst_ServersPage::removeAsksFirst()
{
    QVERIFY(m_workspace->addServer(
        { u"web1"_s, u"10.0.0.21"_s, 22, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    QVERIFY(m_workspace->addServer(
        { u"web2"_s, u"10.0.0.22"_s, 22, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    m_page.reset(new ServersPage(m_workspace.get()));
    m_page->show();
    m_page->selectServer(u"web2"_s);
    MessageBoxes::setNextAnswer(false);
    Test::click(m_page.get(), u"removeServerButton"_s);
    QTest::qWait(20);
    QVERIFY(MessageBoxes::lastQuestion().contains(u"web2 (deploy@10.0.0.22:22)"_s));
    QVERIFY(m_workspace->server(u"web2"_s));
    MessageBoxes::setNextAnswer(true);
    Test::click(m_page.get(), u"removeServerButton"_s);
    QTRY_VERIFY(!m_workspace->server(u"web2"_s));
    QCOMPARE(m_page->model()->rowCount(), 1);
    QVERIFY(m_page->status()->text().contains(u"web2"_s));
}

void tst_ServersPage::importFromSshConfig()
{
    QVERIFY(m_workspace->addServer(
        { u"db"_s, u"10.0.0.5"_s, 22, u"root"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    m_page.reset(new ServersPage(m_workspace.get()));
    m_page->show();
    QFile config(m_dir->filePath(u"ssh_config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("Host web1\n  HostName 10.0.0.21\n  User deploy\n  Port 2222\n  IdentityFile /keys/web1\n"
                 "Host db\n  HostName 10.0.0.5\n"
                 "Host cache\n  HostName 10.0.0.7\n"
                 "Host inner\n  HostName 10.9.0.3\n  ProxyJump db\n"
                 "Host legacy\n  ProxyCommand ssh -W %h:%p db\n"
                 "Host *.internal\n  User ops\n");
    config.close();
    m_page->importFrom(config.fileName());
    auto *dialog = m_page->findChild<SshImportDialog *>(u"sshImportDialog"_s);
    QVERIFY(dialog);
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ServerListModel *model = dialog->model();
    QCOMPARE(model->rowCount(), 5); // patterns are not hosts
    QCOMPARE(model->checkedNames(), (QStringList { u"web1"_s, u"cache"_s, u"inner"_s }));
    QVERIFY(!(model->flags(model->index(model->rowOf(u"db"_s), 0)) & Qt::ItemIsEnabled)); // taken
    const QModelIndex legacy = model->index(model->rowOf(u"legacy"_s), 0);
    QVERIFY(!(model->flags(legacy) & Qt::ItemIsEnabled));
    QVERIFY(legacy.data(Qt::ToolTipRole).toString().contains(u"ProxyCommand"_s));
    QCOMPARE(model->index(model->rowOf(u"inner"_s), ServerListModel::LoginColumn).data().toString(),
        u"root@10.9.0.3:22 via db"_s);
    QVERIFY(model->setData(model->index(model->rowOf(u"cache"_s), 0), Qt::Unchecked, Qt::CheckStateRole));
    dialog->accept();
    const auto web1 = m_workspace->server(u"web1"_s);
    QVERIFY(web1);
    QCOMPARE(web1->address, u"10.0.0.21"_s);
    QCOMPARE(web1->port, 2222);
    QCOMPARE(web1->user, u"deploy"_s);
    QCOMPARE(web1->auth, AuthKind::Key);
    QCOMPARE(web1->keyFile, u"/keys/web1"_s);
    QVERIFY(!m_workspace->server(u"cache"_s));
    QCOMPARE(m_workspace->server(u"db"_s)->address, u"10.0.0.5"_s);
    QCOMPARE(m_workspace->server(u"inner"_s)->jump, u"db"_s);
    QVERIFY(!m_workspace->server(u"legacy"_s));
    QVERIFY2(m_page->status()->text().contains(u"Imported 2 server"_s), qPrintable(m_page->status()->text()));
}

void tst_ServersPage::connectThroughAnotherServer()
{
    QVERIFY(m_workspace->addServer(
        { u"bastion"_s, u"10.0.0.1"_s, 22, u"ops"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    m_page.reset(new ServersPage(m_workspace.get()));
    m_page->show();
    ServerDialog *dialog = openAddDialog();
    auto *jump = child<QComboBox>(dialog, u"serverJumpCombo"_s);
    QCOMPARE(jump->count(), 2); // Directly, bastion
    QCOMPARE(jump->currentData().toString(), QString());
    fill(dialog, u"db1"_s, u"10.9.0.5"_s, 22, u"deploy"_s);
    jump->setCurrentIndex(jump->findData(u"bastion"_s));
    dialog->accept();
    QCOMPARE(m_workspace->server(u"db1"_s)->jump, u"bastion"_s);
    const QModelIndex login =
        m_page->model()->index(m_page->model()->rowOf(u"db1"_s), ServerListModel::LoginColumn);
    QCOMPARE(login.data().toString(), u"deploy@10.9.0.5:22 via bastion"_s);

    // Editing: the server itself is not offered, its jump server is chosen.
    m_page->selectServer(u"db1"_s);
    Test::click(m_page.get(), u"editServerButton"_s);
    dialog = m_page->findChildren<ServerDialog *>(u"serverDialog"_s).last(); // the accepted one may linger
    QVERIFY(dialog);
    jump = child<QComboBox>(dialog, u"serverJumpCombo"_s);
    QCOMPARE(jump->findData(u"db1"_s), -1);
    QCOMPARE(jump->currentData().toString(), u"bastion"_s);
    dialog->reject();

    // The jump server cannot connect through the server behind it: the dialog stays open and says why.
    m_page->selectServer(u"bastion"_s);
    Test::click(m_page.get(), u"editServerButton"_s);
    dialog = m_page->findChildren<ServerDialog *>(u"serverDialog"_s).last();
    jump = child<QComboBox>(dialog, u"serverJumpCombo"_s);
    jump->setCurrentIndex(jump->findData(u"db1"_s));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(child<QLabel>(dialog, u"serverError"_s)->text().contains(u"loop"_s),
        qPrintable(child<QLabel>(dialog, u"serverError"_s)->text()));
    QCOMPARE(m_workspace->server(u"bastion"_s)->jump, QString());
    dialog->reject();

    // Removing it while db1 connects through it is refused, naming db1.
    MessageBoxes::setNextAnswer(true);
    Test::click(m_page.get(), u"removeServerButton"_s);
    QTRY_VERIFY(m_page->status()->isError());
    QVERIFY2(m_page->status()->text().contains(u"db1"_s), qPrintable(m_page->status()->text()));
    QVERIFY(m_workspace->server(u"bastion"_s));
}

void tst_ServersPage::keyQuestionNamesTheHop()
{
    HostConnection connection;
    connection.server = { u"db1"_s, u"10.9.0.5"_s, 22, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, {},
        u"bastion"_s };
    connection.jumps = QList<ServerRecord> { { u"bastion"_s, u"10.0.0.1"_s, 2222, u"ops"_s, AuthKind::Agent,
        {}, {}, {}, {}, {} } };
    const Error jumpKey { {}, {}, {}, Gantry::ErrorKind::UnknownHostKey, u"SHA256:abc"_s,
        u"ops@10.0.0.1:2222"_s };
    QCOMPARE(HostKeyQuestion::unknownFingerprint(jumpKey), u"SHA256:abc"_s);
    QCOMPARE(HostKeyQuestion::serverOf(connection, jumpKey).name, u"bastion"_s);
    const Error ownKey { {}, {}, {}, Gantry::ErrorKind::UnknownHostKey, u"SHA256:def"_s,
        u"deploy@10.9.0.5:22"_s };
    QCOMPARE(HostKeyQuestion::unknownFingerprint(ownKey), u"SHA256:def"_s);
    QCOMPARE(HostKeyQuestion::serverOf(connection, ownKey).name, u"db1"_s);
    QCOMPARE(HostKeyQuestion::unknownFingerprint(Error { {}, {}, u"Connection refused"_s }), QString());
}

void tst_ServersPage::importShowsTheBadLine()
{
    QFile config(m_dir->filePath(u"bad_config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("Host web1\n  Port 99999\n");
    config.close();
    m_page->importFrom(config.fileName());
    QVERIFY(m_page->status()->isError());
    QVERIFY2(m_page->status()->text().contains(u"2"_s), qPrintable(m_page->status()->text()));
    QVERIFY(!m_page->findChild<SshImportDialog *>());
    m_page->importFrom(m_dir->filePath(u"missing"_s));
    QVERIFY(m_page->status()->text().contains(u"Could not read"_s));
}

void tst_ServersPage::modelIsSound()
{
    ServerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy checked(&model, &ServerListModel::checkedChanged);
    model.setServers({ { u"a"_s, u"h1"_s, 22, {}, AuthKind::Agent, {}, {}, {}, {}, {} },
        { u"b"_s, u"h2"_s, 2200, u"u"_s, AuthKind::Password, {}, {}, u"SHA256:x"_s, u"linux"_s,
            u"arm64"_s } });
    QCOMPARE(model.index(0, ServerListModel::LoginColumn).data().toString(), u"root@h1:22"_s);
    QCOMPARE(model.index(1, ServerListModel::PlatformColumn).data().toString(), u"linux/arm64"_s);
    QVERIFY(!model.index(0, 0).data(Qt::CheckStateRole).isValid());
    model.setCheckable(true);
    QVERIFY(model.setData(model.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedNames(), QStringList { u"b"_s });
    model.setDisabled(u"b"_s, u"no"_s);
    QCOMPARE(model.checkedNames(), QStringList());
    model.setServers({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(checked.count() >= 3);
}

void tst_ServersPage::unreachableServerShowsTheError()
{
    // Nothing listens on port 1 here: the connection is refused at once.
    QVERIFY(m_workspace->addServer(
        { u"gone"_s, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, {} }));
    m_page.reset(new ServersPage(m_workspace.get()));
    m_page->show();
    QSignalSpy tested(m_page.get(), &ServersPage::connectionTested);
    Test::click(m_page.get(), u"testButton"_s);
    QVERIFY(m_page->isTesting());
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.first().at(1).toBool(), false);
    QVERIFY(m_page->status()->isError());
    QVERIFY(!m_page->isTesting());
    QCOMPARE(m_workspace->server(u"gone"_s)->hostKeyFingerprint, QString());
}

QTEST_MAIN(tst_ServersPage)
#include "tst_serverspage.moc"
