#include "widgets/build/targetsview.h"

#include "widgets/build/targetlistmodel.h"

namespace Gantry {

namespace {

constexpr int VisibleRows = 3;

} // namespace

TargetsView::TargetsView(TargetListModel *model, QWidget *parent)
    : QListView(parent)
{
    setModel(model);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setToolTip(tr("Tick the platforms your servers run"));
    // A grid cell as wide as the widest platform: the checkboxes line up in columns.
    QSize cell(fontMetrics().horizontalAdvance(QStringLiteral("windows/amd64")), fontMetrics().height());
    for (int row = 0; row < model->rowCount(); ++row)
        cell = cell.expandedTo(sizeHintForIndex(model->index(row)));
    setGridSize(cell + QSize(16, 6));
    setFixedHeight(VisibleRows * gridSize().height() + 2 * frameWidth() + 4);
}

TargetsView::~TargetsView() = default;

} // namespace Gantry
