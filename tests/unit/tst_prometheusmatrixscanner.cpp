#include "PrometheusMatrixScanner.h"

#include <QTest>
#include <QThreadPool>

#include <cmath>

using Values = QList<double>;

namespace {
constexpr qint64 t0 = 1732665600000; // 2024-11-27T00:00:00Z, in ms
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const PrometheusParser::Grid grid { t0, 60000, 3 };

bool sameValues(const std::vector<double> &actual, const Values &expected)
{
    if (int(actual.size()) != expected.size())
        return false;
    for (int i = 0; i < expected.size(); ++i)
        if (!(actual[size_t(i)] == expected[i] || (std::isnan(actual[size_t(i)]) && std::isnan(expected[i]))))
            return false;
    return true;
}

QByteArray matrix(const QByteArray &values, const QByteArray &metric = R"({"partition":"h100"})")
{
    return R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":)" + metric
        + R"(,"values":)" + values + "}]}}";
}

PrometheusParser::Context context()
{
    return { QStringLiteral("http://prom.example:9090"), QStringLiteral("query gpu_util_by_partition"), 200,
        "application/json" };
}
} // namespace

class TestPrometheusMatrixScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The scanner alone: what it reads, and what it refuses (the parser then reads the body with simdjson).
    void readValues_data()
    {
        QTest::addColumn<QByteArray>("array");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<Values>("values");

        QTest::newRow("integer seconds")
            << QByteArray(R"([[1732665600,"50"],[1732665660,"51.5"]])") << true << Values { 50, 51.5, kNaN };
        QTest::newRow("decimal seconds, nearest grid point")
            << QByteArray(R"([[1732665600.000,"1"],[1732665660.001,"2"],[1732665749.9,"3"]])") << true
            << Values { 1, 2, 3 };
        QTest::newRow("more than three decimals")
            << QByteArray(R"([[1732665659.9995,"1"],[1732665720.0004999,"2"]])") << true
            << Values { kNaN, 1, 2 };
        QTest::newRow("exponents and signs") << QByteArray(
            R"([[1732665600,"1e2"],[1732665660,"-2.5E-3"],[1732665720,"12345678901234567890"]])")
                                             << true << Values { 100, -0.0025, 12345678901234567890.0 };
        QTest::newRow("NaN and infinities are gaps")
            << QByteArray(R"([[1732665600,"NaN"],[1732665660,"+Inf"],[1732665720,"-Inf"]])") << true
            << Values { kNaN, kNaN, kNaN };
        QTest::newRow("whitespace between tokens")
            << QByteArray("[ [ 1732665600 ,\n \"7\" ] ,\r\n\t[1732665720,\"9\"]\n]") << true
            << Values { 7, kNaN, 9 };
        QTest::newRow("samples off the grid dropped")
            << QByteArray(R"([[1732665500,"1"],[1732665600,"2"],[1732665780,"3"],[1732665900,"4"]])") << true
            << Values { 2, kNaN, kNaN };
        QTest::newRow("empty") << QByteArray("[ ]") << true << Values { kNaN, kNaN, kNaN };

        QTest::newRow("truncated") << QByteArray(R"([[1732665600,"1"],[17)") << false << Values();
        QTest::newRow("missing closing bracket") << QByteArray(R"([[1732665600,"1"])") << false << Values();
        QTest::newRow("not a number") << QByteArray(R"([[1732665600,"abc"]])") << false << Values();
        QTest::newRow("value not a string") << QByteArray(R"([[1732665600,1]])") << false << Values();
        QTest::newRow("escape in a value") << QByteArray("[[1732665600,\"\\u0031\"]]") << false << Values();
        QTest::newRow("time as a string") << QByteArray(R"([["1732665600","1"]])") << false << Values();
        QTest::newRow("time with exponent") << QByteArray(R"([[1.7e9,"1"]])") << false << Values();
        QTest::newRow("leading zero") << QByteArray(R"([[01732665600,"1"]])") << false << Values();
        QTest::newRow("three elements") << QByteArray(R"([[1732665600,"1","x"]])") << false << Values();
        QTest::newRow("trailing comma") << QByteArray(R"([[1732665600,"1"],])") << false << Values();
    }
    void readValues()
    {
        QFETCH(QByteArray, array);
        QFETCH(bool, accepted);
        QFETCH(Values, values);
        std::vector<double> out;
        const bool ok = PrometheusMatrixScanner::readValues(
            std::string_view(array.constData(), size_t(array.size())), grid, &out);
        QCOMPARE(ok, accepted);
        if (accepted)
            QVERIFY(sameValues(out, values));
    }

    // The split hands simdjson the body without the values and finds every series' array.
    void split()
    {
        const QByteArray body(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                              "{\"metric\":{\"account\":\"proj \\\"values\\\":[[1,\\\"2\\\"]] "
                              "\\\\\"},\"values\":[[1732665600,\"1\"]]},"
                              R"({"metric":{},"value":[1732665600,"3"]},)"
                              R"( { "values" : [ ] , "metric" : { } } ]},"warnings":["x"]})");
        PrometheusMatrixScanner::Split split;
        QVERIFY(PrometheusMatrixScanner::split(body, &split));
        QCOMPARE(int(split.values.size()), 3);
        QCOMPARE(split.values[0], std::string_view(R"([[1732665600,"1"]])"));
        QVERIFY(split.values[1].empty());
        QCOMPARE(split.values[2], std::string_view("[ ]"));
        QCOMPARE(split.skeleton,
            QByteArray(
                R"({"status":"success","data":{"resultType":"matrix","result":[)"
                "{\"metric\":{\"account\":\"proj \\\"values\\\":[[1,\\\"2\\\"]] \\\\\"},\"values\":[]},"
                R"({"metric":{},"value":[1732665600,"3"]},)"
                R"( { "values" : [] , "metric" : { } } ]},"warnings":["x"]})"));
    }

    void splitRefuses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no values: an instant vector") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}})");
        QTest::newRow("two data keys") << QByteArray(
            R"({"status":"success","data":{"result":[{"values":[[1,"1"]]}]},"data":{"result":[]}})");
        QTest::newRow("two values keys") << QByteArray(
            R"({"status":"success","data":{"result":[{"values":[[1,"1"]],"values":[[2,"2"]]}]}})");
        QTest::newRow("values and value")
            << QByteArray(R"({"status":"success","data":{"result":[{"values":[[1,"1"]],"value":[2,"2"]}]}})");
        QTest::newRow("escaped key") << QByteArray(
            "{\"status\":\"success\",\"data\":{\"result\":[{\"valu\\u0065s\":[[1,\"1\"]]}]}}");
        QTest::newRow("truncated") << QByteArray(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1732665600,"1"],[17)");
        QTest::newRow("HTML") << QByteArray("<html><title>502</title></html>");
    }
    void splitRefuses()
    {
        QFETCH(QByteArray, body);
        PrometheusMatrixScanner::Split split;
        QVERIFY(!PrometheusMatrixScanner::split(body, &split));
    }

    // Through the parser: the scanner's answers are the DOM path's answers, errors included.
    void parseQuery_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<Values>("values");

        QTest::newRow("escaped label values")
            << matrix(R"([[1732665600,"1"]])", "{\"partition\":\"h\\u0031\\\"00\\\\\"}")
            << QStringList { QStringLiteral("h1\"00\\") } << Values { 1, kNaN, kNaN };
        QTest::newRow("exponent values, decimal times")
            << matrix(R"([[1732665600.5,"2.5e1"],[1732665720.25,"-1E-1"]])")
            << QStringList { QStringLiteral("h100") } << Values { 25, kNaN, -0.1 };
        QTest::newRow("whitespace everywhere") << QByteArray(
            "{ \"status\" : \"success\" ,\n \"data\" : { \"resultType\" : \"matrix\" , \"result\" : [\n"
            "  { \"metric\" : { \"partition\" : \"a\" } ,\n    \"values\" : [ [ 1732665660 , \"4\" ] ] }\n ] "
            "} }\n") << QStringList { QStringLiteral("a") }
                                               << Values { kNaN, 4, kNaN };
        QTest::newRow("a value the scanner refuses, read by simdjson")
            << matrix("[[1732665600,\"\\u0031\"]]") << QStringList { QStringLiteral("h100") }
            << Values { 1, kNaN, kNaN };
    }
    void parseQuery()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, names);
        QFETCH(Values, values);
        QThreadPool pool;
        for (QThreadPool *usedPool : { static_cast<QThreadPool *>(nullptr), &pool }) {
            QueryResult result;
            SourceError error;
            QVERIFY2(PrometheusParser::parseQuery(
                         body, context(), grid, QStringLiteral("partition"), {}, &result, &error, usedPool),
                qPrintable(error.message));
            QCOMPARE(int(result.series.size()), names.size());
            QCOMPARE(result.series[0].name, names[0]);
            QVERIFY(sameValues(result.series[0].values, values));
        }
    }

    void errorsAsBefore_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QString prefix
            = QStringLiteral("Prometheus at http://prom.example:9090, query gpu_util_by_partition: ");
        QTest::newRow("truncated array") << matrix(R"([[1732665600,"1"],[1732665660,"2")").chopped(3)
                                         << prefix + QStringLiteral("the answer is not complete JSON (");
        QTest::newRow("not a number") << matrix(R"([[1732665600,"1"],[1732665660,"x1"]])")
                                      << prefix + QStringLiteral("the sample value \"x1\" is not a number");
        QTest::newRow("not a pair") << matrix(R"([[1732665600,"1",3]])")
                                    << prefix + QStringLiteral("a sample is not a [time, value] pair");
        // The scan passes a bare word on to simdjson, which refuses it: the message counts the whole body.
        const QByteArray bareWord = matrix(R"([[1732665600,"1"]])").replace("\"matrix\"", "matrix");
        QTest::newRow("bad JSON beside the values") << bareWord
                                                    << prefix
                + QStringLiteral("the answer is not complete JSON (%1 bytes received").arg(bareWord.size());
    }
    void errorsAsBefore()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QueryResult result;
        SourceError error;
        QVERIFY(!PrometheusParser::parseQuery(
            body, context(), grid, QStringLiteral("partition"), {}, &result, &error));
        QVERIFY2(error.message.startsWith(message), qPrintable(error.message));
        QCOMPARE(error.kind, SourceError::Kind::BadResponse);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusMatrixScanner)
#include "tst_prometheusmatrixscanner.moc"
