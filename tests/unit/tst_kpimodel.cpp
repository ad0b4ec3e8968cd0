#include "KpiModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <ctime>
#include <memory>

namespace {

constexpr qint64 step = 60'000;
const qint64 t0 = QDateTime(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();

// A range result with one series per (name, values) pair.
QueryResult makeResult(const QString &queryId,
    const std::vector<std::pair<QString, std::vector<double>>> &series, qint64 startMs = t0)
{
    QueryResult result;
    result.queryId = queryId;
    result.startMs = startMs;
    result.stepMs = step;
    for (const auto &[name, values] : series)
        result.series.push_back(Series { name, {}, values });
    return result;
}

KpiDefinition definition(const QString &id, const QString &queryId, KpiReduction reduction,
    double warning = qQNaN(), double critical = qQNaN())
{
    KpiDefinition d;
    d.id = id;
    d.title = id;
    d.queryId = queryId;
    d.unit = QStringLiteral("jobs");
    d.reduction = reduction;
    d.warning = warning;
    d.critical = critical;
    return d;
}

const double gap = qQNaN(); // no sample

} // namespace

class TestKpiModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void overviewDefinitions();
    void noDataInitially();
    void reductions_data();
    void reductions();
    void onlyAffectedRowsChange();
    void historyAndChangeOverTheRange();
    void configuredThresholds();
    void resultWithoutDataClearsValue();
    void olderAnswerDoesNotReplaceNewer();
    void thresholds_data();
    void thresholds();
    void roadmapDetail();
    void roadmapDetailInChinese();
    void timeDetail();
    void stale();

private:
    KpiModel::State stateOf(int row) const
    {
        return m_model->index(row).data(KpiModel::StateRole).value<KpiModel::State>();
    }

    std::unique_ptr<KpiModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestKpiModel::initTestCase()
{
    // Details show local time; ctest sets TZ=UTC, this covers running the binary by hand.
    qputenv("TZ", "UTC");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English));
}

void TestKpiModel::init()
{
    m_model = std::make_unique<KpiModel>(Roadmap::builtIn());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestKpiModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    QLocale::setDefault(QLocale(QLocale::English));
}

void TestKpiModel::overviewDefinitions()
{
    const std::vector<KpiDefinition> definitions = KpiModel::overviewDefinitions();
    QCOMPARE(definitions.size(), size_t(5));
    QStringList ids;
    for (const KpiDefinition &d : definitions) {
        ids.append(d.id);
        QVERIFY(!d.title.isEmpty());
    }
    QCOMPARE(ids,
        (QStringList { QStringLiteral("installed"), QStringLiteral("gpu_util"),
            QStringLiteral("jobs_running"), QStringLiteral("jobs_pending"), QStringLiteral("gpus_down") }));

    QCOMPARE(definitions[0].queryId, QStringLiteral("capacity_installed_pflops"));
    QCOMPARE(definitions[0].unit, QStringLiteral("PFLOPS"));
    QVERIFY(definitions[0].compareToRoadmap);
    QCOMPARE(definitions[0].title, QStringLiteral("Installed compute"));
    QCOMPARE(definitions[1].queryId, QStringLiteral("gpu_util_cluster"));
    QVERIFY(definitions[1].reduction == KpiReduction::Mean);
    QVERIFY(std::isnan(definitions[1].warning) && std::isnan(definitions[1].critical));
    QCOMPARE(definitions[3].warning, 200.0);
    QCOMPARE(definitions[3].critical, 500.0);
    QVERIFY(definitions[4].reduction == KpiReduction::NamedSeries);
    QCOMPARE(definitions[4].seriesName, QStringLiteral("down"));
    QCOMPARE(definitions[4].unit, QStringLiteral("GPUs"));

    // Every KPI is fed by a query of the built-in catalogue.
    m_model->setDefinitions(definitions);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->index(4).data(KpiModel::TitleRole).toString(), QStringLiteral("GPUs down"));
    QCOMPARE(m_model->index(4).data(KpiModel::KpiIdRole).toString(), QStringLiteral("gpus_down"));
}

