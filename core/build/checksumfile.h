#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// `checksums.txt` in the format `sha256sum -c` reads: "<hex>  <file>\n", sorted by file name.
class ChecksumFile final {
    Q_DECLARE_TR_FUNCTIONS(ChecksumFile)
public:
    struct Entry {
        QString file;
        QString sha256; // lowercase hex
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    static Result<QString> sha256OfFile(const QString &path);
    static QByteArray format(QList<Entry> entries);
    static Result<QList<Entry>> parse(const QByteArray &text);
};

} // namespace Gantry
