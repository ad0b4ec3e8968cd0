// The chart panel as an operator uses it: the time range it shows, dragging to select a range and
// double-clicking to zoom out, the tooltip, hiding series from the legend, stacked areas, time labels
// for every preset range at narrow and wide sizes, and the dark palette. Screenshots of the simulated
// centre go to $AISC_TEST_OUTPUT.
#include "ChartPanel.h"
#include "SampleStore.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <cmath>

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
const double gap = std::nan("");

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// "Now" for the screenshots and ranges: a Monday afternoon in Hong Kong's working week.
const qint64 now = at("2026-03-02T14:37:00Z");

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

QueryResult smallResult()
{
    QueryResult result;
    result.queryId = QStringLiteral("gpu_util_by_partition");
    result.startMs = at("2026-03-02T14:00:00Z");
    result.stepMs = minuteMs;
    result.series = {
        Series { QStringLiteral("batch"), {}, { 10, 20, gap, 40 } },
        Series { QStringLiteral("interactive"), {}, { gap, 5.5, 7, 1 } },
    };
    return result;
}

// The simulated centre's answer for the range ending now, at about as many points as a full-HD
// panel has pixel columns (or more, for a decimated year).
QueryResult simulated(const QString &queryId, qint64 rangeMs, qint64 stepMs)
{
    static Simulation simulation(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    const qint64 end = now / stepMs * stepMs;
    return simulation.evaluate(QueryRequest { queryId, end - rangeMs, end, stepMs });
}

QChart *chartOf(const ChartPanel &panel)
{
    return panel.findChild<QChartView *>()->chart();
}

// The text items of the scene that show a given text, visible ones only.
QList<QGraphicsTextItem *> textItems(const ChartPanel &panel, const QString &text)
{
    QList<QGraphicsTextItem *> found;
    const QList<QGraphicsItem *> items = panel.findChild<QChartView *>()->scene()->items();
    for (QGraphicsItem *item : items) {
        auto *textItem = qgraphicsitem_cast<QGraphicsTextItem *>(item);
        if (!textItem || !textItem->isVisible())
            continue;
        QString shown = textItem->toPlainText();
        shown.remove(QChar(0x200b));
        if (shown == text)
            found.append(textItem);
    }
    return found;
}

// Where a legend entry is, in the chart view's viewport.
QPoint legendEntry(const ChartPanel &panel, const QString &name)
{
    const QList<QGraphicsTextItem *> items = textItems(panel, name);
    if (items.size() != 1)
        return {};
    const QChartView *view = panel.findChild<QChartView *>();
    return view->mapFromScene(items.front()->sceneBoundingRect().center());
}

void showAt(ChartPanel &panel, const QSize &size)
{
    panel.resize(size);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCoreApplication::processEvents();
}

} // namespace

class TestChartPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeRangeSpansTheAxis();
    void dragSelectsARange();
    void shortDragIsAClick();
    void doubleClickAsksToZoomOut();
    void toolTipNamesTimeValuesAndGaps();
    void hoverShowsTheToolTip();
    void legendClickHidesAndShowsASeries();
    void hiddenSeriesStayHiddenAcrossRedraws();
    void stackedAreasAddUpWithGapsAsZero();
    void timeLabelsFitEveryPresetRange_data();
    void timeLabelsFitEveryPresetRange();
    void darkPaletteDarkensTheChart();
    void screenshots_data();
    void screenshots();
    void decimatesOnlyDenseSeries();
    void rollupRangeIsDrawnAsABand();
};

