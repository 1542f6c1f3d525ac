#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include "core/deploy/envdiff.h"

namespace Gantry {

// A server's env file against a profile, one row per name: added, removed, changed or unchanged.
// The changes carry real values (EnvDiff::Secrets::Shown); secret values, and the values of names
// the profile no longer has, are shown as EnvDiff::mask() until the user reveals that row.
class EnvDiffModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvDiffModel)
public:
    enum Column { NameColumn, ChangeColumn, ServerColumn, ProfileColumn, RevealColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit EnvDiffModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setChanges(const QList<EnvChange> &changes); // hides every value again
    void clear();
    const EnvChange &changeAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &name) const;

    bool isMasked(int row) const; // a secret (or removed) value that is hidden now
    bool canReveal(int row) const;
    void toggleRevealed(int row);

    static QString changeText(EnvChange::Kind kind);

private:
    enum class Side { Server, Profile };
    QString valueText(int row, Side side) const;
    QVariant kindColor(EnvChange::Kind kind) const;

    QList<EnvChange> m_rows;
    QSet<QString> m_revealed;
};

} // namespace Gantry
