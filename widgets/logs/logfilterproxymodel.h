#pragma once

#include <deque>
#include <optional>

#include <QAbstractProxyModel>
#include <QRegularExpression>
#include <QSet>

#include "core/common/error.h"
#include "core/monitor/loglevel.h"

class QIODevice;

namespace Gantry {

class LogModel;

// The lines of a LogModel a person wants to see: a minimum level (Warning by default, as
// Cockpit does), some servers and services, a time window, and a plain or regex search.
//
// Not a QSortFilterProxyModel: it fixes up its whole mapping on every insert and removal, so a
// full ring of a million lines, losing its oldest lines on every batch, cost O(rows) per batch.
// This proxy keeps the accepted source rows in order, offset by the rows dropped from the
// front: a batch near the end and a drop at the front cost only the rows they touch.
class LogFilterProxyModel final : public QAbstractProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterProxyModel)
public:
    explicit LogFilterProxyModel(LogModel *source, QObject *parent = nullptr);
    ~LogFilterProxyModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    LogModel *logModel() const { return m_source; }

    LogLevel minimumLevel() const { return m_minimum; }
    void setMinimumLevel(LogLevel level); // LogLevel::Unknown: every line
    void setServers(const QSet<QString> &servers); // empty: every server
    void setServices(const QSet<QString> &services); // empty: every service
    qint64 since() const { return m_since; }
    void setSince(qint64 realtimeUSec); // 0: everything
    // Lines whose message contains `text` (any case), or matches it as a regular expression. An
    // invalid expression is refused with the reason, and the filter stays as it was.
    Result<void> setSearch(const QString &text, bool regex);

    // The shown lines as LogModel::lineText, one a line; the number written, or the write error.
    Result<qint64> writeLines(QIODevice &out) const;

private:
    bool accepts(int sourceRow) const;
    void refilter();
    void rebuild();
    qsizetype lowerBound(qint64 key) const;
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    LogModel *m_source = nullptr;
    std::deque<qint64> m_rows; // accepted source rows + m_base, ascending
    qint64 m_base = 0; // rows dropped from the source's front so far
    std::pair<qsizetype, qsizetype> m_removing { 0, 0 }; // proxy rows of a removal under way

    LogLevel m_minimum = LogLevel::Warning;
    QSet<QString> m_servers;
    QSet<QString> m_services;
    qint64 m_since = 0;
    QString m_text;
    std::optional<QRegularExpression> m_regex;
};

} // namespace Gantry
