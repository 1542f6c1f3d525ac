#include "widgets/projects/projectspage.h"

#include <QCheckBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/build/ldflagstemplate.h"
#include "core/common/async.h"
#include "core/common/whenready.h"
#include "core/store/workspace.h"
#include "widgets/build/targetlistmodel.h"
#include "widgets/build/targetsview.h"
#include "widgets/common/appsettings.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/projects/recentprojectsmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// A workspace name from a module's last element: letters, digits, ".", "-" and "_".
QString recordNameFor(const QString &name)
{
    QString clean = name;
    clean.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"-"_s);
    clean.remove(QRegularExpression(u"^[^A-Za-z0-9]+"_s));
    return clean.isEmpty() ? u"project"_s : clean.left(90);
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QRegularExpression(u"[,;\\n]"_s), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << QDir::fromNativeSeparators(item.trimmed());
    }
    return items;
}

} // namespace

ProjectsPage::ProjectsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_recent(new RecentProjectsModel(this))
    , m_targets(new TargetListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createOpenRow());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createRecentBox());
    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *details = new QWidget(scroll);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(createDetectedBox());
    detailsLayout->addWidget(createSettingsBox());
    detailsLayout->addStretch(1);
    scroll->setWidget(details);
    split->addWidget(scroll);
    split->setStretchFactor(1, 3);
    split->setSizes({ 260, 740 });
    layout->addWidget(split, 1);
    refreshRecent();
}

ProjectsPage::~ProjectsPage() = default;

QWidget *ProjectsPage::createOpenRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *open = new QPushButton(tr("&Open Project Folder…"), box);
    open->setObjectName(u"openProjectButton"_s);
    open->setToolTip(tr("Choose the folder that holds your project's go.mod"));
    connect(open, &QPushButton::clicked, this, &ProjectsPage::chooseProject);
    m_projectLabel = valueLabel(box, u"projectLabel"_s);
    m_projectLabel->setText(tr("No project is open."));
    m_status = valueLabel(box, u"projectStatus"_s);
    row->addWidget(open);
    row->addWidget(m_projectLabel, 1);
    auto *column = new QWidget(this);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    layout->addWidget(m_status);
    return column;
}

QWidget *ProjectsPage::createRecentBox()
{
    auto *box = new QGroupBox(tr("Recent projects"), this);
    auto *layout = new QVBoxLayout(box);
    m_recentView = new QListView(box);
    m_recentView->setObjectName(u"recentProjects"_s);
    m_recentView->setModel(m_recent);
    m_recentView->setSpacing(2);
    m_recentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recentView->setToolTip(tr("Double-click or press Enter to open a project"));
    connect(m_recentView, &QListView::activated, this, [this](const QModelIndex &index) {
        openProject(index.data(RecentProjectsModel::PathRole).toString());
    });
    layout->addWidget(m_recentView);
    return box;
}

