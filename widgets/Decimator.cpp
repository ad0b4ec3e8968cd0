#include "Decimator.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int PixelColumns::count() const
{
    return std::max(1, int(std::floor(left + width) - std::floor(left)));
}

namespace {
// How far outside the plot area a point can still change a pixel: the pen's half width and the
// pixel the plot area's clip may grow by, with room to spare.
double reach(const PixelColumns &columns)
{
    return columns.penWidth / 2 + 1.5;
}
} // namespace

int PixelColumns::bucketOf(double x) const
{
    // The same arithmetic as Qt Charts' XYDomain, so that a point lands where it is drawn.
    const double span = xMax - xMin;
    double px = span > 0 ? left + (x - xMin) * (width / span) : left;
    px = std::clamp(px, left - reach(*this), left + width + reach(*this));
    // Bucket edges repeat every pixel at 0.5 - w/2 and 0.5 + w/2 (mod 1) from the column edges.
    const double shifted = px - (0.5 - penWidth / 2);
    const double whole = std::floor(shifted);
    const double cut = penWidth - std::floor(penWidth); // where the second bucket of a column starts
    return int(whole) * 2 + (cut > 0 && shifted - whole >= cut ? 1 : 0);
}

namespace Decimator {

namespace {

// NaN is a gap; an infinite value cannot be drawn either, so it breaks the line the same way.
bool isGap(double value)
{
    return !std::isfinite(value);
}

QPointF pointAt(std::span<const double> values, qint64 startMs, qint64 stepMs, qsizetype i)
{
    return QPointF(double(startMs + qint64(i) * stepMs), values[size_t(i)]);
}

// The smallest and largest value of [begin, end) (not empty), and whether a NaN is among them; an
// infinity shows as an extreme. M4 spends most of its time here and in the searches below: they run
// two values to an instruction where the processor has SSE2 (every x86-64), whose min and max keep
// the accumulator when the value is NaN, as the comparisons of the plain loop do.
struct Extremes
{
    double low;
    double high;
    bool nan;
};

Extremes extremes(const double *begin, const double *end)
{
    double low = *begin, high = *begin;
    bool nan = std::isnan(*begin);
    const double *p = begin + 1;
#if defined(__SSE2__)
    if (end - p >= 8) {
        __m128d low0 = _mm_set1_pd(low), low1 = low0, high0 = low0, high1 = low0;
        __m128d nan0 = _mm_setzero_pd(), nan1 = nan0;
        for (; end - p >= 4; p += 4) {
            const __m128d a = _mm_loadu_pd(p), b = _mm_loadu_pd(p + 2);
            low0 = _mm_min_pd(a, low0);
            low1 = _mm_min_pd(b, low1);
            high0 = _mm_max_pd(a, high0);
            high1 = _mm_max_pd(b, high1);
            nan0 = _mm_or_pd(nan0, _mm_cmpunord_pd(a, a));
            nan1 = _mm_or_pd(nan1, _mm_cmpunord_pd(b, b));
        }
        alignas(16) double lows[2], highs[2];
        _mm_store_pd(lows, _mm_min_pd(low0, low1));
        _mm_store_pd(highs, _mm_max_pd(high0, high1));
        low = std::min(lows[0], lows[1]);
        high = std::max(highs[0], highs[1]);
        nan = nan || _mm_movemask_pd(_mm_or_pd(nan0, nan1)) != 0;
    }
#endif
    for (; p < end; ++p) {
        const double v = *p;
        low = v < low ? v : low;
        high = v > high ? v : high;
        nan = nan || std::isnan(v);
    }
    return Extremes { low, high, nan };
}

// The first of [begin, end) equal to value (a number), or end.
const double *findFirst(const double *begin, const double *end, double value)
{
    const double *p = begin;
#if defined(__SSE2__)
    const __m128d wanted = _mm_set1_pd(value);
    for (; end - p >= 4; p += 4) {
        const int mask = _mm_movemask_pd(_mm_cmpeq_pd(_mm_loadu_pd(p), wanted))
            | _mm_movemask_pd(_mm_cmpeq_pd(_mm_loadu_pd(p + 2), wanted)) << 2;
        if (mask != 0)
            return p + std::countr_zero(unsigned(mask));
    }
#endif
    for (; p < end; ++p)
        if (*p == value)
            return p;
    return end;
}

// The last of [begin, end) equal to value (a number), or end.
const double *findLast(const double *begin, const double *end, double value)
{
    const double *p = end;
#if defined(__SSE2__)
    const __m128d wanted = _mm_set1_pd(value);
    for (; p - begin >= 4; p -= 4) {
        const int mask = _mm_movemask_pd(_mm_cmpeq_pd(_mm_loadu_pd(p - 4), wanted))
            | _mm_movemask_pd(_mm_cmpeq_pd(_mm_loadu_pd(p - 2), wanted)) << 2;
        if (mask != 0)
            return p - 4 + (31 - std::countl_zero(unsigned(mask)));
    }
#endif
    while (p > begin)
        if (*--p == value)
            return p;
    return end;
}

} // namespace

std::vector<Run> runs(std::span<const double> values, qint64 startMs, qint64 stepMs)
{
    std::vector<Run> result;
    Run run;
    for (size_t i = 0; i < values.size(); ++i) {
        if (isGap(values[i])) {
            if (!run.isEmpty())
                result.push_back(std::exchange(run, {}));
            continue;
        }
        run.append(pointAt(values, startMs, stepMs, qsizetype(i)));
    }
    if (!run.isEmpty())
        result.push_back(std::move(run));
    return result;
}

std::vector<Run> m4(
    std::span<const double> values, qint64 startMs, qint64 stepMs, const PixelColumns &columns)
{
    std::vector<Run> result;
    Run run;
    const qsizetype count = qsizetype(values.size());
    const double *data = values.data();
    auto bucketAt = [&](qsizetype i) { return columns.bucketOf(double(startMs + qint64(i) * stepMs)); };

    // The buckets are runs of consecutive indices: find where the current one ends from its right
    // edge, then settle the estimate with the exact placement (floating point may be a sample off).
    const double span = columns.xMax - columns.xMin;
    const double pxPerMs = span > 0 ? columns.width / span : 0;
    const double offset = 0.5 - columns.penWidth / 2;
    const double cut = columns.penWidth - std::floor(columns.penWidth);
    const double leftmost = columns.left - reach(columns);
    const double rightmost = columns.left + columns.width + reach(columns);
    auto bucketEnd = [&](qsizetype i, int bucket) {
        if (pxPerMs <= 0)
            return count;
        const double x = double(startMs + qint64(i) * stepMs);
        const double px = std::max(columns.left + (x - columns.xMin) * pxPerMs, leftmost);
        const double shifted = px - offset;
        const double whole = std::floor(shifted);
        const double edge = (cut > 0 && shifted - whole < cut ? whole + cut : whole + 1) + offset;
        if (edge > rightmost)
            return count; // the last bucket takes everything to the right
        const double edgeMs = columns.xMin + (edge - columns.left) / pxPerMs;
        qsizetype end = std::clamp<qsizetype>(
            qsizetype(std::ceil((edgeMs - double(startMs)) / double(stepMs))), i + 1, count);
        while (end > i + 1 && bucketAt(end - 1) != bucket)
            --end;
        while (end < count && bucketAt(end) == bucket)
            ++end;
        return end;
    };

    auto endRun = [&] {
        if (!run.isEmpty())
            result.push_back(std::exchange(run, {}));
    };

    qsizetype i = 0;
    while (i < count) {
        if (isGap(data[i])) {
            endRun();
            ++i;
            continue;
        }
        const int bucket = bucketAt(i);
        const qsizetype end = bucketEnd(i, bucket);

        // The points of this bucket up to a gap: the first, the last, and the first and last at the
        // minimum and at the maximum (a plateau's ends, so that a step keeps its corner). First the
        // extremes, and whether a gap cuts the bucket short; then where the extremes are (the bucket
        // is in the cache by then).
        qsizetype j = end;
        Extremes found = extremes(data + i, data + end);
        if (found.nan || std::isinf(found.low) || std::isinf(found.high)) {
            j = std::find_if(data + i + 1, data + end, isGap) - data;
            found = extremes(data + i, data + j);
        }
        const double *rangeEnd = data + j;
        const qsizetype minFirst = findFirst(data + i, rangeEnd, found.low) - data;
        const qsizetype maxFirst = findFirst(data + i, rangeEnd, found.high) - data;
        const qsizetype minLast = findLast(data + i, rangeEnd, found.low) - data;
        const qsizetype maxLast = findLast(data + i, rangeEnd, found.high) - data;
        std::array<qsizetype, 6> kept = { i, minFirst, minLast, maxFirst, maxLast, j - 1 };
        std::sort(kept.begin(), kept.end());
        qsizetype previous = -1;
        for (qsizetype index : kept) {
            if (index != previous)
                run.append(pointAt(values, startMs, stepMs, index));
            previous = index;
        }
        i = j; // the bucket's end, or the gap that cut it short
    }
    endRun();
    return result;
}

} // namespace Decimator
