#include "DashboardConfig.h"
#include "Simulation.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestDashboardConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fullFile();
    void missingFile();
    void badValuesNameFileAndKey_data();
    void badValuesNameFileAndKey();
    void saveWritesNoSecretAndReadsBack();
    void cacheLimits();
    void serverUrl_data();
    void serverUrl();
    void precision_data();
    void precision();
    void allocationsAndSubsidyAccounts();
    void simulatedCentreConfigNamesItsAccounts();
    void presentation();

private:
    QString write(const QString &name, const QByteArray &contents);
    QTemporaryDir m_dir;
};

void TestDashboardConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestDashboardConfig::write(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(contents);
    return path;
}

void TestDashboardConfig::fullFile()
{
    const QString ca = write(QStringLiteral("ca.pem"), "not checked here");
    const QString path = write(QStringLiteral("full.conf"),
        "[prometheus]\n"
        "url=https://metrics.example.org/prometheus/\n"
        "auth=bearer\n"
        "secret_env=AISC_TOKEN\n"
        "ca_file="
            + ca.toUtf8()
            + "\n"
              "timeout_s=45\n"
              "[headers]\n"
              "X-Scope-OrgID=aisc\n"
              "[queries]\n"
              "gpu_util_by_partition=avg by (partition, cluster) (DCGM_FI_DEV_GPU_UTIL)\n"
              "[display]\n"
              "language=zh_HK\n"
              "refresh_interval_s=30\n"
              "theme=Dark\n"
              "range=7D\n"
              "[thresholds]\n"
              "jobs_pending_warning=150\n"
              "gpus_down_critical=64.5\n");
    QString error;
    const std::optional<DashboardConfig> config = DashboardConfig::load(path, true, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->prometheus);
    QCOMPARE(config->prometheus->baseUrl, QUrl(QStringLiteral("https://metrics.example.org/prometheus")));
    QCOMPARE(config->prometheus->auth, PrometheusServer::Auth::Bearer);
    QCOMPARE(config->prometheus->secretEnvironmentVariable, QStringLiteral("AISC_TOKEN"));
    QCOMPARE(config->prometheus->caFile, ca);
    QVERIFY(!config->prometheus->insecureSkipTlsVerify);
    QCOMPARE(config->prometheus->limits.deadlineMs, 45000);
    QCOMPARE(config->prometheus->headers.size(), size_t(1));
    QCOMPARE(config->prometheus->headers.front().first, QByteArray("X-Scope-OrgID"));
    QCOMPARE(config->prometheus->headers.front().second, QByteArray("aisc"));
    // An unquoted comma in PromQL stays part of the expression.
    QCOMPARE(config->promqlOverrides.at(QStringLiteral("gpu_util_by_partition")),
        QStringLiteral("avg by (partition, cluster) (DCGM_FI_DEV_GPU_UTIL)"));
    QCOMPARE(config->language, QStringLiteral("zh_HK"));
    QCOMPARE(config->refreshIntervalS, 30);
    QVERIFY(config->darkTheme);
    QCOMPARE(config->range, QStringLiteral("7d"));
    QCOMPARE(config->thresholds.size(), size_t(2));
    QCOMPARE(config->thresholds.at(QStringLiteral("jobs_pending")).warning, 150.0);
    QVERIFY(std::isnan(config->thresholds.at(QStringLiteral("jobs_pending")).critical));
    QCOMPARE(config->thresholds.at(QStringLiteral("gpus_down")).critical, 64.5);
}

void TestDashboardConfig::missingFile()
{
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("absent.conf"));
    // The default file may be absent: the simulated centre then.
    const std::optional<DashboardConfig> config = DashboardConfig::load(path, false, &error);
    QVERIFY(config);
    QVERIFY(!config->prometheus);
    // A file named on the command line must exist.
    QVERIFY(!DashboardConfig::load(path, true, &error));
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("no such file")), qPrintable(error));
}

