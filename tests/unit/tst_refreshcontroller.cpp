// The controller between source, cache and models: cache first, then only the gaps.
#include "CacheService.h"
#include "DemoSource.h"
#include "MetricSource.h"
#include "RefreshController.h"
#include "Simulation.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

namespace {
constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;

// A source that answers from the real simulation, asynchronously like every source, records
// what it was asked, and can be switched to failing as a server that is down would.
class RecordingSource : public MetricSource
{
public:
    explicit RecordingSource(Simulation *simulation)
        : m_simulation(simulation)
    { }

    QString displayName() const override { return QStringLiteral("recording"); }
    bool isSimulated() const override { return true; }
    qint64 nowMs() const override { return now; }
    void fetch(quint64 requestId, const QueryRequest &request) override
    {
        requests.append(request);
        auto answer = [this, requestId, request, failing = failing] {
            if (failing)
                Q_EMIT failed(requestId, request,
                    SourceError { SourceError::Kind::Unreachable, QStringLiteral("connection refused") });
            else {
                QueryResult result = m_simulation->evaluate(request);
                result.warnings = warnings;
                Q_EMIT fetched(requestId, result);
            }
        };
        if (holding)
            held.append(answer);
        else
            QTimer::singleShot(0, this, answer);
    }
    void cancel(quint64) override { }
    void fetchAlerts(quint64 requestId) override
    {
        QTimer::singleShot(0, this,
            [this, requestId] { Q_EMIT alertsFetched(requestId, DemoSource::alertsAt(*m_simulation, now)); });
    }
    void fetchTargets(quint64 requestId) override
    {
        QTimer::singleShot(0, this, [this, requestId] {
            Q_EMIT targetsFetched(requestId, DemoSource::targetsAt(*m_simulation, now));
        });
    }

    QList<QueryRequest> rangeRequests() const
    {
        QList<QueryRequest> ranges;
        for (const QueryRequest &request : requests)
            if (!request.isInstant())
                ranges.append(request);
        return ranges;
    }

    qint64 now = 0;
    bool failing = false;
    QStringList warnings; // sent with every answer, as Thanos does with partial responses
    // While holding, answers wait in held until the test releases them: a slow server.
    bool holding = false;
    QList<std::function<void()>> held;
    QList<QueryRequest> requests;

private:
    Simulation *m_simulation;
};
} // namespace

class TestRefreshController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void windowIsAlignedToTheStep();
    void coldCacheFetchesTheWindowOnce();
    void warmCachePaintsFirstAndFetchesOnlyTheTail();
    void failureKeepsCachedDataAndRecovers();
    void progressCountsThePointsAskedFor();
    void answerWithoutSeriesIsNotAskedAgain();
    void healthComesWithEachRound();
    void warningsArePassedOn();
    void severalFailuresAreCounted();
    void stopDropsRequestsUnderWay();
    void windowChangeAsksForTheNewWindow();
    void pausedWindowStaysInThePast();
    void fixedWindowSpansFromItsStart();
    void windowChangeWhileStoppedReadsTheCacheOnly();
    void longWindowOverFineDataAsksOnlyForTheRest();

private:
    static bool waitForRound(RefreshController &controller);
    // The results that carried data; a window the cache does not hold yet comes first without series.
    static QList<QueryResult> withData(const QSignalSpy &spy, int argument = 0);
    QTemporaryDir m_dir;
    Simulation m_simulation;
    const qint64 m_start = QDateTime(QDate(2026, 11, 20), QTime(8, 0, 30), Qt::UTC).toMSecsSinceEpoch();
};

void TestRefreshController::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

bool TestRefreshController::waitForRound(RefreshController &controller)
{
    QSignalSpy succeeded(&controller, &RefreshController::refreshSucceeded);
    QSignalSpy failed(&controller, &RefreshController::sourceFailed);
    return QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 20000);
}

