#include "widgets/build/buildpage.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "core/build/backgroundbuild.h"
#include "widgets/build/targetlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

BuildPage::BuildPage(QWidget *parent)
    : QWidget(parent)
    , m_targets(new TargetListModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createProjectRow());
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createTargetsBox());
    split->addWidget(createOutputBox());
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    m_status = new QLabel(tr("Open a Go project to build it."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
}

BuildPage::~BuildPage() = default;

QWidget *BuildPage::createProjectRow()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    auto *row = new QHBoxLayout;
    m_projectEdit = new QLineEdit(box);
    m_projectEdit->setReadOnly(true);
    m_projectEdit->setPlaceholderText(tr("No project open"));
    auto *open = new QPushButton(tr("&Open Project…"), box);
    open->setToolTip(tr("Choose the folder that holds your project's go.mod"));
    connect(open, &QPushButton::clicked, this, &BuildPage::chooseProject);
    row->addWidget(m_projectEdit, 1);
    row->addWidget(open);
    form->addRow(tr("Project:"), row);
    m_versionEdit = new QLineEdit(box);
    m_versionEdit->setPlaceholderText(tr("from git (tag, or 0.0.0-<commit>)"));
    m_versionEdit->setToolTip(tr("The version stamped into the binaries; leave empty to take it from git"));
    form->addRow(tr("&Version:"), m_versionEdit);
    return box;
}

QWidget *BuildPage::createTargetsBox()
{
    auto *box = new QGroupBox(tr("Targets"), this);
    auto *layout = new QVBoxLayout(box);
    m_targetsView = new QListView(box);
    m_targetsView->setModel(m_targets);
    layout->addWidget(m_targetsView, 1);
    m_buildButton = new QPushButton(tr("&Build"), box);
    m_buildButton->setToolTip(tr("Build static, version-stamped binaries for the ticked targets"));
    m_buildButton->setEnabled(false);
    m_cancelButton = new QPushButton(tr("&Cancel"), box);
    m_cancelButton->setEnabled(false);
    connect(m_buildButton, &QPushButton::clicked, this, &BuildPage::startBuild);
    connect(m_cancelButton, &QPushButton::clicked, this, &BuildPage::cancelBuild);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_buildButton);
    buttons->addWidget(m_cancelButton);
    layout->addLayout(buttons);
    return box;
}

QWidget *BuildPage::createOutputBox()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_output = new QPlainTextEdit(split);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(20000);
    m_output->setPlaceholderText(tr("Build output appears here."));
    auto *artifactsBox = new QGroupBox(tr("Artifacts"), split);
    auto *layout = new QVBoxLayout(artifactsBox);
    m_artifacts = new QTreeWidget(artifactsBox);
    m_artifacts->setHeaderLabels({ tr("File"), tr("Size"), tr("SHA-256") });
    m_artifacts->setRootIsDecorated(false);
    m_artifacts->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_artifacts);
    m_openFolderButton = new QPushButton(tr("Open &Folder"), artifactsBox);
    m_openFolderButton->setEnabled(false);
    connect(m_openFolderButton, &QPushButton::clicked, this, &BuildPage::openOutputFolder);
    layout->addWidget(m_openFolderButton, 0, Qt::AlignRight);
    split->addWidget(m_output);
    split->addWidget(artifactsBox);
    return split;
}

void BuildPage::chooseProject()
{
    if (isSignalConnected(QMetaMethod::fromSignal(&BuildPage::chooseProjectRequested))) {
        emit chooseProjectRequested();
        return;
    }
    // open(), not exec(): no nested event loop while the dialog is up.
    auto *dialog = new QFileDialog(this, tr("Open Go Project"), m_projectDir);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &BuildPage::openProject);
    dialog->open();
}

