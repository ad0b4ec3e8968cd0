#pragma once

#include "Decimator.h"
#include "TimeAxisTicks.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class ChartLinesItem;
class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QGraphicsLineItem;
class QLabel;
class QLegendMarker;
class QLineSeries;
class QRubberBand;
class QValueAxis;
class TimeSeriesModel;

// A titled time chart of one TimeSeriesModel: a line per model column over time, or the columns
// stacked as areas. The chart owns no data: it redraws from the model, in bulk, whenever the model
// changes. Gaps (NaN) break a line instead of joining its ends; an empty model shows why instead of
// blank axes.
//
// Any number of points: a series with more than twice as many points as the plot area has pixel
// columns is decimated (M4, see Decimator.h) to about four points per column (six at most), which
// draws the same line; it is redecimated when the model, the time range or the plot area changes.
//
// Operators: dragging across the plot selects a time range (rangeSelected; the panel does not zoom
// itself, the dashboard's shared range comes back through setTimeRange), double-clicking asks to
// zoom out (right-click is left free for a context menu); hovering shows the time and every visible
// series' value at the nearest sample; clicking a legend entry hides or shows its series. The chart
// follows the application palette (light or dark) and keeps its series colours.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    void setTitle(const QString &title);
    QString title() const;
    void setModel(TimeSeriesModel *model);
    TimeSeriesModel *model() const;
    // A panel drawn like this one, on the same model, for an export at another size off screen.
    std::unique_ptr<ChartPanel> copy() const;
    // Writes the chart at size (PNG at twice that) as PNG, SVG or PDF, by the file's suffix; and its
    // data as CSV. On error says what failed, naming the file.
    bool exportImage(const QString &path, QSize size, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;
    // Fixes the value axis (e.g. 0–100 for percentages); otherwise it fits the visible data from zero.
    void setFixedValueRange(double minimum, double maximum);

    // The time axis spans [startMs, endMs] (the dashboard's shared view window) whatever the data
    // covers; without it, or after clearTimeRange(), it spans the data.
    void setTimeRange(qint64 startMs, qint64 endMs);
    void clearTimeRange();
    // What the time axis spans now, in ms since the epoch.
    qint64 axisStartMs() const { return m_axisStartMs; }
    qint64 axisEndMs() const { return m_axisEndMs; }

    // Draws the series as stacked areas (e.g. jobs running per partition): each area sits on the
    // visible series before it; a gap counts as 0 in the stack.
    void setStacked(bool stacked);
    bool isStacked() const { return m_stacked; }

    // On by default; off draws every point (tests compare the two, and it takes seconds at a million).
    void setDecimationEnabled(bool enabled);
    bool isDecimationEnabled() const { return m_decimationEnabled; }

    // Series (model columns) and their legend names, hidden ones included.
    int seriesCount() const { return int(m_lines.size()); }
    QStringList legendNames() const;
    // Samples the chart shows: values (not gaps) in the model across all series, whatever decimation
    // makes of them. The same as modelPointCount().
    qsizetype pointCount() const { return modelPointCount(); }
    qsizetype modelPointCount() const;
    // Points drawn after decimation, across all series and their segments (in stacked
    // mode the top edge of every area): what the drawing costs.
    qsizetype drawnPointCount() const;
    // The points drawn for one series: its segments between gaps (stacked: one segment, the top edge
    // of its area, i.e. the running total), decimated as drawn. Empty for a hidden series.
    std::vector<QList<QPointF>> drawnSegments(int series) const;
    // The band drawn under a series whose result carries the range of the samples behind each point
    // (Series::minValues/maxValues, from the cache's rollups): per run between gaps, a closed outline
    // along the maxima forward and the minima back, at most a point per pixel column each way.
    // Empty for a series without a range, a hidden one, and in stacked mode.
    std::vector<QList<QPointF>> drawnEnvelope(int series) const;
    // The message shown while there is nothing to draw; empty when the chart has points.
    QString placeholderText() const;

    // Hides or shows a series, as a click on its legend entry does; hidden series keep their legend
    // entry (dimmed), are left out of the stack, the value axis and the tooltip, and stay hidden
    // across redraws: the panel remembers hidden series by name.
    void setSeriesVisible(int series, bool visible);
    bool isSeriesVisible(int series) const;

    // The tooltip shown when hovering over time ms: the date and time of the nearest sample and every
    // visible series' value there with its unit ("no data" for a gap); in stacked mode also the total.
    QString toolTipText(qint64 ms) const;

    // The time axis' labelled ticks, as chosen for the current width.
    QList<TimeTick> timeAxisTicks() const { return m_ticks; }
    // The plot area in the coordinates of chartViewport(), where the mouse acts.
    QRectF plotArea() const;
    QWidget *chartViewport() const;
    // The time under a viewport x coordinate, clamped to the axis.
    qint64 timeAt(double viewportX) const;

Q_SIGNALS:
    // The user dragged across the plot from startMs to endMs (startMs < endMs).
    void rangeSelected(qint64 startMs, qint64 endMs);
    // The user double-clicked the plot.
    void zoomOutRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Right-click: export the image (at this size or full HD), copy it, export the data.
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Line
    {
        QString name;
        bool hidden = false;
        // Lines: an empty series that names the line in the legend; m_linesItem draws the runs.
        QLineSeries *series = nullptr;
        std::vector<QList<QPointF>> runs; // lines: the runs of points between gaps, as drawn
        std::vector<QList<QPointF>> bands; // lines: the range behind each point, when the result has one
        QAreaSeries *area = nullptr; // stacked: the area between the previous total and this one
    };

    void scheduleRedraw();
    void redraw();
    void rebuildSeries();
    void updateTimeRange();
    void updateValueRange();
    void updateGeometryPoints();
    void updateTimeAxis();
    void applyVisibility();
    void applyPalette();
    void handlePlotAreaChanged(const QRectF &plotArea);
    void handleMarkerClicked(QLegendMarker *marker);
    QLineSeries *newLegendSeries(int line);
    void updateLinesItem();
    QColor seriesColour(int line) const;
    PixelColumns pixelColumns(double penWidth) const;
    bool decimates(size_t pointCount, const PixelColumns &columns) const;
    void showHover(const QPoint &viewportPos);
    void hideHover();

    QPointer<TimeSeriesModel> m_model;
    QChart *m_chart;
    QChartView *m_view;
    QCategoryAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLabel *m_placeholder;
    QRubberBand *m_band;
    QGraphicsLineItem *m_hoverLine;
    ChartLinesItem *m_linesItem;
    std::vector<Line> m_lines;
    QSet<QString> m_hiddenNames;
    // Stacked mode: the running total up to each visible series (gaps as 0); empty for hidden ones.
    std::vector<std::vector<double>> m_totals;
    QList<TimeTick> m_ticks;
    std::optional<std::pair<qint64, qint64>> m_timeRange;
    qint64 m_axisStartMs = 0;
    qint64 m_axisEndMs = 0;
    PixelColumns m_drawnFor; // the columns the points were last decimated for
    std::optional<QPoint> m_dragOrigin;
    bool m_fixedRange = false;
    bool m_stacked = false;
    bool m_decimationEnabled = true;
    bool m_redrawPending = false;
    bool m_seriesAreStacked = false; // the mode the current series objects were built for
};
