#include "ViewRange.h"

#include "StepPlanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {
constexpr qint64 hourMs = 3600 * 1000LL;
constexpr qint64 dayMs = 24 * hourMs;
} // namespace

ViewRange::ViewRange(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

void ViewRange::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
}

qint64 ViewRange::nowMs() const
{
    return m_clock();
}

const std::vector<ViewRange::Preset> &ViewRange::presets()
{
    static const std::vector<Preset> all { Preset::Hour, Preset::SixHours, Preset::Day, Preset::Week,
        Preset::Month, Preset::Quarter, Preset::Year };
    return all;
}

qint64 ViewRange::stepFor(qint64 lengthMs)
{
    constexpr int pointsAcross = 1600;
    constexpr qint64 scrapeIntervalMs = 15LL * 1000;
    return StepPlanner::chooseStep(lengthMs, pointsAcross, scrapeIntervalMs);
}

qint64 ViewRange::presetLengthMs(Preset preset)
{
    switch (preset) {
    case Preset::Hour:
        return hourMs;
    case Preset::SixHours:
        return 6 * hourMs;
    case Preset::Day:
    case Preset::Custom:
        return dayMs;
    case Preset::Week:
        return 7 * dayMs;
    case Preset::Month:
        return 30 * dayMs;
    case Preset::Quarter:
        return 90 * dayMs;
    case Preset::Year:
        return 365 * dayMs;
    }
    return dayMs;
}

QString ViewRange::presetLabel(Preset preset)
{
    switch (preset) {
    case Preset::Hour:
        return QCoreApplication::translate("ViewRange", "1 h");
    case Preset::SixHours:
        return QCoreApplication::translate("ViewRange", "6 h");
    case Preset::Day:
        return QCoreApplication::translate("ViewRange", "24 h");
    case Preset::Week:
        return QCoreApplication::translate("ViewRange", "7 d");
    case Preset::Month:
        return QCoreApplication::translate("ViewRange", "30 d");
    case Preset::Quarter:
        return QCoreApplication::translate("ViewRange", "90 d");
    case Preset::Year:
        return QCoreApplication::translate("ViewRange", "1 y");
    case Preset::Custom:
        return QCoreApplication::translate("ViewRange", "Custom");
    }
    return {};
}

ViewRange::Preset ViewRange::presetFromString(const QString &text)
{
    const QString key = text.trimmed().toLower();
    static const std::vector<std::pair<QLatin1String, Preset>> names {
        { QLatin1String("1h"), Preset::Hour },
        { QLatin1String("6h"), Preset::SixHours },
        { QLatin1String("24h"), Preset::Day },
        { QLatin1String("1d"), Preset::Day },
        { QLatin1String("7d"), Preset::Week },
        { QLatin1String("30d"), Preset::Month },
        { QLatin1String("90d"), Preset::Quarter },
        { QLatin1String("1y"), Preset::Year },
        { QLatin1String("365d"), Preset::Year },
    };
    for (const auto &[name, preset] : names)
        if (key == name)
            return preset;
    return Preset::Custom;
}

ViewRange::Window ViewRange::window() const
{
    const qint64 end = m_state.live ? nowMs() : m_state.endMs;
    return Window { end - m_state.lengthMs, end };
}

QString ViewRange::description() const
{
    if (m_state.live && m_state.preset != Preset::Custom)
        return QCoreApplication::translate("ViewRange", "Last %1").arg(presetLabel(m_state.preset));
    const Window w = window();
    const QLocale locale;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(w.startMs);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(w.endMs);
    const QString startText = locale.toString(start, QLocale::ShortFormat);
    // One date is enough when the window starts and ends on the same day.
    const QString endText = start.date() == end.date() ? locale.toString(end.time(), QLocale::ShortFormat)
                                                       : locale.toString(end, QLocale::ShortFormat);
    return QCoreApplication::translate("ViewRange", "%1 – %2").arg(startText, endText);
}

void ViewRange::reset(Preset preset)
{
    m_state = State { preset == Preset::Custom ? Preset::Day : preset,
        presetLengthMs(preset == Preset::Custom ? Preset::Day : preset), 0, true };
    m_back.clear();
    m_forward.clear();
    Q_EMIT changed();
    Q_EMIT historyChanged();
}

void ViewRange::setRefreshIntervalMs(int ms)
{
    ms = std::max(ms, 1000);
    if (ms == m_refreshIntervalMs)
        return;
    m_refreshIntervalMs = ms;
    Q_EMIT refreshIntervalChanged(ms);
}

void ViewRange::setPreset(Preset preset)
{
    if (preset == Preset::Custom)
        return; // a custom window comes from zoomTo()
    apply(State { preset, presetLengthMs(preset), 0, true });
}

void ViewRange::zoomTo(qint64 startMs, qint64 endMs)
{
    if (endMs < startMs)
        std::swap(startMs, endMs);
    qint64 length = std::clamp(endMs - startMs, minimumLengthMs, maximumLengthMs);
    const qint64 centre = startMs + (endMs - startMs) / 2;
    qint64 end = centre + length / 2;
    // The future holds no data: a window reaching past now ends at now.
    end = std::min(end, nowMs());
    apply(State { Preset::Custom, length, end, false });
}

void ViewRange::zoomOut()
{
    const qint64 length = std::min(m_state.lengthMs * 2, maximumLengthMs);
    if (m_state.live) {
        // Stays live; the nearest preset keeps its name in the toolbar.
        Preset preset = Preset::Custom;
        for (Preset p : presets())
            if (presetLengthMs(p) == length)
                preset = p;
        apply(State { preset, length, 0, true });
        return;
    }
    const Window w = window();
    const qint64 centre = w.startMs + w.lengthMs() / 2;
    apply(State { Preset::Custom, length, std::min(centre + length / 2, nowMs()), false });
}

void ViewRange::setFollowLive(bool live)
{
    if (live == m_state.live)
        return;
    State next = m_state;
    next.live = live;
    next.endMs = live ? 0 : nowMs();
    apply(next);
}

void ViewRange::apply(const State &next)
{
    if (next == m_state)
        return;
    m_back.push_back(m_state);
    m_forward.clear();
    m_state = next;
    Q_EMIT changed();
    Q_EMIT historyChanged();
}

void ViewRange::back()
{
    if (m_back.empty())
        return;
    m_forward.push_back(m_state);
    m_state = m_back.back();
    m_back.pop_back();
    Q_EMIT changed();
    Q_EMIT historyChanged();
}

void ViewRange::forward()
{
    if (m_forward.empty())
        return;
    m_back.push_back(m_state);
    m_state = m_forward.back();
    m_forward.pop_back();
    Q_EMIT changed();
    Q_EMIT historyChanged();
}
