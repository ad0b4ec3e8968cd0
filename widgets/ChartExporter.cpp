#include "ChartExporter.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QFileInfo>
#include <QLegend>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

#include <vector>

std::optional<ChartExporter::Format> ChartExporter::formatFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("png"))
        return Format::Png;
    if (key == QLatin1String("svg"))
        return Format::Svg;
    if (key == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString ChartExporter::suffix(Format format)
{
    switch (format) {
    case Format::Png:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

void ChartExporter::layOut(QWidget *widget, QSize size)
{
    // Laid out and redrawn at the asked size first: charts redraw from their model on the next turn
    // of the event loop. Shown, but never on screen, so that layouts and charts run as they would.
    widget->ensurePolished();
    widget->resize(size);
    if (!widget->isVisible()) {
        widget->setAttribute(Qt::WA_DontShowOnScreen);
        widget->show();
    }
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void ChartExporter::renderAsVectors(QWidget *widget, QPainter &painter, const QPointF &at, double scale)
{
    // A legend clips its entries to itself (for scrolling when they do not fit), and a QPicture plays
    // that clip back wrongly: every entry but the first vanished from a printed page. Laid out, the
    // entries lie inside the legend, so it is recorded unclipped.
    std::vector<QLegend *> unclipped;
    for (const QChartView *view : widget->findChildren<QChartView *>()) {
        QLegend *legend = view->chart() ? view->chart()->legend() : nullptr;
        if (legend && legend->flags().testFlag(QGraphicsItem::ItemClipsChildrenToShape)) {
            legend->setFlag(QGraphicsItem::ItemClipsChildrenToShape, false);
            unclipped.push_back(legend);
        }
    }
    QPicture picture;
    {
        QPainter recorder(&picture);
        widget->render(&recorder, QPoint(), QRegion(), QWidget::DrawChildren);
    }
    for (QLegend *legend : unclipped)
        legend->setFlag(QGraphicsItem::ItemClipsChildrenToShape, true);
    // Playing a picture scales it from its resolution to the device's: undone here.
    const double played = double(painter.device()->logicalDpiX()) / picture.logicalDpiX();
    painter.save();
    painter.translate(at);
    painter.scale(scale / played, scale / played);
    painter.drawPicture(0, 0, picture);
    painter.restore();
}

QImage ChartExporter::toImage(QWidget *widget, QSize size, qreal pixelRatio)
{
    layOut(widget, size);
    QImage image(size * pixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(pixelRatio);
    image.fill(widget->palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

bool ChartExporter::write(
    QWidget *widget, const QString &path, Format format, QSize size, const QString &title, QString *error)
{
    auto failed = [&](const QString &why) {
        *error = tr("Could not write %1: %2").arg(path, why);
        return false;
    };
    switch (format) {
    case Format::Png: {
        const QImage image = toImage(widget, size, 2.0);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return failed(file.errorString());
        if (!image.save(&file, "PNG"))
            return failed(tr("the image could not be encoded"));
        if (!file.commit())
            return failed(file.errorString());
        return true;
    }
    case Format::Svg: {
        layOut(widget, size);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(), size));
        svg.setResolution(96); // so that its size in millimetres matches the screen
        svg.setTitle(title);
        svg.setDescription(tr("AISC Operations Dashboard"));
        {
            QPainter painter(&svg);
            widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return failed(file.errorString());
        file.write(joinStrokes(buffer.data()));
        if (!file.commit())
            return failed(file.errorString());
        return true;
    }
    case Format::Pdf: {
        layOut(widget, size);
        // QPdfWriter opens its file itself: write beside the target, then move into place, so that
        // a failure leaves an older file as it was.
        const QString partial = path + QStringLiteral(".part");
        {
            QPdfWriter pdf(partial);
            pdf.setTitle(title);
            pdf.setCreator(tr("AISC Operations Dashboard"));
            // One page the size of the chart, at 96 dpi, so that lengths on paper match the screen.
            pdf.setResolution(96);
            pdf.setPageSize(
                QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point, title, QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF());
            QPainter painter;
            if (!painter.begin(&pdf))
                return failed(tr("the folder is not writable"));
            widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        }
        QFile::remove(path);
        if (!QFile::rename(partial, path)) {
            QFile::remove(partial);
            return failed(tr("the file could not be replaced"));
        }
        return true;
    }
    }
    return false;
}

QByteArray ChartExporter::joinStrokes(const QByteArray &svg)
{
    // The generator's output is regular: "<g ...attributes...\n>\n" then elements, one per line, then "</g>".
    static const QByteArray polylineStart = "<polyline fill=\"none\" vector-effect=\"none\" points=\"";
    QList<QByteArray> lines = svg.split('\n');
    QByteArray out;
    out.reserve(svg.size());
    // The path being built for the current run of polylines, and where its pen is.
    QByteArray path;
    QByteArray pen;
    auto flush = [&] {
        if (!path.isEmpty())
            out += "<path fill=\"none\" vector-effect=\"none\" d=\"" + path.trimmed() + "\" />\n";
        path.clear();
        pen.clear();
    };
    for (const QByteArray &line : std::as_const(lines)) {
        if (!line.startsWith(polylineStart)) {
            flush();
            out += line;
            out += '\n';
            continue;
        }
        const qsizetype begin = polylineStart.size();
        const qsizetype end = line.indexOf('"', begin);
        const QList<QByteArray> points = line.mid(begin, end - begin).trimmed().split(' ');
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QByteArray &point = points[i];
            if (point.isEmpty())
                continue;
            // A segment that starts where the last ended continues the line; another starts a new one.
            if (i == 0 && point == pen)
                continue;
            path += (i == 0 ? "M" : "L") + point + ' ';
            pen = point;
        }
    }
    flush();
    out.chop(1); // the split added a last newline

    // Consecutive groups with the same attributes and one path each (a series split by gaps) become one.
    static const QRegularExpression twins(QStringLiteral(
        "(<g [^>]*>\\n)<path fill=\"none\" vector-effect=\"none\" d=\"([^\"]*)\" />\\n</g>\\n\\n\\1<path "
        "fill=\"none\" vector-effect=\"none\" d=\"([^\"]*)\" />\\n</g>\\n"));
    QString text = QString::fromUtf8(out);
    for (;;) {
        const QRegularExpressionMatch match = twins.match(text);
        if (!match.hasMatch())
            break;
        text.replace(match.capturedStart(), match.capturedLength(),
            match.captured(1)
                + QStringLiteral("<path fill=\"none\" vector-effect=\"none\" d=\"%1 %2\" />\n</g>\n")
                      .arg(match.captured(2), match.captured(3)));
    }
    return text.toUtf8();
}

void ChartExporter::copyToClipboard(QWidget *widget, QSize size)
{
    QApplication::clipboard()->setImage(toImage(widget, size, widget->devicePixelRatioF()));
}
