#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <ctime>
#include <memory>

namespace {

constexpr qint64 step = 60'000;
constexpr qint64 t0 = 1'740'816'900'000; // 2025-03-01 08:15 UTC

// A result whose value at timestamp t in column c is a pure function of (t, c), so that windows over
// the same lattice agree where they overlap.
QueryResult makeResult(qint64 startMs, int points,
    const QStringList &names = { QStringLiteral("gpu"), QStringLiteral("cpu") },
    const QString &queryId = QStringLiteral("node_gpu_util"), qint64 stepMs = step)
{
    QueryResult result;
    result.queryId = queryId;
    result.startMs = startMs;
    result.stepMs = stepMs;
    for (int c = 0; c < names.size(); ++c) {
        Series series;
        series.name = names.at(c);
        series.labels = { { QStringLiteral("node"), names.at(c) } };
        for (int i = 0; i < points; ++i) {
            const qint64 t = startMs + i * stepMs;
            series.values.push_back(double((t / step) % 97) + c * 0.5);
        }
        result.series.push_back(series);
    }
    return result;
}

// (first, last) row ranges of rowsRemoved/rowsInserted, or (row, column) cells.
using Pairs = QList<QPair<int, int>>;

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

struct Spies
{
    explicit Spies(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , inserted(model, &QAbstractItemModel::rowsInserted)
        , changed(model, &QAbstractItemModel::dataChanged)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , columnsInserted(model, &QAbstractItemModel::columnsInserted)
        , columnsRemoved(model, &QAbstractItemModel::columnsRemoved)
    { }
    void clear()
    {
        for (QSignalSpy *spy :
            { &reset, &removed, &inserted, &changed, &layout, &columnsInserted, &columnsRemoved })
            spy->clear();
    }
    QSignalSpy reset, removed, inserted, changed, layout, columnsInserted, columnsRemoved;
};

} // namespace

class TestTimeSeriesModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void initialState();
    void firstResultResets();
    void roles();
    void headers();
    void slidingWindow_data();
    void slidingWindow();
    void unchangedResultEmitsNothing();
    void onlyChangedCellsGetDataChanged_data();
    void onlyChangedCellsGetDataChanged();
    void slideAndChange();
    void gapsCompareEqual();
    void resets_data();
    void resets();
    void emptyAndBack();
    void instantResults();
    void randomUpdates();

private:
    void verifyModelEquals(const QueryResult &expected);

    std::unique_ptr<TimeSeriesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTimeSeriesModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English));
    // The vertical header shows local time; ctest sets TZ=UTC, this covers running the binary by hand.
    qputenv("TZ", "UTC");
    tzset();
}

void TestTimeSeriesModel::init()
{
    m_model = std::make_unique<TimeSeriesModel>(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestTimeSeriesModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestTimeSeriesModel::verifyModelEquals(const QueryResult &expected)
{
    const TimeSeriesModel &model = *m_model;
    QCOMPARE(model.result().queryId, expected.queryId);
    QCOMPARE(model.result().startMs, expected.startMs);
    QCOMPARE(model.result().stepMs, expected.stepMs);
    // Series::operator== would call a NaN gap unequal to itself: compare values NaN-aware.
    QCOMPARE(model.result().series.size(), expected.series.size());
    for (size_t c = 0; c < expected.series.size(); ++c) {
        const Series &actual = model.result().series[c];
        QCOMPARE(actual.name, expected.series[c].name);
        QVERIFY(actual.labels == expected.series[c].labels);
        QVERIFY(std::equal(actual.values.begin(), actual.values.end(), expected.series[c].values.begin(),
            expected.series[c].values.end(), sameValue));
    }
    QCOMPARE(model.rowCount(), expected.pointCount());
    QCOMPARE(model.columnCount(), int(expected.series.size()));
    for (int c = 0; c < model.columnCount(); ++c) {
        const Series &series = expected.series[size_t(c)];
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), series.name);
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex index = model.index(r, c);
            const double raw = index.data(TimeSeriesModel::RawValueRole).toDouble();
            if (!sameValue(raw, series.values[size_t(r)]))
                QFAIL(qPrintable(QStringLiteral("cell %1,%2: %3 instead of %4")
                                     .arg(r)
                                     .arg(c)
                                     .arg(raw)
                                     .arg(series.values[size_t(r)])));
            QCOMPARE(index.data(Qt::DisplayRole).toString(),
                UnitFormatter::formatValue(series.values[size_t(r)], QStringLiteral("%")));
            QCOMPARE(index.data(TimeSeriesModel::TimestampRole).toLongLong(), expected.timestampAt(r));
        }
    }
}

