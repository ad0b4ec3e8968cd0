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
    if (!QueryCatalogue::builtInIds().contains(request.queryId)) {
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