void TestDashboardConfig::badValuesNameFileAndKey_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("url without scheme")
        << QByteArray("[prometheus]\nurl=prometheus:9090\n") << QStringLiteral("url");
    QTest::newRow("ftp url") << QByteArray("[prometheus]\nurl=ftp://host\n") << QStringLiteral("ftp://host");
    QTest::newRow("url with query") << QByteArray("[prometheus]\nurl=http://host:9090/?x=1\n")
                                    << QStringLiteral("query");
    QTest::newRow("unknown auth") << QByteArray("[prometheus]\nurl=http://host\nauth=kerberos\n")
                                  << QStringLiteral("kerberos");
    QTest::newRow("bearer without secret") << QByteArray("[prometheus]\nurl=http://host\nauth=bearer\n")
                                           << QStringLiteral("secret_file, secret_env or secret_keyring");
    // Found by fuzz_dashboard_config: header names were taken as they came, turned to Latin-1 ('?' for
    // the rest), and a value could hold a line break that starts another header.
    // Found by fuzz_dashboard_config: user info in the URL was taken, then dropped when the config was
    // saved; a password there is a secret in the file.
    QTest::newRow("url with a user") << QByteArray("[prometheus]\nurl=http://prom@host:9090\n")
                                     << QStringLiteral("no user name or password in the URL");
    QTest::newRow("url with a password") << QByteArray("[prometheus]\nurl=http://prom:hunter2@host:9090\n")
                                         << QStringLiteral("no user name or password in the URL");
    QTest::newRow("header name with a space")
        << QByteArray("[prometheus]\nurl=http://host\n[headers]\nX%20Org=a\n") << QStringLiteral("'X Org'");
    QTest::newRow("header name not ASCII")
        << QByteArray("[prometheus]\nurl=http://host\n[headers]\nX-\xe6\xb8\xaf=a\n")
        << QStringLiteral("header name is letters");
    QTest::newRow("header name with a control character") << QByteArray(
        "[prometheus]\nurl=http://host\n[headers]\nX-Sc\x17"
        "D=a\n") << QStringLiteral("header 'X-Sc");
    QTest::newRow("header value with a line break")
        << QByteArray("[prometheus]\nurl=http://host\n[headers]\nX-Scope-OrgID=aisc\\nX-Injected: 1\n")
        << QStringLiteral("header X-Scope-OrgID: the value holds a line break");
    // Extra headers are kept in plain text and not hidden from messages: none may carry a credential.
    QTest::newRow("authorization header")
        << QByteArray("[prometheus]\nurl=http://host\n[headers]\nAuthorization=Bearer abc123\n")
        << QStringLiteral("header Authorization would carry a credential");
    QTest::newRow("api key header") << QByteArray(
        "[prometheus]\nurl=http://host\n[headers]\nX-Api-Key=abc123\n")
                                    << QStringLiteral("use auth=bearer or auth=basic");
    QTest::newRow("token header") << QByteArray(
        "[prometheus]\nurl=http://host\n[headers]\nX-Auth-Token=abc123\n")
                                  << QStringLiteral("header X-Auth-Token");
    QTest::newRow("cookie header") << QByteArray(
        "[prometheus]\nurl=http://host\n[headers]\ncookie=s=abc123\n")
                                   << QStringLiteral("header cookie");
    QTest::newRow("basic without user")
        << QByteArray("[prometheus]\nurl=http://host\nauth=basic\nsecret_env=X\n")
        << QStringLiteral("username");
    QTest::newRow("token in the file") << QByteArray("[prometheus]\nurl=http://host\ntoken=abc123\n")
                                       << QStringLiteral("secrets are not kept");
    QTest::newRow("password in the file") << QByteArray("[prometheus]\nurl=http://host\npassword=hunter2\n")
                                          << QStringLiteral("prometheus/password");
    QTest::newRow("unreadable CA") << QByteArray("[prometheus]\nurl=https://host\nca_file=/no/such/ca.pem\n")
                                   << QStringLiteral("/no/such/ca.pem");
    QTest::newRow("insecure not boolean")
        << QByteArray("[prometheus]\nurl=https://host\ninsecure_skip_tls_verify=yes please\n")
        << QStringLiteral("insecure_skip_tls_verify");
    QTest::newRow("timeout zero") << QByteArray("[prometheus]\nurl=http://host\ntimeout_s=0\n")
                                  << QStringLiteral("timeout_s");
    QTest::newRow("empty query") << QByteArray("[queries]\npower_mw=\n") << QStringLiteral("power_mw");
    QTest::newRow("language") << QByteArray("[display]\nlanguage=fr\n") << QStringLiteral("'fr'");
    QTest::newRow("refresh too fast")
        << QByteArray("[display]\nrefresh_interval_s=1\n") << QStringLiteral("refresh_interval_s");
    QTest::newRow("theme") << QByteArray("[display]\ntheme=blue\n")
                           << QStringLiteral("theme 'blue': expected light or dark");
    QTest::newRow("range") << QByteArray("[display]\nrange=2w\n")
                           << QStringLiteral("range '2w': expected 1h, 6h, 24h, 7d, 30d, 90d or 1y");
    QTest::newRow("threshold of unknown tile")
        << QByteArray("[thresholds]\npower_warning=3\n")
        << QStringLiteral(
               "power_warning: expected <tile>_warning or <tile>_critical, the tile one of installed, "
               "gpu_util, jobs_running, jobs_pending, gpus_down");
    QTest::newRow("threshold not a number") << QByteArray("[thresholds]\ngpus_down_warning=many\n")
                                            << QStringLiteral("gpus_down_warning 'many': expected a number");
    QTest::newRow("cache age zero") << QByteArray("[cache]\nmax_age_days=0\n")
                                    << QStringLiteral("max_age_days '0': expected whole days from 1 to 3650");
    QTest::newRow("cache age too long")
        << QByteArray("[cache]\nmax_age_days=3651\n") << QStringLiteral("max_age_days '3651'");
    QTest::newRow("cache age not a number")
        << QByteArray("[cache]\nmax_age_days=forever\n") << QStringLiteral("max_age_days 'forever'");
    QTest::newRow("cache too small") << QByteArray("[cache]\nmax_size_mb=15\n")
                                     << QStringLiteral(
                                            "max_size_mb '15': expected whole megabytes from 16 to 1048576");
    QTest::newRow("cache too big") << QByteArray("[cache]\nmax_size_mb=1048577\n")
                                   << QStringLiteral("max_size_mb '1048577'");
    QTest::newRow("precision") << QByteArray("[display]\nprecision=fp32\n")
                               << QStringLiteral("[display] precision 'fp32': expected fp16");
    QTest::newRow("allocation not a number") << QByteArray("[allocations]\nuniv-a-nlp=lots\n")
                                             << QStringLiteral("[allocations] univ-a-nlp 'lots'");
    QTest::newRow("allocation zero") << QByteArray("[allocations]\naiss-2024-003=0\n")
                                     << QStringLiteral("[allocations] aiss-2024-003 '0'");
    QTest::newRow("allocation negative") << QByteArray(
        "[allocations]\nlab=-5\n") << QStringLiteral("expected the GPU-hours granted, a positive number");
    QTest::newRow("allocation with grouping commas")
        << QByteArray("[allocations]\nlab=250,000\n") << QStringLiteral("[allocations] lab '250, 000'");
    QTest::newRow("cache size with unit")
        << QByteArray("[cache]\nmax_size_mb=2G\n") << QStringLiteral("max_size_mb '2G'");
    QTest::newRow("unknown slide") << QByteArray("[presentation]\nslides=headline, weather\n")
                                   << QStringLiteral(
                                          "[presentation] slides 'headline, weather': expected a "
                                          "comma-separated list of headline, roadmap, utilisation, "
                                          "jobs, equivalences");
    QTest::newRow("no slides") << QByteArray("[presentation]\nslides=\n") << QStringLiteral("slides ''");
    QTest::newRow("slide interval too short")
        << QByteArray("[presentation]\ninterval_s=2\n")
        << QStringLiteral("[presentation] interval_s '2': expected whole seconds from 5 to 3600");
    QTest::newRow("slide interval with unit")
        << QByteArray("[presentation]\ninterval_s=20s\n") << QStringLiteral("interval_s '20s'");
}

