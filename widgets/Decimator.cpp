#include "Decimator.h"

#include <algorithm>
#include <array>
#include <cmath>

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
        // minimum and at the maximum (a plateau's ends, so that a step keeps its corner). Two passes
        // without unpredictable branches: the extremes and whether a gap cuts the bucket short, in
        // four independent lanes so that the processor overlaps them; then where the extremes are
        // (the bucket is in the cache by then).
        qsizetype j = end;
        double low0 = data[i], low1 = low0, low2 = low0, low3 = low0;
        double high0 = low0, high1 = low0, high2 = low0, high3 = low0;
        double gap0 = 0, gap1 = 0, gap2 = 0, gap3 = 0; // v - v: 0 for a number, NaN for NaN or infinity
        qsizetype k = i + 1;
        for (; k + 4 <= end; k += 4) {
            const double a = data[k], b = data[k + 1], c = data[k + 2], d = data[k + 3];
            low0 = a < low0 ? a : low0;
            low1 = b < low1 ? b : low1;
            low2 = c < low2 ? c : low2;
            low3 = d < low3 ? d : low3;
            high0 = a > high0 ? a : high0;
            high1 = b > high1 ? b : high1;
            high2 = c > high2 ? c : high2;
            high3 = d > high3 ? d : high3;
            gap0 += a - a;
            gap1 += b - b;
            gap2 += c - c;
            gap3 += d - d;
        }
        for (; k < end; ++k) {
            const double v = data[k];
            low0 = v < low0 ? v : low0;
            high0 = v > high0 ? v : high0;
            gap0 += v - v;
        }
        double minValue = std::min({ low0, low1, low2, low3 });
        double maxValue = std::max({ high0, high1, high2, high3 });
        if (!(gap0 + gap1 + gap2 + gap3 == 0)) {
            j = std::find_if(data + i + 1, data + end, isGap) - data;
            minValue = *std::min_element(data + i, data + j);
            maxValue = *std::max_element(data + i, data + j);
        }
        const double *rangeEnd = data + j;
        const qsizetype minFirst = std::find(data + i, rangeEnd, minValue) - data;
        const qsizetype maxFirst = std::find(data + i, rangeEnd, maxValue) - data;
        const qsizetype minLast = j - 1
            - (std::find(std::reverse_iterator(rangeEnd), std::reverse_iterator(data + i), minValue)
                - std::reverse_iterator(rangeEnd));
        const qsizetype maxLast = j - 1
            - (std::find(std::reverse_iterator(rangeEnd), std::reverse_iterator(data + i), maxValue)
                - std::reverse_iterator(rangeEnd));
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
