// Runs inside tests/support/with-keyring.sh: secrets go to a real, private gnome-keyring.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QPromise>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "core/profile/dotenv.h"
#include "core/secret/secretstore.h"
#include "core/store/workspace.h"
#include "core/testsupport.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/profiles/deploysettingsform.h"
#include "widgets/profiles/envdiffmodel.h"
#include "widgets/profiles/profilespage.h"
#include "widgets/profiles/servercomparepanel.h"
#include "widgets/profiles/variablespanel.h"
#include "widgets/profiles/variabletablemodel.h"
#include "widgettest.h"

using namespace Qt::StringLiterals;
using namespace Gantry;
using Test::child;

namespace {

const QString Project = u"shop"_s;

template<typename T>
T wait(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        qFatal("keychain did not answer");
    return future.result();
}

} // namespace

class tst_ProfilesPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void variableModelIsSound();
    void addEditRemoveVariable();
    void invalidNameIsRejectedAndNothingStored();
    void secretGoesToTheKeychainNotTheDatabase();
    void revealShowsTheSecretUntilTheProfileChanges();
    void keychainErrorStoresNothing();
    void inheritanceAndOriginsAreShown();
    void serverOverride();
    void dotenvImportShowsTheBadLine();
    void dotenvImportAndExport();
    void deploySettingsAreValidated();
    void newProfileExtendsAnother();
    void compareWithAnUnreachableServer();

private:
    void setVariable(const QString &name, const QString &value, bool secret = false);
    QString cell(const QString &name, int column) const;
    QString status() const;
    QString databaseBytes() const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<ProfilesPage> m_page;
};

void tst_ProfilesPage::initTestCase()
{
    Test::isolateSettings(m_settingsDir);
    const auto ok = wait(SecretStore::checkAvailable());
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
}

void tst_ProfilesPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto workspace = Workspace::open(m_dir->filePath(u"ws"_s));
    QVERIFY(workspace);
    m_workspace = std::move(*workspace);
    QVERIFY(m_workspace->addProject({ Project, m_dir->path(), {}, {} }));
    m_page = std::make_unique<ProfilesPage>(m_workspace.get());
    m_page->resize(900, 700);
    m_page->show();
    m_page->setProject(Project);
    m_page->selectProfile(u"prod"_s);
    QCOMPARE(m_page->profile(), u"prod"_s);
}

void tst_ProfilesPage::cleanup()
{
    for (const VariableRecord &secret : m_workspace->secretRefs())
        wait(SecretStore::remove(secret.keychainKey));
    VariablesPanel::setSecretWriterForTest({});
    m_page.reset();
    m_workspace.reset();
}

void tst_ProfilesPage::setVariable(const QString &name, const QString &value, bool secret)
{
    Test::click(m_page.get(), u"newVariableButton"_s);
    child<QLineEdit>(m_page.get(), u"variableNameEdit"_s)->setText(name);
    child<QLineEdit>(m_page.get(), u"variableValueEdit"_s)->setText(value);
    child<QCheckBox>(m_page.get(), u"variableSecretCheck"_s)->setChecked(secret);
    Test::click(m_page.get(), u"saveVariableButton"_s);
}

QString tst_ProfilesPage::cell(const QString &name, int column) const
{
    const VariableTableModel *model = m_page->variablesPanel()->model();
    const int row = model->rowOf(name);
    return row < 0 ? QString() : model->index(row, column).data().toString();
}

QString tst_ProfilesPage::status() const
{
    return child<QLabel>(m_page.get(), u"variablesStatus"_s)->text();
}

