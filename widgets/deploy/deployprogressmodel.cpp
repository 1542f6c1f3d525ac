#include "widgets/deploy/deployprogressmodel.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr quintptr HostId = 0; // internal id of host rows; step rows carry their host row + 1

QIcon stateIcon(StepState state)
{
    QStyle *style = QApplication::style();
    switch (state) {
    case StepState::Started:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case StepState::Done:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case StepState::Skipped:
        return style->standardIcon(QStyle::SP_MediaSkipForward);
    case StepState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case StepState::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

} // namespace

DeployProgressModel::DeployProgressModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

DeployProgressModel::~DeployProgressModel() = default;

QModelIndex DeployProgressModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return parent.isValid() ? createIndex(row, column, quintptr(parent.row() + 1))
                            : createIndex(row, column, HostId);
}

QModelIndex DeployProgressModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == HostId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, HostId);
}

int DeployProgressModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.internalId() != HostId || parent.column() != 0)
        return 0;
    return int(m_hosts.at(parent.row()).steps.size());
}

int DeployProgressModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DeployProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == HostId)
        return hostData(m_hosts.at(index.row()), index.column(), role);
    const Host &host = m_hosts.at(int(index.internalId() - 1));
    return stepData(host.steps.at(index.row()), index.column(), role);
}

QVariant DeployProgressModel::hostData(const Host &host, int column, int role) const
{
    if (role == Qt::DecorationRole && column == StepColumn) {
        switch (host.state) {
        case HostState::Waiting:
            return QApplication::style()->standardIcon(QStyle::SP_MediaPause);
        case HostState::Running:
            return stateIcon(StepState::Started);
        case HostState::Succeeded:
            return stateIcon(StepState::Done);
        case HostState::Failed:
            return stateIcon(StepState::Failed);
        }
    }
    if (role == Qt::ToolTipRole && column == DetailColumn)
        return host.summary;
    if (role != Qt::DisplayRole)
        return {};
    if (column == StepColumn)
        return host.name;
    if (!host.summary.isEmpty())
        return host.summary;
    return host.state == HostState::Waiting ? tr("waiting") : tr("deploying…");
}

QVariant DeployProgressModel::stepData(const Step &step, int column, int role) const
{
    if (role == Qt::DecorationRole && column == StepColumn)
        return stateIcon(step.state);
    if (role == Qt::ToolTipRole && column == DetailColumn)
        return step.detail;
    if (role != Qt::DisplayRole)
        return {};
    return column == StepColumn ? DeployStepNames::title(step.step) : step.detail;
}

QVariant DeployProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == StepColumn ? tr("Server and step") : tr("Detail");
}

void DeployProgressModel::setHosts(const QStringList &hosts)
{
    beginResetModel();
    m_hosts.clear();
    for (const QString &name : hosts)
        m_hosts.append(Host { name, HostState::Waiting, {}, {}, {}, {} });
    endResetModel();
}

int DeployProgressModel::hostRow(const QString &name) const
{
    for (int row = 0; row < m_hosts.size(); ++row)
        if (m_hosts.at(row).name == name)
            return row;
    return -1;
}

int DeployProgressModel::stepRow(const Host &host, DeployStep step) const
{
    for (int row = 0; row < host.steps.size(); ++row)
        if (host.steps.at(row).step == step)
            return row;
    return -1;
}

QString DeployProgressModel::uploadText(Host &host, const DeployEvent &event) const
{
    if (!host.upload.isValid())
        host.upload.start();
    const QLocale locale;
    const double seconds = std::max<qint64>(host.upload.elapsed(), 1) / 1000.0;
    return tr("%1 of %2, %3/s")
        .arg(locale.formattedDataSize(event.done), locale.formattedDataSize(event.total),
            locale.formattedDataSize(qint64(double(event.done) / seconds)));
}

void DeployProgressModel::apply(const DeployEvent &event)
{
    const int h = hostRow(event.host);
    if (h < 0)
        return;
    Host &host = m_hosts[h];
    if (host.state == HostState::Waiting) {
        host.state = HostState::Running;
        emit dataChanged(index(h, 0), index(h, ColumnCount - 1));
    }
    const bool progress = event.total > 0;
    int row = stepRow(host, event.step);
    if (row < 0) {
        row = int(host.steps.size());
        beginInsertRows(index(h, 0), row, row);
        host.steps.append(Step { event.step, event.state, {} });
        endInsertRows();
    }
    Step &step = host.steps[row];
    if (event.state != StepState::Info)
        step.state = event.state;
    step.detail = progress ? uploadText(host, event) : event.detail;
    const bool last = !progress || event.done >= event.total;
    if (progress && !last && host.repaint.isValid() && host.repaint.elapsed() < 100)
        return;
    host.repaint.start();
    const QModelIndex parent = index(h, 0);
    emit dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
}

void DeployProgressModel::finish(const HostOutcome &outcome)
{
    const int h = hostRow(outcome.host);
    if (h < 0)
        return;
    Host &host = m_hosts[h];
    host.state = outcome.success ? HostState::Succeeded : HostState::Failed;
    host.summary = outcome.success ? tr("release %1 is live").arg(outcome.release)
        : outcome.rolledBack       ? tr("rolled back: %1").arg(outcome.error.message)
                                   : outcome.error.message;
    emit dataChanged(index(h, 0), index(h, ColumnCount - 1));
}

DeployProgressModel::HostState DeployProgressModel::hostState(const QString &host) const
{
    const int h = hostRow(host);
    return h < 0 ? HostState::Waiting : m_hosts.at(h).state;
}

std::optional<StepState> DeployProgressModel::stepState(const QString &host, DeployStep step) const
{
    const int h = hostRow(host);
    if (h < 0)
        return std::nullopt;
    const int row = stepRow(m_hosts.at(h), step);
    return row < 0 ? std::nullopt : std::optional(m_hosts.at(h).steps.at(row).state);
}

} // namespace Gantry
