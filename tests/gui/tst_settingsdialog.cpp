#include "SettingsDialog.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simulatedByDefault();
    void invalidUrlIsRefusedWithReason();
    void secretIsNamedNotTyped();
    void credentialsInUrlRefused();
    void credentialHeaderRefused();
    void validServerAccepted();
    void cacheLimitsAreEditedAndChecked();
};

void TestSettingsDialog::simulatedByDefault()
{
    SettingsDialog dialog { DashboardConfig {} };
    QVERIFY(!dialog.prometheusButton()->isChecked());
    QVERIFY(!dialog.urlEdit()->isEnabled());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.config().prometheus);
}

void TestSettingsDialog::invalidUrlIsRefusedWithReason()
{
    SettingsDialog dialog { DashboardConfig {} };
    dialog.show();
    dialog.prometheusButton()->setChecked(true);
    QVERIFY(dialog.urlEdit()->isEnabled());
    dialog.urlEdit()->setText(QStringLiteral("prometheus:9090"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorLabel()->isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("prometheus:9090")),
        qPrintable(dialog.errorLabel()->text()));
    const QString folder = qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath());
    QVERIFY(dialog.grab().save(QDir(folder).absoluteFilePath(QStringLiteral("settings-dialog.png"))));
}

void TestSettingsDialog::secretIsNamedNotTyped()
{
    SettingsDialog dialog { DashboardConfig {} };
    dialog.show();
    dialog.prometheusButton()->setChecked(true);
    dialog.urlEdit()->setText(QStringLiteral("https://metrics.example.org"));
    dialog.authBox()->setCurrentIndex(dialog.authBox()->findData(int(PrometheusServer::Auth::Bearer)));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("environment variable")),
        qPrintable(dialog.errorLabel()->text()));

    dialog.secretEnvEdit()->setText(QStringLiteral("AISC_TOKEN"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.config().prometheus->auth, PrometheusServer::Auth::Bearer);
    QCOMPARE(dialog.config().prometheus->secretEnvironmentVariable, QStringLiteral("AISC_TOKEN"));
}

void TestSettingsDialog::credentialsInUrlRefused()
{
    SettingsDialog dialog { DashboardConfig {} };
    dialog.show();
    dialog.prometheusButton()->setChecked(true);
    dialog.urlEdit()->setText(QStringLiteral("https://user:pass@metrics.example.org"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.errorLabel()->text().contains(QLatin1String("pass@")));
}

void TestSettingsDialog::credentialHeaderRefused()
{
    SettingsDialog dialog { DashboardConfig {} };
    dialog.show();
    dialog.prometheusButton()->setChecked(true);
    dialog.urlEdit()->setText(QStringLiteral("https://metrics.example.org"));
    dialog.headersEdit()->setPlainText(QStringLiteral("X-Scope-OrgID: aisc\nAuthorization: Bearer abc123"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    const QString error = dialog.errorLabel()->text();
    QVERIFY2(
        error.contains(QLatin1String("header Authorization")) && error.contains(QLatin1String("auth=bearer")),
        qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("abc123")), qPrintable(error));
    // The message makes room for itself: the box still shows both lines.
    QTRY_VERIFY2(
        dialog.headersEdit()->viewport()->height() >= 2 * dialog.headersEdit()->fontMetrics().lineSpacing(),
        qPrintable(QString::number(dialog.headersEdit()->viewport()->height())));

    // A tenant header is not a credential.
    dialog.headersEdit()->setPlainText(QStringLiteral("X-Scope-OrgID: aisc"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.config().prometheus->headers.size(), size_t(1));
}

void TestSettingsDialog::validServerAccepted()
{
    DashboardConfig initial;
    initial.promqlOverrides.emplace(QStringLiteral("power_mw"), QStringLiteral("sum(x)"));
    SettingsDialog dialog { initial };
    dialog.show();
    dialog.prometheusButton()->setChecked(true);
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:9090/prometheus/"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    const DashboardConfig config = dialog.config();
    QVERIFY(config.prometheus);
    QCOMPARE(config.prometheus->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9090/prometheus")));
    QVERIFY(!config.prometheus->insecureSkipTlsVerify);
    // What the dialog does not show is kept.
    QCOMPARE(config.promqlOverrides, initial.promqlOverrides);
}

void TestSettingsDialog::cacheLimitsAreEditedAndChecked()
{
    DashboardConfig initial;
    initial.cacheMaxAgeDays = 90;
    initial.cacheMaxSizeMb = 512;
    SettingsDialog dialog { initial };
    dialog.show();
    QCOMPARE(dialog.cacheMaxAgeBox()->value(), 90);
    QCOMPARE(dialog.cacheMaxSizeBox()->value(), 512);

    // Typed below the smallest cap: refused with the reason, not saved as the last valid value.
    dialog.cacheMaxSizeBox()->setFocus();
    dialog.cacheMaxSizeBox()->clear();
    QTest::keyClicks(dialog.cacheMaxSizeBox(), QStringLiteral("5"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("16"))
            && dialog.errorLabel()->text().contains(QLatin1String("megabytes")),
        qPrintable(dialog.errorLabel()->text()));
    const QString folder = qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath());
    QVERIFY(dialog.grab().save(QDir(folder).absoluteFilePath(QStringLiteral("settings-dialog-cache.png"))));

    dialog.cacheMaxSizeBox()->clear();
    QTest::keyClicks(dialog.cacheMaxSizeBox(), QStringLiteral("4096"));
    dialog.cacheMaxAgeBox()->setValue(30);
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.config().cacheMaxAgeDays, 30);
    QCOMPARE(dialog.config().cacheMaxSizeMb, 4096);

    // The spin boxes hold what the config file accepts, no more.
    QCOMPARE(dialog.cacheMaxAgeBox()->maximum(), DashboardConfig::MaxCacheMaxAgeDays);
    QCOMPARE(dialog.cacheMaxSizeBox()->minimum(), DashboardConfig::MinCacheMaxSizeMb);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
