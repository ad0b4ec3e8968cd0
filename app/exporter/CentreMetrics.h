#pragma once

#include <QtGlobal>

#include <prometheus/metric_family.h>
#include <string>
#include <vector>

class Simulation;

struct CentreMetricsOptions
{
    // Older dcgm-exporter releases name the host label "Hostname"; newer ones "hostname".
    bool oldHostnameLabel = false;
};

// The simulated centre at one instant, as the real exporters would show it: dcgm-exporter's per-GPU
// series and a Slurm exporter's (vpenso style) queue, node, GPU and account series, with its per-node
// state series. One call per scrape or per history step; every call builds its families afresh, so
// nodes that are down or not yet commissioned are simply absent from dcgm's series, as they are from a
// real dcgm-exporter (Slurm still lists a node that is down, as down).
class CentreMetrics
{
public:
    explicit CentreMetrics(Simulation &simulation, const CentreMetricsOptions &options = {});

    // Every family, with the simulation's state at ms (milliseconds since the epoch, UTC).
    std::vector<prometheus::MetricFamily> collect(qint64 ms) const;

    // Name of the gauge that carries the simulated instant a scrape shows, in Unix seconds: a scrape's
    // wall-clock timestamp and the instant it shows differ when the exporter runs with --at or --speed.
    static const char *simulatedTimeMetric();

    // Nodes of the centre over its whole roadmap, commissioned or not.
    size_t nodeCount() const { return m_gpuLabels.size() / size_t(m_gpusPerNode); }

private:
    struct GpuLabels
    {
        std::vector<prometheus::ClientMetric::Label> labels;
    };

    Simulation &m_simulation;
    CentreMetricsOptions m_options;
    // Fixed labels per node and GPU (index: node * gpusPerNode + gpu), built once.
    std::vector<GpuLabels> m_gpuLabels;
    std::vector<std::string> m_hostnames; // by node index
    std::vector<std::string> m_partitionNames;
    std::vector<std::string> m_accountNames;
    int m_gpusPerNode = 8;
};
