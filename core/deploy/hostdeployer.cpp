#include "core/deploy/hostdeployer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QSysInfo>

#include "core/common/logging.h"
#include "core/common/redactor.h"
#include "core/common/shellquote.h"
#include "core/deploy/releaseoutput.h"
#include "core/deploy/serviceops.h"
#include "core/service/supervisormanager.h"
#include "core/service/systemdmanager.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

QString size(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes);
}

bool hasLine(const QByteArray &output, QByteArrayView line)
{
    return output.split('\n').contains(line.toByteArray());
}

} // namespace

HostDeployer::HostDeployer(const DeployRequest &request, int index, DeployGate &gate,
    const std::atomic_bool &cancelled, EventSink events, std::unique_ptr<RemoteShell> shell)
    : m_request(request)
    , m_host(request.hosts.at(index))
    , m_index(index)
    , m_gate(gate)
    , m_cancelled(cancelled)
    , m_events(std::move(events))
    , m_shell(std::move(shell))
{
    m_outcome.host = m_host.server.name;
}

HostDeployer::~HostDeployer() = default;

void HostDeployer::logLine(const QString &line)
{
    event(m_currentStep, StepState::Info, line);
}

HostOutcome HostDeployer::run()
{
    const Result<void> result = pipeline();
    if (!result) {
        m_outcome.error = result.error();
        finishFirst(false);
    }
    if (m_inBatch)
        m_gate.leave();
    // Not switched: the running release keeps the env file and unit it was started with.
    if (!result && !m_switched && m_configWritten && m_shell->isConnected())
        restoreConfig();
    unlock();
    m_outcome.success = result.has_value();
    m_outcome.serverCalls = m_shell->serverCalls();
    qCDebug(lcDeploy) << m_host.server.name << "deploy ended:" << (result ? "ok" : "failed") << "after"
                      << m_outcome.serverCalls << "trips to the server";
    return m_outcome;
}

void HostDeployer::event(DeployStep step, StepState state, const QString &detail)
{
    if (m_events)
        m_events(DeployEvent { m_host.server.name, step, state, Redactor::instance().redact(detail), 0, 0 });
}

Result<void> HostDeployer::step(DeployStep step, const std::function<Result<QString>()> &body)
{
    m_currentStep = step;
    event(step, StepState::Started);
    QElapsedTimer clock;
    clock.start();
    const Result<QString> result = body();
    qCDebug(lcDeploy).noquote() << m_host.server.name << DeployStepNames::name(step)
                                << (result ? "done" : "failed") << "in" << clock.elapsed() << "ms";
    if (!result) {
        event(step, StepState::Failed, result.error().message);
        return std::unexpected(result.error());
    }
    event(step, StepState::Done, *result);
    return {};
}

Result<void> HostDeployer::pipeline()
{
    const auto cancelled = [this]() -> Result<void> {
        if (m_cancelled)
            return fail(tr("The deploy was cancelled before the service was switched."),
                tr("Nothing changed on %1; deploy again when ready.").arg(m_host.server.name));
        return {};
    };
    using Step = std::pair<DeployStep, Result<QString> (HostDeployer::*)()>;
    const Step before[] = {
        { DeployStep::Lock, &HostDeployer::lockAndProbe },
        { DeployStep::Probe, &HostDeployer::checkProbe },
        { DeployStep::Upload, &HostDeployer::upload },
        { DeployStep::Unpack, &HostDeployer::prepare },
        { DeployStep::EnvFile, &HostDeployer::envWritten },
        { DeployStep::Unit, &HostDeployer::serviceInstalled },
        { DeployStep::Wait, &HostDeployer::waitForFirst },
    };
    if (auto ok = step(DeployStep::Connect,
            [this]() -> Result<QString> {
                if (auto c = m_shell->connect(); !c)
                    return std::unexpected(c.error());
                return m_shell->hostKeyFingerprint();
            });
        !ok)
        return ok;
    for (const auto &[id, body] : before) {
        if (auto ok = cancelled(); !ok)
            return ok;
        if (auto ok = step(id, [this, body] { return (this->*body)(); }); !ok)
            return ok;
    }
    Result<void> healthy = step(DeployStep::Switch, [this] { return switchAndRestart(); });
    if (!healthy && !m_switched)
        return healthy;
    if (healthy)
        healthy = step(DeployStep::Health, [this] { return waitHealthy(); });
    else
        m_outcome.lastLogLines = QString::fromUtf8(lastLogLines()).split(u'\n', Qt::SkipEmptyParts);
    if (!healthy) {
        finishFirst(false);
        const Error why = healthy.error();
        const Result<void> back = step(DeployStep::RollBack, [this] { return rollBack(); });
        m_outcome.rolledBack = back.has_value();
        Error error = why;
        error.hint = back ? tr("The previous release (%1) serves again. Read the service's last log lines "
                               "below, fix the cause and deploy again.")
                                .arg(m_outcome.previous)
                          : tr("Rolling back failed too: %1 Check the server now.").arg(back.error().message);
        error.cause = m_outcome.lastLogLines.join(u'\n');
        return std::unexpected(error);
    }
    finishFirst(true);
    if (auto ok = step(DeployStep::Record, [this] { return finish(); }); !ok)
        return ok;
    if (auto ok = step(DeployStep::Prune, [this] { return pruned(); }); !ok)
        return ok;
    return step(DeployStep::Unlock, [this] { return unlocked(); });
}

