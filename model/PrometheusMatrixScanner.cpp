#include "PrometheusMatrixScanner.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <simdjson.h>

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Walks a JSON text just far enough to know where data.result[i].values lies. It trusts simdjson to
// validate whatever it copies into the skeleton, so it only has to find the structure right in valid
// JSON; the "values" arrays it cuts out are validated by readValues instead.
class Splitter
{
public:
    Splitter(const QByteArray &body, PrometheusMatrixScanner::Split *split)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
        , m_split(split)
    { }

    bool run()
    {
        m_split->skeleton.clear();
        m_split->values.clear();
        skipSpace();
        if (m_p == m_end || *m_p != '{' || !value(Role::Root, 0))
            return false;
        skipSpace();
        if (m_p != m_end || !m_found)
            return false;
        m_split->skeleton.reserve(
            qsizetype(m_end - m_copied) + m_split->skeleton.size() + qsizetype(simdjson::SIMDJSON_PADDING));
        m_split->skeleton.append(m_copied, qsizetype(m_end - m_copied));
        return true;
    }

private:
    // Where a value sits: only these levels matter, everything else is Other.
    enum class Role { Root, Data, Result, Series, Values, Other };
    static constexpr int maxDepth = 64;

    void skipSpace()
    {
        while (m_p != m_end && isSpace(*m_p))
            ++m_p;
    }

    // A string from its opening quote; *raw is its content, escapes untouched.
    bool string(std::string_view *raw)
    {
        const char *start = ++m_p;
        while (true) {
            const void *quote = std::memchr(m_p, '"', size_t(m_end - m_p));
            if (!quote)
                return false;
            m_p = static_cast<const char *>(quote);
            // A quote preceded by an odd number of backslashes is escaped.
            const char *back = m_p;
            while (back != start && back[-1] == '\\')
                --back;
            ++m_p;
            if ((m_p - 1 - back) % 2 == 0)
                break;
        }
        *raw = std::string_view(start, size_t(m_p - 1 - start));
        return true;
    }

    bool value(Role role, int depth)
    {
        if (m_p == m_end || depth > maxDepth)
            return false;
        switch (*m_p) {
        case '{':
            return object(role, depth);
        case '[':
            return role == Role::Values ? values() : array(role, depth);
        case '"': {
            std::string_view ignored;
            return string(&ignored);
        }
        default:
            // A number, true, false or null: up to the next delimiter.
            while (m_p != m_end && !isSpace(*m_p) && *m_p != ',' && *m_p != ']' && *m_p != '}')
                ++m_p;
            return true;
        }
    }

    bool object(Role role, int depth)
    {
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        int data = 0;
        int result = 0;
        int samples = 0; // "values" and "value" keys of a series
        while (true) {
            skipSpace();
            std::string_view key;
            if (m_p == m_end || *m_p != '"' || !string(&key))
                return false;
            // simdjson compares unescaped keys: an escaped one could name a level this scan ignores.
            if (role != Role::Other && key.find('\\') != std::string_view::npos)
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            skipSpace();
            Role child = Role::Other;
            if (role == Role::Root && key == "data") {
                child = Role::Data;
                ++data;
            } else if (role == Role::Data && key == "result") {
                child = Role::Result;
                ++result;
            } else if (role == Role::Series && (key == "values" || key == "value")) {
                child = key == "values" ? Role::Values : Role::Other;
                ++samples;
            }
            if (data > 1 || result > 1 || samples > 1)
                return false;
            if (!value(child, depth + 1))
                return false;
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    bool array(Role role, int depth)
    {
        ++m_p;
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        while (true) {
            skipSpace();
            Role child = Role::Other;
            if (role == Role::Result && m_p != m_end && *m_p == '{') {
                child = Role::Series;
                m_split->values.emplace_back();
            }
            if (!value(child, depth + 1))
                return false;
            skipSpace();
            if (m_p == m_end)
                return false;
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
        }
    }

    // A series' "values" array: its end is the first ']' followed (after any space) by another ']'.
    // Strings in it are numbers, so a ']' inside one makes readValues reject the cut, not misread it.
    bool values()
    {
        const char *start = m_p;
        const char *p = m_p + 1;
        while (p != m_end && isSpace(*p))
            ++p;
        if (p != m_end && *p == ']') {
            m_p = p + 1;
        } else {
            while (true) {
                const void *close = std::memchr(p, ']', size_t(m_end - p));
                if (!close)
                    return false;
                p = static_cast<const char *>(close) + 1;
                while (p != m_end && isSpace(*p))
                    ++p;
                if (p != m_end && *p == ']') {
                    m_p = p + 1;
                    break;
                }
            }
        }
        m_split->values.back() = std::string_view(start, size_t(m_p - start));
        m_found = true;
        m_split->skeleton.append(m_copied, qsizetype(start - m_copied));
        m_split->skeleton.append("[]", 2);
        m_copied = m_p;
        return true;
    }

    const char *m_p;
    const char *m_end;
    const char *m_copied = m_p;
    bool m_found = false;
    PrometheusMatrixScanner::Split *m_split;
};

// Seconds as JSON writes them, to ms: an integer, or a decimal. Up to three decimals are exact in
// integers; longer ones take the double route the DOM path takes, so both agree to the millisecond.
bool readTimestamp(const char *&p, const char *end, qint64 *ms)
{
    const char *start = p;
    qint64 seconds = 0;
    int digits = 0;
    while (p != end && *p >= '0' && *p <= '9' && digits < 15) {
        seconds = seconds * 10 + (*p - '0');
        ++p;
        ++digits;
    }
    // JSON numbers have no leading zeros; longer ones than 15 digits are not times.
    if (digits == 0 || (digits > 1 && *start == '0') || (p != end && *p >= '0' && *p <= '9'))
        return false;
    if (p == end || *p != '.') {
        *ms = seconds * 1000;
        return true;
    }
    ++p;
    qint64 fraction = 0;
    int decimals = 0;
    while (p != end && *p >= '0' && *p <= '9') {
        if (decimals < 3)
            fraction = fraction * 10 + (*p - '0');
        ++p;
        ++decimals;
    }
    if (decimals == 0)
        return false;
    if (decimals <= 3) {
        static constexpr qint64 scale[] = { 1000, 100, 10, 1 };
        *ms = seconds * 1000 + fraction * scale[decimals];
        return true;
    }
    double value = 0;
    const auto [last, ec] = std::from_chars(start, p, value);
    if (ec != std::errc() || last != p)
        return false;
    *ms = std::llround(value * 1000.0);
    return true;
}

// A plain decimal ("-12.5", "65614") up to its closing quote, read in the one pass that finds the quote.
// With at most 15 digits it is an integer below 2^53 divided by an exact power of ten, which one IEEE
// division rounds correctly: the value std::from_chars gives, several times faster. False, with p
// unmoved, for anything else (exponents, longer numbers, words), which sampleValue then reads.
bool plainDecimal(const char *&p, const char *end, double *value)
{
    static constexpr double powers[]
        = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    const char *q = p;
    const bool negative = q != end && *q == '-';
    if (negative)
        ++q;
    quint64 mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; q != end && *q != '"'; ++q) {
        if (*q >= '0' && *q <= '9') {
            mantissa = mantissa * 10 + quint64(*q - '0');
            ++digits;
            if (decimals >= 0)
                ++decimals;
        } else if (*q == '.' && decimals < 0) {
            decimals = 0;
        } else {
            return false;
        }
    }
    if (q == end || digits == 0 || digits > 15 || decimals == 0)
        return false;
    const double magnitude = double(mantissa) / powers[std::max(decimals, 0)];
    *value = negative ? -magnitude : magnitude;
    p = q;
    return true;
}

} // namespace