void TestKpiModel::noDataInitially()
{
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        QVERIFY(std::isnan(index.data(KpiModel::RawValueRole).toDouble()));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("\u2013"));
        QCOMPARE(index.data(KpiModel::DetailRole).toString(), QStringLiteral("no data yet"));
        QCOMPARE(stateOf(row), KpiModel::State::NoData);
        QCOMPARE(index.data(KpiModel::StaleRole).toBool(), false);
        QVERIFY(!index.data(KpiModel::TimestampRole).isValid());
    }
}

void TestKpiModel::reductions_data()
{
    QTest::addColumn<int>("reduction");
    QTest::addColumn<QueryResult>("result");
    QTest::addColumn<double>("expected");
    QTest::addColumn<qint64>("expectedTimestamp");

    const QString q = QStringLiteral("q");
    const QString a = QStringLiteral("a"), b = QStringLiteral("b"), down = QStringLiteral("down");
    const int sum = int(KpiReduction::Sum), mean = int(KpiReduction::Mean),
              named = int(KpiReduction::NamedSeries);

    QTest::newRow("sum, latest point")
        << sum << makeResult(q, { { a, { 1, 2, 3 } }, { b, { 10, 20, 30 } } }) << 33.0 << t0 + 2 * step;
    QTest::newRow("sum skips a gap in one series")
        << sum << makeResult(q, { { a, { 1, 2, gap } }, { b, { 10, 20, 30 } } }) << 30.0 << t0 + 2 * step;
    QTest::newRow("sum falls back to the latest point with data")
        << sum << makeResult(q, { { a, { 1, 2, gap } }, { b, { 10, 20, gap } } }) << 22.0 << t0 + step;
    QTest::newRow("sum of zeros is zero, not no data")
        << sum << makeResult(q, { { a, { 5, 0 } }, { b, { 5, 0 } } }) << 0.0 << t0 + step;
    QTest::newRow("mean") << mean << makeResult(q, { { a, { 50, 60 } }, { b, { 70, 80 } } }) << 70.0
                          << t0 + step;
    QTest::newRow("mean of the series with data")
        << mean << makeResult(q, { { a, { 50, gap } }, { b, { 70, 80 } } }) << 80.0 << t0 + step;
    QTest::newRow("named series") << named << makeResult(q, { { a, { 1, 2 } }, { down, { 4, 7 } } }) << 7.0
                                  << t0 + step;
    QTest::newRow("named series, latest point with data")
        << named << makeResult(q, { { a, { 1, 2 } }, { down, { 4, gap } } }) << 4.0 << t0;
    QTest::newRow("instant result") << sum << [&] {
        QueryResult r = makeResult(q, { { a, { 3 } }, { b, { 4 } } });
        r.stepMs = 0;
        return r;
    }() << 7.0 << t0;
}

void TestKpiModel::reductions()
{
    QFETCH(int, reduction);
    QFETCH(QueryResult, result);
    QFETCH(double, expected);
    QFETCH(qint64, expectedTimestamp);

    KpiDefinition d = definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction(reduction));
    d.seriesName = QStringLiteral("down");
    m_model->setDefinitions({ d });
    m_model->updateFromResult(result);
    const QModelIndex index = m_model->index(0);
    QCOMPARE(index.data(KpiModel::RawValueRole).toDouble(), expected);
    QCOMPARE(index.data(KpiModel::TimestampRole).toLongLong(), expectedTimestamp);
    QCOMPARE(stateOf(0), KpiModel::State::Normal);
}

