// M4 decimation: what it keeps per bucket of a pixel column, that gaps stay breaks, and that short series
// pass unchanged.
#include "Decimator.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace {

constexpr double gap = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 startMs = 1772409600000; // 2026-03-02T00:00:00Z
constexpr qint64 stepMs = 1000;

std::vector<double> noise(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<double> values(static_cast<size_t>(count));
    for (double &v : values)
        v = 50 + random.bounded(40.0) - 20;
    return values;
}

PixelColumns columnsFor(size_t count, double width)
{
    // A fractional left edge, as Qt Charts lays plot areas out.
    return PixelColumns { double(startMs), double(startMs + qint64(count - 1) * stepMs), 60.4, width, 1.6 };
}

// What M4 must keep, found the slow, obvious way: group the points by run and bucket, then take the
// first and last point of each group, and the first and last at its lowest and at its highest value.
std::vector<Decimator::Run> reference(const std::vector<double> &values, const PixelColumns &columns)
{
    std::vector<Decimator::Run> result;
    std::vector<std::vector<size_t>> groups; // indices, per (run, bucket)
    std::vector<size_t> groupRun; // run number of each group
    int run = 0;
    int lastBucket = std::numeric_limits<int>::min();
    bool inRun = false;
    for (size_t i = 0; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            if (inRun)
                ++run;
            inRun = false;
            continue;
        }
        const int bucket = columns.bucketOf(double(startMs + qint64(i) * stepMs));
        if (!inRun || bucket != lastBucket) {
            groups.emplace_back();
            groupRun.push_back(size_t(run));
        }
        groups.back().push_back(i);
        lastBucket = bucket;
        inRun = true;
    }
    for (size_t g = 0; g < groups.size(); ++g) {
        const std::vector<size_t> &group = groups[g];
        std::set<size_t> kept = { group.front(), group.back() };
        double lowest = values[group.front()], highest = lowest;
        for (size_t i : group) {
            lowest = std::min(lowest, values[i]);
            highest = std::max(highest, values[i]);
        }
        std::vector<size_t> atLowest, atHighest;
        std::copy_if(group.begin(), group.end(), std::back_inserter(atLowest),
            [&](size_t i) { return values[i] == lowest; });
        std::copy_if(group.begin(), group.end(), std::back_inserter(atHighest),
            [&](size_t i) { return values[i] == highest; });
        kept.insert({ atLowest.front(), atLowest.back(), atHighest.front(), atHighest.back() });
        if (result.size() <= groupRun[g])
            result.emplace_back();
        for (size_t i : kept)
            result.back().append(QPointF(double(startMs + qint64(i) * stepMs), values[i]));
    }
    return result;
}

// The lowest and highest value drawn in each bucket; the property that makes the line look the same.
std::map<int, std::pair<double, double>> extentPerBucket(
    const std::vector<Decimator::Run> &runs, const PixelColumns &columns)
{
    std::map<int, std::pair<double, double>> extent;
    for (const Decimator::Run &run : runs)
        for (const QPointF &p : run) {
            auto [it, inserted] = extent.try_emplace(columns.bucketOf(p.x()), p.y(), p.y());
            it->second.first = std::min(it->second.first, p.y());
            it->second.second = std::max(it->second.second, p.y());
        }
    return extent;
}

} // namespace

class TestDecimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsFirstMinMaxLastPerBucket_data();
    void keepsFirstMinMaxLastPerBucket();
    void handWorkedColumns();
    void stepKeepsItsCorner();
    void gapInsideABucketStaysABreak();
    void fewerPointsThanColumnsAreUnchanged();
    void pointsOutsideThePlotAreaCollapseToOneBucketEachSide();
    void bucketsFollowThePenWidth_data();
    void bucketsFollowThePenWidth();
    void runsSplitAtGaps();
};

