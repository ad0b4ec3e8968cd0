#include "ChartLinesItem.h"

#include <QChart>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

ChartLinesItem::ChartLinesItem(QChart *chart, QValueAxis *xAxis, QValueAxis *yAxis)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_xAxis(xAxis)
    , m_yAxis(yAxis)
{
    // Only drawn: the legend and the panel's own mouse handling take every event.
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    updatePlotArea();
}

void ChartLinesItem::setLines(std::vector<Line> lines)
{
    m_lines = std::move(lines);
    m_placedFor.reset();
    update();
}

void ChartLinesItem::updatePlotArea()
{
    const QRectF area = m_chart->plotArea();
    if (area == m_area)
        return;
    prepareGeometryChange();
    m_area = area;
    setPos(area.topLeft());
    m_placedFor.reset();
    update();
}

QRectF ChartLinesItem::boundingRect() const
{
    // A pixel beyond the plot area: the clip below lets lines along its edges show.
    return QRectF(QPointF(), m_area.size()).adjusted(-1, -1, 1, 1);
}

namespace {

template<typename At> void appendAll(const QList<QPointF> &run, const At &at, QList<QLineF> *segments)
{
    QPointF from = at(run.front());
    for (qsizetype i = 1; i < run.size(); ++i) {
        const QPointF to = at(run[i]);
        segments->append(QLineF(from, to));
        from = to;
    }
}

// An antialiased line whose points crowd into device pixel columns (a decimated line keeps up to six
// points of a column's hundreds): the segments inside one column are mostly overdraw, two or three
// near-vertical strokes over the same rows, each blended pixel by pixel at about 20 ns a row here,
// the bulk of a redraw. Per column, the points are replaced by the column's extent, from its lowest
// point to its highest; the joins to the neighbouring columns stay as they were.
// - An extent of at least minSpanPixels is filled as whole pixels of its column, the rows whose
//   centres it spans: a solid fill at about a nanosecond a pixel. The line's own antialiasing puts
//   at least half its ink in those pixels (the column holds the points, so the 1-px pen covers at
//   least half of it) and a little on either side; a tall stroke reads the same either way.
// - A shorter extent is one antialiased segment between the two points, so that slopes and flat
//   stretches keep their smooth edges.
// Without antialiasing every segment is drawn as it is (the decimation test compares those drawings
// pixel for pixel).
constexpr double minSpanPixels = 4;

template<typename At, typename Placement>
void appendByColumn(const QList<QPointF> &run, const At &at, const Placement &placement,
    QList<QLineF> *segments, QList<QRectF> *spans)
{
    auto column = [&](const QPointF &point) {
        return std::floor(point.x() * placement.deviceScale + placement.deviceOffset);
    };
    QPointF previous; // the last point of the column before
    bool hasPrevious = false;
    qsizetype i = 0;
    while (i < run.size()) {
        const QPointF first = at(run[i]);
        const double here = column(first);
        QPointF low = first, high = first, last = first;
        for (++i; i < run.size(); ++i) {
            const QPointF point = at(run[i]);
            if (column(point) != here)
                break;
            // Item y grows downwards: "low" is the smallest y on screen, whichever value that is.
            if (point.y() < low.y())
                low = point;
            if (point.y() > high.y())
                high = point;
            last = point;
        }
        if (hasPrevious)
            segments->append(QLineF(previous, first));
        previous = last;
        hasPrevious = true;

        const double top = low.y() * placement.deviceYScale + placement.deviceYOffset;
        const double bottom = high.y() * placement.deviceYScale + placement.deviceYOffset;
        if (bottom - top >= minSpanPixels) {
            // Rows whose centres lie within [top, bottom], in item coordinates.
            const double firstRow = std::ceil(top - 0.5), endRow = std::floor(bottom - 0.5) + 1;
            auto itemX = [&](double x) { return (x - placement.deviceOffset) / placement.deviceScale; };
            auto itemY = [&](double y) { return (y - placement.deviceYOffset) / placement.deviceYScale; };
            spans->append(
                QRectF(QPointF(itemX(here), itemY(firstRow)), QPointF(itemX(here + 1), itemY(endRow))));
        } else if (low != high) {
            segments->append(QLineF(low, high));
        } else if (last != first) {
            segments->append(QLineF(first, last));
        }
    }
}

// Light enough that the lines over a band stay readable, dark enough that a one-pixel spike shows.
constexpr int bandAlpha = 90;
} // namespace

