#include "CacheService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QPointer>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Owns the SampleStore on the cache thread. Its slots run there, in the order CacheService queued
// them, and its signals reach CacheService (and so the caller) as queued connections.
class CacheWorker : public QObject
{
    Q_OBJECT
public:
    explicit CacheWorker(CacheService *service)
        : m_service(service)
    { }

    void open(const QString &path)
    {
        // A QSqlDatabase connection may only be used on the thread that created it: this one.
        static std::atomic<int> counter { 0 };
        m_store = std::make_unique<SampleStore>(QStringLiteral("aisc-cache-%1").arg(++counter));
        m_openError.clear();
        const bool ok = m_store->open(path, &m_openError);
        Q_EMIT opened(path, ok, m_openError);
        if (!m_store->notice().isEmpty())
            Q_EMIT notice(m_store->notice());
        if (ok)
            applyRetention();
    }

    void setRetention(const RetentionPolicy &policy)
    {
        if (m_retention && *m_retention == policy)
            return;
        m_retention = policy;
        if (m_store && m_store->isOpen())
            applyRetention();
    }

    // Starts a run; its steps go one per event-loop turn (see retentionStep()).
    void applyRetention()
    {
        if (m_retentionTimer)
            m_retentionTimer->stop();
        if (!m_store || !m_store->isOpen() || !m_retention)
            return;
        QString error;
        if (!m_store->startRetention(*m_retention, QDateTime::currentMSecsSinceEpoch(), &error)) {
            qWarning("Cache retention failed: %s", qPrintable(error));
            return;
        }
        postRetentionStep(++m_retentionRun);
    }

    // Each step is posted behind the reads and writes already queued, so that they go first: a first
    // run far over the cap takes seconds, which would otherwise hold every read back until it ends.
    void postRetentionStep(quint64 run)
    {
        QMetaObject::invokeMethod(
            this, [this, run] { retentionStep(run); }, Qt::QueuedConnection);
    }

    void retentionStep(quint64 run)
    {
        // A newer run (changed policy) or another file (reopened) replaced this one.
        if (run != m_retentionRun || !m_store || !m_store->isRetentionRunning())
            return;
        bool done = false;
        RetentionReport report;
        QString error;
        if (!m_store->continueRetention(&done, &report, &error)) {
            qWarning("Cache retention failed: %s", qPrintable(error));
            return;
        }
        if (!done) {
            postRetentionStep(run);
            return;
        }
        if (report.chunksDeleted() > 0)
            qInfo("Cache %s: retention deleted %lld chunks for age and %lld for size; %lld -> %lld bytes",
                qPrintable(m_store->path()), report.chunksDeletedForAge, report.chunksDeletedForSize,
                report.bytesBefore, report.bytesAfter);
        if (report.chunksDeletedForSize > 0)
            Q_EMIT notice(QCoreApplication::translate("CacheService",
                "The cache %1 reached its size limit of %2 MB, so the data before %3 was deleted from it. "
                "To keep more, raise max_size_mb in the [cache] section of the config file.")
                              .arg(QDir::toNativeSeparators(m_store->path()))
                              .arg(m_retention->maxBytes / (1024LL * 1024))
                              .arg(QLocale().toString(
                                  QDateTime::fromMSecsSinceEpoch(report.deletedForSizeUntilMs),
                                  QLocale::ShortFormat)));
        Q_EMIT retentionApplied(report);
    }

