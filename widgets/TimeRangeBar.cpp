#include "TimeRangeBar.h"

#include "ViewRange.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QStyle>

#include <array>

namespace {
constexpr std::array<int, 5> refreshSeconds = { 5, 15, 30, 60, 300 };
}

TimeRangeBar::TimeRangeBar(ViewRange *range, QWidget *parent)
    : QToolBar(parent)
    , m_range(range)
    , m_back(new QAction(style()->standardIcon(QStyle::SP_ArrowBack), QString(), this))
    , m_forward(new QAction(style()->standardIcon(QStyle::SP_ArrowForward), QString(), this))
    , m_zoomOut(new QAction(QString(), this))
    , m_followLive(new QAction(QString(), this))
    , m_presets(new QActionGroup(this))
    , m_description(new QLabel(this))
    , m_refreshLabel(new QLabel(this))
    , m_refresh(new QComboBox(this))
{
    setObjectName(QStringLiteral("timeRangeBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_back->setShortcut(QKeySequence::Back);
    m_forward->setShortcut(QKeySequence::Forward);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_followLive->setCheckable(true);
    m_followLive->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_back->setObjectName(QStringLiteral("rangeBack"));
    m_forward->setObjectName(QStringLiteral("rangeForward"));
    m_zoomOut->setObjectName(QStringLiteral("rangeZoomOut"));
    m_followLive->setObjectName(QStringLiteral("rangeFollowLive"));
    addAction(m_back);
    addAction(m_forward);
    addSeparator();
    for (ViewRange::Preset preset : ViewRange::presets()) {
        auto *action = new QAction(m_presets);
        action->setCheckable(true);
        action->setObjectName(QStringLiteral("rangePreset%1").arg(int(preset)));
        connect(action, &QAction::triggered, m_range, [this, preset] { m_range->setPreset(preset); });
        m_presetActions[int(preset)] = action;
        addAction(action);
    }
    // A custom window (after a zoom) leaves every preset unchecked.
    m_presets->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    addAction(m_zoomOut);
    addSeparator();
    addAction(m_followLive);
    addSeparator();
    m_description->setObjectName(QStringLiteral("rangeDescription"));
    m_description->setContentsMargins(6, 0, 6, 0);
    addWidget(m_description);

    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);
    m_refreshLabel->setContentsMargins(6, 0, 4, 0);
    addWidget(m_refreshLabel);
    m_refresh->setObjectName(QStringLiteral("refreshInterval"));
    addWidget(m_refresh);

    connect(m_back, &QAction::triggered, m_range, &ViewRange::back);
    connect(m_forward, &QAction::triggered, m_range, &ViewRange::forward);
    connect(m_zoomOut, &QAction::triggered, m_range, &ViewRange::zoomOut);
    connect(m_followLive, &QAction::triggered, m_range, &ViewRange::setFollowLive);
    connect(m_refresh, &QComboBox::activated, this,
        [this](int index) { m_range->setRefreshIntervalMs(m_refresh->itemData(index).toInt()); });
    connect(m_range, &ViewRange::changed, this, &TimeRangeBar::sync);
    connect(m_range, &ViewRange::historyChanged, this, &TimeRangeBar::sync);
    connect(m_range, &ViewRange::refreshIntervalChanged, this, &TimeRangeBar::sync);
    // A live window's description ("Last 24 h") does not change with time; a paused one is fixed.
    retranslate();
}

QAction *TimeRangeBar::presetAction(int preset) const
{
    const auto it = m_presetActions.find(preset);
    return it == m_presetActions.end() ? nullptr : it->second;
}

QString TimeRangeBar::descriptionText() const
{
    return m_description->text();
}

void TimeRangeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolBar::changeEvent(event);
}

void TimeRangeBar::retranslate()
{
    setWindowTitle(tr("Time range"));
    m_back->setText(tr("Back"));
    m_back->setToolTip(
        tr("Previous time range (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    m_forward->setText(tr("Forward"));
    m_forward->setToolTip(
        tr("Next time range (%1)").arg(m_forward->shortcut().toString(QKeySequence::NativeText)));
    m_zoomOut->setText(tr("Zoom out"));
    m_zoomOut->setToolTip(tr("Show twice as long a time range (%1)")
                              .arg(m_zoomOut->shortcut().toString(QKeySequence::NativeText)));
    m_followLive->setText(tr("Follow live"));
    m_followLive->setToolTip(tr("Keep the newest data in view; off, the time range stays where it is (%1)")
                                 .arg(m_followLive->shortcut().toString(QKeySequence::NativeText)));
    for (const auto &[preset, action] : m_presetActions) {
        action->setText(ViewRange::presetLabel(ViewRange::Preset(preset)));
        action->setToolTip(tr("Show the last %1").arg(ViewRange::presetLabel(ViewRange::Preset(preset))));
    }
    m_refreshLabel->setText(tr("Refresh every"));
    m_refresh->clear();
    for (int seconds : refreshSeconds)
        m_refresh->addItem(seconds < 60 ? tr("%n s", nullptr, seconds) : tr("%n min", nullptr, seconds / 60),
            seconds * 1000);
    sync();
}

void TimeRangeBar::sync()
{
    m_back->setEnabled(m_range->canGoBack());
    m_forward->setEnabled(m_range->canGoForward());
    m_followLive->setChecked(m_range->followsLive());
    for (const auto &[preset, action] : m_presetActions)
        action->setChecked(int(m_range->preset()) == preset);
    m_description->setText(m_range->description());
    int index = m_refresh->findData(m_range->refreshIntervalMs());
    if (index < 0) {
        // A configured interval that is not in the list is shown as it is.
        const int seconds = m_range->refreshIntervalMs() / 1000;
        m_refresh->addItem(tr("%n s", nullptr, seconds), m_range->refreshIntervalMs());
        index = m_refresh->count() - 1;
    }
    m_refresh->setCurrentIndex(index);
}