void TestTimeSeriesModel::initialState()
{
    QCOMPARE(m_model->queryId(), QStringLiteral("node_gpu_util"));
    QCOMPARE(m_model->unit(), QStringLiteral("%"));
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), 0);
}

void TestTimeSeriesModel::firstResultResets()
{
    Spies spies(m_model.get());
    const QueryResult result = makeResult(t0, 10);
    m_model->setResult(result);
    QCOMPARE(spies.reset.count(), 1);
    verifyModelEquals(result);
}

void TestTimeSeriesModel::roles()
{
    QueryResult result = makeResult(t0, 3);
    result.series[1].values[2] = 71.25;
    result.series[0].values[1] = qQNaN();
    m_model->setResult(result);

    const QModelIndex cell = m_model->index(2, 1);
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), QStringLiteral("71.3"));
    QCOMPARE(cell.data(TimeSeriesModel::RawValueRole).toDouble(), 71.25);
    QCOMPARE(cell.data(TimeSeriesModel::TimestampRole).toLongLong(), t0 + 2 * step);
    QCOMPARE(cell.data(TimeSeriesModel::UnitRole).toString(), QStringLiteral("%"));
    QCOMPARE(cell.data(TimeSeriesModel::SeriesNameRole).toString(), QStringLiteral("cpu"));

    const QModelIndex gap = m_model->index(1, 0);
    QVERIFY(std::isnan(gap.data(TimeSeriesModel::RawValueRole).toDouble()));
    QCOMPARE(gap.data(Qt::DisplayRole).toString(), QStringLiteral("\u2013"));

    const QHash<int, QByteArray> names = m_model->roleNames();
    QCOMPARE(names.value(TimeSeriesModel::RawValueRole), QByteArray("rawValue"));
    QCOMPARE(names.value(TimeSeriesModel::TimestampRole), QByteArray("timestamp"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
}

void TestTimeSeriesModel::headers()
{
    m_model->setResult(makeResult(t0, 3));
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("gpu"));
    QCOMPARE(m_model->headerData(1, Qt::Horizontal, TimeSeriesModel::SeriesNameRole).toString(),
        QStringLiteral("cpu"));
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("2025-03-01 08:15"));
    QCOMPARE(m_model->headerData(2, Qt::Vertical).toString(), QStringLiteral("2025-03-01 08:17"));
    QCOMPARE(
        m_model->headerData(2, Qt::Vertical, TimeSeriesModel::TimestampRole).toLongLong(), t0 + 2 * step);
    QVERIFY(!m_model->headerData(2, Qt::Horizontal).isValid());
    QVERIFY(!m_model->headerData(3, Qt::Vertical).isValid());

    // The header does not follow the locale's date format.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong));
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("2025-03-01 08:15"));
    QLocale::setDefault(QLocale(QLocale::English));
}

