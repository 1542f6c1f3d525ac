#include "cli/terminal.h"

#include <atomic>
#include <csignal>
#include <cstdio>

#include <QJsonDocument>
#include <QTimer>

#include "core/common/redactor.h"

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#define GANTRY_ISATTY _isatty
#define GANTRY_FILENO _fileno
#else
#include <termios.h>
#include <unistd.h>
#define GANTRY_ISATTY isatty
#define GANTRY_FILENO fileno
#endif

namespace Gantry::Cli {

namespace {

std::atomic_bool g_interrupted { false };

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

void writeBytes(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void write(FILE *stream, const QString &text)
{
    writeBytes(stream, Gantry::Redactor::instance().redact(text + u'\n').toUtf8());
}

// Echo off while a secret is typed; on again afterwards, also when Ctrl+C ends gantryctl meanwhile.
class EchoOff final {
public:
    EchoOff();
    ~EchoOff();
    Q_DISABLE_COPY_MOVE(EchoOff)

private:
#ifdef Q_OS_WIN
    HANDLE m_console = GetStdHandle(STD_INPUT_HANDLE);
    DWORD m_mode = 0;
#else
    static void restoreAndExit(int signal);
    static inline termios s_saved {};
    void (*m_previousHandler)(int) = SIG_DFL;
#endif
    bool m_changed = false;
};

#ifdef Q_OS_WIN
EchoOff::EchoOff()
{
    m_changed = GetConsoleMode(m_console, &m_mode) && SetConsoleMode(m_console, m_mode & ~ENABLE_ECHO_INPUT);
}

EchoOff::~EchoOff()
{
    if (m_changed)
        SetConsoleMode(m_console, m_mode);
}
#else
EchoOff::EchoOff()
{
    if (tcgetattr(STDIN_FILENO, &s_saved) != 0)
        return;
    termios quiet = s_saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    m_previousHandler = std::signal(SIGINT, restoreAndExit);
    m_changed = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
}

EchoOff::~EchoOff()
{
    if (m_changed)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_saved);
    std::signal(SIGINT, m_previousHandler);
}

void EchoOff::restoreAndExit(int signal)
{
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_saved);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
#endif

} // namespace

void Terminal::out(const QString &text)
{
    write(stdout, text);
}

void Terminal::err(const QString &text)
{
    write(stderr, text);
}

void Terminal::outJson(const QJsonObject &json)
{
    write(stdout, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).trimmed());
}

void Terminal::outRaw(const QByteArray &bytes)
{
#ifdef Q_OS_WIN
    _setmode(_fileno(stdout), _O_BINARY); // LF stays LF
#endif
    writeBytes(stdout, bytes);
}

bool Terminal::isInteractive()
{
    return GANTRY_ISATTY(GANTRY_FILENO(stderr)) != 0;
}

bool Terminal::inputIsInteractive()
{
    return GANTRY_ISATTY(GANTRY_FILENO(stdin)) != 0;
}

QByteArray Terminal::readInput()
{
#ifdef Q_OS_WIN
    _setmode(_fileno(stdin), _O_BINARY); // CR LF stays as it was written
#endif
    QByteArray data;
    char buffer[64 * 1024];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0;)
        data.append(buffer, qsizetype(n));
    return data;
}

QByteArray Terminal::readHiddenLine(const QString &prompt)
{
    writeBytes(stderr, prompt.toUtf8());
    QByteArray line;
    {
        const EchoOff echoOff;
        for (int c; (c = std::fgetc(stdin)) != EOF && c != '\n';)
            line.append(char(c));
    }
    writeBytes(stderr, "\n");
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

void Terminal::installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool Terminal::interrupted()
{
    return g_interrupted;
}

void Terminal::whenInterrupted(QObject *context, std::function<void()> action)
{
    installInterruptHandler();
    auto *poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [action = std::move(action)] {
        if (g_interrupted)
            action();
    });
    poll->start(100);
}

} // namespace Gantry::Cli
