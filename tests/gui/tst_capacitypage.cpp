// The Capacity page on the simulated centre, under the offscreen platform, at the size a page has in
// the window at 1920×1080 and 1366×768: headline figures, the roadmap chart with its labels clear of
// each other, the precision switch, and the peak table. PNGs go to $AISC_TEST_OUTPUT.
#include "CapacityPage.h"
#include "CapacitySummary.h"
#include "GpuPeakTable.h"
#include "PageSize.h"
#include "RoadmapChart.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <memory>

namespace {

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

// The four capacity queries over the roadmap chart's span, as the dashboard fetches them.
struct CapacityModels
{
    std::unique_ptr<TimeSeriesModel> installed16, delivered16, installed8, delivered8;

    CapacityModels(Simulation &simulation, qint64 nowMs)
    {
        auto make = [&](const QString &id) {
            auto model = std::make_unique<TimeSeriesModel>(id, QStringLiteral("PFLOPS"));
            model->setResult(
                simulation.evaluate(CapacitySummary::roadmapRequest(id, Roadmap::builtIn(), nowMs)));
            return model;
        };
        installed16 = make(CapacitySummary::installedQueryId(Precision::DenseFp16Bf16));
        delivered16 = make(CapacitySummary::deliveredQueryId(Precision::DenseFp16Bf16));
        installed8 = make(CapacitySummary::installedQueryId(Precision::DenseFp8));
        delivered8 = make(CapacitySummary::deliveredQueryId(Precision::DenseFp8));
    }

