#include "core/profile/dotenv.h"

#include <algorithm>
#include <expected>
#include <optional>

#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include "core/profile/envname.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

struct Problem {
    int line = 0;
    QString message;
    QString hint;
};

template<typename T>
using Checked = std::expected<T, Problem>;

std::unexpected<Problem> problem(int line, QString message, QString hint)
{
    return std::unexpected<Problem>(Problem { line, std::move(message), std::move(hint) });
}

// QString::fromUtf8() drops a leading U+FEFF, which may well start a value.
QString decoded(QByteArrayView utf8)
{
    return QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom).decode(utf8);
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

QString trimBlanks(QStringView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isBlank(text.back()))
        text.chop(1);
    return text.toString();
}

// Reads the decoded text of a .env file one assignment at a time.
class Reader final {
public:
    explicit Reader(QString text)
        : m_text(std::move(text))
    {
    }

    Checked<QList<EnvVariable>> readAll();

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar current() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    bool skipBlanks();
    void skipLine();
    Checked<std::optional<EnvVariable>> readStatement();
    Checked<QString> readName(int line);
    Checked<QString> readValue(int line);
    Checked<QString> readSingleQuoted(int line);
    Checked<QString> readDoubleQuoted(int line);
    QString readUnquoted(bool afterBlank);
    Checked<void> endQuotedLine();

    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

Checked<QList<EnvVariable>> Reader::readAll()
{
    QList<EnvVariable> vars;
    QHash<QString, int> lines;
    while (!atEnd()) {
        Checked<std::optional<EnvVariable>> statement = readStatement();
        if (!statement)
            return std::unexpected(statement.error());
        if (!*statement)
            continue;
        const EnvVariable &var = **statement;
        if (const auto seen = lines.constFind(var.name); seen != lines.cend())
            return problem(var.line,
                Dotenv::tr("%1 is set a second time; line %2 sets it already.").arg(var.name).arg(*seen),
                Dotenv::tr("Keep one of the two lines and delete the other."));
        lines.insert(var.name, var.line);
        vars.append(var);
    }
    return vars;
}

// True when at least one space or tab was skipped.
bool Reader::skipBlanks()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isBlank(current()))
        ++m_pos;
    return m_pos > start;
}

void Reader::skipLine()
{
    while (!atEnd() && current() != u'\n')
        ++m_pos;
    if (!atEnd()) {
        ++m_pos;
        ++m_line;
    }
}

// One assignment, or nothing for a blank or comment line.
Checked<std::optional<EnvVariable>> Reader::readStatement()
{
    skipBlanks();
    if (atEnd())
        return std::nullopt;
    if (current() == u'\n' || current() == u'#') {
        skipLine();
        return std::nullopt;
    }
    const int line = m_line;
    Checked<QString> name = readName(line);
    if (!name)
        return std::unexpected(name.error());
    Checked<QString> value = readValue(line);
    if (!value)
        return std::unexpected(value.error());
    return EnvVariable { *name, *value, false, line };
}

// The name before "=", without an "export " prefix; leaves the position after the "=".
Checked<QString> Reader::readName(int line)
{
    const qsizetype equals = m_text.indexOf(u'=', m_pos);
    const qsizetype newline = m_text.indexOf(u'\n', m_pos);
    if (equals < 0 || (newline >= 0 && newline < equals))
        return problem(line, Dotenv::tr("The line has no \"=\" between a name and a value."),
            Dotenv::tr("Write it as NAME=value, or start it with \"#\" to make it a comment."));
    QString name = trimBlanks(QStringView(m_text).sliced(m_pos, equals - m_pos));
    m_pos = equals + 1;
    if (name.startsWith("export"_L1) && name.size() > 6 && isBlank(name.at(6)))
        name = trimBlanks(QStringView(name).sliced(7));
    if (Result<void> valid = EnvName::check(name); !valid)
        return problem(line, valid.error().message, valid.error().hint);
    return name;
}

Checked<QString> Reader::readValue(int line)
{
    const bool afterBlank = skipBlanks();
    if (current() == u'\'')
        return readSingleQuoted(line);
    if (current() == u'"')
        return readDoubleQuoted(line);
    return readUnquoted(afterBlank);
}

Checked<QString> Reader::readSingleQuoted(int line)
{
    const qsizetype close = m_text.indexOf(u'\'', m_pos + 1);
    if (close < 0)
        return problem(line, Dotenv::tr("The single quote that opens this value is never closed."),
            Dotenv::tr("Add the closing ' after the value."));
    const QString value = m_text.mid(m_pos + 1, close - m_pos - 1);
    m_line += int(value.count(u'\n'));
    m_pos = close + 1;
    if (Checked<void> ended = endQuotedLine(); !ended)
        return std::unexpected(ended.error());
    return value;
}

