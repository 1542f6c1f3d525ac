#include "core/build/gomodfile.h"

#include <expected>
#include <optional>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// The reading follows golang.org/x/mod/modfile (read.go and rule.go): a lexer, a parser that
// groups tokens into lines and ( ) blocks, then one rule per directive.

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

enum class TokenKind { Word, String, Newline, LParen, RParen, Punct, Comment, SuffixComment, End, Error };

struct Token {
    TokenKind kind = TokenKind::End;
    QString text;
    int line = 0;
};

bool isEndOfLine(const Token &token)
{
    return token.kind == TokenKind::Newline || token.kind == TokenKind::SuffixComment ||
        token.kind == TokenKind::End;
}

bool isPunctuation(char32_t c)
{
    return c == U'(' || c == U')' || c == U'[' || c == U']' || c == U'{' || c == U'}' || c == U',';
}

bool isWordCharacter(char32_t c)
{
    return !isPunctuation(c) && !QChar::isSpace(c) && QChar::isPrint(c);
}

class Lexer final {
public:
    explicit Lexer(const QString &text)
        : m_text(text.toUcs4())
    {
    }

    // Ends with an End token, or with an Error token after which lexError() says what went wrong.
    QList<Token> tokenize();
    const Problem &lexError() const { return m_error; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char32_t current() const { return atEnd() ? U'\0' : char32_t(m_text.at(m_pos)); }
    bool startsWith(char32_t first, char32_t second) const;
    Token readComment();
    std::optional<Token> readString();
    std::optional<Token> readWord();
    Token makeToken(TokenKind kind, qsizetype start, int line);
    Token error(int line, QString message, QString hint);

    QList<uint> m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    bool m_lineHasToken = false; // decides whether a // comment trails a statement
    Problem m_error;
};

bool Lexer::startsWith(char32_t first, char32_t second) const
{
    return m_pos + 1 < m_text.size() && m_text.at(m_pos) == first && m_text.at(m_pos + 1) == second;
}

Token Lexer::makeToken(TokenKind kind, qsizetype start, int line)
{
    m_lineHasToken = kind != TokenKind::Newline;
    return { kind,
        QString::fromUcs4(reinterpret_cast<const char32_t *>(m_text.constData() + start), m_pos - start),
        line };
}

Token Lexer::error(int line, QString message, QString hint)
{
    m_error = Problem { line, std::move(message), std::move(hint) };
    return { TokenKind::Error, {}, line };
}

QList<Token> Lexer::tokenize()
{
    QList<Token> tokens;
    while (tokens.isEmpty() ||
        (tokens.constLast().kind != TokenKind::End && tokens.constLast().kind != TokenKind::Error)) {
        const char32_t c = current();
        if (!atEnd() && (c == U' ' || c == U'\t' || c == U'\r')) {
            ++m_pos;
        } else if (atEnd()) {
            tokens.append({ TokenKind::End, {}, m_line });
        } else if (startsWith(U'/', U'/')) {
            tokens.append(readComment());
        } else if (startsWith(U'/', U'*')) {
            tokens.append(
                error(m_line, GoModFile::tr("go.mod files allow only // comments, not /* */ comments."),
                    GoModFile::tr("Rewrite the comment with // at the start of each line.")));
        } else if (c == U'\n') {
            ++m_pos;
            tokens.append(makeToken(TokenKind::Newline, m_pos - 1, m_line++));
        } else if (isPunctuation(c)) {
            ++m_pos;
            const TokenKind kind = c == U'(' ? TokenKind::LParen
                : c == U')'                  ? TokenKind::RParen
                                             : TokenKind::Punct;
            tokens.append(makeToken(kind, m_pos - 1, m_line));
        } else {
            const std::optional<Token> token = (c == U'"' || c == U'`') ? readString() : readWord();
            tokens.append(token ? *token : Token { TokenKind::Error, {}, m_error.line });
        }
    }
    return tokens;
}

Token Lexer::readComment()
{
    const qsizetype start = m_pos;
    const int line = m_line;
    const TokenKind kind = m_lineHasToken ? TokenKind::SuffixComment : TokenKind::Comment;
    while (!atEnd() && current() != U'\n')
        ++m_pos;
    Token token = makeToken(kind, start, line);
    if (token.text.endsWith(u'\r'))
        token.text.chop(1);
    if (!atEnd()) { // the comment ends the line, as a newline would
        ++m_pos;
        ++m_line;
    }
    m_lineHasToken = false;
    return token;
}

std::optional<Token> Lexer::readString()
{
    const qsizetype start = m_pos;
    const int line = m_line;
    const char32_t quote = current();
    const QString unclosed = GoModFile::tr("A quoted string on this line is never closed.");
    const QString closeIt = GoModFile::tr("Add the closing quote on the same line.");
    ++m_pos;
    while (true) {
        if (atEnd() || current() == U'\n') {
            error(line, unclosed, closeIt);
            return std::nullopt;
        }
        const char32_t c = current();
        ++m_pos;
        if (c == quote)
            return makeToken(TokenKind::String, start, line);
        if (c == U'\\' && quote != U'`') {
            if (atEnd()) {
                error(line, unclosed, closeIt);
                return std::nullopt;
            }
            if (current() == U'\n')
                ++m_line;
            ++m_pos;
        }
    }
}

std::optional<Token> Lexer::readWord()
{
    const qsizetype start = m_pos;
    if (!isWordCharacter(current())) {
        const QString code = QString::number(current(), 16).toUpper().rightJustified(4, u'0');
        error(m_line,
            GoModFile::tr("The character U+%1, a space or control character, is not allowed here.").arg(code),
            GoModFile::tr("Delete it; it often comes from text pasted from a web page or a word processor."));
        return std::nullopt;
    }
    while (!atEnd() && isWordCharacter(current()) && !startsWith(U'/', U'/')) {
        if (startsWith(U'/', U'*')) {
            error(m_line, GoModFile::tr("go.mod files allow only // comments, not /* */ comments."),
                GoModFile::tr("Rewrite the comment with // at the start of each line."));
            return std::nullopt;
        }
        ++m_pos;
    }
    return makeToken(TokenKind::Word, start, m_line);
}

// One line of tokens. For a line inside a block the tokens are the arguments alone.
struct SyntaxLine {
    QStringList tokens;
    int line = 0;
    QString comment; // a trailing // comment, if any
};

struct Statement {
    SyntaxLine head; // for a block: the tokens before "("
    bool isBlock = false;
    QList<SyntaxLine> lines;
};

class Parser final {
public:
    explicit Parser(const QString &text)
        : m_lexer(text)
        , m_tokens(m_lexer.tokenize())
    {
    }

