#include "jsonparse.h"

#include <QJsonArray>
#include <QJsonValue>
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace engage::api {

namespace {

// Longer number literals are refused: RFC 8259 lets a parser limit precision,
// and it keeps a megabyte of digits away from the number conversion.
constexpr qsizetype kMaxNumberLength = 64;

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence at `p` (Unicode 15, table 3-7:
// no overlong forms, no surrogates, nothing above U+10FFFF), 0 if ill-formed.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = p[0];
    const auto available = end - p;
    auto inRange = [](unsigned char byte, unsigned char low, unsigned char high) {
        return byte >= low && byte <= high;
    };
    if (lead >= 0xC2 && lead <= 0xDF)
        return available >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (available < 3 || !isContinuation(p[2]))
            return 0;
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        return inRange(p[1], low, high) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (available < 4 || !isContinuation(p[2]) || !isContinuation(p[3]))
            return 0;
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        return inRange(p[1], low, high) ? 4 : 0;
    }
    return 0;
}

int hexDigit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

class Parser final
{
public:
    Parser(const QByteArray &body, int maxDepth)
        : m_begin(reinterpret_cast<const unsigned char *>(body.constData()))
        , m_pos(m_begin)
        , m_end(m_begin + body.size())
        , m_maxDepth(maxDepth)
    {}

    Result<QJsonObject> parseDocument()
    {
        if (m_begin == m_end)
            return error("the body is empty");
        if (m_end - m_begin >= 3 && m_begin[0] == 0xEF && m_begin[1] == 0xBB && m_begin[2] == 0xBF)
            return error("a byte order mark is not allowed");
        skipWhitespace();
        if (m_pos == m_end)
            return error("the body holds only whitespace");
        if (*m_pos != '{')
            return error("the top-level value must be an object");
        QJsonObject object;
        if (!parseObject(object, 1))
            return error(m_reason);
        skipWhitespace();
        if (m_pos != m_end)
            return error("unexpected data after the object");
        return object;
    }

private:
    Error error(const char *reason) const
    {
        return Error{ProblemCode::MalformedJson, QString(),
                     QStringLiteral("Invalid JSON at byte %1: %2.")
                         .arg(m_pos - m_begin)
                         .arg(QLatin1String(reason))};
    }

    bool fail(const char *reason)
    {
        m_reason = reason;
        return false;
    }

    void skipWhitespace()
    {
        while (m_pos != m_end &&
               (*m_pos == ' ' || *m_pos == '\t' || *m_pos == '\n' || *m_pos == '\r'))
            ++m_pos;
    }

    bool enter(int depth)
    {
        if (depth > m_maxDepth)
            return fail("nesting is too deep");
        return true;
    }

    bool parseValue(QJsonValue &out, int depth)
    {
        if (m_pos == m_end)
            return fail("unexpected end of input");
        switch (*m_pos) {
        case '{': {
            QJsonObject object;
            if (!parseObject(object, depth + 1))
                return false;
            out = std::move(object);
            return true;
        }
        case '[': {
            QJsonArray array;
            if (!parseArray(array, depth + 1))
                return false;
            out = std::move(array);
            return true;
        }
        case '"': {
            QString text;
            if (!parseString(text))
                return false;
            out = std::move(text);
            return true;
        }
        case 't':
            return parseLiteral("true", QJsonValue(true), out);
        case 'f':
            return parseLiteral("false", QJsonValue(false), out);
        case 'n':
            return parseLiteral("null", QJsonValue(QJsonValue::Null), out);
        default:
            if (*m_pos == '-' || isDigit(*m_pos))
                return parseNumber(out);
            return fail("unexpected character");
        }
    }

    bool parseLiteral(const char *literal, const QJsonValue &value, QJsonValue &out)
    {
        for (const char *c = literal; *c; ++c) {
            if (m_pos == m_end || *m_pos != static_cast<unsigned char>(*c))
                return fail("invalid literal");
            ++m_pos;
        }
        out = value;
        return true;
    }

    bool parseObject(QJsonObject &out, int depth)
    {
        if (!enter(depth))
            return false;
        ++m_pos; // '{'
        // Members are collected first and sorted, so that duplicates are found
        // in O(n log n) and QJsonObject (which keeps keys sorted) only appends.
        std::vector<std::pair<QString, QJsonValue>> members;
        skipWhitespace();
        if (m_pos != m_end && *m_pos == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            if (m_pos == m_end)
                return fail("unexpected end of input");
            if (*m_pos != '"')
                return fail("expected a member name");
            QString key;
            if (!parseString(key))
                return false;
            skipWhitespace();
            if (m_pos == m_end || *m_pos != ':')
                return fail("expected ':'");
            ++m_pos;
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(value, depth))
                return false;
            members.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            if (m_pos == m_end)
                return fail("unexpected end of input");
            if (*m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (*m_pos == '}') {
                ++m_pos;
                break;
            }
            return fail("expected ',' or '}'");
        }
        std::sort(members.begin(), members.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        const auto duplicate =
            std::adjacent_find(members.begin(), members.end(),
                               [](const auto &a, const auto &b) { return a.first == b.first; });
        if (duplicate != members.end())
            return fail("duplicate member name");
        for (auto &member : members)
            out.insert(member.first, member.second);
        return true;
    }

    bool parseArray(QJsonArray &out, int depth)
    {
        if (!enter(depth))
            return false;
        ++m_pos; // '['
        skipWhitespace();
        if (m_pos != m_end && *m_pos == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWhitespace();
            QJsonValue value;
            if (!parseValue(value, depth))
                return false;
            out.append(value);
            skipWhitespace();
            if (m_pos == m_end)
                return fail("unexpected end of input");
            if (*m_pos == ',') {
                ++m_pos;
                continue;
            }
            if (*m_pos == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool readHex4(char32_t &out)
    {
        if (m_end - m_pos < 4)
            return fail("truncated \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexDigit(m_pos[i]);
            if (digit < 0)
                return fail("invalid \\u escape");
            out = (out << 4) | char32_t(digit);
        }
        m_pos += 4;
        return true;
    }

    bool parseEscape(QString &out)
    {
        ++m_pos; // '\\'
        if (m_pos == m_end)
            return fail("unexpected end of input");
        const unsigned char c = *m_pos++;
        switch (c) {
        case '"':
            out.append(QLatin1Char('"'));
            return true;
        case '\\':
            out.append(QLatin1Char('\\'));
            return true;
        case '/':
            out.append(QLatin1Char('/'));
            return true;
        case 'b':
            out.append(QChar(0x08));
            return true;
        case 'f':
            out.append(QChar(0x0C));
            return true;
        case 'n':
            out.append(QChar(0x0A));
            return true;
        case 'r':
            out.append(QChar(0x0D));
            return true;
        case 't':
            out.append(QChar(0x09));
            return true;
        case 'u':
            break;
        default:
            --m_pos;
            return fail("invalid escape");
        }
        char32_t unit = 0;
        if (!readHex4(unit))
            return false;
        if (QChar::isLowSurrogate(unit))
            return fail("unpaired surrogate escape");
        if (!QChar::isHighSurrogate(unit)) {
            out.append(QChar(char16_t(unit)));
            return true;
        }
        // A high surrogate must be followed at once by an escaped low one,
        // otherwise the text could not be written back as valid UTF-8.
        if (m_end - m_pos < 2 || m_pos[0] != '\\' || m_pos[1] != 'u')
            return fail("unpaired surrogate escape");
        m_pos += 2;
        char32_t low = 0;
        if (!readHex4(low))
            return false;
        if (!QChar::isLowSurrogate(low))
            return fail("unpaired surrogate escape");
        out.append(QChar(char16_t(unit)));
        out.append(QChar(char16_t(low)));
        return true;
    }

    bool parseString(QString &out)
    {
        ++m_pos; // '"'
        const unsigned char *run = m_pos;
        auto flush = [&] {
            if (m_pos != run) {
                out.append(QString::fromUtf8(reinterpret_cast<const char *>(run), m_pos - run));
            }
        };
        while (m_pos != m_end) {
            const unsigned char c = *m_pos;
            if (c == '"') {
                flush();
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                flush();
                if (!parseEscape(out))
                    return false;
                run = m_pos;
                continue;
            }
            if (c < 0x20)
                return fail("control character in a string");
            if (c < 0x80) {
                ++m_pos;
                continue;
            }
            const int length = utf8SequenceLength(m_pos, m_end);
            if (length == 0)
                return fail("invalid UTF-8");
            m_pos += length;
        }
        return fail("unterminated string");
    }

    bool parseNumber(QJsonValue &out)
    {
        const unsigned char *start = m_pos;
        bool integral = true;
        if (*m_pos == '-')
            ++m_pos;
        if (m_pos == m_end || !isDigit(*m_pos))
            return fail("invalid number");
        if (*m_pos == '0') {
            ++m_pos;
        } else {
            while (m_pos != m_end && isDigit(*m_pos))
                ++m_pos;
        }
        if (m_pos != m_end && *m_pos == '.') {
            integral = false;
            ++m_pos;
            if (m_pos == m_end || !isDigit(*m_pos))
                return fail("invalid number");
            while (m_pos != m_end && isDigit(*m_pos))
                ++m_pos;
        }
        if (m_pos != m_end && (*m_pos == 'e' || *m_pos == 'E')) {
            integral = false;
            ++m_pos;
            if (m_pos != m_end && (*m_pos == '+' || *m_pos == '-'))
                ++m_pos;
            if (m_pos == m_end || !isDigit(*m_pos))
                return fail("invalid number");
            while (m_pos != m_end && isDigit(*m_pos))
                ++m_pos;
        }
        const qsizetype length = m_pos - start;
        if (length > kMaxNumberLength) {
            m_pos = start;
            return fail("number is too long");
        }
        const QByteArray text(reinterpret_cast<const char *>(start), length);
        bool ok = false;
        if (integral) {
            // Integers keep full 64-bit precision when they fit.
            const qlonglong value = text.toLongLong(&ok);
            if (ok) {
                out = QJsonValue(qint64(value));
                return true;
            }
        }
        // Qt reports overflow and underflow alike as 0 with ok == false;
        // both are refused rather than silently turned into zero.
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            m_pos = start;
            return fail("number is out of range");
        }
        out = QJsonValue(value);
        return true;
    }

    const unsigned char *const m_begin;
    const unsigned char *m_pos;
    const unsigned char *const m_end;
    const int m_maxDepth;
    const char *m_reason = "invalid JSON";
};

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &body, int maxDepth)
{
    Parser parser(body, std::clamp(maxDepth, 1, kMaxJsonDepthCap));
    return parser.parseDocument();
}

} // namespace engage::api