QList<QueryResult> TestRefreshController::withData(const QSignalSpy &spy, int argument)
{
    QList<QueryResult> results;
    for (const QList<QVariant> &arguments : spy) {
        const auto result = arguments.at(argument).value<QueryResult>();
        if (!result.series.empty())
            results.append(result);
    }
    return results;
}

void TestRefreshController::windowIsAlignedToTheStep()
{
    RecordingSource source(&m_simulation);
    CacheService cache;
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    source.now = m_start;
    const QueryRequest request = controller.windowRequest(QStringLiteral("power_mw"));
    QCOMPARE(request.stepMs, minute);
    QCOMPARE(request.endMs % minute, 0);
    QCOMPARE(request.endMs - request.startMs, 6 * hour);
    // The newest point is the last grid point not after now.
    QVERIFY(request.endMs - minute <= source.now);
    QVERIFY(request.endMs > source.now);
}

void TestRefreshController::coldCacheFetchesTheWindowOnce()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(m_dir.filePath(QStringLiteral("cold.sqlite")));
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("gpu_util_by_partition"), QStringLiteral("power_mw") });
    controller.setInstantQueries({ QStringLiteral("power_mw") });
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    QSignalSpy instants(&controller, &RefreshController::instantResultReady);

    controller.refreshNow();
    QVERIFY(waitForRound(controller));

    // Each query's whole window was asked for once, then handed over from the cache.
    QCOMPARE(source.rangeRequests().size(), 2);
    for (const QueryRequest &request : source.rangeRequests())
        QCOMPARE(request, controller.windowRequest(request.queryId));
    // First the empty window (the views say they are waiting), then the data.
    QCOMPARE(ranges.size(), 4);
    QCOMPARE(withData(ranges).size(), 2);
    for (const QueryResult &result : withData(ranges)) {
        QCOMPARE(result.pointCount(), 6 * 60);
        QCOMPARE(result.startMs, controller.windowRequest(result.queryId).startMs);
        // What the models get is what the source said, through the cache.
        const QueryResult direct = m_simulation.evaluate(controller.windowRequest(result.queryId));
        QCOMPARE(result.series.size(), direct.series.size());
        for (const Series &expected : direct.series) {
            const Series *shown = result.findSeries(expected.name);
            QVERIFY2(shown, qPrintable(expected.name));
            QCOMPARE(shown->values, expected.values);
        }
    }
    QCOMPARE(instants.size(), 1);
    QCOMPARE(instants.at(0).at(0).value<QueryResult>().startMs, source.now);
}

void TestRefreshController::warmCachePaintsFirstAndFetchesOnlyTheTail()
{
    const QString path = m_dir.filePath(QStringLiteral("warm.sqlite"));
    {
        RecordingSource source(&m_simulation);
        source.now = m_start;
        CacheService cache;
        cache.open(path);
        RefreshController controller(&source, &cache);
        controller.setWindow(6 * hour, minute);
        controller.setRangeQueries({ QStringLiteral("queue_pending_by_partition") });
        controller.refreshNow();
        QVERIFY(waitForRound(controller));
    }

    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(path);
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("queue_pending_by_partition") });
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);

    // Same now: everything is cached, the source is asked for nothing.
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), 0);
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(ranges.at(0).at(0).value<QueryResult>().pointCount(), 6 * 60);

    // Three minutes later: only the three new points are asked for.
    source.now += 3 * minute;
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), 1);
    const QueryRequest tail = source.rangeRequests().constFirst();
    QCOMPARE(tail.endMs, controller.windowRequest(tail.queryId).endMs);
    QCOMPARE(tail.endMs - tail.startMs, 3 * minute);
}

