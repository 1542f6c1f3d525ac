#include "core/profile/systemdenvfile.h"

#include <algorithm>
#include <optional>

#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include "core/profile/envname.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

// systemd's utf8_is_valid(): strict UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) and no Unicode noncharacters. systemd refuses a file whose names or values fail it.
bool isValidCodePoint(char32_t c)
{
    return c < 0x110000 && (c < 0xD800 || c > 0xDFFF) && !QChar::isNonCharacter(c);
}

// The length of the sequence at the start of `text`, or nothing when it is not valid.
std::optional<qsizetype> sequenceLength(QByteArrayView text)
{
    const auto lead = uchar(text.front());
    const qsizetype length = lead < 0x80 ? 1
        : (lead & 0xE0) == 0xC0          ? 2
        : (lead & 0xF0) == 0xE0          ? 3
        : (lead & 0xF8) == 0xF0          ? 4
                                         : 0;
    if (length == 0 || length > text.size())
        return std::nullopt;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (qsizetype i = 1; i < length; ++i) {
        const auto next = uchar(text.at(i));
        if ((next & 0xC0) != 0x80)
            return std::nullopt;
        c = (c << 6) | (next & 0x3F);
    }
    const qsizetype shortest = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (shortest != length || !isValidCodePoint(c))
        return std::nullopt;
    return length;
}

bool isSystemdUtf8(QByteArrayView text)
{
    while (!text.isEmpty()) {
        const std::optional<qsizetype> length = sequenceLength(text);
        if (!length)
            return false;
        text = text.sliced(*length);
    }
    return true;
}

// QString::fromUtf8() drops a leading U+FEFF, which may well start a value.
QString decoded(QByteArrayView utf8)
{
    return QStringDecoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom).decode(utf8);
}

struct RawAssignment {
    QByteArray key;
    QByteArray value;
    int line = 0;
};

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNewline(char c)
{
    return c == '\n' || c == '\r';
}

// The state machine of systemd 252's parse_env_file_internal(), state for state.
class EnvFileReader final {
public:
    QList<RawAssignment> read(QByteArrayView text);

private:
    enum class State {
        PreKey,
        Key,
        PreValue,
        Value,
        ValueEscape,
        SingleQuote,
        DoubleQuote,
        DoubleQuoteEscape,
        Comment,
        CommentEscape
    };

    void feed(char c);
    void readPreKey(char c);
    void readKey(char c);
    void readPreValue(char c);
    void readValue(char c);
    void readDoubleQuoteEscape(char c);
    void push(bool chompValue);

    State m_state = State::PreKey;
    QByteArray m_key;
    QByteArray m_value;
    qsizetype m_keySpace = -1; // where trailing whitespace of the key starts
    qsizetype m_valueSpace = -1; // where trailing whitespace of an unquoted value starts
    int m_line = 1;
    int m_keyLine = 1;
    QList<RawAssignment> m_pushed;
};

QList<RawAssignment> EnvFileReader::read(QByteArrayView text)
{
    for (const char c : text) {
        feed(c);
        if (c == '\n')
            ++m_line;
    }
    static constexpr State open[] = { State::PreValue, State::Value, State::ValueEscape, State::SingleQuote,
        State::DoubleQuote, State::DoubleQuoteEscape };
    if (std::find(std::begin(open), std::end(open), m_state) != std::end(open))
        push(m_state == State::Value); // an unclosed quote runs to the end of the file
    return m_pushed;
}

void EnvFileReader::feed(char c)
{
    switch (m_state) {
    case State::PreKey:
        return readPreKey(c);
    case State::Key:
        return readKey(c);
    case State::PreValue:
        return readPreValue(c);
    case State::Value:
        return readValue(c);
    case State::ValueEscape:
        m_state = State::Value;
        if (!isNewline(c)) // a backslash before a newline joins the lines
            m_value += c;
        return;
    case State::SingleQuote:
        if (c == '\'')
            m_state = State::PreValue;
        else
            m_value += c;
        return;
    case State::DoubleQuote:
        if (c == '"')
            m_state = State::PreValue;
        else if (c == '\\')
            m_state = State::DoubleQuoteEscape;
        else
            m_value += c;
        return;
    case State::DoubleQuoteEscape:
        return readDoubleQuoteEscape(c);
    case State::Comment:
        if (c == '\\')
            m_state = State::CommentEscape;
        else if (isNewline(c))
            m_state = State::PreKey;
        return;
    case State::CommentEscape: // systemd 252 continues a comment past a trailing backslash; 254 does not
        m_state = State::Comment;
        return;
    }
}

