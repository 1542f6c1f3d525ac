#pragma once

#include <QListView>

namespace Gantry {

class TargetListModel;

// Target platforms as rows of checkboxes that wrap with the width, three rows high.
class TargetsView final : public QListView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetsView)
public:
    explicit TargetsView(TargetListModel *model, QWidget *parent = nullptr);
    ~TargetsView() override;
};

} // namespace Gantry
