#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "core/common/error.h"

namespace Gantry {

// The workspace schema: an ordered, forward-only list of steps; PRAGMA user_version says how far a
// database got. Each step runs in its own IMMEDIATE transaction, so a failed step leaves nothing.
class Migrations final {
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    struct Step {
        int version; // user_version after the step
        QString summary;
        QStringList statements;
    };

    static constexpr qint32 ApplicationId = 0x47414e54; // "GANT", in the SQLite header

    static const QList<Step> &steps();
    static int latestVersion();

    // Checks the file at `path` before anything opens it for writing: refuses a damaged file, an
    // SQLite database of another program and one made by a newer Gantry, without changing a byte
    // (no -wal or -shm either). Returns its schema version: 0 for a missing or empty file.
    static Result<int> inspect(const QString &path);

    static Result<int> version(const QSqlDatabase &db);
    // Brings `db` up to `target`; a database newer than the steps know is an error.
    static Result<void> migrate(const QSqlDatabase &db, int target = latestVersion());
    static Result<void> migrate(const QSqlDatabase &db, const QList<Step> &steps, int target);

private:
    static Result<void> apply(const QSqlDatabase &db, const Step &step);
    static Result<void> checkContent(const QString &path, int version);
};

} // namespace Gantry
