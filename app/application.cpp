#include "app/application.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>

#include "core/common/logging.h"
#include "core/store/workspace.h"
#include "widgets/buildpage.h"
#include "widgets/mainwindow.h"

using namespace Qt::StringLiterals;

namespace Gantry {

Application::Application(int &argc, char **argv)
    : QApplication(argc, argv)
{
    setOrganizationName(u"Gantry"_s);
    setApplicationName(u"gantry"_s);
    setApplicationDisplayName(u"Gantry"_s);
    setApplicationVersion(QStringLiteral(GANTRY_VERSION));
    setWindowIcon(QIcon(u":/icons/gantry.svg"_s)); // SVG: sharp at any scale factor
}

Application::~Application()
{
    m_window.reset();
    m_workspace.reset();
    Logging::shutdown();
}

Application *Application::instance()
{
    return qobject_cast<Application *>(QCoreApplication::instance());
}

Workspace *Application::workspace() const
{
    return m_workspace.get();
}

// A workspace Gantry refuses (damaged, another program's, from a newer Gantry) is left untouched,
// and the app says why on stderr and quits instead of starting on an empty one.
bool Application::openWorkspace(const QString &dir)
{
    Result<std::unique_ptr<Workspace>> opened = Workspace::open(dir);
    if (!opened) {
        const QString text = tr("error: %1\nhint: %2\n").arg(opened.error().message, opened.error().hint);
        std::fputs(text.toLocal8Bit().constData(), stderr);
        return false;
    }
    m_workspace = std::move(*opened);
    return true;
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
        tr("The workspace folder. Default: %1.").arg(QDir::toNativeSeparators(Workspace::defaultDir())),
        u"DIR"_s);
    parser.addOptions({ language, selfTestOption, workspaceOption });
    parser.addPositionalArgument(u"PROJECT_DIR"_s, tr("A Go project to open."), u"[PROJECT_DIR]"_s);
    parser.process(*this);

    Logging::install(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/logs"_s, true);
    installTranslators(parser.value(language));
    if (!openWorkspace(
            parser.isSet(workspaceOption) ? parser.value(workspaceOption) : Workspace::defaultDir()))
        return 1;
    m_window = std::make_unique<MainWindow>();
    if (!parser.positionalArguments().isEmpty())
        m_window->buildPage()->openProject(QDir(parser.positionalArguments().constFirst()).absolutePath());
    m_window->show();
    if (parser.isSet(selfTestOption))
        return selfTest();
    return exec();
}

int Application::selfTest()
{
    int code = 1;
    QTimer::singleShot(200, this, [this, &code] {
        const bool ok = m_window->isVisible() && m_window->buildPage() != nullptr;
        qCInfo(lcApp) << "self-test" << (ok ? "passed" : "failed");
        code = ok ? 0 : 1;
        quit();
    });
    exec();
    return code;
}

} // namespace Gantry
