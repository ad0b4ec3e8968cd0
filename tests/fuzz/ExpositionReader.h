#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Reads sample lines of the Prometheus text format and OpenMetrics, as a scraper would, for the fuzz
// target that writes families and reads them back. Only what the writers write: no exemplars.
struct ExpositionSample
{
    std::string name;
    std::vector<std::pair<std::string, std::string>> labels; // unescaped values, in written order
    double value = 0;
    std::optional<double> timestamp; // as written: seconds (OpenMetrics) or milliseconds
};

// A sample line (no trailing newline); std::nullopt when it is not one: bad name, bad escape, a value
// that is not a number, separators other than one space.
std::optional<ExpositionSample> readSampleLine(std::string_view line);

// The numbers a scraper accepts: decimal or exponent form, and NaN, Inf, +Inf, -Inf in any case.
std::optional<double> readNumber(std::string_view text);

// The body of a PromQL double-quoted string literal, as Prometheus unquotes it (Go's escapes);
// std::nullopt when the literal is not valid.
std::optional<std::string> unquotePromQL(std::string_view literal);