QString tst_ProfilesPage::databaseBytes() const
{
    QByteArray bytes;
    for (const QString &suffix : { u""_s, u"-wal"_s }) {
        QFile file(m_workspace->filePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return QString::fromLatin1(bytes);
}

void tst_ProfilesPage::variableModelIsSound()
{
    VariableTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ResolvedVariable> variables {
        { { u"LOG_LEVEL"_s, u"info"_s, false, {} }, u"base"_s, {} },
        { { u"DB_PASSWORD"_s, {}, true, u"gantry:x:shop:prod:DB_PASSWORD"_s }, u"prod"_s, {} },
        { { u"PORT"_s, u"9000"_s, false, {} }, u"prod"_s, u"web1"_s },
        { { u"CERT"_s, u"line one\nline two"_s, false, {} }, u"prod"_s, {} },
    };
    model.setVariables(variables, u"prod"_s, {});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(VariableTableModel::ColumnCount));
    QCOMPARE(model.index(0, VariableTableModel::OriginColumn).data().toString(), u"base (inherited)"_s);
    QCOMPARE(model.index(1, VariableTableModel::ValueColumn).data().toString(), VariableTableModel::mask());
    QCOMPARE(
        model.index(1, VariableTableModel::SecretColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(2, VariableTableModel::OriginColumn).data().toString(), u"prod, for server web1"_s);
    QCOMPARE(model.index(3, VariableTableModel::ValueColumn).data().toString(), u"line one …"_s);
    QVERIFY(model.isOwn(1) && !model.isOwn(0) && !model.isOwn(2));
    model.setRevealed(u"DB_PASSWORD"_s, u"hunter2"_s);
    QCOMPARE(model.index(1, VariableTableModel::ValueColumn).data().toString(), u"hunter2"_s);
    QCOMPARE(model.index(1, VariableTableModel::RevealColumn).data().toString(), u"Hide"_s);
    model.hideAll();
    QCOMPARE(model.index(1, VariableTableModel::ValueColumn).data().toString(), VariableTableModel::mask());
    model.setVariables({}, u"prod"_s, {});
    QCOMPARE(model.rowCount(), 0);
}

void tst_ProfilesPage::addEditRemoveVariable()
{
    setVariable(u"PORT"_s, u"8080"_s);
    auto stored = m_workspace->variables(Project, u"prod"_s);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().value, u"8080"_s);
    QCOMPARE(cell(u"PORT"_s, VariableTableModel::ValueColumn), u"8080"_s);

    // Edit: select the row, change the value, save.
    auto *table = child<QTableView>(m_page.get(), u"variablesTable"_s);
    table->setCurrentIndex(table->model()->index(m_page->variablesPanel()->model()->rowOf(u"PORT"_s), 0));
    QCOMPARE(child<QLineEdit>(m_page.get(), u"variableNameEdit"_s)->text(), u"PORT"_s);
    child<QLineEdit>(m_page.get(), u"variableValueEdit"_s)->setText(u"9090"_s);
    Test::click(m_page.get(), u"saveVariableButton"_s);
    QCOMPARE(m_workspace->variables(Project, u"prod"_s)->first().value, u"9090"_s);
    QCOMPARE(cell(u"PORT"_s, VariableTableModel::ValueColumn), u"9090"_s);

    table->setCurrentIndex(table->model()->index(m_page->variablesPanel()->model()->rowOf(u"PORT"_s), 0));
    Test::click(m_page.get(), u"removeVariableButton"_s);
    QVERIFY(m_workspace->variables(Project, u"prod"_s)->isEmpty());
    QCOMPARE(m_page->variablesPanel()->model()->rowCount(), 0);
}

void tst_ProfilesPage::invalidNameIsRejectedAndNothingStored()
{
    for (const bool secret : { false, true }) {
        setVariable(u"1BAD-NAME"_s, u"value"_s, secret);
        auto *error = child<QLabel>(m_page.get(), u"variableNameError"_s);
        QVERIFY(error->isVisibleTo(m_page.get()));
        QVERIFY2(error->text().contains(u"1BAD-NAME"_s), qPrintable(error->text()));
        QVERIFY(m_workspace->variables(Project, u"prod"_s)->isEmpty());
        const QString key = Workspace::keychainKey(m_workspace->id(), Project, u"prod"_s, u"1BAD-NAME"_s);
        QTest::qWait(200);
        QVERIFY(!wait(SecretStore::read(key)));
    }
    // The error goes away once the name is fixed.
    auto *name = child<QLineEdit>(m_page.get(), u"variableNameEdit"_s);
    name->selectAll();
    QTest::keyClicks(name, u"GOOD_NAME"_s);
    QVERIFY(!child<QLabel>(m_page.get(), u"variableNameError"_s)->isVisibleTo(m_page.get()));
}

void tst_ProfilesPage::secretGoesToTheKeychainNotTheDatabase()
{
    const QString value = u"s3cr3t-value-✓"_s;
    setVariable(u"DB_PASSWORD"_s, value, true);
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"keychain"_s) && !status().contains(u"…"_s), 20000);
    const auto stored = m_workspace->variables(Project, u"prod"_s);
    QCOMPARE(stored->size(), 1);
    QVERIFY(stored->first().secret);
    QVERIFY(stored->first().value.isEmpty());
    QCOMPARE(stored->first().keychainKey,
        Workspace::keychainKey(m_workspace->id(), Project, u"prod"_s, u"DB_PASSWORD"_s));
    const auto read = wait(SecretStore::read(stored->first().keychainKey));
    QVERIFY(read);
    QCOMPARE(*read, value);
    QVERIFY(!databaseBytes().contains(u"s3cr3t"_s));
    QCOMPARE(cell(u"DB_PASSWORD"_s, VariableTableModel::ValueColumn), VariableTableModel::mask());
}

