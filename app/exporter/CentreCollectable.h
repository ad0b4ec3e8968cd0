#pragma once

#include "CentreMetrics.h"

#include <QtGlobal>

#include <functional>
#include <prometheus/collectable.h>

// What a scrape of aisc-exporter returns: the centre at the simulated "now", which is the start instant
// plus the wall-clock time elapsed since, times the speed.
class CentreCollectable : public prometheus::Collectable
{
public:
    using WallClock = std::function<qint64()>; // milliseconds since the epoch

    // startMs: the simulated instant at wallClock()'s first reading; speed: simulated per wall-clock second.
    CentreCollectable(const CentreMetrics &metrics, qint64 startMs, double speed, WallClock wallClock = {});

    qint64 simulatedNow() const;
    std::vector<prometheus::MetricFamily> Collect() const override;

private:
    const CentreMetrics &m_metrics;
    WallClock m_wallClock;
    qint64 m_startMs = 0;
    qint64 m_wallStartMs = 0;
    double m_speed = 1;
};
