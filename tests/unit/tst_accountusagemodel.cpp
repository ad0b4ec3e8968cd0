#include "AccountUsageModel.h"
#include "DashboardConfig.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

constexpr qint64 kHourMs = 3600 * 1000LL;
constexpr qint64 kDayMs = 24 * kHourMs;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

double plainSum(const Series &series)
{
    double sum = 0;
    for (double value : series.values)
        if (!std::isnan(value))
            sum += value;
    return sum;
}

Series account(const QString &name, std::vector<double> values)
{
    return Series { name, { { QStringLiteral("account"), name } }, std::move(values) };
}

DashboardConfig simulatedCentreConfig()
{
    QString error;
    const std::optional<DashboardConfig> config
        = DashboardConfig::load(QStringLiteral(":/aisc/simulated-centre.conf"), true, &error);
    if (!config)
        qFatal("%s", qPrintable(error));
    return *config;
}

} // namespace

class TestAccountUsageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void simulatedCentreOverAWeek_data();
    void simulatedCentreOverAWeek();
    void allocationShareAndSubsidy();
    void gpuHoursWeighTheStep_data();
    void gpuHoursWeighTheStep();
    void followsItsSourceWithMinimalUpdates();

private:
    std::unique_ptr<Simulation> m_simulation;
    DashboardConfig m_config;
};

void TestAccountUsageModel::initTestCase()
{
    m_simulation = std::make_unique<Simulation>(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    m_config = simulatedCentreConfig();
}

void TestAccountUsageModel::simulatedCentreOverAWeek_data()
{
    QTest::addColumn<qint64>("stepMs");
    QTest::newRow("hourly") << kHourMs;
    QTest::newRow("every 5 minutes") << 5 * 60 * 1000LL;
}

// One row per account of the result, most used first; at an hourly step the GPU-hours are the plain sum
// of the series (each point is the hour before it), at a finer step the same figure within rounding.
void TestAccountUsageModel::simulatedCentreOverAWeek()
{
    QFETCH(qint64, stepMs);
    const qint64 end = utcMs("2026-03-02T00:00:00Z");
    const QueryResult hourly = m_simulation->evaluate(
        QueryRequest { QStringLiteral("account_gpu_hours"), end - 7 * kDayMs, end, kHourMs });
    const QueryResult result = m_simulation->evaluate(
        QueryRequest { QStringLiteral("account_gpu_hours"), end - 7 * kDayMs, end, stepMs });
    QCOMPARE(result.series.size(), size_t(10));

    AccountUsageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAllocations(m_config.allocations, m_config.subsidyAccounts);
    model.setResult(result);
    QCOMPARE(model.rowCount(), int(result.series.size()));
    QCOMPARE(model.rangeStartMs(), end - 7 * kDayMs);
    QCOMPARE(model.rangeEndMs(), end);

    double previous = qInf();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.index(row, AccountUsageModel::AccountColumn).data().toString();
        const double used = model.index(row, AccountUsageModel::UsedColumn)
                                .data(AccountUsageModel::RawValueRole)
                                .toDouble();
        QVERIFY2(used <= previous, qPrintable(name));
        previous = used;
        const Series *series = hourly.findSeries(name);
        QVERIFY2(series, qPrintable(name));
        if (stepMs == kHourMs)
            QCOMPARE(used, plainSum(*series));
        else
            QVERIFY2(std::abs(used - plainSum(*series)) < 0.01 * plainSum(*series),
                qPrintable(QStringLiteral("%1: %2 vs %3").arg(name).arg(used).arg(plainSum(*series))));

        const auto allocation = m_config.allocations.find(name);
        const double share = model.index(row, AccountUsageModel::ShareColumn)
                                 .data(AccountUsageModel::RawValueRole)
                                 .toDouble();
        if (allocation == m_config.allocations.end()) {
            QVERIFY(std::isnan(share));
            QCOMPARE(
                model.index(row, AccountUsageModel::ShareColumn).data().toString(), QStringLiteral("\u2013"));
        } else {
            QCOMPARE(share, 100.0 * used / allocation->second);
            QVERIFY(model.index(row, AccountUsageModel::ShareColumn)
                        .data()
                        .toString()
                        .endsWith(QLatin1Char('%')));
        }
        const bool subsidy = name.startsWith(QLatin1String("aiss-"));
        QCOMPARE(
            model.index(row, AccountUsageModel::SubsidyColumn).data(AccountUsageModel::RawValueRole).toBool(),
            subsidy);
        QCOMPARE(
            model.index(row, AccountUsageModel::AccountColumn).data(AccountUsageModel::SubsidyRole).toBool(),
            subsidy);
    }
    QCOMPARE(
        model.index(0, AccountUsageModel::AccountColumn).data().toString(), QStringLiteral("univ-a-nlp"));
}