void TestDashboardConfig::badValuesNameFileAndKey()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, mentions);
    // A file per row: QSettings caches what it read from a path, and a rewrite within the same second
    // may go unnoticed.
    const QString path
        = write(QStringLiteral("bad-%1.conf").arg(QLatin1String(QTest::currentDataTag())), contents);
    QString error;
    QVERIFY(!DashboardConfig::load(path, true, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    // The secret itself is never repeated in the message.
    QVERIFY2(!error.contains(QLatin1String("hunter2")) && !error.contains(QLatin1String("abc123")),
        qPrintable(error));
}

void TestDashboardConfig::saveWritesNoSecretAndReadsBack()
{
    DashboardConfig config;
    PrometheusServer server;
    server.baseUrl
        = QUrl(QStringLiteral("https://dashboard:s3cret@metrics.example.org:9090/select/0/prometheus"));
    server.auth = PrometheusServer::Auth::Basic;
    server.username = QStringLiteral("dashboard");
    server.secretFile = m_dir.filePath(QStringLiteral("password"));
    server.headers.emplace_back("X-Scope-OrgID", "aisc");
    config.prometheus = server;
    config.promqlOverrides.emplace(
        QStringLiteral("power_mw"), QStringLiteral("sum(DCGM_FI_DEV_POWER_USAGE) / 1e6"));
    config.language = QStringLiteral("en");
    config.refreshIntervalS = 20;
    config.cacheMaxAgeDays = 30;
    config.cacheMaxSizeMb = 512;
    config.precision = Precision::DenseFp8;
    config.allocations
        = { { QStringLiteral("aiss-2024-003"), 300000 }, { QStringLiteral("univ-a-nlp"), 1234.5 } };
    config.subsidyAccounts = { QStringLiteral("aiss-*") };

    const QString path = m_dir.filePath(QStringLiteral("saved.conf"));
    QString error;
    QVERIFY2(config.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY2(!written.contains("s3cret"), written.constData());

    const std::optional<DashboardConfig> loaded = DashboardConfig::load(path, true, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->prometheus->baseUrl,
        QUrl(QStringLiteral("https://metrics.example.org:9090/select/0/prometheus")));
    QCOMPARE(loaded->prometheus->auth, PrometheusServer::Auth::Basic);
    QCOMPARE(loaded->prometheus->username, QStringLiteral("dashboard"));
    QCOMPARE(loaded->prometheus->secretFile, server.secretFile);
    QCOMPARE(loaded->prometheus->headers, server.headers);
    QCOMPARE(loaded->promqlOverrides, config.promqlOverrides);
    QCOMPARE(loaded->refreshIntervalS, 20);
    QCOMPARE(loaded->cacheMaxAgeDays, 30);
    QCOMPARE(loaded->cacheMaxSizeMb, 512);
    QCOMPARE(loaded->precision, Precision::DenseFp8);
    QCOMPARE(loaded->allocations, config.allocations);
    QCOMPARE(loaded->subsidyAccounts, config.subsidyAccounts);
}

void TestDashboardConfig::cacheLimits()
{
    // Defaults sized for a laptop.
    QString error;
    const std::optional<DashboardConfig> defaults = DashboardConfig::load(
        write(QStringLiteral("nocache.conf"), "[display]\nlanguage=en\n"), true, &error);
    QVERIFY2(defaults, qPrintable(error));
    QCOMPARE(defaults->cacheMaxAgeDays, 400);
    QCOMPARE(defaults->cacheMaxSizeMb, 2048);
    // The ends of the ranges are accepted.
    const std::optional<DashboardConfig> low = DashboardConfig::load(
        write(QStringLiteral("low.conf"), "[cache]\nmax_age_days=1\nmax_size_mb=16\n"), true, &error);
    QVERIFY2(low, qPrintable(error));
    QCOMPARE(low->cacheMaxAgeDays, 1);
    QCOMPARE(low->cacheMaxSizeMb, 16);
    const std::optional<DashboardConfig> high = DashboardConfig::load(
        write(QStringLiteral("high.conf"), "[cache]\nmax_age_days=3650\nmax_size_mb=1048576\n"), true,
        &error);
    QVERIFY2(high, qPrintable(error));
    QCOMPARE(high->cacheMaxAgeDays, 3650);
    QCOMPARE(high->cacheMaxSizeMb, 1048576);
}

void TestDashboardConfig::serverUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: refused

    QTest::newRow("plain") << QStringLiteral("http://127.0.0.1:9090")
                           << QStringLiteral("http://127.0.0.1:9090");
    QTest::newRow("prefix, trailing slash")
        << QStringLiteral("https://host/prometheus/") << QStringLiteral("https://host/prometheus");
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:9090") << QString();
    QTest::newRow("no host") << QStringLiteral("http://") << QString();
    QTest::newRow("words") << QStringLiteral("not a url") << QString();
}

void TestDashboardConfig::serverUrl()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QUrl> url = DashboardConfig::parseServerUrl(text, &error);
    if (expected.isEmpty()) {
        QVERIFY(!url);
        QVERIFY2(error.contains(text), qPrintable(error));
    } else {
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->toString(), expected);
    }
}

