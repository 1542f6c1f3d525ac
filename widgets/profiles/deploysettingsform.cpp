#include "widgets/profiles/deploysettingsform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include "widgets/common/errorpanel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int MaxSeconds = 24 * 3600;
const char *const InvalidProperty = "invalid";

} // namespace

DeploySettingsForm::DeploySettingsForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_origin = new QLabel(this);
    m_origin->setWordWrap(true);
    layout->addWidget(m_origin);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);
    addSpinBox(u"service_port"_s, tr("Service p&ort:"), 65535);
    addLineEdit(u"health_path"_s, tr("Health pa&th:"), u"/healthz"_s);
    addSpinBox(u"health_interval_s"_s, tr("Health &interval:"), MaxSeconds, tr(" s"));
    addSpinBox(u"health_timeout_s"_s, tr("Health ti&meout:"), MaxSeconds, tr(" s"));
    addSpinBox(u"start_grace_s"_s, tr("Start &grace:"), MaxSeconds, tr(" s"));
    addComboBox(u"gin_mode"_s, u"GIN_MOD&E:"_s, { u"release"_s, u"debug"_s, u"test"_s });
    addLineEdit(u"service_user"_s, tr("Service &user:"));
    addComboBox(u"restart"_s, tr("&Restart policy:"),
        { u"on-failure"_s, u"always"_s, u"on-abnormal"_s, u"on-abort"_s, u"on-success"_s, u"on-watchdog"_s,
            u"no"_s });
    addSpinBox(u"restart_s"_s, tr("Restart de&lay:"), MaxSeconds, tr(" s"));
    addSpinBox(u"stop_timeout_s"_s, tr("&Stop timeout:"), MaxSeconds, tr(" s"));
    addLineEdit(u"memory_max"_s, u"MemoryMa&x:"_s, tr("no limit (e.g. 512M, 1G)"));
    addLineEdit(u"cpu_quota"_s, u"&CPUQuota:"_s, tr("no limit (e.g. 50%, 200%)"));
    addSpinBox(u"keep_releases"_s, tr("&Keep releases:"), 1000);
    m_error = new QLabel(this);
    m_error->setObjectName(u"deploySettingsError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(ErrorPanel::errorTextStyle());
    m_error->hide();
    layout->addWidget(m_error);
    auto *save = new QPushButton(tr("Save Deplo&y Settings"), this);
    save->setObjectName(u"saveDeploySettingsButton"_s);
    connect(save, &QPushButton::clicked, this, &DeploySettingsForm::saveRequested);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(save);
    layout->addLayout(row);
    layout->addStretch(1);
    setStyleSheet(u"*[invalid=\"true\"] { border: 1px solid #d1242f; }"_s);
}

DeploySettingsForm::~DeploySettingsForm() = default;

void DeploySettingsForm::addSpinBox(
    const QString &key, const QString &label, int maximum, const QString &suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(0, maximum); // 0 is allowed here so that validate() explains why it is wrong
    spin->setSuffix(suffix);
    addField(key, label, spin);
}

void DeploySettingsForm::addLineEdit(const QString &key, const QString &label, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    addField(key, label, edit);
}

void DeploySettingsForm::addComboBox(const QString &key, const QString &label, const QStringList &values)
{
    auto *combo = new QComboBox(this);
    combo->addItems(values);
    addField(key, label, combo);
}

void DeploySettingsForm::addField(const QString &key, const QString &label, QWidget *editor)
{
    editor->setObjectName(key);
    editor->setToolTip(tr("Profile setting %1").arg(key));
    m_form->addRow(label, editor);
    m_fields << Field { key, editor };
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        connect(spin, &QSpinBox::valueChanged, this, &DeploySettingsForm::updateOwnMarks);
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        connect(edit, &QLineEdit::textChanged, this, &DeploySettingsForm::updateOwnMarks);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentTextChanged, this, &DeploySettingsForm::updateOwnMarks);
}

QJsonValue DeploySettingsForm::value(const Field &field) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(field.editor))
        return spin->value();
    if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        return edit->text().trimmed();
    return qobject_cast<QComboBox *>(field.editor)->currentText();
}

void DeploySettingsForm::setValue(const Field &field, const QJsonValue &value)
{
    if (auto *spin = qobject_cast<QSpinBox *>(field.editor))
        spin->setValue(value.toInt());
    else if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        edit->setText(value.toString());
    else if (auto *combo = qobject_cast<QComboBox *>(field.editor))
        combo->setCurrentIndex(std::max(0, combo->findText(value.toString())));
}

QJsonObject DeploySettingsForm::formJson() const
{
    QJsonObject json;
    for (const Field &field : m_fields)
        json.insert(field.key, value(field));
    return json;
}

void DeploySettingsForm::setSettings(
    const DeploySettings &inherited, const QJsonObject &own, const QString &origin)
{
    m_inherited = inherited;
    const Result<DeploySettings> effective = DeploySettings::fromJson(own, inherited);
    const QJsonObject values = effective ? effective->toJson() : inherited.toJson();
    for (const Field &field : std::as_const(m_fields)) {
        const QSignalBlocker blocker(field.editor);
        setValue(field, values.value(field.key));
    }
    m_origin->setText(origin);
    m_error->hide();
    for (const Field &field : std::as_const(m_fields))
        field.editor->setProperty(InvalidProperty, false);
    updateOwnMarks();
}

void DeploySettingsForm::updateOwnMarks()
{
    const QJsonObject inherited = m_inherited.toJson();
    for (const Field &field : std::as_const(m_fields)) {
        QWidget *label = m_form->labelForField(field.editor);
        QFont font = label->font();
        font.setBold(value(field) != inherited.value(field.key));
        label->setFont(font);
    }
}

Result<QJsonObject> DeploySettingsForm::ownSettings()
{
    const QJsonObject inherited = m_inherited.toJson();
    const QJsonObject form = formJson();
    QJsonObject own;
    for (auto it = form.begin(); it != form.end(); ++it) {
        if (it.value() != inherited.value(it.key()))
            own.insert(it.key(), it.value());
    }
    const Result<DeploySettings> merged = DeploySettings::fromJson(own, m_inherited);
    Result<void> ok = merged ? merged->validate() : Result<void>(std::unexpected(merged.error()));
    if (ok) {
        m_error->hide();
        markField({});
        return own;
    }
    // The field to mark: the first one that is wrong on its own.
    QString culprit;
    for (auto it = own.begin(); it != own.end() && culprit.isEmpty(); ++it) {
        const Result<DeploySettings> one =
            DeploySettings::fromJson({ { it.key(), it.value() } }, m_inherited);
        if (!one || !one->validate())
            culprit = it.key();
    }
    markField(culprit);
    showError(ok.error());
    return std::unexpected(ok.error());
}

void DeploySettingsForm::markField(const QString &key)
{
    for (const Field &field : std::as_const(m_fields)) {
        field.editor->setProperty(InvalidProperty, field.key == key);
        field.editor->style()->unpolish(field.editor);
        field.editor->style()->polish(field.editor);
        if (field.key == key)
            field.editor->setFocus();
    }
}

void DeploySettingsForm::showError(const Error &error)
{
    m_error->setText(error.hint.isEmpty() ? error.message : error.message + u' ' + error.hint);
    m_error->show();
}

} // namespace Gantry
