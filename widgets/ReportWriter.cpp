#include "ReportWriter.h"

#include "ChartExporter.h"
#include "ChartPanel.h"
#include "TimeSeriesModel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>

#include <memory>

namespace {
// The report is laid out in CSS pixels: 96 per inch, so that charts are drawn at the sizes they
// have on screen, then printed as vectors.
constexpr int dpi = 96;
constexpr double margin = 56; // about 15 mm

QFont reportFont(double pointSize, bool bold = false)
{
    QFont font = QApplication::font();
    // Latin text and digits in DejaVu Sans (Noto CJK's digits lose their text in Qt's PDF output: they
    // would not be found or copied); Chinese in Noto Sans CJK TC, never a Simplified or Japanese face.
    font.setFamilies({ QStringLiteral("DejaVu Sans"), font.family(), QStringLiteral("Noto Sans CJK TC") });
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

// Draws the widget at rect, laid out at that size first; as vectors and text.
void drawWidget(QPainter &painter, QWidget *widget, const QRectF &rect)
{
    ChartExporter::layOut(widget, rect.size().toSize());
    ChartExporter::renderAsVectors(widget, painter, rect.topLeft());
}

// A table from the model's display text: header row, then rows, columns sized to their text.
double drawTable(QPainter &painter, const ReportTable &table, const QRectF &area)
{
    const QAbstractItemModel &model = *table.model;
    const QFont body = reportFont(8.5);
    const QFont header = reportFont(8.5, true);
    const QFontMetricsF metrics(body, painter.device());
    const double rowHeight = metrics.height() * 1.5;
    const int columns = model.columnCount();
    const int rows = std::min(model.rowCount(), table.maxRows);
    // Widths by content, scaled down together when the page is too narrow.
    std::vector<double> widths(size_t(columns), 0);
    for (int c = 0; c < columns; ++c) {
        widths[size_t(c)] = QFontMetricsF(header, painter.device())
                                .horizontalAdvance(model.headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < rows; ++r)
            widths[size_t(c)] = std::max(widths[size_t(c)],
                metrics.horizontalAdvance(model.index(r, c).data(Qt::DisplayRole).toString()));
        widths[size_t(c)] += 14;
    }
    double total = 0;
    for (double w : widths)
        total += w;
    const double shrink = total > area.width() ? area.width() / total : 1.0;
    double y = area.top();
    auto drawRow = [&](const QStringList &cells, bool bold, bool shaded) {
        if (shaded)
            painter.fillRect(QRectF(area.left(), y, std::min(total * shrink, area.width()), rowHeight),
                QColor(0xf0, 0xf2, 0xf5));
        painter.setFont(bold ? header : body);
        double x = area.left();
        for (int c = 0; c < columns; ++c) {
            const double w = widths[size_t(c)] * shrink;
            const QRectF cell(x + 4, y, w - 8, rowHeight);
            painter.drawText(cell, Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetricsF(painter.font(), painter.device())
                    .elidedText(cells.value(c), Qt::ElideRight, cell.width()));
            x += w;
        }
        y += rowHeight;
    };
    QStringList headings;
    for (int c = 0; c < columns; ++c)
        headings.append(model.headerData(c, Qt::Horizontal).toString());
    drawRow(headings, true, true);
    painter.setPen(QColor(0xc8, 0xcc, 0xd2));
    painter.drawLine(
        QPointF(area.left(), y), QPointF(area.left() + std::min(total * shrink, area.width()), y));
    painter.setPen(Qt::black);
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        for (int c = 0; c < columns; ++c)
            cells.append(model.index(r, c).data(Qt::DisplayRole).toString());
        drawRow(cells, false, r % 2 == 1);
    }
    if (model.rowCount() > rows) {
        painter.setFont(body);
        painter.drawText(QRectF(area.left() + 4, y, area.width(), rowHeight), Qt::AlignVCenter,
            ReportWriter::tr("and %n more", nullptr, model.rowCount() - rows));
        y += rowHeight;
    }
    if (model.rowCount() == 0) {
        painter.setFont(body);
        painter.drawText(
            QRectF(area.left() + 4, y, area.width(), rowHeight), Qt::AlignVCenter, ReportWriter::tr("None"));
        y += rowHeight;
    }
    return y - area.top();
}

void drawFooter(QPainter &painter, const QRectF &page, const QString &title, int number, int count)
{
    painter.setFont(reportFont(8));
    painter.setPen(QColor(0x6b, 0x72, 0x80));
    const QRectF footer(margin, page.height() - margin * 0.75, page.width() - 2 * margin, margin * 0.5);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, title);
    //: The footer of every report page, e.g. "Page 2 of 7"
    painter.drawText(
        footer, Qt::AlignRight | Qt::AlignVCenter, ReportWriter::tr("Page %1 of %2").arg(number).arg(count));
    painter.setPen(Qt::black);
}
} // namespace

