// Presentation mode in the dashboard, on the simulated centre under a clock the test moves: the
// menu and --present enter it, Escape leaves it, and hours of refreshes and slide changes do not grow
// memory.
#include "Dashboard.h"
#include "DemoSource.h"
#include "KpiModel.h"
#include "MainWindow.h"
#include "PresentationWindow.h"
#include "RefreshController.h"
#include "SlideShow.h"
#include "ViewRange.h"

#include <QAction>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#ifdef AISC_SANITIZED
#include <sanitizer/allocator_interface.h>
#endif

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// The memory this process holds, in MiB: what it has resident (/proc/self/statm). Under AddressSanitizer
// that includes freed blocks held in quarantine, hundreds of MiB that say nothing of growth: there, the
// heap blocks in use, as the sanitizer's allocator counts them.
double residentMiB()
{
#ifdef AISC_SANITIZED
    return double(__sanitizer_get_current_allocated_bytes()) / (1024.0 * 1024.0);
#else
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return qQNaN();
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
#endif
}

} // namespace

class TestPresentationSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void menuAndCommandLineEnterEscapeLeaves();
    void runsForHoursWithoutGrowing();

private:
    std::unique_ptr<Dashboard> makeDashboard(bool present, const QString &name);
    // Moves the simulated clock and waits for the refresh round that follows.
    bool refreshAt(Dashboard &dashboard, qint64 ms);
    QTemporaryDir m_dir;
    qint64 m_now = 0;
};

void TestPresentationSoak::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<Dashboard> TestPresentationSoak::makeDashboard(bool present, const QString &name)
{
    DashboardOptions options;
    options.cachePath = m_dir.filePath(name + QStringLiteral(".sqlite"));
    options.configPath = m_dir.filePath(name + QStringLiteral(".conf"));
    options.present = present;
    // The slides need the newest points only: an hour's window is what a presentation screen would use.
    options.range = QStringLiteral("1h");
    DashboardConfig config;
    // The test drives every refresh itself.
    config.refreshIntervalS = 3600;
    config.presentationIntervalS = 20;
    auto source = std::make_unique<DemoSource>(
        SimulationConfig { .seed = 7, .targetGpus = 3000 }, [this] { return m_now; });
    return std::make_unique<Dashboard>(options, config, std::move(source));
}

bool TestPresentationSoak::refreshAt(Dashboard &dashboard, qint64 ms)
{
    m_now = ms;
    QSignalSpy done(dashboard.controller(), &RefreshController::refreshSucceeded);
    dashboard.controller()->refreshNow();
    return done.wait(30000);
}

