#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QPolygonF>

#include <optional>
#include <vector>

class QChart;
class QValueAxis;

// The lines of a ChartPanel, drawn as one item over the plot area: each line's runs of points (in
// axis values) with one drawLines call, a run of a single point as a dot, clipped to the plot area.
// Antialiased, a dense pixel column is drawn as its extent, tall ones as whole pixels (appendByColumn
// in the source).
//
// Segments, not a polyline: without antialiasing Qt rasterises a polyline's sub-pixel segments
// (hundreds a pixel column, undecimated) differently from the same points as separate lines, which
// moves steps by a pixel against the decimated line; separate lines are what Qt Charts drew, and
// keep the decimated line pixel for pixel on the full one.
//
// Why not QLineSeries: Qt Charts builds a stroked outline of every series for hit-testing and draws
// one drawLine per segment, about 1 µs per point, which a few decimated series of a million points
// (25,000 drawn points) turn into 30–40 ms a redraw. The panel keeps one empty series per line for
// the legend and the axes.
//
// Points are placed as Qt Charts places its own (the plot area spans the axes' ranges), from the
// chart's plot area and the axes at paint time; the placed points are kept until the lines, the
// plot area or a range change.
class ChartLinesItem : public QGraphicsItem
{
public:
    struct Line
    {
        QPen pen;
        std::vector<QList<QPointF>> runs; // in axis values: x in ms since the epoch, y the value
        // The range of the samples behind each point (a rollup's min to max), drawn under the line
        // in its colour, translucent: closed outlines in axis values.
        std::vector<QList<QPointF>> bands = {};
    };

    ChartLinesItem(QChart *chart, QValueAxis *xAxis, QValueAxis *yAxis);

    void setLines(std::vector<Line> lines);
    // Whether an antialiased line's points inside one device pixel column are drawn as the column's
    // extent (see appendByColumn in the source) rather than segment by segment. On by default; off
    // draws every segment, the reference that tst_chartdecimation compares the decimated drawing with.
    void setMergeColumns(bool merge);
    // The chart's plot area moved or changed size.
    void updatePlotArea();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Placement
    {
        QSizeF size;
        double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
        // Device x = item x * deviceScale + deviceOffset, where columns are merged.
        double deviceScale = 0, deviceOffset = 0;
        // Device y = item y * deviceYScale + deviceYOffset, likewise.
        double deviceYScale = 0, deviceYOffset = 0;
        bool mergeColumns = false; // see appendByColumn in the source
        bool operator==(const Placement &) const = default;
    };
    Placement placement(const QPainter &painter) const;
    void place(const Placement &placement);
    // Every line and dot, with the painter's transform and clip.
    void drawLines(QPainter &painter) const;

    QChart *m_chart;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    std::vector<Line> m_lines;
    bool m_mergeColumns = true;
    struct Placed
    {
        QList<QLineF> segments;
        QList<QRectF> spans; // whole device pixels: columns' extents, drawn without antialiasing
        QList<QPointF> dots;
        QList<QPolygonF> bands;
    };
    // Each line in item coordinates, for the placement it was computed for.
    std::vector<Placed> m_placed;
    std::optional<Placement> m_placedFor;
    QRectF m_area; // the plot area in chart coordinates
};
