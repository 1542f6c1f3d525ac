#include "core/build/gosourcescanner.h"

#include <optional>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

struct Token {
    enum Kind { Ident, String, Punct, Newline, Other } kind;
    QString text;
    int line;
};

class Lexer {
public:
    explicit Lexer(QStringView source)
        : m_src(source)
    {
    }

    QList<Token> tokens(bool *ignored)
    {
        while (m_pos < m_src.size())
            next();
        *ignored = m_ignored;
        return m_tokens;
    }

private:
    QChar at(qsizetype i) const { return i < m_src.size() ? m_src[i] : QChar(); }

    void push(Token::Kind kind, QString text) { m_tokens.append({ kind, std::move(text), m_line }); }

    void next()
    {
        const QChar c = m_src[m_pos];
        if (c == u'\n') {
            push(Token::Newline, {});
            ++m_line;
            ++m_pos;
        } else if (c.isSpace()) {
            ++m_pos;
        } else if (c == u'/' && at(m_pos + 1) == u'/') {
            lineComment();
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            blockComment();
        } else if (c == u'"' || c == u'\'') {
            quoted(c);
        } else if (c == u'`') {
            raw();
        } else if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (m_pos < m_src.size() && (at(m_pos).isLetterOrNumber() || at(m_pos) == u'_'))
                ++m_pos;
            push(Token::Ident, m_src.sliced(start, m_pos - start).toString());
        } else if (c.isDigit()) {
            while (m_pos < m_src.size() && (at(m_pos).isLetterOrNumber() || at(m_pos) == u'.'))
                ++m_pos;
            push(Token::Other, {});
        } else {
            push(Token::Punct, QString(c));
            ++m_pos;
        }
    }

    void lineComment()
    {
        const qsizetype end = m_src.indexOf(u'\n', m_pos);
        const QStringView text = m_src.sliced(m_pos, (end < 0 ? m_src.size() : end) - m_pos);
        m_pos = end < 0 ? m_src.size() : end;
        static const QRegularExpression ignore(u"^//(go:build|\\s*\\+build)\\s+ignore\\s*$"_s);
        if (m_tokens.isEmpty() || std::all_of(m_tokens.cbegin(), m_tokens.cend(), [](const Token &t) {
                return t.kind == Token::Newline;
            })) {
            if (ignore.match(text).hasMatch())
                m_ignored = true;
        }
    }

    void blockComment()
    {
        const qsizetype end = m_src.indexOf(u"*/", m_pos + 2);
        const qsizetype stop = end < 0 ? m_src.size() : end + 2;
        const auto newlines = m_src.sliced(m_pos, stop - m_pos).count(u'\n');
        m_line += int(newlines);
        if (newlines > 0)
            push(Token::Newline, {});
        m_pos = stop;
    }

    void quoted(QChar quote)
    {
        QString value;
        ++m_pos;
        while (m_pos < m_src.size() && at(m_pos) != quote && at(m_pos) != u'\n') {
            if (at(m_pos) == u'\\' && m_pos + 1 < m_src.size()) {
                value += unescape(at(m_pos + 1));
                m_pos += 2;
                continue;
            }
            value += at(m_pos++);
        }
        if (at(m_pos) == quote)
            ++m_pos; // an unterminated literal leaves the newline to be counted

        push(quote == u'"' ? Token::String : Token::Other, value);
    }

    static QString unescape(QChar c)
    {
        switch (c.unicode()) {
        case 'n':
            return u"\n"_s;
        case 't':
            return u"\t"_s;
        case 'r':
            return u"\r"_s;
        default:
            return QString(c);
        }
    }

    void raw()
    {
        const qsizetype end = m_src.indexOf(u'`', m_pos + 1);
        const qsizetype stop = end < 0 ? m_src.size() : end;
        const QStringView body = m_src.sliced(m_pos + 1, stop - m_pos - 1);
        push(Token::String, body.toString());
        m_line += int(body.count(u'\n'));
        m_pos = stop + 1;
    }

    QStringView m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_ignored = false;
    QList<Token> m_tokens;
};

bool isOpen(const Token &t)
{
    return t.kind == Token::Punct && (t.text == u"(" || t.text == u"{" || t.text == u"[");
}

bool isClose(const Token &t)
{
    return t.kind == Token::Punct && (t.text == u")" || t.text == u"}" || t.text == u"]");
}

bool isPunct(const Token &t, char16_t c)
{
    return t.kind == Token::Punct && t.text.size() == 1 && t.text[0] == c;
}

// Splits tokens at top-level commas.
QList<QList<Token>> splitCommas(const QList<Token> &tokens)
{
    QList<QList<Token>> parts(1);
    int depth = 0;
    for (const Token &t : tokens) {
        depth += isOpen(t) ? 1 : isClose(t) ? -1 : 0;
        if (depth == 0 && isPunct(t, u','))
            parts.append(QList<Token>());
        else if (t.kind != Token::Newline)
            parts.last().append(t);
    }
    return parts;
}

// A string literal, or literals joined with +: a constant expression, which -X can replace.
std::optional<QString> constantString(const QList<Token> &value)
{
    if (value.size() % 2 == 0)
        return std::nullopt;
    QString text;
    for (qsizetype k = 0; k < value.size(); ++k) {
        if (k % 2 == 1 ? !isPunct(value[k], u'+') : value[k].kind != Token::String)
            return std::nullopt;
        if (k % 2 == 0)
            text += value[k].text;
    }
    return text;
}

