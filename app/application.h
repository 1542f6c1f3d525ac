#pragma once

#include <memory>

#include <QApplication>
#include <QTranslator>

namespace Gantry {

class MainWindow;
class Workspace;

// Installs translators, reads the command line, opens the workspace and builds the main window.
class Application final : public QApplication {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)
public:
    Application(int &argc, char **argv);
    ~Application() override;

    int run();
    // The workspace chosen with --workspace DIR (default: Workspace::defaultDir()), open while the
    // app runs; null before run() opened it.
    Workspace *workspace() const;
    static Application *instance();

private:
    bool openWorkspace(const QString &dir);
    void installTranslators(const QString &language);
    int selfTest();

    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace Gantry
