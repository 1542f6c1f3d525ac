#include "core/deploy/deploystep.h"

using namespace Qt::StringLiterals;

namespace Gantry {

QString DeployStepNames::name(DeployStep step)
{
    switch (step) {
    case DeployStep::Connect:
        return u"connect"_s;
    case DeployStep::Lock:
        return u"lock"_s;
    case DeployStep::Probe:
        return u"probe"_s;
    case DeployStep::Upload:
        return u"upload"_s;
    case DeployStep::Unpack:
        return u"unpack"_s;
    case DeployStep::EnvFile:
        return u"env-file"_s;
    case DeployStep::Unit:
        return u"unit"_s;
    case DeployStep::Wait:
        return u"wait"_s;
    case DeployStep::Switch:
        return u"switch"_s;
    case DeployStep::Health:
        return u"health"_s;
    case DeployStep::Record:
        return u"record"_s;
    case DeployStep::Prune:
        return u"prune"_s;
    case DeployStep::Unlock:
        return u"unlock"_s;
    case DeployStep::RollBack:
        return u"rollback"_s;
    }
    return {};
}

QString DeployStepNames::title(DeployStep step)
{
    switch (step) {
    case DeployStep::Connect:
        return tr("Connect");
    case DeployStep::Lock:
        return tr("Lock");
    case DeployStep::Probe:
        return tr("Probe the server");
    case DeployStep::Upload:
        return tr("Upload and verify");
    case DeployStep::Unpack:
        return tr("Unpack a new release");
    case DeployStep::EnvFile:
        return tr("Write the env file");
    case DeployStep::Unit:
        return tr("Install the service");
    case DeployStep::Wait:
        return tr("Wait for the first server");
    case DeployStep::Switch:
        return tr("Switch and restart");
    case DeployStep::Health:
        return tr("Wait until healthy");
    case DeployStep::Record:
        return tr("Record the release");
    case DeployStep::Prune:
        return tr("Prune old releases");
    case DeployStep::Unlock:
        return tr("Unlock");
    case DeployStep::RollBack:
        return tr("Roll back");
    }
    return {};
}

QString DeployStepNames::stateName(StepState state)
{
    switch (state) {
    case StepState::Started:
        return u"started"_s;
    case StepState::Done:
        return u"done"_s;
    case StepState::Skipped:
        return u"skipped"_s;
    case StepState::Failed:
        return u"failed"_s;
    case StepState::Info:
        return u"info"_s;
    }
    return {};
}

} // namespace Gantry
