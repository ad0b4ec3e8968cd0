// The node heatmap: a row per node of its model in name order, the colour of a cell its utilisation
// on the scale, gaps grey, hover text naming node, time and value, and a click or Enter naming the
// node. Filled by hand for exact cells, and from the simulated centre for realistic sizes.
#include "NodeHeatmapView.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

namespace {

constexpr qint64 kMinute = 60 * 1000;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

Series constant(const QString &name, int points, double value)
{
    Series series;
    series.name = name;
    series.labels = { { QStringLiteral("node"), name } };
    series.values.assign(size_t(points), value);
    return series;
}

bool grey(const QColor &colour)
{
    return colour.red() == colour.green() && colour.green() == colour.blue();
}

// Relative luminance (WCAG), which viridis raises steadily from one end to the other.
double luminance(const QColor &colour)
{
    auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

} // namespace

class TestNodeHeatmap : public QObject
{
    Q_OBJECT

    const qint64 m_start = utcMs("2026-03-02T00:00:00Z");
    static constexpr int kPoints = 60;

    // Nodes out of name order: n10 busy throughout, n2 idle, n1 without data, n3 idle then without data.
    QueryResult handMade() const
    {
        QueryResult result;
        result.queryId = QStringLiteral("node_gpu_util");
        result.startMs = m_start;
        result.stepMs = kMinute;
        Series n3 = constant(QStringLiteral("n3"), kPoints, 0);
        std::fill(n3.values.begin() + kPoints / 2, n3.values.end(), qQNaN());
        result.series
            = { constant(QStringLiteral("n10"), kPoints, 100), constant(QStringLiteral("n2"), kPoints, 0),
                  constant(QStringLiteral("n1"), kPoints, qQNaN()), n3 };
        return result;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void scale()
    {
        // viridis' ends, and a gap colour no utilisation takes.
        QCOMPARE(NodeHeatmapView::colourFor(0), QColor(0x44, 0x01, 0x54));
        QCOMPARE(NodeHeatmapView::colourFor(100), QColor(0xfd, 0xe7, 0x25));
        QCOMPARE(NodeHeatmapView::colourFor(150), NodeHeatmapView::colourFor(100));
        QVERIFY(grey(NodeHeatmapView::noDataColour()));
        // Luminance rises with utilisation, so that the order reads without colour too.
        for (int percent = 5; percent <= 100; percent += 5)
            QVERIFY(luminance(NodeHeatmapView::colourFor(percent))
                > luminance(NodeHeatmapView::colourFor(percent - 5)));
    }

    void rowsAreTheModelsNodesInNameOrder()
    {
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        NodeHeatmapView view;
        view.setModel(&model);
        QCOMPARE(view.nodeRowCount(), 0);
        model.setResult(handMade());
        QCOMPARE(view.nodeRowCount(), model.columnCount());
        QCOMPARE(view.nodeNames(),
            QStringList(
                { QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3"), QStringLiteral("n10") }));
    }

    void cellsHaveTheirColours()
    {
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(handMade());
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(640, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        const qint64 t = m_start + 10 * kMinute;
        const QPoint idle = view.pointOf(QStringLiteral("n2"), t);
        const QPoint busy = view.pointOf(QStringLiteral("n10"), t);
        const QPoint gap = view.pointOf(QStringLiteral("n1"), t);
        QVERIFY(view.plotRect().contains(idle) && view.plotRect().contains(busy)
            && view.plotRect().contains(gap));
        QCOMPARE(image.pixelColor(idle), NodeHeatmapView::colourFor(0));
        QCOMPARE(image.pixelColor(busy), NodeHeatmapView::colourFor(100));
        QVERIFY(grey(image.pixelColor(gap)));
        // n3 idles, then reports nothing.
        QCOMPARE(image.pixelColor(view.pointOf(QStringLiteral("n3"), t)), NodeHeatmapView::colourFor(0));
        QVERIFY(grey(image.pixelColor(view.pointOf(QStringLiteral("n3"), m_start + 50 * kMinute))));
        // Rows from the top in name order.
        QVERIFY(view.pointOf(QStringLiteral("n1"), t).y() < view.pointOf(QStringLiteral("n2"), t).y());
        QVERIFY(view.pointOf(QStringLiteral("n3"), t).y() < view.pointOf(QStringLiteral("n10"), t).y());
        QVERIFY(view.grab().save(outputPath(QStringLiteral("heatmap-handmade.png"))));
    }

    void hoverNamesNodeTimeAndValue()
    {
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(handMade());
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(640, 300);
        const qint64 t = m_start + 30 * kMinute;
        const QString busy = view.toolTipAt(view.pointOf(QStringLiteral("n10"), t));
        QVERIFY2(busy.startsWith(QLatin1String("n10\n")), qPrintable(busy));
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), QLocale::ShortFormat);
        QVERIFY2(busy.contains(when), qPrintable(busy + QLatin1String(" / ") + when));
        QVERIFY2(busy.endsWith(QLatin1String("GPU utilisation 100.0%")), qPrintable(busy));
        const QString gap = view.toolTipAt(view.pointOf(QStringLiteral("n1"), t));
        QVERIFY2(
            gap.startsWith(QLatin1String("n1\n")) && gap.endsWith(QLatin1String("no data")), qPrintable(gap));
        // Outside the plot, nothing; over the labels, the node.
        QCOMPARE(view.toolTipAt(QPoint(view.viewport()->width() - 2, 2)), QString());
        const QPoint label(view.plotRect().left() / 2, view.pointOf(QStringLiteral("n2"), t).y());
        QCOMPARE(view.toolTipAt(label), QStringLiteral("n2"));
    }

    void clickAndEnterActivateTheNode()
    {
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(handMade());
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(640, 300);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QSignalSpy activated(&view, &NodeHeatmapView::nodeActivated);

        // From the keyboard: focus starts on the first node; Down moves to the next; Enter opens it.
        QVERIFY(view.focusPolicy() & Qt::TabFocus);
        view.setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view.hasFocus());
        QVERIFY(view.currentIndex().isValid());
        QCOMPARE(
            model.headerData(view.currentIndex().column(), Qt::Horizontal).toString(), QStringLiteral("n1"));
        QTest::keyClick(&view, Qt::Key_Down);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("n2"));

        QTest::mouseClick(
            view.viewport(), Qt::LeftButton, {}, view.pointOf(QStringLiteral("n3"), m_start + 20 * kMinute));
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("n3"));
        // A press on one node and release on another is no click on either.
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, view.pointOf(QStringLiteral("n1"), m_start));
        QTest::mouseRelease(
            view.viewport(), Qt::LeftButton, {}, view.pointOf(QStringLiteral("n10"), m_start));
        QCOMPARE(activated.size(), 2);
    }

