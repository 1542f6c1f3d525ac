// libFuzzer target for SshConfig::parse(): any input gives hosts or an error naming a file and a
// line of it, an Include loop ends at the depth limit, and every imported host has a concrete
// alias and a port from 1 to 65535.
//
// CMake does not build it. On Debian 12 (apt-get install clang-16 libclang-rt-16-dev); clang 16
// needs __cpp_concepts raised to use libstdc++ 12's <expected>:
//
//   S=/work/main
//   clang++-16 -std=c++2b -g -O1 -fPIC -fsanitize=fuzzer,address,undefined \
//       -Wno-builtin-macro-redefined -U__cpp_concepts -D__cpp_concepts=202002L \
//       -DQT_NO_CAST_FROM_ASCII -DQT_USE_QSTRINGBUILDER -I$S $(pkg-config --cflags Qt6Core) \
//       $S/tests/fuzz/fuzz_sshconfig.cpp $S/core/remote/sshconfig.cpp \
//       $S/core/common/error.cpp $(pkg-config --libs Qt6Core) -o fuzz_sshconfig
//   mkdir -p corpus && ./fuzz_sshconfig -max_total_time=300 -max_len=4096 corpus

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QRegularExpression>

#include "core/remote/sshconfig.h"

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// The input itself is also "~/.ssh/inc", so "Include inc" recurses until the depth limit.
Gantry::SshConfigContext contextFor(const QByteArray &text)
{
    Gantry::SshConfigContext context;
    context.homeDir = u"/home/fuzz"_s;
    context.localUser = u"fuzz"_s;
    context.readIncludes = [text](const QString &pattern) {
        QList<Gantry::SshConfigFile> files;
        if (pattern == u"/home/fuzz/.ssh/inc")
            files << Gantry::SshConfigFile { pattern, text };
        return files;
    };
    return context;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto hosts = Gantry::SshConfig::parse(text, contextFor(text));
    if (!hosts) {
        static const QRegularExpression located(u"^(~/\\.ssh/config|/home/fuzz/\\.ssh/inc):([0-9]+): \\S"_s);
        const QRegularExpressionMatch match = located.match(hosts.error().message);
        check(match.hasMatch());
        const int line = match.captured(2).toInt();
        check(line >= 1 && line <= text.count('\n') + 1);
        check(!hosts.error().hint.isEmpty());
        return 0;
    }
    for (const Gantry::SshConfigHost &host : *hosts) {
        check(!host.alias.isEmpty() && !host.alias.startsWith(u'!'));
        check(!host.alias.contains(u'*') && !host.alias.contains(u'?'));
        check(host.port >= 1 && host.port <= 65535);
    }
    return 0;
}