void TestChartPanel::timeRangeSpansTheAxis()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(900, 400));
    // Without a range the axis spans the data: four samples, a minute apart.
    QCOMPARE(panel.axisStartMs(), at("2026-03-02T14:00:00Z"));
    QCOMPARE(panel.axisEndMs(), at("2026-03-02T14:03:00Z"));

    const qint64 start = now - 6 * hourMs, end = now;
    panel.setTimeRange(start, end);
    QCoreApplication::processEvents();
    QCOMPARE(panel.axisStartMs(), start);
    QCOMPARE(panel.axisEndMs(), end);
    const QRectF plot = panel.plotArea();
    QCOMPARE(panel.timeAt(plot.left()), start);
    QCOMPARE(panel.timeAt(plot.right()), end);
    // The ticks fill the window, not just the 3 minutes of data.
    const QList<TimeTick> ticks = panel.timeAxisTicks();
    QVERIFY(ticks.size() >= 3);
    QVERIFY(ticks.front().ms < at("2026-03-02T11:00:00Z"));

    panel.clearTimeRange();
    QCOMPARE(panel.axisStartMs(), at("2026-03-02T14:00:00Z"));
}

void TestChartPanel::dragSelectsARange()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    panel.setTimeRange(now - dayMs, now);
    showAt(panel, QSize(1000, 400));
    QSignalSpy selected(&panel, &ChartPanel::rangeSelected);
    QWidget *viewport = panel.chartViewport();
    const QRectF plot = panel.plotArea();
    const QPoint from(int(plot.left()) + 400, int(plot.center().y()));
    const QPoint to(int(plot.left()) + 150, int(plot.center().y()) + 20); // leftwards, a little down

    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, to);
    const QRubberBand *band = viewport->findChild<QRubberBand *>();
    QVERIFY(band && band->isVisible());
    QCOMPARE(band->geometry().left(), to.x());
    QCOMPARE(band->geometry().top(), int(plot.top()));
    QVERIFY(band->geometry().height() >= int(plot.height()) - 1); // the whole height: a time range
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-drag.png"))));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);

    QCOMPARE(selected.size(), 1);
    const qint64 startMs = selected.front().at(0).toLongLong();
    const qint64 endMs = selected.front().at(1).toLongLong();
    QCOMPARE(startMs, panel.timeAt(to.x()));
    QCOMPARE(endMs, panel.timeAt(from.x()));
    QVERIFY(startMs < endMs);
    QVERIFY(!band->isVisible());
    // The panel does not zoom itself: the dashboard's shared range does, through setTimeRange.
    QCOMPARE(panel.axisStartMs(), now - dayMs);
}

void TestChartPanel::shortDragIsAClick()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(1000, 400));
    QSignalSpy selected(&panel, &ChartPanel::rangeSelected);
    const QPoint from = panel.plotArea().center().toPoint();
    QTest::mousePress(panel.chartViewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(panel.chartViewport(), from + QPoint(3, 0));
    QTest::mouseRelease(panel.chartViewport(), Qt::LeftButton, {}, from + QPoint(3, 0));
    QCOMPARE(selected.size(), 0);
}

void TestChartPanel::doubleClickAsksToZoomOut()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(1000, 400));
    QSignalSpy zoomOut(&panel, &ChartPanel::zoomOutRequested);
    QSignalSpy selected(&panel, &ChartPanel::rangeSelected);
    QTest::mouseDClick(panel.chartViewport(), Qt::LeftButton, {}, panel.plotArea().center().toPoint());
    QCOMPARE(zoomOut.size(), 1);
    QCOMPARE(selected.size(), 0);
}

void TestChartPanel::toolTipNamesTimeValuesAndGaps()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    // The nearest sample: 14:01 for 14:01:29, its values with their unit.
    QCOMPARE(panel.toolTipText(at("2026-03-02T14:01:29Z")),
        QStringLiteral("2 Mar 2026 14:01:00\nbatch: 20.0%\ninteractive: 5.5%"));
    // A gap says so.
    QCOMPARE(panel.toolTipText(at("2026-03-02T14:01:31Z")),
        QStringLiteral("2 Mar 2026 14:02:00\nbatch: no data\ninteractive: 7.0%"));
    // Outside the data: the time under the mouse, no data.
    QCOMPARE(panel.toolTipText(at("2026-03-02T10:00:00Z")),
        QStringLiteral("2 Mar 2026 10:00:00\nbatch: no data\ninteractive: no data"));
    // Hidden series are left out; stacked, the total is added (gaps as 0).
    panel.setSeriesVisible(1, false);
    QCOMPARE(
        panel.toolTipText(at("2026-03-02T14:03:00Z")), QStringLiteral("2 Mar 2026 14:03:00\nbatch: 40.0%"));
    panel.setSeriesVisible(1, true);
    panel.setStacked(true);
    QCOMPARE(panel.toolTipText(at("2026-03-02T14:02:00Z")),
        QStringLiteral("2 Mar 2026 14:02:00\nbatch: no data\ninteractive: 7.0%\nTotal: 7.0%"));
}