void tst_ProfilesPage::revealShowsTheSecretUntilTheProfileChanges()
{
    setVariable(u"API_TOKEN"_s, u"tok-123"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->variablesPanel()->model()->rowOf(u"API_TOKEN"_s) >= 0, 20000);
    auto *table = child<QTableView>(m_page.get(), u"variablesTable"_s);
    const int row = m_page->variablesPanel()->model()->rowOf(u"API_TOKEN"_s);
    const QModelIndex reveal = table->model()->index(row, VariableTableModel::RevealColumn);
    QCOMPARE(reveal.data().toString(), u"Reveal"_s);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(reveal).center());
    QTRY_COMPARE_WITH_TIMEOUT(cell(u"API_TOKEN"_s, VariableTableModel::ValueColumn), u"tok-123"_s, 20000);
    QCOMPARE(cell(u"API_TOKEN"_s, VariableTableModel::RevealColumn), u"Hide"_s);

    m_page->selectProfile(u"dev"_s);
    m_page->selectProfile(u"prod"_s);
    QCOMPARE(cell(u"API_TOKEN"_s, VariableTableModel::ValueColumn), VariableTableModel::mask());
}

void tst_ProfilesPage::keychainErrorStoresNothing()
{
    int writes = 0;
    VariablesPanel::setSecretWriterForTest([&writes](const QString &, const QString &) {
        ++writes;
        QPromise<Result<void>> promise;
        promise.start();
        promise.addResult(
            Result<void>(fail(u"The keychain refused access to the secret."_s, u"Unlock it."_s)));
        promise.finish();
        return promise.future();
    });
    setVariable(u"SMTP_PASSWORD"_s, u"pw"_s, true);
    QTRY_VERIFY(status().contains(u"was not saved"_s));
    QVERIFY2(status().contains(u"refused access"_s), qPrintable(status()));
    QCOMPARE(writes, 1);
    QVERIFY(m_workspace->variables(Project, u"prod"_s)->isEmpty());
    QCOMPARE(m_page->variablesPanel()->model()->rowOf(u"SMTP_PASSWORD"_s), -1);
}

void tst_ProfilesPage::inheritanceAndOriginsAreShown()
{
    QVERIFY(m_workspace->setVariable(Project, u"base"_s, { u"LOG_LEVEL"_s, u"info"_s, false, {} }));
    m_page->setProject(Project);
    m_page->selectProfile(u"prod"_s);
    const QString inheritance = child<QLabel>(m_page.get(), u"inheritanceLabel"_s)->text();
    QVERIFY2(inheritance.contains(u"<b>prod</b> extends base"_s), qPrintable(inheritance));
    QCOMPARE(cell(u"LOG_LEVEL"_s, VariableTableModel::OriginColumn), u"base (inherited)"_s);
    // Inherited: cannot be removed here; saving a value overrides it in prod.
    auto *table = child<QTableView>(m_page.get(), u"variablesTable"_s);
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(!child<QAbstractButton>(m_page.get(), u"removeVariableButton"_s)->isEnabled());
    child<QLineEdit>(m_page.get(), u"variableValueEdit"_s)->setText(u"warn"_s);
    Test::click(m_page.get(), u"saveVariableButton"_s);
    QCOMPARE(cell(u"LOG_LEVEL"_s, VariableTableModel::OriginColumn), u"prod"_s);
    QCOMPARE(m_workspace->variables(Project, u"base"_s)->first().value, u"info"_s);
    m_page->selectProfile(u"base"_s);
    QVERIFY(
        child<QLabel>(m_page.get(), u"inheritanceLabel"_s)->text().contains(u"extends no other profile"_s));
}

