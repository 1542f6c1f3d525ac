#pragma once

#include <QWidget>

#include "core/build/buildmanifest.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace Gantry {

// The Deploy page's "Build output": build now, or a finished build folder of the project (one of
// its recent builds under dist/, or any folder through Browse…). A chosen folder is read off the
// GUI thread and its version and Linux targets shown, or why it cannot be deployed.
class BuildOutputChooser final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildOutputChooser)
public:
    explicit BuildOutputChooser(QWidget *parent = nullptr);
    ~BuildOutputChooser() override;

    void setProject(const QString &project, const QString &projectDir);
    QString folder() const; // empty: build now
    void choose(const QString &dir); // empty: build now
    void reloadRecent(); // the project's recent builds; the choice is kept
    QWidget *buddy() const; // for the label's mnemonic

signals:
    void chosen(); // another build output was picked
    void checked(bool usable); // the chosen folder was read

private:
    void browse();
    void addFolder(const QString &dir, const QString &text);
    void onChosen();
    void showManifest(const QString &dir, const Result<BuildManifest> &manifest);

    QString m_project;
    QString m_projectDir;
    int m_generation = 0; // answers about an older choice are dropped
    QComboBox *m_combo = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace Gantry
