#include "widgets/profiles/variablespanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include "core/common/logging.h"
#include "core/common/whenready.h"
#include "core/profile/dotenv.h"
#include "core/profile/envname.h"
#include "core/secret/secretstore.h"
#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/profiles/variabletablemodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

VariablesPanel::SecretWriter g_secretWriter;

QFuture<Result<void>> writeSecret(const QString &key, const QString &value)
{
    return g_secretWriter ? g_secretWriter(key, value) : SecretStore::write(key, value);
}

void forgetSecret(const QString &key)
{
    SecretStore::remove(key).then([key](const Result<void> &ok) {
        if (!ok)
            qCWarning(lcApp) << "could not remove the keychain entry" << key << ok.error().message;
    });
}

} // namespace

VariablesPanel::VariablesPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new VariableTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createServerRow());
    layout->addWidget(createTable(), 1);
    layout->addWidget(createEditor());
    layout->addWidget(createFileRow());
    m_status = new QLabel(this);
    m_status->setObjectName(u"variablesStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
}

VariablesPanel::~VariablesPanel() = default;

void VariablesPanel::setSecretWriterForTest(SecretWriter writer)
{
    g_secretWriter = std::move(writer);
}

QWidget *VariablesPanel::createServerRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_serverCombo = new QComboBox(box);
    m_serverCombo->setObjectName(u"serverCombo"_s);
    m_serverCombo->setToolTip(tr("Values for one server override the profile's values on that server only"));
    m_serverCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_serverCombo->setMinimumContentsLength(16); // room for CJK text, which AdjustToContents underestimates
    connect(m_serverCombo, &QComboBox::activated, this,
        [this] { setServer(m_serverCombo->currentData().toString()); });
    auto *label = new QLabel(tr("Values f&or:"), box);
    label->setBuddy(m_serverCombo);
    row->addWidget(label);
    row->addWidget(m_serverCombo);
    row->addStretch(1);
    return box;
}

QWidget *VariablesPanel::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(u"variablesTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(VariableTableModel::ValueColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(u"MMMMM"_s));
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &VariablesPanel::onCurrentRowChanged);
    connect(m_table, &QTableView::clicked, this, &VariablesPanel::onTableClicked);
    connect(m_table, &QTableView::activated, this, &VariablesPanel::onTableClicked);
    return m_table;
}

QWidget *VariablesPanel::createEditor()
{
    auto *box = new QGroupBox(tr("Variable"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(u"variableNameEdit"_s);
    m_nameEdit->setPlaceholderText(u"DATABASE_URL"_s);
    connect(m_nameEdit, &QLineEdit::textEdited, this, &VariablesPanel::checkName);
    m_nameError = new QLabel(box);
    m_nameError->setObjectName(u"variableNameError"_s);
    m_nameError->setWordWrap(true);
    m_nameError->setStyleSheet(ErrorPanel::errorTextStyle());
    m_nameError->hide();
    m_valueEdit = new QLineEdit(box);
    m_valueEdit->setObjectName(u"variableValueEdit"_s);
    m_secretCheck = new QCheckBox(tr("S&ecret: keep the value in the system keychain"), box);
    m_secretCheck->setObjectName(u"variableSecretCheck"_s);
    connect(m_secretCheck, &QCheckBox::toggled, this,
        [this](bool secret) { m_valueEdit->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal); });
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Va&lue:"), m_valueEdit);
    form->addRow(QString(), m_secretCheck);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Ne&w"), box);
    add->setObjectName(u"newVariableButton"_s);
    m_saveButton = new QPushButton(tr("&Save Variable"), box);
    m_saveButton->setObjectName(u"saveVariableButton"_s);
    m_removeButton = new QPushButton(tr("&Remove"), box);
    m_removeButton->setObjectName(u"removeVariableButton"_s);
    m_removeButton->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &VariablesPanel::newVariable);
    connect(m_saveButton, &QPushButton::clicked, this, &VariablesPanel::saveVariable);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &VariablesPanel::saveVariable);
    connect(m_valueEdit, &QLineEdit::returnPressed, this, &VariablesPanel::saveVariable);
    connect(m_removeButton, &QPushButton::clicked, this, &VariablesPanel::removeVariable);
    buttons->addWidget(add);
    buttons->addStretch(1);
    buttons->addWidget(m_removeButton);
    buttons->addWidget(m_saveButton);
    form->addRow(buttons);
    return box;
}

