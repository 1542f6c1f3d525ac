#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include "core/profile/profileresolver.h"

namespace Gantry {

// The effective variables of one profile (and server): name, value with secrets masked,
// whether it is secret, and which profile (or server override) set it.
class VariableTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableTableModel)
public:
    enum Column { NameColumn, ValueColumn, SecretColumn, OriginColumn, RevealColumn, ColumnCount };
    static QString mask();

    explicit VariableTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // `profile` and `server` are the scope being edited: rows they set are "own".
    void setVariables(
        const QList<ResolvedVariable> &variables, const QString &profile, const QString &server);
    const ResolvedVariable &variableAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &name) const;
    bool isOwn(int row) const;

    // A secret's value read from the keychain, shown until hidden or the variables change scope.
    void setRevealed(const QString &name, const QString &value);
    void hide(const QString &name);
    void hideAll();
    bool isRevealed(int row) const;

private:
    QString valueText(const ResolvedVariable &row) const;
    QString originText(const ResolvedVariable &row) const;
    void emitRowChanged(const QString &name);

    QList<ResolvedVariable> m_rows;
    QString m_profile;
    QString m_server;
    QHash<QString, QString> m_revealed;
};

} // namespace Gantry
