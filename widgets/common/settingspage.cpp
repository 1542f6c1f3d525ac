#include "widgets/common/settingspage.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/build/gotoolchain.h"
#include "core/common/whenready.h"
#include "core/store/workspace.h"
#include "widgets/build/targetlistmodel.h"
#include "widgets/build/targetsview.h"
#include "widgets/common/appearance.h"
#include "widgets/common/appsettings.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QLabel *noteLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A field with a note under it, both in the form's field column.
QWidget *withNote(QWidget *parent, QLayout *field, QLabel *note)
{
    auto *box = new QWidget(parent);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(field);
    column->addWidget(note);
    return box;
}

QWidget *withNote(QWidget *parent, QWidget *field, QLabel *note)
{
    auto *row = new QHBoxLayout;
    row->addWidget(field);
    return withNote(parent, row, note);
}

} // namespace

SettingsPage::SettingsPage(const QString &workspaceInUse, QWidget *parent)
    : QWidget(parent)
    , m_workspaceInUse(QDir::cleanPath(workspaceInUse))
    , m_targets(new TargetListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createWorkspaceBox());
    layout->addWidget(createGoBox());
    layout->addWidget(createAppearanceBox());
    layout->addStretch(1);
    checkGoPath(AppSettings::goPath());
}

SettingsPage::~SettingsPage() = default;

