#include "cli/terminal.h"

#include <atomic>
#include <csignal>
#include <cstdio>

#include "core/common/redactor.h"

#ifdef Q_OS_WIN
#include <io.h>
#define GANTRY_ISATTY _isatty
#define GANTRY_FILENO _fileno
#else
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

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = Gantry::Redactor::instance().redact(text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void Terminal::out(const QString &text)
{
    write(stdout, text);
}

void Terminal::err(const QString &text)
{
    write(stderr, text);
}

bool Terminal::isInteractive()
{
    return GANTRY_ISATTY(GANTRY_FILENO(stderr)) != 0;
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

} // namespace Gantry::Cli
