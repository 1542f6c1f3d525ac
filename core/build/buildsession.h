#pragma once

#include <memory>

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include "core/build/buildoptions.h"
#include "core/build/buildplan.h"
#include "core/build/buildresult.h"
#include "core/build/godiagnosticsparser.h"
#include "core/build/gotoolchain.h"
#include "core/process/processspec.h"

namespace Gantry {

class ProcessRunner;

// One build of a project for several targets: plan, `go build` per target in parallel,
// read each binary back, package, checksum, and move everything into the output folder at
// the end, so a failed or cancelled build leaves nothing half-written there.
class BuildSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildSession)
public:
    enum class TargetState { Queued, Building, Verifying, Packaging, Done, Failed, Cancelled };
    Q_ENUM(TargetState)

    explicit BuildSession(BuildOptions options, QObject *parent = nullptr);
    ~BuildSession() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const BuildPlan &plan() const { return m_plan; }
    const BuildResult &result() const { return m_result; }
    static QString stateName(TargetState state);

signals:
    void planned(const Gantry::BuildPlan &plan);
    void warning(const Gantry::Error &warning);
    void targetStateChanged(
        const QString &key, Gantry::BuildSession::TargetState state, const QString &detail);
    void outputLine(const QString &key, const QString &line);
    void finished(const Gantry::BuildResult &result);

private:
    struct Job {
        BuildStep step;
        TargetState state = TargetState::Queued;
        QPointer<ProcessRunner> runner;
        bool busy = false;
        std::unique_ptr<GoDiagnosticsParser> diagnostics;
        QStringList errorTail;
        QList<BuildArtifact> artifacts;
        std::unique_ptr<QTemporaryDir> readBackScratch; // see BinaryVerifier::readablePath
    };

    bool preparationEnded(const Error *error); // true when the session stops here
    void onProbeAnswered(const char *which);
    void onVersionRead(const VersionInfo &version);
    void onOutputPrepared(Result<QString> staging);
    void schedule();
    void startJob(Job &job);
    void onJobBuilt(Job &job, const ProcessResult &result);
    void onJobReadBack(Job &job, const ProcessResult &result);
    void startPackaging(Job &job, const QString &detail);
    void onJobArtifacts(Job &job, Result<QList<BuildArtifact>> artifacts);
    void setState(Job &job, TargetState state, const QString &detail = {});
    void failJob(Job &job, const Error &error);
    void finalize();
    void stop(const Error &error, bool cancelled);
    void finishWhenIdle();
    void finish();
    Error buildError(const Job &job, const ProcessResult &result) const;

    BuildOptions m_options;
    BuildPlan m_plan;
    BuildResult m_result;
    int m_pendingProbes = 0;
    Result<GoProject> m_scanned;
    Result<GoToolchain> m_probed;
    Result<QList<BuildTarget>> m_listed;
    VersionInfo m_version;
    GoProject m_project;
    GoToolchain m_toolchain;
    QList<BuildTarget> m_knownTargets;
    std::vector<std::unique_ptr<Job>> m_jobs;
    BuildManifest m_previous;
    QString m_staging;
    QStringList m_createdDirs;
    int m_jobLimit = 1;
    bool m_running = false;
    bool m_preparing = false; // planning and preparing the output folder
    bool m_stopping = false;
    bool m_finishing = false;
};

} // namespace Gantry
