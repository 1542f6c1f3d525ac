#include "widgets/sparklinedelegate.h"

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
    const QString text = cell.text;
    cell.text.clear();
    QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);
    const QRect textRect = option.rect.adjusted(4, 0, -SparklineWidth - 8, 0);
    painter->save();
    painter->setPen(
        cell.palette.color(cell.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
        cell.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    const QList<int> values = index.data(m_role).value<QList<int>>();
    if (values.size() >= 2) {
        const QRectF area = QRectF(option.rect).adjusted(option.rect.width() - SparklineWidth - 4, 4, -4, -4);
        painter->setRenderHint(QPainter::Antialiasing);
        // On the selection's blue the line takes the selected text's colour, or it would vanish.
        drawLine(painter, area, values,
            cell.state & QStyle::State_Selected ? cell.palette.color(QPalette::HighlightedText)
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
