#include "Simulation.h"

#include "GpuPeakTable.h"
#include "NodeState.h"

#include <QDateTime>
#include <QTimeZone>
#include <QtGlobal>
#include <queue>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <numeric>
#include <shared_mutex>
#include <tuple>

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNever = std::numeric_limits<qint64>::max();
constexpr qint64 kHongKongOffsetMs = 8 * kHour; // HKT is UTC+8 all year (no daylight saving)

constexpr qint64 kArrivalBucketMs = 5 * kMinute;
constexpr qint64 kMinRuntimeMs = 2 * kMinute;
constexpr qint64 kMaxRuntimeMs = 72 * kHour; // the longest time limit; bounds every allocation
constexpr qint64 kNoiseBucketMs = 5 * kMinute;
// A head-of-queue job blocked this long gets a reservation: nothing behind it starts until it fits.
constexpr qint64 kReserveAfterMs = 4 * kHour;
// Like Slurm's bf_max_job_test: how deep a scheduling pass looks into the queue.
constexpr int kBackfillDepth = 100;

constexpr double kMinMtbfDays = 45;
constexpr double kMaxMtbfDays = 90;
constexpr qint64 kMinRepairMs = 2 * kHour;
constexpr double kRepairSpread = 12; // repairs take 2 h .. 24 h, log-uniform
constexpr double kXidPerNodePerDay = 0.15;
constexpr qint64 kMaxXidLeadMs = 10 * kMinute; // how long before a failure its XID 79/74 shows

constexpr double kIdlePowerMinW = 60;
constexpr double kIdlePowerSpreadW = 20;
constexpr double kMaxPowerW = 700; // H100 SXM TDP
constexpr double kFramebufferMiB = 81559; // H100 80GB HBM3 as dcgm reports it
constexpr double kUtilNoisePercent = 5; // amplitude of a job's utilisation wobble
constexpr double kTensorNoiseFraction = 0.12;
constexpr int kTopAccounts = 10;
// queue_wait_minutes: quantiles of the waits of the jobs that started in the hour before each point, as
// histogram_quantile() over increase(slurm_job_wait_seconds_bucket[1h]) gives them, in minutes.
constexpr qint64 kWaitWindowMs = kHour;

enum Stream : quint64 {
    StreamArrivals = 1,
    StreamJob,
    StreamFailure,
    StreamXid,
    StreamNoise,
    StreamGpu,
    StreamPrecursor,
};

// Nodes a multi-node job asks for: never more than a third of its partition, one while the partition is
// small (so that the queue cannot hold a job the partition will never fit).
int multiNodeJobNodes(int requested, int installedNodes)
{
    return installedNodes < 6 ? 1 : std::min(requested, installedNodes / 3);
}

