#pragma once

#include "GpuPeakTable.h"
#include "QueryResult.h"
#include "Roadmap.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

// Where installed capacity stands on the roadmap: the first milestone it has not reached yet, or none.
// Figures are in the roadmap's precision (Roadmap::precision()).
struct CapacityProgress
{
    enum class State {
        NoData, // no installed figure yet
        Towards, // below the next milestone
        AllReached, // at or above every milestone
    };
    State state = State::NoData;
    double installedPflops = qQNaN();
    qint64 atMs = 0; // when the installed figure was measured
    std::optional<RoadmapMilestone> next; // the first milestone not reached (Towards only)
    int percentOfNext = 0; // installed / next, rounded down so that 100% means reached
    bool overdue = false; // next's date is before atMs's day
};

// The Capacity page's logic without its widgets: roadmap progress and the sentences that say it, the
// span of the roadmap chart, and which query ids carry each precision.
class CapacitySummary
{
    Q_DECLARE_TR_FUNCTIONS(CapacitySummary)
public:
    static CapacityProgress progress(const Roadmap &roadmap, double installedPflops, qint64 atMs);

    // "Installed 2,970 of 3,000 PFLOPS, 99% of the next milestone (31 Dec 2025)", or
    // "3,032 PFLOPS installed: every roadmap milestone reached".
    static QString headline(const CapacityProgress &progress, const QLocale &locale = QLocale());
    // "Delivering 1,750 of 3,032 PFLOPS (57.7%)": delivered (tensor-pipe activity × peak) against
    // installed. NaN values: waiting for data.
    static QString deliveredText(
        double deliveredPflops, double installedPflops, const QLocale &locale = QLocale());

    // The roadmap chart's time axis: from the first of the month two weeks before the first phase starts
    // ramping up to the first of the month at least two weeks after the last milestone or nowMs,
    // whichever is later. Whole UTC days.
    struct Span
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
    };
    static Span chartSpan(const Roadmap &roadmap, qint64 nowMs);
    // What to fetch for the roadmap chart: queryId over the chart span up to nowMs, one point a day
    // (UTC midnights), the latest at or before nowMs.
    static QueryRequest roadmapRequest(const QString &queryId, const Roadmap &roadmap, qint64 nowMs);

    // The catalogue ids of installed and delivered compute at a precision; each precision is cached
    // under its own id.
    static QString installedQueryId(Precision precision);
    static QString deliveredQueryId(Precision precision);
    // "dense FP16/BF16", "dense FP8" (translated).
    static QString precisionName(Precision precision);

    // The latest point with a value of the series named name (or the first series when name is empty):
    // its value and time; NaN and 0 when there is none.
    static std::pair<double, qint64> latest(const QueryResult &result, const QString &name = {});
};
