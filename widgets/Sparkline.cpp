#include "Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void Sparkline::setValues(const QList<double> &values)
{
    m_values = values;
    update();
}

void Sparkline::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    double low = qInf(), high = -qInf();
    for (double v : m_values) {
        if (std::isnan(v))
            continue;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (m_values.size() < 2 || low > high)
        return;
    const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
    // A flat history sits in the middle instead of on the floor.
    const double span = high > low ? high - low : 1;
    const double base = high > low ? low : low - 0.5;
    const double dx = area.width() / double(m_values.size() - 1);
    QPainterPath line;
    bool drawing = false;
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const double v = m_values[i];
        if (std::isnan(v)) {
            drawing = false;
            continue;
        }
        const QPointF point(area.left() + double(i) * dx, area.bottom() - (v - base) / span * area.height());
        if (drawing)
            line.lineTo(point);
        else
            line.moveTo(point);
        drawing = true;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(m_colour.isValid() ? m_colour : palette().color(QPalette::Highlight));
    pen.setWidthF(1.5);
    painter.setPen(pen);
    painter.drawPath(line);
}
