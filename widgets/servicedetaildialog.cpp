#include "widgets/servicedetaildialog.h"

#include <algorithm>

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include "core/store/workspace.h"

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
    auto *chart = new QChart;
    chart->setTitle(title);
    auto *stored = new QScatterSeries;
    stored->setName(tr("Stored"));
    stored->setMarkerSize(5);
    auto *live = new QLineSeries;
    live->setName(tr("Since the app started"));
    double top = 1;
    QDateTime first = QDateTime::currentDateTimeUtc();
    for (const HealthSample &s : std::as_const(m_stored)) {
        const double value = storedValue(s, metric);
        if (metric == Latency && value < 0)
            continue;
        stored->append(double(s.time.toMSecsSinceEpoch()), value);
        top = std::max(top, value);
        first = std::min(first, s.time);
    }
    for (const ServiceStatusModel::Sample &s : std::as_const(m_live)) {
        const double value = liveValue(s, metric);
        if (metric == Latency && value < 0)
            continue;
        live->append(double(s.time.toMSecsSinceEpoch()), value);
        top = std::max(top, value);
        first = std::min(first, s.time);
    }
    chart->addSeries(stored);
    chart->addSeries(live);
    auto *timeAxis = new QDateTimeAxis;
    // Minutes of history want seconds on the axis; days of it, the date.
    const qint64 span = first.secsTo(QDateTime::currentDateTimeUtc());
    timeAxis->setFormat(span < 3600 ? u"HH:mm:ss"_s : span < 86400 ? u"HH:mm"_s : u"MM-dd HH:mm"_s);
    timeAxis->setRange(first.toLocalTime(), QDateTime::currentDateTime());
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(unitText);
    valueAxis->setRange(0, top * 1.1);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

} // namespace Gantry
