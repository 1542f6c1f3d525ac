#include "core/monitor/journalentry.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <type_traits>
#include <vector>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QThreadStorage>

#include "core/common/shellquote.h"

using namespace Qt::Literals::StringLiterals;

namespace Gantry {

namespace {

constexpr qsizetype CauseLimit = 200;

// The fields JournalEntry reads; journalctl adds __CURSOR and __REALTIME_TIMESTAMP anyway.
constexpr QStringView NeededFields = u"MESSAGE,PRIORITY,_PID,SYSLOG_IDENTIFIER,_SYSTEMD_UNIT,UNIT,USER_UNIT";

QString excerpt(QByteArrayView text)
{
    const QString decoded = QString::fromUtf8(text.first(std::min(text.size(), CauseLimit)));
    return text.size() > CauseLimit ? decoded + u"…"_s : decoded;
}

bool oneLine(const QString &value)
{
    return !value.isEmpty() && !value.contains(u'\n') && !value.contains(u'\r') && !value.contains(QChar(0));
}

// One field value: a string, or an array of byte values for text that is not printable UTF-8.
std::optional<QByteArray> bytesOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (!value.isArray())
        return std::nullopt;
    QByteArray bytes;
    for (const QJsonValue &item : value.toArray()) {
        const double number = item.toDouble(-1);
        if (!item.isDouble() || number < 0 || number > 255 || number != double(int(number)))
            return std::nullopt;
        bytes += char(int(number));
    }
    return bytes;
}

// Every value of a field: journalctl prints a field that occurs several times in an entry as
// an array of values, and a field it left out (over 4 KiB without --all) as null.
QList<QByteArray> valuesOf(const QJsonValue &value)
{
    const QJsonArray array = value.toArray();
    const bool manyValues = value.isArray() && !array.isEmpty() && !array.first().isDouble();
    QList<QByteArray> values;
    for (const QJsonValue &item : manyValues ? array : QJsonArray { value }) {
        if (const auto bytes = bytesOf(item))
            values << *bytes;
    }
    return values;
}

QString firstText(const QJsonObject &object, QStringView key)
{
    const QList<QByteArray> values = valuesOf(object.value(key));
    return values.isEmpty() ? QString() : QString::fromUtf8(values.first());
}

std::optional<qint64> numberField(const QJsonObject &object, QStringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble() && value.toDouble() == double(value.toInteger()))
        return value.toInteger();
    bool ok = false;
    const QString text = firstText(object, key);
    const qint64 number = text.toLongLong(&ok);
    return ok && !text.startsWith(u'+') && !text.startsWith(u'-') ? std::optional(number) : std::nullopt;
}

// The fields JournalEntry keeps, as parseLineFast finds them.
enum class Field { Message, Priority, Realtime, Pid, Identifier, Cursor, Unit, ObjectUnit, UserUnit, Count };

struct FieldName {
    QByteArrayView name;
    Field field;
};

constexpr std::array FieldNames {
    FieldName { "MESSAGE", Field::Message },
    FieldName { "PRIORITY", Field::Priority },
    FieldName { "__REALTIME_TIMESTAMP", Field::Realtime },
    FieldName { "_PID", Field::Pid },
    FieldName { "SYSLOG_IDENTIFIER", Field::Identifier },
    FieldName { "__CURSOR", Field::Cursor },
    FieldName { "_SYSTEMD_UNIT", Field::Unit },
    FieldName { "UNIT", Field::ObjectUnit },
    FieldName { "USER_UNIT", Field::UserUnit },
};

// The kept field a key names; Field::Count for the others. Keys of other lengths, most of
// them, cost one comparison.
Field fieldOf(QByteArrayView key)
{
    const auto is = [key](QByteArrayView name) {
        return key.size() == name.size() &&
            std::memcmp(key.data(), name.data(), std::size_t(name.size())) == 0;
    };
    for (const FieldName &each : FieldNames) {
        if (is(each.name))
            return each.field;
    }
    return Field::Count;
}

// One value as the scanner saw it, not yet decoded.
struct RawValue {
    enum Kind : quint8 { Absent, Null, String, Number, Bytes, Strings };
    QByteArrayView text; // String: between the quotes; Number: the digits; Bytes, Strings: inside []
    Kind kind = Absent;
    bool escaped = false; // String: holds backslash escapes
};

using RawFields = std::array<RawValue, std::size_t(Field::Count)>;

