#pragma once

#include "MetricSource.h"
#include "Simulation.h"

#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>

// The source used when no Prometheus is configured: answers the built-in query ids from the
// in-process simulated centre, on a worker thread.
class DemoSource : public MetricSource
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    // clock gives the simulated "now"; by default the wall clock.
    explicit DemoSource(const SimulationConfig &config = {}, Clock clock = {}, QObject *parent = nullptr);
    ~DemoSource() override;

    QString displayName() const override;
    bool isSimulated() const override { return true; }
    qint64 nowMs() const override;
    void fetch(quint64 requestId, const QueryRequest &request) override;
    void cancel(quint64 requestId) override;
    // Alerts as the centre's alerting rules would raise them: nodes down, GPUs with XID errors in
    // the last day, a long queue. Targets: each online node's dcgm-exporter and the Slurm exporter.
    void fetchAlerts(quint64 requestId) override;
    void fetchTargets(quint64 requestId) override;

    static std::vector<PrometheusAlert> alertsAt(Simulation &simulation, qint64 ms);
    static std::vector<PrometheusTarget> targetsAt(Simulation &simulation, qint64 ms);

    Simulation &simulation() { return *m_simulation; }

private:
    std::shared_ptr<Simulation> m_simulation;
    Clock m_clock;
    QSet<quint64> m_cancelled;
    // Not the global pool: Qt's raster paint engine uses that one, and a long simulation there
    // would stall painting on the GUI thread.
    QThreadPool m_pool;
    QSet<quint64> m_inFlight; // requests fetched and not yet answered
};