void TestDecimator::keepsFirstMinMaxLastPerBucket_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("width");

    QTest::addRow("noise, 100k points on 997 px") << noise(100000, 1) << 997.0;

    std::vector<double> spikes(200000, 10.0);
    for (size_t i = 777; i < spikes.size(); i += 15331)
        spikes[i] = 95; // one sample high: subsampling would miss most of them
    spikes[spikes.size() / 2 + 1] = -40;
    QTest::addRow("isolated spikes") << spikes << 1200.0;

    std::vector<double> steps(150000);
    for (size_t i = 0; i < steps.size(); ++i)
        steps[i] = double((i / 9973) % 5) * 20;
    QTest::addRow("steps") << steps << 640.0;

    std::vector<double> gaps = noise(120000, 2);
    for (size_t i = 5000; i < gaps.size(); i += 17000)
        std::fill(gaps.begin() + qsizetype(i), gaps.begin() + qsizetype(i) + 3000, gap);
    gaps[60001] = gap; // a one-sample gap, inside one pixel column
    QTest::addRow("gaps") << gaps << 1200.0;

    QTest::addRow("fewer points than columns") << noise(300, 3) << 1200.0;
}

void TestDecimator::keepsFirstMinMaxLastPerBucket()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, width);
    const PixelColumns columns = columnsFor(values.size(), width);

    const std::vector<Decimator::Run> decimated = Decimator::m4(values, startMs, stepMs, columns);
    QCOMPARE(decimated, reference(values, columns));

    const std::vector<Decimator::Run> full = Decimator::runs(values, startMs, stepMs);
    QCOMPARE(decimated.size(), full.size());
    QCOMPARE(extentPerBucket(decimated, columns), extentPerBucket(full, columns));
    qsizetype kept = 0;
    for (const Decimator::Run &run : decimated)
        kept += run.size();
    // Two buckets per column (1.6-px pen), six points per bucket at most, a few more past the edges.
    QVERIFY(kept <= 2 * 6 * qsizetype(columns.count() + 4) * qsizetype(decimated.size()));
}

void TestDecimator::handWorkedColumns()
{
    // Twelve points on three columns of four each (x = 0..11 s over 3 px; a 1-px pen: a bucket per column).
    const std::vector<double> values = { 5, 1, 9, 4, /**/ 3, 3, 3, 3, /**/ 7, 8, 2, 6 };
    const PixelColumns columns { double(startMs), double(startMs + 12 * stepMs), 0, 3 };
    const std::vector<Decimator::Run> decimated = Decimator::m4(values, startMs, stepMs, columns);
    auto p = [](int i, double v) { return QPointF(double(startMs + i * stepMs), v); };
    const Decimator::Run expected = {
        p(0, 5), p(1, 1), p(2, 9), p(3, 4), // first, min, max, last
        p(4, 3), p(7, 3), // flat: first and last (also the ends of the minimum and maximum)
        p(8, 7), p(9, 8), p(10, 2), p(11, 6), // max comes before min
    };
    QCOMPARE(decimated, std::vector<Decimator::Run> { expected });
}

void TestDecimator::stepKeepsItsCorner()
{
    // One bucket: a plateau, a step up, a plateau. Plain M4 would keep 0, 5 and 7 and draw the step as
    // a slope from the bucket's first point; the plateau's ends keep the corner where it is.
    const std::vector<double> values = { 5, 5, 5, 5, 5, 9, 9, 9 };
    const PixelColumns columns { double(startMs), double(startMs + 1000 * stepMs), 0, 10 };
    auto p = [](int i, double v) { return QPointF(double(startMs + i * stepMs), v); };
    QCOMPARE(Decimator::m4(values, startMs, stepMs, columns),
        std::vector<Decimator::Run> { (Decimator::Run { p(0, 5), p(4, 5), p(5, 9), p(7, 9) }) });
}

