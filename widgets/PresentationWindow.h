#pragma once

#include "PresentationSlides.h"

#include <QPointer>
#include <QWidget>

#include <map>

class QAbstractItemModel;
class QLabel;
class QStackedWidget;
class QTimer;
class KpiModel;
class PageDots;
class SlideShow;
class TimeSeriesModel;

// Presentation mode: full-screen slides for visitors, on the dark theme, with no controls. The slides
// (PresentationSlides.h) read the models the dashboard's pages show; SlideShow decides which one is on
// screen and when the next is due.
//
// Keys (a presentation clicker sends the same): PageDown, Right, Down, Space: next; PageUp, Left, Up,
// Backspace: previous; Home, End: first, last; P: pause; Escape or F11: leave (exitRequested). A
// click goes to the next slide. The cursor hides after a few idle seconds and comes back on a move.
// Stale data stays on screen with a discreet "as of HH:MM" in the corner; type scales with the height.
class PresentationWindow : public QWidget
{
    Q_OBJECT
public:
    explicit PresentationWindow(QWidget *parent = nullptr);
    ~PresentationWindow() override;

    void setKpiModel(KpiModel *model);
    // Installed and delivered compute over the roadmap's span, at the roadmap's precision.
    void setCapacityModels(TimeSeriesModel *installed, TimeSeriesModel *delivered);
    // GPU utilisation by partition, and GPUs by state (allocated, idle, down): the newest points count.
    void setUtilisationModel(TimeSeriesModel *model);
    void setGpuStateModel(TimeSeriesModel *model);
    void setRoadmap(const Roadmap &roadmap);
    void setEquivalences(const Equivalences &equivalences);
    // Now, as the source sees it: the roadmap's span and its "we are here" follow it.
    void setNow(qint64 ms);
    // The data on screen is the last good data, from sinceMs; clearStale() once fresh data came.
    void setStaleSince(qint64 sinceMs);
    void clearStale();
    QString staleText() const;

    SlideShow *slideShow() const { return m_show; }
    // The slide widget of an id (SlideShow::slideIds()), for tests and screenshots.
    PresentationSlide *slide(const QString &id) const;
    PresentationSlide *currentSlide() const;
    // Milliseconds without a mouse move before the cursor hides.
    void setCursorIdleMs(int ms);
    bool isCursorHidden() const;

Q_SIGNALS:
    // Escape or F11: back to the dashboard's window.
    void exitRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watch(QAbstractItemModel *model);
    void scheduleRefresh();
    void refresh();
    void showCurrent();
    void scaleTo(int height);
    void retranslate();
    void placeStaleLabel();

    PresentationData m_data;
    SlideShow *m_show;
    QStackedWidget *m_stack;
    std::map<QString, PresentationSlide *> m_slides;
    QLabel *m_centre;
    PageDots *m_dots;
    QLabel *m_stale;
    QTimer *m_cursorTimer;
    qint64 m_staleSinceMs = 0;
    bool m_refreshPending = false;
};