bool PrometheusMatrixScanner::split(const QByteArray &body, Split *split)
{
    return Splitter(body, split).run();
}

bool PrometheusMatrixScanner::sampleValue(std::string_view text, double *value)
{
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, *value);
    if (ptr == end && (ec == std::errc() || ec == std::errc::result_out_of_range)) {
        if (ec != std::errc() || !std::isfinite(*value))
            *value = qQNaN();
        return true;
    }
    // Prometheus writes these for non-finite values; none is a sample a chart can draw, so all are gaps.
    if (text == "NaN" || text == "+Inf" || text == "-Inf" || text == "Inf") {
        *value = qQNaN();
        return true;
    }
    return false;
}

void PrometheusMatrixScanner::place(
    const PrometheusParser::Grid &grid, qint64 timeMs, double value, std::vector<double> *values)
{
    if (grid.stepMs <= 0) {
        (*values)[0] = value;
        return;
    }
    const qint64 offset = timeMs - grid.startMs;
    if (offset < -grid.stepMs / 2)
        return;
    const qint64 index = (offset + grid.stepMs / 2) / grid.stepMs;
    if (index < grid.points)
        (*values)[size_t(index)] = value;
}

bool PrometheusMatrixScanner::readValues(
    std::string_view array, const PrometheusParser::Grid &grid, std::vector<double> *values)
{
    values->assign(size_t(grid.stepMs > 0 ? grid.points : 1), qQNaN());
    const char *p = array.data();
    const char *end = p + array.size();
    auto skipSpace = [&] {
        while (p != end && isSpace(*p))
            ++p;
    };
    // Prometheus writes no space: test for the token first, then skip space.
    auto expect = [&](char c) {
        if (p != end && *p == c) {
            ++p;
            return true;
        }
        skipSpace();
        if (p == end || *p != c)
            return false;
        ++p;
        return true;
    };
    if (!expect('['))
        return false;
    skipSpace();
    if (p != end && *p == ']')
        return ++p == end;
    while (true) {
        if (!expect('['))
            return false;
        skipSpace();
        qint64 ms = 0;
        if (!readTimestamp(p, end, &ms) || !expect(',') || !expect('"'))
            return false;
        double value = 0;
        if (!plainDecimal(p, end, &value)) {
            const char *text = p;
            while (p != end && *p != '"' && *p != '\\')
                ++p;
            if (p == end || *p != '"' || !sampleValue(std::string_view(text, size_t(p - text)), &value))
                return false;
        }
        ++p;
        if (!expect(']'))
            return false;
        place(grid, ms, value, values);
        if (p != end && *p == ',') {
            ++p;
            continue;
        }
        skipSpace();
        if (p == end)
            return false;
        if (*p == ']')
            return ++p == end;
        if (*p != ',')
            return false;
        ++p;
    }
}