void EnvFileReader::readPreKey(char c)
{
    if (c == '#' || c == ';') {
        m_state = State::Comment;
    } else if (!isWhitespace(c)) {
        m_state = State::Key;
        m_keySpace = -1;
        m_keyLine = m_line;
        m_key += c;
    }
}

void EnvFileReader::readKey(char c)
{
    if (isNewline(c)) { // a line without "=" is ignored
        m_state = State::PreKey;
        m_key.clear();
    } else if (c == '=') {
        m_state = State::PreValue;
        m_valueSpace = -1;
    } else {
        if (!isWhitespace(c))
            m_keySpace = -1;
        else if (m_keySpace < 0)
            m_keySpace = m_key.size();
        m_key += c;
    }
}

void EnvFileReader::readPreValue(char c)
{
    if (isNewline(c)) {
        push(false);
    } else if (c == '\'') {
        m_state = State::SingleQuote;
    } else if (c == '"') {
        m_state = State::DoubleQuote;
    } else if (c == '\\') {
        m_state = State::ValueEscape;
    } else if (!isWhitespace(c)) {
        m_state = State::Value;
        m_value += c;
    }
}

void EnvFileReader::readValue(char c)
{
    if (isNewline(c)) {
        push(true);
    } else if (c == '\\') {
        m_state = State::ValueEscape;
        m_valueSpace = -1;
    } else {
        if (!isWhitespace(c))
            m_valueSpace = -1;
        else if (m_valueSpace < 0)
            m_valueSpace = m_value.size();
        m_value += c;
    }
}

void EnvFileReader::readDoubleQuoteEscape(char c)
{
    m_state = State::DoubleQuote;
    if (c == '"' || c == '\\' || c == '`' || c == '$') {
        m_value += c;
    } else if (c != '\n') { // like a shell, keep the backslash before any other character
        m_value += '\\';
        m_value += c;
    }
}

void EnvFileReader::push(bool chompValue)
{
    if (chompValue && m_valueSpace >= 0)
        m_value.truncate(m_valueSpace);
    if (m_keySpace >= 0)
        m_key.truncate(m_keySpace);
    m_pushed.append({ m_key, m_value, m_keyLine });
    m_key.clear();
    m_value.clear();
    m_state = State::PreKey;
}

bool isPlain(QChar c)
{
    static const QString punctuation = u"_-.,/:@%+="_s;
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
        punctuation.contains(c);
}

