#include "CacheService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

// Owns the SampleStore on the cache thread. Its slots run there, in the order CacheService queued
// them, and its signals reach CacheService (and so the caller) as queued connections.
class CacheWorker : public QObject
{
    Q_OBJECT
public:
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

    void applyRetention()
    {
        if (m_retentionTimer)
            m_retentionTimer->stop();
        if (!m_store || !m_store->isOpen() || !m_retention)
            return;
        RetentionReport report;
        QString error;
        if (!m_store->applyRetention(*m_retention, QDateTime::currentMSecsSinceEpoch(), &report, &error)) {
            qWarning("Cache retention failed: %s", qPrintable(error));
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
                              .arg(m_retention->maxBytes / (1024 * 1024))
                              .arg(QLocale().toString(
                                  QDateTime::fromMSecsSinceEpoch(report.deletedForSizeUntilMs),
                                  QLocale::ShortFormat)));
        Q_EMIT retentionApplied(report);
    }

    void read(quint64 requestId, const QueryRequest &request)
    {
        if (!m_store || !m_store->isOpen()) {
            // Nothing is cached: an empty grid, all of it missing.
            SampleStore closed(QString {});
            Q_EMIT readFinished(requestId, closed.read(request), closed.missing(request));
            return;
        }
        Q_EMIT readFinished(requestId, m_store->read(request), m_store->missing(request));
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
    void readFinished(quint64 requestId, const QueryResult &result, const std::vector<TimeRange> &missing);
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

    std::unique_ptr<SampleStore> m_store;
    QString m_openError;
    // None until setRetention(): a service nobody configured keeps everything.
    std::optional<RetentionPolicy> m_retention;
    QTimer *m_retentionTimer = nullptr;
};

CacheService::CacheService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new CacheWorker)
{
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<std::vector<TimeRange>>();
    qRegisterMetaType<RetentionReport>();

    m_thread->setObjectName(QStringLiteral("CacheService"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CacheWorker::opened, this, &CacheService::opened);
    connect(m_worker, &CacheWorker::readFinished, this, &CacheService::readFinished);
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

void CacheService::setRetention(const RetentionPolicy &policy)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, policy] { worker->setRetention(policy); }, Qt::QueuedConnection);
}

#include "CacheService.moc"