void TestKpiModel::onlyAffectedRowsChange()
{
    m_model->setDefinitions(
        { definition(QStringLiteral("running"), QStringLiteral("running"), KpiReduction::Sum),
            definition(QStringLiteral("pending"), QStringLiteral("pending"), KpiReduction::Sum),
            definition(QStringLiteral("pending_max"), QStringLiteral("pending"), KpiReduction::Mean) });
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    m_model->updateFromResult(makeResult(QStringLiteral("pending"),
        { { QStringLiteral("gpu"), { 100, 120 } }, { QStringLiteral("cpu"), { 4, 6 } } }));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2);
    for (int i = 0; i < 2; ++i) {
        const QModelIndex topLeft = changed.at(i).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(i).at(1).value<QModelIndex>();
        QCOMPARE(topLeft, bottomRight);
        QCOMPARE(topLeft.row(), i + 1);
        const QList<int> roles = changed.at(i).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(KpiModel::StateRole));
    }
    QCOMPARE(m_model->index(1).data(Qt::DisplayRole).toString(), QStringLiteral("126 jobs"));
    QCOMPARE(m_model->index(1).data(KpiModel::FormattedValueRole).toString(), QStringLiteral("126 jobs"));
    QCOMPARE(m_model->index(2).data(KpiModel::RawValueRole).toDouble(), 63.0);
    QCOMPARE(stateOf(0), KpiModel::State::NoData);

    // The same figure again changes nothing.
    changed.clear();
    m_model->updateFromResult(makeResult(QStringLiteral("pending"),
        { { QStringLiteral("gpu"), { 100, 120 } }, { QStringLiteral("cpu"), { 4, 6 } } }));
    QCOMPARE(changed.count(), 0);

    // A query no KPI uses changes nothing.
    m_model->updateFromResult(makeResult(QStringLiteral("power_mw"), { { QString(), { 4.2 } } }));
    QCOMPARE(changed.count(), 0);
}

void TestKpiModel::historyAndChangeOverTheRange()
{
    m_model->setDefinitions({ definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum) });
    m_model->updateFromResult(makeResult(QStringLiteral("q"),
        { { QStringLiteral("a"), { gap, 10, 12, gap, 15 } },
            { QStringLiteral("b"), { gap, 1, 1, gap, 2 } } }));
    const QModelIndex row = m_model->index(0);
    const auto history = row.data(KpiModel::HistoryRole).value<QList<double>>();
    QCOMPARE(history.size(), 5);
    QVERIFY(std::isnan(history.at(0)) && std::isnan(history.at(3)));
    QCOMPARE(history.at(1), 11.0);
    QCOMPARE(history.at(4), 17.0);
    // From the first figure with data to the last.
    QCOMPARE(row.data(KpiModel::ChangeRole).toDouble(), 6.0);
    QCOMPARE(
        row.data(KpiModel::FormattedChangeRole).toString(), QStringLiteral("\u25B2 6 jobs over the range"));

    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 30, 20 } } }));
    QCOMPARE(
        row.data(KpiModel::FormattedChangeRole).toString(), QStringLiteral("\u25BC 10 jobs over the range"));
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 20, 20 } } }));
    QCOMPARE(row.data(KpiModel::FormattedChangeRole).toString(), QStringLiteral("no change over the range"));
    // One point is no change: nothing is said.
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { gap, 20 } } }));
    QVERIFY(std::isnan(row.data(KpiModel::ChangeRole).toDouble()));
    QCOMPARE(row.data(KpiModel::FormattedChangeRole).toString(), QString());
    // An instant answer moves the figure, not the history.
    QueryResult instant
        = makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 25 } } }, t0 + 10 * step);
    instant.stepMs = 0;
    m_model->updateFromResult(instant);
    QCOMPARE(row.data(KpiModel::RawValueRole).toDouble(), 25.0);
    QCOMPARE(row.data(KpiModel::HistoryRole).value<QList<double>>().size(), 2);
}

void TestKpiModel::configuredThresholds()
{
    m_model->setDefinitions(
        { definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum, 100, 200) });
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 150 } } }));
    QCOMPARE(stateOf(0), KpiModel::State::Warning);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setThresholds(QStringLiteral("k"), 160, 300);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(stateOf(0), KpiModel::State::Normal);
    m_model->setThresholds(QStringLiteral("k"), qQNaN(), 120);
    QCOMPARE(stateOf(0), KpiModel::State::Critical);
    m_model->setThresholds(QStringLiteral("unknown"), 1, 2);
    QCOMPARE(changed.count(), 2);
}

