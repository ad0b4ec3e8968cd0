#include "CommandLine.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusAndOptions_data();
    void statusAndOptions();
    void errorsNameTheArgument_data();
    void errorsNameTheArgument();
    void range();
    void prometheusUrl();
    void cachePathIsMadeAbsolute();
    void present();
    void metricsListen_data();
    void metricsListen();
};

void TestCommandLine::statusAndOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("demo");
    QTest::addColumn<QString>("language");

    using S = CommandLineResult::Status;
    QTest::newRow("nothing") << QStringList {} << int(S::Run) << false << QString();
    QTest::newRow("demo") << QStringList { QStringLiteral("--demo") } << int(S::Run) << true << QString();
    QTest::newRow("lang zh_HK") << QStringList { QStringLiteral("--lang"), QStringLiteral("zh_HK") }
                                << int(S::Run) << false << QStringLiteral("zh_HK");
    QTest::newRow("lang=en") << QStringList { QStringLiteral("--lang=en") } << int(S::Run) << false
                             << QStringLiteral("en");
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << int(S::Help) << false << QString();
    QTest::newRow("version") << QStringList { QStringLiteral("--version") } << int(S::Version) << false
                             << QString();
}

void TestCommandLine::statusAndOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(bool, demo);
    QFETCH(QString, language);

    arguments.prepend(QStringLiteral("aisc-dashboard"));
    const CommandLineResult result = CommandLine::parse(arguments);
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.options.demo, demo);
    QCOMPARE(result.options.language, language);
    if (result.status == CommandLineResult::Status::Help) {
        for (const char *option :
            { "--demo", "--prometheus", "--config", "--cache", "--lang", "--version", "--present" })
            QVERIFY2(result.output.contains(QLatin1String(option)), option);
    }
    if (result.status == CommandLineResult::Status::Version)
        QCOMPARE(result.output, QStringLiteral("aisc-dashboard ") + QLatin1String(AISC_VERSION));
}

void TestCommandLine::errorsNameTheArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown option") << QStringList { QStringLiteral("--frobnicate") }
                                    << QStringLiteral("frobnicate");
    QTest::newRow("unsupported language")
        << QStringList { QStringLiteral("--lang"), QStringLiteral("fr") } << QStringLiteral("'fr'");
    QTest::newRow("language without value")
        << QStringList { QStringLiteral("--lang") } << QStringLiteral("lang");
    QTest::newRow("stray argument") << QStringList { QStringLiteral("extra") } << QStringLiteral("'extra'");
    QTest::newRow("cache is a folder")
        << QStringList { QStringLiteral("--cache"), QDir::tempPath() } << QStringLiteral("is a directory");
    QTest::newRow("prometheus without scheme") << QStringList { QStringLiteral("--prometheus"),
        QStringLiteral("127.0.0.1:9090") } << QStringLiteral("'127.0.0.1:9090'");
    QTest::newRow("prometheus and demo") << QStringList { QStringLiteral("--demo"),
        QStringLiteral("--prometheus"), QStringLiteral("http://h:9090") }
                                         << QStringLiteral("--demo and --prometheus");
    QTest::newRow("config missing") << QStringList { QStringLiteral("--config"),
        QStringLiteral("/no/such.conf") }
                                    << QStringLiteral("/no/such.conf");
    QTest::newRow("unknown range") << QStringList { QStringLiteral("--range"), QStringLiteral("2w") }
                                   << QStringLiteral(
                                          "'2w' for --range: expected 1h, 6h, 24h, 7d, 30d, 90d or 1y");
    QTest::newRow("cache folder missing")
        << QStringList { QStringLiteral("--cache"), QStringLiteral("/nonexistent-aisc-folder/cache.sqlite") }
        << QStringLiteral("/nonexistent-aisc-folder");
}

void TestCommandLine::errorsNameTheArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    arguments.prepend(QStringLiteral("aisc-dashboard"));
    const CommandLineResult result = CommandLine::parse(arguments);
    QCOMPARE(result.status, CommandLineResult::Status::Error);
    QVERIFY2(result.output.contains(mentions), qPrintable(result.output));
    QVERIFY2(result.output.contains(QLatin1String("--help")), qPrintable(result.output));
}

