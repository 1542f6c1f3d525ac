#include "core/deploy/deployplantext.h"

#include <QLocale>

#include "core/deploy/hostdeployer.h"
#include "core/service/servicemanager.h"

using namespace Qt::StringLiterals;

namespace Gantry {

HostPlan DeployPlanText::describe(const DeployRequest &request, const DeployHost &host)
{
    auto layout = ServerLayout::forApp(request.app);
    if (!layout)
        return { host.server.name, {}, {}, std::unexpected(layout.error()), {}, {} };
    const QString choice =
        host.server.serviceManager.isEmpty() ? host.settings.serviceManager : host.server.serviceManager;
    const auto manager = ServiceManager::create(
        ServiceManager::kindFromName(choice).value_or(ServiceManagerKind::Systemd), *layout);
    const QString arch = host.server.arch.isEmpty() ? u"amd64"_s : host.server.arch;
    const DeployArtifact artifact = request.artifacts.value(arch);
    const QString login =
        u"%1@%2:%3"_s.arg(host.server.user.isEmpty() ? u"root"_s : host.server.user, host.server.address)
            .arg(host.server.port);
    HostPlan plan { tr("%1 (%2): %3 %4 to %5, profile %6")
                        .arg(host.server.name, login, request.app, request.version, layout->root(),
                            request.profile),
        tr("lock; probe; upload and verify %1 for linux/%2; unpack a new release; write the env file; "
           "install "
           "%3 (%4); switch and restart; wait until %5 answers (up to %6 s); record; keep %7 releases; "
           "unlock.")
            .arg(QLocale().formattedDataSize(artifact.size), arch, manager->serviceName(),
                manager->displayName(), host.settings.healthPath)
            .arg(host.settings.startGraceSecs)
            .arg(host.settings.keepReleases),
        manager->serviceFile(), manager->renderServiceFile(HostDeployer::unitSpec(request, host, *layout)),
        layout->envFile(), manager->serviceName() };
    return plan;
}

} // namespace Gantry