// Double quotes keep every byte but the four that systemd unescapes after a backslash.
QByteArray quoted(const QString &value)
{
    if (std::all_of(value.cbegin(), value.cend(), isPlain))
        return value.toUtf8();
    QByteArray out = "\"";
    for (const char c : value.toUtf8()) {
        if (c == '"' || c == '\\' || c == '`' || c == '$')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QString codePointName(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

Result<void> checkValue(const EnvVariable &var)
{
    const QString &value = var.value;
    const QString hint = SystemdEnvFile::tr("Remove that character from the value of %1.").arg(var.name);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool pair = c.isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate();
        const char32_t code = pair ? QChar::surrogateToUcs4(c, value.at(i + 1)) : c.unicode();
        const QString where = QString::number(i + 1);
        if (code == 0)
            return fail(SystemdEnvFile::tr("The value of %1 holds a NUL character (at character %2); "
                                           "a process environment cannot carry it.")
                            .arg(var.name, where),
                hint);
        if (c.isSurrogate() && !pair)
            return fail(SystemdEnvFile::tr("The value of %1 holds a lone UTF-16 surrogate (at character %2), "
                                           "which is not valid Unicode text.")
                            .arg(var.name, where),
                hint);
        if (QChar::isNonCharacter(code))
            return fail(
                SystemdEnvFile::tr("The value of %1 holds %2 (at character %3), a Unicode noncharacter; "
                                   "systemd refuses such a file and the service would not start.")
                    .arg(var.name, codePointName(code), where),
                hint);
        i += pair ? 1 : 0;
    }
    return {};
}

Result<qsizetype> checkVariable(const EnvVariable &var, const QSet<QString> &seen)
{
    if (Result<void> name = EnvName::check(var.name); !name)
        return std::unexpected(name.error());
    if (seen.contains(var.name))
        return fail(SystemdEnvFile::tr("%1 is set twice.").arg(var.name),
            SystemdEnvFile::tr("Keep one of the two values."));
    if (Result<void> value = checkValue(var); !value)
        return std::unexpected(value.error());
    const qsizetype bytes = var.name.toUtf8().size() + 1 + var.value.toUtf8().size();
    if (bytes > SystemdEnvFile::maxAssignmentBytes)
        return fail(SystemdEnvFile::tr("%1 and its value take %2 bytes; Linux starts no process with a "
                                       "variable longer than %3 bytes.")
                        .arg(var.name)
                        .arg(bytes)
                        .arg(SystemdEnvFile::maxAssignmentBytes),
            SystemdEnvFile::tr("Shorten the value, or put the data in a file and pass its path instead."));
    return bytes + 1;
}

int lineOf(QByteArrayView text, qsizetype offset)
{
    return int(text.first(offset).count('\n')) + 1;
}

QString located(const QString &fileName, int line, const QString &message)
{
    return fileName + u':' + QString::number(line) + u": " + message;
}

} // namespace

Result<QByteArray> SystemdEnvFile::render(const QList<EnvVariable> &vars)
{
    QByteArray out = "# Written by Gantry for systemd's EnvironmentFile=.\n";
    QSet<QString> seen;
    qsizetype total = 0;
    for (const EnvVariable &var : vars) {
        Result<qsizetype> bytes = checkVariable(var, seen);
        if (!bytes)
            return std::unexpected(bytes.error());
        total += *bytes;
        seen.insert(var.name);
        out += var.name.toUtf8() + '=' + quoted(var.value) + '\n';
    }
    if (total > maxTotalBytes)
        return fail(tr("The variables take %1 bytes together; Gantry allows %2 so that the service's "
                       "environment fits the kernel's limit for starting a process.")
                        .arg(total)
                        .arg(maxTotalBytes),
            tr("Move large values into files and pass their paths instead."));
    return out;
}

Result<QList<EnvVariable>> SystemdEnvFile::parse(QByteArrayView text, const QString &fileName)
{
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
        return fail(located(fileName, lineOf(text, nul),
                        tr("The file holds a NUL byte; systemd refuses to read it and the service does not "
                           "start.")),
            tr("Write the file again without the NUL byte."));
    QList<EnvVariable> vars;
    QHash<QString, qsizetype> positions;
    for (const RawAssignment &raw : EnvFileReader().read(text)) {
        const QString name = decoded(raw.key);
        if (!isSystemdUtf8(raw.key) || !isSystemdUtf8(raw.value))
            return fail(located(fileName, raw.line,
                            tr("The assignment of \"%1\" is not valid UTF-8 or holds a Unicode noncharacter; "
                               "systemd refuses the file and the service does not start.")
                                .arg(name)),
                tr("Write the file again as UTF-8 text without that character."));
        const EnvVariable var { name, decoded(raw.value), false, raw.line };
        if (const auto seen = positions.constFind(name); seen != positions.cend()) {
            vars[*seen] = var; // systemd keeps the first position and the last value
        } else {
            positions.insert(name, vars.size());
            vars.append(var);
        }
    }
    vars.removeIf([](const EnvVariable &var) { return !EnvName::isValidName(var.name); });
    return vars;
}

} // namespace Gantry
