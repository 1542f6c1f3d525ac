#pragma once

#include <QMutex>
#include <QString>
#include <QStringList>

namespace Gantry {

// Replaces every known secret value with "****". Secrets are added when they are read from or
// written to the keychain; every log sink, the terminal, process output and error text pass
// through redact().
class Redactor final {
    Q_DISABLE_COPY_MOVE(Redactor)
public:
    static Redactor &instance();
    static constexpr qsizetype MinimumLength = 3; // shorter values would blank out ordinary text
    static inline const QString Mask = QStringLiteral("****");

    void add(const QString &secret);
    void clear();
    QString redact(QString text) const;
    QByteArray redact(const QByteArray &utf8) const;
    bool isEmpty() const;

private:
    Redactor() = default;
    mutable QMutex m_mutex;
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};

} // namespace Gantry