QWidget *VariablesPanel::createFileRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *import = new QPushButton(tr("&Import .env…"), box);
    import->setObjectName(u"importEnvButton"_s);
    import->setToolTip(tr("Add the variables of a .env file to this profile (values as plain text)"));
    auto *exportButton = new QPushButton(tr("E&xport .env…"), box);
    exportButton->setObjectName(u"exportEnvButton"_s);
    exportButton->setToolTip(tr("Write the effective variables to a .env file"));
    m_includeSecrets = new QCheckBox(tr("Include secre&t values"), box);
    m_includeSecrets->setObjectName(u"includeSecretsCheck"_s);
    m_includeSecrets->setToolTip(tr("Off: secrets are left out of the exported file"));
    connect(import, &QPushButton::clicked, this, &VariablesPanel::importEnv);
    connect(exportButton, &QPushButton::clicked, this, &VariablesPanel::exportEnv);
    row->addWidget(import);
    row->addWidget(exportButton);
    row->addWidget(m_includeSecrets);
    row->addStretch(1);
    return box;
}

void VariablesPanel::showEvent(QShowEvent *event)
{
    refreshServers(); // servers may have been added since
    QWidget::showEvent(event);
}

void VariablesPanel::refreshServers()
{
    const QString current = m_scope.server;
    m_serverCombo->clear();
    m_serverCombo->addItem(tr("(all servers)"), QString());
    const Result<QList<ServerRecord>> servers = m_workspace ? m_workspace->servers() : QList<ServerRecord>();
    for (const ServerRecord &server : servers.value_or(QList<ServerRecord>()))
        m_serverCombo->addItem(tr("%1 only").arg(server.name), server.name);
    m_serverCombo->setCurrentIndex(std::max(0, m_serverCombo->findData(current)));
}

void VariablesPanel::setProfile(const QString &project, const QString &profile)
{
    m_scope.project = project;
    m_scope.profile = profile;
    ++m_generation;
    m_model->hideAll();
    refreshServers();
    reload();
    newVariable();
}

void VariablesPanel::setServer(const QString &server)
{
    if (server == m_scope.server)
        return;
    m_scope.server = server;
    ++m_generation;
    m_model->hideAll();
    m_serverCombo->setCurrentIndex(std::max(0, m_serverCombo->findData(server)));
    reload();
    newVariable();
}

void VariablesPanel::reload()
{
    if (!m_workspace || m_scope.project.isEmpty()) {
        m_model->setVariables({}, {}, {});
        return;
    }
    const Result<ResolvedProfile> resolved =
        m_workspace->resolve(m_scope.project, m_scope.profile, m_scope.server);
    if (!resolved) {
        m_model->setVariables({}, m_scope.profile, m_scope.server);
        showError(resolved.error().toString());
        return;
    }
    m_model->setVariables(resolved->variables, m_scope.profile, m_scope.server);
    emit variablesChanged();
}

void VariablesPanel::onCurrentRowChanged()
{
    const int row = m_table->currentIndex().row();
    if (row < 0) {
        m_removeButton->setEnabled(false);
        return;
    }
    const ResolvedVariable &v = m_model->variableAt(row);
    m_nameEdit->setText(v.variable.name);
    m_nameError->hide();
    m_secretCheck->setChecked(v.variable.secret);
    m_valueEdit->setText(v.variable.secret ? QString() : v.variable.value);
    m_valueEdit->setPlaceholderText(
        v.variable.secret ? tr("(unchanged; type a new value to replace it)") : QString());
    const bool own = m_model->isOwn(row);
    m_removeButton->setEnabled(own);
    m_removeButton->setToolTip(own
            ? QString()
            : tr("Set by %1: remove it there, or save a value here to override it.")
                  .arg(m_model->index(row, VariableTableModel::OriginColumn).data().toString()));
}

void VariablesPanel::onTableClicked(const QModelIndex &index)
{
    if (index.column() == VariableTableModel::RevealColumn &&
        m_model->variableAt(index.row()).variable.secret)
        reveal(index.row());
}

bool VariablesPanel::checkName()
{
    const Result<void> ok = EnvName::check(m_nameEdit->text().trimmed());
    m_nameError->setVisible(!ok);
    if (!ok)
        m_nameError->setText(ok.error().message + u' ' + ok.error().hint);
    return ok.has_value();
}

