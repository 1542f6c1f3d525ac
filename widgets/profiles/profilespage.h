#pragma once

#include <QWidget>

#include "core/store/records.h"

class QComboBox;
class QLabel;
class QTabWidget;

namespace Gantry {

class DeploySettingsForm;
class ServerComparePanel;
class VariablesPanel;
class Workspace;

// The profiles of the open project: which one extends which, their variables (with per-server
// overrides and secrets in the keychain) and how their service runs.
class ProfilesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)
public:
    explicit ProfilesPage(Workspace *workspace, QWidget *parent = nullptr);
    ~ProfilesPage() override;

    void setProject(const QString &project);
    void selectProfile(const QString &profile);
    QString project() const { return m_project; }
    QString profile() const;
    void addProfile();

    VariablesPanel *variablesPanel() const { return m_variables; }
    DeploySettingsForm *deploySettingsForm() const { return m_deploySettings; }
    ServerComparePanel *comparePanel() const { return m_compare; }
    void showCompareTab();

private:
    QWidget *createProfileRow();
    QWidget *createSections();
    void reloadProfiles(const QString &select);
    void onProfileChanged();
    void showInheritance();
    void loadDeploySettings();
    void saveDeploySettings();
    Result<DeploySettings> inheritedSettings(const ProfileRecord &profile) const;

    Workspace *m_workspace = nullptr;
    QString m_project;
    QList<ProfileRecord> m_profiles;
    QComboBox *m_profileCombo = nullptr;
    QLabel *m_inheritance = nullptr;
    QWidget *m_content = nullptr;
    QTabWidget *m_sections = nullptr;
    VariablesPanel *m_variables = nullptr;
    DeploySettingsForm *m_deploySettings = nullptr;
    ServerComparePanel *m_compare = nullptr;
};

} // namespace Gantry
