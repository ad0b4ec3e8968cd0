#include "CentreMetrics.h"

#include "Simulation.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

// splitmix64's finaliser: GPU UUIDs are a pure function of seed, node and GPU.
constexpr quint64 mix(quint64 z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// In the form NVML reports: GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
std::string gpuUuid(quint64 seed, int node, int gpu)
{
    const quint64 a = mix(seed ^ mix(0x5555'0000ULL + quint64(node) * 64 + quint64(gpu)));
    const quint64 b = mix(a);
    std::array<char, 48> text {};
    std::snprintf(text.data(), text.size(), "GPU-%08x-%04x-%04x-%04x-%012llx", unsigned(a >> 32),
        unsigned((a >> 16) & 0xffff), unsigned(a & 0xffff), unsigned(b >> 48),
        static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return std::string(text.data());
}

MetricFamily family(const char *name, const char *help, MetricType type = MetricType::Gauge)
{
    MetricFamily f;
    f.name = name;
    f.help = help;
    f.type = type;
    return f;
}

void addGauge(MetricFamily &f, std::vector<ClientMetric::Label> labels, double value)
{
    ClientMetric metric;
    metric.label = std::move(labels);
    metric.gauge.value = value;
    f.metric.push_back(std::move(metric));
}

void addGauge(MetricFamily &f, double value)
{
    addGauge(f, {}, value);
}

// CPUs of a simulated node: two 56-core CPUs, as in an HGX H100 server.
constexpr double kCpusPerNode = 112;

} // namespace

CentreMetrics::CentreMetrics(Simulation &simulation, const CentreMetricsOptions &options)
    : m_simulation(simulation)
    , m_options(options)
{
    const std::vector<SimulatedNode> &nodes = simulation.nodes();
    m_gpusPerNode = nodes.empty() ? 8 : nodes.front().gpuCount;
    const std::string hostLabel = options.oldHostnameLabel ? "Hostname" : "hostname";
    m_gpuLabels.resize(nodes.size() * size_t(m_gpusPerNode));
    for (size_t n = 0; n < nodes.size(); ++n) {
        const SimulatedNode &node = nodes[n];
        m_hostnames.push_back(node.hostname.toStdString());
        for (int g = 0; g < m_gpusPerNode; ++g) {
            // Sorted by name, as the text format is usually read.
            m_gpuLabels[n * size_t(m_gpusPerNode) + size_t(g)].labels = {
                { hostLabel, node.hostname.toStdString() },
                { "UUID", gpuUuid(simulation.config().seed, int(n), g) },
                { "gpu", std::to_string(g) },
                { "modelName", node.gpuModel.toStdString() },
                { "partition", node.partition.toStdString() },
            };
        }
    }
    for (const SimulatedPartition &partition : simulation.partitions())
        m_partitionNames.push_back(partition.name.toStdString());
    const QStringList accounts = simulation.accounts();
    for (const QString &account : accounts)
        m_accountNames.push_back(account.toStdString());
}

const char *CentreMetrics::simulatedTimeMetric()
{
    return "aisc_exporter_simulated_time_seconds";
}

std::vector<MetricFamily> CentreMetrics::collect(qint64 ms) const
{
    const std::vector<SimulatedGpuState> gpus = m_simulation.gpuStatesAt(ms);
    const std::vector<SimulatedNode> &nodes = m_simulation.nodes();

    // dcgm-exporter: one series per GPU of every node that is up. Names and help as dcgm's defaults.
    std::array<MetricFamily, 6> dcgm = {
        family("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %)."),
        family("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "Ratio of cycles the tensor (HMMA) pipe is active."),
        family("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W)."),
        family("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C)."),
        family("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB)."),
        family("DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered."),
    };
    for (MetricFamily &f : dcgm)
        f.metric.reserve(gpus.size());

    const size_t partitionCount = m_partitionNames.size();
    std::vector<double> partitionAllocated(partitionCount, 0), partitionIdle(partitionCount, 0);
    std::map<QString, size_t> partitionIndex;
    for (size_t p = 0; p < partitionCount; ++p)
        partitionIndex.emplace(QString::fromStdString(m_partitionNames[p]), p);
    std::vector<size_t> nodePartition(nodes.size(), 0);
    for (size_t n = 0; n < nodes.size(); ++n)
        nodePartition[n] = partitionIndex[nodes[n].partition];

    // Per node: GPUs reported and GPUs allocated, for Slurm's node states.
    struct NodeCount
    {
        int reported = 0;
        int allocated = 0;
        bool down = false;
    };
    std::vector<NodeCount> nodeCounts(nodes.size());
    double allocated = 0, idle = 0;
    for (const SimulatedGpuState &gpu : gpus) {
        NodeCount &count = nodeCounts[size_t(gpu.node)];
        ++count.reported;
        if (!gpu.up) {
            count.down = true;
            continue;
        }
        const size_t partition = nodePartition[size_t(gpu.node)];
        if (gpu.account.isEmpty()) {
            idle += 1;
            partitionIdle[partition] += 1;
        } else {
            allocated += 1;
            ++count.allocated;
            partitionAllocated[partition] += 1;
        }
        const std::vector<ClientMetric::Label> &labels
            = m_gpuLabels[size_t(gpu.node) * size_t(m_gpusPerNode) + size_t(gpu.gpu)].labels;
        addGauge(dcgm[0], labels, gpu.utilisation);
        addGauge(dcgm[1], labels, gpu.tensorActive);
        addGauge(dcgm[2], labels, gpu.powerW);
        // dcgm reports temperature and framebuffer as integers.
        addGauge(dcgm[3], labels, std::round(gpu.temperatureC));
        addGauge(dcgm[4], labels, std::round(gpu.framebufferUsedMiB));
        addGauge(dcgm[5], labels, gpu.lastXid);
    }

    std::vector<MetricFamily> families(
        std::make_move_iterator(dcgm.begin()), std::make_move_iterator(dcgm.end()));

    // Slurm: queue, per partition and in total.
    const QueryResult pending
        = m_simulation.evaluate(QueryRequest { QStringLiteral("queue_pending_by_partition"), ms, ms, 0 });
    const QueryResult running
        = m_simulation.evaluate(QueryRequest { QStringLiteral("queue_running_by_partition"), ms, ms, 0 });
    MetricFamily partitionPending
        = family("slurm_partition_jobs_pending", "Number of pending jobs in the partition");
    MetricFamily partitionRunning
        = family("slurm_partition_jobs_running", "Number of running jobs in the partition");
    double pendingTotal = 0, runningTotal = 0;
    for (const Series &series : pending.series) {
        pendingTotal += series.values.front();
        addGauge(partitionPending, { { "partition", series.name.toStdString() } }, series.values.front());
    }
    for (const Series &series : running.series) {
        runningTotal += series.values.front();
        addGauge(partitionRunning, { { "partition", series.name.toStdString() } }, series.values.front());
    }
    MetricFamily queuePending = family("slurm_queue_pending", "Pending jobs in queue");
    addGauge(queuePending, pendingTotal);
    MetricFamily queueRunning = family("slurm_queue_running", "Running jobs in the cluster");
    addGauge(queueRunning, runningTotal);

    // Slurm node states: a node is allocated when all its GPUs are, mixed when some are. Per node as
    // vpenso's node collector shows them (sinfo's long state names in the status label; a node that
    // failed is "down*", down and not responding).
    double nodesAlloc = 0, nodesIdle = 0, nodesMix = 0, nodesDown = 0;
    MetricFamily nodeCpuTotal = family("slurm_node_cpu_total", "Total CPUs per node");
    for (size_t n = 0; n < nodeCounts.size(); ++n) {
        const NodeCount &count = nodeCounts[n];
        if (count.reported == 0)
            continue; // not commissioned yet
        const char *status = nullptr;
        if (count.down) {
            nodesDown += 1;
            status = "down*";
        } else if (count.allocated == 0) {
            nodesIdle += 1;
            status = "idle";
        } else if (count.allocated == count.reported) {
            nodesAlloc += 1;
            status = "allocated";
        } else {
            nodesMix += 1;
            status = "mixed";
        }
        addGauge(nodeCpuTotal, { { "node", m_hostnames[n] }, { "status", status } }, kCpusPerNode);
    }
    MetricFamily nodeAlloc = family("slurm_nodes_alloc", "Allocated nodes");
    addGauge(nodeAlloc, nodesAlloc);
    MetricFamily nodeIdle = family("slurm_nodes_idle", "Idle nodes");
    addGauge(nodeIdle, nodesIdle);
    MetricFamily nodeMix = family("slurm_nodes_mix", "Mix nodes");
    addGauge(nodeMix, nodesMix);
    MetricFamily nodeDown = family("slurm_nodes_down", "Down nodes");
    addGauge(nodeDown, nodesDown);
    // The simulated centre drains no node; the series exists because dashboards expect it.
    MetricFamily nodeDrain = family("slurm_nodes_drain", "Drain nodes");
    addGauge(nodeDrain, 0);

    MetricFamily gpusAlloc = family("slurm_gpus_alloc", "Allocated GPUs");
    addGauge(gpusAlloc, allocated);
    MetricFamily gpusIdle = family("slurm_gpus_idle", "Idle GPUs");
    addGauge(gpusIdle, idle);
    MetricFamily gpusTotal = family("slurm_gpus_total", "Total GPUs");
    addGauge(gpusTotal, double(gpus.size()));

    MetricFamily partitionGpusAllocated
        = family("slurm_partition_gpus_allocated", "Allocated GPUs for partition");
    MetricFamily partitionGpusIdle = family("slurm_partition_gpus_idle", "Idle GPUs for partition");
    for (size_t p = 0; p < partitionCount; ++p) {
        addGauge(partitionGpusAllocated, { { "partition", m_partitionNames[p] } }, partitionAllocated[p]);
        addGauge(partitionGpusIdle, { { "partition", m_partitionNames[p] } }, partitionIdle[p]);
    }

    MetricFamily accountSeconds = family("slurm_account_gpu_seconds_total",
        "GPU-seconds allocated to the account's jobs", MetricType::Counter);
    const std::vector<double> seconds = m_simulation.accountGpuSecondsAt(ms);
    for (size_t a = 0; a < seconds.size() && a < m_accountNames.size(); ++a) {
        ClientMetric metric;
        metric.label = { { "account", m_accountNames[a] } };
        metric.counter.value = seconds[a];
        accountSeconds.metric.push_back(std::move(metric));
    }

    // Not in the stock Slurm exporters: a site derives it from its job-completion records. Observed as
    // each job starts, so that histogram_quantile() over its increase gives the waits of recent starts.
    MetricFamily jobWait = family("slurm_job_wait_seconds",
        "Time jobs waited in the queue, from submission to start, observed when they start",
        MetricType::Histogram);
    const std::vector<double> &bounds = Simulation::jobWaitBucketBounds();
    for (const JobWaitHistogram &histogram : m_simulation.jobWaitHistogramsAt(ms)) {
        ClientMetric metric;
        metric.label = { { "partition", histogram.partition.toStdString() } };
        metric.histogram.sample_count = histogram.count;
        metric.histogram.sample_sum = histogram.sumSeconds;
        for (size_t b = 0; b < bounds.size(); ++b)
            metric.histogram.bucket.push_back({ histogram.cumulativeCounts[b], bounds[b] });
        jobWait.metric.push_back(std::move(metric));
    }

    MetricFamily simulatedTime
        = family(simulatedTimeMetric(), "Instant of the simulated centre this scrape shows (Unix seconds)");
    addGauge(simulatedTime, double(ms) / 1000.0);

    for (MetricFamily *f :
        { &queuePending, &queueRunning, &partitionPending, &partitionRunning, &nodeAlloc, &nodeIdle, &nodeMix,
            &nodeDown, &nodeDrain, &gpusAlloc, &gpusIdle, &gpusTotal, &partitionGpusAllocated,
            &partitionGpusIdle, &accountSeconds, &nodeCpuTotal, &jobWait, &simulatedTime })
        families.push_back(std::move(*f));
    return families;
}
