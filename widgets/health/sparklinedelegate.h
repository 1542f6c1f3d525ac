#pragma once

#include <QStyledItemDelegate>

namespace Gantry {

// Draws a cell's text with a small line of its LatencyHistoryRole values behind it: cheap enough
// for hundreds of rows. Points without an answer (-1) break the line and mark the bottom in red.
class SparklineDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)
public:
    explicit SparklineDelegate(int historyRole, QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void drawLine(QPainter *painter, const QRectF &area, const QList<int> &values, const QColor &color) const;

    int m_role;
};

} // namespace Gantry
