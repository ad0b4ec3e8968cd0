// Secrets (a bearer token, a basic-auth password) must reach the server and nothing else: not the log
// with every category's debug output on, not an error message, not the saved config file. They come from
// a file, an environment variable or the desktop keyring; where no keyring can be reached (CI), the
// request fails with a message that says so and nothing is sent. A proxy that echoes the request back
// (its headers, the upstream URL with user:password) is quoted with the secrets hidden.
#include "DashboardConfig.h"
#include "FaultServer.h"
#include "PrometheusClient.h"
#include "PrometheusParser.h"
#include "PrometheusSource.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A qt.* category: its debug output is off unless the rules turn it on.
Q_LOGGING_CATEGORY(lcCheck, "qt.network.aisc-secrets-check")

namespace {
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

bool waitFor(PrometheusReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &PrometheusReply::finished);
    return spy.wait(15000);
}

const QByteArray token = "tok-3f9a1c7e5b2d4e8f";
const QByteArray password = "pw-a81b7c2d9e0f";
// One that a URL, JSON and HTML each write in their own way.
const QByteArray specialPassword = "pw-a81b/7c2d@9e0f&x";

QByteArray jsonString(const QByteArray &text)
{
    QByteArray out = "\"";
    for (const char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '"' || c == '\\')
            out += QByteArray("\\") + c;
        else if (c == '/')
            out += "\\/"; // as PHP and some proxies write it
        else
            out += c;
    }
    return out + '"';
}

// What a proxy that echoes the request answers: page is "html", "text", "text cut" (the secret
// straddles the end of what the parser reads of a body), "json error" or "json warning".
FaultServer::Response echoingProxy(const QString &page, const FaultServer::Request &request, bool basic)
{
    const QByteArray authorization = "Authorization: " + request.headers.value("authorization");
    const QByteArray upstream = basic
        ? QByteArray("http://viewer:" + QUrl::toPercentEncoding(QString::fromUtf8(specialPassword))
            + "@10.0.0.5:9090" + request.path)
        : QByteArray("http://10.0.0.5:9090" + request.path
            + "?access_token=" + QUrl::toPercentEncoding(QString::fromUtf8(token)));
    QByteArray echo = authorization + "\nUpstream: " + upstream + "\n";
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
        echo += it.key() + ": " + it.value() + '\n';
    echo += request.method + ' ' + request.path + '?' + request.query + " HTTP/1.1\n";

    if (page == QLatin1String("html")) {
        const QString title = QStringLiteral("502 Bad Gateway: %1 for %2")
                                  .arg(QString::fromUtf8(authorization), QString::fromUtf8(upstream));
        return { 502, "text/html",
            "<html><head><title>" + title.toHtmlEscaped().toUtf8() + "</title></head><body><pre>"
                + QString::fromUtf8(echo).toHtmlEscaped().toUtf8() + "</pre></body></html>" };
    }
    if (page == QLatin1String("text"))
        return { 502, "text/plain", "Proxy error: upstream refused the request.\n" + echo };
    if (page == QLatin1String("text cut")) {
        // The parser reads the first 4 KiB of a body; the credential's value straddles that end.
        const qsizetype valueStart = 4096 - (authorization.size() - 15) / 2;
        return { 502, "text/plain",
            "Proxy error:" + QByteArray(valueStart - 15 - 12, ' ') + authorization + '\n' + echo };
    }
    if (page == QLatin1String("json error"))
        return { 400, "application/json",
            R"({"status":"error","errorType":"bad_data","error":)" + jsonString("upstream rejected: " + echo)
                + "}" };
    return { 200, "application/json",
        R"({"status":"success","data":{"resultType":"matrix","result":[]},"warnings":[)"
            + jsonString("partial response, " + authorization + ", upstream " + upstream) + "]}" };
}
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void neverLoggedNorSaved_data();
    void neverLoggedNorSaved();
    void echoingProxyQuotedWithoutSecrets_data();
    void echoingProxyQuotedWithoutSecrets();
    void keyringUnavailableSaysSoAndSendsNothing();
    void keyringEntryRoundTripsThroughTheConfig();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
};

void TestSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    previousHandler = qInstallMessageHandler(capture);
    // Debug output of every category, Qt's own included, reaches the capture.
    qCDebug(lcCheck) << "capture check";
    QCOMPARE(capturedLog, QStringList { QStringLiteral("capture check") });
    // No session bus, whatever the machine has: the keyring cannot be reached.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/aisc-test-bus");
    qunsetenv("DISPLAY");
    qputenv("AISC_TEST_TOKEN", token);
    QFile file(m_dir.filePath(QStringLiteral("password")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(password + '\n');
    QFile special(m_dir.filePath(QStringLiteral("special-password")));
    QVERIFY(special.open(QIODevice::WriteOnly));
    special.write(specialPassword + '\n');
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<SourceError>();
}

void TestSecrets::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestSecrets::neverLoggedNorSaved_data()
{
    QTest::addColumn<bool>("basic"); // basic auth with the password file, else bearer with the token variable
    QTest::addColumn<QString>("state"); // what the server does: "401", "ok", "down"
    QTest::newRow("bearer, 401") << false << QStringLiteral("401");
    QTest::newRow("bearer, answered") << false << QStringLiteral("ok");
    QTest::newRow("bearer, server down") << false << QStringLiteral("down");
    QTest::newRow("basic, 401") << true << QStringLiteral("401");
    QTest::newRow("basic, answered") << true << QStringLiteral("ok");
    QTest::newRow("basic, server down") << true << QStringLiteral("down");
}

void TestSecrets::neverLoggedNorSaved()
{
    QFETCH(bool, basic);
    QFETCH(QString, state);
    const QByteArray secret = basic ? password : token;
    const QByteArray encoded = QByteArray("viewer:" + password).toBase64();

    FaultServer server;
    if (state == QLatin1String("401"))
        server.setResponse(FaultServer::Response { 401, "text/plain", "Unauthorized\n" });
    else
        server.setResponse(FaultServer::Response { 200, "application/json",
            R"({"status":"success","data":{"resultType":"matrix","result":[],"alerts":[],"activeTargets":[]}})" });
    if (state == QLatin1String("down"))
        server.stopListening();

    PrometheusServer config;
    config.baseUrl = server.url();
    config.auth = basic ? PrometheusServer::Auth::Basic : PrometheusServer::Auth::Bearer;
    config.username = basic ? QStringLiteral("viewer") : QString();
    (basic ? config.secretFile : config.secretEnvironmentVariable)
        = basic ? m_dir.filePath(QStringLiteral("password")) : QStringLiteral("AISC_TEST_TOKEN");

    capturedLog.clear();
    QNetworkAccessManager network;
    PrometheusClient client(&network, config);
    QStringList messages { client.displayName() };
    const PrometheusParser::Context context { client.displayName(), QStringLiteral("query power_mw"), 200,
        {} };
    std::vector<std::unique_ptr<PrometheusReply>> replies;
    replies.emplace_back(client.queryRange(QStringLiteral("power_mw"),
        QStringLiteral("sum(DCGM_FI_DEV_POWER_USAGE)"), 1772409600000, 1772413200000, 60000));
    replies.emplace_back(client.alerts());
    replies.emplace_back(client.targets());
    for (const std::unique_ptr<PrometheusReply> &reply : replies) {
        QVERIFY(waitFor(reply.get()));
        // What the dashboard would show: the failure, or what the parser makes of the answer.
        if (reply->outcome() == PrometheusReply::Outcome::Failed) {
            messages.append(reply->error().message);
            continue;
        }
        QCOMPARE(reply->outcome(), PrometheusReply::Outcome::Answered);
        SourceError error;
        QueryResult result;
        PrometheusParser::Context answered = context;
        answered.httpStatus = reply->httpStatus();
        answered.contentType = reply->contentType();
        if (!PrometheusParser::parseQuery(reply->body(), answered, {}, {}, {}, &result, &error))
            messages.append(error.message);
    }
    if (state == QLatin1String("down")) {
        QVERIFY(server.requests().isEmpty());
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("refused")),
            qPrintable(messages.join(u'\n')));
    } else {
        // The secret did go where it belongs, so that its absence elsewhere means something.
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(server.requests().constFirst().headers.value("authorization"),
            basic ? QByteArray("Basic " + encoded) : QByteArray("Bearer " + token));
    }
    if (state == QLatin1String("401"))
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("HTTP 401")),
            qPrintable(messages.join(u'\n')));

    const QString path = m_dir.filePath(QStringLiteral("saved.conf"));
    DashboardConfig saved;
    saved.prometheus = config;
    QString error;
    QVERIFY2(saved.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray savedText = file.readAll();
    QVERIFY(savedText.contains(basic ? "secret_file" : "secret_env"));

    const QByteArray everything
        = (capturedLog + messages).join(QLatin1Char('\n')).toUtf8() + '\n' + savedText;
    for (const QByteArray &leak :
        { secret, encoded, QByteArray("Authorization"), QByteArray("authorization") })
        QVERIFY2(!everything.contains(leak), leak.constData());
}

