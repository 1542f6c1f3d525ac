#include "widgets/profiles/profilespage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/store/workspace.h"
#include "widgets/profiles/deploysettingsform.h"
#include "widgets/profiles/newprofiledialog.h"
#include "widgets/profiles/servercomparepanel.h"
#include "widgets/profiles/variablespanel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

ProfilesPage::ProfilesPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_content = new QWidget(this);
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->addWidget(createProfileRow());
    content->addWidget(createSections(), 1);
    layout->addWidget(m_content);
    setProject({});
}

ProfilesPage::~ProfilesPage() = default;

QWidget *ProfilesPage::createProfileRow()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_profileCombo = new QComboBox(box);
    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileCombo->setMinimumContentsLength(16);
    m_profileCombo->setToolTip(tr("The deploy profile to edit, such as dev, test or prod"));
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &ProfilesPage::onProfileChanged);
    auto *label = new QLabel(tr("&Profile:"), box);
    label->setBuddy(m_profileCombo);
    auto *add = new QPushButton(tr("&Add Profile…"), box);
    add->setObjectName(u"newProfileButton"_s);
    add->setToolTip(tr("Add a profile to this project, optionally extending another one"));
    connect(add, &QPushButton::clicked, this, &ProfilesPage::addProfile);
    row->addWidget(label);
    row->addWidget(m_profileCombo);
    row->addWidget(add);
    row->addStretch(1);
    column->addLayout(row);
    m_inheritance = new QLabel(box);
    m_inheritance->setObjectName(u"inheritanceLabel"_s);
    m_inheritance->setWordWrap(true);
    column->addWidget(m_inheritance);
    return box;
}

// Each section is a tab: the variables, the deploy settings, and the comparison with a server.
QWidget *ProfilesPage::createSections()
{
    m_sections = new QTabWidget(this);
    m_variables = new VariablesPanel(m_workspace, m_sections);
    m_sections->addTab(m_variables, tr("&Variables"));
    auto *scroll = new QScrollArea(m_sections);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_deploySettings = new DeploySettingsForm(scroll);
    scroll->setWidget(m_deploySettings);
    m_sections->addTab(scroll, tr("&Deploy Settings"));
    connect(m_deploySettings, &DeploySettingsForm::saveRequested, this, &ProfilesPage::saveDeploySettings);
    m_compare = new ServerComparePanel(m_workspace, m_sections);
    m_compare->setObjectName(u"comparePanel"_s);
    m_sections->addTab(m_compare, tr("Compare wit&h Server"));
    // A variable saved meanwhile makes an old comparison wrong.
    connect(m_variables, &VariablesPanel::variablesChanged, m_compare,
        [this] { m_compare->setProfile(m_project, profile()); });
    return m_sections;
}

void ProfilesPage::setProject(const QString &project)
{
    m_project = project;
    m_content->setEnabled(!project.isEmpty() && m_workspace);
    reloadProfiles(u"base"_s);
    if (project.isEmpty())
        m_inheritance->setText(tr("Open a project on the Projects page to edit its profiles."));
}

QString ProfilesPage::profile() const
{
    return m_profileCombo->currentText();
}

void ProfilesPage::selectProfile(const QString &profile)
{
    m_profileCombo->setCurrentIndex(m_profileCombo->findText(profile));
}

void ProfilesPage::reloadProfiles(const QString &select)
{
    m_profiles.clear();
    if (!m_project.isEmpty() && m_workspace) {
        const Result<QList<ProfileRecord>> profiles = m_workspace->profiles(m_project);
        if (profiles)
            m_profiles = *profiles;
        else
            m_inheritance->setText(profiles.error().toString());
    }
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    for (const ProfileRecord &profile : std::as_const(m_profiles))
        m_profileCombo->addItem(profile.name);
    m_profileCombo->setCurrentIndex(std::max(0, m_profileCombo->findText(select)));
    onProfileChanged();
}

void ProfilesPage::onProfileChanged()
{
    if (m_profileCombo->currentIndex() < 0) {
        m_variables->setProfile({}, {});
        m_compare->setProfile({}, {});
        return;
    }
    showInheritance();
    m_variables->setProfile(m_project, profile());
    m_compare->setProfile(m_project, profile());
    loadDeploySettings();
}

void ProfilesPage::showCompareTab()
{
    m_sections->setCurrentWidget(m_compare);
}

void ProfilesPage::showInheritance()
{
    const Result<QStringList> chain = ProfileResolver(m_project, m_profiles).chain(profile());
    if (!chain) {
        m_inheritance->setText(chain.error().toString());
        return;
    }
    QStringList parents = *chain;
    parents.removeLast();
    std::reverse(parents.begin(), parents.end());
    const QString leaf = u"<b>%1</b>"_s.arg(profile().toHtmlEscaped());
    m_inheritance->setText(parents.isEmpty()
            ? tr("%1 extends no other profile. Names in bold are set by this profile.").arg(leaf)
            : tr("%1 extends %2. Names in bold are set by this profile; the others are inherited.")
                  .arg(leaf, parents.join(u" → "_s).toHtmlEscaped()));
}

Result<DeploySettings> ProfilesPage::inheritedSettings(const ProfileRecord &profile) const
{
    if (profile.extends.isEmpty())
        return DeploySettings::defaults(m_project);
    const Result<ResolvedProfile> parent = m_workspace->resolve(m_project, profile.extends);
    if (!parent)
        return std::unexpected(parent.error());
    return parent->settings;
}

void ProfilesPage::loadDeploySettings()
{
    const ProfileRecord &record = m_profiles.at(m_profileCombo->currentIndex());
    const Result<DeploySettings> inherited = inheritedSettings(record);
    const QString origin = record.extends.isEmpty()
        ? tr("Settings in bold are set by %1; the others are Gantry's defaults.").arg(record.name)
        : tr("Settings in bold are set by %1; the others come from %2 or Gantry's defaults.")
              .arg(record.name, record.extends);
    m_deploySettings->setSettings(
        inherited.value_or(DeploySettings::defaults(m_project)), record.settings, origin);
    if (!inherited)
        m_deploySettings->showError(inherited.error());
}

void ProfilesPage::saveDeploySettings()
{
    const int index = m_profileCombo->currentIndex();
    if (index < 0)
        return;
    const Result<QJsonObject> own = m_deploySettings->ownSettings();
    if (!own)
        return;
    ProfileRecord record = m_profiles.at(index);
    record.settings = *own;
    if (auto ok = m_workspace->updateProfile(record); !ok)
        return m_deploySettings->showError(ok.error());
    m_profiles[index] = record;
    loadDeploySettings();
}

void ProfilesPage::addProfile()
{
    if (m_project.isEmpty())
        return;
    QStringList names;
    for (const ProfileRecord &p : std::as_const(m_profiles))
        names << p.name;
    auto *dialog = new NewProfileDialog(
        m_project, names, u"base"_s,
        [workspace = m_workspace](const ProfileRecord &p) { return workspace->addProfile(p); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [self = QPointer(this), dialog] {
        if (self)
            self->reloadProfiles(dialog->profile().name);
    });
    dialog->open();
}

} // namespace Gantry
