#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/common/error.h"
#include "core/profile/envvariable.h"

namespace Gantry {

// A .env file as python-dotenv and docker compose users write it: "# comments", an optional
// "export " prefix, KEY=value with unquoted values trimmed and ending at " #", 'single quotes'
// taken literally, "double quotes" with \n \t \r \" \\ \$ escapes, both quotes spanning lines,
// UTF-8 with or without a BOM, LF or CRLF. "$" is never expanded: ${OTHER} stays as written.
class Dotenv final {
    Q_DECLARE_TR_FUNCTIONS(Dotenv)
public:
    // Errors read "<fileName>:<line>: <problem>" and never quote a value, which may be a secret.
    // A name set twice is an error: a profile must not silently lose one of them.
    static Result<QList<EnvVariable>> parse(
        QByteArrayView text, const QString &fileName = QStringLiteral(".env"));

    // UTF-8 text with LF endings that parse() reads back to the same names and values.
    // Fails for an invalid or repeated name, or a value holding a lone UTF-16 surrogate.
    static Result<QByteArray> write(const QList<EnvVariable> &vars);
};

} // namespace Gantry
