#include "DemoSource.h"

#include "QueryCatalogue.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

DemoSource::DemoSource(const SimulationConfig &config, Clock clock, QObject *parent)
    : MetricSource(parent)
    , m_simulation(std::make_shared<Simulation>(config))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    m_pool.setObjectName(QStringLiteral("DemoSource"));
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<SourceError>();
}

// Watchers are children: destroying the source destroys them, so a result still being computed is
// dropped; the worker keeps the simulation alive through its own shared_ptr.
DemoSource::~DemoSource() = default;

QString DemoSource::displayName() const
{
    return tr("simulated centre");
}

qint64 DemoSource::nowMs() const
{
    return m_clock();
}

void DemoSource::fetch(quint64 requestId, const QueryRequest &request)
{
    m_inFlight.insert(requestId);
    if (!QueryCatalogue::isBuiltIn(request.queryId)) {
        // Answered asynchronously like any other request, so callers never see re-entrant signals.
        QMetaObject::invokeMethod(
            this,
            [this, requestId, request] {
                m_inFlight.remove(requestId);
                if (m_cancelled.remove(requestId))
                    return;
                Q_EMIT failed(requestId, request,
                    SourceError { SourceError::Kind::Unsupported,
                        tr("The simulated centre does not know the query '%1'.").arg(request.queryId) });
            },
            Qt::QueuedConnection);
        return;
    }

    auto *watcher = new QFutureWatcher<QueryResult>(this);
    connect(watcher, &QFutureWatcher<QueryResult>::finished, this, [this, watcher, requestId] {
        watcher->deleteLater();
        m_inFlight.remove(requestId);
        if (m_cancelled.remove(requestId))
            return;
        Q_EMIT fetched(requestId, watcher->result());
    });
    std::shared_ptr<Simulation> simulation = m_simulation;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [simulation, request] { return simulation->evaluate(request); }));
}

void DemoSource::cancel(quint64 requestId)
{
    // Only requests still under way are remembered, so the set cannot grow with stale ids.
    if (m_inFlight.contains(requestId))
        m_cancelled.insert(requestId);
}

std::vector<PrometheusAlert> DemoSource::alertsAt(Simulation &simulation, qint64 ms)
{
    const std::vector<SimulatedNode> &nodes = simulation.nodes();
    const std::vector<SimulatedGpuState> gpus = simulation.gpuStatesAt(ms);
    std::vector<PrometheusAlert> alerts;
    std::vector<bool> nodeDown(nodes.size(), false);
    for (const SimulatedGpuState &gpu : gpus)
        if (!gpu.up)
            nodeDown[size_t(gpu.node)] = true;
    for (size_t node = 0; node < nodes.size(); ++node) {
        if (!nodeDown[node])
            continue;
        PrometheusAlert alert;
        alert.name = QStringLiteral("NodeDown");
        alert.state = QStringLiteral("firing");
        alert.labels = { { QStringLiteral("alertname"), alert.name },
            { QStringLiteral("severity"), QStringLiteral("critical") },
            { QStringLiteral("hostname"), nodes[node].hostname },
            { QStringLiteral("partition"), nodes[node].partition } };
        alert.annotations = { { QStringLiteral("summary"),
            QStringLiteral("%1 is down: its %2 GPUs are out of service")
                .arg(nodes[node].hostname)
                .arg(nodes[node].gpuCount) } };
        alert.value = 1;
        alerts.push_back(alert);
    }
    // The newest XID of each GPU in the last day, as a rule on DCGM_FI_DEV_XID_ERRORS would fire.
    std::map<std::pair<int, int>, SimulatedXid> latest;
    for (const SimulatedXid &xid : simulation.xidEventsBetween(ms - 24LL * 3600 * 1000, ms))
        latest[{ xid.node, xid.gpu }] = xid;
    for (const auto &[where, xid] : latest) {
        PrometheusAlert alert;
        alert.name = QStringLiteral("GpuXidError");
        alert.state = QStringLiteral("firing");
        const SimulatedNode &node = nodes[size_t(xid.node)];
        alert.labels = { { QStringLiteral("alertname"), alert.name },
            { QStringLiteral("severity"), QStringLiteral("warning") },
            { QStringLiteral("hostname"), node.hostname },
            { QStringLiteral("gpu"), QString::number(xid.gpu) },
            { QStringLiteral("partition"), node.partition } };
        alert.annotations = { { QStringLiteral("summary"),
            QStringLiteral("XID %1 on GPU %2 of %3").arg(xid.code).arg(xid.gpu).arg(node.hostname) } };
        alert.activeAtMs = xid.ms;
        alert.value = xid.code;
        alerts.push_back(alert);
    }
    const JobCounters jobs = simulation.jobCountersAt(ms);
    if (jobs.pending > 500) {
        PrometheusAlert alert;
        alert.name = QStringLiteral("QueueBacklog");
        alert.state = QStringLiteral("firing");
        alert.labels = { { QStringLiteral("alertname"), alert.name },
            { QStringLiteral("severity"), QStringLiteral("warning") } };
        alert.annotations
            = { { QStringLiteral("summary"), QStringLiteral("%1 jobs are waiting").arg(jobs.pending) } };
        alert.value = double(jobs.pending);
        alerts.push_back(alert);
    }
    return alerts;
}