void TestDashboardConfig::precision_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<Precision>("expected");
    QTest::newRow("default") << QByteArray("[display]\nlanguage=en\n") << Precision::DenseFp16Bf16;
    QTest::newRow("fp16") << QByteArray("[display]\nprecision=fp16\n") << Precision::DenseFp16Bf16;
    QTest::newRow("fp8") << QByteArray("[display]\nprecision=fp8\n") << Precision::DenseFp8;
    QTest::newRow("spaces") << QByteArray("[display]\nprecision = fp8 \n") << Precision::DenseFp8;
}

void TestDashboardConfig::precision()
{
    QFETCH(QByteArray, contents);
    QFETCH(Precision, expected);
    QString error;
    const std::optional<DashboardConfig> config = DashboardConfig::load(
        write(QStringLiteral("precision-%1.conf").arg(QLatin1String(QTest::currentDataTag())), contents),
        true, &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->precision, expected);
}

void TestDashboardConfig::allocationsAndSubsidyAccounts()
{
    const QString path = write(QStringLiteral("allocations.conf"),
        "[allocations]\n"
        "univ-a-nlp=600000\n"
        "aiss-2025-017=250000.5\n"
        "[accounts]\n"
        "ai_subsidy_scheme=aiss-*, lab-x-project\n");
    QString error;
    const std::optional<DashboardConfig> config = DashboardConfig::load(path, true, &error);
    QVERIFY2(config, qPrintable(error));
    const std::map<QString, double> expected
        = { { QStringLiteral("aiss-2025-017"), 250000.5 }, { QStringLiteral("univ-a-nlp"), 600000.0 } };
    QCOMPARE(config->allocations, expected);
    QCOMPARE(
        config->subsidyAccounts, (QStringList { QStringLiteral("aiss-*"), QStringLiteral("lab-x-project") }));
    QVERIFY(config->isSubsidyAccount(QStringLiteral("aiss-2025-017")));
    QVERIFY(config->isSubsidyAccount(QStringLiteral("lab-x-project")));
    QVERIFY(!config->isSubsidyAccount(QStringLiteral("lab-x-project-2")));
    QVERIFY(!config->isSubsidyAccount(QStringLiteral("univ-a-nlp")));
    QVERIFY(!config->isSubsidyAccount(QStringLiteral("xaiss-1")));

    // Without the sections: no allocations, no projects.
    const std::optional<DashboardConfig> none
        = DashboardConfig::load(write(QStringLiteral("none.conf"), "[display]\nlanguage=en\n"), true, &error);
    QVERIFY2(none, qPrintable(error));
    QVERIFY(none->allocations.empty());
    QVERIFY(!none->isSubsidyAccount(QStringLiteral("aiss-2025-017")));
}

