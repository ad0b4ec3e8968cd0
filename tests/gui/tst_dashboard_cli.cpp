// Runs the built aisc-dashboard as a user would from a terminal: no display needed for these.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestDashboardCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitCodes_data();
    void exitCodes();
    void badConfigFileNamesFileAndKey();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList &arguments);
};

TestDashboardCli::Run TestDashboardCli::run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display at all: --help, --version and argument errors must not need one.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AISC_DASHBOARD_BIN), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromLocal8Bit(process.readAllStandardOutput()),
        QString::fromLocal8Bit(process.readAllStandardError()) };
}

void TestDashboardCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");

    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0 << QStringLiteral("--cache")
                          << QString();
    QTest::newRow("help in Chinese") << QStringList { QStringLiteral("--lang"), QStringLiteral("zh_HK"),
        QStringLiteral("--help") } << 0
                                     << QStringLiteral("模擬") << QString();
    QTest::newRow("version") << QStringList { QStringLiteral("--version") } << 0
                             << QStringLiteral("aisc-dashboard ") + QLatin1String(AISC_VERSION) << QString();
    QTest::newRow("unknown option") << QStringList { QStringLiteral("--bogus") } << 2 << QString()
                                    << QStringLiteral("bogus");
    QTest::newRow("bad language") << QStringList { QStringLiteral("--lang"), QStringLiteral("xx") } << 2
                                  << QString() << QStringLiteral("'xx'");
    QTest::newRow("cache folder missing")
        << QStringList { QStringLiteral("--cache"), QStringLiteral("/no/such/folder/c.sqlite") } << 2
        << QString() << QStringLiteral("/no/such/folder");
    QTest::newRow("metrics address a host name")
        << QStringList { QStringLiteral("--metrics-listen"), QStringLiteral("localhost:9465") } << 2
        << QString() << QStringLiteral("'localhost:9465' for --metrics-listen");
    QTest::newRow("metrics port out of range")
        << QStringList { QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:70000") } << 2
        << QString() << QStringLiteral("'127.0.0.1:70000' for --metrics-listen");
}

void TestDashboardCli::badConfigFileNamesFileAndKey()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bad.conf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[prometheus]\nurl=http://127.0.0.1:9\nauth=bearer\n");
    file.close();
    const Run result = run({ QStringLiteral("--config"), path });
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(path)
            && result.err.contains(QLatin1String("secret_file, secret_env or secret_keyring")),
        qPrintable(result.err));
}

void TestDashboardCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);

    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.contains(stdoutHas), qPrintable(result.out));
    QVERIFY2(result.err.contains(stderrHas), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestDashboardCli)
#include "tst_dashboard_cli.moc"
