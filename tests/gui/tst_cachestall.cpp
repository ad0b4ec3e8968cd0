// The GUI thread while the cache backfills: 30 days of every built-in query of the simulated
// 3,000-GPU centre written through CacheService and read back, with a 5 ms timer on the GUI thread
// recording the longest gap between its ticks. Budget (design.md): never blocked > 50 ms.
#include "CacheService.h"
#include "QueryCatalogue.h"
#include "Simulation.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
constexpr qint64 Minute = 60'000;
constexpr qint64 Days = 30;
// Prometheus answers at most 11,000 points a request: a backfill comes in pieces of this size.
constexpr qint64 PiecePoints = 11'000;
} // namespace

class TestCacheStall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backfillDoesNotBlockTheGuiThread();
};

void TestCacheStall::backfillDoesNotBlockTheGuiThread()
{
    const qint64 end
        = QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    const qint64 start = end - Days * 24 * 60 * Minute;
    std::vector<QueryResult> pieces;
    {
        Simulation simulation;
        for (const QString &id : QueryCatalogue::builtInIds())
            for (qint64 t = start; t < end; t += PiecePoints * Minute)
                pieces.push_back(simulation.evaluate(
                    QueryRequest { id, t, std::min(end, t + PiecePoints * Minute), Minute }));
    }

    QTemporaryDir dir;
    CacheService cache;
    QSignalSpy opened(&cache, &CacheService::opened);
    int written = 0, reads = 0;
    qint64 samplesRead = 0;
    connect(&cache, &CacheService::written, this, [&] { ++written; });
    connect(&cache, &CacheService::writeFailed, this,
        [](const QString &id, const QString &error) { QFAIL(qPrintable(id + QLatin1String(": ") + error)); });
    connect(&cache, &CacheService::readFinished, this,
        [&](quint64, const QueryResult &result, const std::vector<TimeRange> &) {
            ++reads;
            samplesRead += qint64(result.series.size()) * result.pointCount();
        });

    qint64 longestGapMs = 0;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    connect(
        &ticker, &QTimer::timeout, this, [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });

    QElapsedTimer total;
    total.start();
    sinceTick.start();
    ticker.start();
    cache.open(dir.filePath(QStringLiteral("cache.sqlite")));
    const int pieceCount = int(pieces.size());
    // Handed over as a backfill would, a piece per event-loop turn.
    for (QueryResult &piece : pieces) {
        cache.write(std::move(piece));
        QTest::qWait(1);
    }
    for (const QString &id : QueryCatalogue::builtInIds())
        cache.read(QueryRequest { id, start, end, Minute });
    QTRY_VERIFY_WITH_TIMEOUT(reads == int(QueryCatalogue::builtInIds().size()), 120'000);
    ticker.stop();
    QCOMPARE(written, pieceCount);
    QVERIFY(opened.size() == 1 && opened.at(0).at(1).toBool());
    qInfo("backfill of %d pieces and %lld samples read back in %lld ms; longest GUI-thread gap %lld ms",
        pieceCount, samplesRead, total.elapsed(), longestGapMs);
    // 50 ms is the budget; the bound leaves room for a 2-core machine shared with other builds.
    QVERIFY2(longestGapMs <= 100, qPrintable(QString::number(longestGapMs)));
}

QTEST_GUILESS_MAIN(TestCacheStall)
#include "tst_cachestall.moc"
