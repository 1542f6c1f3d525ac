// threadexitprobe.exe: worker threads that end before the process does, each having done what
// Gantry's workers do that touches per-thread state: a QRegularExpression match and a journal line
// with an escaped message and shared unit strings. It then returns from main() and must exit.
//
// Before core/common/regexjit_mingw.cpp, this process (mingw-w64 build, under Wine) did all of it,
// printed its last line and never exited (7 of 10 runs): each thread's exit ran Qt's thread_local
// JIT-stack destructor on freed memory and faulted inside winpthreads' key destructors, leaving
// their lock held for the exit to wait on. windows/thread_exit (test_threadexit.sh) runs it a few
// times, each with a timeout.
//
//   threadexitprobe.exe [THREADS]        (default 8)

#include <cstdio>
#include <vector>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QThread>

#include "core/monitor/journalentry.h"

using namespace Qt::StringLiterals;

namespace {

bool work(int index)
{
    static const QRegularExpression assignment(u"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"_s);
    const bool matched = assignment.match(u"KEY_%1=value"_s.arg(index)).hasMatch();
    const QByteArray line = R"({"__CURSOR":"s=1;i=)" + QByteArray::number(index) +
        R"(","__REALTIME_TIMESTAMP":"1700000000000000","PRIORITY":"6","_SYSTEMD_UNIT":"gantry-x.service",)"
        R"("SYSLOG_IDENTIFIER":"x","MESSAGE":"line \"quoted\" \u00e9"})";
    const auto entry = Gantry::JournalEntryParser::parseLineFast(line);
    return matched && entry && entry->unit == u"gantry-x.service"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 8;
    std::vector<QThread *> threads;
    QAtomicInt good = 0;
    for (int i = 0; i < count; ++i) {
        threads.push_back(QThread::create([i, &good] {
            if (work(i))
                good.fetchAndAddRelaxed(1);
        }));
        threads.back()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    std::printf("threadexitprobe: %d of %d threads did their work; JIT %s; returning from main\n",
        good.loadRelaxed(), count, qgetenv("QT_ENABLE_REGEXP_JIT") == "0" ? "off" : "on");
    std::fflush(stdout);
    return good.loadRelaxed() == count ? 0 : 1;
}
