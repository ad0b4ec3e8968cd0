#pragma once

#include <QToolBar>

#include <map>

class QActionGroup;
class QComboBox;
class QLabel;
class ViewRange;

// The time-range toolbar over every page: Back and Forward, the preset lengths, Zoom out, Follow live,
// what the window is, and how often the view refreshes. It only drives the shared ViewRange and
// shows its state; every page follows the range itself.
class TimeRangeBar : public QToolBar
{
    Q_OBJECT
public:
    explicit TimeRangeBar(ViewRange *range, QWidget *parent = nullptr);

    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *followLiveAction() const { return m_followLive; }
    QAction *presetAction(int preset) const;
    QString descriptionText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void sync();

    ViewRange *m_range;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_zoomOut;
    QAction *m_followLive;
    QActionGroup *m_presets;
    std::map<int, QAction *> m_presetActions;
    QLabel *m_description;
    QLabel *m_refreshLabel;
    QComboBox *m_refresh;
};
