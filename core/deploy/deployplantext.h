#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "core/common/error.h"
#include "core/deploy/deployrequest.h"

namespace Gantry {

// What a deploy will do on one server, in words: printed by `gantryctl deploy --dry-run` and
// shown by the Deploy page's Review Plan, from this one description.
struct HostPlan {
    QString title; // "web1 (deploy@10.0.0.5:22): shop 1.4.0 to /opt/gantry/shop, profile prod"
    QString steps; // "lock, probe, upload and verify ..., unlock."
    QString serviceFilePath; // /etc/systemd/system/gantry-shop.service
    Result<QByteArray> serviceFile; // its content, or why it cannot be made
    QString envFilePath;
    QString serviceName; // gantry-shop.service, gantry-shop
};

class DeployPlanText final {
    Q_DECLARE_TR_FUNCTIONS(DeployPlanText)
public:
    // The service manager is the server's or the profile's choice; systemd when neither chose
    // (the deploy itself asks the server).
    static HostPlan describe(const DeployRequest &request, const DeployHost &host);
};

} // namespace Gantry