QWidget *SettingsPage::createWorkspaceBox()
{
    auto *box = new QGroupBox(tr("Workspace"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_workspaceEdit = new QLineEdit(QDir::toNativeSeparators(AppSettings::workspaceDir()), box);
    m_workspaceEdit->setObjectName(u"workspaceEdit"_s);
    m_workspaceEdit->setReadOnly(true);
    m_workspaceEdit->setToolTip(tr("Projects, servers, profiles and the deployment history are kept here"));
    auto *change = new QPushButton(tr("&Change…"), box);
    change->setObjectName(u"changeWorkspaceButton"_s);
    connect(change, &QPushButton::clicked, this, [this] {
        FileDialogs::chooseDirectory(this, tr("Choose the Workspace Folder"), AppSettings::workspaceDir(),
            [self = QPointer(this)](const QString &dir) {
                if (self)
                    self->setWorkspaceDir(dir);
            });
    });
    auto *reset = new QPushButton(tr("&Default"), box);
    reset->setToolTip(QDir::toNativeSeparators(Workspace::defaultDir()));
    connect(reset, &QPushButton::clicked, this, [this] { setWorkspaceDir(Workspace::defaultDir()); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_workspaceEdit, 1);
    row->addWidget(change);
    row->addWidget(reset);
    m_workspaceNote = noteLabel(box, u"workspaceNote"_s);
    form->addRow(tr("Folder:"), withNote(box, row, m_workspaceNote));
    showWorkspaceNote();
    return box;
}

QWidget *SettingsPage::createGoBox()
{
    auto *box = new QGroupBox(tr("Building"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_goEdit = new QLineEdit(AppSettings::goPath(), box);
    m_goEdit->setObjectName(u"goPathEdit"_s);
    m_goEdit->setPlaceholderText(tr("Found automatically (PATH, GOROOT, usual install folders)"));
    m_goEdit->setClearButtonEnabled(true);
    connect(m_goEdit, &QLineEdit::editingFinished, this, [this] { checkGoPath(m_goEdit->text().trimmed()); });
    auto *browse = new QPushButton(tr("&Browse…"), box);
    connect(browse, &QPushButton::clicked, this, &SettingsPage::chooseGo);
    auto *row = new QHBoxLayout;
    row->addWidget(m_goEdit, 1);
    row->addWidget(browse);
    m_goStatus = noteLabel(box, u"goStatus"_s);
    auto *goLabel = new QLabel(tr("&Go program:"), box);
    goLabel->setBuddy(m_goEdit);
    form->addRow(goLabel, withNote(box, row, m_goStatus));
    m_targets->setCheckedTargets(AppSettings::defaultTargets());
    auto *targets = new TargetsView(m_targets, box);
    targets->setObjectName(u"defaultTargets"_s);
    connect(m_targets, &QAbstractItemModel::dataChanged, this, &SettingsPage::saveDefaultTargets);
    m_targetsNote = noteLabel(box, u"targetsNote"_s);
    m_targetsNote->setText(tr("New projects build for these platforms until you choose others for them."));
    form->addRow(tr("Default targets:"), withNote(box, targets, m_targetsNote));
    return box;
}

QWidget *SettingsPage::createAppearanceBox()
{
    auto *box = new QGroupBox(tr("Appearance"), this);
    auto *form = new QFormLayout(box);
    m_languageCombo = new QComboBox(box);
    m_languageCombo->setObjectName(u"languageCombo"_s);
    m_languageCombo->addItem(tr("Follow the system"), QString());
    m_languageCombo->addItem(u"English"_s, u"en"_s);
    m_languageCombo->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(AppSettings::language())));
    auto *languageNote = noteLabel(box, u"languageNote"_s);
    languageNote->setText(tr("The language changes the next time Gantry starts."));
    connect(m_languageCombo, &QComboBox::activated, this,
        [this] { AppSettings::setLanguage(m_languageCombo->currentData().toString()); });
    m_themeCombo = new QComboBox(box);
    m_themeCombo->setObjectName(u"themeCombo"_s);
    m_themeCombo->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_themeCombo->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_themeCombo->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_themeCombo->setCurrentIndex(std::max(0, m_themeCombo->findData(int(AppSettings::theme()))));
    connect(m_themeCombo, &QComboBox::activated, this, [this] {
        const auto theme = AppSettings::Theme(m_themeCombo->currentData().toInt());
        AppSettings::setTheme(theme);
        Appearance::apply(theme);
    });
    auto *languageLabel = new QLabel(tr("&Language:"), box);
    languageLabel->setBuddy(m_languageCombo);
    form->addRow(languageLabel, withNote(box, m_languageCombo, languageNote));
    form->addRow(tr("&Theme:"), m_themeCombo);
    return box;
}

void SettingsPage::setWorkspaceDir(const QString &dir)
{
    AppSettings::setWorkspaceDir(dir);
    m_workspaceEdit->setText(QDir::toNativeSeparators(AppSettings::workspaceDir()));
    showWorkspaceNote();
}

void SettingsPage::showWorkspaceNote()
{
    const QString chosen = QDir::cleanPath(AppSettings::workspaceDir());
    m_workspaceNote->setText(chosen == m_workspaceInUse
            ? tr("Changing the folder takes effect the next time Gantry starts.")
            : tr("Gantry uses this folder from its next start; until then it keeps using %1.")
                  .arg(QDir::toNativeSeparators(m_workspaceInUse)));
}

void SettingsPage::chooseGo()
{
    FileDialogs::chooseFileToOpen(this, tr("Choose the Go Program"),
        QFileInfo(m_goEdit->text()).absolutePath(), tr("Go (go go.exe);;All files (*)"),
        [self = QPointer(this)](const QString &path) {
            if (!self)
                return;
            self->m_goEdit->setText(QDir::toNativeSeparators(path));
            self->checkGoPath(path);
        });
}

void SettingsPage::checkGoPath(const QString &path)
{
    const int generation = ++m_goGeneration;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const Result<QString> goPath = GoToolchain::find(QDir::fromNativeSeparators(path), env);
    m_goStatus->setStyleSheet(goPath ? QString() : ErrorPanel::errorTextStyle());
    if (!goPath) {
        m_goStatus->setText(goPath.error().toString());
        return;
    }
    m_checkingGo = true;
    m_goStatus->setText(tr("Checking %1…").arg(QDir::toNativeSeparators(*goPath)));
    whenReady(GoToolchain::probe(*goPath, env), this,
        [this, generation, path](const Result<GoToolchain> &toolchain) {
            if (m_goGeneration != generation)
                return;
            m_checkingGo = false;
            m_goStatus->setStyleSheet(toolchain ? QString() : ErrorPanel::errorTextStyle());
            if (!toolchain)
                return m_goStatus->setText(toolchain.error().toString());
            m_goStatus->setText(
                tr("Go %1 at %2.")
                    .arg(toolchain->version.toString(), QDir::toNativeSeparators(toolchain->goPath)));
            const QString saved = QDir::fromNativeSeparators(path);
            if (saved != AppSettings::goPath()) {
                AppSettings::setGoPath(saved);
                emit goPathChanged(saved);
            }
        });
}

void SettingsPage::saveDefaultTargets()
{
    const QList<BuildTarget> targets = m_targets->checkedTargets();
    m_targetsNote->setStyleSheet(targets.isEmpty() ? ErrorPanel::errorTextStyle() : QString());
    if (targets.isEmpty()) {
        m_targetsNote->setText(tr("Tick at least one platform; until then the last choice is kept."));
        return;
    }
    m_targetsNote->setText(tr("New projects build for these platforms until you choose others for them."));
    AppSettings::setDefaultTargets(targets);
    emit defaultTargetsChanged(targets);
}

} // namespace Gantry
