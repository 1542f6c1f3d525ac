#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

#include "core/common/error.h"
#include "core/store/records.h"

class QFormLayout;
class QLabel;

namespace Gantry {

// How a profile's service runs: port, health check, GIN_MODE, systemd unit settings.
// Shows the effective values; keys the profile sets itself are bold, the rest are inherited.
class DeploySettingsForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploySettingsForm)
public:
    explicit DeploySettingsForm(QWidget *parent = nullptr);
    ~DeploySettingsForm() override;

    // `inherited`: what the profile gets from the profiles it extends; `own`: the keys it sets.
    void setSettings(const DeploySettings &inherited, const QJsonObject &own, const QString &origin);
    // The keys that differ from the inherited values, checked with DeploySettings::validate.
    // On an error the field is marked and the error shown under the form.
    Result<QJsonObject> ownSettings();
    void showError(const Error &error);

signals:
    void saveRequested();

private:
    struct Field {
        QString key;
        QWidget *editor = nullptr;
    };

    void addSpinBox(const QString &key, const QString &label, int maximum, const QString &suffix = {});
    void addLineEdit(const QString &key, const QString &label, const QString &placeholder = {});
    void addComboBox(const QString &key, const QString &label, const QStringList &values);
    void addField(const QString &key, const QString &label, QWidget *editor);
    QJsonValue value(const Field &field) const;
    void setValue(const Field &field, const QJsonValue &value);
    QJsonObject formJson() const;
    void markField(const QString &key);
    void updateOwnMarks();

    QFormLayout *m_form = nullptr;
    QList<Field> m_fields;
    DeploySettings m_inherited;
    QLabel *m_origin = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Gantry
