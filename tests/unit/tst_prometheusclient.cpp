#include "FaultServer.h"
#include "PrometheusClient.h"
#include "PrometheusParser.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

namespace {
const QByteArray goodMatrix(R"({"status":"success","data":{"resultType":"matrix","result":[
    {"metric":{"partition":"h100"},"values":[[1732665600,"50"],[1732665660,"51"]]}]}})");

FaultServer::Response response(
    int status, const QByteArray &body, bool gzip = false, int trickleBytes = 0, int trickleIntervalMs = 0)
{
    FaultServer::Response response;
    response.status = status;
    response.body = body;
    response.gzip = gzip;
    response.trickleBytes = trickleBytes;
    response.trickleIntervalMs = trickleIntervalMs;
    return response;
}

PrometheusServer serverAt(const QUrl &url)
{
    PrometheusServer server;
    server.baseUrl = url;
    return server;
}

// Waits for the reply to finish; false if it did not within the time.
bool waitFor(PrometheusReply *reply, int ms = 10000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &PrometheusReply::finished);
    return spy.wait(ms);
}

QString queryValue(const QByteArray &encoded, const QString &key)
{
    return QUrlQuery(QString::fromLatin1(encoded)).queryItemValue(key, QUrl::FullyDecoded);
}
} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queryRangeBuildsTheRequest()
    {
        FaultServer server;
        server.setResponse(response(200, goodMatrix));
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(server.url(QStringLiteral("/select/0/prometheus/")));
        config.headers = { { "X-Scope-OrgID", "aisc" } };
        PrometheusClient client(&network, config);
        QCOMPARE(client.displayName(), server.url(QStringLiteral("/select/0/prometheus")).toString());

        PrometheusReply *reply = client.queryRange(QStringLiteral("gpu_util_by_partition"),
            QStringLiteral("avg by (partition) (a + b)"), 1732665600000, 1732665660000, 60000);
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Answered);
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(reply->body(), goodMatrix);

        QCOMPARE(server.requests().size(), 1);
        const FaultServer::Request &request = server.requests().constFirst();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/select/0/prometheus/api/v1/query_range"));
        QCOMPARE(
            queryValue(request.query, QStringLiteral("query")), QStringLiteral("avg by (partition) (a + b)"));
        // '+' must arrive encoded, or a server reads it as a space.
        QVERIFY2(request.query.contains("%2B"), request.query.constData());
        QCOMPARE(queryValue(request.query, QStringLiteral("start")), QStringLiteral("1732665600"));
        QCOMPARE(queryValue(request.query, QStringLiteral("end")), QStringLiteral("1732665660"));
        QCOMPARE(queryValue(request.query, QStringLiteral("step")), QStringLiteral("60"));
        QCOMPARE(request.headers.value("x-scope-orgid"), QByteArray("aisc"));
        QVERIFY(request.headers.value("accept-encoding").contains("gzip"));
        QVERIFY(!request.headers.contains("authorization"));
        delete reply;
    }

    void longQueriesArePosted()
    {
        FaultServer server;
        server.setResponse(response(200, goodMatrix));
        QNetworkAccessManager network;
        PrometheusClient client(&network, serverAt(server.url()));
        const QString promql
            = QStringLiteral("sum(") + QString(2000, QLatin1Char('x')) + QStringLiteral(") + 1");
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), promql, 1732665600500));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Answered);
        const FaultServer::Request &request = server.requests().constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/api/v1/query"));
        QVERIFY(request.query.isEmpty());
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(queryValue(request.body, QStringLiteral("query")), promql);
        QCOMPARE(queryValue(request.body, QStringLiteral("time")), QStringLiteral("1732665600.500"));
    }

    void bearerTokenFromFile()
    {
        FaultServer server;
        server.setResponse(response(200, R"({"status":"success","data":[]})"));
        QTemporaryFile token;
        QVERIFY(token.open());
        token.write("s3cret-token\n");
        token.flush();
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(server.url(QStringLiteral("/prometheus")));
        config.auth = PrometheusServer::Auth::Bearer;
        config.secretFile = token.fileName();
        PrometheusClient client(&network, config);
        std::unique_ptr<PrometheusReply> reply(client.labels());
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(server.requests().constFirst().path, QByteArray("/prometheus/api/v1/labels"));
        QCOMPARE(
            server.requests().constFirst().headers.value("authorization"), QByteArray("Bearer s3cret-token"));
        QVERIFY(!client.displayName().contains(QLatin1String("s3cret")));
    }

    void basicAuthFromUrlAndEnvironment()
    {
        FaultServer server;
        server.setResponse(response(200, R"({"status":"success","data":[]})"));
        QNetworkAccessManager network;
        QUrl url = server.url();
        url.setUserName(QStringLiteral("ops"));
        url.setPassword(QStringLiteral("pw"));
        PrometheusClient fromUrl(&network, serverAt(url));
        QVERIFY(!fromUrl.displayName().contains(QLatin1String("pw")));
        QVERIFY(!fromUrl.displayName().contains(QLatin1String("ops")));
        std::unique_ptr<PrometheusReply> reply(fromUrl.alerts());
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(server.requests().constLast().headers.value("authorization"),
            "Basic " + QByteArray("ops:pw").toBase64());

        qputenv("AISC_TEST_PROMETHEUS_PASSWORD", "from-env");
        PrometheusServer config = serverAt(server.url());
        config.auth = PrometheusServer::Auth::Basic;
        config.username = QStringLiteral("viewer");
        config.secretEnvironmentVariable = QStringLiteral("AISC_TEST_PROMETHEUS_PASSWORD");
        PrometheusClient fromEnvironment(&network, config);
        std::unique_ptr<PrometheusReply> second(fromEnvironment.targets());
        QVERIFY(waitFor(second.get()));
        QCOMPARE(server.requests().constLast().path, QByteArray("/api/v1/targets"));
        QCOMPARE(server.requests().constLast().headers.value("authorization"),
            "Basic " + QByteArray("viewer:from-env").toBase64());
    }

    void missingSecretFailsWithoutSending()
    {
        FaultServer server;
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(server.url());
        config.auth = PrometheusServer::Auth::Bearer;
        config.secretEnvironmentVariable = QStringLiteral("AISC_TEST_UNSET_TOKEN");
        qunsetenv("AISC_TEST_UNSET_TOKEN");
        PrometheusClient client(&network, config);
        std::unique_ptr<PrometheusReply> reply(client.buildInfo());
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Failed);
        QCOMPARE(reply->error().message,
            QStringLiteral(
                "Prometheus at %1, build information: the environment variable AISC_TEST_UNSET_TOKEN, which "
                "should hold the credentials, is not set")
                .arg(server.url().toString()));
        QVERIFY(server.requests().isEmpty());
    }

    void gzipIsDecoded()
    {
        FaultServer server;
        QByteArray big = goodMatrix;
        big.replace("\"50\"", QByteArray("\"50." + QByteArray(100000, '0') + "\""));
        server.setResponse(response(200, big, true));
        QNetworkAccessManager network;
        PrometheusClient client(&network, serverAt(server.url()));
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), QStringLiteral("up"), 0));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Answered);
        QVERIFY(FaultServer::gzip(big).size() < big.size() / 10);
        QCOMPARE(reply->body(), big);
    }

    void httpErrorsAreAnsweredForTheParser()
    {
        FaultServer server;
        server.setResponse(
            response(400, R"({"status":"error","errorType":"bad_data","error":"parse error"})"));
        QNetworkAccessManager network;
        PrometheusClient client(&network, serverAt(server.url()));
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), QStringLiteral("sum("), 0));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Answered);
        QCOMPARE(reply->httpStatus(), 400);
    }

    void connectionRefused()
    {
        QNetworkAccessManager network;
        QUrl url(QStringLiteral("http://127.0.0.1"));
        url.setPort(FaultServer::closedPort());
        PrometheusClient client(&network, serverAt(url));
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), QStringLiteral("up"), 0));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Failed);
        QCOMPARE(reply->error().kind, SourceError::Kind::Unreachable);
        QCOMPARE(reply->error().message,
            QStringLiteral(
                "Prometheus at %1, query power_mw: the connection was refused; is the server running, and is "
                "the port right?")
                .arg(url.toString()));
    }

    void slowTricklePassesTheDeadline()
    {
        FaultServer server;
        server.setResponse(response(200, goodMatrix, false, 4, 50));
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(server.url());
        config.limits.deadlineMs = 500;
        PrometheusClient client(&network, config);
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), QStringLiteral("up"), 0));
        QVERIFY(waitFor(reply.get()));
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Failed);
        QCOMPARE(reply->error().kind, SourceError::Kind::Timeout);
        QCOMPARE(reply->error().message,
            QStringLiteral("Prometheus at %1, query power_mw: no complete answer within 0.5 s")
                .arg(server.url().toString()));
    }

    void sizeCap()
    {
        FaultServer server;
        server.setResponse(response(200, QByteArray(3 * 1024 * 1024, ' ') + goodMatrix, true));
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(server.url());
        config.limits.maxResponseBytes = 1024 * 1024;
        PrometheusClient client(&network, config);
        std::unique_ptr<PrometheusReply> reply(
            client.query(QStringLiteral("power_mw"), QStringLiteral("up"), 0));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Failed);
        QCOMPARE(reply->error().kind, SourceError::Kind::BadResponse);
        QCOMPARE(reply->error().message,
            QStringLiteral(
                "Prometheus at %1, query power_mw: the answer is larger than the limit of 1.0 MB; ask for a "
                "shorter range or a coarser step")
                .arg(server.url().toString()));
        QVERIFY(reply->body().isEmpty());
    }

    void newRequestSupersedesTheOld()
    {
        FaultServer server;
        server.setResponse(response(200, goodMatrix, false, 8, 20));
        QNetworkAccessManager network;
        PrometheusClient client(&network, serverAt(server.url()));
        std::unique_ptr<PrometheusReply> first(client.queryRange(
            QStringLiteral("power_mw"), QStringLiteral("up"), 0, 60000, 60000, QStringLiteral("panel-1")));
        QSignalSpy firstFinished(first.get(), &PrometheusReply::finished);
        std::unique_ptr<PrometheusReply> other(client.queryRange(
            QStringLiteral("power_mw"), QStringLiteral("up"), 0, 60000, 60000, QStringLiteral("panel-2")));
        std::unique_ptr<PrometheusReply> second(client.queryRange(
            QStringLiteral("power_mw"), QStringLiteral("up"), 0, 120000, 60000, QStringLiteral("panel-1")));
        QCOMPARE(firstFinished.size(), 1);
        QCOMPARE(first->outcome(), PrometheusReply::Outcome::Cancelled);
        QVERIFY(waitFor(second.get()));
        QVERIFY(waitFor(other.get()));
        QCOMPARE(second->outcome(), PrometheusReply::Outcome::Answered);
        QCOMPARE(other->outcome(), PrometheusReply::Outcome::Answered);
        QCOMPARE(firstFinished.size(), 1);
    }

    void insecureIsExplicitAndCaFileChecked()
    {
        QNetworkAccessManager network;
        PrometheusServer config = serverAt(QUrl(QStringLiteral("https://127.0.0.1:1")));
        config.caFile = QStringLiteral("/nonexistent/ca.pem");
        PrometheusClient client(&network, config);
        std::unique_ptr<PrometheusReply> reply(client.alerts());
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Failed);
        QCOMPARE(reply->error().message,
            QStringLiteral("Prometheus at https://127.0.0.1:1, alerts: the CA file /nonexistent/ca.pem "
                           "cannot be read or "
                           "holds no PEM certificate"));
        QVERIFY(!PrometheusServer().insecureSkipTlsVerify);
    }

    void secondsFormat_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("whole") << qint64(1732665600000) << QStringLiteral("1732665600");
        QTest::newRow("millis") << qint64(1732665600005) << QStringLiteral("1732665600.005");
        QTest::newRow("negative") << qint64(-1500) << QStringLiteral("-1.500");
        QTest::newRow("step 15s") << qint64(15000) << QStringLiteral("15");
    }
    void secondsFormat()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(PrometheusClient::seconds(ms), expected);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
