#pragma once

#include <memory>

#include <QApplication>
#include <QTranslator>

namespace Gantry {

class DemoServer;
class MainWindow;
class SingleInstance;
class Workspace;

// Installs translators, reads the command line and builds the main window.
class Application final : public QApplication {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)
public:
    Application(int &argc, char **argv);
    ~Application() override;

    int run();

private:
    void installTranslators(const QString &language);
    int selfTest();
    void reportReadyWhenPainted();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void startDemoServer();
    // False when another Gantry runs on this workspace: it gets `projectDir` and this one quits.
    bool becomePrimary(const QString &workspaceDir, const QString &projectDir);
    bool openWorkspace(const QString &dir, bool quiet);

    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoServer> m_demo;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace Gantry
