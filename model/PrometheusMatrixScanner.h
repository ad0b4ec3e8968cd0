#pragma once

#include "PrometheusParser.h"

#include <QByteArray>

#include <string_view>
#include <vector>

// The fast path of PrometheusParser::parseQuery for query_range answers. A DOM walk spends most of its
// time on the "values" arrays of a large matrix (about 86 ns a sample); this reads them with a scanner
// that knows their one shape, [[<seconds>,"<value>"],...], and leaves everything else (envelope, labels,
// errors, warnings) to simdjson by handing it the body with those arrays emptied.
//
// The scanner is strict: whatever it does not expect makes it return false, and the caller then reads the
// whole body the usual way, so results and error messages do not depend on which path ran.
class PrometheusMatrixScanner
{
public:
    struct Split
    {
        // The body with the "values" array of every series emptied to [], padded for simdjson.
        QByteArray skeleton;
        // Each series' "values" array ('[' to ']' inclusive), by the series' index in data.result; an empty
        // view for a series without one.
        std::vector<std::string_view> values;
    };

    // Finds the "values" arrays of data.result[i] in a JSON object. False when the body is not shaped as
    // a Prometheus answer with at most one "data", "result" and "values" per level, or when it holds no
    // "values" array at all (nothing to gain). Views in *split point into body.
    static bool split(const QByteArray &body, Split *split);

    // Places one "values" array on the grid; *values is resized to the grid and filled with NaN first.
    // False on anything but [[t,"v"],...] with t in seconds (integer or decimal) and v a number,
    // "NaN", "+Inf" or "-Inf" (whitespace allowed between tokens, no escapes).
    static bool readValues(
        std::string_view array, const PrometheusParser::Grid &grid, std::vector<double> *values);

    // The value of a sample string: a finite number, or NaN for "NaN", "+Inf", "-Inf" (gaps). False when
    // the text is neither.
    static bool sampleValue(std::string_view text, double *value);
    // Puts a sample at timeMs on the nearest grid point; samples off the grid are dropped. An instant
    // grid (stepMs 0) has one point, which the sample takes.
    static void place(
        const PrometheusParser::Grid &grid, qint64 timeMs, double value, std::vector<double> *values);
};