void BuildPage::openProject(const QString &dir)
{
    m_projectDir = QDir(dir).absolutePath();
    m_projectEdit->setText(QDir::toNativeSeparators(m_projectDir));
    m_buildButton->setEnabled(!isBuilding());
    m_status->setText(tr("Ready to build. Tick the targets your servers need and press Build."));
    emit projectOpened(m_projectDir);
}

void BuildPage::setBuildSettings(const BuildSettings &settings)
{
    m_settings = settings;
    if (!settings.targets.isEmpty())
        m_targets->setCheckedTargets(settings.targets);
}

void BuildPage::setGoPath(const QString &goPath)
{
    m_goPath = goPath;
}

bool BuildPage::isBuilding() const
{
    return m_session && m_session->isRunning();
}

void BuildPage::startBuild()
{
    BuildOptions options;
    options.projectDir = m_projectDir;
    options.targets = m_targets->checkedTargets();
    options.version = m_versionEdit->text().trimmed();
    options.goPath = m_goPath;
    if (options.targets.isEmpty()) {
        m_status->setText(tr("No target is ticked. Tick at least one platform to build for."));
        return;
    }
    m_settings.applyTo(options);
    m_output->clear();
    m_artifacts->clear();
    m_targets->resetStates();
    m_session = new BackgroundBuild(std::move(options), this);
    connect(m_session, &BackgroundBuild::planned, this, [this](const BuildPlan &plan) {
        m_status->setText(
            tr("Building %1 %2 with %3…").arg(plan.projectName, plan.version.version, plan.goVersion));
    });
    connect(m_session, &BackgroundBuild::warning, this,
        [this](const Error &w) { m_output->appendPlainText(tr("Warning: %1 %2").arg(w.message, w.hint)); });
    connect(m_session, &BackgroundBuild::targetStateChanged, m_targets, &TargetListModel::setState);
    connect(m_session, &BackgroundBuild::targetStateChanged, this,
        [this](const QString &key, BuildSession::TargetState state, const QString &detail) {
            const QString line = u"[%1] %2"_s.arg(key, BuildSession::stateName(state));
            m_output->appendPlainText(detail.isEmpty() ? line : line + u"  "_s + detail);
        });
    connect(m_session, &BackgroundBuild::outputLine, this, [this](const QString &key, const QString &line) {
        m_output->appendPlainText(u"[%1] %2"_s.arg(key, line));
    });
    connect(m_session, &BackgroundBuild::finished, this, &BuildPage::onFinished);
    m_buildButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_openFolderButton->setEnabled(false);
    m_status->setText(tr("Preparing the build…"));
    m_session->start();
}

void BuildPage::cancelBuild()
{
    if (m_session)
        m_session->cancel();
}

void BuildPage::onFinished(const BuildResult &result)
{
    m_buildButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    if (m_session)
        m_session->deleteLater();
    if (!result.success) {
        for (const GoDiagnostic &d : result.diagnostics)
            m_output->appendPlainText(u"%1:%2:%3: %4"_s.arg(QDir::toNativeSeparators(d.file))
                                          .arg(d.line)
                                          .arg(d.column)
                                          .arg(d.message));
        m_status->setText(result.error.hint.isEmpty() ? result.error.message
                                                      : result.error.message + u' ' + result.error.hint);
        return;
    }
    showArtifacts(result);
    m_status->setText(tr("Built %1 %2 into %3.")
                          .arg(result.manifest.project, result.manifest.version,
                              QDir::toNativeSeparators(result.outputDir)));
}

void BuildPage::showArtifacts(const BuildResult &result)
{
    m_outputDir = result.outputDir;
    for (const BuildArtifact &a : result.manifest.artifacts) {
        auto *item =
            new QTreeWidgetItem(m_artifacts, { a.file, locale().formattedDataSize(a.size), a.sha256 });
        item->setToolTip(2, a.sha256);
    }
    m_openFolderButton->setEnabled(true);
}

void BuildPage::openOutputFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_outputDir));
}

} // namespace Gantry
