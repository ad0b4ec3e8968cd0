// Decimation must not change what the operator sees: the same chart drawn from every point and from
// the M4-decimated points must give the same image (see sameImage for how exactly), for signals that
// trip naive reduction (noise, isolated spikes, steps, short pulses, gaps). And the comparison must be
// able to fail: plain every-n-th subsampling at the same point budget gives a clearly different image.
#include "ChartPanel.h"
#include "ImageDiff.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

constexpr double gap = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 startMs = 1772409600000; // 2026-03-02T00:00:00Z
constexpr qint64 stepMs = 1000;
constexpr int pointCount = 200000; // about 170 points per pixel column at 1200 px
const QSize panelSize(1200, 500);

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

std::vector<double> noise(quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<double> values(static_cast<size_t>(pointCount));
    double level = 50;
    for (double &v : values) {
        level = std::clamp(level + random.bounded(2.0) - 1, 20.0, 80.0); // a slow walk
        v = level + random.bounded(16.0) - 8; // and fast noise on it
    }
    return values;
}

std::vector<double> spikes()
{
    std::vector<double> values(static_cast<size_t>(pointCount), 30.0);
    QRandomGenerator random(11);
    for (int i = 0; i < 60; ++i) // single-sample spikes, up and down
        values[random.bounded(pointCount)] = i % 3 == 0 ? 2.0 : 60.0 + random.bounded(35.0);
    return values;
}

std::vector<double> steps()
{
    std::vector<double> values(static_cast<size_t>(pointCount));
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = 15 + 20 * double((i / 7919) % 4); // a step every ~40 px, between pixel columns or not
    return values;
}

// Short bursts (a job starting and ending within seconds), shorter than a subsampling stride.
std::vector<double> pulses()
{
    std::vector<double> values(static_cast<size_t>(pointCount), 20.0);
    for (size_t i = 1234; i + 25 < values.size(); i += 2711)
        std::fill_n(values.begin() + qsizetype(i), 25, 70.0);
    return values;
}

std::vector<double> gaps()
{
    std::vector<double> values = noise(3);
    for (size_t i = 9000; i + 4000 < values.size(); i += 31000)
        std::fill_n(values.begin() + qsizetype(i), 4000, gap);
    for (size_t i = 5001; i < values.size(); i += 23003)
        values[i] = gap; // a gap of one sample, inside one pixel column
    return values;
}

QueryResult resultOf(const std::vector<std::vector<double>> &series)
{
    QueryResult result;
    result.queryId = QStringLiteral("synthetic");
    result.startMs = startMs;
    result.stepMs = stepMs;
    const QStringList names
        = { QStringLiteral("batch"), QStringLiteral("interactive"), QStringLiteral("debug") };
    for (size_t s = 0; s < series.size(); ++s)
        result.series.push_back(Series { names[qsizetype(s)], {}, series[s] });
    return result;
}

// Every n-th point only: what a chart that decimates naively would draw.
QueryResult subsampled(const QueryResult &full, int n)
{
    QueryResult result = full;
    result.stepMs = full.stepMs * n;
    for (Series &series : result.series) {
        std::vector<double> kept;
        for (size_t i = 0; i < series.values.size(); i += size_t(n))
            kept.push_back(series.values[i]);
        series.values = std::move(kept);
    }
    return result;
}

// How much of the line colour a pixel shows, 0-255: how far it is from the chart without lines.
int ink(const QImage &image, const QImage &withoutLines, int column, int row)
{
    return channelDistance(image.pixel(column, row), withoutLines.pixel(column, row));
}

// Pixels that the first image inks clearly (over half) where the second shows no trace of the line
// (under an eighth).
qsizetype inkOnlyIn(const QImage &a, const QImage &b, const QImage &withoutLines, const QRect &plot)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    const QImage background = withoutLines.convertToFormat(QImage::Format_RGB32);
    qsizetype count = 0;
    for (int row = plot.top(); row <= plot.bottom(); ++row)
        for (int column = plot.left(); column <= plot.right(); ++column)
            if (ink(x, background, column, row) > 128 && ink(y, background, column, row) < 32)
                ++count;
    return count;
}