void TestAccountUsageModel::allocationShareAndSubsidy()
{
    QueryResult result;
    result.queryId = QStringLiteral("account_gpu_hours");
    result.startMs = 0;
    result.stepMs = kHourMs;
    result.series = { account(QStringLiteral("small"), { 1, 2, qQNaN() }),
        account(QStringLiteral("aiss-1"), { 100, 200, 300 }),
        account(QStringLiteral("lab"), { 10, 10, 10 }) };
    AccountUsageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(result);
    model.setAllocations(
        { { QStringLiteral("aiss-1"), 1200 }, { QStringLiteral("lab"), 20 } }, { QStringLiteral("aiss-*") });

    QCOMPARE(model.rowCount(), 3);
    const std::vector<AccountUsage> &usage = model.usage();
    QCOMPARE(usage[0].account, QStringLiteral("aiss-1"));
    QCOMPARE(usage[0].gpuHours, 600.0);
    QCOMPARE(usage[0].percentOfAllocation(), 50.0);
    QVERIFY(usage[0].subsidy);
    QCOMPARE(usage[1].account, QStringLiteral("lab"));
    QCOMPARE(usage[1].percentOfAllocation(), 150.0); // over its allocation
    QVERIFY(!usage[1].subsidy);
    QCOMPARE(usage[2].account, QStringLiteral("small"));
    QCOMPARE(usage[2].gpuHours, 3.0); // the gap counts as nothing
    QVERIFY(std::isnan(usage[2].allocationGpuHours));

    QCOMPARE(model.index(0, AccountUsageModel::UsedColumn).data().toString(), QStringLiteral("600"));
    QCOMPARE(model.index(0, AccountUsageModel::AllocationColumn).data().toString(), QStringLiteral("1,200"));
    QCOMPARE(model.index(0, AccountUsageModel::ShareColumn).data().toString(), QStringLiteral("50.0%"));
    QCOMPARE(model.index(1, AccountUsageModel::ShareColumn).data().toString(), QStringLiteral("150.0%"));
    QCOMPARE(model.index(0, AccountUsageModel::SubsidyColumn).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model.index(1, AccountUsageModel::SubsidyColumn).data().toString(), QString());
    QCOMPARE(model.index(2, AccountUsageModel::AllocationColumn).data().toString(), QStringLiteral("\u2013"));
    QVERIFY(model.index(0, AccountUsageModel::ShareColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("1,200 GPU-h")));
}

void TestAccountUsageModel::gpuHoursWeighTheStep_data()
{
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<double>("expected");
    // Four points of 60 GPU-hours each (the hour before each point).
    QTest::newRow("hourly: the plain sum") << kHourMs << 240.0;
    QTest::newRow("every 15 minutes: a quarter each") << kHourMs / 4 << 60.0;
    QTest::newRow("every 2 hours: twice each") << 2 * kHourMs << 480.0;
    QTest::newRow("an instant: the hour before it") << qint64(0) << 240.0;
}

void TestAccountUsageModel::gpuHoursWeighTheStep()
{
    QFETCH(qint64, stepMs);
    QFETCH(double, expected);
    QCOMPARE(
        AccountUsageModel::gpuHoursOver(account(QStringLiteral("a"), { 60, 60, 60, 60 }), stepMs), expected);
}

// A sliding window updates cells in place while the top accounts keep their order; a new order resets.
void TestAccountUsageModel::followsItsSourceWithMinimalUpdates()
{
    TimeSeriesModel source(QStringLiteral("account_gpu_hours"), QStringLiteral("GPU-h"));
    AccountUsageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&source);
    QCOMPARE(model.rowCount(), 0);

    const qint64 end = utcMs("2026-03-02T00:00:00Z");
    source.setResult(m_simulation->evaluate(
        QueryRequest { QStringLiteral("account_gpu_hours"), end - kDayMs, end, kHourMs }));
    QCOMPARE(model.rowCount(), int(source.result().series.size()));
    QCOMPARE(model.rangeEndMs(), end);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QueryResult moved = source.result();
    for (Series &series : moved.series)
        series.values.back() += 1; // every account one GPU-hour more, the order unchanged
    source.setResult(moved);
    QCOMPARE(resets.size(), 0);
    QVERIFY(changes.size() >= 1);
    QCOMPARE(model.usage().front().gpuHours, plainSum(moved.series.front()));

    QueryResult reordered = moved;
    reordered.series.back().values.back() += 1e6; // the last becomes the first
    source.setResult(reordered);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.usage().front().account, reordered.series.back().name);

    model.setSource(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAccountUsageModel)
#include "tst_accountusagemodel.moc"
