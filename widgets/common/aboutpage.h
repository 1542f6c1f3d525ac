#pragma once

#include <QWidget>

namespace Gantry {

// The app's name, version, the Qt it runs on, its license and where to learn more.
class AboutPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutPage)
public:
    explicit AboutPage(QWidget *parent = nullptr);
    ~AboutPage() override;

private:
    QWidget *createHeader();
    QWidget *createDetails();
};

} // namespace Gantry
