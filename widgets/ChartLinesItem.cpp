#include "ChartLinesItem.h"

#include <QChart>
#include <QPaintEngine>
#include <QPainter>
#include <QThreadPool>
#include <QValueAxis>
#include <QtConcurrentMap>

#include <cmath>
#include <numeric>

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

    qsizetype segments = 0;
    for (const Placed &placed : m_placed)
        segments += placed.segments.size();
    if (segments >= parallelSegments && paintInStrips(painter, clip))
        return;
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

bool ChartLinesItem::paintInStrips(QPainter *painter, const QRectF &clip) const
{
    // Antialiased strokes of tens of thousands of segments take most of a redraw, on one core. Cut into
    // vertical strips, each painted on its own core into a transparent layer with the same transform
    // (shifted by whole device pixels, so that every stroke falls on the same pixels with the same
    // coverage), and drawn back pixel for pixel, they take a fraction of that. Only on a raster device
    // (a window, an image): a PDF, SVG or print keeps its vector lines.
    if (!painter->paintEngine() || painter->paintEngine()->type() != QPaintEngine::Raster)
        return false;
    const QTransform device = painter->deviceTransform();
    const double scale = device.m11();
    if (device.type() > QTransform::TxScale || scale != device.m22() || scale < 1
        || scale != std::round(scale))
        return false;
    const int strips = std::min(QThreadPool::globalInstance()->maxThreadCount(), 8);
    const QRect area = device.mapRect(clip).toAlignedRect();
    if (strips < 2 || area.width() < 2 * strips)
        return false;

    std::vector<QRect> parts;
    for (int k = 0; k < strips; ++k) {
        const int left = area.left() + area.width() * k / strips;
        const int right = area.left() + area.width() * (k + 1) / strips;
        parts.emplace_back(left, area.top(), right - left, area.height());
    }
    std::vector<QImage> layers(parts.size());
    const QPainter::RenderHints hints = painter->renderHints();
    std::vector<int> indices(parts.size());
    std::iota(indices.begin(), indices.end(), 0);
    QtConcurrent::blockingMap(indices, [&](int k) {
        QImage &layer = layers[size_t(k)];
        layer = QImage(parts[size_t(k)].size(), QImage::Format_ARGB32_Premultiplied);
        layer.fill(Qt::transparent);
        QPainter strip(&layer);
        strip.setRenderHints(hints);
        strip.setTransform(
            device * QTransform::fromTranslate(-parts[size_t(k)].left(), -parts[size_t(k)].top()));
        strip.setClipRect(clip);
        drawLines(strip);
    });

    // Back in device pixels: undo what lies between the painter's world and the device (the view,
    // a redirection, a high-density scale) so that a layer pixel lands on one device pixel.
    painter->save();
    painter->setWorldTransform((painter->worldTransform().inverted() * device).inverted());
    for (size_t k = 0; k < parts.size(); ++k)
        painter->drawImage(parts[k].topLeft(), layers[k]);
    painter->restore();
    return true;
}
