// Alerts and scrape targets as the Alerts page shows them, from the simulated centre's rules.
#include "AlertModel.h"
#include "DemoSource.h"
#include "TargetModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

class TestAlertModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void severityOrderAndColours();
    void unchangedListDoesNotReset();
    void targetsDownFirst();

private:
    Simulation m_simulation;
    qint64 m_when = 0;
};

void TestAlertModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English));
    // An instant of the simulated centre with a node down, found by looking: failures are rare.
    const qint64 start = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (qint64 t = start; t < start + 30 * 24 * 3600 * 1000LL; t += 3600 * 1000LL) {
        const std::vector<PrometheusAlert> alerts = DemoSource::alertsAt(m_simulation, t);
        if (std::any_of(alerts.begin(), alerts.end(),
                [](const PrometheusAlert &a) { return a.name == QLatin1String("NodeDown"); })) {
            m_when = t;
            break;
        }
    }
    QVERIFY2(m_when != 0, "no node down in a month of the simulated centre");
}

void TestAlertModel::severityOrderAndColours()
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAlerts(DemoSource::alertsAt(m_simulation, m_when));
    QVERIFY(model.rowCount() >= 2);
    QCOMPARE(model.columnCount(), int(AlertModel::ColumnCount));

    // Critical first (the node that is down), then warnings (XID errors in the last day).
    QCOMPARE(model.index(0, AlertModel::NameColumn).data().toString(), QStringLiteral("NodeDown"));
    QCOMPARE(model.index(0, AlertModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
    QCOMPARE(model.index(0, 0).data(AlertModel::SeverityRole).value<AlertModel::Severity>(),
        AlertModel::Severity::Critical);
    QVERIFY(model.index(0, AlertModel::WhereColumn).data().toString().startsWith(QLatin1String("aisc-gpu-")));
    QVERIFY(model.index(0, AlertModel::SummaryColumn).data().toString().contains(QLatin1String("is down")));
    AlertModel::Severity previous = AlertModel::Severity::Critical;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto severity
            = model.index(row, 0).data(AlertModel::SeverityRole).value<AlertModel::Severity>();
        QVERIFY(severity >= previous);
        previous = severity;
    }
    const QColor critical = model.index(0, 0).data(Qt::BackgroundRole).value<QBrush>().color();
    const int lastRow = model.rowCount() - 1;
    QCOMPARE(model.index(lastRow, 0).data(AlertModel::SeverityRole).value<AlertModel::Severity>(),
        AlertModel::Severity::Warning);
    const QColor warning = model.index(lastRow, 0).data(Qt::BackgroundRole).value<QBrush>().color();
    QVERIFY(critical != warning);
    QVERIFY(model.index(lastRow, AlertModel::WhereColumn).data().toString().contains(QLatin1String("GPU")));
    QVERIFY(!model.index(lastRow, AlertModel::SinceColumn).data().toString().isEmpty());
    QVERIFY(model.firingCount(AlertModel::Severity::Critical) >= 1);
}

void TestAlertModel::unchangedListDoesNotReset()
{
    AlertModel model;
    const std::vector<PrometheusAlert> alerts = DemoSource::alertsAt(m_simulation, m_when);
    model.setAlerts(alerts);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setAlerts(alerts);
    QCOMPARE(reset.size(), 0);
    model.setAlerts({});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TestAlertModel::targetsDownFirst()
{
    TargetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTargets(DemoSource::targetsAt(m_simulation, m_when));
    QVERIFY(model.countWithHealth(PrometheusTarget::Health::Down) >= 1);
    QCOMPARE(model.index(0, TargetModel::HealthColumn).data().toString(), QStringLiteral("Down"));
    QVERIFY(model.index(0, TargetModel::ErrorColumn)
                .data()
                .toString()
                .contains(QLatin1String("connection refused")));
    QCOMPARE(
        model.index(model.rowCount() - 1, TargetModel::HealthColumn).data().toString(), QStringLiteral("Up"));
    QCOMPARE(model.rowCount(),
        model.countWithHealth(PrometheusTarget::Health::Down)
            + model.countWithHealth(PrometheusTarget::Health::Up));
}

QTEST_GUILESS_MAIN(TestAlertModel)
#include "tst_alertmodel.moc"
