#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include "core/common/error.h"

namespace Gantry {

// GoReleaser-style `{{.Version}}` templates for -ldflags.
class LdflagsTemplate final {
    Q_DECLARE_TR_FUNCTIONS(LdflagsTemplate)
public:
    // `-s -w -X <version>={{.Version}}`, plus commit and date for the symbols that are given.
    static QString defaultTemplate(
        const QString &versionSymbol, const QString &commitSymbol = {}, const QString &dateSymbol = {});
    // Fields: Version, Commit, ShortCommit, Date, Os, Arch, ProjectName.
    static Result<QString> render(const QString &text, const QHash<QString, QString> &fields);
    static QStringList fieldNames();
};

} // namespace Gantry
