#include "core/store/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

constexpr int BusyTimeoutMs = 5000;
constexpr int BeginAttempts = 5;

bool isBusy(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 5 || code == 6; // SQLITE_BUSY, SQLITE_LOCKED
}

} // namespace

QVariant Database::bindable(const QVariant &value)
{
    // The driver binds a null QString as NULL; text columns hold '' instead. SQL NULL is QVariant().
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return u""_s;
    return value;
}

Database::Database(const QString &path)
    : m_path(path)
    , m_connection(u"gantry-workspace-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_db(QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection))
{
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
}

Database::~Database()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> Database::open()
{
    if (!m_db.open())
        return fail(tr("Cannot open the workspace %1.").arg(m_path), tr("Check that the folder is writable."),
            m_db.lastError().text());
    Result<QSqlQuery> wal = exec(u"PRAGMA journal_mode = WAL"_s);
    if (!wal)
        return std::unexpected(wal.error());
    if (!wal->next() || wal->value(0).toString() != u"wal"_s)
        return fail(tr("The workspace %1 cannot use write-ahead logging.").arg(m_path),
            tr("Keep the workspace on a local disk, not on a network share."));
    wal->finish();
    for (const QString &pragma : { u"PRAGMA synchronous = NORMAL"_s, u"PRAGMA foreign_keys = ON"_s }) {
        if (auto ok = exec(pragma); !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

const QSqlDatabase &Database::connection() const
{
    return m_db;
}

QString Database::path() const
{
    return m_path;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failed(query.lastError());
    for (const QVariant &value : binds)
        query.addBindValue(bindable(value));
    if (!query.exec())
        return failed(query.lastError());
    return query;
}

Result<int> Database::change(const QString &sql, const QVariantList &binds)
{
    // Even one statement gets an IMMEDIATE transaction: an autocommit write that started as a read
    // fails with SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry.
    int rows = 0;
    const Result<void> ok = transaction([&]() -> Result<void> {
        const Result<QSqlQuery> query = exec(sql, binds);
        if (!query)
            return std::unexpected(query.error());
        rows = query->numRowsAffected();
        return {};
    });
    if (!ok)
        return std::unexpected(ok.error());
    return rows;
}

Result<void> Database::transaction(const std::function<Result<void>()> &body)
{
    if (m_transactionDepth > 0)
        return body();
    if (auto ok = begin(); !ok)
        return ok;
    ++m_transactionDepth;
    Result<void> result = body();
    --m_transactionDepth;
    QSqlQuery query(m_db);
    if (result && !query.exec(u"COMMIT"_s))
        result = failed(query.lastError());
    if (!result)
        query.exec(u"ROLLBACK"_s);
    return result;
}

Result<void> Database::begin()
{
    // The busy timeout already waited for the other writer; a few more tries cover a long write.
    for (int attempt = 1;; ++attempt) {
        QSqlQuery query(m_db);
        if (query.exec(u"BEGIN IMMEDIATE"_s))
            return {};
        if (!isBusy(query.lastError()) || attempt == BeginAttempts)
            return failed(query.lastError());
        QThread::msleep(20 * attempt);
    }
}

std::unexpected<Error> Database::failed(const QSqlError &error) const
{
    if (isBusy(error))
        return fail(tr("The workspace %1 is busy: another Gantry kept it locked.").arg(m_path),
            tr("Try again in a moment."), error.text());
    return fail(tr("Gantry could not read or write the workspace %1.").arg(m_path),
        tr("Check that the disk is not full and the folder is writable."), error.text());
}

qint64 Database::toMs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime Database::fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString Database::jsonText(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonObject Database::jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace Gantry
