// libFuzzer target for Dotenv::parse(): any input gives variables or an error naming a line, and
// the variables survive Dotenv::write() and a second parse() unchanged.
//
// CMake does not build it. On Debian 12 (apt-get install clang-16 libclang-rt-16-dev); clang 16
// needs __cpp_concepts raised to use libstdc++ 12's <expected>:
//
//   S=/work/main
//   clang++-16 -std=c++2b -g -O1 -fPIC -fsanitize=fuzzer,address,undefined \
//       -Wno-builtin-macro-redefined -U__cpp_concepts -D__cpp_concepts=202002L \
//       -DQT_NO_CAST_FROM_ASCII -DQT_USE_QSTRINGBUILDER -I$S $(pkg-config --cflags Qt6Core) \
//       $S/tests/fuzz/fuzz_dotenv.cpp $S/core/profile/dotenv.cpp $S/core/profile/envname.cpp \
//       $S/core/common/error.cpp $(pkg-config --libs Qt6Core) -o fuzz_dotenv
//   mkdir -p corpus && ./fuzz_dotenv -max_total_time=300 -max_len=4096 corpus

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include <QRegularExpression>

#include "core/profile/dotenv.h"

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView text(data, qsizetype(size));
    const auto vars = Gantry::Dotenv::parse(text);
    if (!vars) {
        static const QRegularExpression located(u"^\\.env:([0-9]+): \\S"_s);
        const QRegularExpressionMatch match = located.match(vars.error().message);
        check(match.hasMatch());
        const int line = match.captured(1).toInt();
        check(line >= 1 && line <= text.count('\n') + 1);
        check(!vars.error().hint.isEmpty());
        return 0;
    }
    const auto written = Gantry::Dotenv::write(*vars);
    check(written.has_value());
    const auto again = Gantry::Dotenv::parse(*written);
    check(again.has_value() && again->size() == vars->size());
    for (qsizetype i = 0; i < vars->size(); ++i)
        check(again->at(i).name == vars->at(i).name && again->at(i).value == vars->at(i).value);
    return 0;
}