bool ReportWriter::write(
    const ReportContent &content, const QString &path, QPageSize::PageSizeId pageSize, QString *error)
{
    // Written beside the target and moved into place, so that a failure leaves an older report as it was.
    const QString partial = path + QStringLiteral(".part");
    {
        QPdfWriter pdf(partial);
        pdf.setTitle(content.title);
        pdf.setCreator(tr("AISC Operations Dashboard"));
        pdf.setResolution(dpi);
        pdf.setPageSize(QPageSize(pageSize));
        pdf.setPageMargins(QMarginsF());
        QPainter painter;
        if (!painter.begin(&pdf)) {
            *error = tr("Could not write %1: the folder is not writable").arg(path);
            return false;
        }
        const QRectF page(0, 0, pdf.width(), pdf.height());
        const double width = page.width() - 2 * margin;
        const int count = pageCount(content);

        // The title page.
        painter.setFont(reportFont(26, true));
        QRectF box(margin, page.height() * 0.22, width, 80);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, content.title);
        painter.setFont(reportFont(15));
        box = QRectF(margin, box.bottom() + 8, width, 40);
        painter.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, content.subtitle);
        painter.fillRect(QRectF(margin, box.bottom() + 10, 120, 4), QColor(0x00, 0x72, 0xb2));
        painter.setFont(reportFont(10.5));
        double y = box.bottom() + 40;
        for (const QString &fact : content.facts) {
            const QRectF line = painter.boundingRect(QRectF(margin, y, width, 1000), Qt::TextWordWrap, fact);
            painter.drawText(line, Qt::TextWordWrap, fact);
            y = line.bottom() + 6;
        }
        y += 30;
        painter.setFont(reportFont(12, true));
        painter.drawText(QRectF(margin, y, width, 24), Qt::AlignLeft | Qt::AlignVCenter, tr("Contents"));
        y += 30;
        painter.setFont(reportFont(10.5));
        for (size_t i = 0; i < content.pages.size(); ++i) {
            const QRectF line(margin, y, width, 20);
            painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, content.pages[i].heading);
            painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QString::number(i + 2));
            y += 22;
        }
        drawFooter(painter, page, content.title, 1, count);

        for (size_t p = 0; p < content.pages.size(); ++p) {
            const ReportPage &section = content.pages[p];
            pdf.newPage();
            y = margin;
            painter.setFont(reportFont(17, true));
            painter.drawText(QRectF(margin, y, width, 32), Qt::AlignLeft | Qt::AlignVCenter, section.heading);
            y += 40;
            painter.setFont(reportFont(10));
            for (const QString &paragraph : section.paragraphs) {
                const QRectF line
                    = painter.boundingRect(QRectF(margin, y, width, 1000), Qt::TextWordWrap, paragraph);
                painter.drawText(line, Qt::TextWordWrap, paragraph);
                y = line.bottom() + 8;
            }
            y += 4;
            // Tables take what they need; charts and the widget share the rest of the page.
            const double bottom = page.height() - margin;
            double tablesHeight = 0;
            for (const ReportTable &table : section.tables)
                tablesHeight += 30 + 14 * 1.6 * (std::min(table.model->rowCount(), table.maxRows) + 2);
            const int blocks = int(section.charts.size()) + (section.makeWidget ? 1 : 0);
            const double blockHeight
                = blocks > 0 ? std::min(420.0, (bottom - y - tablesHeight - 12.0 * blocks) / blocks) : 0;
            if (section.makeWidget) {
                std::unique_ptr<QWidget> widget(section.makeWidget());
                drawWidget(painter, widget.get(), QRectF(margin, y, width, blockHeight));
                y += blockHeight + 12;
            }
            for (const ReportChart &chart : section.charts) {
                TimeSeriesModel model(chart.result.queryId, chart.unit);
                model.setResult(chart.result);
                ChartPanel panel;
                panel.setTitle(chart.title);
                if (chart.percent)
                    panel.setFixedValueRange(0, 100);
                panel.setStacked(chart.stacked);
                panel.setModel(&model);
                drawWidget(painter, &panel, QRectF(margin, y, width, blockHeight));
                y += blockHeight + 12;
            }
            for (const ReportTable &table : section.tables) {
                painter.setFont(reportFont(11, true));
                painter.drawText(QRectF(margin, y, width, 24), Qt::AlignLeft | Qt::AlignVCenter, table.title);
                y += 28;
                y += drawTable(painter, table, QRectF(margin, y, width, bottom - y)) + 12;
            }
            drawFooter(painter, page, content.title, int(p) + 2, count);
        }
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        *error = tr("Could not write %1: the file could not be replaced").arg(path);
        return false;
    }
    return true;
}
