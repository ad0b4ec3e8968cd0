#include "ExpositionReader.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace {
bool isNameStart(char c, bool metric)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (metric && c == ':');
}

bool isNameChar(char c, bool metric)
{
    return isNameStart(c, metric) || std::isdigit(static_cast<unsigned char>(c));
}

std::string_view readName(std::string_view &rest, bool metric)
{
    size_t length = 0;
    if (rest.empty() || !isNameStart(rest[0], metric))
        return {};
    while (length < rest.size() && isNameChar(rest[length], metric))
        ++length;
    const std::string_view name = rest.substr(0, length);
    rest.remove_prefix(length);
    return name;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}
} // namespace

std::optional<double> readNumber(std::string_view text)
{
    std::string_view unsignedText = text;
    double sign = 1;
    if (!unsignedText.empty() && (unsignedText[0] == '+' || unsignedText[0] == '-')) {
        sign = unsignedText[0] == '-' ? -1 : 1;
        unsignedText.remove_prefix(1);
    }
    if (equalsIgnoringCase(unsignedText, "nan"))
        return std::numeric_limits<double>::quiet_NaN();
    if (equalsIgnoringCase(unsignedText, "inf") || equalsIgnoringCase(unsignedText, "infinity"))
        return sign * std::numeric_limits<double>::infinity();
    // from_chars takes no leading '+', and would take "nan" and "inf" forms already handled.
    if (unsignedText.empty()
        || !(std::isdigit(static_cast<unsigned char>(unsignedText[0])) || unsignedText[0] == '.'))
        return std::nullopt;
    double value = 0;
    const char *end = unsignedText.data() + unsignedText.size();
    const auto [ptr, ec] = std::from_chars(unsignedText.data(), end, value);
    if (ptr != end || (ec != std::errc() && ec != std::errc::result_out_of_range))
        return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Beyond the largest double Prometheus (Go's ParseFloat) refuses the sample; below the smallest
        // it reads 0 or a denormal, as strtod does.
        value = std::strtod(std::string(unsignedText).c_str(), nullptr);
        if (std::isinf(value))
            return std::nullopt;
    }
    return sign * value;
}

std::optional<ExpositionSample> readSampleLine(std::string_view line)
{
    ExpositionSample sample;
    std::string_view rest = line;
    const std::string_view name = readName(rest, true);
    if (name.empty())
        return std::nullopt;
    sample.name = name;
    if (!rest.empty() && rest[0] == '{') {
        rest.remove_prefix(1);
        while (!rest.empty() && rest[0] != '}') {
            const std::string_view label = readName(rest, false);
            if (label.empty() || rest.size() < 2 || rest[0] != '=' || rest[1] != '"')
                return std::nullopt;
            rest.remove_prefix(2);
            std::string value;
            for (;;) {
                if (rest.empty() || rest[0] == '\n')
                    return std::nullopt;
                const char c = rest[0];
                rest.remove_prefix(1);
                if (c == '"')
                    break;
                if (c != '\\') {
                    value += c;
                    continue;
                }
                if (rest.empty())
                    return std::nullopt;
                const char escaped = rest[0];
                rest.remove_prefix(1);
                if (escaped == 'n')
                    value += '\n';
                else if (escaped == '\\' || escaped == '"')
                    value += escaped;
                else
                    return std::nullopt;
            }
            sample.labels.emplace_back(std::string(label), std::move(value));
            if (!rest.empty() && rest[0] == ',')
                rest.remove_prefix(1);
            else if (rest.empty() || rest[0] != '}')
                return std::nullopt;
        }
        if (rest.empty())
            return std::nullopt;
        rest.remove_prefix(1);
    }
    if (rest.empty() || rest[0] != ' ')
        return std::nullopt;
    rest.remove_prefix(1);
    const size_t space = rest.find(' ');
    const std::optional<double> value = readNumber(rest.substr(0, space));
    if (!value)
        return std::nullopt;
    sample.value = *value;
    if (space != std::string_view::npos) {
        const std::optional<double> timestamp = readNumber(rest.substr(space + 1));
        if (!timestamp || !std::isfinite(*timestamp))
            return std::nullopt;
        sample.timestamp = timestamp;
    }
    return sample;
}

std::optional<std::string> unquotePromQL(std::string_view literal)
{
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"')
        return std::nullopt;
    std::string_view rest = literal.substr(1, literal.size() - 2);
    std::string out;
    while (!rest.empty()) {
        const char c = rest[0];
        rest.remove_prefix(1);
        if (c == '"' || c == '\n')
            return std::nullopt;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (rest.empty())
            return std::nullopt;
        const char escaped = rest[0];
        rest.remove_prefix(1);
        switch (escaped) {
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case '\\':
            out += '\\';
            break;
        case '"':
            out += '"';
            break;
        case 'x': {
            if (rest.size() < 2 || hexDigit(rest[0]) < 0 || hexDigit(rest[1]) < 0)
                return std::nullopt;
            out += char(hexDigit(rest[0]) * 16 + hexDigit(rest[1]));
            rest.remove_prefix(2);
            break;
        }
        case 'u':
        case 'U': {
            const size_t digits = escaped == 'u' ? 4 : 8;
            if (rest.size() < digits)
                return std::nullopt;
            char32_t code = 0;
            for (size_t i = 0; i < digits; ++i) {
                const int digit = hexDigit(rest[i]);
                if (digit < 0)
                    return std::nullopt;
                code = code * 16 + char32_t(digit);
            }
            if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                return std::nullopt;
            appendUtf8(out, code);
            rest.remove_prefix(digits);
            break;
        }
        default:
            if (escaped >= '0' && escaped <= '7') {
                if (rest.size() < 2 || rest[0] < '0' || rest[0] > '7' || rest[1] < '0' || rest[1] > '7')
                    return std::nullopt;
                const int code = (escaped - '0') * 64 + (rest[0] - '0') * 8 + (rest[1] - '0');
                if (code > 255)
                    return std::nullopt;
                out += char(code);
                rest.remove_prefix(2);
                break;
            }
            return std::nullopt;
        }
    }
    return out;
}
