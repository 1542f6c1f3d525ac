#include "widgets/deploy/buildoutputchooser.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/common/async.h"
#include "core/common/whenready.h"
#include "core/deploy/deployplanner.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"

using namespace Qt::StringLiterals;

namespace Gantry {

BuildOutputChooser::BuildOutputChooser(QWidget *parent)
    : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"deployOutputCombo"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(14);
    m_combo->setToolTip(tr("Build now, or deploy a finished build of this project as it is"));
    m_combo->addItem(tr("Build now"), QString());
    connect(m_combo, &QComboBox::currentIndexChanged, this, &BuildOutputChooser::onChosen);
    m_browse = new QPushButton(tr("Bro&wse…"), this);
    m_browse->setObjectName(u"deployOutputBrowseButton"_s);
    m_browse->setToolTip(tr("Choose a build folder (one with manifest.json, such as dist/1.2.0)"));
    connect(m_browse, &QPushButton::clicked, this, &BuildOutputChooser::browse);
    row->addWidget(m_combo, 1);
    row->addWidget(m_browse);
    column->addLayout(row);
    m_label = new QLabel(this);
    m_label->setObjectName(u"deployOutputLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_label);
    onChosen();
}

BuildOutputChooser::~BuildOutputChooser() = default;

void BuildOutputChooser::setProject(const QString &project, const QString &projectDir)
{
    m_project = project;
    m_projectDir = projectDir;
    {
        const QSignalBlocker blocker(m_combo);
        while (m_combo->count() > 1)
            m_combo->removeItem(1);
        m_combo->setCurrentIndex(0);
    }
    onChosen();
    reloadRecent();
}

QWidget *BuildOutputChooser::buddy() const
{
    return m_combo;
}

QString BuildOutputChooser::folder() const
{
    return m_combo->currentData().toString();
}

void BuildOutputChooser::choose(const QString &dir)
{
    if (dir.isEmpty())
        return m_combo->setCurrentIndex(0);
    addFolder(QDir(dir).absolutePath(), QDir::toNativeSeparators(dir));
}

void BuildOutputChooser::addFolder(const QString &dir, const QString &text)
{
    int index = m_combo->findData(dir);
    if (index < 0) {
        m_combo->addItem(text, dir);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

void BuildOutputChooser::browse()
{
    const QString start = m_projectDir.isEmpty() ? QDir::homePath() : QDir(m_projectDir).filePath(u"dist"_s);
    FileDialogs::chooseDirectory(
        this, tr("Choose a Build Folder"), start, [self = QPointer(this)](const QString &dir) {
            if (self && !dir.isEmpty())
                self->choose(dir);
        });
}

// Read off the GUI thread; new builds are added, the current choice stays.
void BuildOutputChooser::reloadRecent()
{
    if (m_projectDir.isEmpty())
        return;
    const QDir projectDir(m_projectDir);
    whenReady(runInPool([dist = projectDir.filePath(u"dist"_s)] { return BuildManifest::recent(dist, 5); }),
        this, [this, projectDir](const QList<BuildManifest> &builds) {
            if (QDir(m_projectDir) != projectDir) // another project meanwhile
                return;
            for (const BuildManifest &build : builds) {
                if (m_combo->findData(build.outputDir) >= 0)
                    continue;
                const QString folder = QDir::toNativeSeparators(projectDir.relativeFilePath(build.outputDir));
                m_combo->addItem(tr("%1 (%2)").arg(build.version, folder), build.outputDir);
                m_combo->setItemData(
                    m_combo->count() - 1, QDir::toNativeSeparators(build.outputDir), Qt::ToolTipRole);
            }
        });
}

void BuildOutputChooser::onChosen()
{
    const int generation = ++m_generation;
    const QString dir = folder();
    m_label->setStyleSheet(QString());
    emit chosen();
    if (dir.isEmpty())
        return m_label->setText(
            tr("Builds the version below for the ticked servers (skipped when already built)."));
    m_label->setText(tr("Reading the build in %1…").arg(QDir::toNativeSeparators(dir)));
    whenReady(runInPool([dir, project = m_project] { return DeployPlanner::builtOutput(dir, project); }),
        this, [this, generation, dir](const Result<BuildManifest> &manifest) {
            if (generation == m_generation)
                showManifest(dir, manifest);
        });
}

void BuildOutputChooser::showManifest(const QString &dir, const Result<BuildManifest> &manifest)
{
    if (!manifest) {
        m_label->setStyleSheet(ErrorPanel::errorTextStyle());
        m_label->setText(manifest.error().message + u' ' + manifest.error().hint);
        emit checked(false);
        return;
    }
    const QStringList targets = manifest->linuxTargets();
    m_label->setText(targets.isEmpty()
            ? tr("Version %1 in %2 has no Linux build to deploy.")
                  .arg(manifest->version, QDir::toNativeSeparators(dir))
            : tr("Version %1 for %2.").arg(manifest->version, targets.join(u", "_s)));
    emit checked(!targets.isEmpty());
}

} // namespace Gantry