ChartLinesItem::Placement ChartLinesItem::placement(const QPainter &painter) const
{
    Placement placement { m_area.size(), m_xAxis->min(), m_xAxis->max(), m_yAxis->min(), m_yAxis->max() };
    const QTransform toDevice = painter.deviceTransform();
    // Antialiased lines only, and columns are known only where device pixels line up with the axes.
    if (m_mergeColumns && painter.testRenderHint(QPainter::Antialiasing)
        && toDevice.type() <= QTransform::TxScale && toDevice.m11() > 0 && toDevice.m22() > 0) {
        placement.deviceScale = toDevice.m11();
        placement.deviceOffset = toDevice.dx();
        placement.deviceYScale = toDevice.m22();
        placement.deviceYOffset = toDevice.dy();
        placement.mergeColumns = true;
    }
    return placement;
}

void ChartLinesItem::setMergeColumns(bool merge)
{
    if (m_mergeColumns == merge)
        return;
    m_mergeColumns = merge;
    m_placedFor.reset();
    update();
}

void ChartLinesItem::place(const Placement &placement)
{
    // As Qt Charts' XYDomain places points, so that the lines sit where series lines would.
    const double dx = placement.size.width() / (placement.xMax - placement.xMin);
    const double dy = placement.size.height() / (placement.yMax - placement.yMin);
    const double height = placement.size.height();
    m_placed.assign(m_lines.size(), {});
    for (size_t l = 0; l < m_lines.size(); ++l) {
        Placed &placed = m_placed[l];
        auto at = [&](const QPointF &point) {
            return QPointF((point.x() - placement.xMin) * dx, (point.y() - placement.yMin) * -dy + height);
        };
        for (const QList<QPointF> &band : m_lines[l].bands) {
            QPolygonF polygon;
            polygon.reserve(band.size());
            for (const QPointF &point : band)
                polygon.append(at(point));
            placed.bands.append(polygon);
        }
        for (const QList<QPointF> &run : m_lines[l].runs) {
            if (run.size() == 1) {
                placed.dots.append(at(run.front()));
                continue;
            }
            if (placement.mergeColumns)
                appendByColumn(run, at, placement, &placed.segments, &placed.spans);
            else
                appendAll(run, at, &placed.segments);
        }
    }
    m_placedFor = placement;
}

void ChartLinesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Placement now = placement(*painter);
    if (m_lines.empty() || now.size.isEmpty() || now.xMax <= now.xMin || now.yMax <= now.yMin)
        return;
    if (m_placedFor != now)
        place(now);

    // Qt Charts' clip: the plot area, widened by up to half a pixel so that lines along its edges show,
    // never so much that a line is drawn beyond it.
    QRectF clip(QPointF(), now.size);
    const double x1 = pos().x() - std::trunc(pos().x());
    const double y1 = pos().y() - std::trunc(pos().y());
    const double x2 = (clip.width() + 0.5) - std::trunc(clip.width() + 0.5);
    const double y2 = (clip.height() + 0.5) - std::trunc(clip.height() + 0.5);
    clip.adjust(-x1, -y1, std::max(x1, x2), std::max(y1, y2));

    painter->save();
    painter->setClipRect(clip);
    drawLines(*painter);
    painter->restore();
}

void ChartLinesItem::drawLines(QPainter &painter) const
{
    // Every band before any line, so that no band veils another series' line.
    for (size_t l = 0; l < m_lines.size(); ++l) {
        if (m_placed[l].bands.isEmpty())
            continue;
        QColor fill = m_lines[l].pen.color();
        fill.setAlpha(bandAlpha);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        for (const QPolygonF &band : std::as_const(m_placed[l].bands))
            painter.drawPolygon(band);
    }
    for (size_t l = 0; l < m_lines.size(); ++l) {
        const QPen &pen = m_lines[l].pen;
        if (!m_placed[l].spans.isEmpty()) {
            // Whole pixels: filled as they are, no edge to smooth.
            const bool antialiased = painter.testRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::Antialiasing, false);
            for (const QRectF &span : std::as_const(m_placed[l].spans))
                painter.fillRect(span, pen.color());
            painter.setRenderHint(QPainter::Antialiasing, antialiased);
        }
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawLines(m_placed[l].segments);
        if (m_placed[l].dots.isEmpty())
            continue;
        // A sample alone between gaps has no line: a dot shows it, as Qt Charts draws a series' points.
        const double radius = pen.width() * 1.5;
        painter.setPen(Qt::NoPen);
        painter.setBrush(pen.color());
        for (const QPointF &dot : std::as_const(m_placed[l].dots))
            painter.drawEllipse(dot, radius, radius);
    }
}