void TestChartPanel::hoverShowsTheToolTip()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(900, 400));
    const QRectF plot = panel.plotArea();
    // A third of the way: 14:01, the second sample.
    const QPoint point(int(plot.left() + plot.width() / 3), int(plot.center().y()));
    // QTest::mouseMove without a button only moves the cursor, which the offscreen platform does not
    // turn into events: send the hover move itself.
    QMouseEvent move(QEvent::MouseMove, point, panel.chartViewport()->mapToGlobal(point), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(panel.chartViewport(), &move);
    QTRY_COMPARE(QToolTip::text(), panel.toolTipText(panel.timeAt(point.x())));
    QVERIFY(QToolTip::text().contains(QLatin1String("14:01:00")));
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-hover.png"))));
}

void TestChartPanel::legendClickHidesAndShowsASeries()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(900, 400));
    QVERIFY(!panel.drawnSegments(0).empty());

    const QPoint entry = legendEntry(panel, QStringLiteral("batch"));
    QVERIFY(!entry.isNull());
    QTest::mouseClick(panel.chartViewport(), Qt::LeftButton, {}, entry);
    QVERIFY(!panel.isSeriesVisible(0));
    QVERIFY(panel.isSeriesVisible(1));
    QVERIFY(panel.drawnSegments(0).empty());
    // The entry stays, dimmed, so that it can be clicked back on.
    const QList<QLegendMarker *> markers = chartOf(panel)->legend()->markers();
    const auto visibleMarkers
        = std::count_if(markers.begin(), markers.end(), [](QLegendMarker *m) { return m->isVisible(); });
    QCOMPARE(visibleMarkers, 2);
    const auto batch = std::find_if(markers.begin(), markers.end(),
        [](QLegendMarker *m) { return m->isVisible() && m->label() == QLatin1String("batch"); });
    QVERIFY(batch != markers.end());
    QVERIFY((*batch)->brush().color().alpha() < 128);
    QCoreApplication::processEvents(); // the axes lay out again
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-hidden-series.png"))));

    QTest::mouseClick(panel.chartViewport(), Qt::LeftButton, {}, legendEntry(panel, QStringLiteral("batch")));
    QVERIFY(panel.isSeriesVisible(0));
    QCOMPARE(panel.drawnSegments(0).size(), size_t(2)); // two runs: the gap breaks the line
}

void TestChartPanel::hiddenSeriesStayHiddenAcrossRedraws()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    panel.setSeriesVisible(1, false);
    QueryResult next = smallResult();
    next.startMs += minuteMs; // the window slides on
    next.series[1].values = { 3, 4, 5, 6 };
    model.setResult(next);
    QTRY_COMPARE(panel.axisStartMs(), next.startMs);
    QVERIFY(!panel.isSeriesVisible(1));
    QVERIFY(panel.drawnSegments(1).empty());
    QVERIFY(panel.isSeriesVisible(0));
}