// splitmix64's finaliser: a fast, well-mixed hash, so every random draw is a pure function of its key.
constexpr quint64 mix(quint64 z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 hashOf(quint64 seed, quint64 stream, quint64 a, quint64 b = 0)
{
    return mix(mix(mix(seed ^ mix(stream)) ^ a) ^ b);
}

// Uniform in [0, 1).
double unitOf(quint64 h)
{
    return double(h >> 11) * 0x1.0p-53;
}

// Sequential draws for one entity (a job), seeded from a hash of its key.
struct SplitMix
{
    quint64 state;
    quint64 next() { return mix(state += 0x9e3779b97f4a7c15ULL); }
    double uniform() { return unitOf(next()); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
};

int poisson(double mean, double u)
{
    if (mean <= 0)
        return 0;
    if (mean > 50) { // normal approximation; the inverse-CDF walk would be long
        SplitMix rng { quint64(u * 0x1.0p53) };
        return std::max(0, int(std::lround(mean + std::sqrt(mean) * rng.normal())));
    }
    double p = std::exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 1000) {
        ++k;
        p *= mean / k;
        cdf += p;
    }
    return k;
}

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

// Arrival rate factor by Hong Kong local time: busier in working hours and on weekdays; mean 1 over a week.
double rhythm(qint64 ms)
{
    const qint64 local = ms + kHongKongOffsetMs;
    const qint64 dayIndex = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
    const double hour = double(local - dayIndex * kDay) / double(kHour);
    const int weekday = int(((dayIndex + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday; 0 = Monday
    const double daily = 1.0 + 0.5 * std::cos(2.0 * std::numbers::pi * (hour - 15.0) / 24.0);
    const double weekly = weekday < 5 ? 1.1 : (weekday == 5 ? 0.8 : 0.7);
    return daily * weekly;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// --- the centre's fixed make-up -------------------------------------------------------------

struct SizeChoice
{
    int size; // GPUs for single-node partitions, nodes for multi-node ones
    double weight;
};

struct PartitionSpec
{
    const char *name;
    double share; // fraction of nodes
    double offeredLoad; // mean offered GPU load as a fraction of the partition's GPUs
    bool multiNode; // jobs take whole nodes
    std::vector<SizeChoice> sizes;
    double trainingShare; // the rest is inference / development
    double medianRuntimeHours;
    double runtimeSigma;
    double maxRuntimeHours;
};

const std::vector<PartitionSpec> &partitionSpecs()
{
    static const std::vector<PartitionSpec> specs = {
        { "batch", 0.55, 0.88, false, { { 1, 0.10 }, { 2, 0.10 }, { 4, 0.20 }, { 8, 0.60 } }, 0.6, 4.5, 1.0,
            72 },
        { "large", 0.25, 0.80, true, { { 2, 0.40 }, { 4, 0.30 }, { 8, 0.18 }, { 16, 0.09 }, { 32, 0.03 } },
            0.95, 5.0, 0.9, 72 },
        { "subsidy", 0.15, 0.88, false, { { 1, 0.20 }, { 2, 0.20 }, { 4, 0.25 }, { 8, 0.35 } }, 0.7, 4.0, 1.0,
            72 },
        { "interactive", 0.05, 0.60, false, { { 1, 0.50 }, { 2, 0.30 }, { 4, 0.20 } }, 0.15, 3.0, 0.7, 12 },
    };
    return specs;
}

// Bit p stands for partitionSpecs()[p].
enum PartitionMask : unsigned { Batch = 1, Large = 2, Subsidy = 4, Interactive = 8 };

struct AccountSpec
{
    const char *name;
    double weight;
    unsigned partitions;
    int activeFromYear; // AI Subsidy Scheme projects start in their award year; 0 = from the start
};

// Fictional accounts in the style of the centre's users: universities, R&D institutes, companies and
// AI Subsidy Scheme ("aiss-") projects, the scheme's two largest among the centre's top ten users.
const std::vector<AccountSpec> &accountSpecs()
{
    static const std::vector<AccountSpec> specs = {
        { "univ-a-nlp", 9, Batch | Large | Interactive, 0 },
        { "univ-a-vision", 6, Batch | Large | Interactive, 0 },
        { "univ-b-medimg", 5, Batch | Interactive, 0 },
        { "univ-b-robotics", 3, Batch | Interactive, 0 },
        { "univ-c-finance-ai", 3, Batch | Interactive, 0 },
        { "univ-d-speech", 4, Batch | Large | Interactive, 0 },
        { "univ-e-materials", 2, Batch, 0 },
        { "rd-inst-materials", 4, Batch | Large, 0 },
        { "rd-inst-biomed", 4, Batch | Large | Interactive, 0 },
        { "rd-inst-smartcity", 3, Batch | Interactive, 0 },
        { "rd-inst-logistics", 2, Batch, 0 },
        { "startup-vision-01", 3, Batch | Interactive, 0 },
        { "startup-llm-02", 7, Batch | Large | Interactive, 0 },
        { "startup-fintech-03", 2, Batch | Interactive, 0 },
        { "startup-health-04", 2, Batch, 0 },
        { "corp-telecom-ai", 3, Batch | Large, 0 },
        { "corp-bank-risk", 2, Batch | Interactive, 0 },
        { "corp-property-analytics", 1, Batch, 0 },
        { "aiss-2024-003", 14, Subsidy, 0 },
        { "aiss-2024-011", 4, Subsidy, 0 },
        { "aiss-2025-017", 9, Subsidy, 2025 },
        { "aiss-2025-022", 3, Subsidy, 2025 },
        { "aiss-2025-031", 4, Subsidy, 2025 },
        { "aiss-2025-044", 2, Subsidy, 2025 },
        { "aiss-2025-058", 3, Subsidy, 2025 },
        { "aiss-2026-006", 4, Subsidy, 2026 },
    };
    return specs;
}

// Codes of XID errors that do not take the node down, with their relative frequency.
constexpr std::array<std::pair<int, double>, 6> kBenignXids = { {
    { 13, 0.30 }, // graphics engine exception (usually the application)
    { 31, 0.25 }, // GPU memory page fault
    { 43, 0.20 }, // GPU stopped processing
    { 94, 0.12 }, // contained ECC error
    { 63, 0.08 }, // ECC page retirement / row remapping
    { 48, 0.05 }, // double-bit ECC error
} };

enum class QueryKind {
    Unknown,
    CapacityInstalled,
    CapacityDelivered,
    UtilCluster,
    UtilByPartition,
    TensorByPartition,
    NodeUtil,
    GpusByState,
    QueuePending,
    QueueRunning,
    AccountGpuHours,
    Power,
    // Per-node figures (QueryCatalogue::nodeDetailIds()), from the GPU states at each point.
    NodeTensor,
    NodePower,
    NodeTemperature,
    NodeGpuCount,
    NodeLastXid,
    NodeSlurmState,
    CapacityInstalledFp8,
    CapacityDeliveredFp8,
    QueueWait,
};

bool isNodeFigure(QueryKind kind)
{
    return kind >= QueryKind::NodeTensor;
}

QueryKind queryKind(const QString &id)
{
    static const std::array<std::pair<const char *, QueryKind>, 20> kinds = { {
        { "capacity_installed_pflops", QueryKind::CapacityInstalled },
        { "capacity_delivered_pflops", QueryKind::CapacityDelivered },
        { "gpu_util_cluster", QueryKind::UtilCluster },
        { "gpu_util_by_partition", QueryKind::UtilByPartition },
        { "tensor_active_by_partition", QueryKind::TensorByPartition },
        { "node_gpu_util", QueryKind::NodeUtil },
        { "gpus_by_state", QueryKind::GpusByState },
        { "queue_pending_by_partition", QueryKind::QueuePending },
        { "queue_running_by_partition", QueryKind::QueueRunning },
        { "account_gpu_hours", QueryKind::AccountGpuHours },
        { "power_mw", QueryKind::Power },
        { "node_tensor_active", QueryKind::NodeTensor },
        { "node_power_kw", QueryKind::NodePower },
        { "node_gpu_temp_max", QueryKind::NodeTemperature },
        { "node_gpu_count", QueryKind::NodeGpuCount },
        { "node_last_xid", QueryKind::NodeLastXid },
        { "node_state", QueryKind::NodeSlurmState },
        { "capacity_installed_pflops_fp8", QueryKind::CapacityInstalledFp8 },
        { "capacity_delivered_pflops_fp8", QueryKind::CapacityDeliveredFp8 },
        { "queue_wait_minutes", QueryKind::QueueWait },
    } };
    for (const auto &[name, kind] : kinds)
        if (id == QLatin1String(name))
            return kind;
    return QueryKind::Unknown;
}

// The request's grid: n points at start + i * step (step 0: one point at start).
struct Grid
{
    qint64 start = 0;
    qint64 step = 0;
    int n = 0;

    qint64 at(int i) const { return start + qint64(i) * step; }
    qint64 last() const { return n > 0 ? at(n - 1) : start; }
    // Index of the first point at or after ms (n when none).
    int firstAtOrAfter(qint64 ms) const
    {
        if (ms <= start)
            return 0;
        if (step <= 0)
            return n;
        return int(std::min<qint64>(n, (ms - start + step - 1) / step));
    }
};

struct Interval
{
    qint64 start;
    qint64 end;
};

// A job's GPUs on one node, from start (inclusive) to end (exclusive).
struct NodeAlloc
{
    qint64 start;
    qint64 end;
    quint64 mask;
    int job;
};

struct Placement
{
    int node;
    quint64 mask;
};

struct Job
{
    qint64 submit = 0;
    qint64 start = kNever;
    qint64 end = kNever;
    qint64 runtimeMs = 0; // as it would run without a node failure
    quint64 noiseKey = 0;
    float util = 0; // % while running
    float tensor = 0; // 0..1 while running
    float framebufferMiB = 0;
    int placement = -1; // first entry in placements
    quint16 account = 0;
    quint16 nodeCount = 1;
    quint16 gpusPerNode = 1;
    quint8 partition = 0;
};

enum EventKind : quint32 { EventJobEnd = 0, EventNodeDown = 1, EventNodeUp = 2, EventArrival = 3 };

struct Event
{
    qint64 time;
    quint32 kind;
    int id;
    quint64 seq;

    // Earliest first; at one instant, resources are released and failures applied before arrivals.
    bool operator>(const Event &other) const
    {
        if (time != other.time)
            return time > other.time;
        if (kind != other.kind)
            return kind > other.kind;
        return seq > other.seq;
    }
};

// A job's wobble around its mean load: smooth value noise, one hash per 5-minute bucket edge, which
// gives both channels (utilisation from the high bits, tensor activity from the low ones).
struct NoiseEdge
{
    float util;
    float tensor;
};

inline NoiseEdge noiseEdge(quint64 key, qint64 bucket)
{
    const quint64 h = mix(key ^ quint64(bucket));
    return NoiseEdge { float(unitOf(h) * 2 - 1), float(unitOf(h << 32) * 2 - 1) };
}

struct GpuLoad
{
    double util; // %
    double tensor; // 0..1
    double busyPowerW; // above idle
};

inline GpuLoad gpuLoad(const Job &job, NoiseEdge e0, NoiseEdge e1, double s)
{
    // dcgm reports DCGM_FI_DEV_GPU_UTIL as a whole percentage.
    const double util = std::round(
        std::clamp(double(job.util) + kUtilNoisePercent * (e0.util + (e1.util - e0.util) * s), 0.0, 100.0));
    const double tensor = std::clamp(
        double(job.tensor) * (1.0 + kTensorNoiseFraction * (e0.tensor + (e1.tensor - e0.tensor) * s)), 0.0,
        util / 100.0);
    const double power
        = (kMaxPowerW - kIdlePowerMinW - kIdlePowerSpreadW / 2) * (0.35 * util / 100.0 + 0.65 * tensor);
    return GpuLoad { util, tensor, power };
}

// Smoothstep position of t within its noise bucket.
inline double noisePosition(qint64 t, qint64 bucket)
{
    const double frac = double(t - bucket * kNoiseBucketMs) / double(kNoiseBucketMs);
    return frac * frac * (3.0 - 2.0 * frac);
}

// Cluster and partition figures on a grid, from one pass over all nodes.
struct Aggregate
{
    std::vector<std::vector<double>> partUp, partUtil, partTensor; // GPUs reporting, % and fraction summed
    std::vector<double> installed, allocated, down, power, tensor; // GPUs, GPUs, GPUs, W, fraction summed
};

// Adds a job's per-GPU load at every grid point in [first, last) to add(i, load).
template<class Add> void forEachLoad(const Job &job, const Grid &grid, int first, int last, Add &&add)
{
    qint64 cachedBucket = std::numeric_limits<qint64>::min();
    NoiseEdge e0 {}, e1 {};
    for (int i = first; i < last; ++i) {
        const qint64 t = grid.at(i);
        const qint64 bucket = floorDiv(t, kNoiseBucketMs);
        if (bucket != cachedBucket) {
            e0 = bucket == cachedBucket + 1 ? e1 : noiseEdge(job.noiseKey, bucket);
            e1 = noiseEdge(job.noiseKey, bucket + 1);
            cachedBucket = bucket;
        }
        add(i, gpuLoad(job, e0, e1, noisePosition(t, bucket)));
    }
}

} // namespace

// --- the simulation ----------------------------------------------------------------------------

struct Simulation::Impl
{
    struct NodeInfo
    {
        int partition = 0;
        qint64 onlineMs = 0;
        double mtbfMs = 0;
        double idlePowerSumW = 0;
        std::vector<float> idlePowerW; // per GPU
        std::vector<float> tempOffsetC; // per GPU
    };

    // What the event loop changes as it runs, and the history it leaves for queries.
    struct NodeState
    {
        std::vector<NodeAlloc> allocs; // sorted by start
        std::vector<Interval> failures; // sorted, disjoint; always one beyond the horizon
        quint64 freeMask = 0;
        int freeCount = 0;
        int bucketPos = -1;
        int nextFailure = 0;
        bool online = false;
    };

    struct PartitionState
    {
        std::vector<qint64> onlineTimes; // its nodes' onlineMs, sorted
        std::vector<std::vector<int>> freeBuckets; // up nodes by number of free GPUs
        std::vector<int> pending; // job ids by submit time
        std::vector<qint64> submits, starts, ends; // event times, sorted
        std::vector<int> accounts; // eligible account indices
        double meanRuntimeSeconds = 0;
    };

    struct AccountInfo
    {
        QString name;
        double weight = 0;
        qint64 activeFromMs = 0;
    };

    SimulationConfig config;
    std::vector<SimulatedNode> nodes;
    std::vector<SimulatedPartition> partitions;
    std::vector<AccountInfo> accounts;
    std::vector<NodeInfo> info;
    std::vector<qint64> onlineTimesSorted; // all nodes
    int gpusPerNode = 8;
    double peakTflops = 0;
    double peakFp8Tflops = qQNaN(); // NaN when the GPU model has no FP8 figure
    qint64 simStartMs = kNever;

    // Guarded by mutex: the event loop state (unique lock) and its history (read under shared lock).
    mutable std::shared_mutex mutex;
    std::vector<NodeState> state;
    std::vector<PartitionState> parts;
    std::vector<Job> jobs;
    std::vector<Placement> placements;
    std::vector<int> startedJobs; // job ids by start time
    // Queue waits of the started jobs, totalled as the scheduler starts them (per partition: a count per
    // histogram bucket, and the sum), with a snapshot every kWaitCheckpoint starts: the histogram at an
    // instant then adds up at most that many jobs instead of every job since the first.
    struct WaitTotals
    {
        std::vector<quint64> counts; // [partition * buckets + bucket], the last bucket +Inf
        std::vector<double> sumsSeconds; // [partition]
    };
    static constexpr size_t kWaitCheckpoint = 2048;
    WaitTotals waitTotals;
    std::vector<WaitTotals> waitCheckpoints; // [k]: the totals of startedJobs[0, k * kWaitCheckpoint)
    std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
    quint64 eventSeq = 0;
    qint64 arrivalsUntil = kNever; // arrival buckets generated up to here (exclusive)
    qint64 horizon = std::numeric_limits<qint64>::min(); // every event at or before it is processed

    // State at an instant never changes once simulated, so aggregates stay valid for good.
    struct CachedAggregate
    {
        Grid grid;
        std::shared_ptr<const Aggregate> data;
    };
    static constexpr size_t kAggregateCacheSize = 4;
    mutable std::mutex cacheMutex;
    mutable std::vector<CachedAggregate> aggregateCache; // most recent first

    explicit Impl(const SimulationConfig &c);

    quint64 fullMask() const { return gpusPerNode >= 64 ? ~quint64(0) : (quint64(1) << gpusPerNode) - 1; }

    // Event loop (unique lock held).
    void ensureHorizon(qint64 ms);
    void advance(qint64 until);
    void generateArrivals(qint64 bucketStart);
    void push(qint64 time, EventKind kind, int id)
    {
        events.push(Event { time, quint32(kind), id, eventSeq++ });
    }
    void extendFailures(int node, qint64 until);
    void bucketInsert(int node);
    void bucketRemove(int node);
    void endJob(int jobId);
    bool tryStart(int jobId, qint64 now);
    void schedule(int partition, qint64 now);
    double expectedGpus(int partition, int installedNodes) const;

    // Reading the history (shared lock held, horizon past every time asked).
    template<class Visit> void forEachJobIn(const Grid &grid, Visit &&visit) const;
    std::shared_ptr<const Aggregate> aggregate(const Grid &grid) const;
    void queueSeries(const Grid &grid, bool pending, QueryResult &result) const;
    void accountSeries(const Grid &grid, QueryResult &result) const;
    void waitQuantileSeries(const Grid &grid, QueryResult &result) const;
    void addWait(WaitTotals &totals, const Job &job) const;
    void nodeUtilSeries(const Grid &grid, QueryResult &result) const;
    void nodeFigureSeries(const Grid &grid, QueryKind kind, QueryResult &result) const;
    std::vector<SimulatedXid> xidEvents(qint64 from, qint64 to) const;
    // Every GPU of the nodes online at ms; xids: events sorted by time, covering the day up to ms.
    std::vector<SimulatedGpuState> gpuStates(qint64 ms, const std::vector<SimulatedXid> &xids) const;
    bool nodeDownAt(int node, qint64 ms) const;
    int installedGpusAt(qint64 ms) const;
};

Simulation::Impl::Impl(const SimulationConfig &c)
    : config(c)
{
    const Roadmap &roadmap = config.roadmap;
    // A node's GPUs are tracked as bits of a 64-bit mask.
    gpusPerNode = std::clamp(roadmap.gpusPerNode(), 1, 64);
    peakTflops = GpuPeakTable::builtIn().tflops(roadmap.gpuModel(), Precision::DenseFp16Bf16).value_or(0);
    if (peakTflops <= 0) {
        qWarning("Simulation: GPU model '%s' is not in the peak table; assuming 1000 TFLOPS per GPU",
            qPrintable(roadmap.gpuModel()));
        peakTflops = 1000;
    }
    const double nodeTflops = gpusPerNode * peakTflops;
    peakFp8Tflops = GpuPeakTable::builtIn().tflops(roadmap.gpuModel(), Precision::DenseFp8).value_or(qQNaN());

    const std::vector<PartitionSpec> &specs = partitionSpecs();
    for (const PartitionSpec &spec : specs)
        partitions.push_back(SimulatedPartition { QLatin1String(spec.name), spec.share });
    parts.resize(specs.size());

    // Nodes of each phase come online evenly over its ramp, the last one on the milestone date, so
    // that installed capacity meets each milestone within one node.
    std::vector<int> perPartition(specs.size(), 0);
    int total = 0;
    // A scaled centre keeps the roadmap's proportions; every phase gets at least one node.
    const double finalGpus = roadmap.milestones().empty() ? 0 : roadmap.finalPflops() * 1000.0 / peakTflops;
    const double scale = config.targetGpus > 0 && finalGpus > 0 ? config.targetGpus / finalGpus : 1.0;
    for (const RoadmapMilestone &milestone : roadmap.milestones()) {
        int target = int(std::ceil(milestone.pflops * scale * 1000.0 / nodeTflops - 1e-9));
        if (config.targetGpus > 0)
            target = std::max(target, 1);
        const int added = target - total;
        const qint64 dateMs = QDateTime(milestone.date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 spanMs = qint64(std::max(0, milestone.rampDays)) * kDay;
        for (int k = 0; k < added; ++k) {
            // On whole minutes; the last node of the phase lands exactly on the (midnight) date.
            const qint64 online = floorDiv(dateMs - spanMs + spanMs * (k + 1) / added, kMinute) * kMinute;
            // Largest deficit against its share: partitions grow together, phase by phase.
            const int index = total;
            int best = 0;
            double bestDeficit = -1e300;
            for (size_t p = 0; p < specs.size(); ++p) {
                const double deficit = specs[p].share * (index + 1) - perPartition[p];
                if (deficit > bestDeficit + 1e-12) {
                    bestDeficit = deficit;
                    best = int(p);
                }
            }
            ++perPartition[size_t(best)];
            SimulatedNode node;
            node.hostname = QStringLiteral("aisc-gpu-%1").arg(index + 1, 4, 10, QLatin1Char('0'));
            node.partition = partitions[size_t(best)].name;
            node.gpuModel = roadmap.gpuModel();
            node.gpuCount = gpusPerNode;
            node.onlineMs = online;
            nodes.push_back(node);

            NodeInfo ni;
            ni.partition = best;
            ni.onlineMs = online;
            ni.mtbfMs = (kMinMtbfDays
                            + (kMaxMtbfDays - kMinMtbfDays)
                                * unitOf(hashOf(config.seed, StreamFailure, quint64(index), ~quint64(0))))
                * double(kDay);
            for (int g = 0; g < gpusPerNode; ++g) {
                const quint64 h = hashOf(config.seed, StreamGpu, quint64(index), quint64(g));
                ni.idlePowerW.push_back(float(kIdlePowerMinW + kIdlePowerSpreadW * unitOf(h)));
                ni.tempOffsetC.push_back(float(-2.5 + 5.0 * unitOf(mix(h))));
                ni.idlePowerSumW += double(ni.idlePowerW.back());
            }
            info.push_back(std::move(ni));
            ++total;
        }
    }

    state.resize(nodes.size());
    for (size_t n = 0; n < nodes.size(); ++n) {
        onlineTimesSorted.push_back(info[n].onlineMs);
        simStartMs = std::min(simStartMs, info[n].onlineMs);
    }
    std::sort(onlineTimesSorted.begin(), onlineTimesSorted.end());
    for (size_t p = 0; p < parts.size(); ++p) {
        PartitionState &ps = parts[p];
        for (size_t n = 0; n < nodes.size(); ++n)
            if (info[n].partition == int(p))
                ps.onlineTimes.push_back(info[n].onlineMs);
        std::sort(ps.onlineTimes.begin(), ps.onlineTimes.end());
        ps.freeBuckets.resize(size_t(gpusPerNode) + 1);

        // E[min(runtime, cap)] of the lognormal run time, for the arrival rate that gives the offered load.
        const PartitionSpec &spec = specs[p];
        const double mu = std::log(spec.medianRuntimeHours * 3600.0);
        const double sigma = spec.runtimeSigma;
        const double cap = spec.maxRuntimeHours * 3600.0;
        ps.meanRuntimeSeconds
            = std::exp(mu + sigma * sigma / 2) * normalCdf((std::log(cap) - mu - sigma * sigma) / sigma)
            + cap * (1.0 - normalCdf((std::log(cap) - mu) / sigma));
    }

    const std::vector<AccountSpec> &accountTable = accountSpecs();
    for (size_t a = 0; a < accountTable.size(); ++a) {
        const AccountSpec &spec = accountTable[a];
        AccountInfo account;
        account.name = QLatin1String(spec.name);
        account.weight = spec.weight;
        account.activeFromMs = spec.activeFromYear > 0
            ? QDateTime(QDate(spec.activeFromYear, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()
            : std::numeric_limits<qint64>::min();
        accounts.push_back(account);
        for (size_t p = 0; p < parts.size(); ++p)
            if (spec.partitions & (1u << p))
                parts[p].accounts.push_back(int(a));
    }

    waitTotals.counts.assign(partitions.size() * (jobWaitBucketBounds().size() + 1), 0);
    waitTotals.sumsSeconds.assign(partitions.size(), 0.0);

    for (size_t n = 0; n < nodes.size(); ++n)
        push(info[n].onlineMs, EventNodeUp, int(n));
    if (!nodes.empty())
        arrivalsUntil = floorDiv(simStartMs, kArrivalBucketMs) * kArrivalBucketMs;
}

double Simulation::Impl::expectedGpus(int partition, int installedNodes) const
{
    const PartitionSpec &spec = partitionSpecs()[size_t(partition)];
    double sum = 0, weights = 0;
    for (const SizeChoice &choice : spec.sizes) {
        weights += choice.weight;
        if (!spec.multiNode)
            sum += choice.weight * choice.size;
        else
            sum += choice.weight * gpusPerNode * multiNodeJobNodes(choice.size, installedNodes);
    }
    return sum / weights;
}

void Simulation::Impl::extendFailures(int node, qint64 until)
{
    std::vector<Interval> &failures = state[size_t(node)].failures;
    while (failures.empty() || failures.back().start <= until) {
        const quint64 k = failures.size();
        const qint64 previousEnd = failures.empty() ? info[size_t(node)].onlineMs : failures.back().end;
        const double u1 = unitOf(hashOf(config.seed, StreamFailure, quint64(node), 2 * k));
        const double u2 = unitOf(hashOf(config.seed, StreamFailure, quint64(node), 2 * k + 1));
        const qint64 gap = std::max<qint64>(kHour, qint64(-std::log(1.0 - u1) * info[size_t(node)].mtbfMs));
        const qint64 repair = qint64(double(kMinRepairMs) * std::pow(kRepairSpread, u2));
        failures.push_back(Interval { previousEnd + gap, previousEnd + gap + repair });
    }
}

void Simulation::Impl::bucketInsert(int node)
{
    NodeState &ns = state[size_t(node)];
    std::vector<int> &bucket = parts[size_t(info[size_t(node)].partition)].freeBuckets[size_t(ns.freeCount)];
    ns.bucketPos = int(bucket.size());
    bucket.push_back(node);
}

void Simulation::Impl::bucketRemove(int node)
{
    NodeState &ns = state[size_t(node)];
    std::vector<int> &bucket = parts[size_t(info[size_t(node)].partition)].freeBuckets[size_t(ns.freeCount)];
    const int last = bucket.back();
    bucket[size_t(ns.bucketPos)] = last;
    state[size_t(last)].bucketPos = ns.bucketPos;
    bucket.pop_back();
    ns.bucketPos = -1;
}

void Simulation::Impl::ensureHorizon(qint64 ms)
{
    {
        std::shared_lock lock(mutex);
        if (horizon >= ms)
            return;
    }
    std::unique_lock lock(mutex);
    advance(ms);
}

void Simulation::Impl::generateArrivals(qint64 bucketStart)
{
    struct Arrival
    {
        qint64 time;
        int partition;
        int index;
        Job job;
    };
    std::vector<Arrival> arrivals;
    const quint64 bucket = quint64(floorDiv(bucketStart, kArrivalBucketMs));
    const double factor = rhythm(bucketStart);
    const std::vector<PartitionSpec> &specs = partitionSpecs();
    for (size_t p = 0; p < parts.size(); ++p) {
        const PartitionState &ps = parts[p];
        const PartitionSpec &spec = specs[p];
        const int installedNodes
            = int(std::upper_bound(ps.onlineTimes.begin(), ps.onlineTimes.end(), bucketStart)
                - ps.onlineTimes.begin());
        if (installedNodes == 0)
            continue;
        // Offered load = rate × E[GPUs] × E[run time], scaled with what is installed now.
        const double mean = spec.offeredLoad * installedNodes * gpusPerNode * factor
            * (double(kArrivalBucketMs) / double(kSecond))
            / (expectedGpus(int(p), installedNodes) * ps.meanRuntimeSeconds);
        const int count = poisson(mean, unitOf(hashOf(config.seed, StreamArrivals, quint64(p), bucket)));
        for (int j = 0; j < count; ++j) {
            SplitMix rng { hashOf(config.seed, StreamJob, bucket * 16 + p, quint64(j)) };
            Job job;
            job.submit = bucketStart + qint64(rng.uniform() * double(kArrivalBucketMs));
            job.partition = quint8(p);

            double pick = rng.uniform()
                * std::accumulate(spec.sizes.begin(), spec.sizes.end(), 0.0,
                    [](double s, const SizeChoice &c) { return s + c.weight; });
            int size = spec.sizes.back().size;
            for (const SizeChoice &choice : spec.sizes) {
                if (pick < choice.weight) {
                    size = choice.size;
                    break;
                }
                pick -= choice.weight;
            }
            if (spec.multiNode) {
                job.nodeCount = quint16(multiNodeJobNodes(size, installedNodes));
                job.gpusPerNode = quint16(gpusPerNode);
            } else {
                job.nodeCount = 1;
                job.gpusPerNode = quint16(std::min(size, gpusPerNode));
            }

            const double hours
                = std::exp(std::log(spec.medianRuntimeHours) + spec.runtimeSigma * rng.normal());
            job.runtimeMs = std::clamp(qint64(hours * 3600.0) * kSecond, kMinRuntimeMs,
                std::min(kMaxRuntimeMs, qint64(spec.maxRuntimeHours * double(kHour))));

            const bool training = rng.uniform() < spec.trainingShare;
            const bool interactive = p == 3;
            if (training) {
                job.util = float(rng.uniform(75, 98));
                job.tensor = float(rng.uniform(0.45, 0.80));
                job.framebufferMiB = float(kFramebufferMiB * rng.uniform(0.60, 0.97));
            } else {
                job.util = float(interactive ? rng.uniform(15, 60) : rng.uniform(35, 80));
                job.tensor = float(rng.uniform(0.10, 0.38));
                job.framebufferMiB = float(kFramebufferMiB * rng.uniform(0.25, 0.80));
            }
            job.tensor = std::min(job.tensor, job.util / 100.0f);
            job.noiseKey = rng.next();

            double weightSum = 0;
            for (int a : ps.accounts)
                if (accounts[size_t(a)].activeFromMs <= job.submit)
                    weightSum += accounts[size_t(a)].weight;
            if (weightSum <= 0)
                continue;
            double accountPick = rng.uniform() * weightSum;
            job.account = quint16(ps.accounts.back());
            for (int a : ps.accounts) {
                if (accounts[size_t(a)].activeFromMs > job.submit)
                    continue;
                if (accountPick < accounts[size_t(a)].weight) {
                    job.account = quint16(a);
                    break;
                }
                accountPick -= accounts[size_t(a)].weight;
            }
            arrivals.push_back(Arrival { job.submit, int(p), j, job });
        }
    }
    // Job ids follow submit order, so the job table is sorted by submit time.
    std::sort(arrivals.begin(), arrivals.end(), [](const Arrival &a, const Arrival &b) {
        return std::tie(a.time, a.partition, a.index) < std::tie(b.time, b.partition, b.index);
    });
    for (const Arrival &arrival : arrivals) {
        push(arrival.time, EventArrival, int(jobs.size()));
        jobs.push_back(arrival.job);
    }
}

void Simulation::Impl::endJob(int jobId)
{
    const Job &job = jobs[size_t(jobId)];
    for (int k = 0; k < job.nodeCount; ++k) {
        const Placement &placement = placements[size_t(job.placement) + size_t(k)];
        NodeState &ns = state[size_t(placement.node)];
        const bool inBucket = ns.bucketPos >= 0;
        if (inBucket)
            bucketRemove(placement.node);
        ns.freeMask |= placement.mask;
        ns.freeCount = std::popcount(ns.freeMask);
        if (inBucket)
            bucketInsert(placement.node);
    }
    parts[job.partition].ends.push_back(job.end);
}

bool Simulation::Impl::tryStart(int jobId, qint64 now)
{
    Job &job = jobs[size_t(jobId)];
    PartitionState &ps = parts[job.partition];
    std::array<int, 64> chosen; // not value-initialised: this is the scheduler's hot path
    int chosenCount = 0;
    if (job.nodeCount == 1) {
        // Best fit: the up node with the fewest free GPUs that still holds the job.
        for (int free = job.gpusPerNode; free <= gpusPerNode; ++free) {
            if (!ps.freeBuckets[size_t(free)].empty()) {
                chosen[0] = ps.freeBuckets[size_t(free)].back();
                chosenCount = 1;
                break;
            }
        }
    } else if (ps.freeBuckets[size_t(gpusPerNode)].size() >= size_t(job.nodeCount)) {
        const std::vector<int> &idle = ps.freeBuckets[size_t(gpusPerNode)];
        for (int k = 0; k < job.nodeCount; ++k)
            chosen[size_t(k)] = idle[idle.size() - 1 - size_t(k)];
        chosenCount = job.nodeCount;
    }
    if (chosenCount == 0 || chosenCount > 64)
        return false;

    // The job ends when it completes or when the first of its nodes fails, whichever comes first.
    qint64 end = now + job.runtimeMs;
    for (int k = 0; k < chosenCount; ++k) {
        const NodeState &ns = state[size_t(chosen[size_t(k)])];
        end = std::min(end, ns.failures[size_t(ns.nextFailure)].start);
    }
    job.start = now;
    job.end = end;
    job.placement = int(placements.size());
    for (int k = 0; k < chosenCount; ++k) {
        const int node = chosen[size_t(k)];
        NodeState &ns = state[size_t(node)];
        quint64 mask = 0;
        for (int g = 0; g < job.gpusPerNode; ++g) {
            const quint64 bit = ns.freeMask & (~ns.freeMask + 1);
            mask |= bit;
            ns.freeMask ^= bit;
        }
        bucketRemove(node);
        ns.freeCount = std::popcount(ns.freeMask);
        bucketInsert(node);
        placements.push_back(Placement { node, mask });
        ns.allocs.push_back(NodeAlloc { now, end, mask, jobId });
    }
    ps.starts.push_back(now);
    if (startedJobs.size() % kWaitCheckpoint == 0)
        waitCheckpoints.push_back(waitTotals);
    addWait(waitTotals, job);
    startedJobs.push_back(jobId);
    push(end, EventJobEnd, jobId);
    return true;
}

void Simulation::Impl::schedule(int partition, qint64 now)
{
    PartitionState &ps = parts[size_t(partition)];
    int scanned = 0;
    size_t i = 0;
    while (i < ps.pending.size() && scanned < kBackfillDepth) {
        int maxFree = gpusPerNode;
        while (maxFree > 0 && ps.freeBuckets[size_t(maxFree)].empty())
            --maxFree;
        if (maxFree == 0)
            return;
        const int jobId = ps.pending[i];
        const Job &job = jobs[size_t(jobId)];
        const bool mayFit = job.nodeCount == 1
            ? job.gpusPerNode <= maxFree
            : ps.freeBuckets[size_t(gpusPerNode)].size() >= size_t(job.nodeCount);
        if (mayFit && tryStart(jobId, now)) {
            ps.pending.erase(ps.pending.begin() + std::ptrdiff_t(i));
            continue;
        }
        // Reservation: once the head has waited long enough, smaller jobs stop overtaking it.
        if (i == 0 && now - job.submit > kReserveAfterMs)
            return;
        ++i;
        ++scanned;
    }
}

void Simulation::Impl::advance(qint64 until)
{
    if (until <= horizon)
        return;
    unsigned dirty = 0;
    for (;;) {
        // Arrivals are generated a bucket at a time, just ahead of the events they join.
        const qint64 next = events.empty() ? until : std::min(events.top().time, until);
        while (arrivalsUntil != kNever && arrivalsUntil <= next) {
            generateArrivals(arrivalsUntil);
            arrivalsUntil += kArrivalBucketMs;
        }
        if (events.empty() || events.top().time > until)
            break;
        const qint64 now = events.top().time;
        while (!events.empty() && events.top().time == now) {
            const Event event = events.top();
            events.pop();
            switch (event.kind) {
            case EventJobEnd:
                endJob(event.id);
                dirty |= 1u << jobs[size_t(event.id)].partition;
                break;
            case EventNodeDown: {
                NodeState &ns = state[size_t(event.id)];
                bucketRemove(event.id);
                push(ns.failures[size_t(ns.nextFailure)].end, EventNodeUp, event.id);
                break;
            }
            case EventNodeUp: {
                NodeState &ns = state[size_t(event.id)];
                if (!ns.online) {
                    ns.online = true;
                    ns.freeMask = fullMask();
                    ns.freeCount = gpusPerNode;
                } else {
                    ++ns.nextFailure;
                }
                bucketInsert(event.id);
                // Failures are known a step ahead so that a starting job knows when its node dies.
                extendFailures(event.id, now);
                push(ns.failures[size_t(ns.nextFailure)].start, EventNodeDown, event.id);
                dirty |= 1u << info[size_t(event.id)].partition;
                break;
            }
            case EventArrival: {
                const Job &job = jobs[size_t(event.id)];
                PartitionState &ps = parts[job.partition];
                ps.submits.push_back(now);
                ps.pending.push_back(event.id);
                dirty |= 1u << job.partition;
                break;
            }
            }
        }
        for (size_t p = 0; p < parts.size(); ++p)
            if (dirty & (1u << p))
                schedule(int(p), now);
        dirty = 0;
    }
    horizon = until;
}

// --- reading the history -----------------------------------------------------------------------

bool Simulation::Impl::nodeDownAt(int node, qint64 ms) const
{
    const std::vector<Interval> &failures = state[size_t(node)].failures;
    auto it = std::upper_bound(
        failures.begin(), failures.end(), ms, [](qint64 t, const Interval &f) { return t < f.end; });
    return it != failures.end() && it->start <= ms && info[size_t(node)].onlineMs <= ms;
}

int Simulation::Impl::installedGpusAt(qint64 ms) const
{
    return int(std::upper_bound(onlineTimesSorted.begin(), onlineTimesSorted.end(), ms)
               - onlineTimesSorted.begin())
        * gpusPerNode;
}

// Calls visit(job, first, last) for every job running at some point of the grid, with the index
// range of the points at which it runs.
template<class Visit> void Simulation::Impl::forEachJobIn(const Grid &grid, Visit &&visit) const
{
    // No job runs longer than the longest run time, so older starts cannot reach the grid.
    auto it = std::lower_bound(startedJobs.begin(), startedJobs.end(), grid.at(0) - kMaxRuntimeMs,
        [this](int id, qint64 t) { return jobs[size_t(id)].start < t; });
    const qint64 last = grid.last();
    for (; it != startedJobs.end(); ++it) {
        const Job &job = jobs[size_t(*it)];
        if (job.start > last)
            break;
        const int first = grid.firstAtOrAfter(job.start);
        const int end = grid.firstAtOrAfter(job.end);
        if (first < end)
            visit(job, first, end);
    }
}

std::shared_ptr<const Aggregate> Simulation::Impl::aggregate(const Grid &grid) const
{
    // The dashboard asks several ids on one grid at each refresh; they share one pass.
    {
        std::lock_guard lock(cacheMutex);
        for (const CachedAggregate &cached : aggregateCache)
            if (cached.grid.start == grid.start && cached.grid.step == grid.step && cached.grid.n == grid.n)
                return cached.data;
    }

    const size_t n = size_t(grid.n);
    const size_t partitionCount = parts.size();
    auto result = std::make_shared<Aggregate>();
    Aggregate &agg = *result;
    agg.partUtil.assign(partitionCount, std::vector<double>(n, 0.0));
    agg.partTensor.assign(partitionCount, std::vector<double>(n, 0.0));
    agg.power.assign(n, 0.0);
    agg.tensor.assign(n, 0.0);

    // Node states change rarely: accumulate them as differences at the points where they change.
    std::vector<std::vector<double>> upDelta(partitionCount, std::vector<double>(n + 1, 0.0));
    std::vector<double> installedDelta(n + 1, 0.0), downDelta(n + 1, 0.0), idlePowerDelta(n + 1, 0.0),
        allocatedDelta(n + 1, 0.0);
    const double gpus = gpusPerNode;
    const qint64 last = grid.last();
    for (size_t node = 0; node < nodes.size(); ++node) {
        const NodeInfo &ni = info[node];
        if (ni.onlineMs > last)
            continue;
        std::vector<double> &up = upDelta[size_t(ni.partition)];
        const size_t online = size_t(grid.firstAtOrAfter(ni.onlineMs));
        installedDelta[online] += gpus;
        up[online] += gpus;
        idlePowerDelta[online] += ni.idlePowerSumW;
        const std::vector<Interval> &failures = state[node].failures;
        auto failure = std::upper_bound(failures.begin(), failures.end(), grid.at(0),
            [](qint64 t, const Interval &f) { return t < f.end; });
        for (; failure != failures.end() && failure->start <= last; ++failure) {
            const size_t from = size_t(grid.firstAtOrAfter(failure->start));
            const size_t to = size_t(grid.firstAtOrAfter(failure->end));
            downDelta[from] += gpus;
            downDelta[to] -= gpus;
            up[from] -= gpus;
            up[to] += gpus;
            idlePowerDelta[from] -= ni.idlePowerSumW;
            idlePowerDelta[to] += ni.idlePowerSumW;
        }
    }

    // Jobs only run on up nodes, so their load adds straight onto the partition's figures.
    forEachJobIn(grid, [&](const Job &job, int first, int end) {
        const double jobGpus = double(job.nodeCount) * job.gpusPerNode;
        allocatedDelta[size_t(first)] += jobGpus;
        allocatedDelta[size_t(end)] -= jobGpus;
        double *util = agg.partUtil[job.partition].data();
        double *tensor = agg.partTensor[job.partition].data();
        double *allTensor = agg.tensor.data();
        double *power = agg.power.data();
        forEachLoad(job, grid, first, end, [&](int i, const GpuLoad &load) {
            util[i] += jobGpus * load.util;
            tensor[i] += jobGpus * load.tensor;
            allTensor[i] += jobGpus * load.tensor;
            power[i] += jobGpus * load.busyPowerW;
        });
    });

    auto integrate = [n](const std::vector<double> &delta) {
        std::vector<double> values(n);
        double running = 0;
        for (size_t i = 0; i < n; ++i)
            values[i] = running += delta[i];
        return values;
    };
    agg.installed = integrate(installedDelta);
    agg.down = integrate(downDelta);
    agg.allocated = integrate(allocatedDelta);
    for (size_t p = 0; p < partitionCount; ++p)
        agg.partUp.push_back(integrate(upDelta[p]));
    const std::vector<double> idlePower = integrate(idlePowerDelta);
    for (size_t i = 0; i < n; ++i)
        agg.power[i] += idlePower[i];

    std::lock_guard lock(cacheMutex);
    aggregateCache.insert(aggregateCache.begin(), CachedAggregate { grid, result });
    if (aggregateCache.size() > kAggregateCacheSize)
        aggregateCache.pop_back();
    return result;
}

void Simulation::Impl::nodeUtilSeries(const Grid &grid, QueryResult &result) const
{
    const size_t n = size_t(grid.n);
    const qint64 last = grid.last();
    std::vector<double *> sums(nodes.size(), nullptr);
    const size_t firstSeries = result.series.size();
    for (size_t node = 0; node < nodes.size(); ++node) {
        if (info[node].onlineMs > last)
            continue; // not yet online anywhere in the range
        Series series;
        series.name = nodes[node].hostname;
        series.labels = { { QStringLiteral("node"), nodes[node].hostname },
            { QStringLiteral("partition"), nodes[node].partition } };
        series.values.assign(n, 0.0);
        result.series.push_back(std::move(series));
    }
    for (size_t node = 0, k = firstSeries; node < nodes.size(); ++node)
        if (info[node].onlineMs <= last)
            sums[node] = result.series[k++].values.data();

    // Utilisation summed over each node's GPUs from the jobs on it...
    std::vector<double> jobUtil;
    forEachJobIn(grid, [&](const Job &job, int first, int end) {
        jobUtil.resize(size_t(end - first));
        forEachLoad(job, grid, first, end,
            [&](int i, const GpuLoad &load) { jobUtil[size_t(i - first)] = load.util; });
        // Every node of a multi-node job carries the same load.
        for (int k = 0; k < job.nodeCount; ++k) {
            double *sum = sums[size_t(placements[size_t(job.placement) + size_t(k)].node)];
            for (int i = first; i < end; ++i)
                sum[i] += job.gpusPerNode * jobUtil[size_t(i - first)];
        }
    });

    // ...then the node's mean, with gaps where it reports nothing.
    for (size_t node = 0; node < nodes.size(); ++node) {
        double *values = sums[node];
        if (!values)
            continue;
        for (size_t i = 0; i < n; ++i)
            values[i] /= gpusPerNode;
        std::fill(values, values + grid.firstAtOrAfter(info[node].onlineMs), qQNaN());
        const std::vector<Interval> &failures = state[node].failures;
        auto failure = std::upper_bound(failures.begin(), failures.end(), grid.at(0),
            [](qint64 t, const Interval &f) { return t < f.end; });
        for (; failure != failures.end() && failure->start <= last; ++failure)
            std::fill(values + grid.firstAtOrAfter(failure->start),
                values + grid.firstAtOrAfter(failure->end), qQNaN());
    }
}

void Simulation::Impl::queueSeries(const Grid &grid, bool pending, QueryResult &result) const
{
    for (size_t p = 0; p < parts.size(); ++p) {
        const PartitionState &ps = parts[p];
        Series series;
        series.name = partitions[p].name;
        series.labels = { { QStringLiteral("partition"), partitions[p].name } };
        series.values.resize(size_t(grid.n));
        const qint64 first = grid.at(0);
        auto count = [first](const std::vector<qint64> &times) {
            return std::upper_bound(times.begin(), times.end(), first) - times.begin();
        };
        // Cursors over the sorted event times: each point costs only the events since the last one.
        std::ptrdiff_t submitted = count(ps.submits), started = count(ps.starts), ended = count(ps.ends);
        for (int i = 0; i < grid.n; ++i) {
            const qint64 t = grid.at(i);
            while (size_t(submitted) < ps.submits.size() && ps.submits[size_t(submitted)] <= t)
                ++submitted;
            while (size_t(started) < ps.starts.size() && ps.starts[size_t(started)] <= t)
                ++started;
            while (size_t(ended) < ps.ends.size() && ps.ends[size_t(ended)] <= t)
                ++ended;
            series.values[size_t(i)] = double(pending ? submitted - started : started - ended);
        }
        result.series.push_back(std::move(series));
    }
}

void Simulation::Impl::accountSeries(const Grid &grid, QueryResult &result) const
{
    // GPU-hours in (t - 1 h, t] = (A(t) - A(t - 1 h)) / 3600 s, where A is the integral of the
    // account's allocated GPUs; A is piecewise linear between allocation changes.
    const qint64 window = kHour;
    const qint64 from = grid.at(0) - window;
    const qint64 to = grid.last();
    std::vector<std::vector<std::pair<qint64, int>>> changes(accounts.size());
    auto firstStarted = std::lower_bound(startedJobs.begin(), startedJobs.end(), from - kMaxRuntimeMs,
        [this](int id, qint64 t) { return jobs[size_t(id)].start < t; });
    for (auto it = firstStarted; it != startedJobs.end(); ++it) {
        const Job &job = jobs[size_t(*it)];
        if (job.start > to)
            break;
        if (job.end <= from)
            continue;
        const int gpus = job.nodeCount * job.gpusPerNode;
        changes[job.account].push_back({ std::max(job.start, from), gpus });
        if (job.end <= to)
            changes[job.account].push_back({ job.end, -gpus });
    }

    struct Candidate
    {
        Series series;
        double total;
    };
    std::vector<Candidate> candidates;
    for (size_t a = 0; a < accounts.size(); ++a) {
        std::vector<std::pair<qint64, int>> &c = changes[a];
        if (c.empty())
            continue;
        std::sort(c.begin(), c.end());
        // Integral (GPU-ms) from `from` up to t, for non-decreasing t.
        size_t next = 0;
        qint64 level = 0, lastTime = from;
        double area = 0;
        auto integralTo = [&](qint64 t) {
            while (next < c.size() && c[next].first <= t) {
                area += double(level) * double(c[next].first - lastTime);
                lastTime = c[next].first;
                level += c[next].second;
                ++next;
            }
            return area + double(level) * double(t - lastTime);
        };
        // Two passes, because the window's lower edges trail the upper ones.
        std::vector<double> upper(size_t(grid.n));
        for (int i = 0; i < grid.n; ++i)
            upper[size_t(i)] = integralTo(grid.at(i));
        next = 0;
        level = 0;
        lastTime = from;
        area = 0;
        Candidate candidate;
        candidate.series.name = accounts[a].name;
        candidate.series.labels = { { QStringLiteral("account"), accounts[a].name } };
        candidate.series.values.resize(size_t(grid.n));
        candidate.total = 0;
        for (int i = 0; i < grid.n; ++i) {
            const double value = (upper[size_t(i)] - integralTo(grid.at(i) - window)) / double(kHour);
            candidate.series.values[size_t(i)] = value;
            candidate.total += value;
        }
        if (candidate.total > 0)
            candidates.push_back(std::move(candidate));
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.total != b.total ? a.total > b.total : a.series.name < b.series.name;
    });
    for (size_t k = 0; k < candidates.size() && k < size_t(kTopAccounts); ++k)
        result.series.push_back(std::move(candidates[k].series));
}

namespace {
// Index of the histogram bucket a wait falls in: the first upper bound at or above it, or the +Inf bucket.
size_t waitBucket(qint64 waitMs)
{
    const std::vector<double> &bounds = Simulation::jobWaitBucketBounds();
    const double seconds = double(waitMs) / 1000.0;
    return size_t(std::lower_bound(bounds.begin(), bounds.end(), seconds) - bounds.begin());
}
} // namespace

void Simulation::Impl::waitQuantileSeries(const Grid &grid, QueryResult &result) const
{
    const std::vector<double> &bounds = jobWaitBucketBounds();
    std::vector<double> counts(bounds.size() + 1, 0.0); // per bucket, the last one +Inf
    std::vector<double> cumulative(counts.size());
    Series p50, p90;
    p50.name = QStringLiteral("p50");
    p50.labels = { { QStringLiteral("quantile"), p50.name } };
    p90.name = QStringLiteral("p90");
    p90.labels = { { QStringLiteral("quantile"), p90.name } };
    p50.values.resize(size_t(grid.n));
    p90.values.resize(size_t(grid.n));

    // The jobs started in (t - window, t], kept as bucket counts while the window slides along startedJobs.
    auto startAfter = [this](std::vector<int>::const_iterator from, qint64 t) {
        return std::upper_bound(from, startedJobs.cend(), t,
            [this](qint64 time, int id) { return time < jobs[size_t(id)].start; });
    };
    auto bucketOf = [this](int id) {
        const Job &job = jobs[size_t(id)];
        return waitBucket(job.start - job.submit);
    };
    auto lo = startAfter(startedJobs.cbegin(), grid.at(0) - kWaitWindowMs);
    auto hi = lo;
    for (int i = 0; i < grid.n; ++i) {
        const qint64 t = grid.at(i);
        const auto newLo = startAfter(lo, t - kWaitWindowMs);
        if (newLo >= hi) {
            // The window moved past every job counted: start afresh rather than add and remove them all.
            std::fill(counts.begin(), counts.end(), 0.0);
            lo = hi = newLo;
        } else {
            for (; lo != newLo; ++lo)
                counts[bucketOf(*lo)] -= 1;
        }
        const auto newHi = startAfter(hi, t);
        for (; hi != newHi; ++hi)
            counts[bucketOf(*hi)] += 1;
        double running = 0;
        for (size_t b = 0; b < counts.size(); ++b)
            cumulative[b] = running += counts[b];
        p50.values[size_t(i)] = histogramQuantile(0.5, bounds, cumulative) / 60.0;
        p90.values[size_t(i)] = histogramQuantile(0.9, bounds, cumulative) / 60.0;
    }
    result.series.push_back(std::move(p50));
    result.series.push_back(std::move(p90));
}

void Simulation::Impl::addWait(WaitTotals &totals, const Job &job) const
{
    const size_t buckets = jobWaitBucketBounds().size() + 1;
    ++totals.counts[size_t(job.partition) * buckets + waitBucket(job.start - job.submit)];
    totals.sumsSeconds[job.partition] += double(job.start - job.submit) / 1000.0;
}

std::vector<SimulatedXid> Simulation::Impl::xidEvents(qint64 from, qint64 to) const
{
    std::vector<SimulatedXid> out;
    if (to <= from)
        return out;
    double benignTotal = 0;
    for (const auto &[code, weight] : kBenignXids)
        benignTotal += weight;
    for (size_t node = 0; node < nodes.size(); ++node) {
        const qint64 online = info[node].onlineMs;
        if (online >= to)
            continue;
        // Occasional errors that leave the node up: a Poisson count per node and UTC day.
        for (qint64 day = floorDiv(std::max(from, online), kDay); day * kDay < to; ++day) {
            const quint64 h = hashOf(config.seed, StreamXid, quint64(node), quint64(day));
            const int count = poisson(kXidPerNodePerDay, unitOf(h));
            SplitMix rng { mix(h) };
            for (int k = 0; k < count; ++k) {
                SimulatedXid xid;
                xid.ms = day * kDay + qint64(rng.uniform() * double(kDay));
                xid.node = int(node);
                xid.gpu = int(rng.uniform() * gpusPerNode);
                double pick = rng.uniform() * benignTotal;
                xid.code = kBenignXids.back().first;
                for (const auto &[code, weight] : kBenignXids) {
                    if (pick < weight) {
                        xid.code = code;
                        break;
                    }
                    pick -= weight;
                }
                if (xid.ms >= from && xid.ms < to && xid.ms >= online && !nodeDownAt(int(node), xid.ms))
                    out.push_back(xid);
            }
        }
        // Every failure is announced by the GPU that fell off the bus (79) or lost NVLink (74).
        const std::vector<Interval> &failures = state[node].failures;
        auto it = std::lower_bound(
            failures.begin(), failures.end(), from, [](const Interval &f, qint64 t) { return f.start < t; });
        for (; it != failures.end() && it->start - kMaxXidLeadMs < to; ++it) {
            const quint64 h = hashOf(config.seed, StreamPrecursor, quint64(node), quint64(it->start));
            SplitMix rng { h };
            SimulatedXid xid;
            xid.ms = it->start
                - kSecond * qint64(30 + rng.uniform() * (double(kMaxXidLeadMs) / double(kSecond) - 30));
            xid.node = int(node);
            xid.gpu = int(rng.uniform() * gpusPerNode);
            xid.code = rng.uniform() < 0.7 ? 79 : 74;
            if (xid.ms >= from && xid.ms < to)
                out.push_back(xid);
        }
    }
    std::sort(out.begin(), out.end(), [](const SimulatedXid &a, const SimulatedXid &b) {
        return std::tie(a.ms, a.node, a.gpu) < std::tie(b.ms, b.node, b.gpu);
    });
    return out;
}

// --- public interface --------------------------------------------------------------------------

Simulation::Simulation(const SimulationConfig &config)
    : d(std::make_unique<Impl>(config))
{ }

Simulation::~Simulation() = default;

const SimulationConfig &Simulation::config() const
{
    return d->config;
}

const std::vector<SimulatedNode> &Simulation::nodes() const
{
    return d->nodes;
}

const std::vector<SimulatedPartition> &Simulation::partitions() const
{
    return d->partitions;
}

QStringList Simulation::accounts() const
{
    QStringList names;
    for (const Impl::AccountInfo &account : d->accounts)
        names.append(account.name);
    return names;
}

QueryResult Simulation::evaluate(const QueryRequest &request)
{
    QueryResult result;
    result.queryId = request.queryId;
    result.startMs = request.startMs;
    result.stepMs = request.stepMs;
    const QueryKind kind = queryKind(request.queryId);
    if (kind == QueryKind::Unknown || request.stepMs < 0 || request.pointCount() <= 0)
        return result;
    const Grid grid { request.startMs, request.stepMs, request.pointCount() };

    // Per-node figures include the last XID, which a failure up to kMaxXidLeadMs later announces.
    d->ensureHorizon(grid.last() + (isNodeFigure(kind) ? kMaxXidLeadMs : 0));
    std::shared_lock lock(d->mutex);
    const size_t n = size_t(grid.n);
    auto single = [&](const QString &name, const QString &labelKey = {}) -> std::vector<double> & {
        Series series;
        series.name = name;
        if (!labelKey.isEmpty())
            series.labels = { { labelKey, name } };
        series.values.assign(n, 0.0);
        result.series.push_back(std::move(series));
        return result.series.back().values;
    };

    switch (kind) {
    case QueryKind::Unknown:
        break;
    case QueryKind::CapacityInstalled:
    case QueryKind::CapacityInstalledFp8: {
        const double tflops = kind == QueryKind::CapacityInstalled ? d->peakTflops : d->peakFp8Tflops;
        std::vector<double> &values = single(QStringLiteral("installed"));
        for (size_t i = 0; i < n; ++i)
            values[i] = d->installedGpusAt(grid.at(int(i))) * tflops / 1000.0;
        break;
    }
    case QueryKind::QueueWait:
        d->waitQuantileSeries(grid, result);
        break;
    case QueryKind::NodeUtil:
        d->nodeUtilSeries(grid, result);
        break;
    case QueryKind::NodeTensor:
    case QueryKind::NodePower:
    case QueryKind::NodeTemperature:
    case QueryKind::NodeGpuCount:
    case QueryKind::NodeLastXid:
    case QueryKind::NodeSlurmState:
        d->nodeFigureSeries(grid, kind, result);
        break;
    case QueryKind::QueuePending:
    case QueryKind::QueueRunning:
        d->queueSeries(grid, kind == QueryKind::QueuePending, result);
        break;
    case QueryKind::AccountGpuHours:
        d->accountSeries(grid, result);
        break;
    case QueryKind::GpusByState: {
        const std::shared_ptr<const Aggregate> shared = d->aggregate(grid);
        const Aggregate &agg = *shared;
        std::vector<double> &allocated = single(QStringLiteral("allocated"), QStringLiteral("state"));
        allocated = agg.allocated;
        std::vector<double> &idle = single(QStringLiteral("idle"), QStringLiteral("state"));
        for (size_t i = 0; i < n; ++i)
            idle[i] = agg.installed[i] - agg.allocated[i] - agg.down[i];
        single(QStringLiteral("down"), QStringLiteral("state")) = agg.down;
        break;
    }
    case QueryKind::CapacityDelivered:
    case QueryKind::CapacityDeliveredFp8:
    case QueryKind::UtilCluster:
    case QueryKind::UtilByPartition:
    case QueryKind::TensorByPartition:
    case QueryKind::Power: {
        const std::shared_ptr<const Aggregate> shared = d->aggregate(grid);
        const Aggregate &agg = *shared;
        if (kind == QueryKind::CapacityDelivered || kind == QueryKind::CapacityDeliveredFp8) {
            const double tflops = kind == QueryKind::CapacityDelivered ? d->peakTflops : d->peakFp8Tflops;
            std::vector<double> &values = single(QStringLiteral("delivered"));
            for (size_t i = 0; i < n; ++i)
                values[i] = agg.tensor[i] * tflops / 1000.0;
        } else if (kind == QueryKind::Power) {
            std::vector<double> &values = single(QStringLiteral("power"));
            for (size_t i = 0; i < n; ++i)
                values[i] = agg.power[i] / 1e6;
        } else if (kind == QueryKind::UtilCluster) {
            std::vector<double> &values = single(QStringLiteral("all"));
            for (size_t i = 0; i < n; ++i) {
                double up = 0, util = 0;
                for (size_t p = 0; p < d->parts.size(); ++p) {
                    up += agg.partUp[p][i];
                    util += agg.partUtil[p][i];
                }
                values[i] = up > 0 ? util / up : qQNaN();
            }
        } else {
            const bool tensor = kind == QueryKind::TensorByPartition;
            for (size_t p = 0; p < d->parts.size(); ++p) {
                std::vector<double> &values = single(d->partitions[p].name, QStringLiteral("partition"));
                for (size_t i = 0; i < n; ++i) {
                    const double up = agg.partUp[p][i];
                    values[i] = up > 0 ? (tensor ? 100.0 * agg.partTensor[p][i] : agg.partUtil[p][i]) / up
                                       : qQNaN();
                }
            }
        }
        break;
    }
    }
    return result;
}

JobCounters Simulation::jobCountersAt(qint64 ms)
{
    d->ensureHorizon(ms);
    std::shared_lock lock(d->mutex);
    // Counted from the job table itself, independently of the per-partition event times the queue
    // series use, so that the two can check each other.
    JobCounters counters;
    for (const Job &job : d->jobs) {
        if (job.submit > ms)
            break;
        ++counters.arrived;
        if (job.start > ms)
            ++counters.pending;
        else if (job.end > ms)
            ++counters.running;
        else
            ++counters.finished;
    }
    return counters;
}

int Simulation::allocatedGpusAt(qint64 ms)
{
    d->ensureHorizon(ms);
    std::shared_lock lock(d->mutex);
    int allocated = 0;
    for (const Impl::NodeState &ns : d->state) {
        auto it = std::upper_bound(
            ns.allocs.begin(), ns.allocs.end(), ms, [](qint64 t, const NodeAlloc &a) { return t < a.start; });
        while (it != ns.allocs.begin()) {
            --it;
            if (it->start < ms - kMaxRuntimeMs)
                break;
            if (it->end > ms)
                allocated += std::popcount(it->mask);
        }
    }
    return allocated;
}

int Simulation::installedGpusAt(qint64 ms) const
{
    return d->installedGpusAt(ms);
}

int Simulation::downGpusAt(qint64 ms)
{
    d->ensureHorizon(ms);
    std::shared_lock lock(d->mutex);
    int down = 0;
    for (size_t node = 0; node < d->nodes.size(); ++node)
        if (d->nodeDownAt(int(node), ms))
            down += d->gpusPerNode;
    return down;
}

std::vector<SimulatedXid> Simulation::xidEventsBetween(qint64 fromMs, qint64 toMs)
{
    // Failures up to kMaxXidLeadMs after the range announce themselves inside it.
    d->ensureHorizon(toMs + kMaxXidLeadMs);
    std::shared_lock lock(d->mutex);
    return d->xidEvents(fromMs, toMs);
}

std::vector<double> Simulation::accountGpuSecondsAt(qint64 ms)
{
    d->ensureHorizon(ms);
    std::shared_lock lock(d->mutex);
    std::vector<double> seconds(d->accounts.size(), 0.0);
    for (int id : d->startedJobs) {
        const Job &job = d->jobs[size_t(id)];
        if (job.start > ms)
            break;
        seconds[job.account]
            += double(job.nodeCount * job.gpusPerNode) * double(std::min(job.end, ms) - job.start) / 1000.0;
    }
    return seconds;
}

std::vector<SimulatedGpuState> Simulation::gpuStatesAt(qint64 ms)
{
    d->ensureHorizon(ms + kMaxXidLeadMs);
    std::shared_lock lock(d->mutex);
    return d->gpuStates(ms, d->xidEvents(ms - kDay + 1, ms + 1));
}

std::vector<SimulatedGpuState> Simulation::Impl::gpuStates(
    qint64 ms, const std::vector<SimulatedXid> &xids) const
{
    std::vector<SimulatedGpuState> states;
    std::vector<int> firstOfNode(nodes.size(), -1);
    for (size_t node = 0; node < nodes.size(); ++node) {
        const NodeInfo &ni = info[node];
        if (ni.onlineMs > ms)
            continue;
        const size_t first = states.size();
        firstOfNode[node] = int(first);
        const bool down = nodeDownAt(int(node), ms);
        for (int g = 0; g < gpusPerNode; ++g) {
            SimulatedGpuState gpu;
            gpu.node = int(node);
            gpu.gpu = g;
            gpu.up = !down;
            if (!down) {
                gpu.powerW = ni.idlePowerW[size_t(g)];
                gpu.temperatureC = 30.0 + 0.065 * gpu.powerW + ni.tempOffsetC[size_t(g)];
            }
            states.push_back(gpu);
        }
        if (!down) {
            // Per-GPU figures use the same formula as the sweep, so the means agree with evaluate().
            const NodeState &ns = state[node];
            auto it = std::upper_bound(ns.allocs.begin(), ns.allocs.end(), ms,
                [](qint64 t, const NodeAlloc &a) { return t < a.start; });
            while (it != ns.allocs.begin()) {
                --it;
                if (it->start < ms - kMaxRuntimeMs)
                    break;
                if (it->end <= ms)
                    continue;
                const Job &job = jobs[size_t(it->job)];
                const qint64 bucket = floorDiv(ms, kNoiseBucketMs);
                const GpuLoad load = gpuLoad(job, noiseEdge(job.noiseKey, bucket),
                    noiseEdge(job.noiseKey, bucket + 1), noisePosition(ms, bucket));
                for (int g = 0; g < gpusPerNode; ++g) {
                    if (!(it->mask & (quint64(1) << g)))
                        continue;
                    SimulatedGpuState &gpu = states[first + size_t(g)];
                    gpu.utilisation = load.util;
                    gpu.tensorActive = load.tensor;
                    gpu.powerW = ni.idlePowerW[size_t(g)] + load.busyPowerW;
                    gpu.temperatureC
                        = std::clamp(30.0 + 0.065 * gpu.powerW + ni.tempOffsetC[size_t(g)], 30.0, 85.0);
                    gpu.framebufferUsedMiB = job.framebufferMiB;
                    gpu.account = accounts[job.account].name;
                }
            }
        }
    }
    // dcgm keeps the last XID; here it is the last one of the past day, so errors age out of the panels.
    auto byTime = [](const SimulatedXid &xid, qint64 t) { return xid.ms < t; };
    const auto from = std::lower_bound(xids.begin(), xids.end(), ms - kDay + 1, byTime);
    const auto to = std::lower_bound(from, xids.end(), ms + 1, byTime);
    for (auto xid = from; xid != to; ++xid)
        if (firstOfNode[size_t(xid->node)] >= 0)
            states[size_t(firstOfNode[size_t(xid->node)]) + size_t(xid->gpu)].lastXid = xid->code;
    return states;
}

void Simulation::Impl::nodeFigureSeries(const Grid &grid, QueryKind kind, QueryResult &result) const
{
    const size_t n = size_t(grid.n);
    const qint64 last = grid.last();
    // Like the PromQL: dcgm figures are grouped by node and partition, Slurm's state by node alone.
    const bool slurm = kind == QueryKind::NodeSlurmState;
    std::vector<double *> values(nodes.size(), nullptr);
    const size_t firstSeries = result.series.size();
    for (size_t node = 0; node < nodes.size(); ++node) {
        if (info[node].onlineMs > last)
            continue; // not yet online anywhere in the range
        Series series;
        series.name = nodes[node].hostname;
        series.labels = { { QStringLiteral("node"), nodes[node].hostname } };
        if (!slurm)
            series.labels.emplace(QStringLiteral("partition"), nodes[node].partition);
        series.values.assign(n, qQNaN());
        result.series.push_back(std::move(series));
    }
    for (size_t node = 0, k = firstSeries; node < nodes.size(); ++node)
        if (info[node].onlineMs <= last)
            values[node] = result.series[k++].values.data();

    const std::vector<SimulatedXid> xids = kind == QueryKind::NodeLastXid
        ? xidEvents(grid.at(0) - kDay + 1, last + 1)
        : std::vector<SimulatedXid>();
    for (size_t i = 0; i < n; ++i) {
        const std::vector<SimulatedGpuState> gpus = gpuStates(grid.at(int(i)), xids);
        // A node's GPUs are contiguous in gpus.
        for (size_t g = 0; g < gpus.size(); g += size_t(gpusPerNode)) {
            int up = 0, allocated = 0, xid = 0;
            double tensor = 0, power = 0, hottest = 0;
            for (size_t k = g; k < g + size_t(gpusPerNode); ++k) {
                const SimulatedGpuState &gpu = gpus[k];
                if (!gpu.up)
                    continue;
                ++up;
                if (!gpu.account.isEmpty())
                    ++allocated;
                tensor += gpu.tensorActive;
                power += gpu.powerW;
                // dcgm reports whole degrees (see the exporter).
                hottest = std::max(hottest, std::round(gpu.temperatureC));
                xid = std::max(xid, gpu.lastXid);
            }
            double value = qQNaN();
            switch (kind) {
            case QueryKind::NodeTensor:
                value = up > 0 ? 100 * (tensor / up) : qQNaN();
                break;
            case QueryKind::NodePower:
                value = up > 0 ? power / 1000 : qQNaN();
                break;
            case QueryKind::NodeTemperature:
                value = up > 0 ? hottest : qQNaN();
                break;
            case QueryKind::NodeGpuCount:
                value = up > 0 ? up : qQNaN();
                break;
            case QueryKind::NodeLastXid:
                value = up > 0 ? xid : qQNaN();
                break;
            case QueryKind::NodeSlurmState: {
                // As the exporter's Slurm series say: allocated when all GPUs are, mixed when some are.
                const ::NodeState slurmState = up == 0 ? ::NodeState::Down
                    : allocated == 0                   ? ::NodeState::Idle
                    : allocated == up                  ? ::NodeState::Allocated
                                                       : ::NodeState::Mixed;
                value = double(slurmState);
                break;
            }
            default:
                break;
            }
            values[size_t(gpus[g].node)][i] = value;
        }
    }
}

const std::vector<double> &Simulation::jobWaitBucketBounds()
{
    // From a minute to a week: a job that starts at once, one waiting behind a full partition for an
    // afternoon, a large job waiting days for whole nodes.
    static const std::vector<double> bounds
        = { 60, 300, 900, 1800, 3600, 7200, 14400, 28800, 57600, 86400, 172800, 345600, 604800 };
    return bounds;
}

std::vector<JobWaitHistogram> Simulation::jobWaitHistogramsAt(qint64 ms)
{
    d->ensureHorizon(ms);
    std::shared_lock lock(d->mutex);
    const size_t buckets = jobWaitBucketBounds().size() + 1;
    const size_t partitions = d->partitions.size();
    // The jobs started at or before ms: the latest snapshot before them, and those since.
    const size_t started
        = size_t(std::upper_bound(d->startedJobs.begin(), d->startedJobs.end(), ms, [this](qint64 t, int id) {
              return t < d->jobs[size_t(id)].start;
          }) - d->startedJobs.begin());
    // Before the first start there is no snapshot, and nothing to count: the totals are zero.
    Impl::WaitTotals totals = d->waitTotals;
    size_t from = started;
    if (!d->waitCheckpoints.empty()) {
        const size_t k = std::min(started / Impl::kWaitCheckpoint, d->waitCheckpoints.size() - 1);
        totals = d->waitCheckpoints[k];
        from = k * Impl::kWaitCheckpoint;
    }
    for (size_t i = from; i < started; ++i)
        d->addWait(totals, d->jobs[size_t(d->startedJobs[i])]);

    std::vector<JobWaitHistogram> histograms(partitions);
    for (size_t p = 0; p < partitions; ++p) {
        JobWaitHistogram &histogram = histograms[p];
        histogram.partition = d->partitions[p].name;
        quint64 running = 0;
        for (size_t b = 0; b + 1 < buckets; ++b)
            histogram.cumulativeCounts.push_back(running += totals.counts[p * buckets + b]);
        histogram.count = running + totals.counts[p * buckets + buckets - 1];
        histogram.sumSeconds = totals.sumsSeconds[p];
    }
    return histograms;
}

double Simulation::histogramQuantile(
    double q, const std::vector<double> &upperBounds, const std::vector<double> &cumulativeCounts)
{
    // Prometheus' bucketQuantile() for a classic histogram whose last bucket is +Inf: linear
    // interpolation inside the bucket that holds the rank, from 0 for the first bucket; the last finite
    // bound when the rank falls in the +Inf bucket; NaN without observations.
    if (std::isnan(q) || cumulativeCounts.size() != upperBounds.size() + 1 || upperBounds.empty())
        return qQNaN();
    if (q < 0)
        return -qInf();
    if (q > 1)
        return qInf();
    const double observations = cumulativeCounts.back();
    if (!(observations > 0))
        return qQNaN();
    const double rank = q * observations;
    const size_t b
        = size_t(std::find_if(cumulativeCounts.begin(), cumulativeCounts.end() - 1, [rank](double count) {
              return count >= rank;
          }) - cumulativeCounts.begin());
    if (b == upperBounds.size())
        return upperBounds.back();
    if (b == 0 && upperBounds.front() <= 0)
        return upperBounds.front();
    const double start = b > 0 ? upperBounds[b - 1] : 0.0;
    const double below = b > 0 ? cumulativeCounts[b - 1] : 0.0;
    return start + (upperBounds[b] - start) * ((rank - below) / (cumulativeCounts[b] - below));
}
