// mingw-w64 builds only (core/CMakeLists.txt): every program that links core runs QRegularExpression
// without PCRE2's JIT.
//
// Why: with mingw-w64's GCC 12 runtime (emutls over winpthreads) a thread_local's storage is freed
// at thread exit before its destructor runs. winpthreads calls its key destructors in the order the
// keys were made, and libgcc's emutls key (it frees all of a thread's thread_locals) is made before
// libstdc++'s key that runs thread_local destructors. Qt 6.4 keeps its PCRE2 JIT stack in such a
// thread_local (jitStacks in qregularexpression.cpp), which every JIT match touches, so every worker
// thread that matched a pattern ran that destructor on freed memory; once the heap had reused the
// memory, it called pcre2_jit_stack_free on garbage and faulted. Wine's loader catches the fault and
// ends the thread, in the middle of winpthreads' key destructors, which hold its key lock for
// reading: the lock stays held, and at exit libstdc++ deletes its own key, waits for that lock and
// never returns. gantryctl.exe printed its result and did not exit (9 of 10 deploys under Wine; a
// QThread that matches one pattern is enough: tests/windows/threadexitprobe.cpp). The use after free
// is the same on Windows. Without the JIT, Qt's interpreter never touches that thread_local.
// Gantry's own code keeps no thread_local with a destructor, for the same reason
// (core/monitor/journalentry.cpp).
//
// Set before main(), so before any pattern is compiled (Qt reads the variable once), and
// unconditionally: the JIT is not safe in these builds, whatever the environment says.

#include <QByteArray>
#include <QtGlobal>

namespace {

void disableRegexJit()
{
    qputenv("QT_ENABLE_REGEXP_JIT", QByteArrayLiteral("0"));
}

} // namespace

Q_CONSTRUCTOR_FUNCTION(disableRegexJit)

// Named by core's link options (LINKER:--undefined), so that this file is linked into every program
// that links the static core library, though nothing calls into it.
extern "C" const char gantryRegexJitOff = 1;
