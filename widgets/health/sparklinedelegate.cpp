#include "widgets/health/sparklinedelegate.h"

#include <algorithm>

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Gantry {

namespace {

constexpr int SparklineWidth = 80;

} // namespace

SparklineDelegate::SparklineDelegate(int historyRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(historyRole)
{
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    return { text.width() + SparklineWidth + 8, text.height() };
}

void SparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    // The style draws the text (elided here to leave room for the line): it knows the colour of
    // selected text on its own selection. The Windows style's selection is light and its selected
    // text dark, not the palette's HighlightedText (white), which vanished there.
    const QRect textRect = option.rect.adjusted(4, 0, -SparklineWidth - 8, 0);
    cell.text = cell.fontMetrics.elidedText(cell.text, Qt::ElideRight, textRect.width());
    cell.textElideMode = Qt::ElideNone;
    cell.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);
    painter->save();
    const QList<int> values = index.data(m_role).value<QList<int>>();
    if (values.size() >= 2) {
        const QRectF area = QRectF(option.rect).adjusted(option.rect.width() - SparklineWidth - 4, 4, -4, -4);
        painter->setRenderHint(QPainter::Antialiasing);
        // On a selection in the palette's Highlight the line takes the selected text's colour, or it
        // would vanish; the Windows style's selection is light and keeps the blue line.
        const bool paletteSelection = (cell.state & QStyle::State_Selected) &&
            style->name().compare(u"windowsvista", Qt::CaseInsensitive) != 0;
        drawLine(painter, area, values,
            paletteSelection ? cell.palette.color(cell.palette.currentColorGroup(), QPalette::HighlightedText)
                             : QColor(0x2f, 0x81, 0xf7));
    }
    painter->restore();
}

void SparklineDelegate::drawLine(
    QPainter *painter, const QRectF &area, const QList<int> &values, const QColor &color) const
{
    const int top = std::max(1, *std::ranges::max_element(values));
    const double step = area.width() / double(std::max<qsizetype>(1, values.size() - 1));
    QPainterPath path;
    bool drawing = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double x = area.left() + double(i) * step;
        if (values.at(i) < 0) {
            painter->setPen(QPen(QColor(0xcf, 0x22, 0x2e), 2));
            painter->drawPoint(QPointF(x, area.bottom()));
            drawing = false;
            continue;
        }
        const QPointF point(x, area.bottom() - area.height() * double(values.at(i)) / double(top));
        drawing ? path.lineTo(point) : path.moveTo(point);
        drawing = true;
    }
    painter->setPen(QPen(color, 1.2));
    painter->drawPath(path);
}

} // namespace Gantry
