#pragma once

#include "Roadmap.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class RoadmapCallout;
class TimeSeriesModel;

// The capacity roadmap as a chart: the milestones as a step line, each labelled with its PFLOPS and
// date; installed capacity and delivered compute as lines over the roadmap's span; a marker for today.
// Labels are placed clear of each other, of the lines and of the plot's edges. The chart owns no data:
// it redraws from its two models whenever they change.
class RoadmapChart : public QWidget
{
    Q_OBJECT
public:
    explicit RoadmapChart(QWidget *parent = nullptr);
    ~RoadmapChart() override;

    void setRoadmap(const Roadmap &roadmap);
    // Installed and delivered compute over the span (one series each), at one precision.
    void setModels(TimeSeriesModel *installed, TimeSeriesModel *delivered);
    // The time axis; without one, the data's own range.
    void setSpan(qint64 startMs, qint64 endMs);
    // Where the "today" marker stands; without it, at the data's last point.
    void setToday(qint64 ms);
    // The roadmap's steps are comparable only with lines at the roadmap's precision.
    void setRoadmapVisible(bool visible);
    bool isRoadmapVisible() const { return m_roadmapVisible; }
    void setTitle(const QString &title);
    // Text size of the axes, legend and labels in pixels, with lines and markers in proportion (the
    // presentation, read across a room); 0 keeps the chart's own sizes.
    void setTextPixelSize(int pixels);
    // The words on the today marker, above its date (e.g. "We are here"); empty: "Today, <date>".
    void setTodayCaption(const QString &caption);
    // Whether an empty chart says it is waiting for data (on by default; the presentation draws the
    // roadmap alone instead).
    void setPlaceholderEnabled(bool enabled);
    void setValueAxisTitle(const QString &title);
    QString valueAxisTitle() const;

    // What is drawn, for tests: points per line, the labels' texts and where they are (in the chart's
    // coordinates), and the plot area they must stay inside.
    qsizetype installedPointCount() const;
    qsizetype deliveredPointCount() const;
    int roadmapPointCount() const;
    QStringList legendNames() const;
    QStringList calloutTexts() const;
    QList<QRectF> calloutRects() const;
    QRectF plotArea() const;
    QString placeholderText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QString name;
        QColor colour;
        qreal width = 2;
        std::vector<QLineSeries *> segments; // one per run of values between gaps
    };

    void scheduleRedraw();
    void redraw();
    void drawLine(Line &line, const TimeSeriesModel *model, double *maximum, qint64 *lastMs);
    QLineSeries *newSegment(const Line &line, bool inLegend);
    void updateTimeAxis();
    void layoutCallouts();
    void retranslate();
    // Colours from the palette: the chart follows a light or dark theme.
    void applyPalette();
    void applyTextSize();
    QFont labelFont() const;
    // Line widths and marker sizes relative to the chart's own at the text size chosen.
    qreal scale() const;

    Roadmap m_roadmap;
    QPointer<TimeSeriesModel> m_installedModel;
    QPointer<TimeSeriesModel> m_deliveredModel;
    QChart *m_chart;
    QChartView *m_view;
    QCategoryAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLineSeries *m_roadmapLine;
    QScatterSeries *m_milestonePoints;
    QLineSeries *m_todayLine;
    QLabel *m_placeholder;
    Line m_installed;
    Line m_delivered;
    std::vector<RoadmapCallout *> m_milestoneCallouts;
    RoadmapCallout *m_todayCallout;
    qint64 m_spanStartMs = 0;
    qint64 m_spanEndMs = 0;
    qint64 m_todayMs = 0;
    qint64 m_shownStartMs = 0;
    qint64 m_shownEndMs = 0;
    qint64 m_shownTodayMs = 0;
    bool m_roadmapVisible = true;
    bool m_placeholderEnabled = true;
    int m_textPixelSize = 0;
    QString m_todayCaption;
    QColor m_roadmapColour;
    bool m_redrawPending = false;
    bool m_layingOut = false;
};
