#include "StepPlanner.h"

#include <algorithm>

namespace StepPlanner {

namespace {
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
} // namespace

const std::vector<qint64> &niceSteps()
{
    static const std::vector<qint64> steps { second, 5 * second, 10 * second, 15 * second, 30 * second,
        minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute, hour, 2 * hour, 6 * hour,
        12 * hour, day };
    return steps;
}

qint64 roundUpToNiceStep(qint64 ms)
{
    const std::vector<qint64> &steps = niceSteps();
    const auto it = std::lower_bound(steps.begin(), steps.end(), ms);
    if (it != steps.end())
        return *it;
    return (ms + day - 1) / day * day;
}

qint64 chooseStep(qint64 rangeMs, int pixelWidth, qint64 scrapeIntervalMs)
{
    const qint64 points = std::clamp(pixelWidth, 1, maxPointsPerQuery);
    const qint64 perPoint = rangeMs > 0 ? (rangeMs + points - 1) / points : 0;
    return roundUpToNiceStep(std::max(perPoint, scrapeIntervalMs));
}

qint64 alignDown(qint64 ms, qint64 stepMs)
{
    // Floor division, so that timestamps before the epoch align down too.
    const qint64 remainder = ms % stepMs;
    return remainder < 0 ? ms - remainder - stepMs : ms - remainder;
}

qint64 alignUp(qint64 ms, qint64 stepMs)
{
    const qint64 down = alignDown(ms, stepMs);
    return down == ms ? ms : down + stepMs;
}

QueryRequest plan(
    const QString &queryId, qint64 startMs, qint64 endMs, int pixelWidth, qint64 scrapeIntervalMs)
{
    const qint64 step = chooseStep(endMs - startMs, pixelWidth, scrapeIntervalMs);
    return QueryRequest { queryId, alignDown(startMs, step), alignUp(endMs, step), step };
}

std::vector<QueryRequest> split(const QueryRequest &request, int maxPoints)
{
    if (request.isInstant() || request.pointCount() <= maxPoints || maxPoints < 1)
        return { request };
    std::vector<QueryRequest> pieces;
    const qint64 span = qint64(maxPoints) * request.stepMs;
    for (qint64 start = request.startMs; start < request.endMs; start += span)
        pieces.push_back(
            QueryRequest { request.queryId, start, std::min(start + span, request.endMs), request.stepMs });
    return pieces;
}

} // namespace StepPlanner
