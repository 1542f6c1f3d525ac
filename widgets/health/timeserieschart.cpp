#include "widgets/health/timeserieschart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int HoverTolerancePx = 8; // a series' sample this close to the readout's time is shown

// Steps of the time axis, in seconds: round for a clock (minutes, quarter hours, hours, days).
constexpr qint64 TimeSteps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
    43200, 86400, 172800, 604800 };

QString numberText(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return QLocale().toString(rounded == 0 ? 0.0 : rounded, 'f', QLocale::FloatingPointShortest);
}

int tickDecimals(double step)
{
    return std::clamp(int(std::ceil(-std::log10(step))) + 1, 0, 6);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateScales();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setTitle(const QString &title)
{
    m_title = title;
    setAccessibleName(title);
    update();
}

void TimeSeriesChart::setUnit(const QString &unit)
{
    m_unit = unit;
    update();
}

void TimeSeriesChart::setTimeRange(const QDateTime &from, const QDateTime &to)
{
    m_from = from;
    m_to = to;
    m_hover.reset();
    update();
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, Style style)
{
    m_series.append({ name, color, style, {} });
    update();
    return int(m_series.size()) - 1;
}

void TimeSeriesChart::setPoints(int series, QList<Point> points)
{
    std::stable_sort(
        points.begin(), points.end(), [](const Point &a, const Point &b) { return a.time < b.time; });
    m_series[series].points = std::move(points);
    m_hover.reset();
    updateScales();
    update();
}

bool TimeSeriesChart::isEmpty() const
{
    return std::all_of(
        m_series.cbegin(), m_series.cend(), [](const Series &s) { return s.points.isEmpty(); });
}

TimeSeriesChart::Ticks TimeSeriesChart::niceTicks(double min, double max, int maxIntervals)
{
    if (!(max > min)) { // one value (or none): a range from zero to it
        max = std::max(max, 0.0);
        min = std::min(min, 0.0);
        if (max == min)
            max = min + 1;
    }
    const double raw = (max - min) / std::max(1, maxIntervals);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normal = raw / magnitude;
    double nice = 10;
    for (double candidate : { 1.0, 2.0, 2.5, 5.0 }) {
        if (normal <= candidate + 1e-9) {
            nice = candidate;
            break;
        }
    }
    Ticks ticks;
    ticks.step = nice * magnitude;
    const double low = std::floor(min / ticks.step + 1e-9);
    const double high = std::ceil(max / ticks.step - 1e-9);
    for (double i = low; i <= high; ++i)
        ticks.values << (i == 0 ? 0.0 : i * ticks.step);
    return ticks;
}

QString TimeSeriesChart::valueText(double value) const
{
    const double size = std::abs(value);
    const QString number = numberText(value, size < 10 ? 2 : size < 100 ? 1 : 0);
    return m_unit.isEmpty() ? number : tr("%1 %2", "a value and its unit, as in 12 ms").arg(number, m_unit);
}

void TimeSeriesChart::updateScales()
{
    double low = 0;
    double high = 0;
    for (const Series &series : std::as_const(m_series)) {
        for (const Point &point : series.points) {
            low = std::min(low, point.value);
            high = std::max(high, point.value);
        }
    }
    // A little room above the highest sample, so a line at the top does not run along the frame.
    m_ticks = niceTicks(low, high + (high - low) * 0.04);
}

std::pair<qint64, qint64> TimeSeriesChart::timeSpan() const
{
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (const Series &series : m_series) {
        if (!series.points.isEmpty()) {
            from = std::min(from, series.points.first().time.toMSecsSinceEpoch());
            to = std::max(to, series.points.last().time.toMSecsSinceEpoch());
        }
    }
    if (m_from.isValid())
        from = m_from.toMSecsSinceEpoch();
    if (m_to.isValid())
        to = m_to.toMSecsSinceEpoch();
    if (from > to)
        from = to = QDateTime::currentMSecsSinceEpoch();
    if (to - from < 1000) { // one sample alone still gets a span, half a minute either side
        from -= 30'000;
        to += 30'000;
    }
    return { from, to };
}

QString TimeSeriesChart::tickText(double value) const
{
    const QString number = numberText(value, tickDecimals(m_ticks.step));
    return m_unit.isEmpty() ? number : tr("%1 %2", "a value and its unit, as in 12 ms").arg(number, m_unit);
}

int TimeSeriesChart::valueLabelWidth() const
{
    int width = 0;
    for (double value : m_ticks.values)
        width = std::max(width, fontMetrics().horizontalAdvance(tickText(value)));
    return width;
}

QRectF TimeSeriesChart::plotRect() const
{
    const QFontMetrics fm = fontMetrics();
    const int margin = fm.height() / 2;
    const double top = margin + fm.height() * 1.75; // the top tick's label stays clear of the legend
    const double left = margin + valueLabelWidth() + margin;
    // Room for half of the last time label, which is centred on its tick.
    const double right = width() - margin - fm.horizontalAdvance(u"00:00:00"_s) / 2.0;
    const double bottom = height() - margin - fm.height() - margin / 2.0;
    return QRectF(QPointF(left, top), QPointF(std::max(left + 1, right), std::max(top + 1, bottom)));
}

QPointF TimeSeriesChart::position(const QDateTime &time, double value) const
{
    const QRectF plot = plotRect();
    return { timeX(plot, time.toMSecsSinceEpoch()), valueY(plot, value) };
}

double TimeSeriesChart::timeX(const QRectF &plot, qint64 ms) const
{
    const auto [from, to] = timeSpan();
    return plot.left() + double(ms - from) / double(to - from) * plot.width();
}

double TimeSeriesChart::valueY(const QRectF &plot, double value) const
{
    const double low = m_ticks.values.first();
    const double high = m_ticks.values.last();
    return plot.bottom() - (value - low) / (high - low) * plot.height();
}

TimeSeriesChart::TimeTicks TimeSeriesChart::timeTicks(double plotWidth) const
{
    const auto [from, to] = timeSpan();
    const bool days = to - from >= 86'400'000;
    const QString widest = days ? u"00-00 00:00"_s : u"00:00:00"_s;
    const int room = fontMetrics().horizontalAdvance(widest) + fontMetrics().height() * 2;
    const qint64 maxLabels = std::max<qint64>(1, qint64(plotWidth / room));
    TimeTicks ticks;
    ticks.stepMs = std::end(TimeSteps)[-1] * 1000;
    for (qint64 step : TimeSteps) {
        if ((to - from) / (step * 1000) < maxLabels) {
            ticks.stepMs = step * 1000;
            break;
        }
    }
    ticks.format = days ? u"MM-dd HH:mm"_s : ticks.stepMs < 60'000 ? u"HH:mm:ss"_s : u"HH:mm"_s;
    // Round steps on the local clock: 10:15, 10:30 ... rather than steps from the first sample.
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(from).offsetFromUtc()) * 1000;
    qint64 tick = ((from + offset + ticks.stepMs - 1) / ticks.stepMs) * ticks.stepMs - offset;
    for (; tick <= to; tick += ticks.stepMs)
        ticks.values << QDateTime::fromMSecsSinceEpoch(tick);
    return ticks;
}

