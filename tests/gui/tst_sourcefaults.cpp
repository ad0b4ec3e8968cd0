// The real dashboard on a Prometheus server that fails in every way the product knows of, served
// on loopback by FaultServer: the banner must say that the data is stale and why, and what the
// cache held must stay on screen and on disk. When the server answers again, the banner goes.
#include "../unit/FaultServer.h"
#include "ChartPanel.h"
#include "Dashboard.h"
#include "GpuPeakTable.h"
#include "KpiModel.h"
#include "KpiTile.h"
#include "KpiTileStrip.h"
#include "MainWindow.h"
#include "OverviewPage.h"
#include "RefreshController.h"
#include "SampleStore.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <cmath>

namespace {
constexpr qint64 kMinute = 60000;
// The value of every sample the good server answers: a GPU count, a percentage, a job count alike.
constexpr double goodValue = 42;

QString requestValue(const FaultServer::Request &request, const QString &key)
{
    const QByteArray encoded = request.method == "POST" ? request.body : request.query;
    return QUrlQuery(QString::fromLatin1(encoded)).queryItemValue(key, QUrl::FullyDecoded);
}

qint64 secondsToMs(const QString &text)
{
    return std::llround(text.toDouble() * 1000.0);
}

QByteArray seconds(qint64 ms)
{
    return QByteArray::number(double(ms) / 1000.0, 'f', 3);
}

// Labels for every query of the overview: the legend label of the by-partition queries, the GPU model
// of the peak transform, and the state the "GPUs down" tile reads.
QByteArray metric()
{
    return "{\"partition\":\"batch\",\"state\":\"down\",\"modelName\":\""
        + GpuPeakTable::builtIn().models().front().modelName.toUtf8() + "\"}";
}

// What a healthy server answers: one series with a sample at every grid point asked for, from
// firstDataMs on (older points hold nothing, so that the window may move on during a test without
// dropping data off the charts' start).
FaultServer::Response goodAnswer(const FaultServer::Request &request, qint64 firstDataMs)
{
    FaultServer::Response response;
    const QByteArray value = QByteArray::number(goodValue);
    if (request.path.endsWith("/api/v1/query_range")) {
        const qint64 start = secondsToMs(requestValue(request, QStringLiteral("start")));
        const qint64 end = secondsToMs(requestValue(request, QStringLiteral("end")));
        const qint64 step = secondsToMs(requestValue(request, QStringLiteral("step")));
        QByteArray values;
        for (qint64 t = start; step > 0 && t <= end; t += step) {
            if (t < firstDataMs)
                continue;
            if (!values.isEmpty())
                values += ',';
            values += '[' + seconds(t) + ",\"" + value + "\"]";
        }
        response.body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
            + metric() + ",\"values\":[" + values + "]}]}}";
    } else if (request.path.endsWith("/api/v1/query")) {
        const qint64 time = secondsToMs(requestValue(request, QStringLiteral("time")));
        response.body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
            + metric() + ",\"value\":[" + seconds(time) + ",\"" + value + "\"]}]}}";
    } else if (request.path.endsWith("/api/v1/alerts")) {
        response.body = R"({"status":"success","data":{"alerts":[]}})";
    } else if (request.path.endsWith("/api/v1/targets")) {
        response.body = R"({"status":"success","data":{"activeTargets":[],"droppedTargets":[]}})";
    } else {
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "404 page not found\n";
    }
    return response;
}

FaultServer::Response errorEnvelope(int status, const QByteArray &errorType, const QByteArray &error)
{
    FaultServer::Response response;
    response.status = status;
    response.body = "{\"status\":\"error\",\"errorType\":\"" + errorType + "\",\"error\":\"" + error + "\"}";
    return response;
}

bool chartsAndTilesHaveData(const MainWindow *window)
{
    const OverviewPage *page = window->overviewPage();
    if (page->utilisationChart()->pointCount() == 0 || page->queueChart()->pointCount() == 0)
        return false;
    static const QRegularExpression digit(QStringLiteral("\\d"));
    const std::vector<KpiTile *> &tiles = page->tileStrip()->tiles();
    return !tiles.empty() && std::all_of(tiles.begin(), tiles.end(), [](const KpiTile *tile) {
        return tile->value().contains(digit);
    });
}

QStringList tileValues(const MainWindow *window)
{
    QStringList values;
    for (const KpiTile *tile : window->overviewPage()->tileStrip()->tiles())
        values.append(tile->value());
    return values;
}

bool allKpisStale(const KpiModel *model, bool stale)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->data(model->index(row), KpiModel::StaleRole).toBool() != stale)
            return false;
    return model->rowCount() > 0;
}

