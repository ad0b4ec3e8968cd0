#pragma once

#include "PrometheusParser.h"
#include "QueryResult.h"
#include "SampleStore.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class MetricSource;
class CacheService;

// Keeps the visible queries filled, cache first: on start it hands the models what the cache
// holds for the live window at once, asks the source only for the ranges the cache is missing,
// writes the answers to the cache and hands the models the cache's view again. A timer repeats
// this for the advancing tail, and asks the source for instant values of the headline queries.
// When the source fails, the cached data stays on screen and sourceFailed() says since when it is stale.
class RefreshController : public QObject
{
    Q_OBJECT
public:
    RefreshController(MetricSource *source, CacheService *cache, QObject *parent = nullptr);

    // Queries drawn over the live window (read from the cache).
    void setRangeQueries(const QStringList &queryIds);
    // Queries whose latest value is shown (asked of the source as instant queries on every refresh).
    void setInstantQueries(const QStringList &queryIds);
    // The live window: the last lengthMs up to the source's now, on a grid of stepMs.
    void setWindow(qint64 lengthMs, qint64 stepMs);
    // Whether each round also asks the source for its alerts and scrape targets.
    void setHealthEnabled(bool enabled) { m_healthEnabled = enabled; }
    void setRefreshInterval(int ms);
    // The interval in force: the configured one, or longer while the source keeps failing
    // (doubling per failed round, up to five minutes), so that a struggling server is not hammered.
    int refreshInterval() const { return m_timer.interval(); }

    // Paints from the cache and starts refreshing; after stop(), resumes.
    void start();
    // Stops refreshing and drops the requests under way: what is cached stays, nothing is lost.
    void stop();
    void refreshNow();
    bool isRunning() const { return m_timer.isActive(); }

    // The aligned request for a query over the current live window.
    QueryRequest windowRequest(const QString &queryId) const;
    bool isStale() const { return m_staleSinceMs != 0; }
    // When the last answer from the source came; 0 before the first.
    qint64 lastSuccessMs() const { return m_lastSuccessMs; }

Q_SIGNALS:
    // A query's data over the live window, from the cache.
    void rangeResultReady(const QueryResult &result);
    // The latest value of a headline query, straight from the source.
    void instantResultReady(const QueryResult &result);
    // A refresh round got every answer it asked for.
    void refreshSucceeded(qint64 atMs);
    // The source failed; data shown is what the cache held at staleSinceMs (the last good answer).
    void sourceFailed(const QString &message, qint64 staleSinceMs);
    void sourceRecovered();
    void cacheError(const QString &message);
    // Grid points asked of the source in this round, and how many of them have been answered.
    // (total, total) or (0, 0) when the round is over.
    void fetchProgress(qint64 pointsDone, qint64 pointsTotal);
    // The centre's health, on every round when enabled. A failure keeps what was shown.
    void alertsReady(const std::vector<PrometheusAlert> &alerts);
    void targetsReady(const std::vector<PrometheusTarget> &targets);
    void healthFailed(const QString &message);
    // The source answered but warned (e.g. a Thanos partial response): the data may be incomplete.
    void sourceWarned(const QString &queryId, const QStringList &warnings);

private:
    void onCacheRead(quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing);
    void onFetched(quint64 requestId, const QueryResult &result);
    void onFailed(quint64 requestId, const QueryRequest &request, const SourceError &error);
    void requestFetch(const QueryRequest &request);
    void countAnswered(const QueryRequest &request);
    void finishIfIdle();
    qint64 nowMs() const;

    MetricSource *m_source;
    CacheService *m_cache;
    QTimer m_timer;
    QStringList m_rangeQueries;
    QStringList m_instantQueries;
    qint64 m_windowMs = 24 * 3600 * 1000LL;
    qint64 m_stepMs = 60 * 1000;

    // Cache reads under way, by request id; true when their missing ranges should be fetched.
    QHash<quint64, bool> m_pendingReads;
    // Source requests under way, by request id.
    QHash<quint64, QueryRequest> m_pendingFetches;
    quint64 m_nextFetchId = 1;
    qint64 m_roundPointsTotal = 0;
    qint64 m_roundPointsDone = 0;
    bool m_roundFailed = false;
    int m_roundRequests = 0;
    int m_roundFailures = 0;
    QString m_lastError;
    qint64 m_lastSuccessMs = 0;
    qint64 m_staleSinceMs = 0;
    int m_baseIntervalMs = 15000;
    bool m_healthEnabled = false;
    // The health requests of the latest round; answers to older ones are ignored.
    quint64 m_alertsRequest = 0;
    quint64 m_targetsRequest = 0;
    int m_failedRounds = 0;
};