std::optional<double> TimeSeriesChart::nearestValue(const Series &series, qint64 ms, qint64 toleranceMs) const
{
    std::optional<double> best;
    qint64 bestDistance = toleranceMs + 1;
    for (const Point &point : series.points) {
        const qint64 distance = std::abs(point.time.toMSecsSinceEpoch() - ms);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = point.value;
        }
    }
    return best;
}

std::optional<TimeSeriesChart::Readout> TimeSeriesChart::readoutAt(double x) const
{
    const QRectF plot = plotRect();
    const auto [from, to] = timeSpan();
    const double msPerPx = double(to - from) / plot.width();
    const qint64 ms = from + qint64((x - plot.left()) * msPerPx);
    std::optional<qint64> nearest;
    for (const Series &series : m_series) {
        for (const Point &point : series.points) {
            const qint64 t = point.time.toMSecsSinceEpoch();
            if (!nearest || std::abs(t - ms) < std::abs(*nearest - ms))
                nearest = t;
        }
    }
    if (!nearest)
        return std::nullopt;
    Readout readout { QDateTime::fromMSecsSinceEpoch(*nearest), {} };
    for (const Series &series : m_series)
        readout.values << nearestValue(series, *nearest, qint64(HoverTolerancePx * msPerPx));
    return readout;
}