void TestTimeSeriesModel::slidingWindow_data()
{
    QTest::addColumn<qint64>("newStart");
    QTest::addColumn<int>("newPoints");
    QTest::addColumn<int>("removedCount"); // expected rowsRemoved signals
    QTest::addColumn<int>("insertedCount"); // expected rowsInserted signals
    QTest::addColumn<Pairs>("removedRanges");
    QTest::addColumn<Pairs>("insertedRanges");

    // The old window is [t0, t0 + 10 steps).
    QTest::newRow("slide by one") << t0 + step << 10 << 1 << 1 << Pairs { { 0, 0 } } << Pairs { { 9, 9 } };
    QTest::newRow("slide by three") << t0 + 3 * step << 10 << 1 << 1 << Pairs { { 0, 2 } }
                                    << Pairs { { 7, 9 } };
    QTest::newRow("slide by nine") << t0 + 9 * step << 10 << 1 << 1 << Pairs { { 0, 8 } }
                                   << Pairs { { 1, 9 } };
    QTest::newRow("grow at the end") << t0 << 12 << 0 << 1 << Pairs {} << Pairs { { 10, 11 } };
    QTest::newRow("drop from the front") << t0 + 4 * step << 6 << 1 << 0 << Pairs { { 0, 3 } } << Pairs {};
    QTest::newRow("shrink at the end") << t0 << 7 << 1 << 0 << Pairs { { 7, 9 } } << Pairs {};
    QTest::newRow("slide back by two")
        << t0 - 2 * step << 10 << 1 << 1 << Pairs { { 8, 9 } } << Pairs { { 0, 1 } };
    QTest::newRow("widen both ends") << t0 - 2 * step << 15 << 0 << 2 << Pairs {}
                                     << Pairs { { 0, 1 }, { 12, 14 } };
    QTest::newRow("narrow both ends")
        << t0 + 2 * step << 5 << 2 << 0 << Pairs { { 7, 9 }, { 0, 1 } } << Pairs {};
}

void TestTimeSeriesModel::slidingWindow()
{
    QFETCH(qint64, newStart);
    QFETCH(int, newPoints);
    QFETCH(int, removedCount);
    QFETCH(int, insertedCount);
    QFETCH(Pairs, removedRanges);
    QFETCH(Pairs, insertedRanges);

    m_model->setResult(makeResult(t0, 10));
    Spies spies(m_model.get());
    const QueryResult next = makeResult(newStart, newPoints);
    m_model->setResult(next);

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.layout.count(), 0);
    QCOMPARE(spies.changed.count(), 0); // the overlap holds the same values
    QCOMPARE(spies.removed.count(), removedCount);
    QCOMPARE(spies.inserted.count(), insertedCount);
    for (int i = 0; i < removedCount; ++i) {
        QCOMPARE(spies.removed.at(i).at(1).toInt(), removedRanges.at(i).first);
        QCOMPARE(spies.removed.at(i).at(2).toInt(), removedRanges.at(i).second);
    }
    for (int i = 0; i < insertedCount; ++i) {
        QCOMPARE(spies.inserted.at(i).at(1).toInt(), insertedRanges.at(i).first);
        QCOMPARE(spies.inserted.at(i).at(2).toInt(), insertedRanges.at(i).second);
    }
    verifyModelEquals(next);
}

void TestTimeSeriesModel::unchangedResultEmitsNothing()
{
    const QueryResult result = makeResult(t0, 10);
    m_model->setResult(result);
    Spies spies(m_model.get());
    m_model->setResult(result);
    QCOMPARE(spies.reset.count() + spies.removed.count() + spies.inserted.count() + spies.changed.count(), 0);
    verifyModelEquals(result);
}

void TestTimeSeriesModel::onlyChangedCellsGetDataChanged_data()
{
    QTest::addColumn<Pairs>("cells"); // (row, column) to change
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("left");
    QTest::addColumn<int>("bottom");
    QTest::addColumn<int>("right");
    QTest::newRow("one cell") << Pairs { { 4, 1 } } << 4 << 1 << 4 << 1;
    QTest::newRow("first cell") << Pairs { { 0, 0 } } << 0 << 0 << 0 << 0;
    QTest::newRow("last row, one column") << Pairs { { 9, 0 } } << 9 << 0 << 9 << 0;
    QTest::newRow("two rows of one column") << Pairs { { 2, 1 }, { 6, 1 } } << 2 << 1 << 6 << 1;
    QTest::newRow("both columns") << Pairs { { 3, 0 }, { 5, 1 } } << 3 << 0 << 5 << 1;
}