void tst_ProfilesPage::serverOverride()
{
    ServerRecord server;
    server.name = u"web1"_s;
    server.address = u"10.0.0.5"_s;
    server.user = u"deploy"_s;
    QVERIFY(m_workspace->addServer(server));
    setVariable(u"PORT"_s, u"8080"_s);
    m_page->setProject(Project); // picks up the new server
    m_page->selectProfile(u"prod"_s);
    auto *servers = child<QComboBox>(m_page.get(), u"serverCombo"_s);
    QCOMPARE(servers->count(), 2);
    QCOMPARE(servers->itemText(0), u"(all servers)"_s);
    servers->setCurrentIndex(1);
    emit servers->activated(1);
    QCOMPARE(cell(u"PORT"_s, VariableTableModel::OriginColumn), u"prod"_s); // the profile's value, for now
    setVariable(u"PORT"_s, u"9000"_s);
    QCOMPARE(m_workspace->variables(Project, u"prod"_s, u"web1"_s)->first().value, u"9000"_s);
    QCOMPARE(m_workspace->variables(Project, u"prod"_s)->first().value, u"8080"_s);
    QCOMPARE(cell(u"PORT"_s, VariableTableModel::OriginColumn), u"prod, for server web1"_s);
}

void tst_ProfilesPage::dotenvImportShowsTheBadLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.env"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# settings\nGOOD=1\n1BAD=2\n");
    file.close();
    FileDialogs::setNextFileName(path);
    Test::click(m_page.get(), u"importEnvButton"_s);
    QTRY_VERIFY(status().contains(u"bad.env:3"_s));
    QVERIFY(status().contains(u"Nothing was imported"_s));
    QVERIFY(m_workspace->variables(Project, u"prod"_s)->isEmpty());
}

