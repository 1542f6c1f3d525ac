#include <QImage>
#include <QMouseEvent>
#include <QTest>

#include "widgets/health/timeserieschart.h"

using namespace Gantry;
using namespace Qt::StringLiterals;

namespace {

const QDateTime Start = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
const QColor Red(255, 0, 0);

// One sample every ten seconds, rising from 0 to 90.
QList<TimeSeriesChart::Point> rising()
{
    QList<TimeSeriesChart::Point> points;
    for (int i = 0; i < 10; ++i)
        points.append({ Start.addSecs(i * 10), i * 10.0 });
    return points;
}

// The topmost reddish device pixel of column x, or -1.
int redRow(const QImage &image, int x)
{
    for (int y = 0; y < image.height(); ++y) {
        const QColor c = image.pixelColor(x, y);
        if (c.red() > 200 && c.green() < 90 && c.blue() < 90)
            return y;
    }
    return -1;
}

} // namespace

class tst_TimeSeriesChart : public QObject {
    Q_OBJECT
private slots:
    void niceTicks_data();
    void niceTicks();
    void valueTextHasTheUnit();
    void risingSeriesIsDrawnRising_data();
    void risingSeriesIsDrawnRising();
    void emptyChartDrawsNoSeries();
    void readoutPicksTheNearestSample();
    void hoverShowsTheReadout();
};

void tst_TimeSeriesChart::niceTicks_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::addColumn<int>("count");
    QTest::newRow("0..0") << 0.0 << 0.0 << 0.2 << 0.0 << 1.0 << 6;
    QTest::newRow("0..1") << 0.0 << 1.0 << 0.2 << 0.0 << 1.0 << 6;
    QTest::newRow("0..37") << 0.0 << 37.0 << 10.0 << 0.0 << 40.0 << 5;
    QTest::newRow("0..100") << 0.0 << 100.0 << 20.0 << 0.0 << 100.0 << 6;
    QTest::newRow("0..1234") << 0.0 << 1234.0 << 250.0 << 0.0 << 1250.0 << 6;
    QTest::newRow("0..0.003") << 0.0 << 0.003 << 0.001 << 0.0 << 0.003 << 4;
    QTest::newRow("-5..12") << -5.0 << 12.0 << 5.0 << -5.0 << 15.0 << 5;
    QTest::newRow("-37..-2") << -37.0 << -2.0 << 10.0 << -40.0 << 0.0 << 5;
    QTest::newRow("7..7 (one value)") << 7.0 << 7.0 << 2.0 << 0.0 << 8.0 << 5;
}

void tst_TimeSeriesChart::niceTicks()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, step);
    QFETCH(double, first);
    QFETCH(double, last);
    QFETCH(int, count);
    const TimeSeriesChart::Ticks ticks = TimeSeriesChart::niceTicks(min, max);
    QVERIFY2(qFuzzyCompare(ticks.step, step), qPrintable(QString::number(ticks.step)));
    QCOMPARE(ticks.values.size(), count);
    QVERIFY(qFuzzyCompare(1 + ticks.values.first(), 1 + first));
    QVERIFY(qFuzzyCompare(1 + ticks.values.last(), 1 + last));
    QVERIFY(ticks.values.first() <= std::min(min, max));
    QVERIFY(ticks.values.last() >= max);
}

void tst_TimeSeriesChart::valueTextHasTheUnit()
{
    TimeSeriesChart chart;
    chart.setUnit(u"ms"_s);
    QCOMPARE(chart.valueText(12), u"12 ms"_s);
    QCOMPARE(chart.valueText(1.234), u"1.23 ms"_s);
    QCOMPARE(chart.valueText(512.4), u"512 ms"_s);
}

void tst_TimeSeriesChart::risingSeriesIsDrawnRising_data()
{
    QTest::addColumn<qreal>("ratio");
    QTest::newRow("1x") << qreal(1);
    QTest::newRow("2x") << qreal(2);
}

// The line's right end is higher than its left, and both are where position() says.
void tst_TimeSeriesChart::risingSeriesIsDrawnRising()
{
    QFETCH(qreal, ratio);
    TimeSeriesChart chart;
    chart.resize(480, 300);
    chart.setUnit(u"ms"_s);
    chart.setPoints(chart.addSeries(u"latency"_s, Red), rising());
    QImage image(chart.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    chart.render(&image);

    const QPointF left = chart.position(Start.addSecs(10), 10);
    const QPointF right = chart.position(Start.addSecs(80), 80);
    const int leftRow = redRow(image, int(left.x() * ratio));
    const int rightRow = redRow(image, int(right.x() * ratio));
    QVERIFY(leftRow >= 0 && rightRow >= 0);
    QVERIFY2(rightRow < leftRow, qPrintable(u"%1 %2"_s.arg(rightRow).arg(leftRow)));
    QVERIFY(std::abs(leftRow - left.y() * ratio) <= 3 * ratio);
    QVERIFY(std::abs(rightRow - right.y() * ratio) <= 3 * ratio);
    QVERIFY(chart.plotRect().contains(left) && chart.plotRect().contains(right));
}

void tst_TimeSeriesChart::emptyChartDrawsNoSeries()
{
    TimeSeriesChart chart;
    chart.resize(400, 240);
    chart.addSeries(u"latency"_s, Red);
    QVERIFY(chart.isEmpty());
    QVERIFY(!chart.readoutAt(chart.plotRect().center().x()));
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    chart.render(&image);
    const int plotMiddle = int(chart.plotRect().center().x());
    QCOMPARE(redRow(image, plotMiddle), -1);
}

void tst_TimeSeriesChart::readoutPicksTheNearestSample()
{
    TimeSeriesChart chart;
    chart.resize(600, 300);
    const int latency = chart.addSeries(u"latency"_s, Red);
    const int stored = chart.addSeries(u"stored"_s, Qt::blue, TimeSeriesChart::Style::Dots);
    chart.setPoints(latency, rising());
    chart.setPoints(stored, { { Start.addSecs(90), 5 } });

    auto readout = chart.readoutAt(chart.position(Start.addSecs(22), 0).x());
    QVERIFY(readout);
    QCOMPARE(readout->time, Start.addSecs(20));
    QCOMPARE(readout->values.size(), 2);
    QCOMPARE(readout->values.at(latency), 20.0);
    QVERIFY(!readout->values.at(stored)); // its only sample is far away

    readout = chart.readoutAt(chart.position(Start.addSecs(27), 0).x());
    QCOMPARE(readout->time, Start.addSecs(30));
    QCOMPARE(readout->values.at(latency), 30.0);

    readout = chart.readoutAt(chart.plotRect().right());
    QCOMPARE(readout->time, Start.addSecs(90));
    QCOMPARE(readout->values.at(latency), 90.0);
    QCOMPARE(readout->values.at(stored), 5.0);
}

void tst_TimeSeriesChart::hoverShowsTheReadout()
{
    TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.setPoints(chart.addSeries(u"latency"_s, Red), rising());
    const QPointF at(chart.position(Start.addSecs(41), 0).x(), chart.plotRect().center().y());
    QMouseEvent move(
        QEvent::MouseMove, at, chart.mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&chart, &move);
    QVERIFY(chart.hoverReadout());
    QCOMPARE(chart.hoverReadout()->time, Start.addSecs(40));
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    chart.render(&image); // the readout box paints without touching anything outside

    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(&chart, &leave);
    QVERIFY(!chart.hoverReadout());
}

QTEST_MAIN(tst_TimeSeriesChart)
#include "tst_timeserieschart.moc"