// Samples with data in the result, across its series.
qsizetype samplesWithData(const QueryResult &result)
{
    qsizetype count = 0;
    for (const Series &series : result.series)
        count += std::count_if(
            series.values.begin(), series.values.end(), [](double v) { return !std::isnan(v); });
    return count;
}

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}
} // namespace

class TestSourceFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void faultKeepsCachedDataAndSaysWhy_data();
    void faultKeepsCachedDataAndSaysWhy();

private:
    QTemporaryDir m_dir;
};

void TestSourceFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<SourceError>();
}

void TestSourceFaults::faultKeepsCachedDataAndSaysWhy_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QStringList>("cause"); // words the banner must hold
    QTest::addColumn<int>("deadlineMs");
    QTest::addColumn<qint64>("maxResponseBytes");
    // Wait for the live window to move on before the fault, so that the charts' queries too are
    // asked of the failing server (for the new minute), not only the tiles' instant queries.
    QTest::addColumn<bool>("windowMoves");
    const int deadline = PrometheusLimits {}.deadlineMs;
    const qint64 cap = PrometheusLimits {}.maxResponseBytes;
    QTest::newRow("server down") << QStringLiteral("down")
                                 << QStringList { QStringLiteral("connection was refused") } << deadline
                                 << cap << false;
    QTest::newRow("400 bad_data") << QStringLiteral("bad_data")
                                  << QStringList { QStringLiteral("bad data"), QStringLiteral("HTTP 400"),
                                         QStringLiteral("parse error") }
                                  << deadline << cap << false;
    QTest::newRow("422 execution") << QStringLiteral("execution")
                                   << QStringList { QStringLiteral("could not execute the query"),
                                          QStringLiteral("HTTP 422"), QStringLiteral("many samples") }
                                   << deadline << cap << false;
    QTest::newRow("503 timeout") << QStringLiteral(
        "timeout") << QStringList { QStringLiteral("timed out on the server"), QStringLiteral("HTTP 503") }
                                 << deadline << cap << false;
    QTest::newRow("HTML 502 from a proxy")
        << QStringLiteral("html")
        << QStringList { QStringLiteral("HTML"), QStringLiteral("502 Bad Gateway"),
               QStringLiteral("HTTP 502") }
        << deadline << cap << false;
    QTest::newRow("HTML 502 from a proxy, window moved on")
        << QStringLiteral("html") << QStringList { QStringLiteral("HTML"), QStringLiteral("502 Bad Gateway") }
        << deadline << cap << true;
    QTest::newRow("truncated JSON") << QStringLiteral("truncated")
                                    << QStringList { QStringLiteral("not complete JSON") } << deadline << cap
                                    << false;
    // Good answers here are some 30 kB; the fault is 2 MB.
    QTest::newRow("over the size cap")
        << QStringLiteral("huge") << QStringList { QStringLiteral("larger than the limit of 0.5 MB") }
        << deadline << qint64(512 * 1024) << false;
    QTest::newRow("slow trickle past the deadline")
        << QStringLiteral("trickle") << QStringList { QStringLiteral("no complete answer within 2 s") }
        << 2000 << cap << false;
}