void TestCommandLine::range()
{
    const CommandLineResult result = CommandLine::parse(
        { QStringLiteral("aisc-dashboard"), QStringLiteral("--range"), QStringLiteral("7D") });
    QCOMPARE(result.status, CommandLineResult::Status::Run);
    QCOMPARE(result.options.range, QStringLiteral("7d"));
}

void TestCommandLine::prometheusUrl()
{
    const CommandLineResult result = CommandLine::parse({ QStringLiteral("aisc-dashboard"),
        QStringLiteral("--prometheus"), QStringLiteral("https://metrics.example.org/prometheus/") });
    QCOMPARE(result.status, CommandLineResult::Status::Run);
    QCOMPARE(result.options.prometheusUrl, QUrl(QStringLiteral("https://metrics.example.org/prometheus")));
    QVERIFY(!result.options.demo);
}

void TestCommandLine::cachePathIsMadeAbsolute()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir::setCurrent(dir.path()));
    const CommandLineResult result = CommandLine::parse(
        { QStringLiteral("aisc-dashboard"), QStringLiteral("--cache"), QStringLiteral("my.sqlite") });
    QCOMPARE(result.status, CommandLineResult::Status::Run);
    QCOMPARE(result.options.cachePath, QDir(dir.path()).absoluteFilePath(QStringLiteral("my.sqlite")));
}

void TestCommandLine::present()
{
    QVERIFY(!CommandLine::parse({ QStringLiteral("aisc-dashboard") }).options.present);
    const CommandLineResult result = CommandLine::parse({ QStringLiteral("aisc-dashboard"),
        QStringLiteral("--present"), QStringLiteral("--lang"), QStringLiteral("zh_HK") });
    QCOMPARE(int(result.status), int(CommandLineResult::Status::Run));
    QVERIFY(result.options.present);
    QCOMPARE(result.options.language, QStringLiteral("zh_HK"));
    // Presentation is for the window; the headless export does not take it.
    const CommandLineResult exporting = CommandLine::parse({ QStringLiteral("aisc-dashboard"),
        QStringLiteral("export"), QStringLiteral("--csv"), QStringLiteral("power_mw"),
        QStringLiteral("--output"), QStringLiteral("/tmp/x.csv"), QStringLiteral("--present") });
    QCOMPARE(int(exporting.status), int(CommandLineResult::Status::Error));
    QVERIFY2(exporting.output.contains(QLatin1String("present")), qPrintable(exporting.output));
}

void TestCommandLine::metricsListen_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("host"); // empty: refused, and the message names the value
    QTest::addColumn<int>("port");

    QTest::newRow("loopback") << QStringLiteral("127.0.0.1:9465") << QStringLiteral("127.0.0.1") << 9465;
    QTest::newRow("all interfaces") << QStringLiteral("0.0.0.0:9465") << QStringLiteral("0.0.0.0") << 9465;
    QTest::newRow("IPv6 loopback") << QStringLiteral("[::1]:9465") << QStringLiteral("::1") << 9465;
    QTest::newRow("host name") << QStringLiteral("localhost:9465") << QString() << 0;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << QString() << 0;
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << QString() << 0;
    QTest::newRow("port too large") << QStringLiteral("127.0.0.1:65536") << QString() << 0;
    QTest::newRow("not an address") << QStringLiteral("300.1.1.1:9465") << QString() << 0;
    QTest::newRow("IPv6 without brackets") << QStringLiteral("::1:9465") << QString() << 0;
}

void TestCommandLine::metricsListen()
{
    QFETCH(QString, value);
    QFETCH(QString, host);
    QFETCH(int, port);

    const CommandLineResult result
        = CommandLine::parse({ QStringLiteral("aisc-dashboard"), QStringLiteral("--metrics-listen"), value });
    if (host.isEmpty()) {
        QCOMPARE(result.status, CommandLineResult::Status::Error);
        QVERIFY2(result.output.contains(QLatin1Char('\'') + value + QLatin1String("' for --metrics-listen")),
            qPrintable(result.output));
        return;
    }
    QCOMPARE(result.status, CommandLineResult::Status::Run);
    QCOMPARE(result.options.metricsHost, host);
    QCOMPARE(int(result.options.metricsPort), port);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