// The demo's allocations live in a config file of their own, not in the code: it must load, and name
// only accounts the simulated centre has, its AI Subsidy Scheme projects among them.
void TestDashboardConfig::simulatedCentreConfigNamesItsAccounts()
{
    QString error;
    const std::optional<DashboardConfig> config
        = DashboardConfig::load(QStringLiteral(":/aisc/simulated-centre.conf"), true, &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->allocations.size() >= 10);
    Simulation simulation;
    const QStringList accounts = simulation.accounts();
    for (const auto &[account, hours] : config->allocations) {
        QVERIFY2(accounts.contains(account), qPrintable(account));
        QVERIFY(hours > 0);
    }
    int subsidy = 0;
    for (const QString &account : accounts)
        subsidy += config->isSubsidyAccount(account) ? 1 : 0;
    QVERIFY(subsidy >= 5);
    QVERIFY(!config->isSubsidyAccount(QStringLiteral("univ-a-nlp")));
}

void TestDashboardConfig::presentation()
{
    QString error;
    const std::optional<DashboardConfig> defaults = DashboardConfig::load(
        write(QStringLiteral("nopresentation.conf"), "[display]\nlanguage=en\n"), true, &error);
    QVERIFY2(defaults, qPrintable(error));
    QCOMPARE(defaults->presentationSlides,
        QStringList({ QStringLiteral("headline"), QStringLiteral("roadmap"), QStringLiteral("utilisation"),
            QStringLiteral("jobs"), QStringLiteral("equivalences") }));
    QCOMPARE(defaults->presentationIntervalS, 20);

    const std::optional<DashboardConfig> chosen
        = DashboardConfig::load(write(QStringLiteral("presentation.conf"),
                                    "[presentation]\nslides=roadmap,headline\ninterval_s=45\n"),
            true, &error);
    QVERIFY2(chosen, qPrintable(error));
    QCOMPARE(
        chosen->presentationSlides, QStringList({ QStringLiteral("roadmap"), QStringLiteral("headline") }));
    QCOMPARE(chosen->presentationIntervalS, 45);

    // Saved and read back.
    const QString path = m_dir.filePath(QStringLiteral("presentation-saved.conf"));
    QVERIFY(chosen->save(path, &error));
    const std::optional<DashboardConfig> loaded = DashboardConfig::load(path, true, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->presentationSlides, chosen->presentationSlides);
    QCOMPARE(loaded->presentationIntervalS, 45);
}

QTEST_GUILESS_MAIN(TestDashboardConfig)
#include "tst_dashboardconfig.moc"
