#include "GpuPeakTable.h"
#include "NodeState.h"
#include "QueryCatalogue.h"
#include "Simulation.h"

#include <QDateTime>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <thread>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

SimulationConfig seeded(quint64 seed)
{
    SimulationConfig config;
    config.seed = seed;
    return config;
}

// Series compare NaN as unequal to itself; here a gap in both is the same value.
bool sameValues(const QueryResult &a, const QueryResult &b)
{
    if (a.series.size() != b.series.size())
        return false;
    for (size_t s = 0; s < a.series.size(); ++s) {
        const Series &x = a.series[s];
        const Series &y = b.series[s];
        if (x.name != y.name || x.labels != y.labels || x.values.size() != y.values.size())
            return false;
        for (size_t i = 0; i < x.values.size(); ++i)
            if (!(x.values[i] == y.values[i] || (std::isnan(x.values[i]) && std::isnan(y.values[i]))))
                return false;
    }
    return true;
}

double seriesSum(const QueryResult &result, int index)
{
    double sum = 0;
    for (const Series &series : result.series)
        sum += series.values.at(size_t(index));
    return sum;
}

double nodePflops()
{
    const Roadmap &roadmap = Roadmap::builtIn();
    return roadmap.gpusPerNode()
        * *GpuPeakTable::builtIn().tflops(roadmap.gpuModel(), Precision::DenseFp16Bf16) / 1000.0;
}

} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT

private:
    // One simulation shared by the read-only tests: its state at any instant is fixed.
    std::unique_ptr<Simulation> m_sim;
    // For determinism: two of one seed (one run far ahead and asked other things first) and another seed.
    std::unique_ptr<Simulation> m_seven, m_sevenRunAhead, m_eight;
    const qint64 m_rangeEnd = utcMs("2026-11-20T00:00:00Z");

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<Simulation>(seeded(1));
        m_seven = std::make_unique<Simulation>(seeded(7));
        m_sevenRunAhead = std::make_unique<Simulation>(seeded(7));
        m_eight = std::make_unique<Simulation>(seeded(8));
        // Answers must not depend on how far the simulation has run or what it was asked before.
        m_sevenRunAhead->jobCountersAt(utcMs("2025-06-01T00:00:00Z"));
        m_sevenRunAhead->evaluate(QueryRequest { QStringLiteral("power_mw"), utcMs("2025-02-01T00:00:00Z"),
            utcMs("2025-02-02T00:00:00Z"), kHour });
    }

    void centreMakeUp()
    {
        const std::vector<SimulatedNode> &nodes = m_sim->nodes();
        const Roadmap &roadmap = Roadmap::builtIn();
        const int expectedNodes = int(std::ceil(roadmap.finalPflops() / nodePflops()));
        QCOMPARE(int(nodes.size()), expectedNodes);
        QCOMPARE(nodes.front().hostname, QStringLiteral("aisc-gpu-0001"));
        QCOMPARE(nodes.front().gpuModel, roadmap.gpuModel());
        QCOMPARE(nodes.front().gpuCount, roadmap.gpusPerNode());

        // Every partition gets about its share of nodes.
        for (const SimulatedPartition &partition : m_sim->partitions()) {
            const auto count = std::count_if(nodes.begin(), nodes.end(),
                [&](const SimulatedNode &n) { return n.partition == partition.name; });
            QVERIFY2(std::abs(double(count) / double(nodes.size()) - partition.shareOfNodes) < 0.01,
                qPrintable(partition.name));
        }
        const QStringList accounts = m_sim->accounts();
        QVERIFY(accounts.size() >= 20);
        QVERIFY(std::any_of(accounts.begin(), accounts.end(),
            [](const QString &a) { return a.startsWith(QLatin1String("aiss-")); }));
    }

    void determinism_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : QueryCatalogue::builtInIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void determinism()
    {
        QFETCH(QString, id);
        const QueryRequest request { id, utcMs("2025-03-01T00:00:00Z"), utcMs("2025-03-03T00:00:00Z"),
            5 * kMinute };
        const QueryResult a = m_seven->evaluate(request);
        const QueryResult b = m_sevenRunAhead->evaluate(request);
        QVERIFY(!a.series.empty());
        QVERIFY(sameValues(a, b));

        if (id.startsWith(QLatin1String("capacity_installed_pflops")))
            return; // the roadmap, not the seed, decides it
        QVERIFY(!sameValues(a, m_eight->evaluate(request)));
    }

    void capacityMeetsRoadmap_data()
    {
        QTest::addColumn<qint64>("dateMs");
        QTest::addColumn<double>("pflops");
        for (const RoadmapMilestone &milestone : Roadmap::builtIn().milestones())
            QTest::newRow(qPrintable(milestone.id))
                << QDateTime(milestone.date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() << milestone.pflops;
    }

    void capacityMeetsRoadmap()
    {
        QFETCH(qint64, dateMs);
        QFETCH(double, pflops);
        const QueryResult result = m_sim->evaluate(
            QueryRequest { QStringLiteral("capacity_installed_pflops"), dateMs, dateMs, 0 });
        QCOMPARE(result.series.size(), size_t(1));
        QCOMPARE(result.series[0].name, QStringLiteral("installed"));
        const double installed = result.series[0].values.at(0);
        QVERIFY2(std::abs(installed - pflops) <= nodePflops(),
            qPrintable(QStringLiteral("installed %1 vs milestone %2").arg(installed).arg(pflops)));
        // The phase's last node comes online on the date itself, not later.
        QVERIFY(installed >= pflops);
    }

    // A scaled centre (aisc-exporter --gpus) keeps the roadmap's dates, ends at the size asked for, and
    // is as deterministic as the full one: integration tests compare a server's answers with it.
    void scaledCentre_data()
    {
        QTest::addColumn<int>("gpus");
        QTest::newRow("64") << 64;
        QTest::newRow("3000") << 3000;
        QTest::newRow("not a multiple of 8") << 100;
    }
    void scaledCentre()
    {
        QFETCH(int, gpus);
        SimulationConfig config = seeded(7);
        config.targetGpus = gpus;
        Simulation a(config);
        Simulation b(config);
        const int gpusPerNode = Roadmap::builtIn().gpusPerNode();
        const qint64 end = utcMs("2026-01-01T00:00:00Z");
        QCOMPARE(a.installedGpusAt(end), (gpus + gpusPerNode - 1) / gpusPerNode * gpusPerNode);
        QCOMPARE(a.installedGpusAt(utcMs("2024-01-01T00:00:00Z")), 0);
        QVERIFY(a.installedGpusAt(utcMs("2024-12-31T00:00:00Z")) > 0);
        const qint64 at = utcMs("2026-02-27T00:00:00Z");
        for (const QString &id : QueryCatalogue::builtInIds()) {
            const QueryRequest request { id, at - kDay, at, 10 * kMinute };
            QVERIFY2(sameValues(a.evaluate(request), b.evaluate(request)), qPrintable(id));
        }
        QCOMPARE(a.allocatedGpusAt(at), b.allocatedGpusAt(at));
        QCOMPARE(a.accountGpuSecondsAt(at), b.accountGpuSecondsAt(at));
    }

    void nothingBeforeTheFirstNode()
    {
        qint64 first = std::numeric_limits<qint64>::max();
        for (const SimulatedNode &node : m_sim->nodes())
            first = std::min(first, node.onlineMs);
        QCOMPARE(m_sim->installedGpusAt(first - 1), 0);
        QCOMPARE(m_sim->allocatedGpusAt(first - 1), 0);
        QCOMPARE(m_sim->jobCountersAt(first - 1).arrived, qint64(0));
        QCOMPARE(m_sim->installedGpusAt(first), m_sim->nodes().front().gpuCount);
    }

    void allocationNeverExceedsUpCapacity()
    {
        // Every 7 h 13 min from the first node to the end of the range: all hours of the day get sampled.
        const qint64 start = m_sim->nodes().front().onlineMs;
        int samples = 0, busy = 0;
        for (qint64 t = start; t < m_rangeEnd; t += 7 * kHour + 13 * kMinute) {
            const int allocated = m_sim->allocatedGpusAt(t);
            const int installed = m_sim->installedGpusAt(t);
            const int down = m_sim->downGpusAt(t);
            QVERIFY2(allocated >= 0 && down >= 0 && allocated <= installed - down,
                qPrintable(QStringLiteral("at %1: allocated %2, installed %3, down %4")
                               .arg(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate))
                               .arg(allocated)
                               .arg(installed)
                               .arg(down)));
            ++samples;
            if (allocated > 0)
                ++busy;
        }
        QVERIFY(samples > 2000);
        QVERIFY(busy > samples * 9 / 10);
    }

    void gpusByStateAddsUp()
    {
        const QueryRequest request { QStringLiteral("gpus_by_state"), m_rangeEnd - 2 * kDay, m_rangeEnd,
            17 * kMinute };
        const QueryResult result = m_sim->evaluate(request);
        const Series *allocated = result.findSeries(QStringLiteral("allocated"));
        const Series *idle = result.findSeries(QStringLiteral("idle"));
        const Series *down = result.findSeries(QStringLiteral("down"));
        QVERIFY(allocated && idle && down);
        for (int i = 0; i < result.pointCount(); ++i) {
            const qint64 t = result.timestampAt(i);
            QCOMPARE(allocated->values[size_t(i)], double(m_sim->allocatedGpusAt(t)));
            QCOMPARE(down->values[size_t(i)], double(m_sim->downGpusAt(t)));
            QCOMPARE(allocated->values[size_t(i)] + idle->values[size_t(i)] + down->values[size_t(i)],
                double(m_sim->installedGpusAt(t)));
            QVERIFY(idle->values[size_t(i)] >= 0);
        }
    }

    void jobsAreConserved()
    {
        const qint64 start = m_sim->nodes().front().onlineMs;
        int samples = 0;
        for (qint64 t = start + kHour; t < m_rangeEnd; t += 9 * kDay + 5 * kHour + 7 * kMinute) {
            const JobCounters counters = m_sim->jobCountersAt(t);
            QCOMPARE(counters.arrived, counters.pending + counters.running + counters.finished);

            // The queue series are counted another way (per-partition event times); they must agree.
            const QueryResult pending
                = m_sim->evaluate(QueryRequest { QStringLiteral("queue_pending_by_partition"), t, t, 0 });
            const QueryResult running
                = m_sim->evaluate(QueryRequest { QStringLiteral("queue_running_by_partition"), t, t, 0 });
            QCOMPARE(pending.series.size(), m_sim->partitions().size());
            QCOMPARE(qint64(seriesSum(pending, 0)), counters.pending);
            QCOMPARE(qint64(seriesSum(running, 0)), counters.running);
            ++samples;
        }
        QVERIFY(samples > 50);
        const JobCounters end = m_sim->jobCountersAt(m_rangeEnd);
        QVERIFY(end.finished > 100000);
    }

    void everyIdOnADay_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : QueryCatalogue::builtInIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void everyIdOnADay()
    {
        QFETCH(QString, id);
        const QueryRequest request { id, m_rangeEnd, m_rangeEnd + kDay, kMinute };
        const QueryResult result = m_sim->evaluate(request);
        QCOMPARE(result.queryId, id);
        QCOMPARE(result.startMs, request.startMs);
        QCOMPARE(result.stepMs, request.stepMs);
        QVERIFY(!result.series.empty());
        QCOMPARE(result.pointCount(), 1440);
        std::set<QString> names;
        for (const Series &series : result.series) {
            QCOMPARE(int(series.values.size()), 1440);
            QVERIFY(!series.name.isEmpty());
            QVERIFY2(names.insert(series.name).second, qPrintable(series.name));
        }
        if (id == QLatin1String("node_gpu_util"))
            QCOMPARE(result.series.size(), m_sim->nodes().size());
        if (id == QLatin1String("account_gpu_hours")) {
            QVERIFY(result.series.size() <= 10);
            for (const Series &series : result.series) {
                QVERIFY(m_sim->accounts().contains(series.name));
                QCOMPARE(series.labels.at(QStringLiteral("account")), series.name);
            }
        }
    }

    void rangeAgreesWithInstants_data() { everyIdOnADay_data(); }

    void rangeAgreesWithInstants()
    {
        QFETCH(QString, id);
        if (id == QLatin1String("account_gpu_hours"))
            QSKIP("top 10 is chosen over the whole range, so an instant may pick other accounts");
        const qint64 start = m_rangeEnd - 3 * kDay;
        const QueryResult range = m_sim->evaluate(QueryRequest { id, start, start + kDay, 37 * kMinute });
        for (int i : { 0, 5, 17, range.pointCount() - 1 }) {
            const qint64 t = range.timestampAt(i);
            const QueryResult instant = m_sim->evaluate(QueryRequest { id, t, t, 0 });
            QCOMPARE(instant.pointCount(), 1);
            for (const Series &series : instant.series) {
                const Series *same = range.findSeries(series.name);
                QVERIFY(same);
                const double a = series.values[0], b = same->values[size_t(i)];
                QVERIFY2(
                    (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a)),
                    qPrintable(QStringLiteral("%1 at %2: %3 vs %4").arg(series.name).arg(i).arg(a).arg(b)));
            }
        }
    }

    void gpuStatesAgreeWithQueries()
    {
        const qint64 t = m_rangeEnd - 5 * kHour;
        const std::vector<SimulatedGpuState> gpus = m_sim->gpuStatesAt(t);
        QCOMPARE(int(gpus.size()), m_sim->installedGpusAt(t));
        double utilSum = 0, powerW = 0;
        int up = 0, busy = 0;
        for (const SimulatedGpuState &gpu : gpus) {
            const SimulatedNode &node = m_sim->nodes().at(size_t(gpu.node));
            QVERIFY(gpu.gpu >= 0 && gpu.gpu < node.gpuCount);
            if (!gpu.up) {
                QVERIFY(gpu.account.isEmpty());
                continue;
            }
            ++up;
            utilSum += gpu.utilisation;
            powerW += gpu.powerW;
            QVERIFY(gpu.utilisation >= 0 && gpu.utilisation <= 100);
            QVERIFY(gpu.tensorActive >= 0 && gpu.tensorActive <= 1);
            QVERIFY(gpu.powerW >= 55 && gpu.powerW <= 700);
            QVERIFY(gpu.temperatureC >= 30 && gpu.temperatureC <= 85);
            if (gpu.account.isEmpty()) {
                QCOMPARE(gpu.utilisation, 0.0);
                QCOMPARE(gpu.framebufferUsedMiB, 0.0);
            } else {
                ++busy;
                QVERIFY(gpu.framebufferUsedMiB > 0);
                // AI Subsidy Scheme projects run in their own partition.
                QCOMPARE(gpu.account.startsWith(QLatin1String("aiss-")),
                    node.partition == QLatin1String("subsidy"));
            }
        }
        QCOMPARE(busy, m_sim->allocatedGpusAt(t));
        const QueryResult util
            = m_sim->evaluate(QueryRequest { QStringLiteral("gpu_util_cluster"), t, t, 0 });
        QVERIFY(std::abs(util.series.at(0).values.at(0) - utilSum / up) < 1e-9);
        const QueryResult power = m_sim->evaluate(QueryRequest { QStringLiteral("power_mw"), t, t, 0 });
        QVERIFY(std::abs(power.series.at(0).values.at(0) - powerW / 1e6) < 1e-6);
    }

    void dailyRhythm()
    {
        // Monday 9 to Monday 16 November 2026: jobs queue up in Hong Kong working hours and drain at night.
        const qint64 start = utcMs("2026-11-08T16:00:00Z"); // Monday 00:00 HKT
        const QueryRequest request { QStringLiteral("queue_pending_by_partition"), start, start + 7 * kDay,
            10 * kMinute };
        const QueryResult pending = m_sim->evaluate(request);
        const QueryResult util = m_sim->evaluate(QueryRequest {
            QStringLiteral("gpu_util_cluster"), request.startMs, request.endMs, request.stepMs });
        double dayPending = 0, nightPending = 0, dayUtil = 0, nightUtil = 0;
        int day = 0, night = 0;
        for (int i = 0; i < pending.pointCount(); ++i) {
            const int hkHour = int(((pending.timestampAt(i) - start) % kDay) / kHour);
            if (hkHour >= 11 && hkHour < 19) {
                dayPending += seriesSum(pending, i);
                dayUtil += util.series[0].values[size_t(i)];
                ++day;
            } else if (hkHour >= 2 && hkHour < 8) {
                nightPending += seriesSum(pending, i);
                nightUtil += util.series[0].values[size_t(i)];
                ++night;
            }
        }
        qInfo("mean pending jobs: %.1f by day, %.1f by night; mean utilisation: %.1f %% by day, %.1f %% by "
              "night",
            dayPending / day, nightPending / night, dayUtil / day, nightUtil / night);
        QVERIFY(dayPending / day > 1.5 * (nightPending / night));
        QVERIFY(dayUtil / day > nightUtil / night);
    }

    void failuresAndXids()
    {
        const qint64 start = m_rangeEnd - 30 * kDay;
        const QueryResult states
            = m_sim->evaluate(QueryRequest { QStringLiteral("gpus_by_state"), start, m_rangeEnd, kMinute });
        const Series *down = states.findSeries(QStringLiteral("down"));
        QVERIFY(down);
        int firstDown = -1;
        for (int i = 1; i < states.pointCount() && firstDown < 0; ++i)
            if (down->values[size_t(i)] > down->values[size_t(i - 1)])
                firstDown = i;
        QVERIFY2(firstDown >= 0, "no node failed in 30 days");

        // The failed node reports down GPUs, and one of them raised XID 79 or 74 just before.
        const qint64 t = states.timestampAt(firstDown);
        const std::vector<SimulatedGpuState> gpus = m_sim->gpuStatesAt(t);
        bool sawFailureXid = false;
        int downGpus = 0;
        for (const SimulatedGpuState &gpu : gpus) {
            if (gpu.up)
                continue;
            ++downGpus;
            QCOMPARE(gpu.utilisation, 0.0);
            if (gpu.lastXid == 79 || gpu.lastXid == 74)
                sawFailureXid = true;
        }
        QCOMPARE(double(downGpus), down->values[size_t(firstDown)]);
        QVERIFY(sawFailureXid);

        const std::vector<SimulatedXid> xids = m_sim->xidEventsBetween(start, m_rangeEnd);
        QVERIFY(!xids.empty());
        std::set<int> codes;
        for (size_t k = 0; k < xids.size(); ++k) {
            QVERIFY(xids[k].ms >= start && xids[k].ms < m_rangeEnd);
            QVERIFY(k == 0 || xids[k - 1].ms <= xids[k].ms);
            codes.insert(xids[k].code);
        }
        QVERIFY(codes.count(79) + codes.count(74) > 0);
        QVERIFY(codes.size() >= 4);
        qInfo("%zu XID errors in 30 days", xids.size());
    }

    // The node table's figures (QueryCatalogue::nodeDetailIds()) are each node's GPU states reduced as the
    // catalogue's PromQL reduces dcgm's and Slurm's series: a node that is down has no dcgm figures and
    // Slurm says it is down.
    void nodeFiguresAgreeWithGpuStates()
    {
        qint64 t = m_rangeEnd - 5 * kHour;
        while (m_sim->downGpusAt(t) == 0 && t > m_rangeEnd - 30 * kDay)
            t -= 10 * kMinute;
        QVERIFY2(m_sim->downGpusAt(t) > 0, "no node down in 30 days");

        struct Expected
        {
            int up = 0, allocated = 0, xid = 0;
            double tensor = 0, powerW = 0, hottest = 0;
        };
        std::map<QString, Expected> expected;
        for (const SimulatedGpuState &gpu : m_sim->gpuStatesAt(t)) {
            Expected &node = expected[m_sim->nodes().at(size_t(gpu.node)).hostname];
            if (!gpu.up)
                continue;
            ++node.up;
            node.allocated += gpu.account.isEmpty() ? 0 : 1;
            node.xid = std::max(node.xid, gpu.lastXid);
            node.tensor += gpu.tensorActive;
            node.powerW += gpu.powerW;
            node.hottest = std::max(node.hottest, std::round(gpu.temperatureC));
        }

        std::map<QString, QueryResult> results;
        for (const QString &id : QueryCatalogue::nodeDetailIds()) {
            results[id] = m_sim->evaluate(QueryRequest { id, t, t, 0 });
            QCOMPARE(results[id].series.size(), expected.size());
        }
        auto value = [&](const char *id, const QString &node) {
            const Series *series = results.at(QLatin1String(id)).findSeries(node);
            return series ? series->values.at(0) : -1.0;
        };
        std::set<NodeState> states;
        int withXid = 0;
        for (const auto &[node, e] : expected) {
            const double state = value("node_state", node);
            states.insert(*nodeStateFromCode(state));
            if (e.up == 0) {
                QCOMPARE(nodeStateFromCode(state), NodeState::Down);
                for (const char *id : { "node_tensor_active", "node_power_kw", "node_gpu_temp_max",
                         "node_gpu_count", "node_last_xid" })
                    QVERIFY2(std::isnan(value(id, node)), id);
                continue;
            }
            const NodeState want = e.allocated == 0 ? NodeState::Idle
                : e.allocated == e.up               ? NodeState::Allocated
                                                    : NodeState::Mixed;
            QCOMPARE(nodeStateFromCode(state), want);
            QCOMPARE(value("node_gpu_count", node), double(e.up));
            QVERIFY(std::abs(value("node_tensor_active", node) - 100 * e.tensor / e.up) < 1e-9);
            QVERIFY(std::abs(value("node_power_kw", node) - e.powerW / 1000) < 1e-9);
            QCOMPARE(value("node_gpu_temp_max", node), e.hottest);
            QCOMPARE(value("node_last_xid", node), double(e.xid));
            withXid += e.xid > 0 ? 1 : 0;
        }
        QVERIFY(states.count(NodeState::Down));
        QVERIFY(states.count(NodeState::Allocated) || states.count(NodeState::Mixed));
        QVERIFY2(withXid > 0, "no node holds an XID: the figure is not exercised");

        // The dcgm figures carry the node's partition, as "by (node, partition)" keeps it; Slurm's do not.
        const Series &power = results.at(QStringLiteral("node_power_kw")).series.front();
        QCOMPARE(power.labels.at(QStringLiteral("node")), power.name);
        QVERIFY(!power.labels.at(QStringLiteral("partition")).isEmpty());
        QCOMPARE(
            results.at(QStringLiteral("node_state")).series.front().labels.count(QStringLiteral("partition")),
            size_t(0));
    }

    void nodeFiguresOverARange_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : QueryCatalogue::nodeDetailIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void nodeFiguresOverARange()
    {
        QFETCH(QString, id);
        const qint64 start = m_rangeEnd - 2 * kDay;
        const QueryResult range
            = m_sim->evaluate(QueryRequest { id, start, start + 6 * kHour, 37 * kMinute });
        QCOMPARE(range.series.size(), m_sim->nodes().size());
        for (int i = 0; i < range.pointCount(); ++i) {
            const qint64 t = range.timestampAt(i);
            const QueryResult instant = m_sim->evaluate(QueryRequest { id, t, t, 0 });
            for (const Series &series : instant.series) {
                const Series *same = range.findSeries(series.name);
                QVERIFY(same);
                const double a = series.values[0], b = same->values[size_t(i)];
                QVERIFY2((std::isnan(a) && std::isnan(b)) || a == b,
                    qPrintable(QStringLiteral("%1 at %2: %3 vs %4").arg(series.name).arg(i).arg(a).arg(b)));
            }
        }
    }

    void noGapsInClusterSeries_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("step");
        for (const char *id :
            { "capacity_installed_pflops", "capacity_delivered_pflops", "capacity_installed_pflops_fp8",
                "capacity_delivered_pflops_fp8", "gpu_util_cluster", "gpus_by_state", "power_mw" }) {
            QTest::addRow("%s, ramp-up", id)
                << QString(QLatin1String(id)) << m_sim->nodes().front().onlineMs << 10 * kMinute;
            QTest::addRow("%s, 2026", id) << QString(QLatin1String(id)) << m_rangeEnd - 30 * kDay << kMinute;
        }
    }

    void noGapsInClusterSeries()
    {
        QFETCH(QString, id);
        QFETCH(qint64, start);
        QFETCH(qint64, step);
        const QueryResult result = m_sim->evaluate(QueryRequest { id, start, start + 30 * kDay, step });
        QVERIFY(!result.series.empty());
        for (const Series &series : result.series)
            for (double value : series.values)
                QVERIFY2(std::isfinite(value) && value >= 0, qPrintable(series.name));
    }

    void utilisationIsPlausible()
    {
        const QueryResult result = m_sim->evaluate(QueryRequest {
            QStringLiteral("gpu_util_by_partition"), m_rangeEnd - 7 * kDay, m_rangeEnd, 10 * kMinute });
        QCOMPARE(result.series.size(), m_sim->partitions().size());
        for (const Series &series : result.series) {
            QCOMPARE(series.labels.at(QStringLiteral("partition")), series.name);
            double sum = 0;
            for (double value : series.values) {
                QVERIFY(value >= 0 && value <= 100);
                sum += value;
            }
            const double mean = sum / double(series.values.size());
            qInfo("%s: mean utilisation %.1f %%", qPrintable(series.name), mean);
            QVERIFY(mean > 10 && mean < 100);
        }
    }

    // The FP8 ids are the FP16/BF16 ones at the FP8 peak of the same GPUs, point for point.
    void fp8CapacityIsTheSameGpusAtTheFp8Peak_data()
    {
        QTest::addColumn<QString>("fp16Id");
        QTest::addColumn<QString>("fp8Id");
        QTest::newRow("installed") << QStringLiteral("capacity_installed_pflops")
                                   << QStringLiteral("capacity_installed_pflops_fp8");
        QTest::newRow("delivered") << QStringLiteral("capacity_delivered_pflops")
                                   << QStringLiteral("capacity_delivered_pflops_fp8");
    }

    void fp8CapacityIsTheSameGpusAtTheFp8Peak()
    {
        QFETCH(QString, fp16Id);
        QFETCH(QString, fp8Id);
        const GpuPeakTable &table = GpuPeakTable::builtIn();
        const QString model = Roadmap::builtIn().gpuModel();
        const double ratio
            = *table.tflops(model, Precision::DenseFp8) / *table.tflops(model, Precision::DenseFp16Bf16);
        QVERIFY(ratio > 1.5);
        const qint64 start = m_rangeEnd - 2 * kDay;
        const QueryResult fp16 = m_sim->evaluate(QueryRequest { fp16Id, start, m_rangeEnd, 17 * kMinute });
        const QueryResult fp8 = m_sim->evaluate(QueryRequest { fp8Id, start, m_rangeEnd, 17 * kMinute });
        QCOMPARE(fp8.series.size(), size_t(1));
        QCOMPARE(fp8.series[0].name, fp16.series[0].name);
        QCOMPARE(fp8.pointCount(), fp16.pointCount());
        for (int i = 0; i < fp8.pointCount(); ++i) {
            const double a = fp8.series[0].values[size_t(i)], b = fp16.series[0].values[size_t(i)] * ratio;
            QVERIFY2(std::abs(a - b) <= 1e-9 * std::max(1.0, b), qPrintable(QString::number(i)));
        }
        QVERIFY(fp8.series[0].values.back() > 0);
    }

    // What the exporter's histogram says and what queue_wait_minutes says are one thing: the quantiles of
    // the histogram's increase over the hour before each point.
    void waitQuantilesAreTheHistogramsIncrease()
    {
        const std::vector<double> &bounds = Simulation::jobWaitBucketBounds();
        const qint64 start = m_rangeEnd - kDay;
        const QueryResult result = m_sim->evaluate(
            QueryRequest { QStringLiteral("queue_wait_minutes"), start, m_rangeEnd, 97 * kMinute });
        QCOMPARE(result.series.size(), size_t(2));
        QCOMPARE(result.series[0].name, QStringLiteral("p50"));
        QCOMPARE(result.series[1].name, QStringLiteral("p90"));
        QCOMPARE(result.series[1].labels.at(QStringLiteral("quantile")), QStringLiteral("p90"));
        int withJobs = 0;
        for (int i = 0; i < result.pointCount(); ++i) {
            const qint64 t = result.timestampAt(i);
            const std::vector<JobWaitHistogram> before = m_sim->jobWaitHistogramsAt(t - kHour);
            const std::vector<JobWaitHistogram> after = m_sim->jobWaitHistogramsAt(t);
            std::vector<double> increase(bounds.size() + 1, 0.0);
            for (size_t p = 0; p < after.size(); ++p) {
                for (size_t b = 0; b < bounds.size(); ++b)
                    increase[b] += double(after[p].cumulativeCounts[b] - before[p].cumulativeCounts[b]);
                increase.back() += double(after[p].count - before[p].count);
            }
            withJobs += increase.back() > 0;
            for (auto [series, q] : { std::pair { 0, 0.5 }, std::pair { 1, 0.9 } }) {
                const double want = Simulation::histogramQuantile(q, bounds, increase) / 60.0;
                const double got = result.series[size_t(series)].values[size_t(i)];
                QVERIFY2(got == want || (std::isnan(got) && std::isnan(want)),
                    qPrintable(QStringLiteral("q %1 at %2: %3 vs %4").arg(q).arg(i).arg(got).arg(want)));
            }
            QVERIFY(!(result.series[0].values[size_t(i)] > result.series[1].values[size_t(i)]));
        }
        QVERIFY(withJobs > result.pointCount() / 2);
    }

    // Every job that started is in the histogram once, with its wait; cumulative counts never fall.
    void waitHistogramCountsEveryStartedJob()
    {
        const qint64 t = m_rangeEnd - 7 * kHour;
        const std::vector<JobWaitHistogram> histograms = m_sim->jobWaitHistogramsAt(t);
        QCOMPARE(histograms.size(), m_sim->partitions().size());
        quint64 started = 0;
        for (size_t p = 0; p < histograms.size(); ++p) {
            const JobWaitHistogram &histogram = histograms[p];
            QCOMPARE(histogram.partition, m_sim->partitions()[p].name);
            QCOMPARE(histogram.cumulativeCounts.size(), Simulation::jobWaitBucketBounds().size());
            QVERIFY(std::is_sorted(histogram.cumulativeCounts.begin(), histogram.cumulativeCounts.end()));
            QVERIFY(histogram.cumulativeCounts.back() <= histogram.count);
            QVERIFY(histogram.sumSeconds >= 0);
            started += histogram.count;
        }
        const JobCounters counters = m_sim->jobCountersAt(t);
        QCOMPARE(qint64(started), counters.running + counters.finished);

        // The same whether the simulation has run far past the instant or only up to it.
        const qint64 early = utcMs("2025-02-10T13:17:00Z");
        Simulation fresh(seeded(7));
        const std::vector<JobWaitHistogram> a = fresh.jobWaitHistogramsAt(early);
        const std::vector<JobWaitHistogram> b = m_sevenRunAhead->jobWaitHistogramsAt(early);
        QCOMPARE(a.size(), b.size());
        for (size_t p = 0; p < a.size(); ++p) {
            QCOMPARE(a[p].cumulativeCounts, b[p].cumulativeCounts);
            QCOMPARE(a[p].count, b[p].count);
            QCOMPARE(a[p].sumSeconds, b[p].sumSeconds);
        }
    }

    void histogramQuantile_data()
    {
        QTest::addColumn<double>("q");
        QTest::addColumn<std::vector<double>>("cumulative");
        QTest::addColumn<double>("expected");
        // Upper bounds 1, 2, 4 and +Inf; as Prometheus' histogram_quantile() answers.
        QTest::newRow("median in the second bucket") << 0.5 << std::vector<double> { 0, 5, 10, 10 } << 2.0;
        QTest::newRow("interpolated") << 0.25 << std::vector<double> { 0, 5, 10, 10 } << 1.5;
        QTest::newRow("upper bucket") << 0.9 << std::vector<double> { 0, 5, 10, 10 } << 3.6;
        QTest::newRow("first bucket from zero") << 0.5 << std::vector<double> { 4, 4, 4, 4 } << 0.5;
        QTest::newRow("in +Inf: last finite bound") << 0.5 << std::vector<double> { 0, 0, 1, 4 } << 4.0;
        QTest::newRow("no observations") << 0.5 << std::vector<double> { 0, 0, 0, 0 } << qQNaN();
        QTest::newRow("q above 1") << 1.5 << std::vector<double> { 1, 2, 3, 4 } << qInf();
        QTest::newRow("q below 0") << -0.5 << std::vector<double> { 1, 2, 3, 4 } << -qInf();
    }

    void histogramQuantile()
    {
        QFETCH(double, q);
        QFETCH(std::vector<double>, cumulative);
        QFETCH(double, expected);
        const double got = Simulation::histogramQuantile(q, { 1, 2, 4 }, cumulative);
        QVERIFY2(
            got == expected || (std::isnan(got) && std::isnan(expected)), qPrintable(QString::number(got)));
    }

    void unknownIdYieldsNoSeries()
    {
        const QueryResult result = m_sim->evaluate(
            QueryRequest { QStringLiteral("no_such_query"), m_rangeEnd - kDay, m_rangeEnd, kMinute });
        QCOMPARE(result.queryId, QStringLiteral("no_such_query"));
        QVERIFY(result.series.empty());
    }

    void concurrentEvaluation()
    {
        // Several threads asking at once, one of them pushing the horizon forward, agree with one thread.
        Simulation shared(seeded(3));
        Simulation alone(seeded(3));
        const QueryRequest request { QStringLiteral("gpu_util_by_partition"), utcMs("2025-01-10T00:00:00Z"),
            utcMs("2025-01-12T00:00:00Z"), 5 * kMinute };
        std::vector<QueryResult> results(4);
        std::vector<std::thread> threads;
        for (size_t k = 0; k < results.size(); ++k)
            threads.emplace_back([&, k] {
                if (k == 0)
                    shared.jobCountersAt(utcMs("2025-02-01T00:00:00Z"));
                results[k] = shared.evaluate(request);
            });
        for (std::thread &thread : threads)
            thread.join();
        const QueryResult expected = alone.evaluate(request);
        for (const QueryResult &result : results)
            QVERIFY(sameValues(result, expected));
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