QWidget *ProjectsPage::createDetectedBox()
{
    m_detectedBox = new QGroupBox(tr("Detected"), this);
    auto *form = new QFormLayout(m_detectedBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_toolchainValue = valueLabel(m_detectedBox, u"toolchainValue"_s);
    m_moduleValue = valueLabel(m_detectedBox, u"moduleValue"_s);
    m_packagesValue = valueLabel(m_detectedBox, u"packagesValue"_s);
    m_versionVarValue = valueLabel(m_detectedBox, u"versionVarValue"_s);
    form->addRow(tr("Go toolchain:"), m_toolchainValue);
    form->addRow(tr("Module:"), m_moduleValue);
    form->addRow(tr("Main packages:"), m_packagesValue);
    form->addRow(tr("Version variable:"), m_versionVarValue);
    auto *warnings = new QWidget(m_detectedBox);
    m_warningsLayout = new QVBoxLayout(warnings);
    m_warningsLayout->setContentsMargins(0, 0, 0, 0);
    m_noWarnings = valueLabel(warnings, u"noWarnings"_s);
    m_warningsLayout->addWidget(m_noWarnings);
    form->addRow(tr("Warnings:"), warnings);
    m_detectedBox->setEnabled(false);
    return m_detectedBox;
}

QWidget *ProjectsPage::createSettingsBox()
{
    m_settingsBox = new QGroupBox(tr("Build settings for this project"), this);
    auto *form = new QFormLayout(m_settingsBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *targets = new TargetsView(m_targets, m_settingsBox);
    targets->setObjectName(u"projectTargets"_s);
    form->addRow(tr("Targets:"), targets);
    m_ldflagsEdit = new QLineEdit(m_settingsBox);
    m_ldflagsEdit->setObjectName(u"ldflagsEdit"_s);
    m_ldflagsEdit->setToolTip(
        tr("Passed to go build -ldflags. Placeholders: %1")
            .arg(u"{{."_s + LdflagsTemplate::fieldNames().join(u"}}, {{."_s) + u"}}"_s));
    form->addRow(tr("&Ldflags template:"), m_ldflagsEdit);
    m_defaultExtraFiles =
        new QCheckBox(tr("Package the usual files (README, LICENSE, config/, static/ …)"), m_settingsBox);
    m_defaultExtraFiles->setObjectName(u"defaultExtraFiles"_s);
    m_extraFilesEdit = new QLineEdit(m_settingsBox);
    m_extraFilesEdit->setObjectName(u"extraFilesEdit"_s);
    m_extraFilesEdit->setPlaceholderText(tr("Files and folders to package, separated by commas"));
    connect(m_defaultExtraFiles, &QCheckBox::toggled, m_extraFilesEdit, &QWidget::setDisabled);
    form->addRow(tr("Extra files:"), m_defaultExtraFiles);
    form->addRow(QString(), m_extraFilesEdit);
    createGoEnvRows(form);
    return m_settingsBox;
}

void ProjectsPage::createGoEnvRows(QFormLayout *form)
{
    m_goproxyEdit = new QLineEdit(m_settingsBox);
    m_goproxyEdit->setObjectName(u"goproxyEdit"_s);
    m_goproxyEdit->setPlaceholderText(tr("Go's default; e.g. https://goproxy.cn,direct in China"));
    form->addRow(u"GOPROXY:"_s, m_goproxyEdit);
    m_goprivateEdit = new QLineEdit(m_settingsBox);
    m_goprivateEdit->setObjectName(u"goprivateEdit"_s);
    m_goprivateEdit->setPlaceholderText(tr("Private module paths, e.g. git.example.com/*"));
    form->addRow(u"GOPRIVATE:"_s, m_goprivateEdit);
    m_settingsError = valueLabel(m_settingsBox, u"settingsError"_s);
    m_settingsError->setStyleSheet(ErrorPanel::errorTextStyle());
    m_settingsError->hide();
    form->addRow(QString(), m_settingsError);
    auto *save = new QPushButton(tr("&Save Settings"), m_settingsBox);
    save->setObjectName(u"saveSettingsButton"_s);
    save->setToolTip(tr("Keep these settings in the workspace; the Build page uses them"));
    connect(save, &QPushButton::clicked, this, &ProjectsPage::saveSettings);
    m_settingsStatus = valueLabel(m_settingsBox, u"settingsStatus"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(save);
    row->addWidget(m_settingsStatus, 1);
    form->addRow(QString(), row);
    m_settingsBox->setEnabled(false);
}

void ProjectsPage::refreshRecent()
{
    if (!m_workspace)
        return;
    if (auto projects = m_workspace->projects())
        m_recent->setProjects(*projects, AppSettings::recentProjects());
    else
        m_status->setText(projects.error().toString());
}

void ProjectsPage::chooseProject()
{
    FileDialogs::chooseDirectory(
        this, tr("Open Go Project"), m_record.path, [self = QPointer(this)](const QString &dir) {
            if (self)
                self->openProject(dir);
        });
}

void ProjectsPage::openProject(const QString &dir)
{
    const QString clean = QDir::cleanPath(QDir(dir).absolutePath());
    const int generation = ++m_generation;
    m_detecting = true;
    m_projectLabel->setText(QDir::toNativeSeparators(clean));
    m_status->setText(tr("Looking at the project…"));
    auto detection = std::make_shared<Detection>();
    const auto answered = [self = QPointer(this), generation, clean, detection] {
        if (--detection->pending == 0 && self && self->m_generation == generation)
            self->onDetected(clean, *detection);
    };
    whenReady(runInPool([clean] { return GoProject::scan(clean); }), this,
        [detection, answered](Result<GoProject> project) {
            detection->project = std::move(project);
            answered();
        });
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const Result<QString> goPath = GoToolchain::find(AppSettings::goPath(), env);
    if (!goPath) {
        detection->toolchain = std::unexpected(goPath.error());
        answered();
        return;
    }
    whenReady(GoToolchain::probe(*goPath, env), this, [detection, answered](Result<GoToolchain> toolchain) {
        detection->toolchain = std::move(toolchain);
        answered();
    });
}

void ProjectsPage::onDetected(const QString &dir, const Detection &detection)
{
    m_detecting = false;
    if (!detection.project) {
        m_status->setText(tr("%1 is not a Go project Gantry can open: %2")
                              .arg(QDir::toNativeSeparators(dir), detection.project.error().toString()));
        return;
    }
    const Result<ProjectRecord> record = registerProject(*detection.project);
    if (!record) {
        m_status->setText(record.error().toString());
        return;
    }
    m_record = *record;
    AppSettings::addRecentProject(m_record.path);
    refreshRecent();
    m_status->setText(tr("Project %1 is open. Its profiles are on the Profiles page.").arg(m_record.name));
    showDetection(detection);
    loadSettings(*detection.project);
    emit projectOpened(m_record.name, m_record.path);
}

Result<ProjectRecord> ProjectsPage::registerProject(const GoProject &project)
{
    if (!m_workspace)
        return fail(
            tr("No workspace is open."), tr("Choose a workspace folder in Settings and restart Gantry."));
    const Result<QList<ProjectRecord>> projects = m_workspace->projects();
    if (!projects)
        return std::unexpected(projects.error());
    QStringList names;
    for (const ProjectRecord &known : *projects) {
        if (QDir::cleanPath(known.path) == QDir::cleanPath(project.dir))
            return known;
        names << known.name;
    }
    const QString base = recordNameFor(project.name);
    QString name = base;
    for (int i = 2; names.contains(name); ++i)
        name = base + u'-' + QString::number(i);
    const ProjectRecord record { name, QDir::cleanPath(project.dir), {}, {} };
    if (auto ok = m_workspace->addProject(record); !ok)
        return std::unexpected(ok.error());
    return m_workspace->project(name);
}

void ProjectsPage::showDetection(const Detection &detection)
{
    const GoProject &project = *detection.project;
    m_detectedBox->setEnabled(true);
    m_toolchainValue->setText(detection.toolchain
            ? tr("%1 at %2")
                  .arg(
                      detection.toolchain->versionText, QDir::toNativeSeparators(detection.toolchain->goPath))
            : tr("not found"));
    m_moduleValue->setText(project.mod.modulePath);
    QStringList packages;
    QStringList versionVars;
    for (const GoMainPackage &main : project.mainPackages) {
        packages << (main.relativeDir == u"."_s ? tr("%1 (the module root)").arg(main.binaryName)
                                                : main.relativeDir);
        if (!main.versionVar.isEmpty())
            versionVars << GoProject::symbolFor(main, main.versionVar);
    }
    m_packagesValue->setText(packages.isEmpty() ? tr("none found") : packages.join(u", "_s));
    m_versionVarValue->setText(versionVars.isEmpty() ? tr("none found") : versionVars.join(u", "_s));

    QList<Error> warnings;
    if (!detection.toolchain)
        warnings << detection.toolchain.error();
    else if (auto ok = detection.toolchain->checkCompatibility(project.mod); !ok)
        warnings << ok.error();
    warnings << project.cgoWarnings();
    for (const GoMainPackage &main : project.mainPackages) {
        if (main.versionVar.isEmpty())
            warnings << Error { tr("The package %1 has no version variable, so its binary will not know "
                                   "its version.")
                                    .arg(main.importPath),
                tr("Add `var version = \"dev\"` to package main, or set an ldflags template below."), {} };
    }
    showWarnings(warnings);
}

void ProjectsPage::showWarnings(const QList<Error> &warnings)
{
    const QList<QLabel *> old =
        m_warningsLayout->parentWidget()->findChildren<QLabel *>(u"warning"_s, Qt::FindDirectChildrenOnly);
    qDeleteAll(old);
    m_noWarnings->setText(tr("None. The project can be built as static binaries."));
    m_noWarnings->setVisible(warnings.isEmpty());
    for (const Error &warning : warnings) {
        auto *label = valueLabel(m_warningsLayout->parentWidget(), u"warning"_s);
        label->setTextFormat(Qt::RichText);
        label->setText(u"<b>⚠ %1</b><br>%2"_s.arg(
            warning.message.toHtmlEscaped(), tr("Fix: %1").arg(warning.hint).toHtmlEscaped()));
        label->setToolTip(warning.cause);
        m_warningsLayout->addWidget(label);
    }
}

void ProjectsPage::loadSettings(const GoProject &project)
{
    const BuildSettings settings = BuildSettings::fromJson(m_record.buildSettings);
    m_targets->setCheckedTargets(
        settings.targets.isEmpty() ? AppSettings::defaultTargets() : settings.targets);
    QString versionSymbol;
    if (!project.mainPackages.isEmpty() && !project.mainPackages.first().versionVar.isEmpty())
        versionSymbol =
            GoProject::symbolFor(project.mainPackages.first(), project.mainPackages.first().versionVar);
    m_ldflagsEdit->setPlaceholderText(tr("Default: %1").arg(LdflagsTemplate::defaultTemplate(versionSymbol)));
    m_ldflagsEdit->setText(settings.ldflagsTemplate);
    m_defaultExtraFiles->setChecked(!settings.extraFiles);
    m_defaultExtraFiles->setToolTip(project.defaultExtraFiles.isEmpty()
            ? tr("This project has none of them.")
            : tr("In this project: %1").arg(project.defaultExtraFiles.join(u", "_s)));
    m_extraFilesEdit->setText(settings.extraFiles.value_or(project.defaultExtraFiles).join(u", "_s));
    m_goproxyEdit->setText(settings.goEnv.value(u"GOPROXY"_s));
    m_goprivateEdit->setText(settings.goEnv.value(u"GOPRIVATE"_s));
    m_settingsError->hide();
    m_settingsStatus->clear();
    m_settingsBox->setEnabled(true);
}

BuildSettings ProjectsPage::settingsFromForm() const
{
    BuildSettings settings;
    settings.targets = m_targets->checkedTargets();
    settings.ldflagsTemplate = m_ldflagsEdit->text().trimmed();
    if (!m_defaultExtraFiles->isChecked())
        settings.extraFiles = splitList(m_extraFilesEdit->text());
    const std::pair<QString, QLineEdit *> env[] = { { u"GOPROXY"_s, m_goproxyEdit },
        { u"GOPRIVATE"_s, m_goprivateEdit } };
    for (const auto &[name, edit] : env) {
        if (!edit->text().trimmed().isEmpty())
            settings.goEnv.insert(name, edit->text().trimmed());
    }
    return settings;
}

BuildSettings ProjectsPage::effectiveBuildSettings() const
{
    BuildSettings settings = BuildSettings::fromJson(m_record.buildSettings);
    if (settings.targets.isEmpty())
        settings.targets = AppSettings::defaultTargets();
    return settings;
}

void ProjectsPage::saveSettings()
{
    const BuildSettings settings = settingsFromForm();
    if (settings.targets.isEmpty())
        return showSettingsError(tr("Tick at least one target platform."));
    if (auto ok = settings.validate(m_record.path); !ok)
        return showSettingsError(ok.error().toString());
    ProjectRecord record = m_record;
    settings.writeTo(record.buildSettings);
    if (auto ok = m_workspace->updateProject(record); !ok)
        return showSettingsError(ok.error().toString());
    m_record = record;
    m_settingsError->hide();
    m_settingsStatus->setText(tr("Saved. The Build page uses these settings."));
    emit buildSettingsChanged(effectiveBuildSettings());
}

void ProjectsPage::showSettingsError(const QString &text)
{
    m_settingsStatus->clear();
    m_settingsError->setText(text);
    m_settingsError->show();
}

} // namespace Gantry