void TestRefreshController::failureKeepsCachedDataAndRecovers()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(m_dir.filePath(QStringLiteral("failing.sqlite")));
    RefreshController controller(&source, &cache);
    controller.setWindow(2 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QVERIFY(!controller.isStale());
    const qint64 lastGood = controller.lastSuccessMs();

    source.failing = true;
    source.now += 10 * minute;
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    QSignalSpy failed(&controller, &RefreshController::sourceFailed);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(failed.size(), 1);
    // One range fetch (the ten new minutes) failed; a single failure is reported as it is.
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("connection refused"));
    QCOMPARE(failed.at(0).at(1).toLongLong(), lastGood);
    QVERIFY(controller.isStale());
    // The cached points are still handed over: the window moved, the old data did not go away.
    QCOMPARE(ranges.size(), 1);
    const auto shown = ranges.at(0).at(0).value<QueryResult>();
    QCOMPARE(shown.series.size(), size_t(1));
    const std::vector<double> &values = shown.series.front().values;
    QCOMPARE(
        std::count_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); }), qsizetype(110));

    // Retries back off while the source keeps failing.
    controller.setRefreshInterval(15000);
    QCOMPARE(controller.refreshInterval(), 2 * 15000);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(controller.refreshInterval(), 4 * 15000);
    for (int round = 0; round < 6; ++round) {
        controller.refreshNow();
        QVERIFY(waitForRound(controller));
    }
    QCOMPARE(controller.refreshInterval(), 5 * 60 * 1000);

    source.failing = false;
    QSignalSpy recovered(&controller, &RefreshController::sourceRecovered);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(recovered.size(), 1);
    QVERIFY(!controller.isStale());
    QCOMPARE(controller.refreshInterval(), 15000);
}

void TestRefreshController::progressCountsThePointsAskedFor()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw"), QStringLiteral("gpus_by_state") });
    controller.setInstantQueries({ QStringLiteral("power_mw") });
    QSignalSpy progress(&controller, &RefreshController::fetchProgress);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QVERIFY(progress.size() >= 2);
    // Instant queries are not part of it; the last report says every point asked for was answered.
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(2 * 6 * 60));
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    for (const QList<QVariant> &report : progress)
        QVERIFY(report.at(0).toLongLong() <= report.at(1).toLongLong());
}

void TestRefreshController::answerWithoutSeriesIsNotAskedAgain()
{
    // A query that matches nothing on the server (here: an id the simulation does not know, which
    // it answers with no series) covers its range all the same.
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(2 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("nothing_matches") });
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), 1);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), 1);
}

void TestRefreshController::healthComesWithEachRound()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    QSignalSpy alerts(&controller, &RefreshController::alertsReady);
    QSignalSpy targets(&controller, &RefreshController::targetsReady);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QTest::qWait(50);
    QCOMPARE(alerts.size(), 0); // not asked for
    controller.setHealthEnabled(true);
    controller.refreshNow();
    QTRY_COMPARE(alerts.size(), 1);
    QTRY_COMPARE(targets.size(), 1);
    // Every online node's dcgm-exporter and the Slurm exporter.
    const auto list = targets.at(0).at(0).value<std::vector<PrometheusTarget>>();
    QVERIFY(list.size() > 300);
}

void TestRefreshController::warningsArePassedOn()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    source.warnings = { QStringLiteral("partial response: store gateway eu-1 unavailable") };
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    QSignalSpy warned(&controller, &RefreshController::sourceWarned);
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(warned.size(), 1);
    QCOMPARE(warned.at(0).at(0).toString(), QStringLiteral("power_mw"));
    QCOMPARE(warned.at(0).at(1).toStringList(), source.warnings);
    // The data still arrives: a warning is not a failure.
    QCOMPARE(withData(ranges).size(), 1);
    QVERIFY(!controller.isStale());
}

void TestRefreshController::severalFailuresAreCounted()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    source.failing = true;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw"), QStringLiteral("gpus_by_state") });
    controller.setInstantQueries({ QStringLiteral("power_mw") });
    QSignalSpy failed(&controller, &RefreshController::sourceFailed);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("connection refused; 3 of 3 requests failed"));
}