void VariablesPanel::newVariable()
{
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_nameEdit->clear();
    m_valueEdit->clear();
    m_valueEdit->setPlaceholderText(QString());
    m_secretCheck->setChecked(false);
    m_nameError->hide();
    m_nameEdit->setFocus();
}

void VariablesPanel::saveVariable()
{
    if (m_scope.project.isEmpty() || !checkName())
        return;
    const QString name = m_nameEdit->text().trimmed();
    const QString value = m_valueEdit->text();
    const int row = m_model->rowOf(name);
    const bool wasOwnSecret = row >= 0 && m_model->isOwn(row) && m_model->variableAt(row).variable.secret;
    const QString oldKey = wasOwnSecret ? m_model->variableAt(row).variable.keychainKey : QString();
    if (!m_secretCheck->isChecked()) {
        if (auto ok = m_workspace->setVariable(
                m_scope.project, m_scope.profile, { name, value, false, {} }, m_scope.server);
            !ok)
            return showError(ok.error().toString());
        if (!oldKey.isEmpty())
            forgetSecret(oldKey);
        reload();
        return showStatus(tr("Saved %1.").arg(name));
    }
    if (value.isEmpty())
        return wasOwnSecret
            ? showStatus(tr("%1 is unchanged.").arg(name))
            : showError(tr("Enter the value of the secret %1; it goes to the system keychain.").arg(name));
    setBusy(true);
    storeSecret(m_scope, name, value, [this, name](const Result<void> &ok) {
        setBusy(false);
        if (!ok)
            return showError(tr("The secret %1 was not saved: %2").arg(name, ok.error().toString()));
        m_valueEdit->clear();
        m_model->hide(name);
        reload();
        showStatus(tr("Saved %1 in the system keychain.").arg(name));
    });
}

// Keychain first: only when the value is safely there does the workspace get the reference.
void VariablesPanel::storeSecret(const Scope &scope, const QString &name, const QString &value,
    std::function<void(const Result<void> &)> done)
{
    const QString key =
        Workspace::keychainKey(m_workspace->id(), scope.project, scope.profile, name, scope.server);
    whenReady(writeSecret(key, value), this, [this, scope, name, key, done](const Result<void> &written) {
        if (!written)
            return done(written);
        const Result<VariableRecord> stored =
            m_workspace->setVariable(scope.project, scope.profile, { name, {}, true, {} }, scope.server);
        if (!stored) {
            forgetSecret(key);
            return done(std::unexpected(stored.error()));
        }
        done({});
    });
}

void VariablesPanel::removeVariable()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || !m_model->isOwn(row))
        return;
    const VariableRecord variable = m_model->variableAt(row).variable;
    if (auto ok =
            m_workspace->removeVariable(m_scope.project, m_scope.profile, variable.name, m_scope.server);
        !ok)
        return showError(ok.error().toString());
    if (variable.secret)
        forgetSecret(variable.keychainKey);
    reload();
    newVariable();
    showStatus(tr("Removed %1.").arg(variable.name));
}

void VariablesPanel::reveal(int row)
{
    const VariableRecord variable = m_model->variableAt(row).variable;
    if (m_model->isRevealed(row))
        return m_model->hide(variable.name);
    const int generation = m_generation;
    whenReady(SecretStore::read(variable.keychainKey), this,
        [this, generation, name = variable.name](const Result<QString> &value) {
            if (m_generation != generation)
                return;
            if (!value)
                return showError(value.error().toString());
            m_model->setRevealed(name, *value);
        });
}

void VariablesPanel::importEnv()
{
    if (m_scope.project.isEmpty())
        return;
    FileDialogs::chooseFileToOpen(this, tr("Import .env File"), QDir::homePath(),
        tr("Environment files (*.env .env*);;All files (*)"), [self = QPointer(this)](const QString &path) {
            if (self)
                self->importFile(path);
        });
}