void TestChartPanel::stackedAreasAddUpWithGapsAsZero()
{
    TimeSeriesModel model(QStringLiteral("queue_running_by_partition"), QStringLiteral("jobs"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    panel.setStacked(true);
    showAt(panel, QSize(900, 400));
    const qint64 t0 = at("2026-03-02T14:00:00Z");
    auto points = [t0](std::initializer_list<double> values) {
        QList<QPointF> list;
        for (double v : values)
            list.append(QPointF(double(t0 + list.size() * minuteMs), v));
        return list;
    };
    QCOMPARE(panel.drawnSegments(0), std::vector<QList<QPointF>> { points({ 10, 20, 0, 40 }) });
    QCOMPARE(panel.drawnSegments(1), std::vector<QList<QPointF>> { points({ 10, 25.5, 7, 41 }) });
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-stacked-small.png"))));

    // Hiding the bottom series restacks the other on zero.
    panel.setSeriesVisible(0, false);
    QCOMPARE(panel.drawnSegments(1), std::vector<QList<QPointF>> { points({ 0, 5.5, 7, 1 }) });
    QVERIFY(panel.drawnSegments(0).empty());
}

void TestChartPanel::timeLabelsFitEveryPresetRange_data()
{
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<int>("width");
    const std::pair<const char *, qint64> ranges[] = { { "1 h", hourMs }, { "6 h", 6 * hourMs },
        { "24 h", dayMs }, { "7 d", 7 * dayMs }, { "30 d", 30 * dayMs }, { "90 d", 90 * dayMs },
        { "1 y", 365 * dayMs }, { "custom 41 h", 41 * hourMs } };
    for (const auto &[name, range] : ranges)
        for (int width : { 400, 600, 1200, 1900 })
            QTest::addRow("%s %d px", name, width) << range << width;
}

// Not just the chosen ticks: the labels Qt Charts actually shows (it hides those it thinks overlap,
// and truncates those too wide for their share of the axis).
void TestChartPanel::timeLabelsFitEveryPresetRange()
{
    QFETCH(qint64, rangeMs);
    QFETCH(int, width);
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(smallResult());
    ChartPanel panel;
    panel.setModel(&model);
    panel.setTimeRange(now - rangeMs, now);
    showAt(panel, QSize(width, 400));

    const QList<TimeTick> ticks = panel.timeAxisTicks();
    QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(ticks.size())));
    const QRectF chartArea = chartOf(panel)->rect();
    const QRectF plot = chartOf(panel)->plotArea();
    QList<QRectF> rects;
    for (const TimeTick &tick : ticks) {
        const QList<QGraphicsTextItem *> items = textItems(panel, tick.label);
        // A label may repeat ("12:00" every day): the one under this tick.
        const double x = plot.left() + double(tick.ms - panel.axisStartMs()) / double(rangeMs) * plot.width();
        const auto item = std::find_if(items.begin(), items.end(), [&](QGraphicsTextItem *i) {
            return i->sceneBoundingRect().top() >= plot.bottom()
                && std::abs(i->sceneBoundingRect().center().x() - x) < 2;
        });
        QVERIFY2(item != items.end(), qPrintable(tick.label + QLatin1String(" is not shown")));
        rects.append((*item)->sceneBoundingRect());
    }
    for (qsizetype i = 0; i < rects.size(); ++i) {
        QVERIFY2(chartArea.contains(rects[i]), qPrintable(ticks[i].label + QLatin1String(" is clipped")));
        if (i > 0)
            QVERIFY2(rects[i - 1].right() < rects[i].left(),
                qPrintable(ticks[i].label + QLatin1String(" overlaps")));
    }
    if (width == 400) {
        const QString name
            = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-labels-%1.png").arg(name))));
    }
}