void TestRefreshController::stopDropsRequestsUnderWay()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    QSignalSpy succeeded(&controller, &RefreshController::refreshSucceeded);
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    QSignalSpy progress(&controller, &RefreshController::fetchProgress);
    source.holding = true;
    controller.start();
    QVERIFY(controller.isRunning());
    QTRY_VERIFY(!source.held.isEmpty()); // the fetch is under way
    controller.stop();
    QVERIFY(!controller.isRunning());
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(0));
    // The server answers after all: the answer is dropped.
    for (const std::function<void()> &answer : std::as_const(source.held))
        answer();
    source.held.clear();
    QTest::qWait(200);
    QCOMPARE(succeeded.size(), 0);
    QCOMPARE(withData(ranges).size(), 0);

    // Starting again resumes: the window is fetched and handed over.
    source.holding = false;
    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 1, 20000);
    QCOMPARE(withData(ranges).size(), 1);
}

void TestRefreshController::windowChangeAsksForTheNewWindow()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(6 * hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    QSignalSpy succeeded(&controller, &RefreshController::refreshSucceeded);
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    source.holding = true;
    controller.start();
    QTRY_VERIFY(!source.held.isEmpty());

    // The user picks 7 days while the 6 hours are still on their way: the old answer is not awaited.
    source.holding = false;
    controller.setWindow(7 * 24 * hour, 10 * minute);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.size(), 1, 20000);
    for (const std::function<void()> &answer : std::as_const(source.held))
        answer();
    QTest::qWait(100);
    const QList<QueryResult> shown = withData(ranges);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.last().stepMs, 10 * minute);
    QCOMPARE(shown.last().pointCount(), 7 * 24 * 6);
    QCOMPARE(shown.last().startMs, controller.windowRequest(QStringLiteral("power_mw")).startMs);
}

void TestRefreshController::pausedWindowStaysInThePast()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    const qint64 end = m_start - 3 * 24 * hour;
    controller.setWindow(2 * hour, minute, end);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    const QueryRequest request = controller.windowRequest(QStringLiteral("power_mw"));
    QVERIFY(request.endMs > end - minute && request.endMs <= end + minute);
    QCOMPARE(request.endMs - request.startMs, 2 * hour);

    // Time passes: the window does not move, and nothing more is asked of the source.
    source.now += 10 * minute;
    QCOMPARE(controller.windowRequest(QStringLiteral("power_mw")), request);
    const qsizetype asked = source.rangeRequests().size();
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), asked);
    QCOMPARE(withData(ranges).last().startMs, request.startMs);
}

void TestRefreshController::fixedWindowSpansFromItsStart()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setWindow(hour, minute);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    const qint64 roadmapStart = QDateTime(QDate(2024, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 day = 24 * hour;
    controller.setFixedWindow(
        QStringLiteral("roadmap"), { QStringLiteral("capacity_installed_pflops") }, roadmapStart, day);
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    QSignalSpy fixed(&controller, &RefreshController::fixedWindowResultReady);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));

    QCOMPARE(withData(ranges).size(), 1);
    QCOMPARE(withData(ranges).constFirst().queryId, QStringLiteral("power_mw"));
    const QList<QueryResult> roadmap = withData(fixed, 1);
    QCOMPARE(roadmap.size(), 1);
    QCOMPARE(fixed.last().at(0).toString(), QStringLiteral("roadmap"));
    const QueryResult &result = roadmap.constFirst();
    QCOMPARE(result.queryId, QStringLiteral("capacity_installed_pflops"));
    QCOMPARE(result.startMs, roadmapStart);
    QCOMPARE(result.stepMs, day);
    QVERIFY(result.endMs() > source.now);
    // Capacity grew along the roadmap: about 300 PFLOPS installed in its first weeks, 3,000 at the end.
    double first = qQNaN(), last = qQNaN();
    for (const Series &series : result.series) {
        const double a = series.values.at(30), b = series.values.back();
        first = std::isnan(first) ? a : first + a;
        last = std::isnan(last) ? b : last + b;
    }
    QVERIFY2(first > 250 && first < 1400, qPrintable(QString::number(first)));
    QVERIFY2(last > 2900, qPrintable(QString::number(last)));
}

