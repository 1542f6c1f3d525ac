#include "core/deploy/hostdeployer.h"

#include <thread>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSysInfo>

#include "core/common/redactor.h"
#include "core/common/shellquote.h"
#include "core/deploy/releaselayout.h"
#include "core/deploy/releaseoutput.h"
#include "core/deploy/serviceops.h"
#include "core/process/processalive.h"
#include "core/remote/hostprobe.h"
#include "core/service/systemdunit.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry {

namespace {

QString size(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes);
}

} // namespace

HostDeployer::HostDeployer(const DeployRequest &request, int index, DeployGate &gate,
    const std::atomic_bool &cancelled, EventSink events, SshPrompter *prompter)
    : m_request(request)
    , m_host(request.hosts.at(index))
    , m_index(index)
    , m_gate(gate)
    , m_cancelled(cancelled)
    , m_events(std::move(events))
    , m_remote(m_host.server, request.knownHostsFile, prompter,
          [this](const QString &line) { event(m_currentStep, StepState::Info, line); })
{
    m_outcome.host = m_host.server.name;
    m_remote.setJumps(m_host.jumps);
}

HostDeployer::~HostDeployer() = default;

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
    if (!result && !m_switched && m_configWritten && m_remote.isConnected())
        restoreConfig();
    unlock();
    m_outcome.success = result.has_value();
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
    const Result<QString> result = body();
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
        { DeployStep::Lock, &HostDeployer::lock },
        { DeployStep::Probe, &HostDeployer::probe },
        { DeployStep::Upload, &HostDeployer::upload },
        { DeployStep::Unpack, &HostDeployer::unpack },
        { DeployStep::EnvFile, &HostDeployer::writeEnvFile },
        { DeployStep::Unit, &HostDeployer::installUnit },
        { DeployStep::Wait, &HostDeployer::waitForFirst },
    };
    if (auto ok = step(DeployStep::Connect,
            [this]() -> Result<QString> {
                if (auto c = m_remote.connect(); !c)
                    return std::unexpected(c.error());
                return m_remote.session().hostKey().fingerprint;
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
        m_outcome.lastLogLines = m_remote.journalTail(m_request.unitName(), 30);
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
    if (auto ok = step(DeployStep::Record, [this] { return record(); }); !ok)
        return ok;
    return step(DeployStep::Prune, [this] { return prune(); });
}

void HostDeployer::finishFirst(bool healthy)
{
    if (m_index == 0 && !m_firstReported) {
        m_firstReported = true;
        m_gate.firstFinished(healthy);
    }
}

Result<QString> HostDeployer::lock()
{
    auto layout = ReleaseLayout::forRoot(m_request.deployRoot());
    if (!layout)
        return std::unexpected(layout.error());
    m_layout = *layout;
    const LockInfo info { m_request.who, QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
        m_request.version, {} };
    // The login user uploads into this folder itself; root only reads from it. Made in the
    // lock's own trip; if that fails, the lock is let go again.
    const QByteArray uploads = shellQuote(uploadsDir());
    const QByteArray prepareUploads = "    mkdir -p " + uploads + " && chown " +
        shellQuote(QString(m_remote.loginUser() + u':')) + " " + uploads + " && chmod 700 " + uploads +
        " || { rm -rf -- \"$g/lock\"; fail io " + uploads + "; }\n";
    auto note = ServiceOps::lock(m_remote, *m_layout, info, m_request.breakLock, prepareUploads);
    if (!note)
        return std::unexpected(note.error());
    m_locked = true;
    return *note;
}

QString HostDeployer::uploadsDir() const
{
    return m_request.deployRoot() + u"/uploads"_s;
}

Result<QString> HostDeployer::probe()
{
    // One trip: the host probe, whether the unit runs, and which of this version's artifacts the
    // upload folder already holds (its checksum computed there, so a damaged file does not count).
    QByteArray extra = "echo '@@unit-active'\nsystemctl is-active " + shellQuote(m_request.unitName()) +
        " 2>/dev/null\necho '@@uploaded'\n";
    for (const DeployArtifact &artifact : std::as_const(m_request.artifacts))
        extra += SshSession::sha256Command(shellQuote(uploadPathFor(artifact))) + " 2>/dev/null\n";
    auto output = m_remote.run(
        QString::fromUtf8(HostProbe::script(m_request.deployRoot(), m_host.settings.servicePort, extra)),
        false, false);
    if (!output)
        return std::unexpected(output.error());
    auto facts = HostProbe::parse(output->stdOut);
    if (!facts)
        return std::unexpected(facts.error());
    if (!facts->systemd)
        return fail(tr("%1 does not run systemd.").arg(m_host.server.name),
            tr("Gantry runs Linux services as systemd units; pick a server with systemd (Debian, Ubuntu, "
               "RHEL and most others)."));
    const auto artifact = m_request.artifacts.constFind(facts->goarch);
    m_artifact = artifact != m_request.artifacts.cend() ? &artifact.value() : nullptr;
    if (!m_artifact)
        return fail(
            tr("%1 is a linux/%2 server, and this version was not built for it.")
                .arg(m_host.server.name, facts->goarch.isEmpty() ? facts->unameMachine : facts->goarch),
            tr("Tick linux/%1 on the Build page (or gantryctl build --target linux/%1) and deploy again.")
                .arg(facts->goarch));
    m_uploadPath = uploadPathFor(*m_artifact);
    const bool ours = facts->extra.value("unit-active").value(0).trimmed() == "active";
    if (facts->portInUse && !ours)
        return fail(tr("Port %1 on %2 is already taken by %3.")
                        .arg(m_host.settings.servicePort)
                        .arg(m_host.server.name,
                            facts->portOwner.isEmpty() ? tr("another program") : facts->portOwner),
            tr("Stop that program, or set another service port in the profile."));
    const QByteArray sha = m_artifact->sha256.toLatin1();
    const QList<QByteArray> sums = facts->extra.value("uploaded");
    m_uploaded =
        std::any_of(sums.cbegin(), sums.cend(), [&](const QByteArray &l) { return l.startsWith(sha); });
    const qint64 needed = (m_uploaded ? 0 : m_artifact->size) + m_artifact->unpackedSize + 1024 * 1024;
    if (facts->freeBytes >= 0 && facts->freeBytes < needed)
        return fail(
            tr("%1 has %2 free under %3, and this release needs %4.")
                .arg(m_host.server.name, size(facts->freeBytes), m_request.deployRoot(), size(needed)),
            tr("Free space on the server, or keep fewer releases in the profile, then deploy again. The "
               "running service was not changed."));
    return tr("%1, linux/%2, %3 free").arg(facts->osPrettyName, facts->goarch, size(facts->freeBytes));
}

QString HostDeployer::uploadPathFor(const DeployArtifact &artifact) const
{
    return uploadsDir() + u'/' + artifact.sha256 + u".tar.gz"_s;
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
    auto sent = m_remote.session().upload(m_artifact->path, m_uploadPath, progress);
    if (!sent)
        return std::unexpected(sent.error());
    m_outcome.uploadedBytes = *sent;
    return tr("%1 sent, sha256 verified").arg(size(*sent));
}

Result<QString> HostDeployer::unpack()
{
    const auto parse = [](const QByteArray &output) -> Result<PreparedRelease> {
        auto prepared = ReleaseOutput::parsePrepare(output);
        if (!prepared)
            return prepared;
        if (auto unpacked = ReleaseOutput::parseUnpack(output); !unpacked)
            return std::unexpected(unpacked.error());
        return prepared;
    };
    auto prepared = m_remote.runLayout<PreparedRelease>(
        m_layout->prepareAndUnpack(m_host.settings.serviceUser, m_uploadPath), parse);
    if (!prepared)
        return std::unexpected(prepared.error());
    m_outcome.release = prepared->n;
    QString detail = tr("release %1").arg(prepared->n);
    if (!prepared->cleaned.isEmpty())
        detail += tr("; removed %n unfinished release(s) of an interrupted deploy", nullptr,
            int(prepared->cleaned.size()));
    return detail;
}

Result<QString> HostDeployer::writeEnvFile()
{
    const QByteArray file = shellQuote(m_request.envFilePath());
    const QByteArray script = "# write the env file\nset -e\nf=" + file +
        "\nif [ -f \"$f\" ]; then cp -p \"$f\" \"$f.previous\"; else rm -f \"$f.previous\"; fi\n" +
        RemoteHost::writeFileScript(
            m_request.envFilePath(), m_host.envFile, m_host.settings.serviceUser + u':', u"0600"_s);
    m_configWritten = true;
    if (auto written = m_remote.runAsRoot(script); !written)
        return std::unexpected(written.error());
    return tr("%n variable(s), mode 0600, owner %1", nullptr, int(m_host.env.size()))
        .arg(m_host.settings.serviceUser);
}

UnitSpec HostDeployer::unitSpec(const DeployRequest &request, const DeployHost &host)
{
    UnitSpec spec;
    spec.app = request.app;
    // No version here: an unchanged unit spares systemd a daemon-reload on every deploy.
    spec.description = tr("%1, deployed by Gantry").arg(request.app);
    spec.deployRoot = request.deployRoot();
    spec.binaryName = request.binaryName;
    spec.settings = host.settings;
    spec.envFilePath = request.envFilePath();
    return spec;
}

Result<QString> HostDeployer::installUnit()
{
    auto unit = SystemdUnit::render(unitSpec(m_request, m_host));
    if (!unit)
        return std::unexpected(unit.error());
    const QString path = u"/etc/systemd/system/"_s + m_request.unitName();
    const QByteArray script = "# install the systemd unit\nset -e\nu=" + shellQuote(path) +
        "\nb=" + shellQuote(QString(m_request.deployRoot() + u"/.gantry/unit.previous"_s)) +
        "\nif [ -f \"$u\" ]; then cp -p \"$u\" \"$b\"; else rm -f \"$b\"; fi\n" +
        RemoteHost::writeFileScript(path + u".new"_s, *unit, u"root:root"_s, u"0644"_s) +
        // systemd is reloaded only when the unit really changed: a reload costs about a second.
        "if cmp -s \"$u.new\" \"$u\"; then rm -f \"$u.new\"; else mv -f \"$u.new\" \"$u\"; systemctl "
        "daemon-reload; fi\n"
        "systemctl is-enabled --quiet " +
        shellQuote(m_request.unitName()) + " 2>/dev/null || systemctl enable " +
        shellQuote(m_request.unitName()) + " 2>/dev/null\n";
    if (auto installed = m_remote.runAsRoot(script); !installed)
        return std::unexpected(installed.error());
    return m_request.unitName();
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

QByteArray HostDeployer::restartScript() const
{
    const QByteArray unit = shellQuote(m_request.unitName());
    return "systemctl reset-failed " + unit + " 2>/dev/null || true\nsystemctl restart " + unit +
        " || fail restart-failed " + unit + "\necho RESTARTED\n";
}

Result<QString> HostDeployer::switchTo(int release)
{
    // Switch and restart in one trip. A switch that happened shows as "CURRENT" even when the
    // restart then failed, so the caller knows to switch back.
    auto result = m_remote.runAsRoot(m_layout->switchCurrent(release) + restartScript(), true, false);
    if (!result)
        return std::unexpected(result.error());
    auto switched = ReleaseOutput::parseSwitch(result->stdOut);
    if (switched) {
        m_outcome.previous = release == m_outcome.release ? switched->previous : m_outcome.previous;
        m_switched = m_switched || release == m_outcome.release;
    } else if (!result->stdOut.contains("\nCURRENT ") && !result->stdOut.startsWith("CURRENT ")) {
        return std::unexpected(switched.error());
    }
    if (result->exitStatus != 0 || !result->stdOut.contains("RESTARTED")) {
        const QString output = QString::fromUtf8(result->stdErr + result->stdOut).trimmed();
        return fail(tr("systemd could not restart %1 on %2.").arg(m_request.unitName(), m_host.server.name),
            tr("Read the service's log below; the previous release is put back."), output);
    }
    return QString();
}

Result<QString> HostDeployer::switchAndRestart()
{
    if (auto switched = switchTo(m_outcome.release); !switched)
        return switched;
    return tr("current -> release %1").arg(m_outcome.release);
}

Result<QString> HostDeployer::waitHealthy()
{
    const DeploySettings &s = m_host.settings;
    const ServiceOps::HealthWait wait =
        ServiceOps::waitHealthy(m_remote, s, [this](int attempt, const QString &problem) {
            event(DeployStep::Health, StepState::Info, tr("attempt %1: %2").arg(attempt).arg(problem));
        });
    if (wait.healthy)
        return tr("HTTP %1 from %2 in %3 ms")
            .arg(wait.last.status)
            .arg(s.healthPath)
            .arg(wait.last.latency.count());
    m_outcome.healthStatus = wait.last.status;
    m_outcome.healthBody = wait.last.body.left(4096);
    m_outcome.lastLogLines = m_remote.journalTail(m_request.unitName(), 30);
    return fail(tr("%1 did not become healthy on %2 within %3 s: %4")
                    .arg(m_request.app, m_host.server.name)
                    .arg(s.startGraceSecs)
                    .arg(wait.lastError));
}

Result<QString> HostDeployer::rollBack()
{
    m_remote.runLayout(m_layout->markBad(m_outcome.release), &ReleaseOutput::parseRecord);
    if (m_outcome.previous == 0) {
        // The very first release: there is nothing to go back to, so stop it rather than let it fail.
        m_remote.runAsRoot(
            "# stop the failed first release\nsystemctl stop " + shellQuote(m_request.unitName()) + "\n",
            true);
        return fail(tr("There is no earlier release on %1 to roll back to; the service was stopped.")
                        .arg(m_host.server.name));
    }
    if (auto restored = restoreConfig(); !restored)
        return std::unexpected(restored.error());
    if (auto back = switchTo(m_outcome.previous); !back)
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
    const QByteArray env = shellQuote(m_request.envFilePath());
    const QByteArray unitFile = shellQuote(QString(u"/etc/systemd/system/"_s + m_request.unitName()));
    const QByteArray saved = shellQuote(QString(m_request.deployRoot() + u"/.gantry/unit.previous"_s));
    const QByteArray script = "# restore the previous env file and unit\nset -e\n"
                              "if [ -f " +
        env + ".previous ]; then mv -f " + env + ".previous " + env + "; fi\n" + "if [ -f " + saved +
        " ]; then mv -f " + saved + " " + unitFile + "; systemctl daemon-reload; fi\n";
    auto restored = m_remote.runAsRoot(script);
    if (!restored)
        return std::unexpected(restored.error());
    m_configWritten = false;
    return {};
}

Result<QString> HostDeployer::record()
{
    const ReleaseEntry entry { m_outcome.release, m_request.version, ReleaseStatus::Good,
        m_artifact->sha256 };
    if (auto recorded = m_remote.runLayout(m_layout->recordRelease(entry), &ReleaseOutput::parseRecord);
        !recorded)
        return std::unexpected(recorded.error());
    return tr("release %1, version %2").arg(m_outcome.release).arg(m_request.version);
}

Result<QString> HostDeployer::prune()
{
    // Only the artifact of the live release stays in the upload folder: a redeploy sends nothing.
    const QByteArray uploads = "for f in " + shellQuote(uploadsDir()) +
        "/*; do [ \"$f\" = " + shellQuote(m_uploadPath) + " ] || rm -f -- \"$f\"; done\n";
    auto pruned =
        m_remote.runLayout(m_layout->prune(m_host.settings.keepReleases, m_outcome.previous) + uploads,
            &ReleaseOutput::parsePrune);
    if (!pruned)
        return std::unexpected(pruned.error());
    return tr("keeping %n release(s)", nullptr, m_host.settings.keepReleases);
}

void HostDeployer::unlock()
{
    if (!m_locked)
        return;
    const QByteArray script = m_layout->releaseLock();
    const auto released = [&] {
        return m_remote.isConnected() && m_remote.runLayout(script, &ReleaseOutput::parseUnlock).has_value();
    };
    // The connection may have broken: one new connection to leave the server unlocked.
    if (released() || (m_remote.connect() && released()))
        m_locked = false;
    event(DeployStep::Unlock, m_locked ? StepState::Failed : StepState::Done,
        m_locked ? tr("the lock stays; the next deploy from this machine takes it over") : QString());
}

} // namespace Gantry