void TestChartPanel::darkPaletteDarkensTheChart()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    QueryResult eight = smallResult();
    for (int s = 2; s < 8; ++s)
        eight.series.push_back(
            Series { QStringLiteral("p%1").arg(s), {}, { 1.0 * s, 2.0 * s, 3.0 * s, 4.0 * s } });
    model.setResult(eight);
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(900, 400));
    QChart *chart = chartOf(panel);
    QVERIFY(chart->backgroundBrush().color().lightness() > 200);
    const QColor lightEighth = chart->legend()->markers().at(7)->brush().color();

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    dark.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    // As the dashboard does it: on the application, which tells every widget.
    const QPalette light = QApplication::palette();
    QApplication::setPalette(dark);
    auto restore = qScopeGuard([&] { QApplication::setPalette(light); });
    QCoreApplication::processEvents();
    QVERIFY(chart->backgroundBrush().color().lightness() < 60);
    QVERIFY(chart->legend()->labelColor().lightness() > 200);
    QVERIFY(chart->titleBrush().color().lightness() > 200);
    // The Okabe–Ito colours stay, except black, which turns light.
    QCOMPARE(chart->legend()->markers().at(0)->brush().color(), QColor(0x0072b2));
    QVERIFY(lightEighth.lightness() < 30);
    QVERIFY(chart->legend()->markers().at(7)->brush().color().lightness() > 200);
    QCoreApplication::processEvents();
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-dark-eight-series.png"))));
}

void TestChartPanel::screenshots_data()
{
    QTest::addColumn<QString>("queryId");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<bool>("stacked");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("width");
    for (int width : { 1900, 600 }) {
        const QString gpu = QStringLiteral("gpu_util_by_partition"), percent = QStringLiteral("%");
        QTest::addRow("24h-%d", width) << gpu << percent << dayMs << minuteMs << false << false << width;
        QTest::addRow("7d-%d", width)
            << gpu << percent << 7 * dayMs << 5 * minuteMs << false << false << width;
        // A year at 5 minutes: 105,120 points a series, decimated.
        QTest::addRow("1y-%d", width)
            << gpu << percent << 365 * dayMs << 5 * minuteMs << false << false << width;
        QTest::addRow("stacked-%d", width)
            << QStringLiteral("queue_running_by_partition") << QStringLiteral("jobs") << dayMs << minuteMs
            << true << false << width;
        QTest::addRow("dark-7d-%d", width)
            << gpu << percent << 7 * dayMs << 5 * minuteMs << false << true << width;
        QTest::addRow("dark-stacked-%d", width)
            << QStringLiteral("queue_running_by_partition") << QStringLiteral("jobs") << 7 * dayMs
            << 5 * minuteMs << true << true << width;
    }
}

void TestChartPanel::screenshots()
{
    QFETCH(QString, queryId);
    QFETCH(QString, unit);
    QFETCH(qint64, rangeMs);
    QFETCH(qint64, stepMs);
    QFETCH(bool, stacked);
    QFETCH(bool, dark);
    QFETCH(int, width);
    TimeSeriesModel model(queryId, unit);
    model.setResult(simulated(queryId, rangeMs, stepMs));
    QVERIFY(model.result().series.size() >= 2);
    ChartPanel panel;
    if (dark) {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        palette.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1e));
        palette.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        panel.setPalette(palette);
    }
    panel.setTitle(stacked ? QStringLiteral("Jobs running by partition")
                           : QStringLiteral("GPU utilisation by partition"));
    if (!stacked)
        panel.setFixedValueRange(0, 100);
    panel.setStacked(stacked);
    panel.setModel(&model);
    panel.setTimeRange(now - rangeMs, now);
    showAt(panel, QSize(width, 500));
    QVERIFY(panel.placeholderText().isEmpty());
    QVERIFY(panel.timeAxisTicks().size() >= 2);
    qInfo("%s: %lld samples, %lld points drawn", QTest::currentDataTag(), panel.modelPointCount(),
        panel.drawnPointCount());
    QVERIFY(panel.grab().save(
        outputPath(QStringLiteral("chartpanel-%1.png").arg(QLatin1String(QTest::currentDataTag())))));
}

