#include "PrometheusParser.h"

#include <QTest>

#include <cmath>

using Values = QList<double>;
Q_DECLARE_METATYPE(SourceError::Kind)

namespace {
constexpr qint64 t0 = 1732665600000; // 2024-11-27T00:00:00Z, in ms
const double kNaN = std::numeric_limits<double>::quiet_NaN();

PrometheusParser::Context context(int status = 200, const QByteArray &contentType = "application/json")
{
    return { QStringLiteral("http://prom.example:9090"), QStringLiteral("query gpu_util_by_partition"),
        status, contentType };
}

bool sameValues(const std::vector<double> &actual, const Values &expected)
{
    if (int(actual.size()) != expected.size())
        return false;
    for (int i = 0; i < expected.size(); ++i)
        if (!(actual[size_t(i)] == expected[i] || (std::isnan(actual[size_t(i)]) && std::isnan(expected[i]))))
            return false;
    return true;
}
} // namespace

class TestPrometheusParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void query_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<int>("points");
        QTest::addColumn<QString>("legend");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<Values>>("values");
        QTest::addColumn<QStringList>("warnings");

        // Three grid points at t0, t0+60s, t0+120s: t0 is 1732665600 s.
        QTest::newRow("matrix, two partitions, a gap") << QByteArray(
            R"({"status":"success","data":{"resultType":"matrix","result":[)"
            R"({"metric":{"partition":"h100"},"values":[[1732665600,"50"],[1732665660,"51.5"],[1732665720,"52"]]},)"
            R"({"metric":{"partition":"a100"},"values":[[1732665600,"10"],[1732665720,"12"]]}]}})")
                                                       << qint64(60000) << 3 << QStringLiteral("partition")
                                                       << QStringList { QStringLiteral("h100"),
                                                              QStringLiteral("a100") }
                                                       << QList<Values> { { 50, 51.5, 52 }, { 10, kNaN, 12 } }
                                                       << QStringList();
        QTest::newRow("NaN and infinities are gaps") << QByteArray(
            R"({"status":"success","data":{"resultType":"matrix","result":[)"
            R"({"metric":{},"values":[[1732665600,"NaN"],[1732665660,"+Inf"],[1732665720,"-Inf"]]}]}})")
                                                     << qint64(60000) << 3 << QString()
                                                     << QStringList { QStringLiteral("all") }
                                                     << QList<Values> { { kNaN, kNaN, kNaN } }
                                                     << QStringList();
        QTest::newRow("fractional timestamps and samples outside the grid") << QByteArray(
            R"({"status":"success","data":{"resultType":"matrix","result":[)"
            R"({"metric":{"__name__":"up"},"values":[[1732665540,"9"],[1732665600.000,"1e2"],[1732665660.001,"2"],[1732665780,"9"]]}]}})")
                                                                            << qint64(60000) << 3 << QString()
                                                                            << QStringList { QStringLiteral(
                                                                                   "all") }
                                                                            << QList<Values> { { 100, 2,
                                                                                   kNaN } }
                                                                            << QStringList();
        QTest::newRow("fields in another order, warnings kept") << QByteArray(
            R"({"warnings":["PromQL warning: partial response","store down"],"data":{"result":[)"
            R"({"values":[[1732665600,"1"]],"metric":{"partition":"x"}}],"resultType":"matrix"},"status":"success"})")
                                                                << qint64(60000) << 1
                                                                << QStringLiteral("partition")
                                                                << QStringList { QStringLiteral("x") }
                                                                << QList<Values> { { 1 } }
                                                                << QStringList { QStringLiteral(
                                                                                     "PromQL warning: "
                                                                                     "partial response"),
                                                                       QStringLiteral("store down") };
        QTest::newRow("series without the legend label named by labels")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                          R"({"metric":{"job":"dcgm"},"values":[[1732665600,"1"]]},)"
                          R"({"metric":{"partition":"p"},"values":[[1732665600,"2"]]}]}})")
            << qint64(60000) << 1 << QStringLiteral("partition")
            << QStringList { QStringLiteral("{job=\"dcgm\"}"), QStringLiteral("p") }
            << QList<Values> { { 1 }, { 2 } } << QStringList();
        // Found by fuzz_prometheus_parser: a time whose milliseconds overflow 64 bits was an undefined
        // signed overflow when placed on the grid (UBSan, in the asan preset, stops on it). Such a time
        // is on no grid: dropped, the rest kept.
        QTest::newRow("times beyond any grid")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                          R"({"metric":{},"values":[[1732665600,"8"],[1795784631795784636,"8"],[-1e300,"9"],)"
                          R"([1e300,"9"],[1732665720,"7"]]}]}})")
            << qint64(60000) << 3 << QString() << QStringList { QStringLiteral("all") }
            << QList<Values> { { 8, kNaN, 7 } } << QStringList();
        QTest::newRow("instant vector")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{"partition":"h100"},"value":[1732665612.5,"73.25"]}]}})")
            << qint64(0) << 1 << QStringLiteral("partition") << QStringList { QStringLiteral("h100") }
            << QList<Values> { { 73.25 } } << QStringList();
        QTest::newRow("scalar") << QByteArray(
            R"({"status":"success","data":{"resultType":"scalar","result":[1732665600,"4.5"]}})")
                                << qint64(0) << 1 << QString() << QStringList { QStringLiteral("all") }
                                << QList<Values> { { 4.5 } } << QStringList();
        QTest::newRow("empty result")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
            << qint64(60000) << 3 << QString() << QStringList() << QList<Values>() << QStringList();
        QTest::newRow("escaped label values")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                          R"({"metric":{"account":"proj \u0022\u6e2f\u0022"},"value":[1732665600,"3"]}]}})")
            << qint64(0) << 1 << QStringLiteral("account")
            << QStringList { QStringLiteral("proj \"\u6e2f\"") } << QList<Values> { { 3 } } << QStringList();
    }
    void query()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, step);
        QFETCH(int, points);
        QFETCH(QString, legend);
        QFETCH(QStringList, names);
        QFETCH(QList<Values>, values);
        QFETCH(QStringList, warnings);

        QueryResult result;
        SourceError error;
        const bool ok = PrometheusParser::parseQuery(
            body, context(), { t0, step, points }, legend, QStringLiteral("all"), &result, &error);
        QVERIFY2(ok, qPrintable(error.message));
        QCOMPARE(result.startMs, t0);
        QCOMPARE(result.stepMs, step);
        QCOMPARE(int(result.series.size()), names.size());
        for (int s = 0; s < names.size(); ++s) {
            QCOMPARE(result.series[size_t(s)].name, names[s]);
            QVERIFY2(sameValues(result.series[size_t(s)].values, values[s]), qPrintable(names[s]));
        }
        QCOMPARE(result.warnings, warnings);
    }

    void labelsKept()
    {
        const QByteArray body(R"({"status":"success","data":{"resultType":"vector","result":[)"
                              R"({"metric":{"partition":"h100","job":"dcgm"},"value":[1732665600,"1"]}]}})");
        QueryResult result;
        SourceError error;
        QVERIFY(PrometheusParser::parseQuery(
            body, context(), { t0, 0, 1 }, QStringLiteral("partition"), {}, &result, &error));
        const std::map<QString, QString> expected { { QStringLiteral("job"), QStringLiteral("dcgm") },
            { QStringLiteral("partition"), QStringLiteral("h100") } };
        QCOMPARE(result.series.at(0).labels, expected);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<SourceError::Kind>("kind");
        QTest::addColumn<QString>("message");

        const QString prefix
            = QStringLiteral("Prometheus at http://prom.example:9090, query gpu_util_by_partition: ");
        QTest::newRow("400 bad_data") << QByteArray(
            R"({"status":"error","errorType":"bad_data","error":"invalid parameter \u0022query\u0022: 1:5: parse error"})")
                                      << 400 << QByteArray("application/json")
                                      << SourceError::Kind::ServerError
                                      << prefix
                + QStringLiteral("the server rejected the query as bad data (HTTP 400): invalid parameter "
                                 "\"query\": 1:5: parse error");
        QTest::newRow("422 execution") << QByteArray(
            R"({"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"})")
                                       << 422 << QByteArray("application/json")
                                       << SourceError::Kind::ServerError
                                       << prefix
                + QStringLiteral("the server could not execute the query (HTTP 422): query processing would "
                                 "load too many samples into memory");
        QTest::newRow("503 timeout") << QByteArray(
            R"({"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"})")
                                     << 503 << QByteArray("application/json") << SourceError::Kind::Timeout
                                     << prefix
                + QStringLiteral(
                    "the query timed out on the server (HTTP 503): query timed out in expression evaluation");
        QTest::newRow("499 canceled")
            << QByteArray(R"({"status":"error","errorType":"canceled","error":"context canceled"})") << 499
            << QByteArray("application/json") << SourceError::Kind::ServerError
            << prefix + QStringLiteral("the server cancelled the query (HTTP 499): context canceled");
        QTest::newRow("HTML 502 from a proxy")
            << QByteArray("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 "
                          "Bad Gateway</h1></center>"
                          "<hr><center>nginx/1.22.1</center></body></html>")
            << 502 << QByteArray("text/html") << SourceError::Kind::BadResponse
            << prefix
                + QStringLiteral(
                    "the server answered HTML, not the Prometheus API: 502 Bad Gateway (HTTP 502)");
        QTest::newRow("HTML login page with a 200")
            << QByteArray("<!DOCTYPE html><html><head><title>Sign in</title></head></html>") << 200
            << QByteArray("application/octet-stream") << SourceError::Kind::BadResponse
            << prefix
                + QStringLiteral("the server answered HTML, not the Prometheus API: Sign in (HTTP 200)");
        QTest::newRow("truncated JSON") << QByteArray(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1732665600,"1"],[17)")
                                        << 200 << QByteArray("application/json")
                                        << SourceError::Kind::BadResponse
                                        << prefix + QStringLiteral("the answer is not complete JSON (");
        QTest::newRow("empty body") << QByteArray() << 200 << QByteArray("application/json")
                                    << SourceError::Kind::BadResponse
                                    << prefix
                + QStringLiteral("the server answered with an empty body (HTTP 200)");
        QTest::newRow("plain-text 500") << QByteArray("internal error: out of memory") << 500
                                        << QByteArray("text/plain") << SourceError::Kind::ServerError
                                        << prefix
                + QStringLiteral("the server answered HTTP 500 with a body that is not the Prometheus API: "
                                 "internal error: out of memory");
        QTest::newRow("not a number") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1732665600,"abc"]}]}})")
                                      << 200 << QByteArray("application/json")
                                      << SourceError::Kind::BadResponse
                                      << prefix + QStringLiteral("the sample value \"abc\" is not a number");
        QTest::newRow("string result")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"string","result":[1732665600,"hello"]}})")
            << 200 << QByteArray("application/json") << SourceError::Kind::BadResponse
            << prefix + QStringLiteral("the query gives a string, not numbers");
        QTest::newRow("other JSON") << QByteArray(R"({"hello":"world"})") << 200
                                    << QByteArray("application/json") << SourceError::Kind::BadResponse
                                    << prefix
                + QStringLiteral("the answer has no \"status\": \"success\"; is this the Prometheus API?");
    }
    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(SourceError::Kind, kind);
        QFETCH(QString, message);
        QueryResult result;
        SourceError error;
        QVERIFY(!PrometheusParser::parseQuery(body, context(status, contentType), { t0, 60000, 3 },
            QStringLiteral("partition"), {}, &result, &error));
        QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
        QCOMPARE(error.kind, kind);
    }

    void alerts()
    {
        const QByteArray body(
            R"({"status":"success","data":{"alerts":[)"
            R"({"labels":{"alertname":"GpuXidErrors","severity":"critical","node":"aisc-gpu-0007"},)"
            R"("annotations":{"summary":"XID 79 on aisc-gpu-0007"},"state":"firing",)"
            R"("activeAt":"2024-11-27T01:02:03.123456789Z","value":"7e+00"},)"
            R"({"labels":{"alertname":"NodeDown"},"annotations":{},"state":"pending","activeAt":"2024-11-27T02:00:00Z","value":"1"}]}})");
        std::vector<PrometheusAlert> alerts;
        SourceError error;
        QVERIFY2(PrometheusParser::parseAlerts(body, context(), &alerts, &error), qPrintable(error.message));
        QCOMPARE(int(alerts.size()), 2);
        QCOMPARE(alerts[0].name, QStringLiteral("GpuXidErrors"));
        QCOMPARE(alerts[0].state, QStringLiteral("firing"));
        QCOMPARE(alerts[0].labels.at(QStringLiteral("severity")), QStringLiteral("critical"));
        QCOMPARE(
            alerts[0].annotations.at(QStringLiteral("summary")), QStringLiteral("XID 79 on aisc-gpu-0007"));
        QCOMPARE(alerts[0].activeAtMs, t0 + 3723123);
        QCOMPARE(alerts[0].value, 7.0);
        QCOMPARE(alerts[1].name, QStringLiteral("NodeDown"));
        QCOMPARE(alerts[1].activeAtMs, t0 + 2 * 3600000);
    }

    void targets()
    {
        const QByteArray body(
            R"({"status":"success","data":{"activeTargets":[)"
            R"({"discoveredLabels":{"__address__":"127.0.0.1:9400"},"labels":{"instance":"127.0.0.1:9400","job":"aisc"},)"
            R"("scrapePool":"aisc","scrapeUrl":"http://127.0.0.1:9400/metrics","globalUrl":"http://x:9400/metrics",)"
            R"("lastError":"","lastScrape":"2024-11-27T00:00:10.5Z","lastScrapeDuration":0.01,"health":"up"},)"
            R"({"labels":{"instance":"10.0.0.2:9400","job":"dcgm"},"scrapePool":"dcgm","scrapeUrl":"http://10.0.0.2:9400/metrics",)"
            R"("lastError":"connection refused","lastScrape":"0001-01-01T00:00:00Z","health":"down"},)"
            R"({"labels":{},"scrapePool":"new","scrapeUrl":"http://10.0.0.3:9400/metrics","lastError":"","health":"unknown"}],)"
            R"("droppedTargets":[{"discoveredLabels":{"__address__":"x"}}]}})");
        std::vector<PrometheusTarget> targets;
        SourceError error;
        QVERIFY2(
            PrometheusParser::parseTargets(body, context(), &targets, &error), qPrintable(error.message));
        QCOMPARE(int(targets.size()), 3);
        QCOMPARE(targets[0].health, PrometheusTarget::Health::Up);
        QCOMPARE(targets[0].labels.at(QStringLiteral("job")), QStringLiteral("aisc"));
        QCOMPARE(targets[0].lastScrapeMs, t0 + 10500);
        QCOMPARE(targets[1].health, PrometheusTarget::Health::Down);
        QCOMPARE(targets[1].lastError, QStringLiteral("connection refused"));
        QCOMPARE(targets[1].lastScrapeMs, 0);
        QCOMPARE(targets[2].health, PrometheusTarget::Health::Unknown);
    }

    void labelsSeriesBuildInfo()
    {
        QStringList labels;
        SourceError error;
        QVERIFY(PrometheusParser::parseStringList(
            R"({"status":"success","data":["__name__","job","partition"]})", context(), &labels, &error));
        QCOMPARE(labels,
            QStringList({ QStringLiteral("__name__"), QStringLiteral("job"), QStringLiteral("partition") }));

        std::vector<std::map<QString, QString>> series;
        QVERIFY(PrometheusParser::parseSeries(
            R"({"status":"success","data":[{"__name__":"up","job":"aisc"},{"__name__":"up","job":"dcgm"}]})",
            context(), &series, &error));
        QCOMPARE(int(series.size()), 2);
        QCOMPARE(series[1].at(QStringLiteral("job")), QStringLiteral("dcgm"));

        std::map<QString, QString> info;
        QVERIFY(PrometheusParser::parseBuildInfo(
            R"({"status":"success","data":{"version":"2.42.0","revision":"abc","goVersion":"go1.19"}})",
            context(), &info, &error));
        QCOMPARE(info.at(QStringLiteral("version")), QStringLiteral("2.42.0"));
        // VictoriaMetrics answers with no fields.
        QVERIFY(
            PrometheusParser::parseBuildInfo(R"({"status":"success","data":{}})", context(), &info, &error));
        QVERIFY(info.empty());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)
#include "tst_prometheusparser.moc"