void TestSecrets::echoingProxyQuotedWithoutSecrets_data()
{
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("page");
    // What the user must still read of what the proxy said.
    QTest::addColumn<QStringList>("quoted");
    const QString dots = SecretMask::marker();
    for (const bool basic : { false, true }) {
        const QString scheme = basic ? QStringLiteral("Basic ") : QStringLiteral("Bearer ");
        const QString upstream = basic
            ? QString(QStringLiteral("http://") + dots + QStringLiteral("@10.0.0.5:9090"))
            : QString(QStringLiteral("access_token=") + dots);
        const char *auth = basic ? "basic" : "bearer";
        QTest::addRow("%s, HTML page", auth)
            << basic << QStringLiteral("html")
            << QStringList { QStringLiteral("HTML, not the Prometheus API: 502 Bad Gateway: Authorization: ")
                       + scheme + dots + QStringLiteral(" for "),
                   upstream, QStringLiteral("(HTTP 502)") };
        QTest::addRow("%s, plain text", auth)
            << basic << QStringLiteral("text")
            << QStringList { QStringLiteral(
                                 "HTTP 502 with a body that is not the Prometheus API: Proxy error: "
                                 "upstream refused the request. Authorization: ")
                   + scheme + dots + QStringLiteral(" Upstream: ") };
        QTest::addRow("%s, plain text cut inside the credential", auth)
            << basic << QStringLiteral("text cut")
            << QStringList { QStringLiteral("Prometheus API: Proxy error: Authorization: ") + scheme };
        QTest::addRow("%s, JSON error", auth)
            << basic << QStringLiteral("json error")
            << QStringList { QStringLiteral("bad data (HTTP 400): upstream rejected: Authorization: ")
                       + scheme + dots + QStringLiteral("\nUpstream: "),
                   upstream, QStringLiteral("x-scope-orgid: tenant-7") };
        QTest::addRow("%s, JSON warning", auth)
            << basic << QStringLiteral("json warning")
            << QStringList { QStringLiteral("partial response, Authorization: ") + scheme + dots
                       + QStringLiteral(", upstream "),
                   upstream };
    }
}

