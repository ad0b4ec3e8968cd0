// What the real dashboard prints when it crashes (CrashReport), and that no secret is in it. The
// executable runs on a proxy that echoes the request's Authorization header back, with a bearer
// token from the environment or a basic-auth password from a file and every logging category's debug
// output on; once it has made its requests and logged the proxy's answer, it is sent a fatal signal
// (or, with QT_FATAL_WARNINGS, its first warning goes through qFatal() to abort()). The report must
// name the signal and hold a backtrace, the process must still die of that signal, and neither the
// secret nor its base64 may be in what it printed or in any file it wrote.
#include "FaultServer.h"
#include "SecretMask.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace {
const QByteArray token = "tok-3f9a1c7e5b2d4e8f";
const QByteArray password = "pw-a81b/7c2d@9e0f&x";
} // namespace

class TestCrashReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportHoldsNoSecret_data();
    void reportHoldsNoSecret();
};

void TestCrashReport::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(AISC_DASHBOARD_BIN)));
}

void TestCrashReport::reportHoldsNoSecret_data()
{
    QTest::addColumn<int>("signal"); // sent once the proxy's answer is logged; 0: none, the process aborts
    QTest::addColumn<bool>("basic");
    QTest::addColumn<int>("diesOf");
    QTest::addColumn<QString>("cause");
    const QString sent = QStringLiteral(", sent by process %1").arg(QCoreApplication::applicationPid());
    QTest::newRow("SIGSEGV, bearer token from the environment")
        << int(SIGSEGV) << false << int(SIGSEGV) << QStringLiteral("SIGSEGV (segmentation fault)") + sent;
    QTest::newRow("SIGABRT, basic-auth password from a file")
        << int(SIGABRT) << true << int(SIGABRT) << QStringLiteral("SIGABRT (aborted)") + sent;
    QTest::newRow("SIGBUS, bearer token")
        << int(SIGBUS) << false << int(SIGBUS) << QStringLiteral("SIGBUS (bus error)") + sent;
    QTest::newRow("qFatal, basic-auth password")
        << 0 << true << int(SIGABRT)
        << QStringLiteral("SIGABRT (aborted), raised by abort() (qFatal, a failed assertion)");
}