constexpr quint64 EveryByte = 0x0101010101010101;
constexpr quint64 HighBits = 0x8080808080808080;

constexpr bool hasZeroByte(quint64 word)
{
    return ((word - EveryByte) & ~word & HighBits) != 0;
}

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// \uXXXX's code unit; -1 when a digit is not hexadecimal.
int hexUnit(const char *digits)
{
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(digits[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

// Reads the JSON journalctl writes. Each method returns false for input it leaves to QJsonDocument:
// malformed JSON and the shapes journalctl does not print (true/false, objects, fractions,
// negative numbers, nested arrays, unknown escapes, \u escapes of surrogates), so the generic
// reader both refuses the same lines and decodes the odd ones the same way.
struct Scanner {
    const char *at;
    const char *end;

    bool atEnd() const { return at == end; }
    bool take(char c)
    {
        if (at == end || *at != c)
            return false;
        ++at;
        return true;
    }
    void skipSpace()
    {
        while (at != end && (*at == ' ' || *at == '\t' || *at == '\n' || *at == '\r'))
            ++at;
    }
    // Past ASCII text with no quote or backslash, sixteen bytes a step where SSE2 is (every
    // x86-64), else eight.
    void skipPlain()
    {
#if defined(__SSE2__) || defined(_M_X64)
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        while (end - at >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
            const __m128i special =
                _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash));
            // movemask of the bytes themselves: their high bits, set for every non-ASCII byte
            const int stop = _mm_movemask_epi8(special) | _mm_movemask_epi8(bytes);
            if (stop != 0) {
                at += std::countr_zero(unsigned(stop));
                return;
            }
            at += 16;
        }
#endif
        while (end - at >= 8) {
            quint64 word;
            std::memcpy(&word, at, sizeof word);
            if ((word & HighBits) || hasZeroByte(word ^ (EveryByte * '"')) ||
                hasZeroByte(word ^ (EveryByte * '\\')))
                break;
            at += 8;
        }
        while (at != end && uchar(*at) < 0x80 && *at != '"' && *at != '\\')
            ++at;
    }
    bool escape()
    {
        if (end - at < 2)
            return false;
        switch (at[1]) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
            at += 2;
            return true;
        case 'u': {
            const int unit = end - at < 6 ? -1 : hexUnit(at + 2);
            if (unit < 0 || (unit >= 0xd800 && unit <= 0xdfff))
                return false;
            at += 6;
            return true;
        }
        default:
            return false;
        }
    }
    // One well-formed UTF-8 sequence (no overlong form, surrogate or value past U+10FFFF).
    bool utf8Char()
    {
        const uchar lead = uchar(*at);
        int more = 0;
        uchar low = 0x80, high = 0xbf; // the second byte's range
        if (lead >= 0xc2 && lead <= 0xdf) {
            more = 1;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            more = 2;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            more = 3;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return false;
        }
        if (end - at <= more || uchar(at[1]) < low || uchar(at[1]) > high)
            return false;
        for (int i = 2; i <= more; ++i) {
            if ((uchar(at[i]) & 0xc0) != 0x80)
                return false;
        }
        at += more + 1;
        return true;
    }
    // After the opening quote; ends past the closing one.
    bool string(RawValue *value)
    {
        const char *start = at;
        value->kind = RawValue::String;
        for (;;) {
            skipPlain();
            if (at == end)
                return false;
            if (*at == '"') {
                value->text = QByteArrayView(start, at - start);
                ++at;
                return true;
            }
            if (*at == '\\') {
                if (!escape())
                    return false;
                value->escaped = true;
            } else if (!utf8Char()) {
                return false;
            }
        }
    }
    // A whole number of at most 18 digits, which qint64 and QJsonValue hold exactly.
    bool number(RawValue *value)
    {
        const char *start = at;
        if (at == end || !isDigit(*at))
            return false;
        if (!take('0')) {
            while (at != end && isDigit(*at))
                ++at;
        }
        if (at != end && (isDigit(*at) || *at == '.' || *at == 'e' || *at == 'E'))
            return false;
        value->kind = RawValue::Number;
        value->text = QByteArrayView(start, at - start);
        return at - start <= 18;
    }
    bool null(RawValue *value)
    {
        if (end - at < 4 || std::memcmp(at, "null", 4) != 0)
            return false;
        at += 4;
        value->kind = RawValue::Null;
        return true;
    }
    // Byte values, or strings and nulls; not both.
    bool array(RawValue *value)
    {
        const char *start = ++at;
        bool numbers = false;
        bool texts = false;
        skipSpace();
        if (!take(']')) {
            do {
                skipSpace();
                RawValue item;
                bool read = false;
                if (at != end && isDigit(*at)) {
                    read = number(&item);
                    numbers = true;
                } else {
                    read = take('"') ? string(&item) : null(&item);
                    texts = true;
                }
                if (!read || (numbers && texts))
                    return false;
                skipSpace();
            } while (take(','));
            if (!take(']'))
                return false;
        }
        value->kind = texts ? RawValue::Strings : RawValue::Bytes;
        value->text = QByteArrayView(start, at - 1 - start);
        return true;
    }
    bool value(RawValue *value)
    {
        if (at == end)
            return false;
        if (isDigit(*at))
            return number(value);
        if (*at == '[')
            return array(value);
        if (*at == 'n')
            return null(value);
        return take('"') && string(value);
    }
};