void TestSecrets::echoingProxyQuotedWithoutSecrets()
{
    QFETCH(bool, basic);
    QFETCH(QString, page);
    QFETCH(QStringList, quoted);

    FaultServer server;
    server.setHandler(
        [&](const FaultServer::Request &request) { return echoingProxy(page, request, basic); });
    PrometheusServer config;
    config.baseUrl = server.url();
    config.headers = { { "X-Scope-OrgID", "tenant-7" } };
    config.auth = basic ? PrometheusServer::Auth::Basic : PrometheusServer::Auth::Bearer;
    config.username = basic ? QStringLiteral("viewer") : QString();
    (basic ? config.secretFile : config.secretEnvironmentVariable)
        = basic ? m_dir.filePath(QStringLiteral("special-password")) : QStringLiteral("AISC_TEST_TOKEN");

    capturedLog.clear();
    QNetworkAccessManager network;
    PrometheusSource source(&network, config, {});
    QSignalSpy fetched(&source, &MetricSource::fetched);
    QSignalSpy failed(&source, &MetricSource::failed);
    QSignalSpy healthFailed(&source, &MetricSource::healthFailed);
    QSignalSpy alerts(&source, &MetricSource::alertsFetched);
    // The query's answer is read on a worker thread, the alerts' where they arrive: both paths.
    source.fetch(1, QueryRequest { QStringLiteral("power_mw"), 1772409600000, 1772413200000, 60000 });
    source.fetchAlerts(2);
    QTRY_VERIFY_WITH_TIMEOUT(fetched.size() + failed.size() == 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(healthFailed.size() + alerts.size() == 1, 15000);

    QStringList texts;
    if (page == QLatin1String("json warning")) {
        QCOMPARE(fetched.size(), 1);
        texts = fetched.constFirst().at(1).value<QueryResult>().warnings;
    } else {
        QCOMPARE(failed.size(), 1);
        QCOMPARE(healthFailed.size(), 1);
        texts = { failed.constFirst().at(2).value<SourceError>().message,
            healthFailed.constFirst().at(1).value<SourceError>().message };
    }
    QVERIFY(!texts.isEmpty());
    // The proxy did echo the secret, so that its absence below means something.
    QVERIFY(!server.requests().isEmpty());
    const QByteArray header = server.requests().constFirst().headers.value("authorization");
    QVERIFY(header.endsWith(basic ? QByteArray("viewer:" + specialPassword).toBase64() : token));

    for (const QString &text : std::as_const(texts))
        for (const QString &part : quoted)
            QVERIFY2(text.contains(part), qPrintable(text + QStringLiteral("\n  lacks: ") + part));
    if (page == QLatin1String("text cut"))
        for (const QString &text : std::as_const(texts))
            QVERIFY2(text.endsWith(quoted.constFirst()), qPrintable(text));

    const QByteArray secret = basic ? specialPassword : token;
    const QByteArray encoded = basic ? QByteArray("viewer:" + specialPassword).toBase64() : token.toBase64();
    const QByteArray everything = (capturedLog + texts).join(QLatin1Char('\n')).toUtf8();
    for (const QByteArray &leak :
        { secret, secret.left(secret.size() / 2), QUrl::toPercentEncoding(QString::fromUtf8(secret)),
            QString::fromUtf8(secret).toHtmlEscaped().toUtf8(), encoded.left(encoded.size() / 2) })
        QVERIFY2(!everything.contains(leak), leak.constData());
}

void TestSecrets::keyringUnavailableSaysSoAndSendsNothing()
{
    FaultServer server;
    PrometheusServer config;
    config.baseUrl = server.url();
    config.auth = PrometheusServer::Auth::Bearer;
    config.secretKeyring = QStringLiteral("aisc-test-prometheus");
    QNetworkAccessManager network;
    PrometheusClient client(&network, config);
    std::unique_ptr<PrometheusReply> first(client.alerts());
    // The keyring is asked asynchronously: the request waits for it.
    QVERIFY(!first->isFinished());
    QVERIFY(waitFor(first.get()));
    QCOMPARE(first->outcome(), PrometheusReply::Outcome::Failed);
    QString message = first->error().message;
    QVERIFY2(message.contains(QLatin1String("no desktop keyring could be reached"))
            && message.contains(QLatin1String("'aisc-test-prometheus'"))
            && message.contains(QLatin1String("secret_file or secret_env")),
        qPrintable(message));
    // Asked once: a later request fails the same way without asking again.
    std::unique_ptr<PrometheusReply> second(client.targets());
    QVERIFY(waitFor(second.get()));
    QCOMPARE(second->error().message, message.replace(QLatin1String("alerts"), QLatin1String("targets")));
    QVERIFY(server.requests().isEmpty());
}

void TestSecrets::keyringEntryRoundTripsThroughTheConfig()
{
    const QString path = m_dir.filePath(QStringLiteral("keyring.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[prometheus]\nurl=https://metrics.example.org\nauth=basic\nusername=viewer\n"
               "secret_keyring=aisc-prometheus\n");
    file.close();
    QString error;
    std::optional<DashboardConfig> config = DashboardConfig::load(path, true, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->prometheus->secretKeyring, QStringLiteral("aisc-prometheus"));
    const QString saved = m_dir.filePath(QStringLiteral("keyring-saved.conf"));
    QVERIFY(config->save(saved, &error));
    config = DashboardConfig::load(saved, true, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->prometheus->secretKeyring, QStringLiteral("aisc-prometheus"));
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
