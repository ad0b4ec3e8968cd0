#include "TimeAxisTicks.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace {

enum class Unit { Minute, Day, Week, Month, Year };

struct Step
{
    Unit unit;
    int count;
};

// Finest first; hours are multiples of minutes (all divide a day, so ticks fall on the same times
// every day).
constexpr std::array<Step, 26> steps = { {
    { Unit::Minute, 1 },
    { Unit::Minute, 2 },
    { Unit::Minute, 5 },
    { Unit::Minute, 10 },
    { Unit::Minute, 15 },
    { Unit::Minute, 30 },
    { Unit::Minute, 60 },
    { Unit::Minute, 120 },
    { Unit::Minute, 180 },
    { Unit::Minute, 360 },
    { Unit::Minute, 720 },
    { Unit::Day, 1 },
    { Unit::Day, 2 },
    { Unit::Week, 1 },
    { Unit::Week, 2 },
    { Unit::Month, 1 },
    { Unit::Month, 2 },
    { Unit::Month, 3 },
    { Unit::Month, 6 },
    { Unit::Year, 1 },
    { Unit::Year, 2 },
    { Unit::Year, 5 },
    { Unit::Year, 10 },
    { Unit::Year, 20 },
    { Unit::Year, 50 },
    { Unit::Year, 100 },
} };

constexpr qint64 minuteMs = 60LL * 1000;
constexpr qint64 dayMs = 24LL * 60 * minuteMs;

// The shortest a step can be (months of 28 days, days of 23 hours across a DST change): used only to
// skip steps that could not possibly fit before generating their ticks.
qint64 shortestMs(Step step)
{
    switch (step.unit) {
    case Unit::Minute:
        return step.count * minuteMs;
    case Unit::Day:
        return step.count * (dayMs - 60 * minuteMs);
    case Unit::Week:
        return step.count * (7 * dayMs - 60 * minuteMs);
    case Unit::Month:
        return qint64(step.count) * 28 * dayMs;
    case Unit::Year:
        return qint64(step.count) * 365 * dayMs;
    }
    return dayMs;
}

// The label formats of a locale: its own time format without seconds, and day and month names in its
// order ("2 Mar" or "Mar 2"; "3月2日" in Chinese).
struct Formats
{
    QString time;
    QString dayMonth;
    QString monthYear;
    QString year;
};

Formats formatsFor(const QLocale &locale)
{
    static const QRegularExpression seconds(QStringLiteral("[:.]ss|[.,]zzz"));
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(seconds);
    switch (locale.language()) {
    case QLocale::Chinese:
    case QLocale::Japanese:
        return { time, QStringLiteral("M月d日"), QStringLiteral("yyyy年M月"), QStringLiteral("yyyy年") };
    case QLocale::Korean:
        return { time, QStringLiteral("M월 d일"), QStringLiteral("yyyy년 M월"), QStringLiteral("yyyy년") };
    default:
        break;
    }
    const QString shortDate = locale.dateFormat(QLocale::ShortFormat);
    const bool dayFirst = shortDate.indexOf(QLatin1Char('d')) < shortDate.indexOf(QLatin1Char('M'));
    return { time, dayFirst ? QStringLiteral("d MMM") : QStringLiteral("MMM d"), QStringLiteral("MMM yyyy"),
        QStringLiteral("yyyy") };
}

// Every tick of a step in [startMs, endMs], on round local times.
QList<TimeTick> generate(
    Step step, qint64 startMs, qint64 endMs, const QLocale &locale, const Formats &formats)
{
    QList<TimeTick> ticks;
    auto add = [&](const QDateTime &at, const QString &format) {
        const qint64 ms = at.toMSecsSinceEpoch();
        // Across a DST change two wall-clock times may name one instant: keep the first.
        if (at.isValid() && ms >= startMs && ms <= endMs && (ticks.isEmpty() || ms > ticks.back().ms))
            ticks.append(TimeTick { ms, locale.toString(at, format) });
        return ms <= endMs;
    };

    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs);
    QDate date = start.date();
    switch (step.unit) {
    case Unit::Minute: {
        // A tick at midnight names the day instead of the time.
        int minute = (start.time().msecsSinceStartOfDay() / int(minuteMs)) / step.count * step.count;
        for (;;) {
            if (minute >= 24 * 60) {
                date = date.addDays(1);
                minute = 0;
            }
            const QDateTime at(date, QTime(minute / 60, minute % 60));
            if (!add(at, minute == 0 ? formats.dayMonth : formats.time))
                break;
            minute += step.count;
        }
        break;
    }
    case Unit::Day:
        if (date.toJulianDay() % step.count != 0)
            date = date.addDays(-(date.toJulianDay() % step.count));
        while (add(date.startOfDay(), formats.dayMonth))
            date = date.addDays(step.count);
        break;
    case Unit::Week: {
        date = date.addDays(-((date.dayOfWeek() - int(locale.firstDayOfWeek()) + 7) % 7));
        if ((date.toJulianDay() / 7) % step.count != 0)
            date = date.addDays(-7);
        while (add(date.startOfDay(), formats.dayMonth))
            date = date.addDays(7 * qint64(step.count));
        break;
    }
    case Unit::Month:
        date = QDate(date.year(), (date.month() - 1) / step.count * step.count + 1, 1);
        while (add(date.startOfDay(), formats.monthYear))
            date = date.addMonths(step.count);
        break;
    case Unit::Year:
        date = QDate(date.year() / step.count * step.count, 1, 1);
        while (add(date.startOfDay(), formats.year))
            date = date.addYears(step.count);
        break;
    }
    return ticks;
}

} // namespace

namespace TimeAxisTicks {

double minimumGap(const QFontMetricsF &metrics)
{
    // Two lines' height: labels far enough apart to read as separate, the grid not too busy.
    return 2 * metrics.height();
}

QList<TimeTick> choose(
    qint64 startMs, qint64 endMs, double widthPx, const QFontMetricsF &metrics, const QLocale &locale)
{
    const qint64 span = endMs - startMs;
    if (span <= 0 || widthPx <= 0)
        return {};
    const Formats formats = formatsFor(locale);
    const double gap = minimumGap(metrics);
    auto pixelOf = [&](qint64 ms) { return double(ms - startMs) / double(span) * widthPx; };

    for (const Step step : steps) {
        if (double(span) / double(shortestMs(step)) > widthPx / gap)
            continue; // could not fit however short the labels
        const QList<TimeTick> ticks = generate(step, startMs, endMs, locale, formats);
        std::vector<double> widths;
        widths.reserve(size_t(ticks.size()));
        for (const TimeTick &tick : ticks)
            widths.push_back(metrics.horizontalAdvance(tick.label));

        bool fits = true;
        for (qsizetype i = 1; i < ticks.size() && fits; ++i) {
            const double room = pixelOf(ticks[i].ms) - pixelOf(ticks[i - 1].ms);
            fits = room >= (widths[size_t(i - 1)] + widths[size_t(i)]) / 2 + gap;
        }
        if (!fits)
            continue;

        // Labels are centred on their ticks: drop those that would reach past either end.
        QList<TimeTick> inside;
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            const double x = pixelOf(ticks[i].ms);
            const double half = widths[size_t(i)] / 2;
            if (x - half >= 0 && x + half <= widthPx)
                inside.append(ticks[i]);
        }
        return inside;
    }
    return {};
}

} // namespace TimeAxisTicks
