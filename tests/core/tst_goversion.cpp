#include <QTest>

#include "core/build/goversion.h"

using namespace Qt::Literals::StringLiterals;
using Gantry::GoVersion;

class TestGoVersion final : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void compare_data();
    void compare();
};

void TestGoVersion::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<bool>("hasPatch");
    QTest::addColumn<QString>("prerelease");
    QTest::addColumn<QString>("printed");

    QTest::newRow("go version output") << u"go1.19.8"_s << 1 << 19 << 8 << true << QString() << u"1.19.8"_s;
    QTest::newRow("go.mod language version") << u"1.19"_s << 1 << 19 << 0 << false << QString() << u"1.19"_s;
    QTest::newRow("three parts") << u"1.22.1"_s << 1 << 22 << 1 << true << QString() << u"1.22.1"_s;
    QTest::newRow("release candidate") << u"go1.21rc2"_s << 1 << 21 << 0 << false << u"rc2"_s << u"1.21rc2"_s;
    QTest::newRow("dot zero") << u"1.21.0"_s << 1 << 21 << 0 << true << QString() << u"1.21.0"_s;
    QTest::newRow("beta") << u"go1.20beta1"_s << 1 << 20 << 0 << false << u"beta1"_s << u"1.20beta1"_s;
    QTest::newRow("old patch candidate")
        << u"go1.9.2rc2"_s << 1 << 9 << 2 << true << u"rc2"_s << u"1.9.2rc2"_s;
    QTest::newRow("go1") << u"go1"_s << 1 << 0 << 0 << false << QString() << u"1.0"_s;
    QTest::newRow("spaces trimmed") << u"  go1.22.4\n"_s << 1 << 22 << 4 << true << QString() << u"1.22.4"_s;
    QTest::newRow("two digit rc") << u"1.21rc10"_s << 1 << 21 << 0 << false << u"rc10"_s << u"1.21rc10"_s;
}

void TestGoVersion::parse()
{
    QFETCH(QString, text);
    const std::optional<GoVersion> version = GoVersion::parse(text);
    QVERIFY(version.has_value());
    QTEST(version->major, "major");
    QTEST(version->minor, "minor");
    QTEST(version->patch, "patch");
    QTEST(version->hasPatch, "hasPatch");
    QTEST(version->prerelease, "prerelease");
    QTEST(version->toString(), "printed");
}

void TestGoVersion::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << u"devel"_s;
    QTest::newRow("v prefix") << u"v1.19"_s;
    QTest::newRow("leading zero") << u"1.019"_s;
    QTest::newRow("zero major") << u"0.1"_s;
    QTest::newRow("four parts") << u"1.2.3.4"_s;
    QTest::newRow("trailing dot") << u"1.21."_s;
    QTest::newRow("prerelease without number") << u"1.21rc"_s;
    QTest::newRow("upper-case prerelease") << u"1.21RC1"_s;
    QTest::newRow("go version line") << u"go version go1.19.8 linux/amd64"_s;
    QTest::newRow("devel build") << u"devel go1.23-abcdef"_s;
    QTest::newRow("overflow") << u"1.99999999999"_s;
}

void TestGoVersion::rejects()
{
    QFETCH(QString, text);
    QVERIFY(!GoVersion::parse(text).has_value());
}

void TestGoVersion::compare_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("expected"); // sign of left <=> right

    QTest::newRow("minor") << u"1.19"_s << u"1.21"_s << -1;
    QTest::newRow("numeric not text") << u"1.9"_s << u"1.10"_s << -1;
    QTest::newRow("patch") << u"go1.19.8"_s << u"1.19.10"_s << -1;
    QTest::newRow("x.y equals x.y.0") << u"1.21"_s << u"1.21.0"_s << 0;
    QTest::newRow("go prefix ignored") << u"go1.22.1"_s << u"1.22.1"_s << 0;
    QTest::newRow("prerelease before release") << u"1.21rc2"_s << u"1.21.0"_s << -1;
    QTest::newRow("prerelease before language version") << u"1.21rc2"_s << u"1.21"_s << -1;
    QTest::newRow("prerelease after older release") << u"1.21rc1"_s << u"1.20.14"_s << 1;
    QTest::newRow("beta before rc") << u"1.21beta1"_s << u"1.21rc1"_s << -1;
    QTest::newRow("rc numbers") << u"1.21rc10"_s << u"1.21rc2"_s << 1;
    QTest::newRow("patch after release") << u"1.22.1"_s << u"1.22"_s << 1;
    QTest::newRow("installed vs required") << u"1.19.8"_s << u"1.22.1"_s << -1;
    QTest::newRow("same") << u"1.19.8"_s << u"go1.19.8"_s << 0;
}

void TestGoVersion::compare()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, expected);
    const GoVersion l = *GoVersion::parse(left);
    const GoVersion r = *GoVersion::parse(right);
    const std::weak_ordering order = l <=> r;
    const int sign = order < 0 ? -1 : order > 0 ? 1 : 0;
    QCOMPARE(sign, expected);
    const std::weak_ordering reverse = r <=> l;
    QCOMPARE(reverse < 0 ? -1 : reverse > 0 ? 1 : 0, -expected);
    QCOMPARE(l == r, expected == 0);
    QCOMPARE(l < r, expected < 0);
    QCOMPARE(l >= r, expected >= 0);
}

QTEST_GUILESS_MAIN(TestGoVersion)
#include "tst_goversion.moc"
