#include "FaultServer.h"
#include "PrometheusSource.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <cmath>

namespace {
constexpr qint64 t0 = 1732665600000; // 2024-11-27T00:00:00Z
constexpr qint64 kMinute = 60000;

FaultServer::Response json(int status, const QByteArray &body)
{
    FaultServer::Response response;
    response.status = status;
    response.body = body;
    return response;
}

PrometheusServer serverAt(const QUrl &url)
{
    PrometheusServer server;
    server.baseUrl = url;
    return server;
}

QString queryValue(const FaultServer::Request &request, const QString &key)
{
    const QByteArray encoded = request.method == "POST" ? request.body : request.query;
    return QUrlQuery(QString::fromLatin1(encoded)).queryItemValue(key, QUrl::FullyDecoded);
}

// A matrix answer with one series per label value, each holding value+i at the i-th of `points`
// points from startSeconds.
QByteArray matrix(
    const QString &label, const QStringList &values, qint64 startSeconds, int points, int stepSeconds)
{
    QByteArray out = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[";
    for (int v = 0; v < values.size(); ++v) {
        if (v)
            out += ',';
        out += "{\"metric\":{";
        if (!label.isEmpty())
            out += "\"" + label.toUtf8() + "\":\"" + values[v].toUtf8() + "\"";
        out += "},\"values\":[";
        for (int i = 0; i < points; ++i) {
            if (i)
                out += ',';
            out += '[' + QByteArray::number(startSeconds + qint64(i) * stepSeconds) + ",\""
                + QByteArray::number(v + 1) + "\"]";
        }
        out += "]}";
    }
    return out + "]}}";
}
} // namespace

Q_DECLARE_METATYPE(FaultServer::Response)

class TestPrometheusSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rangeQueryOnTheGrid();
    void singleSeriesNamedLikeTheSimulation_data();
    void singleSeriesNamedLikeTheSimulation();
    void peakTransform();
    void peakTransformAtFp8IsItsOwnQuery();
    void longRangesAreSplit();
    void failuresNameServerAndQuery_data();
    void failuresNameServerAndQuery();
    void overridesAndUnknownIds();
    void cancelledRequestsStaySilent();
};

void TestPrometheusSource::initTestCase()
{
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<SourceError>();
}

void TestPrometheusSource::rangeQueryOnTheGrid()
{
    FaultServer server;
    server.setResponse(json(200,
        matrix(QStringLiteral("partition"), { QStringLiteral("h100"), QStringLiteral("a100") }, t0 / 1000, 3,
            60)));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url(QStringLiteral("/prometheus"))));
    QCOMPARE(source.displayName(), server.url(QStringLiteral("/prometheus")).toString());
    QVERIFY(!source.isSimulated());
    QVERIFY(std::abs(source.nowMs() - QDateTime::currentMSecsSinceEpoch()) < 5000);

    QSignalSpy fetched(&source, &MetricSource::fetched);
    const QueryRequest request { QStringLiteral("gpu_util_by_partition"), t0, t0 + 4 * kMinute, kMinute };
    source.fetch(7, request);
    QVERIFY(fetched.wait(10000));
    QCOMPARE(fetched.at(0).at(0).toULongLong(), 7ULL);
    const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.queryId, request.queryId);
    QCOMPARE(result.startMs, t0);
    QCOMPARE(result.stepMs, kMinute);
    QCOMPARE(result.pointCount(), 4);
    QVERIFY(result.findSeries(QStringLiteral("h100")));
    QCOMPARE(result.findSeries(QStringLiteral("a100"))->values.at(2), 2.0);
    QVERIFY(std::isnan(result.findSeries(QStringLiteral("a100"))->values.at(3)));

    const FaultServer::Request &sent = server.requests().constFirst();
    QCOMPARE(sent.path, QByteArray("/prometheus/api/v1/query_range"));
    QCOMPARE(queryValue(sent, QStringLiteral("query")), source.promql(request.queryId));
    QCOMPARE(queryValue(sent, QStringLiteral("start")), QString::number(t0 / 1000));
    QCOMPARE(queryValue(sent, QStringLiteral("end")), QString::number(t0 / 1000 + 180));
    QCOMPARE(queryValue(sent, QStringLiteral("step")), QStringLiteral("60"));
}

void TestPrometheusSource::singleSeriesNamedLikeTheSimulation_data()
{
    QTest::addColumn<QString>("queryId");
    QTest::addColumn<QString>("name");
    QTest::newRow("cluster utilisation") << QStringLiteral("gpu_util_cluster") << QStringLiteral("all");
    QTest::newRow("power") << QStringLiteral("power_mw") << QStringLiteral("power");
}