    void wire(CapacityPage &page) const
    {
        page.setCapacityModels(Precision::DenseFp16Bf16, installed16.get(), delivered16.get());
        page.setCapacityModels(Precision::DenseFp8, installed8.get(), delivered8.get());
    }
};

// No two labels overlap, and each lies inside the plot.
QString labelProblems(const RoadmapChart *chart)
{
    const QList<QRectF> rects = chart->calloutRects();
    const QStringList texts = chart->calloutTexts();
    const QRectF plot = chart->plotArea();
    QStringList problems;
    for (qsizetype i = 0; i < rects.size(); ++i) {
        if (!plot.contains(rects.at(i)))
            problems.append(QStringLiteral("'%1' leaves the plot").arg(texts.at(i)));
        for (qsizetype j = i + 1; j < rects.size(); ++j)
            if (rects.at(i).intersects(rects.at(j)))
                problems.append(QStringLiteral("'%1' overlaps '%2'").arg(texts.at(i), texts.at(j)));
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace

class TestCapacityPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void waitingWithoutData();
    void scaledCentre_data();
    void scaledCentre();
    void precisionSwitchesFiguresNotTheRoadmap();
    void fullCentreReachesEveryMilestone_data();
    void fullCentreReachesEveryMilestone();

private:
    // The size of a page in the main window at the given window size.
    void showAt(CapacityPage &page, const QSize &window);

    const qint64 m_now = utcMs("2026-03-02T00:00:00Z");
    std::unique_ptr<Simulation> m_scaled;
    std::unique_ptr<CapacityModels> m_scaledModels;
};

void TestCapacityPage::initTestCase()
{
    m_scaled = std::make_unique<Simulation>(SimulationConfig { .seed = 7, .targetGpus = 3000 });
    m_scaledModels = std::make_unique<CapacityModels>(*m_scaled, m_now);
}

void TestCapacityPage::showAt(CapacityPage &page, const QSize &window)
{
    page.resize(pageSizeInWindow(window));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::qWait(150); // models' updates and the chart's layout are queued
}

void TestCapacityPage::waitingWithoutData()
{
    CapacityPage page;
    showAt(page, QSize(1366, 768));
    QCOMPARE(page.headlineText(), QStringLiteral("Installed capacity: waiting for data…"));
    QCOMPARE(page.deliveredText(), QStringLiteral("Delivered compute: waiting for data…"));
    QCOMPARE(page.roadmapChart()->placeholderText(), QStringLiteral("Waiting for data…"));
    QCOMPARE(page.roadmapChart()->installedPointCount(), 0);
}

void TestCapacityPage::scaledCentre_data()
{
    QTest::addColumn<QSize>("window");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1366x768") << QSize(1366, 768);
}

// A centre of 3,000 GPUs is 1% short of the roadmap's 3,000 PFLOPS (3,032 GPUs): the page says by how
// much, and that the milestone's date has passed.
void TestCapacityPage::scaledCentre()
{
    QFETCH(QSize, window);
    CapacityPage page;
    m_scaledModels->wire(page);
    page.setNow(m_now);
    showAt(page, window);

    const QueryRequest request = CapacitySummary::roadmapRequest(
        QStringLiteral("capacity_installed_pflops"), Roadmap::builtIn(), m_now);
    const RoadmapChart *chart = page.roadmapChart();
    QCOMPARE(chart->installedPointCount(), qsizetype(request.pointCount()));
    QVERIFY(chart->deliveredPointCount() > request.pointCount() / 2);
    QVERIFY(chart->roadmapPointCount() >= 8);
    QCOMPARE(chart->legendNames(),
        (QStringList { QStringLiteral("Roadmap"), QStringLiteral("Installed capacity"),
            QStringLiteral("Delivered compute") }));
    QCOMPARE(chart->valueAxisTitle(), QStringLiteral("PFLOPS, dense FP16/BF16"));
    QVERIFY(chart->placeholderText().isEmpty());

    QCOMPARE(page.headlineText(),
        QStringLiteral("Installed 2,968 of 3,000 PFLOPS, 98% of the milestone due 31 Dec 2025"));
    const double delivered = CapacitySummary::latest(m_scaledModels->delivered16->result()).first;
    QVERIFY(delivered > 100 && delivered < 2968.5);
    QCOMPARE(page.deliveredText(), CapacitySummary::deliveredText(delivered, 2968.5));
    QVERIFY(page.deliveredText().startsWith(QLatin1String("Delivering ")));
    QVERIFY(page.precisionNoteText().isEmpty());

    QCOMPARE(chart->calloutTexts(),
        (QStringList { QStringLiteral("300 PFLOPS 22 Nov 2024"), QStringLiteral("1,300 PFLOPS 31 Dec 2024"),
            QStringLiteral("3,000 PFLOPS 31 Dec 2025"), QStringLiteral("Today, 2 Mar 2026") }));
    const QString problems = labelProblems(chart);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // Every GPU model of the peak table with its datasheet, without scrolling.
    const QTableView *peaks = page.peakView();
    QCOMPARE(peaks->model()->rowCount(), int(GpuPeakTable::builtIn().models().size()));
    const int lastRow = peaks->model()->rowCount() - 1;
    QVERIFY(peaks->viewport()->rect().contains(peaks->visualRect(peaks->model()->index(lastRow, 0))));
    QVERIFY(peaks->model()->index(0, 3).data().toString().contains(QLatin1String("datasheet")));

    QVERIFY(page.grab().save(
        outputPath(QStringLiteral("capacity-scaled-%1x%2.png").arg(window.width()).arg(window.height()))));
}

// FP8 doubles an H100's figures; the roadmap (stated at dense FP16/BF16) is not drawn against them, and
// progress along it stays measured at FP16/BF16.
void TestCapacityPage::precisionSwitchesFiguresNotTheRoadmap()
{
    CapacityPage page;
    m_scaledModels->wire(page);
    page.setNow(m_now);
    showAt(page, QSize(1366, 768));
    const QString headline = page.headlineText();
    QSignalSpy changed(&page, &CapacityPage::precisionChanged);

    QComboBox *box = page.precisionBox();
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    QTest::qWait(100);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<Precision>(), Precision::DenseFp8);
    QCOMPARE(page.precision(), Precision::DenseFp8);

    const RoadmapChart *chart = page.roadmapChart();
    QCOMPARE(chart->valueAxisTitle(), QStringLiteral("PFLOPS, dense FP8"));
    QCOMPARE(chart->roadmapPointCount(), 0);
    QCOMPARE(chart->legendNames(),
        (QStringList { QStringLiteral("Installed capacity"), QStringLiteral("Delivered compute") }));
    QCOMPARE(chart->calloutTexts(), QStringList { QStringLiteral("Today, 2 Mar 2026") });
    QCOMPARE(chart->installedPointCount(), qsizetype(m_scaledModels->installed8->result().pointCount()));
    QCOMPARE(page.headlineText(), headline);
    const double installed8 = CapacitySummary::latest(m_scaledModels->installed8->result()).first;
    const double delivered8 = CapacitySummary::latest(m_scaledModels->delivered8->result()).first;
    QCOMPARE(installed8, 2 * 2968.5); // 1,979 against 989.5 TFLOPS per H100
    QCOMPARE(page.deliveredText(), CapacitySummary::deliveredText(delivered8, installed8));
    QVERIFY2(
        page.deliveredText().contains(QLatin1String("of 5,937 PFLOPS")), qPrintable(page.deliveredText()));
    QVERIFY2(page.precisionNoteText().contains(QLatin1String("dense FP16/BF16")),
        qPrintable(page.precisionNoteText()));
    QVERIFY(page.grab().save(outputPath(QStringLiteral("capacity-fp8-1366x768.png"))));

    // And back: the roadmap returns, the signal says so.
    QTest::keyClick(box, Qt::Key_Up);
    QTest::qWait(100);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(page.precision(), Precision::DenseFp16Bf16);
    QVERIFY(chart->roadmapPointCount() > 0);
    QCOMPARE(chart->valueAxisTitle(), QStringLiteral("PFLOPS, dense FP16/BF16"));
}

void TestCapacityPage::fullCentreReachesEveryMilestone_data()
{
    scaledCentre_data();
}

// The centre as the demo runs it (the roadmap's own size, 3,032 GPUs): every milestone reached. These
// are the README's screenshots.
void TestCapacityPage::fullCentreReachesEveryMilestone()
{
    QFETCH(QSize, window);
    static Simulation full(SimulationConfig { .seed = 7 });
    static const CapacityModels models(full, m_now);
    CapacityPage page;
    models.wire(page);
    page.setNow(m_now);
    showAt(page, window);
    QCOMPARE(page.headlineText(), QStringLiteral("3,000 PFLOPS installed: every roadmap milestone reached"));
    QVERIFY(page.roadmapChart()->installedPointCount() > 500);
    const QString problems = labelProblems(page.roadmapChart());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QVERIFY(page.grab().save(
        outputPath(QStringLiteral("capacity-%1x%2.png").arg(window.width()).arg(window.height()))));
}

QTEST_MAIN(TestCapacityPage)
#include "tst_capacitypage.moc"
