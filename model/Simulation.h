#pragma once

#include "QueryResult.h"
#include "Roadmap.h"

#include <QString>

#include <memory>
#include <vector>

// Parameters of the simulated centre. Deterministic: the same config gives the same centre.
struct SimulationConfig
{
    quint64 seed = 1;
    // Capacity plan; nodes come online along it. Defaults to the shipped roadmap.
    Roadmap roadmap = Roadmap::builtIn();
    // Size of the centre: when positive, every milestone is scaled so that the last one has about this
    // many GPUs (rounded up to whole nodes); 0 keeps the roadmap's own size. Used to run small centres
    // (tests, demos) with the same make-up, dates and load as the real one.
    int targetGpus = 0;
};

struct SimulatedPartition
{
    QString name;
    double shareOfNodes = 0; // fraction of nodes assigned to it
};

// A node of the simulated centre, fixed for its whole life.
struct SimulatedNode
{
    QString hostname; // e.g. "aisc-gpu-0001"
    QString partition; // e.g. "batch"
    QString gpuModel; // dcgm modelName
    int gpuCount = 8;
    qint64 onlineMs = 0; // when the node is commissioned
};

// Cumulative job accounting at an instant: arrived == pending + running + finished always holds.
struct JobCounters
{
    qint64 arrived = 0;
    qint64 pending = 0;
    qint64 running = 0;
    qint64 finished = 0;
};

// State of one GPU at an instant, as an exporter would report it.
struct SimulatedGpuState
{
    int node = 0; // index into nodes()
    int gpu = 0; // 0..gpuCount-1
    bool up = true;
    double utilisation = 0; // %
    double tensorActive = 0; // 0..1
    double powerW = 0;
    double temperatureC = 0;
    double framebufferUsedMiB = 0;
    int lastXid = 0; // 0 when none
    QString account; // running job's account, empty when idle
};

// One XID error as dcgm reports it (DCGM_FI_DEV_XID_ERRORS).
struct SimulatedXid
{
    qint64 ms = 0;
    int node = 0; // index into nodes()
    int gpu = 0;
    int code = 0;
};

// The waits (submit to start) of the jobs of one partition that started up to an instant, as the
// slurm_job_wait_seconds histogram of aisc-exporter exposes them: cumulative counts per upper bound of
// Simulation::jobWaitBucketBounds() (the +Inf bucket is count).
struct JobWaitHistogram
{
    QString partition;
    std::vector<quint64> cumulativeCounts;
    quint64 count = 0;
    double sumSeconds = 0;
};

// The simulated centre: one deterministic core behind the demo source and aisc-exporter.
// Thread-safe: evaluate() may be called from several threads at once.
class Simulation
{
public:
    explicit Simulation(const SimulationConfig &config = {});
    ~Simulation();
    Simulation(const Simulation &) = delete;
    Simulation &operator=(const Simulation &) = delete;

    const SimulationConfig &config() const;
    const std::vector<SimulatedNode> &nodes() const;
    const std::vector<SimulatedPartition> &partitions() const;
    // Names of the accounts that submit jobs (AI Subsidy Scheme projects among them).
    QStringList accounts() const;

    // Answers one built-in query id (QueryCatalogue::builtInIds()) on the request's grid.
    // An unknown id yields a result with no series.
    QueryResult evaluate(const QueryRequest &request);

    JobCounters jobCountersAt(qint64 ms);
    // GPUs allocated to jobs at ms; never more than installedGpusAt(ms) minus those down.
    int allocatedGpusAt(qint64 ms);
    int installedGpusAt(qint64 ms) const;
    std::vector<SimulatedGpuState> gpuStatesAt(qint64 ms);
    // GPUs of online nodes that are down (failed, under repair) at ms.
    int downGpusAt(qint64 ms);
    // XID errors raised in [fromMs, toMs), oldest first. Every node failure is preceded by an XID 79 or 74.
    std::vector<SimulatedXid> xidEventsBetween(qint64 fromMs, qint64 toMs);
    // GPU-seconds used per account up to ms, in the order of accounts() (slurm_account_gpu_seconds_total).
    std::vector<double> accountGpuSecondsAt(qint64 ms);
    // Queue waits of the jobs started up to ms, per partition in the order of partitions().
    std::vector<JobWaitHistogram> jobWaitHistogramsAt(qint64 ms);
    // Finite upper bounds of the wait histogram's buckets, in seconds, ascending.
    static const std::vector<double> &jobWaitBucketBounds();
    // The q-quantile of a histogram as PromQL's histogram_quantile() computes it. cumulativeCounts holds
    // one count per upper bound and then the +Inf bucket's (the total).
    static double histogramQuantile(
        double q, const std::vector<double> &upperBounds, const std::vector<double> &cumulativeCounts);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