void TestPrometheusSource::singleSeriesNamedLikeTheSimulation()
{
    QFETCH(QString, queryId);
    QFETCH(QString, name);
    FaultServer server;
    server.setResponse(json(200,
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1732665600,"1.25"]}]}})"));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    source.fetch(1, QueryRequest { queryId, t0, t0, 0 });
    QVERIFY(fetched.wait(10000));
    const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.stepMs, 0);
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].name, name);
    QCOMPARE(result.series[0].values, std::vector<double> { 1.25 });
    QCOMPARE(server.requests().constFirst().path, QByteArray("/api/v1/query"));
    QCOMPARE(queryValue(server.requests().constFirst(), QStringLiteral("time")), QString::number(t0 / 1000));
}

void TestPrometheusSource::peakTransform()
{
    const GpuPeakTable &table = GpuPeakTable::builtIn();
    const GpuPeak &first = table.models().front();
    FaultServer server;
    server.setResponse(json(200,
        QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{"
                   "\"modelName\":\"")
            + first.modelName.toUtf8()
            + "\"},\"value\":[1732665600,\"1000\"]},{\"metric\":{\"modelName\":\"Mystery "
              "GPU\"},\"value\":[1732665600,\"8\"]}]}}"));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    source.fetch(1, QueryRequest { QStringLiteral("capacity_installed_pflops"), t0, t0, 0 });
    QVERIFY(fetched.wait(10000));
    const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].name, QStringLiteral("installed"));
    QCOMPARE(result.series[0].values.at(0), first.denseFp16Bf16Tflops); // 1000 GPUs × TFLOPS / 1000
    QCOMPARE(result.warnings,
        QStringList { QStringLiteral(
            "The GPU model 'Mystery GPU' is not in the peak table, so its GPUs are not counted.") });
}

// The FP8 id runs the same PromQL and multiplies by the FP8 peaks; a model without one is named.
void TestPrometheusSource::peakTransformAtFp8IsItsOwnQuery()
{
    const GpuPeakTable &table = GpuPeakTable::builtIn();
    const GpuPeak *h100 = table.find(QStringLiteral("NVIDIA H100 80GB HBM3"));
    const GpuPeak *a100 = table.find(QStringLiteral("NVIDIA A100-SXM4-80GB"));
    QVERIFY(h100 && h100->denseFp8Tflops);
    QVERIFY(a100 && !a100->denseFp8Tflops);
    FaultServer server;
    server.setResponse(json(200,
        QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{"
                   "\"modelName\":\"")
            + h100->modelName.toUtf8() + "\"},\"value\":[1732665600,\"1000\"]},{\"metric\":{\"modelName\":\""
            + a100->modelName.toUtf8() + "\"},\"value\":[1732665600,\"8\"]}]}}"));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    source.fetch(1, QueryRequest { QStringLiteral("capacity_installed_pflops_fp8"), t0, t0, 0 });
    QVERIFY(fetched.wait(10000));
    const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.queryId, QStringLiteral("capacity_installed_pflops_fp8"));
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].name, QStringLiteral("installed"));
    QCOMPARE(result.series[0].values.at(0), *h100->denseFp8Tflops); // 1000 GPUs × TFLOPS / 1000
    QCOMPARE(result.warnings,
        QStringList {
            QStringLiteral("The GPU model 'NVIDIA A100-SXM4-80GB' has no FP8 peak in the peak table, "
                           "so its GPUs are not counted at FP8.") });
    // The same PromQL as the FP16/BF16 query: only the peak differs.
    QCOMPARE(source.promql(QStringLiteral("capacity_installed_pflops_fp8")),
        source.promql(QStringLiteral("capacity_installed_pflops")));
}

