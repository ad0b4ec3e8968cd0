// The presentation's slide logic, driven by a clock the test moves: no sleeping.
#include "SlideShow.h"

#include <QSignalSpy>
#include <QTest>

class TestSlideShow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void advancesOnTheIntervalByTheClock();
    void handNavigationWrapsAndRestartsTheInterval();
    void pauseHoldsTheSlide();
    void skipsSlidesWithoutData();
    void noDataAtAllShowsTheRoadmapAlone();
    void configuredSlidesAndUnknownIds();
    void stoppedDoesNotAdvance();
    void timerWakesPollWithTheRealClock();

private:
    qint64 m_now = 0;
    std::unique_ptr<SlideShow> m_show;
};

void TestSlideShow::init()
{
    m_now = 1'000'000;
    m_show = std::make_unique<SlideShow>();
    m_show->setClock([this] { return m_now; });
    m_show->setIntervalMs(20000);
    m_show->start();
}

void TestSlideShow::advancesOnTheIntervalByTheClock()
{
    QSignalSpy changed(m_show.get(), &SlideShow::currentChanged);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    QCOMPARE(m_show->dueMs(), m_now + 20000);
    m_now += 19999;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    QCOMPARE(changed.size(), 0);
    m_now += 1;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("roadmap"));
    QCOMPARE(changed.at(0).at(1).toInt(), 1);
    // A late poll advances one slide, not as many as intervals were missed.
    m_now += 65000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("utilisation"));
    // Round the whole list and back to the start.
    for (int i = 0; i < 3; ++i) {
        m_now += 20000;
        m_show->poll();
    }
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
}

void TestSlideShow::handNavigationWrapsAndRestartsTheInterval()
{
    m_show->previous();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    m_show->next();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    m_show->last();
    QCOMPARE(m_show->currentIndex(), 4);
    m_show->first();
    QCOMPARE(m_show->currentIndex(), 0);
    m_show->goTo(3);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("jobs"));
    m_show->goTo(9);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("jobs"));

    // 15 s into a slide the presenter moves on: the new slide gets its whole 20 s.
    m_now += 15000;
    m_show->next();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    m_now += 15000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    m_now += 5000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
}

void TestSlideShow::pauseHoldsTheSlide()
{
    QSignalSpy paused(m_show.get(), &SlideShow::pausedChanged);
    m_show->setPaused(true);
    QCOMPARE(paused.size(), 1);
    QCOMPARE(m_show->dueMs(), 0);
    m_now += 10 * 60000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    // The keys still work while paused.
    m_show->next();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
    // Resuming gives the slide its whole interval.
    m_show->setPaused(false);
    m_now += 19000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
    m_now += 1000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("utilisation"));
}

void TestSlideShow::skipsSlidesWithoutData()
{
    QSignalSpy shown(m_show.get(), &SlideShow::shownSlidesChanged);
    m_show->setHasData(QStringLiteral("utilisation"), false);
    m_show->setHasData(QStringLiteral("jobs"), false);
    QCOMPARE(shown.size(), 2);
    QCOMPARE(m_show->shownSlides(),
        QStringList(
            { QStringLiteral("headline"), QStringLiteral("roadmap"), QStringLiteral("equivalences") }));
    m_show->next();
    m_show->next();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    QCOMPARE(m_show->currentIndex(), 2);

    // The slide on screen loses its data: the show moves on to the next slide that has some.
    m_show->setHasData(QStringLiteral("jobs"), true);
    m_show->goTo(2);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("jobs"));
    QSignalSpy changed(m_show.get(), &SlideShow::currentChanged);
    m_show->setHasData(QStringLiteral("jobs"), false);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    QCOMPARE(changed.size(), 1);
    // Data back on a slide before the current one: the same slide stays, at its new place.
    m_show->setHasData(QStringLiteral("utilisation"), true);
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    QCOMPARE(m_show->currentIndex(), 3);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().at(1).toInt(), 3);
}

void TestSlideShow::noDataAtAllShowsTheRoadmapAlone()
{
    // The roadmap not even configured: with nothing to show it is still what the screen shows.
    m_show->setSlides({ QStringLiteral("headline"), QStringLiteral("jobs") });
    for (const QString &id : SlideShow::slideIds())
        m_show->setHasData(id, false);
    QCOMPARE(m_show->shownSlides(), QStringList { QStringLiteral("roadmap") });
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
    QCOMPARE(m_show->dueMs(), 0); // one slide: nothing to advance to
    m_now += 60000;
    m_show->poll();
    m_show->next();
    m_show->previous();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
    // Data comes back.
    m_show->setHasData(QStringLiteral("jobs"), true);
    QCOMPARE(m_show->shownSlides(), QStringList { QStringLiteral("jobs") });
    QCOMPARE(m_show->currentSlide(), QStringLiteral("jobs"));
}

void TestSlideShow::configuredSlidesAndUnknownIds()
{
    m_show->setSlides({ QStringLiteral("equivalences"), QStringLiteral("nonsense"),
        QStringLiteral("headline"), QStringLiteral("equivalences") });
    QCOMPARE(m_show->slides(), QStringList({ QStringLiteral("equivalences"), QStringLiteral("headline") }));
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    m_show->next();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("equivalences"));
    m_show->setIntervalMs(5000);
    m_now += 5000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
}

void TestSlideShow::stoppedDoesNotAdvance()
{
    m_show->stop();
    QCOMPARE(m_show->dueMs(), 0);
    m_now += 60000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("headline"));
    m_show->start();
    m_now += 20000;
    m_show->poll();
    QCOMPARE(m_show->currentSlide(), QStringLiteral("roadmap"));
}

void TestSlideShow::timerWakesPollWithTheRealClock()
{
    SlideShow show;
    show.setIntervalMs(1000);
    show.start();
    QTRY_COMPARE_WITH_TIMEOUT(show.currentSlide(), QStringLiteral("roadmap"), 3000);
}

QTEST_GUILESS_MAIN(TestSlideShow)
#include "tst_slideshow.moc"
