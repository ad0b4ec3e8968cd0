// The Queue page on the simulated centre, under the offscreen platform, at the size a page has in the
// window at 1920×1080 and 1366×768: every chart has its series with points, the wait chart its two
// quantiles, and the account table one row per account of the result with allocations from the demo
// config. PNGs go to $AISC_TEST_OUTPUT.
#include "AccountUsageModel.h"
#include "ChartPanel.h"
#include "DashboardConfig.h"
#include "PageSize.h"
#include "QueuePage.h"
#include "ShareBarDelegate.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <memory>

namespace {

constexpr qint64 kMinuteMs = 60 * 1000LL;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

QStringList names(const QueryResult &result)
{
    QStringList out;
    for (const Series &series : result.series)
        out.append(series.name);
    return out;
}

} // namespace

class TestQueuePage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void emptyPageSaysItWaits();
    void filledFromTheSimulatedCentre_data();
    void filledFromTheSimulatedCentre();
    void shareBarColours();

private:
    std::unique_ptr<TimeSeriesModel> model(
        const QString &id, const QString &unit, qint64 windowMs, qint64 stepMs);

    const qint64 m_end = utcMs("2026-03-02T00:00:00Z");
    std::unique_ptr<Simulation> m_simulation;
    DashboardConfig m_config;
};

