// A chart's own exports, as its context menu makes them: images at the size asked for, data as CSV.
#include "ChartExporter.h"
#include "ChartPanel.h"
#include "ImageDiff.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestChartExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Simulation simulation(SimulationConfig { 7, Roadmap::builtIn(), 3000 });
        const qint64 end = QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
        m_model.setResult(simulation.evaluate(
            { QStringLiteral("gpu_util_by_partition"), end - 24 * 3600 * 1000LL, end, 60 * 1000 }));
        m_panel.setTitle(QStringLiteral("GPU utilisation by partition"));
        m_panel.setFixedValueRange(0, 100);
        m_panel.setModel(&m_model);
        m_panel.resize(900, 400);
        m_panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_panel));
    }

    void imagesAtTheSizeAsked()
    {
        QString error;
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        QVERIFY2(m_panel.exportImage(png, QSize(800, 450), &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 900));
        // The panel on screen keeps its size: the export draws a copy.
        QCOMPARE(m_panel.size(), QSize(900, 400));

        const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(m_panel.exportImage(svg, QSize(800, 450), &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("GPU utilisation by partition"));
        QVERIFY(!text.contains("<polyline"));

        QVERIFY(!m_panel.exportImage(m_dir.filePath(QStringLiteral("chart.gif")), QSize(800, 450), &error));
        QVERIFY2(
            error.contains(QLatin1String("chart.gif")) && error.contains(QLatin1String(".png, .svg or .pdf")),
            qPrintable(error));
    }

    // Printing records the page on screen as a QPicture and plays it on paper: what it draws must be
    // what the screen shows, legend included. Inside a page (not on its own) a chart's legend entries
    // once vanished from the recording, all but the first.
    void recordedAsOnScreen()
    {
        QWidget page;
        auto *panel = new ChartPanel(&page);
        panel->setTitle(QStringLiteral("GPU utilisation by partition"));
        panel->setFixedValueRange(0, 100);
        panel->setModel(&m_model);
        panel->setGeometry(40, 80, 900, 400);
        page.resize(980, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(panel->placeholderText().isEmpty());
        // The legend lays itself out on a later turn of the event loop than the first draw.
        QTest::qWait(200);

        const QImage screen = page.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QImage recorded(screen.size(), QImage::Format_RGB32);
        recorded.fill(screen.pixel(panel->geometry().center().x(), panel->geometry().bottom() - 1));
        {
            QPainter painter(&recorded);
            ChartExporter::renderAsVectors(&page, painter, QPointF(0, 0));
        }
        recorded.save(m_dir.filePath(QStringLiteral("recorded.png")));
        // The share of the chart's pixels that differ plainly (not by antialiasing): overall, and in
        // the strip at the bottom where the legend's entries are.
        auto differing = [&](int top) {
            const QRect area = panel->geometry().adjusted(0, top, 0, 0);
            return double(differingPixels(screen, recorded, area, 96)) / double(area.width() * area.height());
        };
        const double overall = differing(0), legend = differing(panel->height() - 50);
        qInfo("recorded against screen: %.4f%% of the chart's pixels differ, %.4f%% of the legend strip's",
            overall * 100, legend * 100);
        QVERIFY2(legend < 0.001,
            qPrintable(QString::number(legend * 100) + QLatin1String("% of the legend strip differs")));
        QVERIFY2(overall < 0.001,
            qPrintable(QString::number(overall * 100) + QLatin1String("% of the chart differs")));
    }

    void hiddenSeriesStayHiddenInTheExport()
    {
        m_panel.setSeriesVisible(1, false);
        const std::unique_ptr<ChartPanel> copy = m_panel.copy();
        QVERIFY(!copy->isSeriesVisible(1));
        QVERIFY(copy->isSeriesVisible(0));
        QCOMPARE(copy->title(), m_panel.title());
        m_panel.setSeriesVisible(1, true);
    }

    void csvHoldsTheModelsValues()
    {
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("chart.csv"));
        QVERIFY2(m_panel.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> rows = file.readAll().split('\n');
        rows.removeAll(QByteArray());
        const QueryResult &result = m_model.result();
        QCOMPARE(rows.size(), 1 + result.pointCount());
        for (int i = 0; i < result.pointCount(); i += 97) {
            const QList<QByteArray> cells = rows.at(1 + i).trimmed().split(',');
            for (size_t s = 0; s < result.series.size(); ++s) {
                const double value = result.series[s].values[size_t(i)];
                if (std::isnan(value))
                    QVERIFY(cells.at(qsizetype(s) + 1).isEmpty());
                else
                    QCOMPARE(std::strtod(cells.at(qsizetype(s) + 1).constData(), nullptr), value);
            }
        }
    }

private:
    QTemporaryDir m_dir;
    TimeSeriesModel m_model { QStringLiteral("gpu_util_by_partition"), QStringLiteral("%") };
    ChartPanel m_panel;
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
