#include "app/application.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTimer>

#include "core/common/logging.h"
#include "app/demoserver.h"
#include "app/terminationsignals.h"
#include "core/store/workspace.h"
#include "widgets/build/buildpage.h"
#include "widgets/common/appearance.h"
#include "widgets/common/appicon.h"
#include "widgets/common/appsettings.h"
#include "widgets/common/mainwindow.h"
#include "widgets/common/singleinstance.h"
#include "widgets/servers/serverspage.h"

using namespace Qt::StringLiterals;

namespace Gantry {

Application::Application(int &argc, char **argv)
    : QApplication(argc, argv)
{
    setOrganizationName(u"Gantry"_s);
    setApplicationName(u"gantry"_s);
    setApplicationDisplayName(u"Gantry"_s);
    setApplicationVersion(QStringLiteral(GANTRY_VERSION));
    setWindowIcon(appIcon(u"gantry"_s)); // every rendered size: sharp at any scale factor
}

Application::~Application()
{
    m_demo.reset();
    m_window.reset();
    m_workspace.reset();
    Logging::shutdown();
}

void Application::installTranslators(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Falls back through the user's UI languages (zh_Hans_CN -> zh_CN -> zh).
    if (m_appTranslator.load(locale, u"gantry"_s, u"_"_s, u":/i18n"_s))
        installTranslator(&m_appTranslator);
    if (m_qtTranslator.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        installTranslator(&m_qtTranslator);
    QLocale::setDefault(locale);
}

int Application::run()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Build Go web services and deploy them to your servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language(u"lang"_s, tr("Interface language, e.g. en or zh_CN."), u"LANG"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s, tr("Open the main window, check it, and quit."));
    const QCommandLineOption workspaceOption(u"workspace"_s,
        tr("The workspace folder (default: %1).").arg(QDir::toNativeSeparators(Workspace::defaultDir())),
        u"DIR"_s);
    const QCommandLineOption demoOption(u"demo"_s,
        tr("Also boot a local demo server (a systemd container) to deploy to; it stops when Gantry exits."));
    parser.addOptions({ language, selfTestOption, workspaceOption, demoOption });
    parser.addPositionalArgument(u"PROJECT_DIR"_s, tr("A Go project to open."), u"[PROJECT_DIR]"_s);
    parser.process(*this);
    quitOnTerminationSignals(this);

    Logging::install(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/logs"_s, true);
    installTranslators(parser.isSet(language) ? parser.value(language) : AppSettings::language());
    Appearance::apply(AppSettings::theme());
    const QString workspaceDir =
        parser.isSet(workspaceOption) ? parser.value(workspaceOption) : AppSettings::workspaceDir();
    const QString projectDir = parser.positionalArguments().isEmpty()
        ? QString()
        : QDir(parser.positionalArguments().constFirst()).absolutePath();
    if (!parser.isSet(selfTestOption) && !becomePrimary(workspaceDir, projectDir))
        return exec(); // until the running Gantry has the project
    if (!openWorkspace(workspaceDir, parser.isSet(selfTestOption)))
        return 1;
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    if (m_instance)
        connect(
            m_instance.get(), &SingleInstance::activationRequested, m_window.get(), &MainWindow::activate);
    if (!projectDir.isEmpty())
        m_window->openProject(projectDir);
    reportReadyWhenPainted();
    m_window->show();
    if (parser.isSet(demoOption))
        startDemoServer();
    if (parser.isSet(selfTestOption))
        return selfTest();
    return exec();
}

bool Application::becomePrimary(const QString &workspaceDir, const QString &projectDir)
{
    m_instance = std::make_unique<SingleInstance>(SingleInstance::keyFor(workspaceDir));
    if (m_instance->tryBecomePrimary())
        return true;
    connect(m_instance.get(), &SingleInstance::handoffFinished, this, [this](bool delivered) {
        if (!delivered)
            qCCritical(lcApp) << "Gantry is already running on this workspace but does not answer.";
        exit(delivered ? 0 : 1);
    });
    m_instance->handOff(projectDir);
    return false;
}

bool Application::openWorkspace(const QString &dir, bool quiet)
{
    Result<std::unique_ptr<Workspace>> workspace = Workspace::open(dir);
    if (workspace) {
        m_workspace = std::move(*workspace);
        return true;
    }
    qCCritical(lcApp).noquote() << workspace.error().toString();
    if (!quiet) // before the main window exists: nothing can re-enter while this box is up
        QMessageBox::critical(nullptr, tr("Gantry"),
            tr("Gantry cannot open its workspace %1.\n\n%2")
                .arg(QDir::toNativeSeparators(dir), workspace.error().toString()));
    return false;
}

void Application::startDemoServer()
{
    m_demo = std::make_unique<DemoServer>(m_workspace.get());
    QStatusBar *status = m_window->statusBar();
    connect(m_demo.get(), &DemoServer::progress, status,
        [status](const QString &text) { status->showMessage(text); });
    connect(m_demo.get(), &DemoServer::ready, m_window.get(), [this, status](const QString &name) {
        m_window->serversPage()->refresh(); // the demo server was added to the workspace
        status->showMessage(
            tr("The demo server \"%1\" is ready: build, then deploy to it.").arg(name), 15000);
    });
    connect(m_demo.get(), &DemoServer::failed, m_window.get(), [this, status](const QString &message) {
        qCWarning(lcApp).noquote() << message;
        status->showMessage(message);
        QMessageBox::warning(m_window.get(), tr("Demo server"), message);
    });
    // When the event loop ends: before the window and the workspace go.
    connect(this, &QCoreApplication::aboutToQuit, m_demo.get(), &DemoServer::stop);
    m_demo->start();
}

// For bench/startup_bench.sh: with GANTRY_REPORT_READY set, the wall clock (ms since the epoch)
// once the main window has painted and the event loop is free, on stderr; "quit" also exits.
void Application::reportReadyWhenPainted()
{
    if (qEnvironmentVariableIsSet("GANTRY_REPORT_READY"))
        m_window->installEventFilter(this);
}

bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Paint) {
        m_window->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            fprintf(stderr, "gantry-ready %lld\n", QDateTime::currentMSecsSinceEpoch());
            fflush(stderr);
            if (qEnvironmentVariable("GANTRY_REPORT_READY") == u"quit")
                quit();
        });
    }
    return QApplication::eventFilter(watched, event);
}

int Application::selfTest()
{
    int code = 1;
    QTimer::singleShot(200, this, [this, &code] {
        const bool ok = m_window->isVisible() && m_window->buildPage() != nullptr &&
            m_window->projectsPage() != nullptr && m_window->pageIds().size() == 9;
        qCInfo(lcApp) << "self-test" << (ok ? "passed" : "failed");
        code = ok ? 0 : 1;
        quit();
    });
    exec();
    return code;
}

} // namespace Gantry
