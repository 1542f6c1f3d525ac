#include "core/build/buildsession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include "core/build/artifactpackager.h"
#include "core/build/binaryverifier.h"
#include "core/build/buildfingerprint.h"
#include "core/build/checksumfile.h"
#include "core/build/outputfolder.h"
#include "core/common/async.h"
#include "core/common/logging.h"
#include "core/common/whenready.h"
#include "core/process/processrunner.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry {

namespace {

constexpr qint64 BytesPerStep = 20LL * 1024 * 1024; // a binary and its archive, with room to spare
constexpr int ErrorTailLines = 40;

struct Prepared {
    Result<OutputFolder::Staging> staging;
    QList<std::pair<QString, QString>> fingerprints; // per step: fingerprint, sha256 when up to date
};

Result<void> writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size() ||
        !file.flush()) {
        const QString cause = file.errorString();
        return fail(OutputFolder::isDiskFull(cause)
                ? BuildSession::tr("The disk is full: %1 could not be written.").arg(path)
                : BuildSession::tr("Could not write %1.").arg(path),
            BuildSession::tr("Free some space or choose another output folder, then build again."), cause);
    }
    return {};
}

} // namespace

BuildSession::BuildSession(BuildOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

BuildSession::~BuildSession()
{
    for (const auto &job : m_jobs) {
        if (job->runner)
            job->runner->cancel();
    }
}

QString BuildSession::stateName(TargetState state)
{
    switch (state) {
    case TargetState::Queued:
        return tr("queued");
    case TargetState::Building:
        return tr("building");
    case TargetState::Verifying:
        return tr("verifying");
    case TargetState::Packaging:
        return tr("packaging");
    case TargetState::Done:
        return tr("done");
    case TargetState::Failed:
        return tr("failed");
    case TargetState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

bool BuildSession::preparationEnded(const Error *error)
{
    if (!m_stopping && !error)
        return false;
    m_preparing = false;
    if (error)
        stop(*error, false);
    else
        finishWhenIdle();
    return true;
}

void BuildSession::start()
{
    m_running = true;
    m_preparing = true;
    const QProcessEnvironment env = BuildPlan::mergeEnvironment(m_options.environment, m_options.goEnv);
    auto goPath = GoToolchain::find(m_options.goPath, env);
    if (!goPath) {
        const Error error = goPath.error();
        m_preparing = false;
        QMetaObject::invokeMethod(
            this, [this, error] { stop(error, false); }, Qt::QueuedConnection);
        return;
    }
    m_toolchain.goPath = *goPath;
    qCInfo(lcBuild) << "building" << m_options.projectDir << "with" << *goPath;
    // The four look-ups are independent: run them at once and continue when all have answered.
    m_pendingProbes = 4;
    const QString dir = m_options.projectDir;
    whenReady(runInPool([dir] { return GoProject::scan(dir); }), this, [this](Result<GoProject> project) {
        m_scanned = std::move(project);
        onProbeAnswered("the source scan");
    });
    whenReady(GoToolchain::probe(m_toolchain.goPath, env), this, [this](Result<GoToolchain> toolchain) {
        m_probed = std::move(toolchain);
        onProbeAnswered("go env");
    });
    whenReady(m_toolchain.listTargets(env), this, [this](Result<QList<BuildTarget>> targets) {
        m_listed = std::move(targets);
        onProbeAnswered("go tool dist list");
    });
    whenReady(VersionInfo::read(dir, m_options.environment), this, [this](const VersionInfo &version) {
        m_version = version;
        onProbeAnswered("git");
    });
}

void BuildSession::onProbeAnswered(const char *which)
{
    qCDebug(lcBuild) << which << "answered," << m_pendingProbes - 1 << "look-ups to go";
    if (--m_pendingProbes > 0)
        return;
    const Error *error = !m_scanned ? &m_scanned.error()
        : !m_probed                 ? &m_probed.error()
        : !m_listed                 ? &m_listed.error()
                                    : nullptr;
    if (preparationEnded(error))
        return;
    m_project = std::move(*m_scanned);
    m_toolchain = std::move(*m_probed);
    m_knownTargets = std::move(*m_listed);
    if (auto ok = m_toolchain.checkCompatibility(m_project.mod); !ok) {
        preparationEnded(&ok.error());
        return;
    }
    onVersionRead(m_version);
}

void BuildSession::onVersionRead(const VersionInfo &version)
{
    if (preparationEnded(nullptr))
        return;
    auto plan = BuildPlan::make(m_options, m_project, m_toolchain, m_knownTargets, version);
    if (!plan) {
        preparationEnded(&plan.error());
        return;
    }
    m_plan = std::move(*plan);
    m_result.outputDir = m_plan.outputDir;
    m_result.warnings = m_plan.warnings;
    for (const BuildStep &step : std::as_const(m_plan.steps)) {
        auto job = std::make_unique<Job>();
        job->step = step;
        job->diagnostics = std::make_unique<GoDiagnosticsParser>(m_plan.projectDir);
        m_jobs.push_back(std::move(job));
    }
    emit planned(m_plan);
    for (const Error &w : std::as_const(m_plan.warnings)) {
        qCWarning(lcBuild).noquote() << w.toString();
        emit warning(w);
    }
    if (auto previous = BuildManifest::load(m_plan.outputDir + u"/manifest.json"_s))
        m_previous = *previous;
    const QString outputDir = m_plan.outputDir;
    const qint64 needed = BytesPerStep * qint64(m_plan.steps.size());
    const BuildPlan planCopy = m_plan;
    const GoModFile mod = m_project.mod;
    const GoToolchain go = m_toolchain;
    auto preparing = runInPool([outputDir, needed, plan = planCopy, mod, go] {
        Prepared prepared { OutputFolder::prepare(outputDir, needed), {} };
        const QString goFlags =
            plan.steps.isEmpty() ? QString() : plan.steps.first().environment.value(u"GOFLAGS"_s);
        const QString tree = BuildFingerprint::inputTree(plan, mod, goFlags);
        for (const BuildStep &step : plan.steps) {
            const QString fingerprint = BuildFingerprint::forStep(tree, step, go.goPath, go.versionText);
            BuildFingerprint::Stamp stamp;
            const bool current = BuildFingerprint::isCurrent(step, fingerprint, &stamp);
            prepared.fingerprints.append({ fingerprint, current ? stamp.sha256 : QString() });
        }
        return prepared;
    });
    whenReady(preparing, this, [this](Prepared prepared) {
        if (prepared.staging) {
            m_staging = prepared.staging->path;
            m_createdDirs = prepared.staging->createdDirs;
        }
        for (qsizetype i = 0; i < prepared.fingerprints.size() && i < qsizetype(m_jobs.size()); ++i) {
            m_jobs[size_t(i)]->step.fingerprint = prepared.fingerprints[i].first;
            m_jobs[size_t(i)]->step.upToDateSha256 = prepared.fingerprints[i].second;
        }
        onOutputPrepared(prepared.staging ? Result<QString>(prepared.staging->path)
                                          : std::unexpected(prepared.staging.error()));
    });
}

void BuildSession::onOutputPrepared(Result<QString> staging)
{
    if (preparationEnded(staging ? nullptr : &staging.error()))
        return;
    m_preparing = false;
    // One go build already keeps about four cores busy; more at once only compete for them.
    m_jobLimit = m_options.jobs > 0 ? m_options.jobs : std::max(1, QThread::idealThreadCount() / 4);
    schedule();
}

void BuildSession::schedule()
{
    // Only running `go build`s count: reading back and packaging overlap the next build.
    int active = 0;
    for (const auto &job : m_jobs)
        active += job->state == TargetState::Building ? 1 : 0;
    for (const auto &job : m_jobs) {
        if (active >= m_jobLimit)
            break;
        if (job->state == TargetState::Queued) {
            startJob(*job);
            ++active;
        }
    }
    const bool allDone = std::all_of(
        m_jobs.cbegin(), m_jobs.cend(), [](const auto &job) { return job->state == TargetState::Done; });
    if (allDone && !m_finishing)
        finalize();
}

void BuildSession::setState(Job &job, TargetState state, const QString &detail)
{
    job.state = state;
    emit targetStateChanged(job.step.key, state, detail);
}

void BuildSession::startJob(Job &job)
{
    job.busy = true;
    if (!job.step.upToDateSha256.isEmpty()) {
        qCDebug(lcBuild) << job.step.key << "is up to date; go is not run";
        return startPackaging(job, tr("up to date"));
    }
    setState(job, TargetState::Building);
    QDir().mkpath(QFileInfo(job.step.cachedBinary).path());
    ProcessSpec spec { m_toolchain.goPath, job.step.arguments, m_plan.projectDir, job.step.environment,
        m_options.targetTimeout };
    auto *runner = new ProcessRunner(std::move(spec), this);
    job.runner = runner;
    Job *jobPtr = &job;
    const auto forward = [this, jobPtr](const QString &line) { emit outputLine(jobPtr->step.key, line); };
    connect(runner, &ProcessRunner::standardOutputLine, this, forward);
    connect(runner, &ProcessRunner::standardErrorLine, this, [this, jobPtr, forward](const QString &line) {
        jobPtr->diagnostics->addLine(line);
        jobPtr->errorTail << line;
        if (jobPtr->errorTail.size() > ErrorTailLines)
            jobPtr->errorTail.removeFirst();
        forward(line);
    });
    connect(runner, &ProcessRunner::finished, this, [this, jobPtr, runner](const ProcessResult &result) {
        runner->deleteLater();
        onJobBuilt(*jobPtr, result);
    });
    qCDebug(lcBuild) << "go" << job.step.arguments << "for" << job.step.key;
    runner->start();
}

void BuildSession::onJobBuilt(Job &job, const ProcessResult &result)
{
    if (m_stopping || result.cancelled) {
        job.busy = false;
        setState(job, TargetState::Cancelled);
        return finishWhenIdle();
    }
    if (!result.succeeded())
        return failJob(job, buildError(job, result));
    setState(job, TargetState::Verifying);
    schedule();
    const Result<QString> readable = BinaryVerifier::readablePath(job.step.cachedBinary, job.readBackScratch);
    if (!readable)
        return failJob(job, readable.error());
    ProcessSpec spec { m_toolchain.goPath, { u"version"_s, u"-m"_s, *readable }, m_plan.projectDir,
        job.step.environment, 60s, true, true };
    Job *jobPtr = &job;
    whenReady(ProcessRunner::run(std::move(spec)), this,
        [this, jobPtr](const ProcessResult &readBack) { onJobReadBack(*jobPtr, readBack); });
}

void BuildSession::onJobReadBack(Job &job, const ProcessResult &result)
{
    if (m_stopping) {
        job.busy = false;
        return finishWhenIdle();
    }
    job.readBackScratch.reset();
    const Result<GoBuildInfo> info = BinaryVerifier::readBuildInfo(result, job.step);
    if (!info)
        return failJob(job, info.error());
    if (auto ok = BinaryVerifier::checkBuildInfo(*info, job.step); !ok)
        return failJob(job, ok.error());
    startPackaging(job, {});
}

void BuildSession::startPackaging(Job &job, const QString &detail)
{
    setState(job, TargetState::Packaging, detail);
    const BuildPlan plan = m_plan;
    const BuildStep step = job.step;
    const BuildManifest previous = m_previous;
    const QString staging = m_staging;
    Job *jobPtr = &job;
    auto packaging = runInPool([plan, step, staging, previous] {
        return ArtifactPackager::produce(plan, step, staging, previous, plan.outputDir);
    });
    whenReady(packaging, this, [this, jobPtr](Result<QList<BuildArtifact>> artifacts) {
        onJobArtifacts(*jobPtr, std::move(artifacts));
    });
}

void BuildSession::onJobArtifacts(Job &job, Result<QList<BuildArtifact>> artifacts)
{
    if (m_stopping) {
        job.busy = false;
        return finishWhenIdle();
    }
    if (!artifacts)
        return failJob(job, artifacts.error());
    job.artifacts = *artifacts;
    job.busy = false;
    setState(job, TargetState::Done, job.artifacts.constLast().file);
    schedule();
}

Error BuildSession::buildError(const Job &job, const ProcessResult &result) const
{
    const QString tail = job.errorTail.join(u'\n');
    if (result.timedOut)
        return { tr("The build for %1 took longer than %2 minutes and was stopped.")
                     .arg(job.step.key)
                     .arg(m_options.targetTimeout.count() / 60),
            tr("Check for a step that waits on the network, or raise the build timeout."), tail };
    if (!result.started)
        return { tr("Go could not be started for %1.").arg(job.step.key),
            tr("Check the Go installation in Settings."), result.errorString };
    if (OutputFolder::isDiskFull(tail))
        return { tr("The disk is full: Go could not write the binary for %1.").arg(job.step.key),
            tr("Free some space on the disk holding %1, then build again.")
                .arg(QDir::toNativeSeparators(QFileInfo(job.step.cachedBinary).path())),
            tail };
    const QList<GoDiagnostic> diagnostics = job.diagnostics->diagnostics();
    if (!diagnostics.isEmpty()) {
        const GoDiagnostic &first = diagnostics.first();
        const QString where = first.line > 0 ? QDir(m_plan.projectDir).relativeFilePath(first.file) + u':' +
                QString::number(first.line) + u':' + QString::number(first.column)
                                             : QString();
        if (first.kind == GoDiagnostic::Kind::Compile)
            return { tr("The build for %1 failed with %n compile error(s); the first is %2: %3", nullptr,
                         int(diagnostics.size()))
                         .arg(job.step.key, where, first.message),
                tr("Fix the code at the places listed, then build again."), tail };
        return { tr("Go could not load the project's dependencies: %1").arg(first.message),
            tr("Check go.mod and the project's GOPROXY and GOPRIVATE settings; running \"go mod tidy\" in "
               "the "
               "project often fixes this."),
            tail };
    }
    return { tr("Go failed to build %1 (exit code %2).").arg(job.step.key).arg(result.exitCode),
        tr("Read the output above for the cause."), tail };
}

void BuildSession::failJob(Job &job, const Error &error)
{
    job.busy = false;
    setState(job, TargetState::Failed, error.message);
    for (const GoDiagnostic &d : job.diagnostics->diagnostics()) {
        const bool known =
            std::any_of(m_result.diagnostics.cbegin(), m_result.diagnostics.cend(), [&](const auto &o) {
                return o.file == d.file && o.line == d.line && o.column == d.column && o.message == d.message;
            });
        if (!known)
            m_result.diagnostics << d;
    }
    stop(error, false);
}

void BuildSession::cancel()
{
    if (!m_running || m_finishing)
        return;
    stop(Error { tr("The build was cancelled."), tr("Start it again when you are ready."), {} }, true);
}

void BuildSession::stop(const Error &error, bool cancelled)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_result.error = error;
    m_result.cancelled = cancelled;
    qCWarning(lcBuild).noquote() << "build stopped:" << error.toString();
    for (const auto &job : m_jobs) {
        if (job->runner)
            job->runner->cancel();
        if (job->state == TargetState::Queued)
            setState(*job, TargetState::Cancelled);
    }
    finishWhenIdle();
}

void BuildSession::finishWhenIdle()
{
    const bool busy = std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const auto &job) { return job->busy; });
    if (busy || m_preparing || m_finishing)
        return;
    m_finishing = true;
    const OutputFolder::Staging staging { m_staging, m_createdDirs };
    whenReady(runInPool([staging] { OutputFolder::discard(staging); }), this, [this] { finish(); });
}

