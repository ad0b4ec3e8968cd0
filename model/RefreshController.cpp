#include "RefreshController.h"

#include "CacheService.h"
#include "MetricSource.h"

#include <QDateTime>

#include <algorithm>

namespace {
// Prometheus answers at most 11,000 points per series and query_range; longer gaps are split.
constexpr qint64 maxPointsPerRequest = 11000;
} // namespace

RefreshController::RefreshController(MetricSource *source, CacheService *cache, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_cache(cache)
{
    m_windows.insert(QString(), Window { {}, 24LL * 3600 * 1000, 0, 0, 60LL * 1000 });
    m_timer.setInterval(m_baseIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RefreshController::refreshNow);
    connect(m_cache, &CacheService::readFinished, this, &RefreshController::onCacheRead);
    connect(m_cache, &CacheService::writeFailed, this, [this](const QString &queryId, const QString &error) {
        Q_EMIT cacheError(tr("Could not store %1 in the cache: %2").arg(queryId, error));
    });
    connect(m_source, &MetricSource::fetched, this, &RefreshController::onFetched);
    connect(m_source, &MetricSource::failed, this, &RefreshController::onFailed);
    connect(m_source, &MetricSource::alertsFetched, this,
        [this](quint64 requestId, const std::vector<PrometheusAlert> &alerts) {
            if (requestId == m_alertsRequest)
                Q_EMIT alertsReady(alerts);
        });
    connect(m_source, &MetricSource::targetsFetched, this,
        [this](quint64 requestId, const std::vector<PrometheusTarget> &targets) {
            if (requestId == m_targetsRequest)
                Q_EMIT targetsReady(targets);
        });
    connect(m_source, &MetricSource::healthFailed, this, [this](quint64 requestId, const SourceError &error) {
        if (requestId == m_alertsRequest || requestId == m_targetsRequest) {
            Q_EMIT requestFailed(error);
            Q_EMIT healthFailed(error.message);
        }
    });
}

void RefreshController::setRangeQueries(const QStringList &queryIds)
{
    m_windows[QString()].queryIds = queryIds;
}

void RefreshController::setInstantQueries(const QStringList &queryIds)
{
    m_instantQueries = queryIds;
}

void RefreshController::setFixedWindow(
    const QString &name, const QStringList &queryIds, qint64 startMs, qint64 stepMs)
{
    Q_ASSERT(!name.isEmpty() && stepMs > 0);
    if (queryIds.isEmpty()) {
        m_windows.remove(name);
        return;
    }
    Window &window = m_windows[name];
    window.queryIds = queryIds;
    window.lengthMs = 0;
    window.startMs = startMs;
    window.endMs = 0;
    window.stepMs = stepMs;
}

void RefreshController::setWindow(qint64 lengthMs, qint64 stepMs, qint64 endMs)
{
    Q_ASSERT(stepMs > 0 && lengthMs >= stepMs);
    Window &window = m_windows[QString()];
    if (window.lengthMs == lengthMs && window.stepMs == stepMs && window.endMs == endMs)
        return;
    window.lengthMs = lengthMs;
    window.stepMs = stepMs;
    window.endMs = endMs;
    restartRound();
}

void RefreshController::setRefreshInterval(int ms)
{
    m_baseIntervalMs = ms;
    if (m_failedRounds == 0)
        m_timer.setInterval(ms);
}

void RefreshController::start()
{
    refreshNow();
    m_timer.start();
}

void RefreshController::stop()
{
    m_timer.stop();
    dropRound();
    m_alertsRequest = m_targetsRequest = 0;
}

void RefreshController::dropRound()
{
    for (auto it = m_pendingFetches.cbegin(); it != m_pendingFetches.cend(); ++it)
        m_source->cancel(it.key());
    m_pendingFetches.clear();
    m_pendingReads.clear();
    m_roundActive = false;
    m_roundPointsDone = m_roundPointsTotal = 0;
    Q_EMIT fetchProgress(0, 0);
}

void RefreshController::readWindows(bool fetchMissing)
{
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it)
        for (const QString &id : it->queryIds)
            m_pendingReads.insert(
                m_cache->read(windowRequest(it.key(), id)), PendingRead { it.key(), fetchMissing });
}

qint64 RefreshController::nowMs() const
{
    return m_source->nowMs();
}

QueryRequest RefreshController::windowRequest(const QString &windowName, const QString &queryId) const
{
    const Window window = m_windows.value(windowName);
    const qint64 step = window.stepMs;
    // The grid is anchored at multiples of the step, so that every refresh asks for the same
    // timestamps and the cache can reuse what it holds. The newest point is the last one not after
    // the window's end (or now).
    const qint64 endAt = window.endMs > 0 ? std::min(window.endMs, nowMs()) : nowMs();
    const qint64 end = (endAt / step + 1) * step;
    const qint64 start = window.lengthMs > 0 ? end - (window.lengthMs + step - 1) / step * step
                                             : window.startMs / step * step;
    return QueryRequest { queryId, std::min(start, end - step), end, step };
}

void RefreshController::restartRound()
{
    // Answers for the old window would be stale the moment they came: drop them and ask anew.
    // While stopped, the new window is painted from the cache alone.
    dropRound();
    if (isRunning())
        refreshNow();
    else
        readWindows(false);
}

