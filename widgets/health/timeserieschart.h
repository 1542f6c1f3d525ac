#pragma once

#include <optional>
#include <utility>

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QWidget>

namespace Gantry {

// Values over time drawn with QPainter (the way qBittorrent draws its speed graph): a value axis
// with round ticks and unit labels, a time axis whose labels follow the span, one or more series
// with a legend, and a readout of the nearest sample under the mouse. Colours come from the
// palette, so it follows dark mode; sizes come from the font, so it follows the scale factor.
class TimeSeriesChart final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)
public:
    enum class Style { Line, Dots };
    struct Point {
        QDateTime time;
        double value = 0;
    };
    // Round values from at most `min` to at least `max`, `step` apart.
    struct Ticks {
        double step = 1;
        QList<double> values;
    };
    // The sample nearest in time to a point of the plot, and each series' value closest to it.
    struct Readout {
        QDateTime time;
        QList<std::optional<double>> values; // by series; empty when it has no sample near
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    void setTitle(const QString &title);
    void setUnit(const QString &unit); // after each value: "ms", "%", "MiB"
    // The time axis spans these (local time is shown); by default the samples' first and last.
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    int addSeries(const QString &name, const QColor &color, Style style = Style::Line);
    void setPoints(int series, QList<Point> points); // sorted by time here
    int seriesCount() const { return int(m_series.size()); }

    static Ticks niceTicks(double min, double max, int maxIntervals = 5);
    QString valueText(double value) const; // "12.5 ms", in the UI language's number format
    QRectF plotRect() const; // where the samples are drawn, in widget coordinates
    QPointF position(const QDateTime &time, double value) const; // in widget coordinates
    std::optional<Readout> readoutAt(double x) const;
    std::optional<Readout> hoverReadout() const { return m_hover; }
    bool isEmpty() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Series {
        QString name;
        QColor color;
        Style style;
        QList<Point> points;
    };
    struct TimeTicks {
        qint64 stepMs = 0;
        QList<QDateTime> values;
        QString format;
    };

    void updateScales();
    TimeTicks timeTicks(double plotWidth) const;
    int valueLabelWidth() const;
    QString tickText(double value) const;
    std::pair<qint64, qint64> timeSpan() const; // msecs since the epoch, never empty
    double timeX(const QRectF &plot, qint64 ms) const;
    double valueY(const QRectF &plot, double value) const;
    std::optional<double> nearestValue(const Series &series, qint64 ms, qint64 toleranceMs) const;

    void drawHeader(QPainter &p) const;
    void drawValueAxis(QPainter &p, const QRectF &plot) const;
    void drawTimeAxis(QPainter &p, const QRectF &plot) const;
    void drawSeries(QPainter &p, const Series &series) const;
    void drawSwatch(QPainter &p, const Series &series, const QRectF &box) const;
    void drawReadout(QPainter &p, const QRectF &plot, const Readout &readout) const;
    QString readoutTime(const Readout &readout) const;

    QString m_title;
    QString m_unit;
    QDateTime m_from;
    QDateTime m_to;
    QList<Series> m_series;
    Ticks m_ticks;
    std::optional<Readout> m_hover;
};

} // namespace Gantry
