#pragma once

#include <memory>

#include <QApplication>
#include <QTranslator>

namespace Gantry {

class MainWindow;

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

    std::unique_ptr<MainWindow> m_window;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace Gantry
