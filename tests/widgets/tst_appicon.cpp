#include <QTest>

#include "widgets/common/appicon.h"

using namespace Gantry;
using namespace Qt::StringLiterals;

// The icons come from the PNGs the build rendered (cmake/GantryIcons.cmake), every size in one QIcon.
class tst_AppIcon : public QObject {
    Q_OBJECT
private slots:
    void everyRenderedSizeIsInTheIcon_data();
    void everyRenderedSizeIsInTheIcon();
    void aScreenAtTwiceTheScaleGetsTheLargerPicture();
    void anUnknownNameIsANullIcon();
};

void tst_AppIcon::everyRenderedSizeIsInTheIcon_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("gantry") << u"gantry"_s << QList<int> { 16, 24, 32, 48, 64, 96, 128, 192, 256 };
    for (const QString &page : { u"projects"_s, u"build"_s, u"profiles"_s, u"servers"_s, u"deploy"_s,
             u"health"_s, u"logs"_s, u"settings"_s, u"about"_s })
        QTest::newRow(qPrintable(page)) << page << QList<int> { 24, 36, 48 };
}

void tst_AppIcon::everyRenderedSizeIsInTheIcon()
{
    QFETCH(QString, name);
    QFETCH(QList<int>, sizes);
    QList<int> found;
    for (const QSize &size : appIcon(name).availableSizes())
        found << size.width();
    std::sort(found.begin(), found.end());
    QCOMPARE(found, sizes);
}

void tst_AppIcon::aScreenAtTwiceTheScaleGetsTheLargerPicture()
{
    const QIcon icon = appIcon(u"servers"_s);
    QCOMPARE(icon.pixmap(QSize(24, 24), 1.0).size(), QSize(24, 24));
    const QPixmap sharp = icon.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(sharp.size(), QSize(48, 48));
    QCOMPARE(sharp.devicePixelRatio(), 2.0);
}

void tst_AppIcon::anUnknownNameIsANullIcon()
{
    QVERIFY(appIcon(u"no-such-icon"_s).isNull());
}

QTEST_MAIN(tst_AppIcon)
#include "tst_appicon.moc"