    void read(quint64 requestId, const QueryRequest &request)
    {
        auto answer = std::make_shared<ReadAnswer>();
        if (!m_store || !m_store->isOpen()) {
            // Nothing is cached: an empty grid, all of it missing.
            SampleStore closed(QString {});
            answer->result = closed.read(request);
            answer->missing = closed.missing(request);
        } else {
            answer->result = m_store->read(request);
            answer->missing = m_store->missing(request);
        }
        // Not a queued signal, which would copy the result and free the copy on the caller's thread:
        // a long read at a fine step is tens of MB, and giving that much memory back to the system
        // took 40-65 ms of the GUI thread. The answer is handed over and comes back here to be freed.
        QMetaObject::invokeMethod(
            m_service,
            [service = m_service, worker = QPointer<CacheWorker>(this), requestId, answer]() mutable {
                service->deliverRead(requestId, answer->result, answer->missing);
                if (worker)
                    QMetaObject::invokeMethod(
                        worker, [answer = std::move(answer)] {}, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    void write(const QueryResult &result, qint64 coveredEndMs)
    {
        QString error;
        if (!m_store || !m_store->isOpen()) {
            error = m_openError.isEmpty()
                ? QCoreApplication::translate("CacheService", "The cache is not open.")
                : m_openError;
        } else if (m_store->write(result, coveredEndMs > 0 ? coveredEndMs : result.endMs(), &error)) {
            Q_EMIT written(result.queryId, result.startMs, coveredEndMs > 0 ? coveredEndMs : result.endMs());
            scheduleRetention();
            return;
        }
        // NOLINTNEXTLINE(readability-misleading-indentation): Q_EMIT is empty, so the call looks indented
        Q_EMIT writeFailed(result.queryId, error);
    }

    // The last operation: everything queued before it has run.
    void shutDown()
    {
        delete m_retentionTimer;
        m_retentionTimer = nullptr;
        m_store.reset();
        thread()->quit();
    }

Q_SIGNALS:
    void opened(const QString &path, bool ok, const QString &error);
    void written(const QString &queryId, qint64 startMs, qint64 endMs);
    void writeFailed(const QString &queryId, const QString &error);
    void notice(const QString &message);
    void retentionApplied(const RetentionReport &report);

private:
    // Writes add data: retention runs again at most RetentionIntervalMs after the first write since
    // the last run. The timer lives on this thread, so the run never blocks the GUI thread.
    void scheduleRetention()
    {
        if (!m_retention)
            return;
        if (!m_retentionTimer) {
            m_retentionTimer = new QTimer(this);
            m_retentionTimer->setSingleShot(true);
            m_retentionTimer->setInterval(CacheService::RetentionIntervalMs);
            connect(m_retentionTimer, &QTimer::timeout, this, &CacheWorker::applyRetention);
        }
        if (!m_retentionTimer->isActive())
            m_retentionTimer->start();
    }

    struct ReadAnswer
    {
        QueryResult result;
        std::vector<TimeRange> missing;
    };

    CacheService *m_service;
    std::unique_ptr<SampleStore> m_store;
    QString m_openError;
    quint64 m_retentionRun = 0;
    // None until setRetention(): a service nobody configured keeps everything.
    std::optional<RetentionPolicy> m_retention;
    QTimer *m_retentionTimer = nullptr;
};

CacheService::CacheService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new CacheWorker(this))
{
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<std::vector<TimeRange>>();
    qRegisterMetaType<RetentionReport>();

#if defined(__GLIBC__)
    // Results cross between this thread and the cache thread and are freed on the other one: a
    // backfill's pieces (MB each) on the cache thread, long reads here. By default glibc keeps such
    // buffers in its heap and gives freed memory back with brk while holding the heap's lock, which
    // kept the GUI thread's own allocations waiting 40-80 ms (tst_cachestall). Buffers from 64 kB up
    // are mapped one by one instead; freeing them takes no allocator lock. Process-wide, set once.
    static std::once_flag allocatorSet;
    std::call_once(allocatorSet, [] { mallopt(M_MMAP_THRESHOLD, 64 * 1024); });
#endif

    m_thread->setObjectName(QStringLiteral("CacheService"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CacheWorker::opened, this, &CacheService::opened);
    connect(m_worker, &CacheWorker::written, this, &CacheService::written);
    connect(m_worker, &CacheWorker::writeFailed, this, &CacheService::writeFailed);
    connect(m_worker, &CacheWorker::notice, this, &CacheService::notice);
    connect(m_worker, &CacheWorker::retentionApplied, this, &CacheService::retentionApplied);
    m_thread->start();
}

CacheService::~CacheService()
{
    // Queued after every pending operation, so queued writes reach the file before the thread ends.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->shutDown(); }, Qt::QueuedConnection);
    m_thread->wait();
}

QString CacheService::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/cache.sqlite");
}

void CacheService::open(const QString &path)
{
    const QString file = path.isEmpty() ? defaultPath() : path;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, file] { worker->open(file); }, Qt::QueuedConnection);
}

quint64 CacheService::read(const QueryRequest &request)
{
    const quint64 id = m_nextRequestId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, request] { worker->read(id, request); }, Qt::QueuedConnection);
    return id;
}

void CacheService::write(const QueryResult &result, qint64 coveredEndMs)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, result, coveredEndMs] { worker->write(result, coveredEndMs); },
        Qt::QueuedConnection);
}

void CacheService::write(QueryResult &&result, qint64 coveredEndMs)
{
    // Moved, not copied: a backfill result of every node is tens of MB, too much to copy on the GUI thread.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, result = std::move(result), coveredEndMs] {
            worker->write(result, coveredEndMs);
        },
        Qt::QueuedConnection);
}

void CacheService::deliverRead(
    quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing)
{
    Q_EMIT readFinished(requestId, result, missing);
}

void CacheService::setRetention(const RetentionPolicy &policy)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, policy] { worker->setRetention(policy); }, Qt::QueuedConnection);
}

#include "CacheService.moc"
