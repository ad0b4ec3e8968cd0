// The real window on the simulated centre, under the offscreen platform: it must fill every
// chart and tile, from the source on a cold cache and from the cache on a warm one.
#include "AlertsPage.h"
#include "ChartPanel.h"
#include "Dashboard.h"
#include "KpiTile.h"
#include "KpiTileStrip.h"
#include "MainWindow.h"
#include "NodeTableModel.h"
#include "OverviewPage.h"
#include "RefreshController.h"
#include "TimeRangeBar.h"
#include "TimeSeriesModel.h"
#include "Translations.h"
#include "ViewRange.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <vector>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void coldCacheFillsEveryChartAndTile();
    void warmCachePaintsBeforeTheSourceAnswers();
    void unreadableCacheIsLeftAloneAndMemoryServes();
    void alertsPageListsAlertsAndTargets();
    void timeRangeToolbarDrivesEveryChart();
    void printsTheCurrentPage();
    void languageSwitchesAtRunTime();
    void exportsFromTheWindow();
    void screenshots_data();
    void screenshots();

private:
    static bool everyChartAndTileHasData(const MainWindow *window);
    static QString outputPath(const QString &name);
    QTemporaryDir m_dir;
    bool m_chineseInstalled = false;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestMainWindow::outputPath(const QString &name)
{
    const QString folder = qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath());
    return QDir(folder).absoluteFilePath(name);
}

bool TestMainWindow::everyChartAndTileHasData(const MainWindow *window)
{
    const OverviewPage *page = window->overviewPage();
    for (const ChartPanel *chart : { page->utilisationChart(), page->queueChart() })
        if (chart->pointCount() == 0)
            return false;
    static const QRegularExpression digit(QStringLiteral("\\d"));
    const std::vector<KpiTile *> &tiles = page->tileStrip()->tiles();
    return !tiles.empty() && std::all_of(tiles.begin(), tiles.end(), [](const KpiTile *tile) {
        return tile->value().contains(digit);
    });
}

void TestMainWindow::coldCacheFillsEveryChartAndTile()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    Dashboard dashboard(options);
    QElapsedTimer timer;
    timer.start();
    dashboard.start();
    MainWindow *window = dashboard.window();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    // The simulation needs a moment to reach now: the backfill shows its progress meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(window->isProgressVisible() || everyChartAndTileHasData(window), 30000);
    const bool progressShown = window->isProgressVisible();
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    qInfo("cold cache: every chart and tile filled after %lld ms (progress bar shown: %s)", timer.elapsed(),
        progressShown ? "yes" : "no");
    QTRY_VERIFY(!window->isProgressVisible());

    QVERIFY2(
        window->windowTitle().contains(QLatin1String("simulated centre")), qPrintable(window->windowTitle()));
    QVERIFY2(
        window->sourceText().contains(QLatin1String("simulated centre")), qPrintable(window->sourceText()));
    QTRY_VERIFY(window->lastUpdateText().startsWith(QLatin1String("Updated")));
    QVERIFY(window->staleText().isEmpty());

    const OverviewPage *page = window->overviewPage();
    // A day at a one-minute step, one line per partition.
    QCOMPARE(page->utilisationChart()->legendNames(), page->queueChart()->legendNames());
    QVERIFY(page->utilisationChart()->seriesCount() >= 2);
    QVERIFY(page->utilisationChart()->pointCount() >= 1400 * page->utilisationChart()->seriesCount() / 2);
    QVERIFY(page->utilisationChart()->placeholderText().isEmpty());

    const std::vector<KpiTile *> &tiles = page->tileStrip()->tiles();
    QCOMPARE(tiles.size(), size_t(5));
    QVERIFY2(tiles[0]->value().contains(QLatin1String("PFLOPS")), qPrintable(tiles[0]->value()));
    QVERIFY2(tiles[0]->detail().contains(QLatin1String("3,000")), qPrintable(tiles[0]->detail()));
    QVERIFY2(tiles[1]->value().endsWith(QLatin1Char('%')), qPrintable(tiles[1]->value()));

    QVERIFY(window->grab().save(outputPath(QStringLiteral("overview-cold.png"))));

    // Stop pauses refreshing and says how to resume; F5 resumes.
    Q_EMIT window->stopRequested();
    QVERIFY(!dashboard.controller()->isRunning());
    QVERIFY2(window->lastUpdateText().contains(QLatin1String("F5")), qPrintable(window->lastUpdateText()));
    QTest::keyClick(window, Qt::Key_F5);
    QVERIFY(dashboard.controller()->isRunning());
    QTRY_VERIFY(window->lastUpdateText().startsWith(QLatin1String("Updated")));
}

