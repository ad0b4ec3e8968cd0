#include "SlideShow.h"

#include <QElapsedTimer>

#include <algorithm>
#include <memory>

QStringList SlideShow::slideIds()
{
    return { QStringLiteral("headline"), QStringLiteral("roadmap"), QStringLiteral("utilisation"),
        QStringLiteral("jobs"), QStringLiteral("equivalences") };
}

QString SlideShow::fallbackSlide()
{
    return QStringLiteral("roadmap");
}

SlideShow::SlideShow(QObject *parent)
    : QObject(parent)
    , m_slides(slideIds())
{
    // Monotonic: a wall clock set back by NTP must not hold a slide for an hour.
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_clock = [elapsed] { return elapsed->elapsed(); };
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SlideShow::poll);
    m_shown = shownSlides();
    m_current = m_shown.value(0);
}

void SlideShow::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_shownSinceMs = m_clock();
    schedule();
}

void SlideShow::setSlides(const QStringList &ids)
{
    const QStringList known = slideIds();
    QStringList slides;
    for (const QString &id : ids)
        if (known.contains(id) && !slides.contains(id))
            slides.append(id);
    if (slides == m_slides)
        return;
    m_slides = slides;
    reconcile();
}

void SlideShow::setIntervalMs(qint64 ms)
{
    m_intervalMs = std::max<qint64>(1000, ms);
    schedule();
}

void SlideShow::setHasData(const QString &id, bool hasData)
{
    if (hasData == this->hasData(id))
        return;
    if (hasData)
        m_withoutData.removeAll(id);
    else
        m_withoutData.append(id);
    reconcile();
}

QStringList SlideShow::shownSlides() const
{
    QStringList shown;
    for (const QString &id : m_slides)
        if (hasData(id))
            shown.append(id);
    return shown.isEmpty() ? QStringList { fallbackSlide() } : shown;
}

int SlideShow::currentIndex() const
{
    return int(m_shown.indexOf(m_current));
}

void SlideShow::start()
{
    m_running = true;
    m_shownSinceMs = m_clock();
    schedule();
}

void SlideShow::stop()
{
    m_running = false;
    m_timer.stop();
}

void SlideShow::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    // Resuming gives the slide on screen its whole interval again.
    m_shownSinceMs = m_clock();
    schedule();
    Q_EMIT pausedChanged(paused);
}

qint64 SlideShow::dueMs() const
{
    return m_running && !m_paused && m_shown.size() > 1 ? m_shownSinceMs + m_intervalMs : 0;
}

void SlideShow::next()
{
    const int index = currentIndex();
    show(m_shown.value(index < 0 ? 0 : (index + 1) % int(m_shown.size())));
}

void SlideShow::previous()
{
    const int index = currentIndex();
    const int count = int(m_shown.size());
    show(m_shown.value(index <= 0 ? count - 1 : index - 1));
}

void SlideShow::first()
{
    show(m_shown.constFirst());
}

void SlideShow::last()
{
    show(m_shown.constLast());
}

void SlideShow::goTo(int index)
{
    if (index >= 0 && index < int(m_shown.size()))
        show(m_shown.at(index));
}

void SlideShow::poll()
{
    const qint64 due = dueMs();
    if (due != 0 && m_clock() >= due)
        next();
    else
        schedule();
}

void SlideShow::show(const QString &id)
{
    m_shownSinceMs = m_clock();
    schedule();
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT currentChanged(m_current, currentIndex());
}

void SlideShow::reconcile()
{
    const QStringList shown = shownSlides();
    if (shown == m_shown)
        return;
    const QString before = m_current;
    const int beforeIndex = currentIndex();
    m_shown = shown;
    if (!m_shown.contains(m_current)) {
        // The next slide after the current one in the configured order that is still shown.
        const QStringList order = m_slides.contains(m_current) ? m_slides : slideIds();
        const qsizetype from = order.indexOf(m_current);
        QString replacement = m_shown.constFirst();
        for (qsizetype step = 1; from >= 0 && step <= order.size(); ++step) {
            const QString &candidate = order.at((from + step) % order.size());
            if (m_shown.contains(candidate)) {
                replacement = candidate;
                break;
            }
        }
        m_current = replacement;
        m_shownSinceMs = m_clock();
    }
    schedule();
    Q_EMIT shownSlidesChanged(m_shown);
    if (m_current != before || currentIndex() != beforeIndex)
        Q_EMIT currentChanged(m_current, currentIndex());
}

void SlideShow::schedule()
{
    const qint64 due = dueMs();
    if (due == 0) {
        m_timer.stop();
        return;
    }
    // The timer only wakes poll(); the clock decides. Never a busy loop, never a long oversleep.
    m_timer.start(int(std::clamp<qint64>(due - m_clock(), 50, 60000)));
}
