#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QFontMetricsF;

// One labelled tick of a time axis.
struct TimeTick
{
    qint64 ms = 0; // since the epoch, UTC
    QString label;

    friend bool operator==(const TimeTick &, const TimeTick &) = default;
};

// Chooses the ticks of a time axis: round local times (every 10 min, 2 h, day, Monday, month, year,
// ...), the finest step whose labels fit the width side by side with room between them, each label
// centred on its tick and none reaching past either end of the axis. Labels are local times
// ("14:00", the date at midnight), days ("2 Mar"), months ("Mar 2026") or years, in the locale's
// words and order. Pure: the same input gives the same ticks.
namespace TimeAxisTicks {

QList<TimeTick> choose(qint64 startMs, qint64 endMs, double widthPx, const QFontMetricsF &metrics,
    const QLocale &locale = QLocale());

// The least free space between two neighbouring labels, in pixels.
double minimumGap(const QFontMetricsF &metrics);

} // namespace TimeAxisTicks