void TestMainWindow::warmCachePaintsBeforeTheSourceAnswers()
{
    // The previous test left a full day in this cache.
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    Dashboard dashboard(options);
    QElapsedTimer timer;
    timer.start();
    dashboard.start();
    MainWindow *window = dashboard.window();
    const OverviewPage *page = window->overviewPage();
    QTRY_VERIFY_WITH_TIMEOUT(
        page->utilisationChart()->pointCount() > 0 && page->queueChart()->pointCount() > 0, 10000);
    qInfo("warm cache: charts painted after %lld ms", timer.elapsed());
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 10000);
}

void TestMainWindow::unreadableCacheIsLeftAloneAndMemoryServes()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 7919) % 251));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    DashboardOptions options;
    options.cachePath = path;
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    // The message is there as soon as the cache has been tried (it stays 15 s), and the data follows.
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(path), 10000);
    QVERIFY2(window->cacheText().contains(QLatin1String("in memory")), qPrintable(window->cacheText()));
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestMainWindow::alertsPageListsAlertsAndTargets()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->resize(1366, 768);
    AlertsPage *page = window->alertsPage();
    // Every online node's dcgm-exporter and the Slurm exporter are targets.
    QTRY_VERIFY_WITH_TIMEOUT(page->targetView()->model()->rowCount() > 300, 30000);
    QVERIFY2(page->summaryText().contains(QLatin1String("target")), qPrintable(page->summaryText()));
    QTabWidget *tabs = window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(page);
    QTest::qWait(100);
    QVERIFY(window->grab().save(outputPath(QStringLiteral("alerts-1366x768.png"))));
}

void TestMainWindow::timeRangeToolbarDrivesEveryChart()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("range.sqlite"));
    options.range = QStringLiteral("6h");
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->resize(1366, 768);
    ViewRange *range = dashboard.viewRange();
    TimeRangeBar *bar = window->timeRangeBar();
    QVERIFY(bar);
    QCOMPARE(range->preset(), ViewRange::Preset::SixHours);
    QVERIFY(bar->presetAction(int(ViewRange::Preset::SixHours))->isChecked());
    QCOMPARE(bar->descriptionText(), QStringLiteral("Last 6 h"));
    QVERIFY(!bar->backAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);

    // 7 days from the toolbar: the charts are filled over 7 days, at a step fit for the width.
    const TimeSeriesModel *utilisation = dashboard.seriesModel(QStringLiteral("gpu_util_by_partition"));
    QVERIFY(utilisation);
    bar->presetAction(int(ViewRange::Preset::Week))->trigger();
    QCOMPARE(range->preset(), ViewRange::Preset::Week);
    QVERIFY(bar->backAction()->isEnabled());
    const qint64 week = 7 * 24 * 3600 * 1000LL;
    QTRY_VERIFY_WITH_TIMEOUT(utilisation->result().endMs() - utilisation->result().startMs >= week
            && utilisation->result().pointCount() > 0
            && !std::isnan(utilisation->result().series.front().values.front()),
        60000);
    QVERIFY(utilisation->result().pointCount() <= 2000);
    QCOMPARE(bar->descriptionText(), QStringLiteral("Last 7 d"));

    // A rubber band on any chart, here the Queue page's, zooms every page: the window is fixed and
    // paused; Back returns to 7 days.
    const qint64 end = utilisation->result().endMs() - week / 2;
    QList<ChartPanel *> charts = window->charts();
    QCOMPARE(charts.size(), 8); // overview 2, utilisation 2, queue 4
    ChartPanel *running = window->findChild<ChartPanel *>(QStringLiteral("runningChart"));
    QVERIFY(running);
    Q_EMIT running->rangeSelected(end - 3 * 3600 * 1000LL, end);
    QCOMPARE(range->window(), (ViewRange::Window { end - 3 * 3600 * 1000LL, end }));
    QVERIFY(!bar->followLiveAction()->isChecked());
    QVERIFY(!bar->presetAction(int(ViewRange::Preset::Week))->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(utilisation->result().startMs >= end - 3 * 3600 * 1000LL - 60000
            && utilisation->result().endMs() <= end + 60000 && utilisation->result().pointCount() > 0,
        30000);
    bar->backAction()->trigger();
    QCOMPARE(range->preset(), ViewRange::Preset::Week);
    QVERIFY(bar->followLiveAction()->isChecked());
    QVERIFY(bar->forwardAction()->isEnabled());

    // Ctrl+2 goes to the second page.
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentPage(), 1);
}