void TestKpiModel::resultWithoutDataClearsValue()
{
    m_model->setDefinitions({ definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum) });
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 1, 2 } } }));
    QCOMPARE(m_model->index(0).data(KpiModel::RawValueRole).toDouble(), 2.0);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { gap, gap } } }));
    QCOMPARE(changed.count(), 1);
    QVERIFY(std::isnan(m_model->index(0).data(KpiModel::RawValueRole).toDouble()));
    QCOMPARE(stateOf(0), KpiModel::State::NoData);

    m_model->updateFromResult(makeResult(QStringLiteral("q"), {}));
    QCOMPARE(changed.count(), 1); // still no data: nothing changed
}

void TestKpiModel::olderAnswerDoesNotReplaceNewer()
{
    m_model->setDefinitions({ definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum) });
    // An instant answer at 08:05:40, then a range answer whose last point is 08:05:00.
    m_model->updateFromResult(
        makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 7 } } }, t0 + 5 * step + 40'000));
    m_model->updateFromResult(
        makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 1, 2, 3, 4, 5, 6 } } }));
    QCOMPARE(m_model->index(0).data(KpiModel::RawValueRole).toDouble(), 7.0);
    QCOMPARE(m_model->index(0).data(KpiModel::TimestampRole).toLongLong(), t0 + 5 * step + 40'000);
    // A newer point replaces it.
    m_model->updateFromResult(
        makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 8 } } }, t0 + 6 * step));
    QCOMPARE(m_model->index(0).data(KpiModel::RawValueRole).toDouble(), 8.0);
}

void TestKpiModel::thresholds_data()
{
    QTest::addColumn<double>("warning");
    QTest::addColumn<double>("critical");
    QTest::addColumn<double>("value");
    QTest::addColumn<KpiModel::State>("expected");

    using S = KpiModel::State;
    // Higher is worse (GPUs down: warning 8, critical 32).
    QTest::newRow("higher worse, below") << 8.0 << 32.0 << 7.0 << S::Normal;
    QTest::newRow("higher worse, at warning") << 8.0 << 32.0 << 8.0 << S::Warning;
    QTest::newRow("higher worse, between") << 8.0 << 32.0 << 20.0 << S::Warning;
    QTest::newRow("higher worse, at critical") << 8.0 << 32.0 << 32.0 << S::Critical;
    QTest::newRow("higher worse, above") << 8.0 << 32.0 << 400.0 << S::Critical;
    // Lower is worse (e.g. free capacity: warning 20, critical 5).
    QTest::newRow("lower worse, above") << 20.0 << 5.0 << 50.0 << S::Normal;
    QTest::newRow("lower worse, at warning") << 20.0 << 5.0 << 20.0 << S::Warning;
    QTest::newRow("lower worse, between") << 20.0 << 5.0 << 10.0 << S::Warning;
    QTest::newRow("lower worse, at critical") << 20.0 << 5.0 << 5.0 << S::Critical;
    QTest::newRow("lower worse, below") << 20.0 << 5.0 << 0.0 << S::Critical;
    // Missing thresholds are ignored.
    QTest::newRow("no thresholds") << gap << gap << 1e9 << S::Normal;
    QTest::newRow("warning only, below") << 10.0 << gap << 9.0 << S::Normal;
    QTest::newRow("warning only, above") << 10.0 << gap << 11.0 << S::Warning;
    QTest::newRow("critical only, above") << gap << 10.0 << 11.0 << S::Critical;
    QTest::newRow("no data") << 8.0 << 32.0 << gap << S::NoData;
}

void TestKpiModel::thresholds()
{
    QFETCH(double, warning);
    QFETCH(double, critical);
    QFETCH(double, value);
    QFETCH(KpiModel::State, expected);

    m_model->setDefinitions(
        { definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum, warning, critical) });
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { value } } }));
    QCOMPARE(stateOf(0), expected);
}

