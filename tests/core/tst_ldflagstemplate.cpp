#include <QTest>

#include "core/build/ldflagstemplate.h"

using namespace Qt::StringLiterals;
using Gantry::LdflagsTemplate;
using Gantry::Result;

namespace {

QHash<QString, QString> allFields()
{
    return { { u"Version"_s, u"1.2.3"_s }, { u"Commit"_s, u"0123456789abcdef0123456789abcdef01234567"_s },
        { u"ShortCommit"_s, u"0123456"_s }, { u"Date"_s, u"2026-01-02T03:04:05Z"_s }, { u"Os"_s, u"linux"_s },
        { u"Arch"_s, u"arm64"_s }, { u"ProjectName"_s, u"hello-gin"_s } };
}

} // namespace

class TestLdflagsTemplate final : public QObject {
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void renderErrors_data();
    void renderErrors();
    void defaultTemplate_data();
    void defaultTemplate();
    void defaultTemplateRenders();
};

void TestLdflagsTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all fields")
        << u"{{.Version}} {{.Commit}} {{.ShortCommit}} {{.Date}} {{.Os}} {{.Arch}} "
           "{{.ProjectName}}"_s
        << u"1.2.3 0123456789abcdef0123456789abcdef01234567 0123456 2026-01-02T03:04:05Z "
           "linux arm64 hello-gin"_s;
    QTest::newRow("ldflags") << u"-s -w -X main.version={{.Version}} -X main.commit={{.ShortCommit}}"_s
                             << u"-s -w -X main.version=1.2.3 -X main.commit=0123456"_s;
    QTest::newRow("spaces inside braces")
        << u"-X main.version={{ .Version }}"_s << u"-X main.version=1.2.3"_s;
    QTest::newRow("tab and space inside braces") << u"{{\t.Os  }}/{{.Arch}}"_s << u"linux/arm64"_s;
    QTest::newRow("adjacent placeholders") << u"{{.Os}}{{.Arch}}"_s << u"linuxarm64"_s;
    QTest::newRow("placeholder at start and end")
        << u"{{.ProjectName}}-{{.Version}}"_s << u"hello-gin-1.2.3"_s;
    QTest::newRow("same placeholder twice") << u"{{.Version}}+{{.Version}}"_s << u"1.2.3+1.2.3"_s;
    QTest::newRow("no placeholders") << u"-s -w -extldflags '-static'"_s << u"-s -w -extldflags '-static'"_s;
    QTest::newRow("closing braces alone") << u"a }} b"_s << u"a }} b"_s;
    QTest::newRow("single braces") << u"{x} {.Version}"_s << u"{x} {.Version}"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestLdflagsTemplate::render()
{
    QFETCH(QString, text);
    const Result<QString> rendered = LdflagsTemplate::render(text, allFields());
    QVERIFY2(rendered.has_value(), qPrintable(rendered ? QString() : rendered.error().toString()));
    QTEST(*rendered, "expected");
}

void TestLdflagsTemplate::renderErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown field") << u"-X main.v={{.Branch}}"_s << u"Branch"_s;
    QTest::newRow("wrong case") << u"-X main.v={{.version}}"_s << u"version"_s;
    QTest::newRow("missing dot") << u"-X main.v={{Version}}"_s << u"{{Version}}"_s;
    QTest::newRow("unterminated") << u"-X main.v={{.Version"_s << u"{{.Version"_s;
    QTest::newRow("unterminated after a good one") << u"{{.Os}} {{.Arch"_s << u"{{.Arch"_s;
    QTest::newRow("single closing brace") << u"{{.Version}"_s << u"{{.Version}"_s;
    QTest::newRow("empty braces") << u"{{}}"_s << u"{{}}"_s;
    QTest::newRow("function call") << u"{{ .Version | upper }}"_s << u"upper"_s;
}

void TestLdflagsTemplate::renderErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const Result<QString> rendered = LdflagsTemplate::render(text, allFields());
    QVERIFY(!rendered.has_value());
    QVERIFY2(rendered.error().message.contains(messagePart), qPrintable(rendered.error().message));
    QVERIFY(!rendered.error().hint.isEmpty());
    QVERIFY(rendered.error().hint.contains(u"Version"_s));
}

void TestLdflagsTemplate::defaultTemplate_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("commit");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all three") << u"main.version"_s << u"main.commit"_s << u"main.date"_s
                               << u"-s -w -X main.version={{.Version}} -X main.commit={{.Commit}} "
                                  "-X main.date={{.Date}}"_s;
    QTest::newRow("version only") << u"main.Version"_s << QString() << QString()
                                  << u"-s -w -X main.Version={{.Version}}"_s;
    QTest::newRow("version and date") << u"main.version"_s << QString() << u"main.BuildDate"_s
                                      << u"-s -w -X main.version={{.Version}} -X main.BuildDate={{.Date}}"_s;
    QTest::newRow("version and commit")
        << u"example.com/x/internal/buildinfo.Version"_s << u"main.GitCommit"_s << QString()
        << u"-s -w -X example.com/x/internal/buildinfo.Version={{.Version}} "
           "-X main.GitCommit={{.Commit}}"_s;
    QTest::newRow("nothing to stamp") << QString() << QString() << QString() << u"-s -w"_s;
}

void TestLdflagsTemplate::defaultTemplate()
{
    QFETCH(QString, version);
    QFETCH(QString, commit);
    QFETCH(QString, date);
    QTEST(LdflagsTemplate::defaultTemplate(version, commit, date), "expected");
}

void TestLdflagsTemplate::defaultTemplateRenders()
{
    const Result<QString> rendered = LdflagsTemplate::render(
        LdflagsTemplate::defaultTemplate(u"main.version"_s, u"main.commit"_s, u"main.date"_s), allFields());
    QVERIFY(rendered.has_value());
    QCOMPARE(*rendered,
        u"-s -w -X main.version=1.2.3 -X main.commit=0123456789abcdef0123456789abcdef01234567 "
        "-X main.date=2026-01-02T03:04:05Z"_s);
    for (const QString &name : LdflagsTemplate::fieldNames())
        QVERIFY2(allFields().contains(name), qPrintable(name));
    QCOMPARE(LdflagsTemplate::fieldNames().size(), 7);
}

QTEST_GUILESS_MAIN(TestLdflagsTemplate)
#include "tst_ldflagstemplate.moc"