void TestSourceFaults::faultKeepsCachedDataAndSaysWhy()
{
    QFETCH(QString, fault);
    QFETCH(QStringList, cause);
    QFETCH(int, deadlineMs);
    QFETCH(qint64, maxResponseBytes);
    QFETCH(bool, windowMoves);

    FaultServer server;
    // An hour into the window, so that the window moving on a minute or two drops nothing drawn.
    const qint64 firstDataMs = (QDateTime::currentMSecsSinceEpoch() - 23 * 3600 * 1000LL) / kMinute * kMinute;
    bool faulty = false;
    FaultServer::Response faultResponse;
    server.setHandler([&](const FaultServer::Request &request) {
        if (!faulty)
            return goodAnswer(request, firstDataMs);
        FaultServer::Response response = faultResponse;
        if (fault == QLatin1String("truncated")) {
            const QByteArray good = goodAnswer(request, firstDataMs).body;
            response.body = good.left(good.size() / 2);
        } else if (fault == QLatin1String("trickle")) {
            response.body = goodAnswer(request, firstDataMs).body;
        }
        return response;
    });
    if (fault == QLatin1String("bad_data")) {
        faultResponse = errorEnvelope(400, "bad_data", "1:5: parse error: unexpected right parenthesis ')'");
    } else if (fault == QLatin1String("execution")) {
        faultResponse = errorEnvelope(
            422, "execution", "query processing would load too many samples into memory in query execution");
    } else if (fault == QLatin1String("timeout")) {
        faultResponse = errorEnvelope(503, "timeout", "query timed out in expression evaluation");
    } else if (fault == QLatin1String("html")) {
        faultResponse.status = 502;
        faultResponse.contentType = "text/html";
        faultResponse.body
            = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
              "Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    } else if (fault == QLatin1String("huge")) {
        faultResponse.body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},"
                             "\"warnings\":[\""
            + QByteArray(2 * 1024 * 1024, 'x') + "\"]}";
    } else if (fault == QLatin1String("trickle")) {
        // Even the shortest answer (an instant vector of some 200 bytes) takes 5 s to arrive.
        faultResponse.trickleBytes = 8;
        faultResponse.trickleIntervalMs = 200;
    }

    const QString cachePath
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".sqlite"));
    QueryRequest utilisationWindow;
    QueryRequest queueWindow;
    qsizetype utilisationPoints = 0;
    qsizetype queuePoints = 0;
    {
        DashboardOptions options;
        options.cachePath = cachePath;
        DashboardConfig config;
        PrometheusServer prometheus;
        prometheus.baseUrl = server.url();
        prometheus.limits.deadlineMs = deadlineMs;
        prometheus.limits.maxResponseBytes = maxResponseBytes;
        config.prometheus = prometheus;
        config.refreshIntervalS = 3600; // the test refreshes; the timer must not
        Dashboard dashboard(options, config);
        QVERIFY(!dashboard.source()->isSimulated());
        MainWindow *window = dashboard.window();
        window->resize(1366, 768);
        RefreshController *controller = dashboard.controller();
        QSignalSpy succeeded(controller, &RefreshController::refreshSucceeded);
        QSignalSpy failed(controller, &RefreshController::sourceFailed);
        dashboard.start();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // Good answers fill every chart and tile, and the cache.
        QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().at(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(chartsAndTilesHaveData(window), 10000);
        QVERIFY(window->staleText().isEmpty());
        QVERIFY(allKpisStale(dashboard.kpiModel(), false));
        const OverviewPage *page = window->overviewPage();
        QTest::qWait(200); // let the charts finish their redraw
        utilisationPoints = page->utilisationChart()->pointCount();
        queuePoints = page->queueChart()->pointCount();
        QVERIFY(utilisationPoints >= 1380);
        QVERIFY(queuePoints >= 1380);
        QCOMPARE(page->utilisationChart()->legendNames(), QStringList { QStringLiteral("batch") });
        const QStringList tilesBefore = tileValues(window);
        utilisationWindow = controller->windowRequest(QStringLiteral("gpu_util_by_partition"));
        queueWindow = controller->windowRequest(QStringLiteral("queue_pending_by_partition"));
        const qint64 lastSuccessMs = controller->lastSuccessMs();
        if (windowMoves)
            QTRY_VERIFY_WITH_TIMEOUT(
                controller->windowRequest(utilisationWindow.queryId).endMs > utilisationWindow.endMs, 65000);

        // The fault.
        faulty = true;
        if (fault == QLatin1String("down"))
            server.stopListening();
        const qsizetype requestsBefore = server.requests().size();
        Q_EMIT window->refreshRequested();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
        qsizetype rangeRequests = 0;
        for (qsizetype i = requestsBefore; i < server.requests().size(); ++i)
            rangeRequests += server.requests().at(i).path.endsWith("/query_range") ? 1 : 0;
        if (fault != QLatin1String("down"))
            QVERIFY(server.requests().size() > requestsBefore);
        if (windowMoves)
            QVERIFY(rangeRequests > 0);
        const QString banner = window->staleText();
        qInfo("banner: %s", qPrintable(banner));
        QVERIFY2(banner.startsWith(QLatin1String("Data stale since ")), qPrintable(banner));
        const QString since
            = QLocale().toString(QDateTime::fromMSecsSinceEpoch(lastSuccessMs).time(), QLocale::ShortFormat);
        QVERIFY2(banner.contains(QLatin1String("Data stale since ") + since), qPrintable(banner));
        QVERIFY2(banner.contains(QLatin1String("Showing the last data cached")), qPrintable(banner));
        QVERIFY2(
            banner.contains(QLatin1String("Prometheus at ") + server.url().toString()), qPrintable(banner));
        for (const QString &words : std::as_const(cause))
            QVERIFY2(banner.contains(words),
                qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(words, banner)));
        QVERIFY(controller->isStale());

        // What was cached stays on screen: the charts redrawn from the cache, the tiles as they were.
        QTest::qWait(200);
        QCOMPARE(page->utilisationChart()->pointCount(), utilisationPoints);
        QCOMPARE(page->queueChart()->pointCount(), queuePoints);
        QVERIFY(chartsAndTilesHaveData(window));
        QCOMPARE(tileValues(window), tilesBefore);
        QVERIFY(allKpisStale(dashboard.kpiModel(), true));
        if (fault == QLatin1String("down"))
            QVERIFY(window->grab().save(outputPath(QStringLiteral("overview-stale.png"))));

        // The server answers again: the next refresh clears the banner.
        faulty = false;
        if (fault == QLatin1String("down"))
            QVERIFY(server.resumeListening());
        const qsizetype successes = succeeded.size();
        Q_EMIT window->refreshRequested();
        QTRY_VERIFY_WITH_TIMEOUT(succeeded.size() > successes, 30000);
        QTRY_VERIFY(window->staleText().isEmpty());
        QVERIFY(!controller->isStale());
        QVERIFY(allKpisStale(dashboard.kpiModel(), false));
        if (windowMoves) {
            // The new minute is fetched and drawn.
            QTRY_VERIFY(page->utilisationChart()->pointCount() > utilisationPoints);
            QTRY_VERIFY(page->queueChart()->pointCount() > queuePoints);
        } else {
            QVERIFY(page->utilisationChart()->pointCount() >= utilisationPoints);
            QVERIFY(page->queueChart()->pointCount() >= queuePoints);
        }
    }

    // The cache file still holds what was drawn.
    SampleStore store(QStringLiteral("tst_sourcefaults-") + fault);
    QString error;
    QVERIFY2(store.open(cachePath, &error), qPrintable(error));
    QCOMPARE(samplesWithData(store.read(utilisationWindow)), utilisationPoints);
    QCOMPARE(samplesWithData(store.read(queueWindow)), queuePoints);
    QVERIFY(store.missing(utilisationWindow).empty());
}

QTEST_MAIN(TestSourceFaults)
#include "tst_sourcefaults.moc"
