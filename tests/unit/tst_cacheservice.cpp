#include "CacheService.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

constexpr qint64 Minute = 60'000;
constexpr qint64 T0 = 1'735'689'600'000; // 2025-01-01T00:00:00Z
constexpr int Timeout = 10'000;

QueryResult makeResult(const QString &queryId, qint64 startMs, std::vector<double> values)
{
    QueryResult result;
    result.queryId = queryId;
    result.startMs = startMs;
    result.stepMs = Minute;
    Series series;
    series.name = QStringLiteral("total");
    series.labels = { { QStringLiteral("partition"), QStringLiteral("gpu") } };
    series.values = std::move(values);
    result.series.push_back(std::move(series));
    return result;
}

} // namespace

class TestCacheService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeThenReadSeesTheWrite();
    void readCarriesMissingRanges();
    void failedOpenKeepsWorking();
    void destructionFlushesQueuedWrites();
    void signalsArriveOnTheCallersThread();
    void damagedCacheIsReplacedWithANotice();
    void twoServicesOnOneFileBothKeepWorking();
    void retentionRunsAfterOpenAndTellsOnlyOfSizeDeletions();
    void readsQueuedDuringRetentionGoFirst();

private:
    QTemporaryDir m_dir;
};

void TestCacheService::writeThenReadSeesTheWrite()
{
    CacheService cache;
    QSignalSpy opened(&cache, &CacheService::opened);
    QSignalSpy written(&cache, &CacheService::written);
    QSignalSpy read(&cache, &CacheService::readFinished);
    const QString path = m_dir.filePath(QStringLiteral("order.sqlite"));

    // No waiting between the calls: they run in the order they were made.
    cache.open(path);
    cache.write(makeResult(QStringLiteral("power_mw"), T0, { 1.5, 2.5, 3.5 }));
    const quint64 id = cache.read(QueryRequest { QStringLiteral("power_mw"), T0, T0 + 3 * Minute, Minute });

    QVERIFY(read.wait(Timeout));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), path);
    QVERIFY(opened.at(0).at(1).toBool());
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("power_mw"));
    QCOMPARE(written.at(0).at(1).toLongLong(), T0);
    QCOMPARE(written.at(0).at(2).toLongLong(), T0 + 3 * Minute);

    QCOMPARE(read.at(0).at(0).toULongLong(), id);
    const auto result = read.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].values, (std::vector<double> { 1.5, 2.5, 3.5 }));
    QCOMPARE(result.series[0].labels.at(QStringLiteral("partition")), QStringLiteral("gpu"));
    QVERIFY(read.at(0).at(2).value<std::vector<TimeRange>>().empty());
}

void TestCacheService::readCarriesMissingRanges()
{
    CacheService cache;
    QSignalSpy read(&cache, &CacheService::readFinished);
    cache.open(QStringLiteral(":memory:"));
    cache.write(makeResult(
        QStringLiteral("queue_pending_by_partition"), T0 + 10 * Minute, std::vector<double>(10, 4.0)));
    const quint64 first = cache.read(
        QueryRequest { QStringLiteral("queue_pending_by_partition"), T0, T0 + 30 * Minute, Minute });
    const quint64 second
        = cache.read(QueryRequest { QStringLiteral("power_mw"), T0, T0 + 30 * Minute, Minute });
    QVERIFY(first != second);

    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, Timeout);
    QCOMPARE(read.at(0).at(0).toULongLong(), first);
    QCOMPARE(read.at(0).at(2).value<std::vector<TimeRange>>(),
        (std::vector<TimeRange> { { T0, T0 + 10 * Minute }, { T0 + 20 * Minute, T0 + 30 * Minute } }));
    const auto partial = read.at(0).at(1).value<QueryResult>();
    QCOMPARE(partial.pointCount(), 30);
    QVERIFY(std::isnan(partial.series[0].values[9]));
    QCOMPARE(partial.series[0].values[10], 4.0);

    QCOMPARE(read.at(1).at(0).toULongLong(), second);
    QVERIFY(read.at(1).at(1).value<QueryResult>().series.empty());
    QCOMPARE(read.at(1).at(2).value<std::vector<TimeRange>>(),
        (std::vector<TimeRange> { { T0, T0 + 30 * Minute } }));
}

