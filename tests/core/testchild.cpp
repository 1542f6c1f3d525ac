// A child process for tst_processrunner that behaves the same on every platform, so that the
// runner's line splitting, exit codes, timeouts, Ctrl+C and tree kill are tested on Linux and, in
// the Windows build, under Wine (job objects and console Ctrl+C), without a shell.
//
//   testchild pieces          prints "al", waits, "pha\r\nbeta\n", "err1\n" on stderr, "tail"
//   testchild exit N          prints "out\n", exits with N
//   testchild echo WORD       prints WORD and a line end
//   testchild sleep MS        sleeps, then exits 0
//   testchild tree N MS       ignores Ctrl+C (so do its children), starts N `sleep MS` children, waits
//   testchild graceful        waits for Ctrl+C, then prints "interrupted" and exits 0
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include <QCoreApplication>
#include <QProcess>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace {

std::atomic_bool g_interrupted { false };

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

void ignoreInterrupts()
{
#ifdef Q_OS_WIN
    ::SetConsoleCtrlHandler(nullptr, TRUE); // inherited by the children
#else
    std::signal(SIGINT, SIG_IGN); // an ignored signal stays ignored across exec
#endif
}

void print(FILE *stream, const char *text)
{
    std::fputs(text, stream);
    std::fflush(stream);
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int tree(int count, const QString &ms)
{
    ignoreInterrupts();
    QList<QProcess *> children;
    for (int i = 0; i < count; ++i) {
        auto *child = new QProcess;
        child->setProcessChannelMode(QProcess::ForwardedChannels);
        child->start(QCoreApplication::applicationFilePath(), { u"sleep"_s, ms });
        if (!child->waitForStarted(10000))
            return 2;
        children << child;
    }
    for (QProcess *child : children)
        child->waitForFinished(-1);
    return 0;
}

int graceful()
{
    std::signal(SIGINT, onInterrupt); // the C runtime routes console Ctrl+C here on Windows too
    print(stdout, "waiting\n");
    for (int i = 0; i < 600 && !g_interrupted; ++i)
        sleepMs(50);
    print(stdout, g_interrupted ? "interrupted\n" : "not interrupted\n");
    return g_interrupted ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
#ifdef Q_OS_WIN
    // The bytes as written: text mode would turn each \n into \r\n.
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
#endif
    const QStringList args = app.arguments().mid(1);
    const QString command = args.value(0);
    if (command == u"pieces") {
        print(stdout, "al");
        sleepMs(100);
        print(stdout, "pha\r\nbeta\n");
        print(stderr, "err1\n");
        print(stdout, "tail");
        return 0;
    }
    if (command == u"exit") {
        print(stdout, "out\n");
        return args.value(1).toInt();
    }
    if (command == u"echo") {
        print(stdout, (args.value(1) + u'\n').toLocal8Bit().constData());
        return 0;
    }
    if (command == u"sleep") {
        sleepMs(args.value(1).toInt());
        return 0;
    }
    if (command == u"tree")
        return tree(args.value(1).toInt(), args.value(2));
    if (command == u"graceful")
        return graceful();
    print(stderr, "testchild: unknown command\n");
    return 64;
}
