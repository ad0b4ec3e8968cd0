#pragma once

#include "QueryResult.h"
#include "SampleStore.h"

#include <QObject>

class QThread;
class CacheWorker;

// Runs a SampleStore on its own thread. Calls return at once; operations run in the order they
// were made, so a read made after a write sees it. Results come back as signals on the caller's thread.
class CacheService : public QObject
{
    Q_OBJECT
public:
    explicit CacheService(QObject *parent = nullptr);
    ~CacheService() override;

    // The cache file used when none is given: the platform's app-data location.
    static QString defaultPath();

    void open(const QString &path);
    // Returns the id that readFinished() will carry.
    quint64 read(const QueryRequest &request);
    // Stores the result and marks [startMs, coveredEndMs) covered; coveredEndMs 0 means the
    // result's own end. An answer with no series still covers the range it was asked for.
    void write(const QueryResult &result, qint64 coveredEndMs = 0);
    void write(QueryResult &&result, qint64 coveredEndMs = 0);
    // How much the cache keeps. Applied on the cache thread after open(), when changed while open,
    // and then at most every RetentionIntervalMs while results are written. Until it is called,
    // nothing is deleted. A run goes in short steps, and reads and writes queued meanwhile go first.
    void setRetention(const RetentionPolicy &policy);
    static constexpr int RetentionIntervalMs = 10 * 60 * 1000;

Q_SIGNALS:
    void opened(const QString &path, bool ok, const QString &error);
    void readFinished(quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing);
    void written(const QString &queryId, qint64 startMs, qint64 endMs);
    void writeFailed(const QString &queryId, const QString &error);
    // Something the user should be told of, e.g. that a damaged cache was moved aside and replaced.
    void notice(const QString &message);
    // Retention ran (after open, or after writes); notice() tells the user when data was deleted for size.
    void retentionApplied(const RetentionReport &report);

private:
    friend class CacheWorker;
    void deliverRead(quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing);

    QThread *m_thread;
    CacheWorker *m_worker;
    quint64 m_nextRequestId = 1;
};