struct Drawing
{
    QImage image;
    QRect plot; // the plot area in the image
    qsizetype drawnPoints = 0;
};

enum class Lines { Decimated, Full, None };

// Draws the result on a fixed-size panel, with the same axes every time.
Drawing render(const QueryResult &result, Lines lines, bool antialiased)
{
    TimeSeriesModel model(result.queryId, QStringLiteral("%"));
    model.setResult(result);
    ChartPanel panel;
    panel.setTitle(QStringLiteral("Decimation"));
    panel.setFixedValueRange(0, 100);
    panel.setTimeRange(startMs, startMs + qint64(pointCount - 1) * stepMs);
    panel.setDecimationEnabled(lines == Lines::Decimated);
    panel.findChild<QChartView *>()->setRenderHint(QPainter::Antialiasing, antialiased);
    panel.setModel(&model);
    if (lines == Lines::None)
        for (int s = 0; s < panel.seriesCount(); ++s)
            panel.setSeriesVisible(s, false);
    panel.resize(panelSize);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return {};
    QCoreApplication::processEvents(); // the layout settles the plot area, then the points are redecimated
    const QPoint viewport = panel.chartViewport()->mapTo(&panel, QPoint());
    // In the image's pixels: on a high-density screen (tst_chartdecimation_hidpi runs at
    // QT_SCALE_FACTOR=2) the panel decimates to device pixel columns, and the comparison is at those.
    const QImage image = panel.grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    const QRectF plot = panel.plotArea().translated(viewport);
    const QRect devicePlot = QRectF(plot.topLeft() * ratio, plot.size() * ratio).toAlignedRect();
    return Drawing { image, devicePlot.intersected(image.rect()), panel.drawnPointCount() };
}

} // namespace

class TestChartDecimation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameImage_data();
    void sameImage();
    void naiveSubsamplingIsCaught_data();
    void naiveSubsamplingIsCaught();
};

void TestChartDecimation::sameImage_data()
{
    QTest::addColumn<QueryResult>("result");
    QTest::addRow("noise") << resultOf({ noise(1) });
    QTest::addRow("isolated spikes") << resultOf({ spikes() });
    QTest::addRow("steps") << resultOf({ steps() });
    QTest::addRow("pulses") << resultOf({ pulses() });
    QTest::addRow("gaps") << resultOf({ gaps() });
    QTest::addRow("three series") << resultOf({ noise(4), spikes(), gaps() });
}