void tst_ProfilesPage::dotenvImportAndExport()
{
    setVariable(u"DB_PASSWORD"_s, u"pw-1"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->variablesPanel()->model()->rowOf(u"DB_PASSWORD"_s) >= 0, 20000);
    QTemporaryDir dir;
    const QString input = dir.filePath(u".env"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("export GIN_MODE=release\nGREETING=\"hello\\nworld\"\nDB_PASSWORD=pw-2\n");
    file.close();
    FileDialogs::setNextFileName(input);
    Test::click(m_page.get(), u"importEnvButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"Imported 3"_s), 20000);
    const auto stored = m_workspace->variables(Project, u"prod"_s);
    QCOMPARE(stored->size(), 3);
    // A variable that was a secret stays one: its new value went to the keychain.
    const VariableRecord secret = m_workspace->secretRefs(Project, u"prod"_s).value(0);
    QCOMPARE(secret.name, u"DB_PASSWORD"_s);
    QCOMPARE(*wait(SecretStore::read(secret.keychainKey)), u"pw-2"_s);

    for (const bool withSecrets : { false, true }) {
        const QString output = dir.filePath(withSecrets ? u"all.env"_s : u"plain.env"_s);
        child<QCheckBox>(m_page.get(), u"includeSecretsCheck"_s)->setChecked(withSecrets);
        FileDialogs::setNextFileName(output);
        Test::click(m_page.get(), u"exportEnvButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"Exported"_s), 20000);
        QFile exported(output);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const auto parsed = Dotenv::parse(exported.readAll());
        QVERIFY(parsed);
        QStringList names;
        for (const EnvVariable &v : *parsed)
            names << v.name + u'=' + v.value;
        QStringList expected { u"GIN_MODE=release"_s, u"GREETING=hello\nworld"_s };
        if (withSecrets)
            expected.insert(0, u"DB_PASSWORD=pw-2"_s);
        QCOMPARE(names, expected);
        child<QLabel>(m_page.get(), u"variablesStatus"_s)->clear();
    }
}

void tst_ProfilesPage::deploySettingsAreValidated()
{
    DeploySettingsForm *form = m_page->deploySettingsForm();
    m_page->findChild<QTabWidget *>()->setCurrentIndex(1);
    QVERIFY(form->isVisible());
    auto *memory = child<QLineEdit>(form, u"memory_max"_s);
    memory->setText(u"lots"_s);
    Test::click(form, u"saveDeploySettingsButton"_s);
    auto *error = child<QLabel>(form, u"deploySettingsError"_s);
    QVERIFY(error->isVisibleTo(m_page.get()));
    QVERIFY2(error->text().contains(u"\"lots\" is not a size"_s), qPrintable(error->text()));
    QVERIFY(memory->property("invalid").toBool());
    QVERIFY(m_workspace->profile(Project, u"prod"_s)->settings.isEmpty());

    memory->setText(u"512M"_s);
    child<QSpinBox>(form, u"service_port"_s)->setValue(9000);
    child<QSpinBox>(form, u"health_timeout_s"_s)->setValue(0);
    Test::click(form, u"saveDeploySettingsButton"_s);
    QVERIFY(error->text().contains(u"health_timeout_s"_s));
    QVERIFY(child<QSpinBox>(form, u"health_timeout_s"_s)->property("invalid").toBool());
    QVERIFY(!memory->property("invalid").toBool());

    child<QSpinBox>(form, u"health_timeout_s"_s)->setValue(5);
    Test::click(form, u"saveDeploySettingsButton"_s);
    QVERIFY(!error->isVisibleTo(m_page.get()));
    const QJsonObject stored = m_workspace->profile(Project, u"prod"_s)->settings;
    QCOMPARE(stored, (QJsonObject { { u"memory_max"_s, u"512M"_s }, { u"service_port"_s, 9000 } }));
    // dev inherits the port from base, not from prod; its own GIN_MODE stays.
    m_page->selectProfile(u"dev"_s);
    QCOMPARE(child<QSpinBox>(form, u"service_port"_s)->value(), 8080);
    QCOMPARE(child<QComboBox>(form, u"gin_mode"_s)->currentText(), u"debug"_s);
}

void tst_ProfilesPage::newProfileExtendsAnother()
{
    Test::click(m_page.get(), u"newProfileButton"_s);
    auto *dialog = m_page->findChild<QDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    child<QLineEdit>(dialog, u"profileNameEdit"_s)->setText(u"bad name!"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>(dialog, u"profileError"_s)->text().contains(u"not valid"_s));

    child<QLineEdit>(dialog, u"profileNameEdit"_s)->setText(u"staging"_s);
    auto *extends = child<QComboBox>(dialog, u"profileExtendsCombo"_s);
    extends->setCurrentIndex(extends->findText(u"prod"_s));
    dialog->accept();
    QTRY_VERIFY(!m_page->findChild<QDialog *>());
    QCOMPARE(m_page->profile(), u"staging"_s);
    QCOMPARE(m_workspace->profile(Project, u"staging"_s)->extends, u"prod"_s);
    const QString inheritance = child<QLabel>(m_page.get(), u"inheritanceLabel"_s)->text();
    QVERIFY2(inheritance.contains(u"extends prod → base"_s), qPrintable(inheritance));
}

void tst_ProfilesPage::compareWithAnUnreachableServer()
{
    setVariable(u"PORT"_s, u"8080"_s);
    ServerComparePanel *panel = m_page->comparePanel();
    m_page->showCompareTab();
    QVERIFY(!child<QPushButton>(panel, u"compareButton"_s)->isEnabled()); // no server yet
    QVERIFY2(panel->status()->text().contains(u"Servers page"_s), qPrintable(panel->status()->text()));
    // Nothing listens on port 1 here: the connection is refused at once.
    QVERIFY(m_workspace->addServer(
        { u"nowhere"_s, u"127.0.0.1"_s, 1, u"deploy"_s, AuthKind::Agent, {}, {}, {}, {}, u"amd64"_s }));
    panel->reloadServers();
    QSignalSpy finished(panel, &ServerComparePanel::finished);
    Test::click(panel, u"compareButton"_s);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(panel->status()->isError());
    QVERIFY2(panel->status()->text().startsWith(u"Could not read the env file on nowhere: "_s) &&
            panel->status()->text().contains(u"refused the connection"_s),
        qPrintable(panel->status()->text()));
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(child<QPushButton>(panel, u"compareButton"_s)->isEnabled()); // try again
}

QTEST_MAIN(tst_ProfilesPage)
#include "tst_profilespage.moc"
