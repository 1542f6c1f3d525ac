#include "widgets/logs/logfilterproxymodel.h"

#include <algorithm>

#include <QIODevice>

#include "widgets/logs/logmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

LogFilterProxyModel::LogFilterProxyModel(LogModel *source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::rowsInserted, this, &LogFilterProxyModel::onRowsInserted);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        &LogFilterProxyModel::onRowsAboutToBeRemoved);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &LogFilterProxyModel::onRowsRemoved);
    connect(source, &QAbstractItemModel::dataChanged, this, &LogFilterProxyModel::onDataChanged);
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    rebuild();
}

LogFilterProxyModel::~LogFilterProxyModel() = default;

QModelIndex LogFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    return hasIndex(row, column, parent) ? createIndex(row, column) : QModelIndex();
}

QModelIndex LogFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int LogFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source->columnCount();
}

bool LogFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QModelIndex LogFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    return m_source->index(int(m_rows[size_t(proxyIndex.row())] - m_base), proxyIndex.column());
}

QModelIndex LogFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    const qint64 key = sourceIndex.row() + m_base;
    const qsizetype at = lowerBound(key);
    if (at == qsizetype(m_rows.size()) || m_rows[size_t(at)] != key)
        return {};
    return createIndex(int(at), sourceIndex.column());
}

QVariant LogFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The base class maps sections through row 0, which an empty view does not have.
    return orientation == Qt::Horizontal ? m_source->headerData(section, orientation, role)
                                         : QAbstractProxyModel::headerData(section, orientation, role);
}

qsizetype LogFilterProxyModel::lowerBound(qint64 key) const
{
    return std::lower_bound(m_rows.begin(), m_rows.end(), key) - m_rows.begin();
}

bool LogFilterProxyModel::accepts(int sourceRow) const
{
    const LogModel::Row &r = m_source->row(sourceRow);
    if (r.level < m_minimum || r.realtimeUSec < m_since)
        return false;
    if (!m_servers.isEmpty() && !m_servers.contains(m_source->serverName(r)))
        return false;
    if (!m_services.isEmpty() && !m_services.contains(m_source->serviceName(r)))
        return false;
    if (m_regex)
        return m_regex->match(r.message).hasMatch();
    return m_text.isEmpty() || r.message.contains(m_text, Qt::CaseInsensitive);
}

void LogFilterProxyModel::rebuild()
{
    m_rows.clear();
    m_base = 0;
    const int count = m_source->rowCount();
    for (int row = 0; row < count; ++row)
        if (accepts(row))
            m_rows.push_back(row);
}

void LogFilterProxyModel::refilter()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

void LogFilterProxyModel::setMinimumLevel(LogLevel level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    refilter();
}

void LogFilterProxyModel::setServers(const QSet<QString> &servers)
{
    if (servers == m_servers)
        return;
    m_servers = servers;
    refilter();
}

void LogFilterProxyModel::setServices(const QSet<QString> &services)
{
    if (services == m_services)
        return;
    m_services = services;
    refilter();
}

void LogFilterProxyModel::setSince(qint64 realtimeUSec)
{
    if (realtimeUSec == m_since)
        return;
    if (realtimeUSec < m_since) {
        m_since = realtimeUSec;
        return refilter();
    }
    // A later start only hides lines, and the lines are in time order: drop the front.
    m_since = realtimeUSec;
    qsizetype older = 0;
    while (older < qsizetype(m_rows.size()) &&
        m_source->row(int(m_rows[size_t(older)] - m_base)).realtimeUSec < m_since)
        ++older;
    if (older == 0)
        return;
    beginRemoveRows({}, 0, int(older) - 1);
    m_rows.erase(m_rows.begin(), m_rows.begin() + older);
    endRemoveRows();
}

Result<void> LogFilterProxyModel::setSearch(const QString &text, bool regex)
{
    std::optional<QRegularExpression> expression;
    if (regex && !text.isEmpty()) {
        expression.emplace(text, QRegularExpression::CaseInsensitiveOption);
        if (!expression->isValid())
            return fail(tr("The search is not a valid regular expression: %1 (at character %2).")
                            .arg(expression->errorString())
                            .arg(expression->patternErrorOffset() + 1),
                tr("Fix the expression, or untick Regex to search for the text as it is."));
        expression->optimize();
    }
    if (text == m_text && expression.has_value() == m_regex.has_value())
        return {};
    m_text = text;
    m_regex = std::move(expression);
    refilter();
    return {};
}

void LogFilterProxyModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    // The rows after the new ones moved down: fix their keys first, so the rows the proxy
    // already shows keep pointing at their own lines while the insertion is announced.
    const qsizetype at = lowerBound(first + m_base);
    for (size_t i = size_t(at); i < m_rows.size(); ++i)
        m_rows[i] += count;
    std::vector<qint64> added;
    for (int row = first; row <= last; ++row)
        if (accepts(row))
            added.push_back(row + m_base);
    if (added.empty())
        return;
    beginInsertRows({}, int(at), int(at + qsizetype(added.size())) - 1);
    m_rows.insert(m_rows.begin() + at, added.begin(), added.end());
    endInsertRows();
}

void LogFilterProxyModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    m_removing = { lowerBound(first + m_base), lowerBound(last + 1 + m_base) };
    if (m_removing.first < m_removing.second)
        beginRemoveRows({}, int(m_removing.first), int(m_removing.second) - 1);
}

void LogFilterProxyModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto [from, to] = m_removing;
    m_rows.erase(m_rows.begin() + from, m_rows.begin() + to);
    if (first == 0)
        m_base += count; // the usual case, the oldest lines: no key changes
    else
        for (size_t i = size_t(from); i < m_rows.size(); ++i)
            m_rows[i] -= count;
    if (from < to)
        endRemoveRows();
}

void LogFilterProxyModel::onDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // Lines never change in a LogModel, so what the filter accepts does not either.
    const qsizetype from = lowerBound(topLeft.row() + m_base);
    const qsizetype to = lowerBound(bottomRight.row() + 1 + m_base);
    if (from < to)
        emit dataChanged(index(int(from), topLeft.column()), index(int(to) - 1, bottomRight.column()), roles);
}

Result<qint64> LogFilterProxyModel::writeLines(QIODevice &out) const
{
    qint64 written = 0;
    for (const qint64 key : m_rows) {
        const QByteArray line = m_source->lineText(int(key - m_base)).toUtf8() + '\n';
        if (out.write(line) != line.size())
            return fail(tr("The lines could not be written: %1.").arg(out.errorString()),
                tr("Choose a folder you can write to, with free space."));
        ++written;
    }
    return written;
}

} // namespace Gantry
