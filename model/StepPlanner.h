#pragma once

#include "QueryResult.h"

#include <vector>

// How a client asks Prometheus for a range (design.md, "Prometheus API rules a client must keep"):
// a step no finer than the scrape interval or a pixel, rounded to a nice step, the range aligned to
// it so that repeated requests ask for the same timestamps, and at most 11,000 points a request.
// Pure functions: no state, no Qt objects.
namespace StepPlanner {

// Prometheus answers 400 bad_data beyond this many points per series.
constexpr int maxPointsPerQuery = 11000;

// The nice steps, ascending, in ms: 1s, 5s, 10s, 15s, 30s, 1m, 2m, 5m, 10m, 15m, 30m, 1h, 2h, 6h, 12h, 1d.
const std::vector<qint64> &niceSteps();
// The smallest nice step not below ms; beyond a day, whole days.
qint64 roundUpToNiceStep(qint64 ms);
// max(scrape interval, range / min(pixel width, 11000)), rounded up to a nice step. A pixel width
// below 1 counts as 1; a scrape interval of 0 or less is ignored.
qint64 chooseStep(qint64 rangeMs, int pixelWidth, qint64 scrapeIntervalMs);

qint64 alignDown(qint64 ms, qint64 stepMs);
qint64 alignUp(qint64 ms, qint64 stepMs);

// The request for [startMs, endMs) drawn pixelWidth pixels wide: start aligned down, end aligned up
// to the chosen step, so that the grid is a multiple of the step.
QueryRequest plan(
    const QString &queryId, qint64 startMs, qint64 endMs, int pixelWidth, qint64 scrapeIntervalMs);

// Splits a range request into consecutive requests of at most maxPoints grid points each, which
// together cover the same grid. An instant request, or one within the limit, comes back as it is.
std::vector<QueryRequest> split(const QueryRequest &request, int maxPoints = maxPointsPerQuery);

} // namespace StepPlanner