void TestTimeSeriesModel::onlyChangedCellsGetDataChanged()
{
    QFETCH(Pairs, cells);
    QFETCH(int, top);
    QFETCH(int, left);
    QFETCH(int, bottom);
    QFETCH(int, right);

    m_model->setResult(makeResult(t0, 10));
    Spies spies(m_model.get());
    QueryResult next = makeResult(t0, 10);
    for (const auto &[row, column] : cells)
        next.series[size_t(column)].values[size_t(row)] += 1000;
    m_model->setResult(next);

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.changed.count(), 1);
    const QModelIndex topLeft = spies.changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = spies.changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(top, left));
    QCOMPARE(bottomRight, m_model->index(bottom, right));
    const QList<int> roles = spies.changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(roles.contains(TimeSeriesModel::RawValueRole));
    verifyModelEquals(next);
}

void TestTimeSeriesModel::slideAndChange()
{
    // The newest point of the old window was provisional and has been revised in the new one.
    m_model->setResult(makeResult(t0, 10));
    Spies spies(m_model.get());
    QueryResult next = makeResult(t0 + 2 * step, 10);
    next.series[0].values[7] = 42; // old row 9
    m_model->setResult(next);

    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), 1);
    QCOMPARE(spies.inserted.count(), 1);
    QCOMPARE(spies.changed.count(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>(), m_model->index(7, 0));
    QCOMPARE(spies.changed.at(0).at(1).value<QModelIndex>(), m_model->index(7, 0));
    verifyModelEquals(next);
}

void TestTimeSeriesModel::gapsCompareEqual()
{
    QueryResult result = makeResult(t0, 10);
    result.series[0].values[3] = qQNaN();
    m_model->setResult(result);
    Spies spies(m_model.get());

    m_model->setResult(result); // NaN stays NaN: nothing changed
    QCOMPARE(spies.changed.count(), 0);

    QueryResult filled = result;
    filled.series[0].values[3] = 12; // a gap filled by a late sample
    m_model->setResult(filled);
    QCOMPARE(spies.changed.count(), 1);
    QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>(), m_model->index(3, 0));
    verifyModelEquals(filled);

    QueryResult emptied = filled;
    emptied.series[1].values[5] = qQNaN();
    m_model->setResult(emptied);
    QCOMPARE(spies.changed.count(), 2);
    QCOMPARE(spies.changed.at(1).at(0).value<QModelIndex>(), m_model->index(5, 1));
    QCOMPARE(spies.reset.count(), 0);
    verifyModelEquals(emptied);
}

void TestTimeSeriesModel::resets_data()
{
    QTest::addColumn<QueryResult>("next");
    const QStringList names = { QStringLiteral("gpu"), QStringLiteral("cpu") };
    QTest::newRow("series renamed") << makeResult(t0, 10, { QStringLiteral("gpu"), QStringLiteral("mem") });
    QTest::newRow("series reordered") << makeResult(t0, 10, { QStringLiteral("cpu"), QStringLiteral("gpu") });
    QTest::newRow("series added") << makeResult(
        t0, 10, { QStringLiteral("gpu"), QStringLiteral("cpu"), QStringLiteral("mem") });
    QTest::newRow("series removed") << makeResult(t0, 10, { QStringLiteral("gpu") });
    QTest::newRow("no series") << makeResult(t0, 10, {});
    QTest::newRow("other query") << makeResult(t0, 10, names, QStringLiteral("gpu_util_by_partition"));
    QTest::newRow("other step") << makeResult(t0, 10, names, QStringLiteral("node_gpu_util"), 2 * step);
    QTest::newRow("other lattice") << makeResult(t0 + step / 2, 10);
    QTest::newRow("no overlap, later") << makeResult(t0 + 10 * step, 10);
    QTest::newRow("no overlap, earlier") << makeResult(t0 - 10 * step, 10);
    QTest::newRow("instant") << makeResult(t0, 1, names, QStringLiteral("node_gpu_util"), 0);
}

