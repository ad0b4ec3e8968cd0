#pragma once

#include <QList>
#include <QPointF>

#include <span>
#include <vector>

// Where the plot area's pixel columns fall on the time axis, in device pixels, computed the way Qt
// Charts places a point: x_px = left + (x - xMin) * width / (xMax - xMin).
//
// Points are grouped into buckets: the pixel columns, cut where a vertical stroke of the line's pen
// starts or stops reaching into a neighbouring column. A stroke w pixels wide at x_px covers the
// columns whose centres (k + 0.5) lie within x_px ± w / 2, so within one bucket every stroke covers
// the same columns; for w = 1 the buckets are exactly the pixel columns, for w = 1.6 each column has
// two (its middle 0.4 px, covering only itself, and the 0.6 px around its edge, covering both sides).
struct PixelColumns
{
    double xMin = 0; // time at the plot area's left edge
    double xMax = 0; // time at its right edge
    double left = 0; // device x of the left edge (Qt Charts lays the plot area out on fractions)
    double width = 0; // device pixels between the edges
    double penWidth = 1; // the line's width in device pixels

    // Pixel columns of the plot area.
    int count() const;
    // The bucket of time x; buckets increase with x. Points more than a few pixels outside the plot
    // area cannot be seen, only the line from them into it: all of them fall in one bucket each side.
    int bucketOf(double x) const;
};

// Turns a regular time grid of values (NaN = gap) into the runs between gaps that a line chart draws,
// optionally reduced so that drawing them looks the same at far fewer points (M4: Jugel et al.,
// "M4: A Visualization-Oriented Time Series Data Aggregation", VLDB 2014). Pure functions.
namespace Decimator {

// A run of points between gaps, in time order; x is the timestamp in ms as double.
using Run = QList<QPointF>;

// Every value, split into runs at the gaps: the i-th value is at x = startMs + i * stepMs.
std::vector<Run> runs(std::span<const double> values, qint64 startMs, qint64 stepMs);

// The same runs reduced per bucket (see PixelColumns): of the points of a run that fall in one bucket,
// only the first, the minimum, the maximum and the last are kept, in time order (M4), and where the
// minimum or maximum is reached more than once, its first and last time (the ends of a plateau, so
// that a step keeps its corner where it was): at most six points. A line through them covers the
// same pixels in that bucket (its vertical extent, on the same columns) and joins the neighbouring
// buckets at the same points as the full line. A gap inside a bucket still ends one run and starts
// the next.
std::vector<Run> m4(
    std::span<const double> values, qint64 startMs, qint64 stepMs, const PixelColumns &columns);

} // namespace Decimator