std::vector<PrometheusTarget> DemoSource::targetsAt(Simulation &simulation, qint64 ms)
{
    const std::vector<SimulatedNode> &nodes = simulation.nodes();
    const std::vector<SimulatedGpuState> gpus = simulation.gpuStatesAt(ms);
    std::vector<int> online(nodes.size(), 0); // 0: not commissioned, 1: up, 2: down
    for (const SimulatedGpuState &gpu : gpus)
        online[size_t(gpu.node)] = std::max(online[size_t(gpu.node)], gpu.up ? 1 : 2);
    std::vector<PrometheusTarget> targets;
    PrometheusTarget slurm;
    slurm.scrapePool = QStringLiteral("slurm");
    slurm.scrapeUrl = QStringLiteral("http://slurmctld:8080/metrics");
    slurm.labels = { { QStringLiteral("job"), QStringLiteral("slurm") },
        { QStringLiteral("instance"), QStringLiteral("slurmctld:8080") } };
    slurm.health = PrometheusTarget::Health::Up;
    slurm.lastScrapeMs = ms;
    targets.push_back(slurm);
    for (size_t node = 0; node < nodes.size(); ++node) {
        if (online[node] == 0)
            continue;
        PrometheusTarget target;
        target.scrapePool = QStringLiteral("dcgm");
        const QString instance = nodes[node].hostname + QStringLiteral(":9400");
        target.scrapeUrl = QStringLiteral("http://") + instance + QStringLiteral("/metrics");
        target.labels
            = { { QStringLiteral("job"), QStringLiteral("dcgm") }, { QStringLiteral("instance"), instance } };
        target.health = online[node] == 1 ? PrometheusTarget::Health::Up : PrometheusTarget::Health::Down;
        if (target.health == PrometheusTarget::Health::Down)
            target.lastError = QStringLiteral("Get \"") + target.scrapeUrl
                + QStringLiteral("\": connect: connection refused");
        target.lastScrapeMs = ms;
        targets.push_back(target);
    }
    return targets;
}

void DemoSource::fetchAlerts(quint64 requestId)
{
    auto *watcher = new QFutureWatcher<std::vector<PrometheusAlert>>(this);
    connect(
        watcher, &QFutureWatcher<std::vector<PrometheusAlert>>::finished, this, [this, watcher, requestId] {
            watcher->deleteLater();
            Q_EMIT alertsFetched(requestId, watcher->result());
        });
    std::shared_ptr<Simulation> simulation = m_simulation;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [simulation, now = nowMs()] { return alertsAt(*simulation, now); }));
}

void DemoSource::fetchTargets(quint64 requestId)
{
    auto *watcher = new QFutureWatcher<std::vector<PrometheusTarget>>(this);
    connect(
        watcher, &QFutureWatcher<std::vector<PrometheusTarget>>::finished, this, [this, watcher, requestId] {
            watcher->deleteLater();
            Q_EMIT targetsFetched(requestId, watcher->result());
        });
    std::shared_ptr<Simulation> simulation = m_simulation;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [simulation, now = nowMs()] { return targetsAt(*simulation, now); }));
}