void RefreshController::refreshNow()
{
    // A round still waiting for a slow source is not piled upon; its deadline belongs to the source.
    if (m_roundActive)
        return;
    m_pendingReads.clear(); // cache-only reads of a stopped controller: this round reads again
    m_roundActive = true;
    m_roundClock.start();
    m_roundFailed = false;
    m_roundRequests = m_roundFailures = 0;
    m_roundPointsDone = m_roundPointsTotal = 0;
    readWindows(true);
    const qint64 now = nowMs();
    for (const QString &id : std::as_const(m_instantQueries))
        requestFetch(QString(), QueryRequest { id, now, now, 0 });
    if (m_healthEnabled) {
        m_alertsRequest = m_nextFetchId++;
        m_source->fetchAlerts(m_alertsRequest);
        m_targetsRequest = m_nextFetchId++;
        m_source->fetchTargets(m_targetsRequest);
    }
}

void RefreshController::onCacheRead(
    quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing)
{
    const auto it = m_pendingReads.find(requestId);
    if (it == m_pendingReads.end())
        return; // not ours, or from before stop()
    const PendingRead read = it.value();
    m_pendingReads.erase(it);

    // Also when the cache holds nothing for the window yet: the views then say they are waiting,
    // instead of showing another window's data.
    if (read.window.isEmpty())
        Q_EMIT rangeResultReady(result);
    else
        Q_EMIT fixedWindowResultReady(read.window, result);

    if (read.fetchMissing) {
        const qint64 chunk = maxPointsPerRequest * result.stepMs;
        for (const TimeRange &gap : missing)
            for (qint64 start = gap.startMs; start < gap.endMs; start += chunk)
                requestFetch(read.window,
                    QueryRequest {
                        result.queryId, start, std::min(gap.endMs, start + chunk), result.stepMs });
    }
    finishIfIdle();
}

void RefreshController::requestFetch(const QString &window, const QueryRequest &request)
{
    const quint64 id = m_nextFetchId++;
    m_pendingFetches.insert(id, PendingFetch { window, request });
    ++m_roundRequests;
    if (!request.isInstant()) {
        m_roundPointsTotal += request.pointCount();
        Q_EMIT fetchProgress(m_roundPointsDone, m_roundPointsTotal);
    }
    m_source->fetch(id, request);
}

void RefreshController::countAnswered(const QueryRequest &request)
{
    if (request.isInstant())
        return;
    m_roundPointsDone += request.pointCount();
    Q_EMIT fetchProgress(m_roundPointsDone, m_roundPointsTotal);
}

void RefreshController::onFetched(quint64 requestId, const QueryResult &result)
{
    const auto it = m_pendingFetches.find(requestId);
    if (it == m_pendingFetches.end())
        return;
    const QString window = it->window;
    const QueryRequest request = it->request;
    m_pendingFetches.erase(it);
    countAnswered(request);
    if (!result.warnings.isEmpty())
        Q_EMIT sourceWarned(request.queryId, result.warnings);

    if (request.isInstant()) {
        Q_EMIT instantResultReady(result);
    } else {
        // The answer goes to the cache, and the models get the cache's view of the whole window,
        // so what is drawn is always what is stored.
        // The range asked for is covered even when the answer holds no series (nothing matched):
        // otherwise every refresh would ask for it again.
        m_cache->write(result, request.endMs);
        // Once no other range fetch of this query is under way: an instant fetch of the same query (a
        // headline tile's) writes nothing to the cache, so waiting for it would skip the re-read.
        if (std::none_of(m_pendingFetches.cbegin(), m_pendingFetches.cend(), [&](const PendingFetch &f) {
                return !f.request.isInstant() && f.window == window && f.request.queryId == request.queryId;
            }))
            m_pendingReads.insert(
                m_cache->read(windowRequest(window, request.queryId)), PendingRead { window, false });
    }
    finishIfIdle();
}

void RefreshController::onFailed(quint64 requestId, const QueryRequest &request, const SourceError &error)
{
    if (!m_pendingFetches.remove(requestId))
        return;
    countAnswered(request);
    Q_EMIT requestFailed(error);
    // The first failure explains the round; the count says whether it was one query or all.
    if (m_roundFailures++ == 0)
        m_lastError = error.message;
    m_roundFailed = true;
    finishIfIdle();
}

void RefreshController::finishIfIdle()
{
    if (!m_pendingFetches.isEmpty() || !m_pendingReads.isEmpty() || !m_roundActive)
        return;
    m_roundActive = false;
    Q_EMIT roundFinished(m_roundClock.elapsed(), !m_roundFailed);
    if (m_roundFailed) {
        ++m_failedRounds;
        constexpr int maxBackoffMs = 5 * 60 * 1000;
        m_timer.setInterval(
            int(std::min<qint64>(qint64(m_baseIntervalMs) << std::min(m_failedRounds, 10), maxBackoffMs)));
        if (m_staleSinceMs == 0)
            m_staleSinceMs = m_lastSuccessMs != 0 ? m_lastSuccessMs : QDateTime::currentMSecsSinceEpoch();
        Q_EMIT sourceFailed(m_roundFailures > 1 ? tr("%1; %2 of %3 requests failed")
                                                      .arg(m_lastError)
                                                      .arg(m_roundFailures)
                                                      .arg(m_roundRequests)
                                                : m_lastError,
            m_staleSinceMs);
        return;
    }
    m_lastSuccessMs = QDateTime::currentMSecsSinceEpoch();
    m_failedRounds = 0;
    m_timer.setInterval(m_baseIntervalMs);
    if (m_staleSinceMs != 0) {
        m_staleSinceMs = 0;
        Q_EMIT sourceRecovered();
    }
    Q_EMIT refreshSucceeded(m_lastSuccessMs);
}