void TestCacheService::failedOpenKeepsWorking()
{
    const QString path = m_dir.filePath(QStringLiteral("not-a-cache.sqlite"));
    const QByteArray content = QByteArrayLiteral("This is a text file, not a SQLite database.\n");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    CacheService cache;
    QSignalSpy opened(&cache, &CacheService::opened);
    QSignalSpy read(&cache, &CacheService::readFinished);
    QSignalSpy failed(&cache, &CacheService::writeFailed);
    QSignalSpy written(&cache, &CacheService::written);
    cache.open(path);
    cache.write(makeResult(QStringLiteral("power_mw"), T0, { 1.0 }));
    cache.read(QueryRequest { QStringLiteral("power_mw"), T0, T0 + 5 * Minute, Minute });

    QVERIFY(read.wait(Timeout));
    QCOMPARE(opened.size(), 1);
    QVERIFY(!opened.at(0).at(1).toBool());
    const QString openError = opened.at(0).at(2).toString();
    QVERIFY2(openError.contains(path), qPrintable(openError));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("power_mw"));
    QCOMPARE(failed.at(0).at(1).toString(), openError);
    QCOMPARE(written.size(), 0);
    QVERIFY(read.at(0).at(1).value<QueryResult>().series.empty());
    QCOMPARE(read.at(0).at(2).value<std::vector<TimeRange>>(),
        (std::vector<TimeRange> { { T0, T0 + 5 * Minute } }));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestCacheService::destructionFlushesQueuedWrites()
{
    const QString path = m_dir.filePath(QStringLiteral("flush.sqlite"));
    constexpr int writes = 200;
    {
        CacheService cache;
        cache.open(path);
        for (int i = 0; i < writes; ++i)
            cache.write(makeResult(
                QStringLiteral("node_gpu_util"), T0 + i * 10 * Minute, std::vector<double>(10, double(i))));
        // Destroyed at once, with the writes still queued.
    }
    CacheService cache;
    QSignalSpy read(&cache, &CacheService::readFinished);
    cache.open(path);
    cache.read(QueryRequest { QStringLiteral("node_gpu_util"), T0, T0 + writes * 10 * Minute, Minute });
    QVERIFY(read.wait(Timeout));
    QVERIFY(read.at(0).at(2).value<std::vector<TimeRange>>().empty());
    const auto result = read.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].values.size(), size_t(writes * 10));
    QCOMPARE(result.series[0].values.back(), double(writes - 1));
}

void TestCacheService::signalsArriveOnTheCallersThread()
{
    CacheService cache;
    QThread *receivedOn = nullptr;
    connect(&cache, &CacheService::opened, this, [&] { receivedOn = QThread::currentThread(); });
    cache.open(QStringLiteral(":memory:"));
    QTRY_VERIFY_WITH_TIMEOUT(receivedOn != nullptr, Timeout);
    QCOMPARE(receivedOn, thread());
    QVERIFY(!CacheService::defaultPath().isEmpty());
    QVERIFY(CacheService::defaultPath().endsWith(QLatin1String("/cache.sqlite")));
}

void TestCacheService::damagedCacheIsReplacedWithANotice()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        CacheService cache;
        QSignalSpy written(&cache, &CacheService::written);
        cache.open(path);
        for (int i = 0; i < 50; ++i)
            cache.write(makeResult(QStringLiteral("q%1").arg(i), T0, std::vector<double>(2000, i / 3.0)));
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 50, Timeout);
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096));
        file.write(QByteArray(3 * 4096, '\x5a'));
    }
    CacheService cache;
    QSignalSpy opened(&cache, &CacheService::opened);
    QSignalSpy notice(&cache, &CacheService::notice);
    cache.open(path);
    QVERIFY(notice.wait(Timeout));
    QCOMPARE(opened.size(), 1);
    QVERIFY(opened.at(0).at(1).toBool());
    const QString message = notice.at(0).at(0).toString();
    QVERIFY2(message.contains(path + QLatin1String(".corrupt-")), qPrintable(message));
}