void TestRefreshController::windowChangeWhileStoppedReadsTheCacheOnly()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    controller.setRangeQueries({ QStringLiteral("power_mw") });
    controller.setWindow(hour, minute);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    const qsizetype asked = source.requests.size();

    // Stopped, the user picks another window: painted from the cache, nothing asked, no round claimed.
    QSignalSpy succeeded(&controller, &RefreshController::refreshSucceeded);
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    controller.setWindow(2 * hour, minute);
    QTRY_COMPARE(ranges.size(), 1);
    QTest::qWait(50);
    QCOMPARE(source.requests.size(), asked);
    QCOMPARE(succeeded.size(), 0);
    // The last hour is cached, the hour before is not.
    const auto shown = ranges.last().at(0).value<QueryResult>();
    QCOMPARE(shown.pointCount(), 120);
    QVERIFY(std::isnan(shown.series.front().values.front()));
    QVERIFY(!std::isnan(shown.series.front().values.back()));

    // Refreshing then asks for the missing hour only, at once, even with those reads just done.
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QCOMPARE(source.rangeRequests().size(), 2);
    QCOMPARE(source.rangeRequests().last().endMs - source.rangeRequests().last().startMs, hour);
}

void TestRefreshController::longWindowOverFineDataAsksOnlyForTheRest()
{
    RecordingSource source(&m_simulation);
    source.now = m_start;
    CacheService cache;
    cache.open(QStringLiteral(":memory:"));
    RefreshController controller(&source, &cache);
    const QString id = QStringLiteral("gpu_util_by_partition");
    controller.setRangeQueries({ id });
    controller.setWindow(24 * hour, minute);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    const QueryRequest day = controller.windowRequest(id);

    // The 7-day view (10 min): its last day is answered from the 5 min rollups of the 24 h view's
    // 1 min data; only the six days before it, and the 10 minutes the 1 min data ends inside, are asked for.
    source.requests.clear();
    QSignalSpy ranges(&controller, &RefreshController::rangeResultReady);
    controller.setWindow(7 * 24 * hour, 10 * minute);
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    const QueryRequest week = controller.windowRequest(id);
    const qint64 fineFrom = (day.startMs + 10 * minute - 1) / (10 * minute) * (10 * minute);
    const qint64 fineUntil = day.endMs / (10 * minute) * (10 * minute);
    const QList<QueryRequest> asked = source.rangeRequests();
    QVERIFY(!asked.isEmpty());
    for (const QueryRequest &request : asked) {
        QCOMPARE(request.stepMs, 10 * minute);
        QVERIFY2(request.endMs <= fineFrom || request.startMs >= fineUntil,
            qPrintable(QStringLiteral("%1 .. %2").arg(request.startMs).arg(request.endMs)));
    }
    qint64 points = 0;
    for (const QueryRequest &request : asked)
        points += request.pointCount();
    QCOMPARE(points, week.pointCount() - (fineUntil - fineFrom) / (10 * minute));

    // What the view shows has the range of the 1 min samples where they are cached.
    const QList<QueryResult> shown = withData(ranges);
    QVERIFY(!shown.isEmpty());
    const Series &series = shown.last().series.front();
    QVERIFY(series.hasRange());
    const size_t inFine = size_t((fineFrom - shown.last().startMs) / (10 * minute)) + 1;
    QVERIFY(series.maxValues[inFine] >= series.values[inFine]);
    QVERIFY(series.minValues[inFine] <= series.values[inFine]);

    // Opened again: nothing to ask.
    source.requests.clear();
    controller.refreshNow();
    QVERIFY(waitForRound(controller));
    QVERIFY(source.rangeRequests().isEmpty());
}

QTEST_GUILESS_MAIN(TestRefreshController)
#include "tst_refreshcontroller.moc"