void TestPrometheusSource::longRangesAreSplit()
{
    FaultServer server;
    const int points = 11000 + 500;
    const qint64 step = 15000;
    // Each piece answers with its own timestamps; the server here answers every piece alike, so
    // the first piece's answer fills the start of the grid and the second's its end.
    server.setResponse(json(200, matrix({}, { QStringLiteral("x") }, t0 / 1000, 11000, 15)));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    source.fetch(3, QueryRequest { QStringLiteral("gpu_util_cluster"), t0, t0 + points * step, step });
    QVERIFY(fetched.wait(20000));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(queryValue(server.requests().at(0), QStringLiteral("start")), QString::number(t0 / 1000));
    QCOMPARE(
        queryValue(server.requests().at(0), QStringLiteral("end")), QString::number(t0 / 1000 + 10999 * 15));
    QCOMPARE(queryValue(server.requests().at(1), QStringLiteral("start")),
        QString::number(t0 / 1000 + 11000 * 15));
    QCOMPARE(queryValue(server.requests().at(1), QStringLiteral("end")),
        QString::number(t0 / 1000 + (points - 1) * 15));
    const QueryResult result = fetched.at(0).at(1).value<QueryResult>();
    QCOMPARE(result.pointCount(), points);
    QCOMPARE(result.series.size(), size_t(1));
    QCOMPARE(result.series[0].name, QStringLiteral("all"));
    QCOMPARE(result.series[0].values.at(10999), 1.0);
    QVERIFY(std::isnan(result.series[0].values.at(11000)));
}

void TestPrometheusSource::failuresNameServerAndQuery_data()
{
    QTest::addColumn<FaultServer::Response>("response");
    QTest::addColumn<QString>("what");
    QTest::newRow("bad_data") << json(400,
        R"({"status":"error","errorType":"bad_data","error":"1:1: parse error: unexpected \u0022}\u0022"})")
                              << QStringLiteral("the server rejected the query as bad data (HTTP 400): "
                                                "1:1: parse error: unexpected \"}\"");
    FaultServer::Response html = json(502, "<html><head><title>502 Bad Gateway</title></head></html>");
    html.contentType = "text/html";
    QTest::newRow("proxy")
        << html
        << QStringLiteral("the server answered HTML, not the Prometheus API: 502 Bad Gateway (HTTP 502)");
}

void TestPrometheusSource::failuresNameServerAndQuery()
{
    QFETCH(FaultServer::Response, response);
    QFETCH(QString, what);
    FaultServer server;
    server.setResponse(response);
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy failed(&source, &MetricSource::failed);
    const QueryRequest request { QStringLiteral("power_mw"), t0, t0 + kMinute, kMinute };
    source.fetch(9, request);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(1).value<QueryRequest>(), request);
    QCOMPARE(failed.at(0).at(2).value<SourceError>().message,
        QStringLiteral("Prometheus at %1, query power_mw: %2").arg(server.url().toString(), what));
}

void TestPrometheusSource::overridesAndUnknownIds()
{
    FaultServer server;
    server.setResponse(json(200, R"({"status":"success","data":{"resultType":"vector","result":[]}})"));
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()),
        { { QStringLiteral("power_mw"), QStringLiteral("sum(my_power_watts) / 1e6") } });
    QCOMPARE(source.promql(QStringLiteral("power_mw")), QStringLiteral("sum(my_power_watts) / 1e6"));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    QSignalSpy failed(&source, &MetricSource::failed);
    source.fetch(1, QueryRequest { QStringLiteral("power_mw"), t0, t0, 0 });
    source.fetch(2, QueryRequest { QStringLiteral("no_such_query"), t0, t0, 0 });
    QVERIFY(fetched.wait(10000));
    QCOMPARE(queryValue(server.requests().constFirst(), QStringLiteral("query")),
        QStringLiteral("sum(my_power_watts) / 1e6"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(2).value<SourceError>().kind, SourceError::Kind::Unsupported);
}

void TestPrometheusSource::cancelledRequestsStaySilent()
{
    FaultServer server;
    FaultServer::Response slow = json(200, matrix({}, { QStringLiteral("x") }, t0 / 1000, 2, 60));
    slow.trickleBytes = 16;
    slow.trickleIntervalMs = 20;
    server.setResponse(slow);
    QNetworkAccessManager network;
    PrometheusSource source(&network, serverAt(server.url()));
    QSignalSpy fetched(&source, &MetricSource::fetched);
    QSignalSpy failed(&source, &MetricSource::failed);
    source.fetch(1, QueryRequest { QStringLiteral("gpu_util_cluster"), t0, t0 + 2 * kMinute, kMinute });
    source.fetch(2, QueryRequest { QStringLiteral("gpu_util_cluster"), t0, t0 + 2 * kMinute, kMinute });
    source.cancel(1);
    QVERIFY(fetched.wait(10000));
    QCOMPARE(fetched.size(), 1);
    QCOMPARE(fetched.at(0).at(0).toULongLong(), 2ULL);
    QTest::qWait(100);
    QCOMPARE(fetched.size(), 1);
    QCOMPARE(failed.size(), 0);
}

QTEST_GUILESS_MAIN(TestPrometheusSource)
#include "tst_prometheussource.moc"