void TestCacheService::twoServicesOnOneFileBothKeepWorking()
{
    // Two dashboards on one cache file, writing at the same time.
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    CacheService first, second;
    QSignalSpy firstFailed(&first, &CacheService::writeFailed);
    QSignalSpy secondFailed(&second, &CacheService::writeFailed);
    QSignalSpy firstWritten(&first, &CacheService::written);
    QSignalSpy secondWritten(&second, &CacheService::written);
    first.open(path);
    second.open(path);
    constexpr int writes = 100;
    for (int i = 0; i < writes; ++i) {
        first.write(makeResult(QStringLiteral("first"), T0 + i * 10 * Minute, std::vector<double>(10, i)));
        second.write(makeResult(QStringLiteral("second"), T0 + i * 10 * Minute, std::vector<double>(10, -i)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(firstWritten.size() + firstFailed.size(), writes, 4 * Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(secondWritten.size() + secondFailed.size(), writes, 4 * Timeout);
    QVERIFY2(firstFailed.isEmpty(), qPrintable(firstFailed.value(0).value(1).toString()));
    QVERIFY2(secondFailed.isEmpty(), qPrintable(secondFailed.value(0).value(1).toString()));
    // Each sees both.
    for (CacheService *cache : { &first, &second }) {
        QSignalSpy read(cache, &CacheService::readFinished);
        cache->read(QueryRequest { QStringLiteral("first"), T0, T0 + writes * 10 * Minute, Minute });
        cache->read(QueryRequest { QStringLiteral("second"), T0, T0 + writes * 10 * Minute, Minute });
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, Timeout);
        for (int r = 0; r < 2; ++r) {
            QVERIFY(read.at(r).at(2).value<std::vector<TimeRange>>().empty());
            const auto result = read.at(r).at(1).value<QueryResult>();
            QCOMPARE(result.series.size(), size_t(1));
            QCOMPARE(result.series[0].values.back(), (r == 0 ? 1 : -1) * double(writes - 1));
        }
    }
}

void TestCacheService::retentionRunsAfterOpenAndTellsOnlyOfSizeDeletions()
{
    const QString path = m_dir.filePath(QStringLiteral("retention.sqlite"));
    constexpr qint64 Day = 24 * 60 * Minute;
    // 30 days up to today (retention runs at the wall clock's time), random: about 6 kB a chunk.
    const qint64 start = (QDateTime::currentMSecsSinceEpoch() / Day - 30) * Day;
    {
        CacheService cache;
        QSignalSpy written(&cache, &CacheService::written);
        cache.open(path);
        QRandomGenerator random(3);
        std::vector<double> values(30 * 1440);
        for (double &v : values)
            v = random.generateDouble();
        cache.write(makeResult(QStringLiteral("node_gpu_util"), start, std::move(values)));
        QVERIFY(written.wait(Timeout));
    }
    {
        // By age: 20 of the 30 days go, without a notice.
        CacheService cache;
        QSignalSpy applied(&cache, &CacheService::retentionApplied);
        QSignalSpy notice(&cache, &CacheService::notice);
        QSignalSpy read(&cache, &CacheService::readFinished);
        RetentionPolicy policy;
        policy.maxAgeMs = 10 * Day;
        cache.setRetention(policy);
        cache.open(path);
        QVERIFY(applied.wait(Timeout));
        const auto report = applied.at(0).at(0).value<RetentionReport>();
        QVERIFY(report.chunksDeletedForAge >= 2 * 19);
        QCOMPARE(report.chunksDeletedForSize, qint64(0));
        cache.read(QueryRequest { QStringLiteral("node_gpu_util"), start, start + 30 * Day, Minute });
        QVERIFY(read.wait(Timeout));
        const auto missing = read.at(0).at(2).value<std::vector<TimeRange>>();
        QCOMPARE(missing.size(), size_t(1));
        QCOMPARE(missing[0].startMs, start);
        QVERIFY(missing[0].endMs >= start + 19 * Day);
        QVERIFY(notice.isEmpty());
    }
    {
        // By size: the user is told.
        CacheService cache;
        QSignalSpy applied(&cache, &CacheService::retentionApplied);
        QSignalSpy notice(&cache, &CacheService::notice);
        RetentionPolicy policy;
        policy.maxAgeMs = 0;
        policy.maxBytes = 32 * 1024;
        cache.open(path);
        cache.setRetention(policy); // while open: applied at once
        QVERIFY(applied.wait(Timeout));
        QVERIFY(applied.at(0).at(0).value<RetentionReport>().chunksDeletedForSize > 0);
        QTRY_COMPARE_WITH_TIMEOUT(notice.size(), 1, Timeout);
        const QString message = notice.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("retention.sqlite"))
                && message.contains(QLatin1String("max_size_mb")),
            qPrintable(message));
    }
}

void TestCacheService::readsQueuedDuringRetentionGoFirst()
{
    const QString path = m_dir.filePath(QStringLiteral("long-retention.sqlite"));
    constexpr qint64 Day = 24 * 60 * Minute;
    // 400 series of 5 days (10 chunks each), a month ago: a run far over its limits, 8 batches.
    const qint64 start = (QDateTime::currentMSecsSinceEpoch() / Day - 30) * Day;
    {
        CacheService cache;
        QSignalSpy written(&cache, &CacheService::written);
        cache.open(path);
        QueryResult result = makeResult(QStringLiteral("node_gpu_util"), start, {});
        result.series.clear();
        for (int s = 0; s < 400; ++s) {
            Series series;
            series.name = QStringLiteral("node-%1").arg(s, 3, 10, QLatin1Char('0'));
            series.values.assign(5 * 1440, double(s % 100));
            result.series.push_back(std::move(series));
        }
        cache.write(std::move(result));
        QVERIFY(written.wait(Timeout));
    }
    CacheService cache;
    QStringList order;
    connect(&cache, &CacheService::readFinished, this, [&] { order.append(QStringLiteral("read")); });
    connect(&cache, &CacheService::retentionApplied, this, [&](const RetentionReport &report) {
        order.append(QStringLiteral("retention"));
        QCOMPARE(report.chunksDeletedForAge, qint64(400 * 10));
    });
    cache.open(path);
    RetentionPolicy policy;
    policy.maxAgeMs = Day;
    cache.setRetention(policy);
    // Asked after the run started: answered while it is under way, not after it.
    cache.read(QueryRequest { QStringLiteral("node_gpu_util"), start, start + Day, Minute });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, Timeout);
    QCOMPARE(order, (QStringList { QStringLiteral("read"), QStringLiteral("retention") }));
}

QTEST_GUILESS_MAIN(TestCacheService)
#include "tst_cacheservice.moc"