// Two ways of looking, because of what antialiasing does here:
// - Without antialiasing a pixel is covered or not, so the images can be compared pixel by pixel: this
//   is the equivalence. A 1-px line rounds the end of each segment to a pixel, and the decimated line
//   has other segment ends inside a column than the full one, so a few single pixels at the tip of a
//   column's span may differ. Allowed: 0.01% of the plot area (about 40 pixels here), twice that on a
//   screen of two device pixels to a logical one; naive subsampling differs by 2-19%.
// - With antialiasing Qt Charts blends every segment separately over the ones before: the ~170
//   overlapping segments per pixel column of the full line add up the faint coverage each leaves on
//   the neighbouring columns, so dense noise looks bolder than any single line of it; no reduced
//   drawing reproduces that overdraw, and it says nothing about where the line is. What must hold is
//   that the decimated line puts ink nowhere the full line has none. Same allowance. (The decimated
//   panel fills a dense column's extent as whole pixels, ChartLinesItem::setMergeColumns; the
//   undecimated one draws every segment, so the reference is the plain line.)
void TestChartDecimation::sameImage()
{
    QFETCH(QueryResult, result);
    const QString tag
        = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));

    const Drawing full = render(result, Lines::Full, false);
    const Drawing decimated = render(result, Lines::Decimated, false);
    QVERIFY(!full.image.isNull() && full.image.size() == decimated.image.size());
    QCOMPARE(decimated.plot, full.plot);
    const qsizetype plotPixels = qsizetype(full.plot.width()) * full.plot.height();
    // At r device pixels to a logical one a line tip is r x r pixels and there are r times the
    // columns, over r x r the area: the allowance scales with r (measured: three series 0.0065% at 1,
    // 0.0112% at 2).
    const qsizetype allowed = qsizetype(double(plotPixels) * full.image.devicePixelRatio() / 10000);
    // At most six points per pixel column and series, and far fewer than the model has.
    QVERIFY2(decimated.drawnPoints <= qsizetype(result.series.size()) * 6 * full.plot.width(),
        qPrintable(QString::number(decimated.drawnPoints)));

    QImage map;
    const qsizetype aliased = differingPixels(full.image, decimated.image, full.plot, 0, &map);
    qInfo("%s: %lld points drawn instead of %lld; aliased: %lld pixels differ (%.4f%%)", qPrintable(tag),
        decimated.drawnPoints, qsizetype(result.series.size()) * pointCount, aliased,
        100.0 * double(aliased) / double(plotPixels));
    if (aliased > 0) {
        full.image.save(outputPath(QStringLiteral("decimation-%1-full.png").arg(tag)));
        decimated.image.save(outputPath(QStringLiteral("decimation-%1-m4.png").arg(tag)));
        map.save(outputPath(QStringLiteral("decimation-%1-diff.png").arg(tag)));
    }
    QVERIFY2(aliased <= allowed, qPrintable(QString::number(aliased)));

    const Drawing fullSmooth = render(result, Lines::Full, true);
    const Drawing decimatedSmooth = render(result, Lines::Decimated, true);
    const Drawing noLines = render(result, Lines::None, true);
    const qsizetype added = inkOnlyIn(decimatedSmooth.image, fullSmooth.image, noLines.image, full.plot);
    const qsizetype faded = inkOnlyIn(fullSmooth.image, decimatedSmooth.image, noLines.image, full.plot);
    qInfo(
        "%s: antialiased: %lld pixels inked only by the decimated line, %lld only by the full one (overdraw)",
        qPrintable(tag), added, faded);
    QVERIFY2(added <= allowed, qPrintable(QString::number(added)));
}

void TestChartDecimation::naiveSubsamplingIsCaught_data()
{
    QTest::addColumn<QueryResult>("result");
    QTest::addRow("noise") << resultOf({ noise(1) });
    QTest::addRow("isolated spikes") << resultOf({ spikes() });
    QTest::addRow("pulses") << resultOf({ pulses() });
    QTest::addRow("gaps") << resultOf({ gaps() });
    QTest::addRow("three series") << resultOf({ noise(4), spikes(), gaps() });
    // Not long steps: every n-th point moves a step by less than a pixel, nearly invisible.
}

// The comparisons above must be able to fail: every n-th point, at the same budget as M4 (four points
// per pixel column), differs clearly, with and without antialiasing (ink added or lost).
void TestChartDecimation::naiveSubsamplingIsCaught()
{
    QFETCH(QueryResult, result);
    const Drawing full = render(result, Lines::Full, false);
    const int every = pointCount / (4 * full.plot.width());
    const Drawing naive = render(subsampled(result, every), Lines::Full, false);
    const qsizetype plotPixels = qsizetype(full.plot.width()) * full.plot.height();
    const qsizetype aliased = differingPixels(full.image, naive.image, full.plot, 0);

    const Drawing fullSmooth = render(result, Lines::Full, true);
    const Drawing naiveSmooth = render(subsampled(result, every), Lines::Full, true);
    const Drawing noLines = render(result, Lines::None, true);
    const qsizetype smooth = inkOnlyIn(fullSmooth.image, naiveSmooth.image, noLines.image, full.plot)
        + inkOnlyIn(naiveSmooth.image, fullSmooth.image, noLines.image, full.plot);
    qInfo("%s: every %d-th point: %lld pixels (%.3f%%) differ; antialiased: %lld inked by one line only",
        QTest::currentDataTag(), every, aliased, 100.0 * double(aliased) / double(plotPixels), smooth);
    QVERIFY2(aliased >= plotPixels * 3 / 1000, qPrintable(QString::number(aliased)));
    QVERIFY2(smooth >= plotPixels * 3 / 1000, qPrintable(QString::number(smooth)));
}

QTEST_MAIN(TestChartDecimation)
#include "tst_chartdecimation.moc"