// One `name[, name] [type] [= value[, value]]` spec.
void parseVarSpec(const QList<Token> &spec, QList<GoStringVar> *vars)
{
    qsizetype i = 0;
    QList<Token> names;
    while (i < spec.size() && spec[i].kind == Token::Ident) {
        names << spec[i++];
        if (i < spec.size() && isPunct(spec[i], u','))
            ++i;
        else
            break;
    }
    QList<Token> type;
    while (i < spec.size() && !isPunct(spec[i], u'='))
        type << spec[i++];
    const bool typeIsString = type.size() == 1 && type.first().text == u"string";
    if (!type.isEmpty() && !typeIsString)
        return;
    const QList<QList<Token>> values = i < spec.size() ? splitCommas(spec.mid(i + 1)) : QList<QList<Token>>();
    for (qsizetype n = 0; n < names.size(); ++n) {
        if (names[n].text == u"_")
            continue;
        const QList<Token> value = n < values.size() ? values[n] : QList<Token>();
        const std::optional<QString> constant = constantString(value);
        if (!value.isEmpty() && !constant && !typeIsString)
            continue; // not known to be a string
        vars->append(GoStringVar { names[n].text, constant.value_or(QString()), names[n].line,
            value.isEmpty() || constant.has_value() });
    }
}

class TopLevelParser {
public:
    explicit TopLevelParser(const QList<Token> &tokens, GoFileSummary *summary)
        : m_t(tokens)
        , m_s(summary)
    {
    }

    void run()
    {
        while (m_i < m_t.size()) {
            const Token &t = m_t[m_i];
            if (m_depth == 0 && t.kind == Token::Ident && handleKeyword(t.text))
                continue;
            m_depth += isOpen(t) ? 1 : isClose(t) ? -1 : 0;
            ++m_i;
        }
    }

private:
    const Token *peek(qsizetype ahead = 1) const
    {
        qsizetype j = m_i;
        for (qsizetype n = 0; n < ahead; ++n) {
            ++j;
            while (j < m_t.size() && m_t[j].kind == Token::Newline)
                ++j;
        }
        return j < m_t.size() ? &m_t[j] : nullptr;
    }

    bool handleKeyword(const QString &word)
    {
        if (word == u"package" && peek() && m_s->packageName.isEmpty()) {
            m_s->packageName = peek()->text;
        } else if (word == u"func" && peek() && peek()->text == u"main" && peek(2) &&
            isPunct(*peek(2), u'(')) {
            m_s->hasMainFunc = true;
        } else if (word == u"import") {
            parseImport();
            return true;
        } else if (word == u"var") {
            parseVar();
            return true;
        }
        return false;
    }

    // Collects tokens up to the end of a spec: a newline or ';' at the starting depth.
    QList<Token> takeSpec(int baseDepth, int *depth)
    {
        QList<Token> spec;
        while (m_i < m_t.size()) {
            const Token &t = m_t[m_i];
            if (*depth == baseDepth && (t.kind == Token::Newline || isPunct(t, u';'))) {
                ++m_i;
                if (!spec.isEmpty())
                    break;
                continue;
            }
            if (*depth == baseDepth && isClose(t))
                break;
            *depth += isOpen(t) ? 1 : isClose(t) ? -1 : 0;
            spec << t;
            ++m_i;
        }
        return spec;
    }

    template<typename Handle>
    void forEachSpec(Handle handle)
    {
        ++m_i; // the keyword
        while (m_i < m_t.size() && m_t[m_i].kind == Token::Newline)
            ++m_i;
        int depth = 0;
        if (m_i < m_t.size() && isPunct(m_t[m_i], u'(')) {
            ++m_i;
            depth = 1;
            while (m_i < m_t.size() && !isPunct(m_t[m_i], u')')) {
                const qsizetype before = m_i;
                const QList<Token> spec = takeSpec(1, &depth);
                if (!spec.isEmpty())
                    handle(spec);
                else if (m_i == before)
                    ++m_i; // a stray closing bracket: malformed source, keep going
            }
            ++m_i;
            return;
        }
        handle(takeSpec(0, &depth));
    }

    void parseImport()
    {
        forEachSpec([this](const QList<Token> &spec) {
            for (const Token &t : spec) {
                if (t.kind == Token::String) {
                    m_s->imports << t.text;
                    m_s->importsC = m_s->importsC || t.text == u"C";
                }
            }
        });
    }

    void parseVar()
    {
        forEachSpec([this](const QList<Token> &spec) { parseVarSpec(spec, &m_s->stringVars); });
    }

    const QList<Token> &m_t;
    GoFileSummary *m_s;
    qsizetype m_i = 0;
    int m_depth = 0;
};

} // namespace

GoFileSummary GoSourceScanner::scan(QStringView source)
{
    GoFileSummary summary;
    Lexer lexer(source);
    const QList<Token> tokens = lexer.tokens(&summary.ignored);
    TopLevelParser(tokens, &summary).run();
    return summary;
}

} // namespace Gantry