void TestMainWindow::printsTheCurrentPage()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->resize(1366, 768);
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    const OverviewPage *page = window->overviewPage();
    const std::vector<const ChartPanel *> charts { page->utilisationChart(), page->queueChart() };
    // Drawn, not only in the model (a chart draws on the next pass of the event loop).
    QTRY_VERIFY(std::all_of(charts.begin(), charts.end(),
        [](const ChartPanel *chart) { return chart->placeholderText().isEmpty(); }));
    // Legends and axes lay themselves out on later turns of the event loop, long before a user prints.
    QTest::qWait(500);
    // To a PDF file, as "Print to file" does.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString path = outputPath(QStringLiteral("printed-overview.pdf"));
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    window->printCurrentPage(&printer);
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    // The heading, and the page's own text (tiles, chart titles), as text on one page.
    QVERIFY2(text.contains(QStringLiteral("Overview — simulated centre")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Installed compute")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Jobs waiting by partition")), qPrintable(text));
    QCOMPARE(text.count(QLatin1Char('\f')), 1);
    // Each chart's legend names, as text (tst_chartexport compares the recording with the screen).
    for (const ChartPanel *chart : charts) {
        QVERIFY(chart->legendNames().size() > 1);
        for (const QString &name : chart->legendNames())
            QVERIFY2(text.contains(name), qPrintable(name + QLatin1String(" not in: ") + text));
    }
}

void TestMainWindow::languageSwitchesAtRunTime()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    options.configPath = m_dir.filePath(QStringLiteral("language.conf"));
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->resize(1366, 768);
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    QTabWidget *tabs = window->findChild<QTabWidget *>();
    QCOMPARE(tabs->tabText(0), QStringLiteral("&Overview"));

    // From the View menu, with the window open: every page, tile and chart retranslates at once.
    Q_EMIT window->languageRequested(QStringLiteral("zh_HK"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("概覽(&O)"));
    const KpiTile *installed = window->overviewPage()->tileStrip()->tiles().front();
    QTRY_COMPARE(installed->title(), QStringLiteral("已安裝算力"));
    QTRY_COMPARE(window->overviewPage()->utilisationChart()->title(), QStringLiteral("各分區 GPU 使用率"));
    QVERIFY2(window->windowTitle().contains(QStringLiteral("模擬中心")), qPrintable(window->windowTitle()));
    QVERIFY(QLocale().language() == QLocale::Chinese);
    // Remembered for the next start.
    QCOMPARE(DashboardConfig::load(options.configPath, true, nullptr)->language, QStringLiteral("zh_HK"));

    Q_EMIT window->languageRequested(QStringLiteral("en"));
    QTRY_COMPARE(tabs->tabText(0), QStringLiteral("&Overview"));
    QTRY_COMPARE(installed->title(), QStringLiteral("Installed compute"));
    QCOMPARE(DashboardConfig::load(options.configPath, true, nullptr)->language, QStringLiteral("en"));
}

