#pragma once

#include <QMainWindow>

namespace Gantry {

class BuildPage;

class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    BuildPage *buildPage() const { return m_buildPage; }

private:
    void createMenus();
    void showAbout();

    BuildPage *m_buildPage = nullptr;
};

} // namespace Gantry
