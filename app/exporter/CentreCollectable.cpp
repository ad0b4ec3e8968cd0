#include "CentreCollectable.h"

#include <QDateTime>

#include <cmath>

CentreCollectable::CentreCollectable(
    const CentreMetrics &metrics, qint64 startMs, double speed, WallClock wallClock)
    : m_metrics(metrics)
    , m_wallClock(
          wallClock ? std::move(wallClock) : WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_startMs(startMs)
    , m_speed(speed)
{
    m_wallStartMs = m_wallClock();
}

qint64 CentreCollectable::simulatedNow() const
{
    return m_startMs + qint64(std::llround(double(m_wallClock() - m_wallStartMs) * m_speed));
}

std::vector<prometheus::MetricFamily> CentreCollectable::Collect() const
{
    return m_metrics.collect(simulatedNow());
}
