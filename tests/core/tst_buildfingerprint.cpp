#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/build/buildfingerprint.h"

using namespace Qt::StringLiterals;
using Gantry::BuildFingerprint;
using Gantry::BuildStep;

namespace {

BuildStep stepIn(const QString &targetDir, const QString &version)
{
    BuildStep step;
    step.cachedBinary = targetDir + u'/' + version + u"/hello-gin"_s;
    QDir().mkpath(targetDir + u'/' + version);
    QFile binary(step.cachedBinary);
    if (binary.open(QIODevice::WriteOnly))
        binary.write("binary " + version.toUtf8());
    return step;
}

} // namespace

class TestBuildFingerprint final : public QObject {
    Q_OBJECT

private slots:
    void stampMakesCurrent();
    void changedBinaryIsNotCurrent();
    void versionSlotsArePruned();
};

void TestBuildFingerprint::stampMakesCurrent()
{
    QTemporaryDir dir;
    const BuildStep step = stepIn(dir.path(), u"1.0.0"_s);
    BuildFingerprint::Stamp stamp;
    QVERIFY(!BuildFingerprint::isCurrent(step, u"f1"_s, &stamp));
    BuildFingerprint::write(step, u"f1"_s, u"abc"_s);
    QVERIFY(BuildFingerprint::isCurrent(step, u"f1"_s, &stamp));
    QCOMPARE(stamp.sha256, u"abc"_s);
    QVERIFY(!BuildFingerprint::isCurrent(step, u"f2"_s, &stamp));
    BuildFingerprint::invalidate(step);
    QVERIFY(!BuildFingerprint::isCurrent(step, u"f1"_s, &stamp));
}

void TestBuildFingerprint::changedBinaryIsNotCurrent()
{
    QTemporaryDir dir;
    const BuildStep step = stepIn(dir.path(), u"1.0.0"_s);
    BuildFingerprint::write(step, u"f1"_s, u"abc"_s);
    QFile binary(step.cachedBinary);
    QVERIFY(binary.open(QIODevice::Append));
    binary.write("more");
    binary.close();
    BuildFingerprint::Stamp stamp;
    QVERIFY(!BuildFingerprint::isCurrent(step, u"f1"_s, &stamp));
}

// Each version has its own slot (switching back and forth rebuilds nothing); the oldest slots
// beyond the kept count go, the one just written always stays, and so do the kept ones' stamps.
void TestBuildFingerprint::versionSlotsArePruned()
{
    QTemporaryDir dir;
    QFile oldLayout(dir.filePath(u"hello-gin"_s));
    QVERIFY(oldLayout.open(QIODevice::WriteOnly));
    oldLayout.close();
    QList<BuildStep> steps;
    for (int i = 1; i <= 6; ++i) {
        steps << stepIn(dir.path(), u"%1.0.0"_s.arg(i));
        BuildFingerprint::write(steps.last(), u"f%1"_s.arg(i), u"sha"_s, 3);
        QTest::qWait(20); // distinct folder times
    }
    QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(left, (QStringList { u"4.0.0"_s, u"5.0.0"_s, u"6.0.0"_s }));
    BuildFingerprint::Stamp stamp;
    QVERIFY(BuildFingerprint::isCurrent(steps[3], u"f4"_s, &stamp));
    QVERIFY(BuildFingerprint::isCurrent(steps[5], u"f6"_s, &stamp));
    // Writing an old slot again keeps it, even though it is the oldest folder.
    BuildFingerprint::write(steps[3], u"f4"_s, u"sha"_s, 1);
    left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(left, QStringList { u"4.0.0"_s });
}

QTEST_GUILESS_MAIN(TestBuildFingerprint)
#include "tst_buildfingerprint.moc"
