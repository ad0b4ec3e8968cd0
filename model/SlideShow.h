#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

// The presentation's slides without their widgets: which slides are shown, which one is current, and
// when the next one is due. Slides without data are skipped; with no data anywhere, the roadmap slide
// (which draws its milestones whatever the data) is shown alone.
//
// Time comes from a clock (monotonic milliseconds by default) that tests replace: poll() advances
// when the interval since the current slide appeared has passed, and a timer calls poll() when the
// next slide is due. Going to a slide by hand starts its interval afresh.
class SlideShow : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    // Every slide id, in the default order: headline, roadmap, utilisation, jobs, equivalences.
    static QStringList slideIds();
    // The slide shown when no slide has data.
    static QString fallbackSlide();

    explicit SlideShow(QObject *parent = nullptr);

    void setClock(Clock clock);
    // The configured slides, in order; unknown ids are dropped.
    void setSlides(const QStringList &ids);
    QStringList slides() const { return m_slides; }
    void setIntervalMs(qint64 ms);
    qint64 intervalMs() const { return m_intervalMs; }
    // Whether a slide has something to show; every slide has until told otherwise.
    void setHasData(const QString &id, bool hasData);
    bool hasData(const QString &id) const { return !m_withoutData.contains(id); }

    // The slides shown in turn: the configured ones with data, or the roadmap slide alone.
    QStringList shownSlides() const;
    QString currentSlide() const { return m_current; }
    // The current slide's place among shownSlides().
    int currentIndex() const;

    // Running: slides advance on their own (unless paused). A presentation that is not on screen stops.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // When the next slide is due by the clock; 0 while not advancing.
    qint64 dueMs() const;

public Q_SLOTS:
    void next();
    void previous();
    void first();
    void last();
    // The index-th of shownSlides().
    void goTo(int index);
    // Advances if the current slide's interval has passed.
    void poll();

Q_SIGNALS:
    void currentChanged(const QString &id, int index);
    // The shown slides changed (data came or went, or the configuration changed).
    void shownSlidesChanged(const QStringList &ids);
    void pausedChanged(bool paused);

private:
    void show(const QString &id);
    // Keeps the current slide if still shown, else the next shown one after it in the configured order.
    void reconcile();
    void schedule();

    Clock m_clock;
    QStringList m_slides;
    QStringList m_withoutData;
    QStringList m_shown;
    QString m_current;
    qint64 m_intervalMs = 20000;
    qint64 m_shownSinceMs = 0;
    bool m_running = false;
    bool m_paused = false;
    QTimer m_timer;
};
