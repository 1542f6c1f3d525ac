#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry::Cli {

// `--setting KEY=VALUE`: one deploy setting of a profile. KEY is the stored name (service_port,
// health_path, ...) or the DeploySettings member name (servicePort, healthPath, ...).
struct SettingAssignment {
    Q_DECLARE_TR_FUNCTIONS(SettingAssignment)
public:
    QString key; // the stored name
    QJsonValue value;

    static Result<SettingAssignment> parse(const QString &text);
    // The stored name of KEY, or an error that lists the known keys.
    static Result<QString> storedKey(const QString &key);
    static QStringList knownKeys();
};

} // namespace Gantry::Cli