void HostDeployer::finishFirst(bool healthy)
{
    if (m_index == 0 && !m_firstReported) {
        m_firstReported = true;
        m_gate.firstFinished(healthy);
    }
}

Result<QString> HostDeployer::lockAndProbe()
{
    auto layout = ServerLayout::forApp(m_request.app, m_shell->pathPrefix());
    if (!layout)
        return std::unexpected(layout.error());
    m_layout = *layout;
    const LockInfo info { m_request.who, QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
        m_request.version, {} };
    const SystemdManager systemd(*m_layout);
    const SupervisorManager supervisor(*m_layout);
    // In the lock's own trip: a host with no service manager at all is left as it was; the
    // upload folder for the login user; then the probe, and which artifacts are already there.
    const QByteArray root = shellQuote(m_layout->root());
    const QByteArray uploads = shellQuote(m_layout->uploadsDir());
    QByteArray onLocked = "if ! " + ServiceManager::systemdRuns() + " && ! " +
        ServiceManager::supervisorRuns() + "; then\n    rm -rf -- \"$g/lock\"; rmdir \"$g\" " + root +
        " 2>/dev/null; fail no-service-manager \"$(uname -n)\"\nfi\n" + "mkdir -p " + uploads + " && chown " +
        shellQuote(QString(m_shell->loginUser() + u':')) + " " + uploads + " && chmod 700 " + uploads +
        " || { rm -rf -- \"$g/lock\"; fail io " + uploads + "; }\n";
    QByteArray extra = "echo '@@active-systemd'\n" + systemd.isActive() + " && echo active\n" +
        "echo '@@active-supervisor'\n" + supervisor.isActive() + " && echo active\necho '@@uploaded'\n";
    for (const DeployArtifact &artifact : std::as_const(m_request.artifacts))
        extra +=
            SshSession::sha256Command(shellQuote(m_layout->uploadFor(artifact.sha256))) + " 2>/dev/null\n";
    onLocked += "(\n" + HostProbe::script(m_layout->root(), m_host.settings.servicePort, extra) + ")\n";
    QByteArray output;
    auto note =
        ServiceOps::lock(*m_shell, m_layout->releases(), info, m_request.breakLock, onLocked, &output);
    if (!note)
        return std::unexpected(note.error());
    m_locked = true;
    auto facts = HostProbe::parse(output);
    if (!facts)
        return std::unexpected(facts.error());
    m_facts = *facts;
    return *note;
}