void TestCrashReport::reportHoldsNoSecret()
{
    QFETCH(int, signal);
    QFETCH(bool, basic);
    QFETCH(int, diesOf);
    QFETCH(QString, cause);
#ifdef AISC_SANITIZED // AddressSanitizer, set by CMake
    if (signal == SIGSEGV || signal == SIGBUS)
        QSKIP("AddressSanitizer reports this signal itself (CrashReport leaves it alone)");
#endif

    // Home, config, cache and runtime folders all inside it: every file the run writes is here.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    FaultServer server;
    server.setHandler([](const FaultServer::Request &request) {
        const QByteArray echoed = "Authorization: " + request.headers.value("authorization");
        return FaultServer::Response { 502, "text/html",
            "<html><head><title>502 Bad Gateway: " + echoed + "</title></head><body><pre>" + echoed
                + "</pre></body></html>" };
    });

    QFile passwordFile(home.filePath(QStringLiteral("password")));
    QVERIFY(passwordFile.open(QIODevice::WriteOnly));
    passwordFile.write(password + '\n');
    passwordFile.close();
    const QString configPath = home.filePath(QStringLiteral("dashboard.conf"));
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[prometheus]\nurl=" + server.url().toEncoded() + '\n');
    config.write(basic ? "auth=basic\nusername=viewer\nsecret_file=" + passwordFile.fileName().toUtf8() + '\n'
                       : QByteArray("auth=bearer\nsecret_env=AISC_TEST_TOKEN\n"));
    config.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const char *name : { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME" })
        environment.insert(QLatin1String(name), home.filePath(QLatin1String(name)));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    environment.insert(QStringLiteral("AISC_TEST_TOKEN"), QString::fromLatin1(token));
    if (signal == 0)
        environment.insert(QStringLiteral("QT_FATAL_WARNINGS"), QStringLiteral("1"));

    QProcess dashboard;
    dashboard.setProcessEnvironment(environment);
    dashboard.setProcessChannelMode(QProcess::MergedChannels);
    dashboard.setWorkingDirectory(home.path());
    // No core file, wherever the system's core_pattern would put one relative to the working folder.
    dashboard.setChildProcessModifier([] {
        const rlimit none { 0, 0 };
        ::setrlimit(RLIMIT_CORE, &none);
    });
    QByteArray output;
    connect(&dashboard, &QProcess::readyRead, this, [&] { output += dashboard.readAll(); });
    dashboard.start(QStringLiteral(AISC_DASHBOARD_BIN),
        { QStringLiteral("--config"), configPath, QStringLiteral("--cache"),
            home.filePath(QStringLiteral("cache.sqlite")), QStringLiteral("--present") });
    QVERIFY(dashboard.waitForStarted());
    auto stop = qScopeGuard([&] {
        if (dashboard.state() != QProcess::NotRunning) {
            dashboard.kill();
            dashboard.waitForFinished();
        }
    });

    if (signal != 0) {
        // Presentation mode logs why its data is stale: the proxy's page, which echoed the secret.
        QTRY_VERIFY2_WITH_TIMEOUT(output.contains("Presentation: data stale"), output.constData(), 60000);
        QVERIFY(!server.requests().isEmpty());
        QCOMPARE(server.requests().constFirst().headers.value("authorization"),
            basic ? QByteArray("Basic " + QByteArray("viewer:" + password).toBase64())
                  : QByteArray("Bearer " + token));
        const QByteArray masked
            = QByteArray("Authorization: ") + (basic ? "Basic " : "Bearer ") + SecretMask::marker().toUtf8();
        QVERIFY2(output.contains(masked), output.constData());
        QCOMPARE(::kill(pid_t(dashboard.processId()), signal), 0);
    }
    QVERIFY(dashboard.waitForFinished(30000));
    output += dashboard.readAll();

    QCOMPARE(dashboard.exitStatus(), QProcess::CrashExit);
    QCOMPARE(dashboard.exitCode(), diesOf); // QProcess gives the signal that ended a crashed process
    const QString text = QString::fromUtf8(output);
    const QString heading = QStringLiteral("aisc-dashboard %1 (Qt %2) crashed: %3\n")
                                .arg(QLatin1String(AISC_VERSION), QLatin1String(qVersion()), cause);
    QVERIFY2(text.contains(heading), qPrintable(text));
    const QString backtrace = text.mid(text.indexOf(heading) + heading.size());
    QVERIFY2(backtrace.startsWith(QLatin1String("Backtrace")), qPrintable(backtrace));
    // Frames of the program itself and of Qt's event loop, where it was waiting or aborting.
    QVERIFY2(backtrace.contains(QLatin1String("aisc-dashboard(")), qPrintable(backtrace));
    QVERIFY2(backtrace.contains(QLatin1String("libQt6Core.so")), qPrintable(backtrace));

    // Everything the run printed and every file it left.
    QByteArray everything = output;
    QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList names;
    while (files.hasNext()) {
        QFile file(files.next());
        names.append(files.fileName());
        if (file.fileName() == passwordFile.fileName())
            continue; // where the secret was put
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        everything += '\n' + file.readAll();
    }
    QVERIFY2(
        names.filter(QRegularExpression(QStringLiteral("^core"))).isEmpty(), qPrintable(names.join(u' ')));
    const QByteArray secret = basic ? password : token;
    for (const QByteArray &leak : { secret, QByteArray("viewer:" + password).toBase64(), token.toBase64(),
             QUrl::toPercentEncoding(QString::fromLatin1(secret)) })
        QVERIFY2(!everything.contains(leak), leak.constData());
}

QTEST_GUILESS_MAIN(TestCrashReport)
#include "tst_crashreport.moc"
