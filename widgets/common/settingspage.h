#pragma once

#include <QList>
#include <QWidget>

#include "core/build/buildtarget.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace Gantry {

class TargetListModel;

// The app's preferences: workspace folder, Go toolchain, default targets, language and theme.
class SettingsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)
public:
    // `workspaceInUse`: the folder this run opened (a new choice applies at the next start).
    explicit SettingsPage(const QString &workspaceInUse, QWidget *parent = nullptr);
    ~SettingsPage() override;

    // Probes the toolchain off the GUI thread; saves the path when it works (empty: look for go).
    void checkGoPath(const QString &path);
    bool isCheckingGo() const { return m_checkingGo; }

signals:
    void goPathChanged(const QString &path);
    void defaultTargetsChanged(const QList<Gantry::BuildTarget> &targets);

private:
    QWidget *createWorkspaceBox();
    QWidget *createGoBox();
    QWidget *createAppearanceBox();
    void setWorkspaceDir(const QString &dir);
    void showWorkspaceNote();
    void chooseGo();
    void saveDefaultTargets();

    QString m_workspaceInUse;
    QLineEdit *m_workspaceEdit = nullptr;
    QLabel *m_workspaceNote = nullptr;
    QLineEdit *m_goEdit = nullptr;
    QLabel *m_goStatus = nullptr;
    int m_goGeneration = 0;
    bool m_checkingGo = false;
    TargetListModel *m_targets = nullptr;
    QLabel *m_targetsNote = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QComboBox *m_themeCombo = nullptr;
};

} // namespace Gantry