Result<QString> HostDeployer::checkProbe()
{
    const HostFacts &facts = *m_facts;
    const QString choice = m_host.server.serviceManager.isEmpty() ? m_host.settings.serviceManager
                                                                  : m_host.server.serviceManager;
    auto kind = ServiceManager::pick(choice, facts.systemd, facts.supervisor, m_host.server.name);
    if (!kind)
        return std::unexpected(kind.error());
    m_manager = ServiceManager::create(*kind, *m_layout);
    const auto artifact = m_request.artifacts.constFind(facts.goarch);
    m_artifact = artifact != m_request.artifacts.cend() ? &artifact.value() : nullptr;
    if (!m_artifact)
        return fail(tr("%1 is a linux/%2 server, and this version was not built for it.")
                        .arg(m_host.server.name, facts.goarch.isEmpty() ? facts.unameMachine : facts.goarch),
            tr("Tick linux/%1 on the Build page (or gantryctl build --target linux/%1) and deploy again.")
                .arg(facts.goarch));
    const QByteArray activeSection =
        *kind == ServiceManagerKind::Supervisor ? "active-supervisor" : "active-systemd";
    const bool ours = facts.extra.value(activeSection).value(0).trimmed() == "active";
    if (facts.portInUse && !ours)
        return fail(
            tr("Port %1 on %2 is already taken by %3.")
                .arg(m_host.settings.servicePort)
                .arg(m_host.server.name, facts.portOwner.isEmpty() ? tr("another program") : facts.portOwner),
            tr("Stop that program, or set another service port in the profile."));
    const QByteArray sha = m_artifact->sha256.toLatin1();
    const QList<QByteArray> sums = facts.extra.value("uploaded");
    m_uploaded =
        std::any_of(sums.cbegin(), sums.cend(), [&](const QByteArray &l) { return l.startsWith(sha); });
    const qint64 needed = (m_uploaded ? 0 : m_artifact->size) + m_artifact->unpackedSize + 1024 * 1024;
    if (facts.freeBytes >= 0 && facts.freeBytes < needed)
        return std::unexpected(
            Error { tr("%1 has %2 free under %3, and this release needs %4.")
                        .arg(m_host.server.name, size(facts.freeBytes), m_layout->root(), size(needed)),
                tr("Free space on the server, or keep fewer releases in the profile, then deploy again. The "
                   "running service was not changed."),
                {}, ErrorKind::DiskFull });
    return tr("%1, linux/%2, %3 free, %4")
        .arg(facts.osPrettyName, facts.goarch, size(facts.freeBytes), m_manager->displayName());
}

Result<QString> HostDeployer::upload()
{
    if (m_uploaded)
        return tr("already on the server (0 bytes sent)");
    const auto progress = [this](qint64 done, qint64 total) {
        if (m_events)
            m_events(
                DeployEvent { m_host.server.name, DeployStep::Upload, StepState::Info, {}, done, total });
    };
    auto sent = m_shell->upload(m_artifact->path, m_layout->uploadFor(m_artifact->sha256), progress);
    if (!sent)
        return std::unexpected(sent.error());
    m_outcome.uploadedBytes = *sent;
    return tr("%1 sent, sha256 verified").arg(size(*sent));
}

QByteArray HostDeployer::prepareScript(const QByteArray &serviceFile) const
{
    const ReleaseLayout &releases = m_layout->releases();
    QByteArray script =
        releases.prepareAndUnpack(m_host.settings.serviceUser, m_layout->uploadFor(m_artifact->sha256));
    script += releases.rootScript("write the env file and the service file",
        m_manager->writeEnv(m_host.envFile, m_host.env, m_host.settings.serviceUser) +
            m_manager->install(serviceFile));
    return script;
}

Result<QString> HostDeployer::prepare()
{
    const auto unit = m_manager->renderServiceFile(unitSpec(m_request, m_host, *m_layout));
    if (!unit)
        return std::unexpected(unit.error());
    QByteArray script = prepareScript(*unit);
    // The first server goes live in the same trip; the others wait for it after unpacking.
    m_switchedInPrepare = m_index == 0;
    if (m_switchedInPrepare)
        script += "echo '@@switch'\n" + m_layout->releases().switchToPrepared() +
            m_layout->releases().rootScript("restart", m_manager->restart());
    m_configWritten = true;
    auto result = m_shell->runAsRoot(script, true, false);
    if (!result)
        return std::unexpected(result.error());
    // What the switch and restart said is the Switch step's to read.
    const qsizetype marker = result->stdOut.indexOf("@@switch\n");
    m_prepared = marker < 0 ? result->stdOut : result->stdOut.left(marker);
    m_switchOutput = marker < 0 ? QByteArray() : result->stdOut.mid(marker);
    auto prepared = ReleaseOutput::parsePrepare(m_prepared);
    if (!prepared)
        return std::unexpected(prepared.error());
    if (auto unpacked = ReleaseOutput::parseUnpack(m_prepared); !unpacked)
        return std::unexpected(unpacked.error());
    m_outcome.release = prepared->n;
    QString detail = tr("release %1").arg(prepared->n);
    if (!prepared->cleaned.isEmpty())
        detail += tr("; removed %n unfinished release(s) of an interrupted deploy", nullptr,
            int(prepared->cleaned.size()));
    return detail;
}

Result<QString> HostDeployer::envWritten()
{
    if (!hasLine(m_prepared, "ENV written"))
        return std::unexpected(ReleaseOutput::failure(m_prepared));
    return tr("%n variable(s), mode 0600, owner %1", nullptr, int(m_host.env.size()))
        .arg(m_host.settings.serviceUser);
}