void TestDecimator::gapInsideABucketStaysABreak()
{
    // One bucket, a gap in the middle: two runs, neither reaching across the gap.
    const std::vector<double> values = { 1, 9, 2, gap, 8, 0, 7 };
    const PixelColumns columns { double(startMs), double(startMs + 1000 * stepMs), 0, 10 };
    const std::vector<Decimator::Run> decimated = Decimator::m4(values, startMs, stepMs, columns);
    QCOMPARE(decimated.size(), size_t(2));
    auto p = [](int i, double v) { return QPointF(double(startMs + i * stepMs), v); };
    QCOMPARE(decimated[0], (Decimator::Run { p(0, 1), p(1, 9), p(2, 2) }));
    QCOMPARE(decimated[1], (Decimator::Run { p(4, 8), p(5, 0), p(6, 7) }));
}

void TestDecimator::fewerPointsThanColumnsAreUnchanged()
{
    std::vector<double> values = noise(500, 4);
    values[100] = gap;
    values[101] = gap;
    const std::vector<Decimator::Run> decimated
        = Decimator::m4(values, startMs, stepMs, columnsFor(values.size(), 1900));
    QCOMPARE(decimated, Decimator::runs(values, startMs, stepMs));
}

void TestDecimator::pointsOutsideThePlotAreaCollapseToOneBucketEachSide()
{
    // A 1,000-point series zoomed to its middle 100 points on 100 px: the pixels just outside each edge
    // keep their points, everything beyond them at most four more.
    const std::vector<double> values = noise(1000, 5);
    const PixelColumns zoom { double(startMs + 450 * stepMs), double(startMs + 550 * stepMs), 0, 100 };
    const std::vector<Decimator::Run> decimated = Decimator::m4(values, startMs, stepMs, zoom);
    QCOMPARE(decimated.size(), size_t(1));
    const Decimator::Run &run = decimated.front();
    const qsizetype left
        = std::count_if(run.begin(), run.end(), [&](QPointF p) { return p.x() < zoom.xMin; });
    const qsizetype right
        = std::count_if(run.begin(), run.end(), [&](QPointF p) { return p.x() >= zoom.xMax; });
    QVERIFY2(left >= 2 && left <= 5, qPrintable(QString::number(left)));
    QVERIFY2(right >= 3 && right <= 6, qPrintable(QString::number(right)));
    // The line enters and leaves the plot area from the neighbouring samples, as the full line does.
    QCOMPARE(run[left - 1].x(), double(startMs + 449 * stepMs));
    QCOMPARE(run[run.size() - right].x(), double(startMs + 550 * stepMs));
    QCOMPARE(run.size() - left - right, 100); // one point per column: all kept
}

void TestDecimator::bucketsFollowThePenWidth_data()
{
    QTest::addColumn<double>("penWidth");
    QTest::addColumn<QList<double>>("edges"); // where a new bucket starts, within pixel 10
    QTest::addRow("1 px: the pixel columns") << 1.0 << QList<double> { 10.0 };
    QTest::addRow("1.6 px: middle and edge of each column") << 1.6 << QList<double> { 10.3, 10.7 };
    QTest::addRow("2 px: centre to centre") << 2.0 << QList<double> { 10.5 };
}

void TestDecimator::bucketsFollowThePenWidth()
{
    QFETCH(double, penWidth);
    QFETCH(QList<double>, edges);
    // One ms per pixel, so that x in ms is the device x.
    const PixelColumns columns { 0, 100, 0, 100, penWidth };
    QList<double> found;
    for (int hundredths = 1000; hundredths < 1100; ++hundredths)
        if (columns.bucketOf(hundredths / 100.0) != columns.bucketOf((hundredths - 1) / 100.0))
            found.append(hundredths / 100.0);
    QCOMPARE(found, edges);
}

void TestDecimator::runsSplitAtGaps()
{
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> values = { gap, 1, 2, gap, gap, 3, inf, 4 };
    const std::vector<Decimator::Run> split = Decimator::runs(values, startMs, stepMs);
    auto p = [](int i, double v) { return QPointF(double(startMs + i * stepMs), v); };
    QCOMPARE(split, (std::vector<Decimator::Run> { { p(1, 1), p(2, 2) }, { p(5, 3) }, { p(7, 4) } }));
    QVERIFY(Decimator::runs({}, startMs, stepMs).empty());
}

QTEST_GUILESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
