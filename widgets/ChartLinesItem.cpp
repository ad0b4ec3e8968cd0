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
// Light enough that the lines over a band stay readable, dark enough that a one-pixel spike shows.
constexpr int bandAlpha = 90;
} // namespace

ChartLinesItem::Placement ChartLinesItem::placement() const
{
    return Placement { m_area.size(), m_xAxis->min(), m_xAxis->max(), m_yAxis->min(), m_yAxis->max() };
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
            QPointF from = at(run.front());
            for (qsizetype i = 1; i < run.size(); ++i) {
                const QPointF to = at(run[i]);
                placed.segments.append(QLineF(from, to));
                from = to;
            }
        }
    }
    m_placedFor = placement;
}

void ChartLinesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const Placement now = placement();
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
