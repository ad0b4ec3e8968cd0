#pragma once

#include <QImage>
#include <QRect>

#include <algorithm>
#include <cstdlib>

// Comparing images in the chart tests: how far apart two colours are, the largest difference of a
// channel (0-255).
inline int channelDistance(QRgb p, QRgb q)
{
    return std::max(
        { std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q)) });
}

// Pixels where two images differ by more than the tolerance in any channel, within a rectangle.
inline qsizetype differingPixels(
    const QImage &a, const QImage &b, const QRect &area, int tolerance, QImage *map = nullptr)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    if (map) {
        *map = QImage(x.size(), QImage::Format_RGB32);
        map->fill(Qt::white);
    }
    qsizetype pixels = 0;
    for (int row = area.top(); row <= area.bottom(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int column = area.left(); column <= area.right(); ++column) {
            if (channelDistance(p[column], q[column]) > tolerance) {
                ++pixels;
                if (map)
                    map->setPixel(column, row, qRgb(255, 0, 0));
            }
        }
    }
    return pixels;
}
