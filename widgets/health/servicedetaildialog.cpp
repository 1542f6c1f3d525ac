#include "widgets/health/servicedetaildialog.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/store/workspace.h"
#include "widgets/health/timeserieschart.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

enum Metric { Latency, Cpu, Memory };

double liveValue(const ServiceStatusModel::Sample &s, int metric)
{
    switch (metric) {
    case Latency:
        return s.latencyMs;
    case Cpu:
        return s.cpuPercent;
    default:
        return double(s.memoryBytes) / (1024.0 * 1024.0);
    }
}

double storedValue(const HealthSample &s, int metric)
{
    switch (metric) {
    case Latency:
        return s.healthLatencyMs;
    case Cpu:
        return s.cpuPercent;
    default:
        return double(s.memoryBytes) / (1024.0 * 1024.0);
    }
}

} // namespace

ServiceDetailDialog::ServiceDetailDialog(const QString &server, const UnitSnapshot &unit,
    const QList<ServiceStatusModel::Sample> &live, Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_live(live)
{
    setObjectName(u"serviceDetailDialog"_s);
    setWindowTitle(tr("%1 on %2").arg(unit.app.isEmpty() ? unit.unit : unit.app, server));
    if (workspace) {
        auto stored =
            workspace->healthSamples(server, unit.unit, QDateTime::currentDateTimeUtc().addDays(-1));
        if (stored)
            m_stored = *stored;
    }
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(tr("Since the app started: %n sample(s). Stored in the workspace over the "
                                  "last day: %1 sample(s). %2",
                                   nullptr, int(m_live.size()))
                                   .arg(m_stored.size())
                                   .arg(retentionText(workspace)),
        this);
    summary->setObjectName(u"detailSummary"_s);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createChart(tr("Health check latency"), tr("ms"), Latency), tr("&Latency"));
    tabs->addTab(createChart(tr("CPU (one core = 100 %)"), tr("%"), Cpu), tr("&CPU"));
    tabs->addTab(createChart(tr("Memory"), tr("MiB"), Memory), tr("&Memory"));
    layout->addWidget(tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 480);
}

ServiceDetailDialog::~ServiceDetailDialog() = default;

QString ServiceDetailDialog::retentionText(Workspace *workspace) const
{
    if (!workspace)
        return {};
    const HealthRetention r = workspace->healthRetention();
    return tr("The workspace keeps samples for %n day(s), at most %1 per service.", nullptr,
        int(r.maxAge.count() / 24))
        .arg(r.maxRowsPerUnit);
}

QWidget *ServiceDetailDialog::createChart(const QString &title, const QString &unitText, int metric)
{
    auto *chart = new TimeSeriesChart(this);
    chart->setObjectName(u"chart%1"_s.arg(metric));
    chart->setTitle(title);
    chart->setUnit(unitText);
    // Amber dots and a blue line: told apart in light and dark mode, and without colour.
    const int stored = chart->addSeries(tr("Stored"), QColor(0xd2, 0x99, 0x22), TimeSeriesChart::Style::Dots);
    const int live = chart->addSeries(tr("Since the app started"), QColor(0x2f, 0x81, 0xf7));
    QDateTime first = QDateTime::currentDateTimeUtc();
    QList<TimeSeriesChart::Point> points;
    for (const HealthSample &s : std::as_const(m_stored)) {
        const double value = storedValue(s, metric);
        if (metric == Latency && value < 0) // the health check did not answer
            continue;
        points.append({ s.time, value });
        first = std::min(first, s.time);
    }
    chart->setPoints(stored, points);
    points.clear();
    for (const ServiceStatusModel::Sample &s : std::as_const(m_live)) {
        const double value = liveValue(s, metric);
        if (metric == Latency && value < 0)
            continue;
        points.append({ s.time, value });
        first = std::min(first, s.time);
    }
    chart->setPoints(live, points);
    chart->setTimeRange(first, QDateTime::currentDateTimeUtc());
    return chart;
}

} // namespace Gantry