void TestChartPanel::decimatesOnlyDenseSeries()
{
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    ChartPanel panel;
    panel.setModel(&model);
    showAt(panel, QSize(900, 400));
    const int columns = int(panel.plotArea().width());

    // A day at a minute on ~800 columns: under twice the columns, every point is drawn.
    model.setResult(simulated(QStringLiteral("gpu_util_by_partition"), dayMs, minuteMs));
    QTRY_COMPARE(panel.drawnPointCount(), qsizetype(4 * 1440));
    QCOMPARE(panel.modelPointCount(), qsizetype(4 * 1440));
    // A week at a minute: decimated to a few points per column.
    model.setResult(simulated(QStringLiteral("gpu_util_by_partition"), 7 * dayMs, minuteMs));
    QTRY_VERIFY(panel.axisEndMs() - panel.axisStartMs() > 6 * dayMs);
    QCOMPARE(panel.modelPointCount(), qsizetype(4 * 7 * 1440));
    QVERIFY2(panel.drawnPointCount() <= 4 * 6 * (columns + 8),
        qPrintable(QString::number(panel.drawnPointCount())));
    QCOMPARE(panel.pointCount(), panel.modelPointCount());
    // Redecimated when the plot area widens.
    const qsizetype narrow = panel.drawnPointCount();
    panel.resize(1800, 400);
    QTRY_VERIFY(panel.drawnPointCount() > narrow * 3 / 2);
}

void TestChartPanel::rollupRangeIsDrawnAsABand()
{
    // 30 days of the simulated centre's partitions at 1 min in the cache, shown at the 30-day view's
    // 30 min step: read from the 5 min rollups, with each step's minimum and maximum.
    const QString id = QStringLiteral("tensor_active_by_partition");
    const qint64 end = now / (30 * minuteMs) * (30 * minuteMs);
    const qint64 start = end - 30 * dayMs;
    static Simulation simulation(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    const QueryResult fine = simulation.evaluate(QueryRequest { id, start, end, minuteMs });
    SampleStore store(QStringLiteral("chartpanel-rollups"));
    QString error;
    QVERIFY2(store.open(QStringLiteral(":memory:"), &error), qPrintable(error));
    QVERIFY2(store.write(fine, &error), qPrintable(error));
    const QueryResult rolled = store.read(QueryRequest { id, start, end, 30 * minuteMs });
    QVERIFY(!rolled.series.empty() && rolled.series.front().hasRange());
    // What a point sample every 30 min shows instead.
    const QueryResult sampled = simulation.evaluate(QueryRequest { id, start, end, 30 * minuteMs });

    TimeSeriesModel model(id, QStringLiteral("%"));
    model.setResult(rolled);
    ChartPanel panel;
    panel.setTitle(QStringLiteral("Tensor-pipe activity by partition, 30 days (5 min rollups)"));
    panel.setModel(&model);
    panel.setTimeRange(start, end);
    showAt(panel, QSize(1300, 420));
    QVERIFY(panel.grab().save(outputPath(QStringLiteral("chartpanel-rollup-band.png"))));

    for (int s = 0; s < panel.seriesCount(); ++s) {
        const Series &series = rolled.series[size_t(s)];
        const Series *fineSeries = fine.findSeries(series.name);
        const Series *sampledSeries = sampled.findSeries(series.name);
        QVERIFY(fineSeries && sampledSeries);
        double bandTop = -1, lineTop = -1;
        for (const QList<QPointF> &band : panel.drawnEnvelope(s))
            for (const QPointF &point : band)
                bandTop = std::max(bandTop, point.y());
        for (const QList<QPointF> &run : panel.drawnSegments(s))
            for (const QPointF &point : run)
                lineTop = std::max(lineTop, point.y());
        const auto top = [](const std::vector<double> &values) {
            double m = -1;
            for (double v : values)
                if (std::isfinite(v))
                    m = std::max(m, v);
            return m;
        };
        // The band reaches the highest 1 min sample of the month, which the line of means does not.
        QCOMPARE(bandTop, top(fineSeries->values));
        QVERIFY2(lineTop < bandTop, qPrintable(series.name));
        QVERIFY(top(sampledSeries->values) <= bandTop);
    }
    // A result without a range draws no band.
    model.setResult(sampled);
    QCoreApplication::processEvents();
    QTRY_VERIFY(panel.drawnEnvelope(0).empty() && !panel.drawnSegments(0).empty());
}

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
