#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QPlainTextEdit;

namespace Gantry {

// Shows the systemd unit a deploy installs, per server (settings may differ between servers).
class UnitFileDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitFileDialog)
public:
    // (server name, unit file text), and the path the unit is installed to.
    UnitFileDialog(
        const QList<QPair<QString, QString>> &units, const QString &path, QWidget *parent = nullptr);
    ~UnitFileDialog() override;

    QString text() const;

private:
    QComboBox *m_server = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace Gantry
