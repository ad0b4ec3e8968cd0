// The shared time range: presets, zoom, back and forward, following live data, on a test clock.
#include "ViewRange.h"

#include <QSignalSpy>
#include <QTest>

namespace {
constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
// 2026-03-02 08:00 UTC
constexpr qint64 start = 1772438400000;
} // namespace

class TestViewRange : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = start;
    void attach(ViewRange &range)
    {
        range.setClock([this] { return m_now; });
    }

private Q_SLOTS:
    void init() { m_now = start; }

    void followsLiveByDefaultOverTheLastDay()
    {
        ViewRange range;
        attach(range);
        QCOMPARE(range.preset(), ViewRange::Preset::Day);
        QVERIFY(range.followsLive());
        QCOMPARE(range.window(), (ViewRange::Window { m_now - day, m_now }));
        // Time passing moves a live window without calling it a change.
        QSignalSpy changed(&range, &ViewRange::changed);
        m_now += 10 * minute;
        QCOMPARE(range.window().endMs, m_now);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(range.description(), QStringLiteral("Last 24 h"));
    }

    void presets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ViewRange::Preset>("preset");
        QTest::addColumn<qint64>("length");
        QTest::newRow("1h") << QStringLiteral("1h") << ViewRange::Preset::Hour << hour;
        QTest::newRow("6h") << QStringLiteral("6h") << ViewRange::Preset::SixHours << 6 * hour;
        QTest::newRow("24h") << QStringLiteral("24h") << ViewRange::Preset::Day << day;
        QTest::newRow("7d") << QStringLiteral("7d") << ViewRange::Preset::Week << 7 * day;
        QTest::newRow("30d") << QStringLiteral("30D") << ViewRange::Preset::Month << 30 * day;
        QTest::newRow("90d") << QStringLiteral(" 90d ") << ViewRange::Preset::Quarter << 90 * day;
        QTest::newRow("1y") << QStringLiteral("1y") << ViewRange::Preset::Year << 365 * day;
    }

    void presets()
    {
        QFETCH(QString, text);
        QFETCH(ViewRange::Preset, preset);
        QFETCH(qint64, length);
        QCOMPARE(ViewRange::presetFromString(text), preset);
        ViewRange range;
        attach(range);
        range.setPreset(ViewRange::Preset::Hour);
        range.setPreset(preset);
        QCOMPARE(range.lengthMs(), length);
        QCOMPARE(range.window(), (ViewRange::Window { m_now - length, m_now }));
        QVERIFY(range.followsLive());
    }

    void unknownRangeTextIsCustom()
    {
        QCOMPARE(ViewRange::presetFromString(QStringLiteral("3w")), ViewRange::Preset::Custom);
        QCOMPARE(ViewRange::presetFromString(QString()), ViewRange::Preset::Custom);
    }

    void zoomFixesTheWindowAndPauses()
    {
        ViewRange range;
        attach(range);
        QSignalSpy changed(&range, &ViewRange::changed);
        range.zoomTo(m_now - 5 * hour, m_now - 3 * hour);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(range.preset(), ViewRange::Preset::Custom);
        QVERIFY(!range.followsLive());
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 5 * hour, m_now - 3 * hour }));
        // A paused window stays where it is while time passes.
        m_now += hour;
        QCOMPARE(range.window(), (ViewRange::Window { start - 5 * hour, start - 3 * hour }));
        QVERIFY(
            range.description().contains(QLatin1Char('-')) || range.description().contains(QChar(0x2013)));
    }

    void zoomIsClampedToSenseAndToNow()
    {
        ViewRange range;
        attach(range);
        // Dragged right to left: the same window.
        range.zoomTo(m_now - 2 * hour, m_now - 4 * hour);
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 4 * hour, m_now - 2 * hour }));
        // A one-second drag opens the minimum window around its centre.
        range.zoomTo(m_now - hour, m_now - hour + 1000);
        QCOMPARE(range.lengthMs(), ViewRange::minimumLengthMs);
        QCOMPARE(range.window().startMs + ViewRange::minimumLengthMs / 2, m_now - hour + 500);
        // A window reaching into the future ends at now.
        range.zoomTo(m_now - hour, m_now + hour);
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 2 * hour, m_now }));
    }

    void backAndForwardWalkTheHistory()
    {
        ViewRange range;
        attach(range);
        QVERIFY(!range.canGoBack());
        range.setPreset(ViewRange::Preset::Week);
        range.zoomTo(m_now - 3 * day, m_now - 2 * day);
        QVERIFY(range.canGoBack());
        QVERIFY(!range.canGoForward());

        range.back();
        QCOMPARE(range.preset(), ViewRange::Preset::Week);
        QVERIFY(range.followsLive());
        range.back();
        QCOMPARE(range.preset(), ViewRange::Preset::Day);
        QVERIFY(!range.canGoBack());
        range.back(); // nothing further back: no change
        QCOMPARE(range.preset(), ViewRange::Preset::Day);

        range.forward();
        range.forward();
        QCOMPARE(range.preset(), ViewRange::Preset::Custom);
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 3 * day, m_now - 2 * day }));
        QVERIFY(!range.canGoForward());

        // A new choice after going back drops the forward history, as a browser does.
        range.back();
        range.setPreset(ViewRange::Preset::Hour);
        QVERIFY(!range.canGoForward());
    }

    void resetForgetsTheHistory()
    {
        ViewRange range;
        attach(range);
        range.setPreset(ViewRange::Preset::Hour);
        range.reset(ViewRange::Preset::Week);
        QCOMPARE(range.preset(), ViewRange::Preset::Week);
        QVERIFY(!range.canGoBack());
        range.reset(ViewRange::Preset::Custom); // no window to be custom about: the default
        QCOMPARE(range.preset(), ViewRange::Preset::Day);
    }

    void sameChoiceTwiceIsOneStep()
    {
        ViewRange range;
        attach(range);
        QSignalSpy changed(&range, &ViewRange::changed);
        range.setPreset(ViewRange::Preset::Day);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!range.canGoBack());
    }

    void pauseFreezesTheWindowAndResumeFollows()
    {
        ViewRange range;
        attach(range);
        range.setPreset(ViewRange::Preset::SixHours);
        range.setFollowLive(false);
        QCOMPARE(range.preset(), ViewRange::Preset::SixHours);
        const ViewRange::Window paused = range.window();
        m_now += 30 * minute;
        QCOMPARE(range.window(), paused);
        range.setFollowLive(true);
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 6 * hour, m_now }));
    }

    void zoomOut()
    {
        ViewRange range;
        attach(range);
        range.setPreset(ViewRange::Preset::Hour);
        range.zoomOut();
        QCOMPARE(range.lengthMs(), 2 * hour);
        QVERIFY(range.followsLive());
        range.zoomTo(m_now - 10 * hour, m_now - 8 * hour);
        range.zoomOut();
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 11 * hour, m_now - 7 * hour }));
        // Zooming out near now does not reach into the future.
        range.zoomTo(m_now - 2 * hour, m_now);
        range.zoomOut();
        QCOMPARE(range.window(), (ViewRange::Window { m_now - 4 * hour, m_now }));
    }

    void stepFitsTheWindow_data()
    {
        QTest::addColumn<ViewRange::Preset>("preset");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1h") << ViewRange::Preset::Hour << 15 * 1000LL;
        QTest::newRow("24h") << ViewRange::Preset::Day << minute;
        QTest::newRow("7d") << ViewRange::Preset::Week << 10 * minute;
        QTest::newRow("30d") << ViewRange::Preset::Month << 30 * minute;
        QTest::newRow("1y") << ViewRange::Preset::Year << 6 * hour;
    }
    void stepFitsTheWindow()
    {
        QFETCH(ViewRange::Preset, preset);
        QFETCH(qint64, step);
        QCOMPARE(ViewRange::stepFor(ViewRange::presetLengthMs(preset)), step);
        // Never more points than a wide chart has pixels, never fewer than half of them.
        const qint64 points = ViewRange::presetLengthMs(preset) / step;
        QVERIFY(points <= 1600 && (points >= 700 || preset == ViewRange::Preset::Hour));
    }

    void refreshInterval()
    {
        ViewRange range;
        QSignalSpy spy(&range, &ViewRange::refreshIntervalChanged);
        range.setRefreshIntervalMs(30000);
        QCOMPARE(range.refreshIntervalMs(), 30000);
        QCOMPARE(spy.count(), 1);
        range.setRefreshIntervalMs(10); // below a second would hammer the server
        QCOMPARE(range.refreshIntervalMs(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestViewRange)
#include "tst_viewrange.moc"