void TestKpiModel::roadmapDetail()
{
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    const QString query = QStringLiteral("capacity_installed_pflops");

    // June 2025: the next milestone is the full 3,000 PFLOPS at the end of 2025.
    m_model->updateFromResult(
        makeResult(query, { { QStringLiteral("NVIDIA H100 80GB HBM3"), { 2000, 2970.4 } } }));
    QCOMPARE(m_model->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("2,970 PFLOPS"));
    QString detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QVERIFY2(detail.contains(QStringLiteral("3,000 PFLOPS")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("99%")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("Full capacity during 2025")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("31 Dec 2025")), qPrintable(detail));

    // Early December 2024: the next milestone is 1,300 PFLOPS by the end of 2024. (A fresh
    // model: a shown figure is never replaced by an older one.)
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    const qint64 december = QDateTime(QDate(2024, 12, 5), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    m_model->updateFromResult(
        makeResult(query, { { QStringLiteral("NVIDIA H100 80GB HBM3"), { 650 } } }, december));
    detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QVERIFY2(detail.contains(QStringLiteral("1,300 PFLOPS")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("50%")), qPrintable(detail));

    // The figure stays below 100% until the target is reached.
    m_model->updateFromResult(
        makeResult(query, { { QStringLiteral("NVIDIA H100 80GB HBM3"), { 1299.9 } } }, december));
    detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QVERIFY2(detail.contains(QStringLiteral("99%")), qPrintable(detail));

    // Once the last milestone is past, the detail says the roadmap is complete.
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    const qint64 later = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    m_model->updateFromResult(
        makeResult(query, { { QStringLiteral("NVIDIA H100 80GB HBM3"), { 3000.2 } } }, later));
    detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QCOMPARE(detail, QStringLiteral("100% of 3,000 PFLOPS · roadmap complete since 31 Dec 2025"));
}

void TestKpiModel::roadmapDetailInChinese()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong));
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    m_model->updateFromResult(
        makeResult(QStringLiteral("capacity_installed_pflops"), { { QStringLiteral("H100"), { 1500 } } }));
    const QString detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QVERIFY2(detail.contains(QStringLiteral("2025 年內全面運作")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("3,000 PFLOPS")), qPrintable(detail));
}

void TestKpiModel::timeDetail()
{
    m_model->setDefinitions({ definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum) });
    // A value from today shows its time alone (TZ=UTC in the test environment).
    const QDateTime today(QDate::currentDate(), QTime(9, 41));
    m_model->updateFromResult(
        makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 5 } } }, today.toMSecsSinceEpoch()));
    QCOMPARE(m_model->index(0).data(KpiModel::DetailRole).toString(), QStringLiteral("as of 09:41"));

    // A value from an earlier day says which day.
    m_model->setDefinitions({ definition(QStringLiteral("k"), QStringLiteral("q"), KpiReduction::Sum) });
    m_model->updateFromResult(makeResult(QStringLiteral("q"), { { QStringLiteral("a"), { 5 } } }));
    const QString detail = m_model->index(0).data(KpiModel::DetailRole).toString();
    QVERIFY2(detail.startsWith(QStringLiteral("as of ")) && detail.contains(QStringLiteral("1 Jun")),
        qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("08:00")), qPrintable(detail));
}

void TestKpiModel::stale()
{
    m_model->setDefinitions(KpiModel::overviewDefinitions());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setStale(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(4));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(KpiModel::StaleRole));
    for (int row = 0; row < 5; ++row)
        QVERIFY(m_model->index(row).data(KpiModel::StaleRole).toBool());

    m_model->setStale(true); // already stale
    QCOMPARE(changed.count(), 1);

    m_model->setStale(false);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!m_model->index(2).data(KpiModel::StaleRole).toBool());
}

QTEST_GUILESS_MAIN(TestKpiModel)
#include "tst_kpimodel.moc"
