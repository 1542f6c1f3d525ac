#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "core/testsupport.h"
#include "widgets/build/buildpage.h"
#include "widgets/build/targetlistmodel.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_BuildPage : public QObject {
    Q_OBJECT

private slots:
    void targetModelIsSound();
    void buildFromTheButtonKeepsTheGuiResponsive();
};

void tst_BuildPage::targetModelIsSound()
{
    TargetListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.checkedTargets(), BuildTarget::defaults());
    QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole)); // linux/arm64
    QCOMPARE(model.checkedTargets().size(), 3);
    model.setState(u"linux/arm64"_s, BuildSession::TargetState::Building, {});
    QVERIFY(model.data(model.index(1))
                .toString()
                .contains(BuildSession::stateName(BuildSession::TargetState::Building)));
}

void tst_BuildPage::buildFromTheButtonKeepsTheGuiResponsive()
{
    QTemporaryDir tmp;
    const QString project = Test::example(u"hello-gin"_s);
    const QProcessEnvironment env = Test::offlineEnvironment(project, tmp.filePath(u"stage"_s));
    qputenv("GOFLAGS", env.value(u"GOFLAGS"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", tmp.filePath(u"cache"_s).toUtf8());

    BuildPage page;
    page.show();
    page.openProject(project);
    auto *build = page.findChild<QPushButton *>();
    const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
    for (QPushButton *b : buttons) {
        if (b->text().remove(u'&') == u"Build")
            build = b;
    }
    QVERIFY(build && build->isEnabled());

    // A timer on the GUI thread must never be late by more than 100 ms while the build runs.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worstGap = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - last);
        last = now;
    });
    clock.start();
    tick.start(10);
    QTest::mouseClick(build, Qt::LeftButton);
    auto *artifacts = page.findChild<QTreeWidget *>();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isBuilding() && artifacts->topLevelItemCount() > 0, 600000);
    tick.stop();
    QCOMPARE(artifacts->topLevelItemCount(), 4);
    QVERIFY2(worstGap < 110, qPrintable(u"GUI thread stalled for %1 ms"_s.arg(worstGap)));
    QDir(project + u"/dist"_s).removeRecursively();
}

QTEST_MAIN(tst_BuildPage)
#include "tst_buildpage.moc"
