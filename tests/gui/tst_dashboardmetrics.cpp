// The dashboard's own metrics (--metrics-listen), scraped as Prometheus would: from the real executable
// on the simulated centre, and in process on a server that goes down, where the seconds since the last
// good data must grow and the failures be counted by kind.
#include "../unit/FaultServer.h"
#include "Dashboard.h"
#include "DashboardMetrics.h"
#include "RefreshController.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <optional>

namespace {
// Sample lines of a scrape by series (name with its labels as written), e.g.
// aisc_dashboard_errors_total{kind="network"} -> 2.
using Scrape = std::map<QString, double>;

std::optional<Scrape> scrape(quint16 port)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
    request.setTransferTimeout(5000);
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000) || reply->error() != QNetworkReply::NoError) {
        reply->deleteLater();
        return std::nullopt;
    }
    Scrape samples;
    static const QRegularExpression line(QStringLiteral("^(\\S+(?:\\{[^}]*\\})?) (\\S+)$"));
    const QStringList lines = QString::fromUtf8(reply->readAll()).split(QLatin1Char('\n'));
    reply->deleteLater();
    for (const QString &text : lines) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch() && !text.startsWith(QLatin1Char('#')))
            samples[match.captured(1)] = match.captured(2).toDouble();
    }
    return samples;
}

quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost) ? server.serverPort() : 0;
}

const QString secondsSinceGood = QStringLiteral("aisc_dashboard_seconds_since_last_good_data");
const QString refreshCount = QStringLiteral("aisc_dashboard_refresh_duration_seconds_count");
const QString networkErrors = QStringLiteral("aisc_dashboard_errors_total{kind=\"network\"}");

// Whether a scrape has a series of that name, whatever its labels.
bool hasFamily(const Scrape &samples, const QString &name)
{
    const auto it = samples.lower_bound(name);
    return it != samples.end() && (it->first == name || it->first.startsWith(name + QLatin1Char('{')));
}
} // namespace

class TestDashboardMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void simulatedCentreServesMetrics();
    void staleSecondsGrowWhenTheServerIsDown();

private:
    QTemporaryDir m_dir;
};

void TestDashboardMetrics::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<SourceError>();
}

void TestDashboardMetrics::simulatedCentreServesMetrics()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString config = m_dir.filePath(QStringLiteral("empty.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    QProcess dashboard;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    dashboard.setProcessEnvironment(environment);
    dashboard.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    dashboard.start(QStringLiteral(AISC_DASHBOARD_BIN),
        { QStringLiteral("--demo"), QStringLiteral("--config"), config, QStringLiteral("--cache"),
            m_dir.filePath(QStringLiteral("demo.sqlite")), QStringLiteral("--metrics-listen"),
            QStringLiteral("127.0.0.1:%1").arg(port) });
    QVERIFY(dashboard.waitForStarted());
    auto stop = qScopeGuard([&] {
        dashboard.terminate();
        if (!dashboard.waitForFinished(10000))
            dashboard.kill();
        dashboard.waitForFinished();
    });

    // The first round on the simulated centre fills the cache; its end is the first good data.
    std::optional<Scrape> samples;
    QTRY_VERIFY_WITH_TIMEOUT(
        (samples = scrape(port)) && samples->count(refreshCount) && samples->at(refreshCount) >= 1, 60000);
    for (const QString &name : { QStringLiteral("aisc_dashboard_refresh_duration_seconds_bucket"),
             QStringLiteral("aisc_dashboard_refresh_duration_seconds_sum"),
             QStringLiteral("aisc_dashboard_errors_total"), QStringLiteral("aisc_dashboard_cache_size_bytes"),
             secondsSinceGood, QStringLiteral("aisc_dashboard_build_info") })
        QVERIFY2(hasFamily(*samples, name), qPrintable(name));
    QCOMPARE(samples->at(networkErrors), 0.0);
    QVERIFY2(samples->at(QStringLiteral("aisc_dashboard_cache_size_bytes")) > 4096,
        "the cache holds the first round");
    QVERIFY(samples->at(secondsSinceGood) >= 0 && samples->at(secondsSinceGood) < 30);
    const QString buildInfo = QStringLiteral("aisc_dashboard_build_info{qt_version=\"%1\",version=\"%2\"}")
                                  .arg(QLatin1String(qVersion()), QLatin1String(AISC_VERSION));
    QVERIFY2(samples->count(buildInfo) && samples->at(buildInfo) == 1, qPrintable(buildInfo));
}

void TestDashboardMetrics::staleSecondsGrowWhenTheServerIsDown()
{
    FaultServer server;
    // Every endpoint answers an empty success: nothing matched, which is still a good answer.
    server.setResponse(FaultServer::Response { 200, "application/json",
        R"({"status":"success","data":{"resultType":"matrix","result":[],"alerts":[],"activeTargets":[]}})" });

    QString error;
    const std::unique_ptr<DashboardMetrics> metrics
        = DashboardMetrics::listen(QStringLiteral("127.0.0.1"), 0, &error);
    QVERIFY2(metrics, qPrintable(error));

    DashboardOptions options;
    options.prometheusUrl = server.url();
    options.cachePath = m_dir.filePath(QStringLiteral("server.sqlite"));
    options.configPath = m_dir.filePath(QStringLiteral("server.conf"));
    Dashboard dashboard(options);
    dashboard.setMetrics(metrics.get());
    QSignalSpy succeeded(dashboard.controller(), &RefreshController::refreshSucceeded);
    QSignalSpy failed(dashboard.controller(), &RefreshController::sourceFailed);
    dashboard.start();
    QVERIFY(succeeded.wait(30000));

    std::optional<Scrape> samples = scrape(metrics->port());
    QVERIFY(samples);
    QVERIFY2(samples->at(secondsSinceGood) < 5, qPrintable(QString::number(samples->at(secondsSinceGood))));
    QCOMPARE(samples->at(networkErrors), 0.0);

    server.stopListening();
    dashboard.controller()->refreshNow();
    QVERIFY(failed.wait(30000));
    samples = scrape(metrics->port());
    QVERIFY(samples);
    const double first = samples->at(secondsSinceGood);
    QVERIFY2(samples->at(networkErrors) >= 1, "the refused connections are counted as network errors");
    QTest::qWait(1500);
    samples = scrape(metrics->port());
    QVERIFY(samples);
    QVERIFY2(samples->at(secondsSinceGood) >= first + 1.0,
        qPrintable(QStringLiteral("%1 then %2").arg(first).arg(samples->at(secondsSinceGood))));
    QVERIFY(samples->at(refreshCount) >= 2);
}

QTEST_MAIN(TestDashboardMetrics)
#include "tst_dashboardmetrics.moc"