void TestMainWindow::exportsFromTheWindow()
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->resize(1366, 768);
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.nodeTableModel()->rowCount() > 300, 30000);

    // The toolbar's Export menu offers the charts and tables of the page on screen.
    auto *exportButton = window->timeRangeBar()->findChild<QToolButton *>();
    QMenu *exportMenu = nullptr;
    for (QAction *action : window->timeRangeBar()->actions())
        if (action->menu())
            exportMenu = action->menu();
    QVERIFY(exportButton && exportMenu);
    window->showPage(3); // Queue
    Q_EMIT exportMenu->aboutToShow();
    QStringList entries;
    for (const QAction *action : exportMenu->actions())
        entries << action->text();
    QVERIFY2(entries.contains(QStringLiteral("Jobs running by partition (stacked)")),
        qPrintable(entries.join(QLatin1Char('|'))));
    QVERIFY2(entries.contains(QStringLiteral("Table Top accounts as CSV…")),
        qPrintable(entries.join(QLatin1Char('|'))));

    // The report of the range on screen, from the data on screen.
    const QString path = outputPath(QStringLiteral("report-from-window.pdf"));
    QString error;
    QVERIFY2(dashboard.exportReport(path, &error), qPrintable(error));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QCOMPARE(text.count(QLatin1Char('\f')), 7);
    QVERIFY2(text.contains(QLatin1String("Top accounts by GPU-hours")), qPrintable(text.left(2000)));
    QVERIFY2(text.contains(QLatin1String("univ-a-nlp")), qPrintable(text.left(4000)));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    // English first: once the Chinese translation is installed it stays for the rest of the run.
    for (const char *language : { "en", "zh_HK" }) {
        for (const QSize size : { QSize(1920, 1080), QSize(1366, 768) })
            QTest::addRow("%s %dx%d", language, size.width(), size.height())
                << size << QString::fromLatin1(language) << false;
        QTest::addRow("%s dark", language) << QSize(1920, 1080) << QString::fromLatin1(language) << true;
    }
}

void TestMainWindow::screenshots()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QFETCH(bool, dark);
    if (language == QLatin1String("zh_HK") && !m_chineseInstalled) {
        QCOMPARE(installTranslations(language), language);
        QFont font = QApplication::font();
        font.setFamilies({ font.family(), QStringLiteral("Noto Sans CJK TC") });
        QApplication::setFont(font);
        m_chineseInstalled = true;
    }
    DashboardOptions options;
    options.cachePath = m_dir.filePath(QStringLiteral("cold.sqlite"));
    // The theme chosen is remembered in the config: a file of the test's own.
    options.configPath = m_dir.filePath(QStringLiteral("screenshots.conf"));
    Dashboard dashboard(options);
    dashboard.start();
    MainWindow *window = dashboard.window();
    window->setDarkTheme(dark);
    window->resize(size);
    QTRY_VERIFY_WITH_TIMEOUT(everyChartAndTileHasData(window), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.controller()->lastSuccessMs() != 0, 30000);
    QTest::qWait(100); // let the charts lay out at the new size
    if (dark) {
        QCOMPARE(window->palette().color(QPalette::Window).lightness() < 80, true);
        QVERIFY(QFile::exists(options.configPath));
        QVERIFY(DashboardConfig::load(options.configPath, true, nullptr)->darkTheme);
    }
    const QString suffix = dark
        ? QStringLiteral("%1-dark").arg(language)
        : QStringLiteral("%1-%2x%3").arg(language).arg(size.width()).arg(size.height());
    if (language == QLatin1String("zh_HK")) {
        QVERIFY2(
            window->windowTitle().contains(QStringLiteral("模擬中心")), qPrintable(window->windowTitle()));
        const KpiTile *installed = window->overviewPage()->tileStrip()->tiles().front();
        QCOMPARE(installed->title(), QStringLiteral("已安裝算力"));
    }
    const QImage image = window->grab().toImage();
    QCOMPARE(image.size(), size * window->devicePixelRatio());
    QVERIFY(image.save(outputPath(QStringLiteral("overview-%1.png").arg(suffix))));
    // Every other page too, in both languages, once its data is in.
    QTabWidget *tabs = window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QTRY_VERIFY_WITH_TIMEOUT(window->alertsPage()->targetView()->model()->rowCount() > 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard.nodeTableModel()->rowCount() > 300, 30000);
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(150);
        const QString page = tabs->currentWidget()->objectName();
        QVERIFY(!page.isEmpty());
        QVERIFY(window->grab().save(outputPath(QStringLiteral("%1-%2.png").arg(page, suffix))));
    }
    tabs->setCurrentIndex(0);
    window->setDarkTheme(false);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