void BuildSession::finalize()
{
    m_finishing = true;
    BuildManifest manifest;
    manifest.project = m_plan.projectName;
    manifest.module = m_plan.module;
    manifest.version = m_plan.version.version;
    manifest.commit = m_plan.version.commit;
    manifest.date = m_plan.version.date;
    manifest.dirty = m_plan.version.dirty;
    manifest.goVersion = m_plan.goVersion;
    manifest.ldflags = m_options.ldflagsTemplate.isEmpty() && !m_plan.steps.isEmpty()
        ? m_plan.steps.first().ldflags
        : m_options.ldflagsTemplate;
    manifest.goFlags = m_plan.extraGoFlags;
    manifest.outputDir = m_plan.outputDir;
    QList<ChecksumFile::Entry> sums;
    for (const auto &job : m_jobs) {
        for (const BuildArtifact &a : job->artifacts) {
            manifest.artifacts << a;
            sums << ChecksumFile::Entry { a.file, a.sha256 };
        }
    }
    QStringList obsolete;
    for (const BuildArtifact &a : std::as_const(m_previous.artifacts))
        obsolete << a.file;
    const OutputFolder::Staging staging { m_staging, m_createdDirs };
    const QString outputDir = m_plan.outputDir;
    const QByteArray manifestJson = QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Indented);
    const QByteArray checksums = ChecksumFile::format(sums);
    auto committing = runInPool([staging, outputDir, manifestJson, checksums, obsolete]() -> Result<void> {
        if (auto ok = writeFile(staging.path + u"/checksums.txt"_s, checksums); !ok)
            return ok;
        if (auto ok = writeFile(staging.path + u"/manifest.json"_s, manifestJson); !ok)
            return ok;
        return OutputFolder::commit(staging, outputDir, obsolete);
    });
    whenReady(committing, this, [this, manifest, staging](Result<void> committed) {
        if (!committed) {
            m_result.error = committed.error();
            OutputFolder::discard(staging);
        } else {
            m_result.success = true;
            m_result.manifest = manifest;
        }
        finish();
    });
}

void BuildSession::finish()
{
    m_running = false;
    if (m_result.success)
        qCInfo(lcBuild) << "build finished:" << m_result.outputDir;
    emit finished(m_result);
}

} // namespace Gantry
