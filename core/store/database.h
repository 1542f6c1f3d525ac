#pragma once

#include <functional>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include "core/common/error.h"

class QSqlError;

namespace Gantry {

// One SQLite connection of its own (a unique QSqlDatabase name, removed on destruction) in WAL
// mode, with the statement and transaction helpers the stores share.
class Database final {
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    explicit Database(const QString &path);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Opens the file (creating it) in WAL mode with a busy timeout and foreign keys on.
    Result<void> open();
    const QSqlDatabase &connection() const;
    QString path() const;

    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {}) const;
    // Runs a write in a transaction (or the one under way) and returns how many rows it changed.
    Result<int> change(const QString &sql, const QVariantList &binds = {});
    // BEGIN IMMEDIATE ... COMMIT around `body`, retried while another process holds the write lock;
    // calls inside `body` join the transaction. An error rolls everything back.
    Result<void> transaction(const std::function<Result<void>()> &body);
    std::unexpected<Error> failed(const QSqlError &error) const;

    static QVariant bindable(const QVariant &value);
    static qint64 toMs(const QDateTime &time);
    static QDateTime fromMs(qint64 ms);
    static QString jsonText(const QJsonObject &json);
    static QJsonObject jsonObject(const QString &text);

private:
    Result<void> begin();

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
};

} // namespace Gantry