void TestPresentationSoak::menuAndCommandLineEnterEscapeLeaves()
{
    m_now = at("2026-03-02T08:00:00Z");
    {
        std::unique_ptr<Dashboard> dashboard = makeDashboard(false, QStringLiteral("menu"));
        dashboard->start();
        MainWindow *window = dashboard->window();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(!dashboard->isPresenting());
        // A zoom into the past, and refreshing stopped: presenting shows the centre now all the same.
        dashboard->viewRange()->zoomTo(m_now - 48 * 3600 * 1000LL, m_now - 40 * 3600 * 1000LL);
        QVERIFY(!dashboard->viewRange()->followsLive());
        dashboard->controller()->stop();
        QAction *present = window->findChild<QAction *>(QStringLiteral("presentAction"));
        QVERIFY(present);
        QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F11));
        present->trigger();
        QVERIFY(dashboard->isPresenting());
        QVERIFY(dashboard->presentation()->isFullScreen());
        QVERIFY(!window->isVisible());
        QVERIFY(dashboard->viewRange()->followsLive());
        QVERIFY(dashboard->controller()->isRunning());
        QVERIFY(refreshAt(*dashboard, m_now + 60000));
        // The same models as the pages: the headline figure is the overview's tile.
        PresentationWindow *presentation = dashboard->presentation();
        QTRY_COMPARE(presentation->slideShow()->shownSlides().size(), 5);
        const auto *value = presentation->slide(QStringLiteral("headline"))
                                ->findChild<QLabel *>(QStringLiteral("installedValue"));
        QCOMPARE(
            value->text(), dashboard->kpiModel()->index(0).data(KpiModel::FormattedValueRole).toString());
        QTest::keyClick(presentation, Qt::Key_Escape);
        QVERIFY(!dashboard->isPresenting());
        QVERIFY(window->isVisible());
    }
    {
        // --present, and the config's slides and interval.
        std::unique_ptr<Dashboard> dashboard = makeDashboard(true, QStringLiteral("present"));
        DashboardConfig config = dashboard->config();
        config.presentationSlides = { QStringLiteral("roadmap"), QStringLiteral("jobs") };
        config.presentationIntervalS = 45;
        dashboard->applyConfig(config);
        dashboard->start();
        QVERIFY(dashboard->isPresenting());
        QVERIFY(!dashboard->window()->isVisible());
        QCOMPARE(dashboard->presentation()->slideShow()->slides(), config.presentationSlides);
        QCOMPARE(dashboard->presentation()->slideShow()->intervalMs(), 45000);
        QTest::keyClick(dashboard->presentation(), Qt::Key_F11);
        QVERIFY(dashboard->window()->isVisible());
    }
}

void TestPresentationSoak::runsForHoursWithoutGrowing()
{
    QElapsedTimer wall;
    wall.start();
    m_now = at("2026-03-02T06:00:00Z");
    std::unique_ptr<Dashboard> dashboard = makeDashboard(true, QStringLiteral("soak"));
    dashboard->start();
    PresentationWindow *presentation = dashboard->presentation();
    presentation->resize(1920, 1080);
    QVERIFY(QTest::qWaitForWindowExposed(presentation));
    SlideShow *show = presentation->slideShow();
    show->setClock([this] { return m_now; });
    QSignalSpy slideChanges(show, &SlideShow::currentChanged);

    // A refresh every three minutes of simulated time and a slide every 20 s, each slide painted as it
    // comes. (The dashboard refreshes every 15 s; a coarser step keeps the test short, and every round
    // does the same work whatever the step.)
    const qint64 slideStep = 20 * 1000;
    int rounds = 0;
    auto run = [&](qint64 until) {
        while (m_now < until) {
            if (!refreshAt(*dashboard, m_now))
                return false;
            ++rounds;
            for (int i = 0; i < 9; ++i) {
                m_now += slideStep;
                show->poll();
                presentation->grab();
            }
        }
        return true;
    };
    // Warm-up: an hour, every slide seen, caches and fonts loaded.
    QVERIFY(run(m_now + 3600 * 1000LL));
    const double warm = residentMiB();
    const qint64 warmWallMs = wall.elapsed();
    QVERIFY(run(m_now + 12 * 3600 * 1000LL));
    const double end = residentMiB();
    const int hours = int((m_now - at("2026-03-02T07:00:00Z")) / (3600 * 1000LL));
    qInfo("soak: %d simulated hours after an hour's warm-up, %d refresh rounds, %lld slide changes, %.1f s "
          "wall (warm-up %.1f s); "
          "resident after warm-up %.1f MiB, at the end %.1f MiB, growth %.1f MiB",
        hours, rounds, qint64(slideChanges.size()), wall.elapsed() / 1000.0, warmWallMs / 1000.0, warm, end,
        end - warm);
    QVERIFY(slideChanges.size() >= 9 * rounds - 1);
    QVERIFY(presentation->staleText().isEmpty());
    QVERIFY2(end - warm < 20, qPrintable(QStringLiteral("grew %1 MiB").arg(end - warm)));
}

QTEST_MAIN(TestPresentationSoak)
#include "tst_presentation_soak.moc"
