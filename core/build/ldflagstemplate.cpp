#include "core/build/ldflagstemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

QString LdflagsTemplate::defaultTemplate(
    const QString &versionSymbol, const QString &commitSymbol, const QString &dateSymbol)
{
    QString text = u"-s -w"_s;
    if (!versionSymbol.isEmpty())
        text += u" -X "_s + versionSymbol + u"={{.Version}}"_s;
    if (!commitSymbol.isEmpty())
        text += u" -X "_s + commitSymbol + u"={{.Commit}}"_s;
    if (!dateSymbol.isEmpty())
        text += u" -X "_s + dateSymbol + u"={{.Date}}"_s;
    return text;
}

QStringList LdflagsTemplate::fieldNames()
{
    return { u"Version"_s, u"Commit"_s, u"ShortCommit"_s, u"Date"_s, u"Os"_s, u"Arch"_s, u"ProjectName"_s };
}

Result<QString> LdflagsTemplate::render(const QString &text, const QHash<QString, QString> &fields)
{
    static const QRegularExpression field(u"\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}"_s);
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u"{{"_s, pos);
        if (open < 0) {
            out += QStringView(text).mid(pos);
            break;
        }
        out += QStringView(text).mid(pos, open - pos);
        const auto match = field.match(
            text, open, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch()) {
            const qsizetype close = text.indexOf(u"}}"_s, open);
            const QString bad = close < 0 ? text.mid(open) : text.mid(open, close - open + 2);
            return fail(tr("The ldflags template has a placeholder Gantry does not understand: %1.").arg(bad),
                tr("Write placeholders as {{.Name}}, with Name one of %1.").arg(fieldNames().join(u", "_s)));
        }
        const QString name = match.captured(1);
        if (!fields.contains(name)) {
            return fail(tr("The ldflags template uses {{.%1}}, which is not a known field.").arg(name),
                tr("Use one of %1.").arg(fieldNames().join(u", "_s)));
        }
        out += fields.value(name);
        pos = match.capturedEnd();
    }
    return out;
}

} // namespace Gantry