void TestTimeSeriesModel::resets()
{
    QFETCH(QueryResult, next);
    m_model->setResult(makeResult(t0, 10));
    Spies spies(m_model.get());
    m_model->setResult(next);
    QCOMPARE(spies.reset.count(), 1);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QCOMPARE(spies.changed.count(), 0);
    verifyModelEquals(next);
}

void TestTimeSeriesModel::emptyAndBack()
{
    m_model->setResult(makeResult(t0, 10));
    Spies spies(m_model.get());

    // Same series, no points: the rows go, the columns stay.
    const QueryResult empty = makeResult(t0 + 10 * step, 0);
    m_model->setResult(empty);
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), 1);
    QCOMPARE(spies.removed.at(0).at(2).toInt(), 9);
    QCOMPARE(m_model->rowCount(), 0);
    verifyModelEquals(empty);

    const QueryResult refilled = makeResult(t0 + 20 * step, 5);
    m_model->setResult(refilled);
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.inserted.count(), 1);
    QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(spies.inserted.at(0).at(2).toInt(), 4);
    verifyModelEquals(refilled);
}

void TestTimeSeriesModel::instantResults()
{
    const QStringList names = { QStringLiteral("gpu"), QStringLiteral("cpu") };
    const QueryResult first = makeResult(t0, 1, names, QStringLiteral("node_gpu_util"), 0);
    m_model->setResult(first);
    QCOMPARE(m_model->rowCount(), 1);
    Spies spies(m_model.get());
    QSignalSpy headerSpy(m_model.get(), &QAbstractItemModel::headerDataChanged);

    // The next evaluation, a step later, keeps the one row: its time and values change.
    QueryResult second = makeResult(t0 + step, 1, names, QStringLiteral("node_gpu_util"), 0);
    m_model->setResult(second);
    QCOMPARE(spies.reset.count(), 0);
    QCOMPARE(spies.removed.count(), 0);
    QCOMPARE(spies.inserted.count(), 0);
    QVERIFY(spies.changed.count() >= 1);
    QCOMPARE(headerSpy.count(), 1);
    QCOMPARE(headerSpy.at(0).at(0).value<Qt::Orientation>(), Qt::Vertical);
    QCOMPARE(m_model->headerData(0, Qt::Vertical).toString(), QStringLiteral("2025-03-01 08:16"));
    verifyModelEquals(second);
}

void TestTimeSeriesModel::randomUpdates()
{
    // Windows that move, grow, shrink and get revised, checked against the tester after every update.
    QRandomGenerator random(20241122);
    const QStringList names = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
    qint64 start = t0;
    int points = 20;
    for (int round = 0; round < 300; ++round) {
        start += step * (random.bounded(9) - 2);
        points = std::max(0, points + random.bounded(7) - 3);
        QueryResult result = makeResult(start, points, names);
        for (Series &series : result.series)
            for (double &value : series.values) {
                const int dice = random.bounded(10);
                if (dice == 0)
                    value = qQNaN();
                else if (dice == 1)
                    value += random.bounded(3);
            }
        if (random.bounded(25) == 0)
            result.series.pop_back(); // occasionally a different series set
        m_model->setResult(result);
        verifyModelEquals(result);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("round %1").arg(round)));
    }
}

QTEST_GUILESS_MAIN(TestTimeSeriesModel)
#include "tst_timeseriesmodel.moc"
