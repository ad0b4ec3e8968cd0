#pragma once

#include <QObject>

#include <functional>
#include <vector>

// The one time range every page shows: a preset length that follows the newest data, or a fixed
// window after a zoom or a pause. Every change is remembered, so that Back and Forward step through
// them as a browser does. One instance is shared by every page; its clock is the data source's.
class ViewRange : public QObject
{
    Q_OBJECT
public:
    enum class Preset { Hour, SixHours, Day, Week, Month, Quarter, Year, Custom };
    Q_ENUM(Preset)

    struct Window
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        qint64 lengthMs() const { return endMs - startMs; }
        friend bool operator==(const Window &, const Window &) = default;
    };

    // The shortest window a zoom can reach, so that a stray drag does not leave a chart with one point.
    static constexpr qint64 minimumLengthMs = 5LL * 60 * 1000;
    // The longest window: two years, the roadmap's whole story.
    static constexpr qint64 maximumLengthMs = 2LL * 366 * 24 * 3600 * 1000;

    explicit ViewRange(QObject *parent = nullptr);

    // Where "now" is: the newest data of the source (the simulated centre may run on its own clock).
    void setClock(std::function<qint64()> clock);
    qint64 nowMs() const;

    static const std::vector<Preset> &presets();
    // The grid step for a window of lengthMs: about 1,600 points across it, as fine as a wide chart
    // can show, never finer than a 15 s scrape, and a nice round step, the same whatever the window's
    // size on screen, so that the cache's chunks are reused.
    static qint64 stepFor(qint64 lengthMs);
    static qint64 presetLengthMs(Preset preset);
    // A short label for a preset, e.g. "24 h", "7 d"; translated.
    static QString presetLabel(Preset preset);
    // Parses "1h", "6h", "24h", "7d", "30d", "90d", "1y" (the command line's --range); Custom when unknown.
    static Preset presetFromString(const QString &text);

    Preset preset() const { return m_state.preset; }
    bool followsLive() const { return m_state.live; }
    qint64 lengthMs() const { return m_state.lengthMs; }
    // The window now: the last lengthMs up to now when following live, else the fixed window.
    Window window() const;
    // How the window reads, e.g. "Last 24 h" or "2 Mar 2026 08:00 – 14:00"; translated.
    QString description() const;

    bool canGoBack() const { return !m_back.empty(); }
    bool canGoForward() const { return !m_forward.empty(); }

    // The range at start (from the config or the command line): no history to go back to.
    void reset(Preset preset);

    int refreshIntervalMs() const { return m_refreshIntervalMs; }
    void setRefreshIntervalMs(int ms);

public Q_SLOTS:
    // A preset length ending now, following live data.
    void setPreset(ViewRange::Preset preset);
    // A fixed window (a rubber-band zoom on any chart): stops following live data.
    void zoomTo(qint64 startMs, qint64 endMs);
    // Twice the length around the same centre (never past now while following live).
    void zoomOut();
    // Following live: the window's end moves with now. Off: the window stays where it is.
    void setFollowLive(bool live);
    void back();
    void forward();

Q_SIGNALS:
    // The window's definition changed (not merely time passing while following live).
    void changed();
    void historyChanged();
    void refreshIntervalChanged(int ms);

private:
    struct State
    {
        Preset preset = Preset::Day;
        qint64 lengthMs = 24LL * 3600 * 1000;
        qint64 endMs = 0; // when not live
        bool live = true;
        friend bool operator==(const State &, const State &) = default;
    };
    void apply(const State &next);

    std::function<qint64()> m_clock;
    State m_state;
    std::vector<State> m_back;
    std::vector<State> m_forward;
    int m_refreshIntervalMs = 15000;
};