// A key of an object; none for one written with escapes, which might spell a kept field.
bool readKey(Scanner &scan, QByteArrayView *key)
{
    RawValue value;
    if (!scan.take('"') || !scan.string(&value) || value.escaped)
        return false;
    *key = value.text;
    return true;
}

bool scanObject(QByteArrayView line, RawFields *fields)
{
    Scanner scan { line.data(), line.data() + line.size() };
    scan.skipSpace();
    if (!scan.take('{'))
        return false;
    do {
        scan.skipSpace();
        QByteArrayView key;
        if (!readKey(scan, &key))
            return false;
        scan.skipSpace();
        if (!scan.take(':'))
            return false;
        scan.skipSpace();
        RawValue value;
        if (!scan.value(&value))
            return false;
        if (const Field known = fieldOf(key); known != Field::Count) {
            RawValue &slot = (*fields)[std::size_t(known)];
            if (slot.kind != RawValue::Absent)
                return false; // QJsonDocument keeps the last; rare enough to leave to it
            slot = value;
        }
        scan.skipSpace();
    } while (scan.take(','));
    if (!scan.take('}'))
        return false;
    scan.skipSpace();
    return scan.atEnd();
}

// Writes the UTF-8 a string's escapes stand for (the scanner checked each is whole and no \u is
// a surrogate) to `out`, which has room for text.size() bytes: no escape is shorter than what it
// stands for. Copies the runs between escapes whole. Returns the end.
char *unescapeTo(QByteArrayView text, char *out)
{
    const char *at = text.data();
    const char *const end = at + text.size();
    while (at != end) {
        const auto *slash = static_cast<const char *>(std::memchr(at, '\\', std::size_t(end - at)));
        const char *runEnd = slash ? slash : end;
        std::memcpy(out, at, std::size_t(runEnd - at));
        out += runEnd - at;
        if (!slash)
            break;
        at = slash + 2;
        switch (slash[1]) {
        case 'b':
            *out++ = '\b';
            break;
        case 'f':
            *out++ = '\f';
            break;
        case 'n':
            *out++ = '\n';
            break;
        case 'r':
            *out++ = '\r';
            break;
        case 't':
            *out++ = '\t';
            break;
        case 'u': {
            const auto unit = unsigned(hexUnit(at));
            at += 4;
            if (unit < 0x80) {
                *out++ = char(unit);
            } else if (unit < 0x800) {
                *out++ = char(0xc0 | (unit >> 6));
                *out++ = char(0x80 | (unit & 0x3f));
            } else {
                *out++ = char(0xe0 | (unit >> 12));
                *out++ = char(0x80 | ((unit >> 6) & 0x3f));
                *out++ = char(0x80 | (unit & 0x3f));
            }
            break;
        }
        default: // " \ /
            *out++ = slash[1];
        }
    }
    return out;
}

QByteArray unescaped(QByteArrayView text)
{
    QByteArray bytes(text.size(), Qt::Uninitialized);
    bytes.truncate(unescapeTo(text, bytes.data()) - bytes.constData());
    return bytes;
}

QByteArray utf8Of(const RawValue &value)
{
    return value.escaped ? unescaped(value.text) : value.text.toByteArray();
}