Result<QString> HostDeployer::serviceInstalled()
{
    if (!hasLine(m_prepared, "SERVICE installed"))
        return std::unexpected(ReleaseOutput::failure(m_prepared));
    return m_manager->serviceFile();
}

UnitSpec HostDeployer::unitSpec(
    const DeployRequest &request, const DeployHost &host, const ServerLayout &layout)
{
    UnitSpec spec;
    spec.app = request.app;
    // No version here: an unchanged unit spares systemd a daemon-reload on every deploy.
    spec.description = tr("%1, deployed by Gantry").arg(request.app);
    spec.deployRoot = layout.root();
    spec.binaryName = request.binaryName;
    spec.settings = host.settings;
    spec.envFilePath = layout.envFile();
    return spec;
}

Result<QString> HostDeployer::waitForFirst()
{
    if (m_index == 0)
        return tr("first server");
    if (!m_gate.enter())
        return fail(tr("The first server did not pass its health check, so %1 was not switched.")
                        .arg(m_host.server.name),
            tr("%1 still runs its previous release. Fix the first server's problem and deploy again.")
                .arg(m_host.server.name));
    m_inBatch = true;
    return QString();
}

Result<QString> HostDeployer::readSwitch(const QByteArray &output, int release)
{
    // A switch that happened shows as "CURRENT" even when the restart then failed, so the
    // caller knows to switch back.
    // Only the switch's own line: a restart that failed after it must not hide that it happened.
    const qsizetype at = output.startsWith("CURRENT ") ? 0 : output.indexOf("\nCURRENT ") + 1;
    auto switched = ReleaseOutput::parseSwitch(
        at > 0 || output.startsWith("CURRENT ") ? output.mid(at, output.indexOf('\n', at) - at + 1) : output);
    if (switched) {
        m_outcome.previous = release == m_outcome.release ? switched->previous : m_outcome.previous;
        m_switched = m_switched || release == m_outcome.release;
    } else if (!output.contains("\nCURRENT ") && !output.startsWith("CURRENT ")) {
        return std::unexpected(switched.error());
    }
    if (!hasLine(output, "RESTARTED")) {
        return fail(tr("%1 could not restart %2 on %3.")
                        .arg(m_manager->displayName(), m_manager->serviceName(), m_host.server.name),
            tr("Read the service's log below; the previous release is put back."),
            ReleaseOutput::failure(output.mid(output.indexOf("CURRENT "))).cause);
    }
    return QString();
}

Result<QString> HostDeployer::switchAndRestart()
{
    QByteArray output = m_switchOutput;
    if (!m_switchedInPrepare) {
        auto result = m_shell->runAsRoot(m_layout->releases().switchCurrent(m_outcome.release) +
                m_layout->releases().rootScript("restart", m_manager->restart()),
            true, false);
        if (!result)
            return std::unexpected(result.error());
        output = result->stdOut;
    }
    if (auto switched = readSwitch(output, m_outcome.release); !switched)
        return switched;
    return tr("current -> release %1").arg(m_outcome.release);
}

Result<QString> HostDeployer::waitHealthy()
{
    const DeploySettings &s = m_host.settings;
    const ServiceOps::HealthWait wait =
        ServiceOps::waitHealthy(*m_shell, s, [this](int attempt, const QString &problem) {
            event(DeployStep::Health, StepState::Info, tr("attempt %1: %2").arg(attempt).arg(problem));
        });
    if (wait.healthy)
        return tr("HTTP %1 from %2 in %3 ms")
            .arg(wait.last.status)
            .arg(s.healthPath)
            .arg(wait.last.latency.count());
    m_outcome.healthStatus = wait.last.status;
    m_outcome.healthBody = wait.last.body.left(4096);
    m_outcome.lastLogLines = QString::fromUtf8(lastLogLines()).split(u'\n', Qt::SkipEmptyParts);
    return std::unexpected(Error { tr("%1 did not become healthy on %2 within %3 s: %4")
                                       .arg(m_request.app, m_host.server.name)
                                       .arg(s.startGraceSecs)
                                       .arg(wait.lastError),
        {}, {}, ErrorKind::Timeout });
}

QByteArray HostDeployer::lastLogLines()
{
    auto tail = m_shell->runAsRoot("# the service's last log lines\n" + m_manager->logTail(30), true, false);
    return tail ? Redactor::instance().redact(QString::fromUtf8(tail->stdOut)).toUtf8() : QByteArray();
}