void VariablesPanel::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return showError(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const Result<QList<EnvVariable>> parsed = Dotenv::parse(file.readAll(), QDir::toNativeSeparators(path));
    if (!parsed)
        return showError(tr("Nothing was imported. %1").arg(parsed.error().toString()));
    QList<EnvVariable> secrets;
    QList<EnvVariable> plain;
    for (const EnvVariable &variable : *parsed) {
        const int row = m_model->rowOf(variable.name);
        const bool secret = row >= 0 && m_model->isOwn(row) && m_model->variableAt(row).variable.secret;
        (secret ? secrets : plain) << variable;
    }
    const Scope scope = m_scope;
    const Result<void> ok = m_workspace->transaction([&]() -> Result<void> {
        for (const EnvVariable &variable : std::as_const(plain)) {
            if (auto set = m_workspace->setVariable(
                    scope.project, scope.profile, { variable.name, variable.value, false, {} }, scope.server);
                !set)
                return std::unexpected(set.error());
        }
        return {};
    });
    if (!ok)
        return showError(tr("Nothing was imported. %1").arg(ok.error().toString()));
    importSecrets(scope, secrets, int(plain.size()));
}

// Variables that are secrets here stay secrets: their new values go to the keychain, one by one.
void VariablesPanel::importSecrets(const Scope &scope, QList<EnvVariable> secrets, int plainCount)
{
    if (secrets.isEmpty()) {
        setBusy(false);
        reload();
        return showStatus(tr("Imported %n variable(s).", nullptr, plainCount));
    }
    setBusy(true);
    const EnvVariable next = secrets.takeFirst();
    storeSecret(scope, next.name, next.value,
        [this, scope, secrets, plainCount, name = next.name](const Result<void> &ok) {
            if (!ok) {
                setBusy(false);
                reload();
                return showError(tr("The secret %1 was not imported: %2").arg(name, ok.error().toString()));
            }
            importSecrets(scope, secrets, plainCount + 1);
        });
}

void VariablesPanel::exportEnv()
{
    if (m_scope.project.isEmpty())
        return;
    const QString name = m_scope.project + u'-' + m_scope.profile +
        (m_scope.server.isEmpty() ? QString() : u'-' + m_scope.server) + u".env"_s;
    FileDialogs::chooseFileToSave(this, tr("Export .env File"), QDir::home().filePath(name),
        tr("Environment files (*.env .env*);;All files (*)"), [self = QPointer(this)](const QString &path) {
            if (!self)
                return;
            QList<EnvVariable> variables;
            QStringList keys;
            const bool withSecrets = self->m_includeSecrets->isChecked();
            for (int row = 0; row < self->m_model->rowCount(); ++row) {
                const VariableRecord &v = self->m_model->variableAt(row).variable;
                if (v.secret && !withSecrets)
                    continue;
                variables << EnvVariable { v.name, v.value, v.secret, 0 };
                keys << (v.secret ? v.keychainKey : QString());
            }
            self->setBusy(true);
            self->exportWith(path, variables, keys, 0);
        });
}

void VariablesPanel::exportWith(
    const QString &path, QList<EnvVariable> variables, const QStringList &keys, int next)
{
    while (next < variables.size() && keys.at(next).isEmpty())
        ++next;
    if (next >= variables.size())
        return writeExport(path, variables);
    whenReady(SecretStore::read(keys.at(next)), this,
        [this, path, variables, keys, next](const Result<QString> &value) mutable {
            if (!value) {
                setBusy(false);
                return showError(tr("Nothing was exported. %1").arg(value.error().toString()));
            }
            variables[next].value = *value;
            exportWith(path, std::move(variables), keys, next + 1);
        });
}

void VariablesPanel::writeExport(const QString &path, const QList<EnvVariable> &variables)
{
    setBusy(false);
    const Result<QByteArray> text = Dotenv::write(variables);
    if (!text)
        return showError(tr("Nothing was exported. %1").arg(text.error().toString()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*text) != text->size() || !file.commit())
        return showError(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const bool withSecrets =
        std::any_of(variables.begin(), variables.end(), [](const EnvVariable &v) { return v.secret; });
    if (withSecrets) // only its owner may read a file that holds secrets
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    showStatus(tr("Exported %n variable(s) to %1.", nullptr, int(variables.size()))
                   .arg(QDir::toNativeSeparators(path)));
}

void VariablesPanel::setBusy(bool busy)
{
    m_saveButton->setEnabled(!busy);
    if (busy)
        showStatus(tr("Talking to the system keychain…"));
}

void VariablesPanel::showStatus(const QString &text)
{
    m_status->setStyleSheet(QString());
    m_status->setText(text);
}

void VariablesPanel::showError(const QString &text)
{
    m_status->setStyleSheet(ErrorPanel::errorTextStyle());
    m_status->setText(text);
}

} // namespace Gantry