// What parsing keeps per thread (streams parse on their own threads). In a QThreadStorage, not in
// thread_locals: in mingw-w64 builds a thread_local's storage is freed at thread exit before its
// destructor runs (core/common/regexjit_mingw.cpp), and these destructors free memory.
struct Scratch {
    struct Slot {
        QByteArray utf8;
        QString text;
    };
    std::vector<char> buffer; // textOf: most messages fit
    std::array<Slot, 8> recent; // shared: the last unit and identifier strings
    std::size_t next = 0;
};

Scratch &scratch()
{
    static QThreadStorage<Scratch> perThread;
    return perThread.localData();
}

QString textOf(const RawValue &value)
{
    if (!value.escaped)
        return QString::fromUtf8(value.text);
    constexpr qsizetype Kept = 64 * 1024;
    if (value.text.size() > Kept)
        return QString::fromUtf8(unescaped(value.text));
    std::vector<char> &buffer = scratch().buffer;
    if (qsizetype(buffer.size()) < value.text.size())
        buffer.resize(std::size_t(Kept));
    const char *end = unescapeTo(value.text, buffer.data());
    return QString::fromUtf8(buffer.data(), end - buffer.data());
}

// Equal values of a field share one string: every line of a unit names the same unit and
// identifier. A few per thread.
QString shared(const RawValue &value)
{
    constexpr qsizetype Longest = 128;
    if (value.escaped || value.text.isEmpty() || value.text.size() > Longest)
        return textOf(value);
    Scratch &kept = scratch();
    for (const Scratch::Slot &slot : kept.recent) {
        if (slot.utf8.size() == value.text.size() &&
            std::memcmp(slot.utf8.constData(), value.text.data(), std::size_t(value.text.size())) == 0)
            return slot.text;
    }
    Scratch::Slot &slot = kept.recent[kept.next++ % kept.recent.size()];
    slot.utf8 = value.text.toByteArray();
    slot.text = QString::fromUtf8(slot.utf8);
    return slot.text;
}

qint64 digitsValue(QByteArrayView digits)
{
    qint64 number = 0;
    for (const char c : digits)
        number = number * 10 + (c - '0');
    return number;
}

// numberField's answer; false for what the scanner leaves to it (strings QString::toLongLong
// might still read, such as " 5").
bool readNumber(const RawValue &value, std::optional<qint64> *number)
{
    switch (value.kind) {
    case RawValue::Absent:
    case RawValue::Null:
        *number = std::nullopt;
        return true;
    case RawValue::Number:
        *number = digitsValue(value.text);
        return true;
    case RawValue::String:
        if (value.text.isEmpty()) {
            *number = std::nullopt;
            return true;
        }
        if (value.escaped || value.text.size() > 18 || !std::ranges::all_of(value.text, isDigit))
            return false;
        *number = digitsValue(value.text);
        return true;
    case RawValue::Bytes:
    case RawValue::Strings:
        break;
    }
    return false;
}

// firstText's answer; false for arrays.
bool readText(const RawValue &value, QString *text, bool share)
{
    if (value.kind == RawValue::Bytes || value.kind == RawValue::Strings)
        return false;
    if (value.kind == RawValue::String)
        *text = share ? shared(value) : textOf(value);
    return true;
}

// MESSAGE's bytes as valuesOf() joins them; none when it has no value.
std::optional<QByteArray> messageBytes(const RawValue &value)
{
    QByteArray bytes;
    Scanner scan { value.text.data(), value.text.data() + value.text.size() };
    bool any = false;
    switch (value.kind) {
    case RawValue::String:
        return utf8Of(value);
    case RawValue::Bytes:
        while (!scan.atEnd()) {
            scan.skipSpace();
            RawValue item;
            if (!scan.number(&item))
                break;
            const qint64 byte = digitsValue(item.text);
            if (byte > 255)
                return std::nullopt;
            bytes += char(byte);
            scan.skipSpace();
            scan.take(',');
        }
        return bytes;
    case RawValue::Strings:
        while (!scan.atEnd()) {
            scan.skipSpace();
            RawValue item;
            if (scan.take('"') && scan.string(&item)) {
                if (any)
                    bytes += '\n';
                bytes += utf8Of(item);
                any = true;
            } else {
                scan.null(&item);
            }
            scan.skipSpace();
            scan.take(',');
        }
        return any ? std::optional(bytes) : std::nullopt;
    case RawValue::Absent:
    case RawValue::Null:
    case RawValue::Number:
        break;
    }
    return std::nullopt;
}

