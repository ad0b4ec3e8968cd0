#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

class QWidget;

// Writes a chart (any widget, drawn as it is on screen) to a file: PNG at twice the pixel size for
// sharp print, SVG with text kept as text, PDF as vectors. Used by the chart's menu, the toolbar,
// the report and the headless export alike. The widget given is resized to the size asked for:
// pass one made for the export (e.g. a ChartPanel on the same model), not one in the window.
class ChartExporter
{
    Q_DECLARE_TR_FUNCTIONS(ChartExporter)
public:
    enum class Format { Png, Svg, Pdf };

    // "png", "svg" or "pdf" (any case); nothing for another name.
    static std::optional<Format> formatFromName(const QString &name);
    static QString suffix(Format format);

    // Lays the widget out at size and draws it into an image of size × pixelRatio pixels.
    static QImage toImage(QWidget *widget, QSize size, qreal pixelRatio = 2.0);
    // Writes the widget at size (in pixels; PNG at twice that) to path. On error says what
    // failed, naming the path.
    static bool write(QWidget *widget, const QString &path, Format format, QSize size, const QString &title,
        QString *error);
    // Qt's SVG generator writes a chart's line as one <polyline> per segment, thousands of them: this
    // joins each run of them into one <path>, and consecutive groups drawn alike into one, so that a
    // series is one path an illustrator can select and restyle. Everything else is kept as it is.
    static QByteArray joinStrokes(const QByteArray &svg);
    // The image on the clipboard, for pasting into a document or a chat.
    static void copyToClipboard(QWidget *widget, QSize size);

    // Lays the widget out at size and lets it redraw, shown but never on screen.
    static void layOut(QWidget *widget, QSize size);
    // Draws the widget, as laid out, with its top left at `at` and one widget pixel as `scale`
    // units of painter. Recorded as a QPicture first, then played: QWidget::render() straight to a
    // printer draws a bitmap, and through a translated painter Qt Charts loses its legend; the
    // recording keeps text as text and lines as vectors on any device. Legends are recorded
    // unclipped, since the picture plays their clip back wrongly for a chart inside a page.
    static void renderAsVectors(QWidget *widget, QPainter &painter, const QPointF &at, double scale = 1.0);
};
