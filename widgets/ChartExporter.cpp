#include "ChartExporter.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

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
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return failed(file.errorString());
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(), size));
        svg.setResolution(96); // so that its size in millimetres matches the screen
        svg.setTitle(title);
        svg.setDescription(tr("AISC Operations Dashboard"));
        {
            QPainter painter(&svg);
            widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        }
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

void ChartExporter::copyToClipboard(QWidget *widget, QSize size)
{
    QApplication::clipboard()->setImage(toImage(widget, size, widget->devicePixelRatioF()));
}
