#include "CapacitySummary.h"

#include "UnitFormatter.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
const QString kPflops = QStringLiteral("PFLOPS");

qint64 midnightUtc(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

// Rounded down to the decimals UnitFormatter shows, so that a figure short of its target never reads
// as the target ("299.9" shows as 299, not 300).
double floorAsShown(double pflops)
{
    const double scale = pflops >= 100 ? 1 : (pflops >= 10 ? 10 : 100);
    return std::floor(pflops * scale) / scale;
}

} // namespace

CapacityProgress CapacitySummary::progress(const Roadmap &roadmap, double installedPflops, qint64 atMs)
{
    CapacityProgress progress;
    progress.installedPflops = installedPflops;
    progress.atMs = atMs;
    if (std::isnan(installedPflops) || roadmap.milestones().empty())
        return progress;
    // Reached by capacity, not by date: a milestone whose date has passed without its capacity is still
    // the one to aim at (and is overdue).
    const std::vector<RoadmapMilestone> &milestones = roadmap.milestones();
    const auto next = std::find_if(milestones.begin(), milestones.end(),
        [&](const RoadmapMilestone &milestone) { return installedPflops < milestone.pflops; });
    if (next == milestones.end()) {
        progress.state = CapacityProgress::State::AllReached;
        return progress;
    }
    progress.state = CapacityProgress::State::Towards;
    progress.next = *next;
    progress.percentOfNext = int(std::floor(100.0 * std::max(0.0, installedPflops) / next->pflops));
    progress.overdue = next->date < dayOf(atMs);
    return progress;
}

QString CapacitySummary::headline(const CapacityProgress &progress, const QLocale &locale)
{
    switch (progress.state) {
    case CapacityProgress::State::NoData:
        return tr("Installed capacity: waiting for data…");
    case CapacityProgress::State::AllReached:
        //: Capacity page headline once installed capacity is at or above the last milestone, e.g.
        //: "3,032 PFLOPS installed: every roadmap milestone reached"
        return tr("%1 installed: every roadmap milestone reached")
            .arg(UnitFormatter::format(progress.installedPflops, kPflops, locale));
    case CapacityProgress::State::Towards:
        break;
    }
    //: Date format of a roadmap milestone (QDate::toString syntax)
    const QString date = locale.toString(progress.next->date, tr("d MMM yyyy"));
    const QString installed
        = UnitFormatter::formatValue(floorAsShown(std::max(0.0, progress.installedPflops)), kPflops, locale);
    const QString target = UnitFormatter::format(progress.next->pflops, kPflops, locale);
    const QString percent = locale.toString(progress.percentOfNext);
    if (progress.overdue)
        //: e.g. "Installed 2,800 of 3,000 PFLOPS, 93% of the milestone due 31 Dec 2025"
        return tr("Installed %1 of %2, %3% of the milestone due %4").arg(installed, target, percent, date);
    //: e.g. "Installed 1,000 of 1,300 PFLOPS, 76% of the next milestone (31 Dec 2024)"
    return tr("Installed %1 of %2, %3% of the next milestone (%4)").arg(installed, target, percent, date);
}

QString CapacitySummary::deliveredText(double deliveredPflops, double installedPflops, const QLocale &locale)
{
    if (std::isnan(deliveredPflops) || std::isnan(installedPflops) || installedPflops <= 0)
        return tr("Delivered compute: waiting for data…");
    const double percent = 100.0 * deliveredPflops / installedPflops;
    //: e.g. "Delivering 1,750 of 3,032 PFLOPS (57.7%)"
    return tr("Delivering %1 of %2 (%3)")
        .arg(UnitFormatter::formatValue(deliveredPflops, kPflops, locale),
            UnitFormatter::format(installedPflops, kPflops, locale),
            UnitFormatter::format(percent, QStringLiteral("%"), locale));
}

CapacitySummary::Span CapacitySummary::chartSpan(const Roadmap &roadmap, qint64 nowMs)
{
    const QDate today = dayOf(nowMs);
    if (roadmap.milestones().empty()) {
        const QDate start = today.addMonths(-12);
        return { midnightUtc(QDate(start.year(), start.month(), 1)),
            midnightUtc(QDate(today.year(), today.month(), 1).addMonths(1)) };
    }
    const RoadmapMilestone &first = roadmap.milestones().front();
    const QDate rampStart = first.date.addDays(-qint64(std::max(0, first.rampDays)) - 14);
    const QDate last = std::max(roadmap.milestones().back().date, today).addDays(14);
    return { midnightUtc(QDate(rampStart.year(), rampStart.month(), 1)),
        midnightUtc(QDate(last.year(), last.month(), 1).addMonths(1)) };
}

QueryRequest CapacitySummary::roadmapRequest(const QString &queryId, const Roadmap &roadmap, qint64 nowMs)
{
    const Span span = chartSpan(roadmap, nowMs);
    // Points at the midnights up to now; none past the span.
    const qint64 end = std::clamp(nowMs + 1, span.startMs + 1, span.endMs);
    return QueryRequest { queryId, span.startMs, end, kDayMs };
}

QString CapacitySummary::installedQueryId(Precision precision)
{
    return precision == Precision::DenseFp8 ? QStringLiteral("capacity_installed_pflops_fp8")
                                            : QStringLiteral("capacity_installed_pflops");
}

QString CapacitySummary::deliveredQueryId(Precision precision)
{
    return precision == Precision::DenseFp8 ? QStringLiteral("capacity_delivered_pflops_fp8")
                                            : QStringLiteral("capacity_delivered_pflops");
}

QString CapacitySummary::precisionName(Precision precision)
{
    return precision == Precision::DenseFp8 ? tr("dense FP8") : tr("dense FP16/BF16");
}

std::pair<double, qint64> CapacitySummary::latest(const QueryResult &result, const QString &name)
{
    const Series *series = name.isEmpty() ? (result.series.empty() ? nullptr : &result.series.front())
                                          : result.findSeries(name);
    if (!series)
        return { qQNaN(), 0 };
    for (int i = int(series->values.size()) - 1; i >= 0; --i)
        if (!std::isnan(series->values[size_t(i)]))
            return { series->values[size_t(i)], result.timestampAt(i) };
    return { qQNaN(), 0 };
}