    void imageIsBuiltOnlyWhenModelOrSizeChanges()
    {
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(handMade());
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(640, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->repaint();
        const int built = view.imageBuildCount();
        QVERIFY(built >= 1);
        view.viewport()->repaint();
        view.toolTipAt(view.pointOf(QStringLiteral("n2"), m_start));
        view.viewport()->repaint();
        QCOMPARE(view.imageBuildCount(), built);

        QueryResult changed = handMade();
        changed.series[1].values[5] = 55; // n2
        model.setResult(changed);
        view.viewport()->repaint();
        QCOMPARE(view.imageBuildCount(), built + 1);
        QCOMPARE(view.viewport()->grab().toImage().pixelColor(
                     view.pointOf(QStringLiteral("n2"), m_start + 5 * kMinute)),
            NodeHeatmapView::colourFor(55));

        view.resize(700, 320);
        view.viewport()->repaint();
        QCOMPARE(view.imageBuildCount(), built + 2);
    }

    // A day of the simulated 3,000-GPU centre: every node a row, without scrolling at a page's size.
    void simulatedCentre()
    {
        SimulationConfig config;
        config.seed = 7;
        config.targetGpus = 3000;
        Simulation simulation(config);
        const qint64 end = utcMs("2026-03-02T09:00:00Z");
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(simulation.evaluate(
            QueryRequest { QStringLiteral("node_gpu_util"), end - 24 * 60 * kMinute, end, kMinute }));
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(960, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.nodeRowCount(), int(simulation.nodes().size()));
        QCOMPARE(view.nodeRowCount(), model.columnCount());
        QCOMPARE(view.verticalScrollBar()->maximum(), 0);
        view.resize(961, 480); // a new size: the image is built again
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        qInfo("%d nodes x %d samples: image built and painted in %lld ms", view.nodeRowCount(),
            model.rowCount(), timer.elapsed());
        QVERIFY(view.grab().save(outputPath(QStringLiteral("heatmap-3000-gpus.png"))));
    }

    // At 10,000 GPUs (1,250 nodes) each node keeps a pixel row and the view scrolls to reach them all.
    void moreNodesThanPixelRowsScroll()
    {
        QueryResult result;
        result.queryId = QStringLiteral("node_gpu_util");
        result.startMs = m_start;
        result.stepMs = kMinute;
        for (int node = 1; node <= 1250; ++node)
            result.series.push_back(constant(
                QStringLiteral("aisc-gpu-%1").arg(node, 4, 10, QLatin1Char('0')), 1440, double(node % 101)));
        TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
        model.setResult(result);
        NodeHeatmapView view;
        view.setModel(&model);
        view.resize(960, 480);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.nodeRowCount(), 1250);
        QVERIFY(view.verticalScrollBar()->maximum() > 0);
        const QString last = QStringLiteral("aisc-gpu-1250");
        QCOMPARE(view.pointOf(last, m_start), QPoint(-1, -1)); // below the fold
        view.scrollTo(model.index(0, 1249));
        const QPoint point = view.pointOf(last, m_start);
        QVERIFY(view.plotRect().contains(point));
        QCOMPARE(view.nodeAt(point), last);
        view.resize(961, 480);
        QElapsedTimer timer;
        timer.start();
        view.viewport()->repaint();
        qInfo("1250 nodes x 1440 samples: image built and painted in %lld ms", timer.elapsed());
        QCOMPARE(view.viewport()->grab().toImage().pixelColor(point), NodeHeatmapView::colourFor(1250 % 101));
    }
};

QTEST_MAIN(TestNodeHeatmap)
#include "tst_nodeheatmap.moc"