// The unit a line is about. The service manager writes its lines about a unit ("Started ...",
// "... Main process exited") from init.scope (a user manager from user@UID.service) and names the
// unit in UNIT (USER_UNIT); journalctl --unit matches those too.
QString unitOf(const QString &writer, const QString &object, const QString &userObject)
{
    const bool manager = writer.isEmpty() || writer == u"init.scope"_s;
    if (manager && !object.isEmpty())
        return object;
    const bool userManager = writer.startsWith(u"user@"_s) && writer.endsWith(u".service"_s);
    if ((manager || userManager) && !userObject.isEmpty())
        return userObject;
    return writer;
}

struct StderrRule {
    QByteArrayView marker; // what journalctl prints
    const char *message;
    const char *hint;
};

// journalctl's stderr lines Gantry explains; the rest goes to the error's details.
constexpr std::array StderrRules {
    StderrRule { "Failed to seek to cursor",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "The server's journal no longer has the entry the log stopped at."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Open the log again to continue from the newest entries.") },
    StderrRule { "Failed to parse timestamp",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server did not accept the start time of the log."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Pick another start time.") },
    StderrRule { "unrecognized option",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server is too old for an option Gantry uses."),
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "Update systemd on the server (236 or later reads every option).") },
    StderrRule { "No journal files were found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "The server keeps no journal."),
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "Check that systemd-journald runs: systemctl status systemd-journald.") },
    StderrRule { "not seeing messages from other users",
        QT_TRANSLATE_NOOP("JournalEntryParser", "The server's user may not read the services' log."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Add the user to the systemd-journal group (sudo usermod -aG systemd-journal USER) and connect "
            "again.") },
    StderrRule { "Failed to add filter for units",
        QT_TRANSLATE_NOOP(
            "JournalEntryParser", "journalctl on the server did not accept the service's name."),
        QT_TRANSLATE_NOOP("JournalEntryParser", "Check the name of the service.") },
    StderrRule { "journalctl: not found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "journalctl is not installed on the server."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Gantry reads service logs from systemd's journal; the server needs systemd.") },
    StderrRule { "journalctl: command not found",
        QT_TRANSLATE_NOOP("JournalEntryParser", "journalctl is not installed on the server."),
        QT_TRANSLATE_NOOP("JournalEntryParser",
            "Gantry reads service logs from systemd's journal; the server needs systemd.") },
};

} // namespace

QDateTime JournalEntry::time() const
{
    return QDateTime::fromMSecsSinceEpoch(realtimeUSec / 1000, Qt::UTC);
}

Result<QString> JournalEntryParser::command(const JournalQuery &query)
{
    if (!oneLine(query.unit) || !std::ranges::all_of(query.moreUnits, oneLine))
        return fail(
            tr("The log needs the name of one service unit."), tr("Pick a service to show the log of."));
    if (query.maxPriority < -1 || query.maxPriority > 7)
        return fail(tr("Log priority %1 does not exist.").arg(query.maxPriority),
            tr("Pick a priority from 0 (emergency) to 7 (debug)."));
    if (query.lines < -1)
        return fail(tr("A log cannot show %1 lines.").arg(query.lines), tr("Pick 0 or more lines."));
    if (!query.afterCursor.isEmpty() && !oneLine(query.afterCursor))
        return fail(tr("The saved log position is damaged."),
            tr("Open the log again to start from the newest entries."));
    QStringList words { u"journalctl"_s, u"--unit="_s + QString::fromUtf8(shellQuote(query.unit)), u"-o"_s,
        u"json"_s, u"--all"_s, u"--no-pager"_s };
    for (const QString &unit : query.moreUnits)
        words.insert(2, u"--unit="_s + QString::fromUtf8(shellQuote(unit)));
    if (query.follow)
        words << u"-f"_s;
    if (query.since.isValid()) {
        const qint64 ms = query.since.toMSecsSinceEpoch();
        words << u"--since=@%1.%2"_s.arg(ms / 1000).arg(ms % 1000, 3, 10, QChar(u'0'));
    }
    if (query.maxPriority >= 0)
        words << u"-p"_s << QString::number(query.maxPriority);
    if (query.lines >= 0)
        words << u"-n"_s << QString::number(query.lines);
    if (!query.afterCursor.isEmpty())
        words << u"--after-cursor="_s + QString::fromUtf8(shellQuote(query.afterCursor));
    if (query.onlyNeededFields)
        words << u"--output-fields="_s + NeededFields;
    return words.join(u' ');
}