void TestQueuePage::initTestCase()
{
    m_simulation = std::make_unique<Simulation>(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    QString error;
    const std::optional<DashboardConfig> config
        = DashboardConfig::load(QStringLiteral(":/aisc/simulated-centre.conf"), true, &error);
    QVERIFY2(config, qPrintable(error));
    m_config = *config;
}

std::unique_ptr<TimeSeriesModel> TestQueuePage::model(
    const QString &id, const QString &unit, qint64 windowMs, qint64 stepMs)
{
    auto model = std::make_unique<TimeSeriesModel>(id, unit);
    model->setResult(m_simulation->evaluate(QueryRequest { id, m_end - windowMs, m_end, stepMs }));
    return model;
}

void TestQueuePage::emptyPageSaysItWaits()
{
    QueuePage page;
    TimeSeriesModel running(QStringLiteral("queue_running_by_partition"), QStringLiteral("jobs"));
    AccountUsageModel accounts;
    page.setRunningModel(&running);
    page.setAccountUsageModel(&accounts);
    page.resize(1366, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.runningChart()->placeholderText(), QStringLiteral("Waiting for data…"));
    QCOMPARE(page.accountView()->model()->rowCount(), 0);
    QCOMPARE(page.accountTitle(), QStringLiteral("Top accounts by GPU-hours over the time range shown"));
}

void TestQueuePage::filledFromTheSimulatedCentre_data()
{
    QTest::addColumn<QSize>("window");
    QTest::addColumn<qint64>("windowMs");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<QString>("range");
    QTest::newRow("1920x1080, 7 days")
        << QSize(1920, 1080) << 7 * kDayMs << 5 * kMinuteMs << QStringLiteral("last 7 days");
    QTest::newRow("1366x768, 7 days")
        << QSize(1366, 768) << 7 * kDayMs << 5 * kMinuteMs << QStringLiteral("last 7 days");
    QTest::newRow("1366x768, 24 hours")
        << QSize(1366, 768) << kDayMs << kMinuteMs << QStringLiteral("last 24 hours");
}

void TestQueuePage::filledFromTheSimulatedCentre()
{
    QFETCH(QSize, window);
    QFETCH(qint64, windowMs);
    QFETCH(qint64, stepMs);
    QFETCH(QString, range);

    const auto running
        = model(QStringLiteral("queue_running_by_partition"), QStringLiteral("jobs"), windowMs, stepMs);
    const auto pending
        = model(QStringLiteral("queue_pending_by_partition"), QStringLiteral("jobs"), windowMs, stepMs);
    const auto wait = model(QStringLiteral("queue_wait_minutes"), QStringLiteral("min"), windowMs, stepMs);
    const auto states = model(QStringLiteral("gpus_by_state"), QStringLiteral("GPUs"), windowMs, stepMs);
    const auto hours = model(QStringLiteral("account_gpu_hours"), QStringLiteral("GPU-h"), windowMs, stepMs);
    AccountUsageModel accounts;
    accounts.setAllocations(m_config.allocations, m_config.subsidyAccounts);
    accounts.setSource(hours.get());

    QueuePage page;
    page.setRunningModel(running.get());
    page.setPendingModel(pending.get());
    page.setWaitModel(wait.get());
    page.setGpuStateModel(states.get());
    page.setAccountUsageModel(&accounts);
    page.setWindowLength(windowMs);
    page.resize(pageSizeInWindow(window));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::qWait(150);

    const int points = int(windowMs / stepMs);
    const QStringList partitions = names(running->result());
    QCOMPARE(partitions,
        (QStringList { QStringLiteral("batch"), QStringLiteral("large"), QStringLiteral("subsidy"),
            QStringLiteral("interactive") }));
    struct Expected
    {
        const ChartPanel *chart;
        QStringList legend;
        const char *title;
    };
    const std::vector<Expected> charts = {
        { page.runningChart(), partitions, "Jobs running by partition" },
        { page.pendingChart(), partitions, "Jobs waiting by partition" },
        { page.waitChart(), { QStringLiteral("p50"), QStringLiteral("p90") }, "Queue wait, p50 and p90" },
        { page.gpuStateChart(),
            { QStringLiteral("allocated"), QStringLiteral("idle"), QStringLiteral("down") },
            "GPUs allocated, idle and down" },
    };
    for (const Expected &expected : charts) {
        QCOMPARE(expected.chart->legendNames(), expected.legend);
        QVERIFY2(expected.chart->title().startsWith(QLatin1String(expected.title)),
            qPrintable(expected.chart->title()));
        QVERIFY(expected.chart->placeholderText().isEmpty());
    }
    // Counts have a value at every point; the wait has one wherever jobs started in the hour before.
    QCOMPARE(page.runningChart()->pointCount(), qsizetype(partitions.size()) * points);
    QCOMPARE(page.pendingChart()->pointCount(), qsizetype(partitions.size()) * points);
    QCOMPARE(page.gpuStateChart()->pointCount(), 3 * qsizetype(points));
    QVERIFY(page.waitChart()->pointCount() > 2 * qsizetype(points) * 9 / 10);

    // The table: one row per account of the result, most used first, with the demo's allocations.
    const QTableView *view = page.accountView();
    QCOMPARE(view->model()->rowCount(), int(hours->result().series.size()));
    QCOMPARE(view->model()->rowCount(), 10);
    QCOMPARE(page.accountTitle(), QStringLiteral("Top accounts by GPU-hours over the time range shown"));
    double used = qInf();
    int allocated = 0, subsidy = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const double rowUsed = view->model()
                                   ->index(row, AccountUsageModel::UsedColumn)
                                   .data(AccountUsageModel::RawValueRole)
                                   .toDouble();
        QVERIFY(rowUsed > 0 && rowUsed <= used);
        used = rowUsed;
        QVERIFY(view->model()
                    ->index(row, AccountUsageModel::UsedColumn)
                    .data()
                    .toString()
                    .contains(QRegularExpression(QStringLiteral("^[0-9,]+$"))));
        const QString share = view->model()->index(row, AccountUsageModel::ShareColumn).data().toString();
        if (!std::isnan(view->model()
                            ->index(row, AccountUsageModel::ShareColumn)
                            .data(AccountUsageModel::RawValueRole)
                            .toDouble())) {
            ++allocated;
            QVERIFY2(share.endsWith(QLatin1Char('%')), qPrintable(share));
        }
        const QString account = view->model()->index(row, AccountUsageModel::AccountColumn).data().toString();
        const bool isSubsidy = view->model()
                                   ->index(row, AccountUsageModel::SubsidyColumn)
                                   .data(AccountUsageModel::RawValueRole)
                                   .toBool();
        QCOMPARE(isSubsidy, m_config.isSubsidyAccount(account));
        subsidy += isSubsidy ? 1 : 0;
    }
    QVERIFY(allocated >= 5);
    QVERIFY(allocated < view->model()->rowCount()); // the companies have none
    if (windowMs == 7 * kDayMs)
        QCOMPARE(subsidy, 2); // the scheme's two largest projects
    // Every row and column of the table readable without scrolling.
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    QVERIFY(!view->verticalScrollBar()->isVisible());

    QVERIFY(page.grab().save(outputPath(
        QStringLiteral("queue-%1x%2-%3.png")
            .arg(window.width())
            .arg(window.height())
            .arg(range.section(QLatin1Char(' '), 1).replace(QLatin1Char(' '), QLatin1Char('-'))))));
}

void TestQueuePage::shareBarColours()
{
    QCOMPARE(ShareBarDelegate::colourOf(50), ShareBarDelegate::colourOf(0));
    QVERIFY(ShareBarDelegate::colourOf(85) != ShareBarDelegate::colourOf(50));
    QVERIFY(ShareBarDelegate::colourOf(120) != ShareBarDelegate::colourOf(85));
}

QTEST_MAIN(TestQueuePage)
#include "tst_queuepage.moc"