QSize TimeSeriesChart::sizeHint() const
{
    const int line = fontMetrics().height();
    return { line * 32, line * 16 };
}

QSize TimeSeriesChart::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return { line * 16, line * 9 };
}

void TimeSeriesChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    m_hover = plotRect().contains(pos) ? readoutAt(pos.x()) : std::nullopt;
    update();
    QWidget::mouseMoveEvent(event);
}

void TimeSeriesChart::leaveEvent(QEvent *event)
{
    m_hover.reset();
    update();
    QWidget::leaveEvent(event);
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void TimeSeriesChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF plot = plotRect();
    drawHeader(p);
    p.fillRect(plot, palette().color(QPalette::Base));
    if (isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No samples yet"));
    } else {
        drawValueAxis(p, plot);
        drawTimeAxis(p, plot);
        p.save();
        p.setClipRect(plot.adjusted(-4, -4, 4, 4));
        for (const Series &series : std::as_const(m_series))
            drawSeries(p, series);
        p.restore();
        if (m_hover)
            drawReadout(p, plot, *m_hover);
    }
    p.setPen(withAlpha(palette().color(QPalette::WindowText), 110));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
}

// The title on the left, the legend (a swatch and a name per series) on the right.
void TimeSeriesChart::drawHeader(QPainter &p) const
{
    const QFontMetrics fm = fontMetrics();
    const int margin = fm.height() / 2;
    const QRectF line(margin, margin, width() - 2 * margin, fm.height());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setFont(font());
    double right = line.right();
    for (qsizetype i = m_series.size() - 1; i >= 0; --i) {
        const Series &series = m_series.at(i);
        const int textWidth = fm.horizontalAdvance(series.name);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(right - textWidth, line.top(), textWidth, line.height()),
            Qt::AlignLeft | Qt::AlignVCenter, series.name);
        const QRectF swatch(
            right - textWidth - margin / 2.0 - fm.height(), line.top(), fm.height(), line.height());
        drawSwatch(p, series, swatch);
        right = swatch.left() - fm.height();
    }
}

// A dot for dots, a short thick line for a line, centred in `box`.
void TimeSeriesChart::drawSwatch(QPainter &p, const Series &series, const QRectF &box) const
{
    p.setPen(Qt::NoPen);
    p.setBrush(series.color);
    const double size = fontMetrics().height() * 0.55;
    if (series.style == Style::Dots) {
        p.drawEllipse(box.center(), size / 2, size / 2);
    } else {
        const double thickness = std::max(2.0, size / 3);
        p.drawRoundedRect(QRectF(box.left() + box.width() * 0.1, box.center().y() - thickness / 2,
                              box.width() * 0.8, thickness),
            thickness / 2, thickness / 2);
    }
}

