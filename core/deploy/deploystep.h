#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace Gantry {

// The steps of a deploy to one host, in order, and what a rollback adds. The GUI draws them.
enum class DeployStep {
    Connect,
    Lock,
    Probe,
    Upload,
    Unpack,
    EnvFile,
    Unit,
    Wait, // for the first host to pass its health check
    Switch,
    Health,
    Record,
    Prune,
    Unlock,
    RollBack, // health failed: back to the previous release
};

enum class StepState { Started, Done, Skipped, Failed, Info };

struct DeployEvent {
    QString host; // the server's name
    DeployStep step = DeployStep::Connect;
    StepState state = StepState::Started;
    QString detail; // redacted text for the user
    qint64 done = 0; // upload progress
    qint64 total = 0;
};

struct DeployStepNames {
    Q_DECLARE_TR_FUNCTIONS(DeployStepNames)
public:
    static QString name(DeployStep step); // "upload", for --json and logs
    static QString title(DeployStep step); // tr("Upload and verify")
    static QString stateName(StepState state);
};

} // namespace Gantry

Q_DECLARE_METATYPE(Gantry::DeployEvent)
