#include "Dashboard.h"

#include "CacheService.h"
#include "DemoSource.h"
#include "KpiModel.h"
#include "MainWindow.h"
#include "OverviewPage.h"
#include "QueryCatalogue.h"
#include "RefreshController.h"
#include "Roadmap.h"
#include "TimeSeriesModel.h"

#include <QDir>

#include <set>

namespace {
constexpr qint64 windowMs = 24 * 3600 * 1000LL;
constexpr qint64 stepMs = 60 * 1000;
constexpr int refreshIntervalMs = 15000;
} // namespace

Dashboard::Dashboard(const DashboardOptions &options, std::unique_ptr<MetricSource> source, QObject *parent)
    : QObject(parent)
    , m_source(source ? std::move(source) : std::make_unique<DemoSource>())
    , m_cache(new CacheService(this))
    , m_controller(new RefreshController(m_source.get(), m_cache, this))
    , m_kpis(new KpiModel(Roadmap::builtIn(), this))
    , m_utilisation(new TimeSeriesModel(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"), this))
    , m_queue(new TimeSeriesModel(QStringLiteral("queue_pending_by_partition"), QStringLiteral("jobs"), this))
    , m_window(std::make_unique<MainWindow>())
    , m_cachePath(options.cachePath.isEmpty() ? CacheService::defaultPath() : options.cachePath)
{
    m_kpis->setDefinitions(KpiModel::overviewDefinitions());

    // The charts' queries and the tiles' queries are all kept over the live window, so that the
    // tiles too can paint from the cache at once; the tiles then follow instant values.
    std::set<QString> kpiQueries;
    for (const KpiDefinition &definition : m_kpis->definitions())
        kpiQueries.insert(definition.queryId);
    QStringList rangeQueries { m_utilisation->queryId(), m_queue->queryId() };
    for (const QString &id : kpiQueries)
        if (!rangeQueries.contains(id))
            rangeQueries.append(id);
    m_controller->setRangeQueries(rangeQueries);
    m_controller->setInstantQueries(QStringList(kpiQueries.begin(), kpiQueries.end()));
    m_controller->setWindow(windowMs, stepMs);
    m_controller->setRefreshInterval(refreshIntervalMs);

    OverviewPage *overview = m_window->overviewPage();
    overview->setKpiModel(m_kpis);
    overview->setUtilisationModel(m_utilisation);
    overview->setQueueModel(m_queue);
    m_window->setSource(m_source->displayName(), m_source->isSimulated());
    m_window->setCacheDescription(tr("Cache: %1").arg(QDir::toNativeSeparators(m_cachePath)));

    connect(m_controller, &RefreshController::rangeResultReady, this, &Dashboard::routeResult);
    connect(m_controller, &RefreshController::instantResultReady, m_kpis, &KpiModel::updateFromResult);
    connect(m_controller, &RefreshController::refreshSucceeded, this, [this](qint64 atMs) {
        m_window->setLastUpdate(atMs);
        m_window->clearStale();
        m_kpis->setStale(false);
    });
    connect(
        m_controller, &RefreshController::sourceFailed, this, [this](const QString &message, qint64 sinceMs) {
            m_window->setStale(sinceMs, message);
            m_kpis->setStale(true);
        });
    connect(m_controller, &RefreshController::cacheError, m_window.get(), &MainWindow::showMessage);
    connect(m_controller, &RefreshController::fetchProgress, m_window.get(), &MainWindow::setFetchProgress);
    // F5 refreshes at once, and resumes refreshing after Stop.
    connect(m_window.get(), &MainWindow::refreshRequested, m_controller, &RefreshController::start);
    connect(m_window.get(), &MainWindow::stopRequested, this, [this] {
        m_controller->stop();
        m_window->setPaused(true);
    });

    connect(m_cache, &CacheService::notice, m_window.get(), &MainWindow::showMessage);
    connect(m_cache, &CacheService::opened, this, [this](const QString &path, bool ok, const QString &error) {
        if (ok || path == QLatin1String(":memory:"))
            return;
        // The file stays where it is, untouched; this session keeps its data in memory instead.
        m_window->showMessage(tr("%1 Using a temporary in-memory cache for this session.").arg(error));
        m_window->setCacheDescription(
            tr("Cache: in memory (%1 could not be opened)").arg(QDir::toNativeSeparators(path)));
        m_cache->open(QStringLiteral(":memory:"));
    });
}

Dashboard::~Dashboard()
{
    m_controller->stop();
}

void Dashboard::start()
{
    m_cache->open(m_cachePath);
    m_window->show();
    m_controller->start();
}

void Dashboard::routeResult(const QueryResult &result)
{
    if (result.queryId == m_utilisation->queryId())
        m_utilisation->setResult(result);
    if (result.queryId == m_queue->queryId())
        m_queue->setResult(result);
    m_kpis->updateFromResult(result);
}