Result<QString> HostDeployer::rollBack()
{
    const ReleaseLayout &releases = m_layout->releases();
    if (m_outcome.previous == 0) {
        // The very first release: there is nothing to go back to, so stop it rather than let it fail.
        m_shell->runAsRoot(releases.markBad(m_outcome.release) +
                releases.rootScript("stop the failed first release", m_manager->control(u"stop"_s)),
            true, false);
        return fail(tr("There is no earlier release on %1 to roll back to; the service was stopped.")
                        .arg(m_host.server.name));
    }
    // One trip: mark the release bad, put back the env and service file, switch and restart.
    auto result = m_shell->runAsRoot(releases.markBad(m_outcome.release) +
            releases.rootScript("restore the previous env file and service file", m_manager->restore()) +
            releases.switchCurrent(m_outcome.previous) + releases.rootScript("restart", m_manager->restart()),
        true, false);
    if (!result)
        return std::unexpected(result.error());
    m_configWritten = false;
    if (auto back = readSwitch(result->stdOut, m_outcome.previous); !back)
        return back;
    const HostOutcome failed = m_outcome; // keep the failing probe for the report
    auto healthy = waitHealthy();
    m_outcome.healthStatus = failed.healthStatus;
    m_outcome.healthBody = failed.healthBody;
    m_outcome.lastLogLines = failed.lastLogLines;
    if (!healthy)
        return std::unexpected(healthy.error());
    return tr("release %1 serves again; release %2 is marked bad")
        .arg(m_outcome.previous)
        .arg(m_outcome.release);
}

Result<void> HostDeployer::restoreConfig()
{
    auto restored = m_shell->runAsRoot(m_layout->releases().rootScript(
        "restore the previous env file and service file", m_manager->restore()));
    if (!restored)
        return std::unexpected(restored.error());
    m_configWritten = false;
    return {};
}

Result<QString> HostDeployer::finish()
{
    // One trip: record, prune, and let go of the lock. Each part runs on its own, so a failed
    // record still unlocks; only the artifact of the live release stays in the upload folder.
    const ReleaseLayout &releases = m_layout->releases();
    const ReleaseEntry entry { m_outcome.release, m_request.version, ReleaseStatus::Good,
        m_artifact->sha256 };
    const QByteArray uploads = "for f in " + shellQuote(m_layout->uploadsDir()) +
        "/*; do [ \"$f\" = " + shellQuote(m_layout->uploadFor(m_artifact->sha256)) +
        " ] || rm -f -- \"$f\"; done\n";
    const QByteArray script = "(\n" + releases.recordRelease(entry) + ")\n(\n" +
        releases.prune(m_host.settings.keepReleases, m_outcome.previous) + uploads + ")\n" +
        releases.releaseLock();
    auto result = m_shell->runAsRoot(script, true, false);
    if (!result)
        return std::unexpected(result.error());
    m_finished = result->stdOut;
    if (hasLine(m_finished, "UNLOCKED"))
        m_locked = false;
    const QByteArray record = m_finished.left(m_finished.indexOf("\nKEPT ") + 1);
    if (auto recorded = ReleaseOutput::parseRecord(record.isEmpty() ? m_finished : record); !recorded)
        return std::unexpected(recorded.error());
    return tr("release %1, version %2").arg(m_outcome.release).arg(m_request.version);
}

Result<QString> HostDeployer::pruned()
{
    const qsizetype start = m_finished.indexOf("RECORDED ");
    const QByteArray rest = m_finished.mid(m_finished.indexOf('\n', start) + 1);
    if (auto pruned = ReleaseOutput::parsePrune(rest); !pruned)
        return std::unexpected(pruned.error());
    return tr("keeping %n release(s)", nullptr, m_host.settings.keepReleases);
}

Result<QString> HostDeployer::unlocked()
{
    if (m_locked)
        return fail(tr("The deploy lock on %1 could not be let go.").arg(m_host.server.name),
            tr("The next deploy from this machine takes it over."),
            QString::fromUtf8(m_finished.right(2000)));
    return QString();
}

void HostDeployer::unlock()
{
    if (!m_locked)
        return;
    const QByteArray script = m_layout->releases().releaseLock();
    const auto released = [&] {
        return m_shell->isConnected() && m_shell->runLayout(script, &ReleaseOutput::parseUnlock).has_value();
    };
    // The connection may have broken: one new connection to leave the server unlocked.
    if (released() || (m_shell->connect() && released()))
        m_locked = false;
    event(DeployStep::Unlock, m_locked ? StepState::Failed : StepState::Done,
        m_locked ? tr("the lock stays; the next deploy from this machine takes it over") : QString());
}

} // namespace Gantry