void TimeSeriesChart::drawValueAxis(QPainter &p, const QRectF &plot) const
{
    const QFontMetrics fm = fontMetrics();
    const QColor text = palette().color(QPalette::WindowText);
    for (double value : m_ticks.values) {
        const double y = valueY(plot, value);
        p.setPen(QPen(withAlpha(text, 40), 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(text);
        p.drawText(QRectF(0, y - fm.height() / 2.0, plot.left() - fm.height() / 2.0, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, tickText(value));
    }
}

void TimeSeriesChart::drawTimeAxis(QPainter &p, const QRectF &plot) const
{
    const QFontMetrics fm = fontMetrics();
    const TimeTicks ticks = timeTicks(plot.width());
    const QColor text = palette().color(QPalette::WindowText);
    for (const QDateTime &time : ticks.values) {
        const double x = timeX(plot, time.toMSecsSinceEpoch());
        p.setPen(QPen(withAlpha(text, 40), 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const QString label = time.toLocalTime().toString(ticks.format);
        const double w = fm.horizontalAdvance(label);
        p.setPen(text);
        p.drawText(
            QRectF(x - w / 2, plot.bottom() + fm.height() / 4.0, w, fm.height()), Qt::AlignCenter, label);
    }
}

void TimeSeriesChart::drawSeries(QPainter &p, const Series &series) const
{
    if (series.style == Style::Dots) {
        const double radius = fontMetrics().height() / 6.0;
        p.setPen(Qt::NoPen);
        p.setBrush(series.color);
        for (const Point &point : series.points)
            p.drawEllipse(position(point.time, point.value), radius, radius);
        return;
    }
    QPainterPath path;
    for (const Point &point : series.points) {
        const QPointF at = position(point.time, point.value);
        if (path.elementCount() == 0)
            path.moveTo(at);
        else
            path.lineTo(at);
    }
    p.setPen(QPen(series.color, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    if (series.points.size() == 1) // a line of one sample is a dot
        p.drawPoint(position(series.points.first().time, series.points.first().value));
    else
        p.drawPath(path);
}

QString TimeSeriesChart::readoutTime(const Readout &readout) const
{
    const auto [from, to] = timeSpan();
    const bool days = to - from >= 86'400'000;
    return readout.time.toLocalTime().toString(days ? u"MM-dd HH:mm:ss"_s : u"HH:mm:ss"_s);
}

// A vertical line at the sample's time, a ring on each series' value, and a box that reads them:
// the time, then a swatch, the name and the value of each series with a sample there.
void TimeSeriesChart::drawReadout(QPainter &p, const QRectF &plot, const Readout &readout) const
{
    const QFontMetrics fm = fontMetrics();
    const double x = timeX(plot, readout.time.toMSecsSinceEpoch());
    p.setPen(QPen(withAlpha(palette().color(QPalette::WindowText), 150), 1, Qt::DashLine));
    p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    QList<std::pair<qsizetype, QString>> rows { { -1, readoutTime(readout) } };
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        if (!readout.values.at(i))
            continue;
        p.setPen(QPen(m_series.at(i).color, 2));
        p.setBrush(palette().color(QPalette::Base));
        p.drawEllipse(position(readout.time, *readout.values.at(i)), fm.height() / 4.0, fm.height() / 4.0);
        rows.append({ i,
            tr("%1: %2", "a series and its value")
                .arg(m_series.at(i).name, valueText(*readout.values.at(i))) });
    }
    const int pad = fm.height() / 3;
    const int indent = fm.height() + pad; // the swatch
    int textWidth = 0;
    for (const auto &[series, text] : rows)
        textWidth = std::max(textWidth, fm.horizontalAdvance(text) + (series >= 0 ? indent : 0));
    QRectF box(0, plot.top() + pad, textWidth + 2 * pad, double(rows.size()) * fm.height() + 2 * pad);
    box.moveLeft(x + box.width() + 2 * pad < plot.right() ? x + pad : x - pad - box.width());
    p.setPen(withAlpha(palette().color(QPalette::ToolTipText), 90));
    p.setBrush(palette().color(QPalette::ToolTipBase));
    p.drawRoundedRect(box, 3, 3);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QRectF line(box.left() + pad, box.top() + pad + double(i) * fm.height(), textWidth, fm.height());
        if (const qsizetype series = rows.at(i).first; series >= 0) {
            drawSwatch(p, m_series.at(series), QRectF(line.left(), line.top(), fm.height(), fm.height()));
            line.setLeft(line.left() + indent);
        }
        p.setPen(palette().color(QPalette::ToolTipText));
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, rows.at(i).second);
    }
}

} // namespace Gantry