    Checked<QList<Statement>> parseFile();

private:
    const Token &peek() const { return m_tokens.at(m_next); }
    const Token &take();
    Checked<void> parseStatement();
    Checked<void> parseBlock(SyntaxLine head);
    Checked<SyntaxLine> parseLine();
    Checked<void> endLine(SyntaxLine &line, const Token &token);

    Lexer m_lexer;
    QList<Token> m_tokens;
    qsizetype m_next = 0;
    QList<Statement> m_statements;
};

const Token &Parser::take()
{
    const Token &token = m_tokens.at(m_next);
    if (token.kind != TokenKind::End && token.kind != TokenKind::Error)
        ++m_next;
    return token;
}

Checked<QList<Statement>> Parser::parseFile()
{
    while (peek().kind != TokenKind::End) {
        const TokenKind kind = peek().kind;
        if (kind == TokenKind::Error)
            return std::unexpected(m_lexer.lexError());
        if (kind == TokenKind::Newline || kind == TokenKind::Comment || kind == TokenKind::SuffixComment) {
            take();
        } else if (Checked<void> parsed = parseStatement(); !parsed) {
            return std::unexpected(parsed.error());
        }
    }
    return m_statements;
}

Checked<void> Parser::endLine(SyntaxLine &line, const Token &token)
{
    if (token.kind == TokenKind::Error)
        return std::unexpected(m_lexer.lexError());
    if (token.kind == TokenKind::SuffixComment)
        line.comment = token.text;
    return {};
}

// "verb args...", "verb (" opening a block, or "verb ( )" as an empty block, like modfile's parseStmt.
Checked<void> Parser::parseStatement()
{
    const Token &first = take();
    SyntaxLine head { { first.text }, first.line, {} };
    while (true) {
        const Token &token = take();
        if (isEndOfLine(token) || token.kind == TokenKind::Error) {
            Checked<void> ended = endLine(head, token);
            if (ended)
                m_statements.append({ head, false, {} });
            return ended;
        }
        if (token.kind == TokenKind::LParen && isEndOfLine(peek()))
            return parseBlock(head);
        if (token.kind == TokenKind::LParen && peek().kind == TokenKind::RParen) {
            take();
            if (isEndOfLine(peek())) {
                take();
                m_statements.append({ head, true, {} });
                return {};
            }
            head.tokens << u"("_s << u")"_s;
            continue;
        }
        head.tokens << token.text;
    }
}

Checked<void> Parser::parseBlock(SyntaxLine head)
{
    Statement block { head, true, {} };
    while (true) {
        const Token &token = peek();
        switch (token.kind) {
        case TokenKind::Newline:
        case TokenKind::Comment:
        case TokenKind::SuffixComment:
            take();
            break;
        case TokenKind::Error:
            return std::unexpected(m_lexer.lexError());
        case TokenKind::End:
            return problem(token.line,
                GoModFile::tr("The \"%1 (\" block opened on line %2 is never closed.")
                    .arg(head.tokens.join(u' '))
                    .arg(head.line),
                GoModFile::tr("Add a line holding only \")\" after the block's last entry."));
        case TokenKind::RParen: {
            const int line = take().line;
            if (peek().kind == TokenKind::Error)
                return std::unexpected(m_lexer.lexError());
            if (!isEndOfLine(peek()))
                return problem(line, GoModFile::tr("Text follows the \")\" that closes a block."),
                    GoModFile::tr("Move \"%1\" to a line of its own.").arg(peek().text));
            take();
            m_statements.append(block);
            return {};
        }
        default:
            Checked<SyntaxLine> line = parseLine();
            if (!line)
                return std::unexpected(line.error());
            block.lines.append(*line);
        }
    }
}

Checked<SyntaxLine> Parser::parseLine()
{
    SyntaxLine line { {}, peek().line, {} };
    while (true) {
        const Token &token = take();
        if (isEndOfLine(token) || token.kind == TokenKind::Error) {
            if (Checked<void> ended = endLine(line, token); !ended)
                return std::unexpected(ended.error());
            return line;
        }
        line.tokens << token.text;
    }
}

// Rules: what each directive accepts, following modfile.parseToFile and File.add.

struct Entry {
    QString verb;
    QStringList args;
    int line = 0;
    QString comment;
};

// The value of exactly digits.size() digits, none of which may be a sign or a "0x" prefix.
std::optional<uint> digitsValue(QByteArrayView digits, int base)
{
    uint value = 0;
    for (const char c : digits) {
        const int digit = QChar::fromLatin1(c).isDigit() ? c - '0'
            : (c >= 'a' && c <= 'f')                     ? c - 'a' + 10
            : (c >= 'A' && c <= 'F')                     ? c - 'A' + 10
                                                         : base;
        if (digit >= base)
            return std::nullopt;
        value = value * uint(base) + uint(digit);
    }
    return value;
}

bool appendDecoded(QByteArray &out, uint value, bool isByte)
{
    if (isByte) {
        if (value > 255)
            return false;
        out += char(value);
        return true;
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return false;
    const char32_t rune = value;
    out += QString::fromUcs4(&rune, 1).toUtf8();
    return true;
}

// Decodes the escape whose letter is body[i] (just after the backslash); returns the index after it.
std::optional<qsizetype> appendEscape(QByteArray &out, QByteArrayView body, qsizetype i)
{
    static const QByteArray simple = "abfnrtv\\\""_ba;
    static const QByteArray simpleValues = "\a\b\f\n\r\t\v\\\""_ba;
    const char letter = body.at(i);
    if (const qsizetype index = simple.indexOf(letter); index >= 0) {
        out += simpleValues.at(index);
        return i + 1;
    }
    const bool octal = letter >= '0' && letter <= '7';
    const int digits = octal ? 3 : letter == 'x' ? 2 : letter == 'u' ? 4 : letter == 'U' ? 8 : 0;
    const qsizetype first = octal ? i : i + 1;
    if (digits == 0 || first + digits > body.size())
        return std::nullopt;
    const std::optional<uint> value = digitsValue(body.sliced(first, digits), octal ? 8 : 16);
    if (!value || !appendDecoded(out, *value, octal || letter == 'x'))
        return std::nullopt;
    return first + digits;
}

// Go's strconv.Unquote for a double-quoted string, working on UTF-8 bytes as Go does.
std::optional<QString> unquote(const QString &quoted)
{
    const QByteArray bytes = quoted.toUtf8();
    if (bytes.size() < 2 || !bytes.endsWith('"') || bytes.contains('\n'))
        return std::nullopt;
    const QByteArrayView body = QByteArrayView(bytes).sliced(1, bytes.size() - 2);
    QByteArray out;
    qsizetype i = 0;
    while (i < body.size()) {
        const char c = body.at(i++);
        if (c == '"')
            return std::nullopt;
        if (c != '\\') {
            out += c;
            continue;
        }
        const std::optional<qsizetype> next = i < body.size() ? appendEscape(out, body, i) : std::nullopt;
        if (!next)
            return std::nullopt;
        i = *next;
    }
    return QString::fromUtf8(out);
}

// modfile.parseString: only double quotes quote; other quote characters are refused.
Checked<QString> parseString(const Entry &entry, const QString &token)
{
    if (token.startsWith(u'"')) {
        if (std::optional<QString> text = unquote(token))
            return *text;
        return problem(entry.line, GoModFile::tr("The quoted text %1 is not a valid Go string.").arg(token),
            GoModFile::tr("Check its backslash escapes, or write the text without quotes."));
    }
    if (token.contains(u'"') || token.contains(u'\'') || token.contains(u'`'))
        return problem(entry.line, GoModFile::tr("%1 contains a quote character.").arg(token),
            GoModFile::tr(
                "go.mod quotes only with double quotes around a whole value; remove the other quotes."));
    return token;
}

bool isSemanticVersion(const QString &version)
{
    // golang.org/x/mod/semver.IsValid; "v1" and "v1.2" are accepted shorthands.
    static const QRegularExpression pattern(u"^v(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)"
                                            u"(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
                                            u"(\\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?"
                                            u"(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)?)?$"_s);
    return pattern.match(version).hasMatch();
}

Checked<QString> parseVersion(const Entry &entry, const QString &path, const QString &token)
{
    Checked<QString> version = parseString(entry, token);
    if (version && !isSemanticVersion(*version) && path.isEmpty())
        return problem(entry.line, GoModFile::tr("\"%1\" is not a valid version.").arg(*version),
            GoModFile::tr("Write a semantic version such as v1.2.3."));
    if (version && !isSemanticVersion(*version))
        return problem(entry.line, GoModFile::tr("\"%1\" is not a valid version for %2.").arg(*version, path),
            GoModFile::tr("Write a semantic version such as v1.2.3, or run \"go get %1@%2\" to resolve it.")
                .arg(path, *version));
    return version;
}

// module.SplitPathVersion: the "/v2" (or gopkg.in ".v2") suffix naming a module's major version,
// empty for none; nullopt when the suffix is malformed ("/v1", "/v02", "/v2.1").
std::optional<QString> pathMajor(const QString &path)
{
    static const QRegularExpression gopkgIn(u"^gopkg\\.in/.*(\\.v(?:0|[1-9][0-9]*))(?:-unstable)?$"_s);
    static const QRegularExpression suffix(u"/v([0-9.]+)$"_s);
    if (path.startsWith(u"gopkg.in/")) {
        const QRegularExpressionMatch match = gopkgIn.match(path);
        return match.hasMatch() ? std::optional<QString>(match.captured(1)) : std::nullopt;
    }
    const QRegularExpressionMatch match = suffix.match(path);
    if (!match.hasMatch())
        return QString();
    const QString digits = match.captured(1);
    if (digits.contains(u'.') || digits.startsWith(u'0') || digits == "1"_L1)
        return std::nullopt;
    return u"/v"_s + digits;
}

// module.CheckPathMajor: example.com/x/v2 takes v2.x.y versions, example.com/x takes v0 or v1.
bool matchesPathMajor(const QString &version, const QString &major)
{
    static const QRegularExpression majorPattern(u"^v[0-9]+"_s);
    const QString versionMajor = majorPattern.match(version).captured(0);
    if (major.isEmpty())
        return versionMajor == "v0"_L1 || versionMajor == "v1"_L1 || version.endsWith(u"+incompatible");
    if (major == ".v1"_L1 && version.startsWith(u"v0.0.0-"))
        return true; // old pseudo-versions for gopkg.in .v1 paths
    return versionMajor == major.sliced(1);
}

Checked<QString> checkedPathMajor(const Entry &entry, const QString &path)
{
    if (std::optional<QString> major = pathMajor(path))
        return *major;
    return problem(entry.line, GoModFile::tr("\"%1\" is not a valid module path.").arg(path),
        GoModFile::tr(
            "A major-version suffix is written /v2 or higher (.v1 or higher for gopkg.in); fix the path."));
}

Checked<void> checkMajorVersion(const Entry &entry, const QString &path, const QString &version)
{
    Checked<QString> major = checkedPathMajor(entry, path);
    if (!major)
        return std::unexpected(major.error());
    if (matchesPathMajor(version, *major))
        return {};
    return problem(entry.line,
        GoModFile::tr("The version %1 does not match the major version of %2.").arg(version, path),
        GoModFile::tr("Paths ending in /vN take vN.x.y versions; other paths take v0 or v1 versions."));
}

std::unexpected<Problem> usage(const Entry &entry, const QString &form)
{
    return problem(entry.line, GoModFile::tr("This %1 line does not have the expected form.").arg(entry.verb),
        GoModFile::tr("Write it as: %1").arg(form));
}

std::unexpected<Problem> strayToken(const Entry &entry, const QString &token)
{
    return problem(entry.line,
        GoModFile::tr("Unexpected \"%1\" at the end of this %2 line.").arg(token, entry.verb),
        GoModFile::tr("Remove it; put notes after // so they are read as a comment."));
}

std::unexpected<Problem> repeated(const Entry &entry, int firstLine)
{
    return problem(entry.line,
        GoModFile::tr("The %1 directive appears a second time; the first is on line %2.")
            .arg(entry.verb)
            .arg(firstLine),
        GoModFile::tr("Keep one %1 line and delete the other.").arg(entry.verb));
}

Checked<void> applyModule(GoModFile &file, const Entry &entry)
{
    if (file.moduleLine != 0)
        return repeated(entry, file.moduleLine);
    if (entry.args.size() != 1)
        return entry.args.size() > 1 ? strayToken(entry, entry.args.at(1))
                                     : usage(entry, u"module example.com/name"_s);
    Checked<QString> path = parseString(entry, entry.args.first());
    if (!path)
        return std::unexpected(path.error());
    file.modulePath = *path;
    file.moduleLine = entry.line;
    return {};
}

Checked<void> applyGo(GoModFile &file, const Entry &entry)
{
    // Accepts what Go 1.21 and later write ("1.22.1", "1.21rc2"); Go 1.19 itself wants two parts.
    static const QRegularExpression pattern(
        u"^([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$"_s);
    if (file.goLine != 0)
        return repeated(entry, file.goLine);
    if (entry.args.size() != 1)
        return entry.args.size() > 1 ? strayToken(entry, entry.args.at(1)) : usage(entry, u"go 1.21"_s);
    if (!pattern.match(entry.args.first()).hasMatch())
        return problem(entry.line, GoModFile::tr("\"%1\" is not a valid Go version.").arg(entry.args.first()),
            GoModFile::tr("Write the version as Go prints it, such as: go 1.21 or go 1.22.1"));
    file.goVersion = entry.args.first();
    file.goLine = entry.line;
    return {};
}

Checked<void> applyToolchain(GoModFile &file, const Entry &entry)
{
    static const QRegularExpression pattern(u"^default$|^go1($|\\.)"_s);
    if (file.toolchainLine != 0)
        return repeated(entry, file.toolchainLine);
    if (entry.args.size() != 1)
        return entry.args.size() > 1 ? strayToken(entry, entry.args.at(1))
                                     : usage(entry, u"toolchain go1.22.4"_s);
    if (!pattern.match(entry.args.first()).hasMatch())
        return problem(entry.line,
            GoModFile::tr("\"%1\" is not a valid toolchain name.").arg(entry.args.first()),
            GoModFile::tr("Write it as Go names its releases, such as: toolchain go1.22.4"));
    file.toolchain = entry.args.first();
    file.toolchainLine = entry.line;
    return {};
}

Checked<void> applyGodebug(GoModFile &file, const Entry &entry)
{
    static const QRegularExpression forbidden(u"[\"`',]"_s);
    if (entry.args.size() > 1)
        return strayToken(entry, entry.args.at(1));
    if (entry.args.size() != 1 || entry.args.first().contains(forbidden) ||
        !entry.args.first().contains(u'='))
        return usage(entry, u"godebug key=value"_s);
    file.godebugs.append(entry.args.first());
    return {};
}

bool isIndirect(const QString &comment)
{
    const QStringList words = comment.mid(2).simplified().split(u' ', Qt::SkipEmptyParts);
    return (words.size() == 1 && words.first() == "indirect"_L1) ||
        (words.size() > 1 && words.first() == "indirect;"_L1);
}

Checked<void> applyRequireOrExclude(GoModFile &file, const Entry &entry)
{
    if (entry.args.size() > 2)
        return strayToken(entry, entry.args.at(2));
    if (entry.args.size() != 2)
        return usage(entry, entry.verb + u" example.com/module v1.2.3");
    Checked<QString> path = parseString(entry, entry.args.at(0));
    if (!path)
        return std::unexpected(path.error());
    Checked<QString> version = parseVersion(entry, *path, entry.args.at(1));
    if (!version)
        return std::unexpected(version.error());
    if (Checked<void> major = checkMajorVersion(entry, *path, *version); !major)
        return major;
    if (entry.verb == "exclude"_L1)
        file.excludes.append(*path + u' ' + *version);
    else
        file.requirements.append({ *path, *version, isIndirect(entry.comment), entry.line });
    return {};
}

// modfile.IsDirectoryPath: Unix and Windows spellings both count, since go.mod files travel.
bool isDirectoryPath(const QString &path)
{
    static const QRegularExpression pattern(u"^(\\.{0,2}[/\\\\]|[A-Za-z]:)"_s);
    return pattern.match(path).hasMatch();
}

// The left of "=>": a module path, optionally one version of it.
Checked<void> readReplaced(const Entry &entry, qsizetype arrow, GoModReplacement &replacement)
{
    Checked<QString> path = parseString(entry, entry.args.at(0));
    if (!path)
        return std::unexpected(path.error());
    replacement.oldPath = *path;
    if (Checked<QString> major = checkedPathMajor(entry, *path); !major)
        return std::unexpected(major.error());
    if (arrow == 1)
        return {};
    Checked<QString> version = parseVersion(entry, *path, entry.args.at(1));
    if (!version)
        return std::unexpected(version.error());
    replacement.oldVersion = *version;
    return checkMajorVersion(entry, *path, *version);
}

// The right of "=>": a module path with a version, or a local directory without one.
Checked<void> readReplacement(const Entry &entry, qsizetype arrow, GoModReplacement &replacement)
{
    Checked<QString> path = parseString(entry, entry.args.at(arrow + 1));
    if (!path)
        return std::unexpected(path.error());
    replacement.newPath = *path;
    if (entry.args.size() == arrow + 2) {
        if (isDirectoryPath(*path))
            return {};
        return problem(entry.line,
            GoModFile::tr("The replacement %1 has no version and is not a local directory.").arg(*path),
            GoModFile::tr("Add a version after it, or start a local directory with ./ or ../"));
    }
    Checked<QString> version = parseVersion(entry, *path, entry.args.at(arrow + 2));
    if (!version)
        return std::unexpected(version.error());
    if (isDirectoryPath(*path))
        return problem(entry.line, GoModFile::tr("The local directory %1 cannot have a version.").arg(*path),
            GoModFile::tr("Delete the version after the directory."));
    replacement.newVersion = *version;
    return {};
}

Checked<void> applyReplace(GoModFile &file, const Entry &entry)
{
    const QStringList &args = entry.args;
    const qsizetype arrow = (args.size() >= 2 && args.at(1) == "=>"_L1) ? 1 : 2;
    if (args.size() > arrow + 3 && args.at(arrow) == "=>"_L1)
        return strayToken(entry, args.at(arrow + 3));
    if (args.size() < arrow + 2 || args.size() > arrow + 3 || args.at(arrow) != "=>"_L1)
        return usage(
            entry, u"replace example.com/old [v1.2.3] => example.com/new v1.4.0 (or => ../local/dir)"_s);
    GoModReplacement replacement;
    replacement.line = entry.line;
    if (Checked<void> read = readReplaced(entry, arrow, replacement); !read)
        return read;
    if (Checked<void> read = readReplacement(entry, arrow, replacement); !read)
        return read;
    file.replacements.append(replacement);
    return {};
}

// "v1.0.1" or "[v1.0.0, v1.0.5]", as modfile.parseVersionInterval reads them.
Checked<QString> parseRetraction(const Entry &entry)
{
    const QStringList &args = entry.args;
    const bool isRange = !args.isEmpty() && args.first() == "["_L1;
    const qsizetype length = isRange ? 5 : 1;
    const bool wellFormed = args.size() >= length && args.first() != "("_L1 &&
        (!isRange || (args.at(2) == ","_L1 && args.at(4) == "]"_L1));
    if (!wellFormed)
        return usage(entry, u"retract v1.0.1 or retract [v1.0.0, v1.0.5]"_s);
    if (args.size() > length)
        return strayToken(entry, args.at(length));
    const QString path; // retractions name versions of this module, whose path may come later
    Checked<QString> low = parseVersion(entry, path, args.at(isRange ? 1 : 0));
    if (!low || !isRange)
        return low;
    Checked<QString> high = parseVersion(entry, path, args.at(3));
    if (!high)
        return high;
    return u'[' + *low + u", " + *high + u']';
}

Checked<void> applyRetract(GoModFile &file, const Entry &entry)
{
    Checked<QString> retraction = parseRetraction(entry);
    if (!retraction)
        return std::unexpected(retraction.error());
    file.retracts.append(*retraction);
    return {};
}

Checked<void> applyPathList(QStringList &list, const Entry &entry, const QString &form)
{
    if (entry.args.size() != 1)
        return entry.args.size() > 1 ? strayToken(entry, entry.args.at(1)) : usage(entry, form);
    Checked<QString> path = parseString(entry, entry.args.first());
    if (!path)
        return std::unexpected(path.error());
    list.append(*path);
    return {};
}

Checked<void> applyTool(GoModFile &file, const Entry &entry)
{
    return applyPathList(file.tools, entry, u"tool example.com/cmd/tool"_s);
}

Checked<void> applyIgnore(GoModFile &file, const Entry &entry)
{
    return applyPathList(file.ignores, entry, u"ignore ./directory"_s);
}

struct Rule {
    QLatin1StringView verb;
    Checked<void> (*apply)(GoModFile &, const Entry &);
    bool blockAllowed;
};

constexpr Rule rules[] = {
    { "module"_L1, applyModule, true },
    { "go"_L1, applyGo, false },
    { "toolchain"_L1, applyToolchain, false },
    { "godebug"_L1, applyGodebug, true },
    { "require"_L1, applyRequireOrExclude, true },
    { "exclude"_L1, applyRequireOrExclude, true },
    { "replace"_L1, applyReplace, true },
    { "retract"_L1, applyRetract, true },
    { "tool"_L1, applyTool, true },
    { "ignore"_L1, applyIgnore, true },
};

const Rule *findRule(const QString &verb)
{
    for (const Rule &rule : rules) {
        if (rule.verb == verb)
            return &rule;
    }
    return nullptr;
}

std::unexpected<Problem> unknownDirective(const SyntaxLine &head)
{
    const QString verb = head.tokens.first();
    if (verb == ")"_L1)
        return problem(head.line, GoModFile::tr("This \")\" does not close any block."),
            GoModFile::tr("Delete it, or open the block above it with a line such as \"require (\"."));
    return problem(head.line, GoModFile::tr("\"%1\" is not a go.mod directive.").arg(verb),
        GoModFile::tr("Check the spelling; directives are module, go, toolchain, godebug, require, exclude, "
                      "replace, retract and tool."));
}

Checked<void> applyStatement(GoModFile &file, const Statement &statement)
{
    const SyntaxLine &head = statement.head;
    const Rule *rule = findRule(head.tokens.first());
    if (!statement.isBlock) {
        if (!rule)
            return unknownDirective(head);
        return rule->apply(file, { head.tokens.first(), head.tokens.mid(1), head.line, head.comment });
    }
    if (!rule || !rule->blockAllowed || head.tokens.size() > 1)
        return problem(head.line,
            GoModFile::tr("\"%1\" cannot start a ( ) block.").arg(head.tokens.join(u' ')),
            GoModFile::tr("Check the spelling, or write one line per entry without parentheses."));
    for (const SyntaxLine &line : statement.lines) {
        if (Checked<void> applied =
                rule->apply(file, { head.tokens.first(), line.tokens, line.line, line.comment });
            !applied)
            return applied;
    }
    return {};
}

Checked<GoModFile> readGoMod(const QString &source)
{
    Parser parser(source);
    Checked<QList<Statement>> statements = parser.parseFile();
    if (!statements)
        return std::unexpected(statements.error());
    GoModFile file;
    for (const Statement &statement : std::as_const(*statements)) {
        if (Checked<void> applied = applyStatement(file, statement); !applied)
            return std::unexpected(applied.error());
    }
    if (file.moduleLine == 0)
        return problem(1, GoModFile::tr("The file has no module directive."),
            GoModFile::tr("Add a first line such as: module example.com/name"));
    return file;
}

} // namespace

Result<GoModFile> GoModFile::parse(QByteArrayView text, const QString &fileName)
{
    QString source = QString::fromUtf8(text);
    if (source.startsWith(QChar(0xFEFF))) // Go refuses a BOM, but Windows editors write one
        source.remove(0, 1);
    Checked<GoModFile> file = readGoMod(source);
    if (file)
        return *file;
    const Problem &found = file.error();
    const QStringList lines = source.split(u'\n');
    const QString offending =
        found.line >= 1 && found.line <= lines.size() ? lines.at(found.line - 1).trimmed() : QString();
    return fail(fileName + u':' + QString::number(found.line) + u": " + found.message, found.hint, offending);
}

Result<GoModFile> GoModFile::load(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists())
        return fail(tr("There is no go.mod file at %1.").arg(shown),
            tr("Choose the folder that holds the module's go.mod, or run \"go mod init\" there."));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Gantry could not read %1.").arg(shown),
            tr("Check that it is a file and that your account may read it."), file.errorString());
    return parse(file.readAll(), shown);
}

} // namespace Gantry