Checked<QString> Reader::readDoubleQuoted(int line)
{
    static const QString escapes = u"ntr\"\\$"_s;
    static const QString escaped = u"\n\t\r\"\\$"_s;
    QString value;
    for (++m_pos; !atEnd() && current() != u'"'; ++m_pos) {
        QChar c = current();
        if (c == u'\\' && m_pos + 1 < m_text.size()) {
            const qsizetype index = escapes.indexOf(m_text.at(m_pos + 1));
            if (index >= 0) {
                c = escaped.at(index);
                ++m_pos;
            }
        }
        if (current() == u'\n')
            ++m_line;
        value += c;
    }
    if (atEnd())
        return problem(line, Dotenv::tr("The double quote that opens this value is never closed."),
            Dotenv::tr("Add the closing \" after the value, and write a \" inside the value as \\\"."));
    ++m_pos;
    if (Checked<void> ended = endQuotedLine(); !ended)
        return std::unexpected(ended.error());
    return value;
}

// After a closing quote only blanks and a "# comment" may follow on the line.
Checked<void> Reader::endQuotedLine()
{
    skipBlanks();
    if (!atEnd() && current() != u'\n' && current() != u'#')
        return problem(m_line, Dotenv::tr("Text follows the quote that closes the value."),
            Dotenv::tr("Put the whole value inside the quotes, or start a comment with \" #\"."));
    skipLine();
    return {};
}

// Up to the end of the line or a "#" that follows a blank, without blanks at either end.
QString Reader::readUnquoted(bool afterBlank)
{
    const qsizetype newline = m_text.indexOf(u'\n', m_pos);
    const qsizetype end = newline < 0 ? m_text.size() : newline;
    qsizetype stop = afterBlank && current() == u'#' ? m_pos : end;
    for (qsizetype i = m_pos + 1; i < stop; ++i) {
        if (m_text.at(i) == u'#' && isBlank(m_text.at(i - 1)))
            stop = i;
    }
    while (stop > m_pos && isBlank(m_text.at(stop - 1)))
        --stop;
    const QString value = m_text.mid(m_pos, stop - m_pos);
    m_pos = end;
    skipLine();
    return value;
}

// The first line, counted from 1, that is not valid UTF-8; 0 when all are.
int firstInvalidUtf8Line(QByteArrayView text)
{
    int line = 1;
    while (!text.isEmpty()) {
        const qsizetype newline = text.indexOf('\n');
        const QByteArrayView current = newline < 0 ? text : text.first(newline);
        if (!current.isValidUtf8())
            return line;
        text = newline < 0 ? QByteArrayView() : text.sliced(newline + 1);
        ++line;
    }
    return 0;
}

bool isPlain(QChar c)
{
    static const QString punctuation = u"_-.,/:@%+="_s;
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
        punctuation.contains(c);
}

QString quoted(const QString &value)
{
    if (std::all_of(value.cbegin(), value.cend(), isPlain))
        return value;
    QString out = u"\""_s;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'"':
        case u'\\':
        case u'$':
            out += u'\\';
            out += c;
            break;
        default:
            out += c;
        }
    }
    return out + u'"';
}

} // namespace

Result<QList<EnvVariable>> Dotenv::parse(QByteArrayView text, const QString &fileName)
{
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    if (const int line = firstInvalidUtf8Line(text); line > 0)
        return fail(fileName + u':' + QString::number(line) + u": " + tr("The line is not valid UTF-8 text."),
            tr("Save the file with the UTF-8 encoding."));
    QString source = decoded(text);
    source.replace(u"\r\n"_s, u"\n"_s);
    Checked<QList<EnvVariable>> vars = Reader(source).readAll();
    if (vars)
        return *vars;
    const Problem &found = vars.error();
    return fail(fileName + u':' + QString::number(found.line) + u": " + found.message, found.hint);
}

Result<QByteArray> Dotenv::write(const QList<EnvVariable> &vars)
{
    QString out;
    QSet<QString> seen;
    for (const EnvVariable &var : vars) {
        if (Result<void> valid = EnvName::check(var.name); !valid)
            return std::unexpected(valid.error());
        if (seen.contains(var.name))
            return fail(tr("%1 appears twice in the list of variables to write.").arg(var.name),
                tr("Keep one of them."));
        if (!QStringView(var.value).isValidUtf16())
            return fail(tr("The value of %1 holds a broken UTF-16 surrogate and cannot be written as UTF-8.")
                            .arg(var.name),
                tr("Enter the value again."));
        seen.insert(var.name);
        out += var.name + u'=' + quoted(var.value) + u'\n';
    }
    return out.toUtf8();
}

} // namespace Gantry