Result<JournalEntry> JournalEntryParser::parseLine(QByteArrayView line, Cursor cursor)
{
    if (std::optional<JournalEntry> entry = parseLineFast(line, cursor))
        return std::move(*entry);
    Result<JournalEntry> entry = parseLineGeneric(line);
    if (entry && cursor == Cursor::Skip)
        entry->cursor.clear();
    return entry;
}

std::optional<JournalEntry> JournalEntryParser::parseLineFast(QByteArrayView line, Cursor cursor)
{
    // Kept per thread: marking the fields absent costs less than building them for every line. It
    // may be a thread_local because it has no destructor to run (see Scratch).
    static_assert(std::is_trivially_destructible_v<RawFields>);
    thread_local RawFields kept;
    RawFields &fields = kept;
    for (RawValue &value : fields)
        value.kind = RawValue::Absent;
    if (!scanObject(line, &fields))
        return std::nullopt;
    const auto field = [&fields](Field which) -> const RawValue & { return fields[std::size_t(which)]; };
    JournalEntry entry;
    std::optional<qint64> realtime, priority, pid;
    if (field(Field::Cursor).kind != RawValue::String || field(Field::Cursor).text.isEmpty() ||
        !readNumber(field(Field::Realtime), &realtime) || !realtime ||
        !readNumber(field(Field::Priority), &priority) || !readNumber(field(Field::Pid), &pid) ||
        !readText(field(Field::Identifier), &entry.identifier, true) ||
        !readText(field(Field::Unit), &entry.unit, true))
        return std::nullopt;
    QString object, userObject;
    if (!readText(field(Field::ObjectUnit), &object, true) ||
        !readText(field(Field::UserUnit), &userObject, true))
        return std::nullopt;
    entry.unit = unitOf(entry.unit, object, userObject);
    if (cursor == Cursor::Decode)
        entry.cursor = textOf(field(Field::Cursor));
    entry.realtimeUSec = *realtime;
    entry.priority = priority && *priority <= 7 ? int(*priority) : -1;
    entry.pid = pid.value_or(0);
    const RawValue &message = field(Field::Message);
    if (message.kind == RawValue::String) {
        entry.message = textOf(message);
    } else if (const std::optional<QByteArray> bytes = messageBytes(message)) {
        entry.message = QString::fromUtf8(*bytes);
    } else {
        entry.messageOmitted = true;
    }
    return entry;
}

Result<JournalEntry> JournalEntryParser::parseLineGeneric(QByteArrayView line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (!document.isObject()) {
        return fail(tr("A line of the service's log is not a journal entry."),
            tr("Gantry skips it; if every line fails, check that journalctl on the server is systemd's own."),
            excerpt(line));
    }
    const QJsonObject object = document.object();
    JournalEntry entry;
    entry.cursor = firstText(object, u"__CURSOR");
    const std::optional<qint64> realtime = numberField(object, u"__REALTIME_TIMESTAMP");
    if (entry.cursor.isEmpty() || !realtime || *realtime < 0) {
        return fail(tr("A line of the service's log has no position or time."),
            tr("Gantry skips it; if every line fails, check that journalctl on the server is systemd's own."),
            excerpt(line));
    }
    entry.realtimeUSec = *realtime;
    const QList<QByteArray> message = valuesOf(object.value(u"MESSAGE"));
    entry.messageOmitted = message.isEmpty();
    entry.message = QString::fromUtf8(message.join('\n'));
    const std::optional<qint64> priority = numberField(object, u"PRIORITY");
    entry.priority = priority && *priority >= 0 && *priority <= 7 ? int(*priority) : -1;
    entry.pid = std::max<qint64>(numberField(object, u"_PID").value_or(0), 0);
    entry.identifier = firstText(object, u"SYSLOG_IDENTIFIER");
    entry.unit = unitOf(
        firstText(object, u"_SYSTEMD_UNIT"), firstText(object, u"UNIT"), firstText(object, u"USER_UNIT"));
    return entry;
}

std::optional<Error> JournalEntryParser::diagnose(const QByteArray &stderrText)
{
    for (const StderrRule &rule : StderrRules) {
        if (stderrText.contains(rule.marker))
            return Error { tr(rule.message), tr(rule.hint), QString::fromUtf8(stderrText.trimmed()) };
    }
    return std::nullopt;
}

} // namespace Gantry
