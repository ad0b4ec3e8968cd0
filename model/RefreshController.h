#pragma once

#include "PrometheusParser.h"
#include "QueryResult.h"
#include "SampleStore.h"

#include <QElapsedTimer>
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

    // Queries drawn over the view window (read from the cache).
    void setRangeQueries(const QStringList &queryIds);
    // Queries drawn over a window of their own, from startMs to now on a grid of stepMs (e.g. the
    // roadmap chart, which spans the roadmap whatever the view shows). Their results come as
    // fixedWindowResultReady(name, ...). An empty list removes the window.
    void setFixedWindow(const QString &name, const QStringList &queryIds, qint64 startMs, qint64 stepMs);
    // Queries whose latest value is shown (asked of the source as instant queries on every refresh).
    void setInstantQueries(const QStringList &queryIds);
    // The view window: lengthMs up to endMs (0: up to the source's now, following it), on a grid of
    // stepMs. A change while running drops the requests under way and starts a round for the new window.
    void setWindow(qint64 lengthMs, qint64 stepMs, qint64 endMs = 0);
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

    // The aligned request for a query over the current view window, or over a fixed window.
    QueryRequest windowRequest(const QString &queryId) const { return windowRequest(QString(), queryId); }
    QueryRequest windowRequest(const QString &window, const QString &queryId) const;
    bool isStale() const { return m_staleSinceMs != 0; }
    // When the last answer from the source came; 0 before the first.
    qint64 lastSuccessMs() const { return m_lastSuccessMs; }

Q_SIGNALS:
    // A query's data over the view window, from the cache.
    void rangeResultReady(const QueryResult &result);
    // A query's data over a fixed window (setFixedWindow), from the cache.
    void fixedWindowResultReady(const QString &window, const QueryResult &result);
    // The latest value of a headline query, straight from the source.
    void instantResultReady(const QueryResult &result);
    // A refresh round got every answer it asked for.
    void refreshSucceeded(qint64 atMs);
    // The source failed; data shown is what the cache held at staleSinceMs (the last good answer).
    void sourceFailed(const QString &message, qint64 staleSinceMs);
    void sourceRecovered();
    // A round that asked the source is over, durationMs after it began; succeeded when every answer came.
    void roundFinished(qint64 durationMs, bool succeeded);
    // One request to the source failed (a query, or the alerts or targets); the round may still succeed in
    // part.
    void requestFailed(const SourceError &error);
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
    // A set of queries kept filled over one window; the view window has the empty name.
    struct Window
    {
        QStringList queryIds;
        qint64 lengthMs = 0; // 0: from startMs
        qint64 startMs = 0;
        qint64 endMs = 0; // 0: up to now
        qint64 stepMs = 60LL * 1000;
    };
    struct PendingRead
    {
        QString window;
        bool fetchMissing = false;
    };
    struct PendingFetch
    {
        QString window; // empty for instant requests too
        QueryRequest request;
    };

    void restartRound();
    // Cancels the fetches and forgets the reads of the round under way; cached data stays.
    void dropRound();
    // Reads every window's queries from the cache; fetchMissing asks the source for what it lacks.
    void readWindows(bool fetchMissing);
    void onCacheRead(quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing);
    void onFetched(quint64 requestId, const QueryResult &result);
    void onFailed(quint64 requestId, const QueryRequest &request, const SourceError &error);
    void requestFetch(const QString &window, const QueryRequest &request);
    void countAnswered(const QueryRequest &request);
    void finishIfIdle();
    qint64 nowMs() const;

    MetricSource *m_source;
    CacheService *m_cache;
    QTimer m_timer;
    QHash<QString, Window> m_windows;
    QStringList m_instantQueries;

    // Cache reads under way, by request id.
    QHash<quint64, PendingRead> m_pendingReads;
    // Source requests under way, by request id.
    QHash<quint64, PendingFetch> m_pendingFetches;
    quint64 m_nextFetchId = 1;
    qint64 m_roundPointsTotal = 0;
    qint64 m_roundPointsDone = 0;
    bool m_roundFailed = false;
    // A round that asks the source is under way (not merely cache reads after a window change while stopped).
    bool m_roundActive = false;
    QElapsedTimer m_roundClock;
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
