#pragma once

#include "core/service/servicemanager.h"

namespace Gantry {

// systemd: a hardened unit in /etc/systemd/system (SystemdUnit), `systemctl` and the journal.
class SystemdManager final : public ServiceManager {
    Q_DECLARE_TR_FUNCTIONS(SystemdManager)
public:
    explicit SystemdManager(ServerLayout layout);

    ServiceManagerKind kind() const override { return ServiceManagerKind::Systemd; }
    QString serviceName() const override;
    QString serviceFile() const override;
    Result<QByteArray> renderServiceFile(const UnitSpec &spec) const override;
    QByteArray isActive() const override;
    QByteArray install(const QByteArray &serviceFile) const override;
    QByteArray restore() const override;
    QByteArray restart() const override;
    QByteArray control(const QString &verb) const override;
    QByteArray status() const override;
    Result<ServiceState> parseStatus(const QByteArray &output) const override;
    QByteArray logTail(int lines) const override;
};

} // namespace Gantry
