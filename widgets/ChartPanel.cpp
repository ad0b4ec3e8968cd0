#include "ChartPanel.h"

#include "ChartExporter.h"
#include "ChartLinesItem.h"
#include "ChartStyle.h"
#include "CsvWriter.h"
#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QRubberBand>
#include <QStandardPaths>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrentMap>

#include <algorithm>
#include <array>
#include <cmath>

namespace {
// Okabe–Ito colours: distinguishable with the common forms of colour blindness. The last (black)
// follows the palette's text colour, so that it stays visible on a dark background.
constexpr std::array<QRgb, 8> seriesColours = {
    0x0072b2,
    0xe69f00,
    0x009e73,
    0xcc79a7,
    0x56b4e9,
    0xd55e00,
    0xf0e442,
    0x000000,
};

// Lines a pixel wide: on dense data a wider pen only smears the band it draws, and Qt strokes lines
// wider than a pixel through its general path stroker, several times slower per point. At this width
// the decimator's buckets are exactly the pixel columns.
constexpr double lineWidth = 1.0;
constexpr double areaBorderWidth = 1.0;
constexpr int areaFillAlpha = 190;
constexpr int hiddenAlpha = 70; // a hidden series' legend entry, dimmed
constexpr int minimumDragPx = 5; // shorter drags are clicks with a shaky hand
constexpr size_t parallelPoints = 100'000; // per series, from which series are reduced in parallel

const QueryResult &emptyResult()
{
    static const QueryResult empty;
    return empty;
}

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// The outlines of the band from each point's minimum to its maximum, per run between gaps: along the
// maxima forward, then the minima back. Several points in one pixel column become one each way (the
// column's highest maximum and lowest minimum), so the band costs at most two points a column.
std::vector<QList<QPointF>> envelope(
    const Series &series, qint64 startMs, qint64 stepMs, const PixelColumns &columns)
{
    std::vector<QList<QPointF>> bands;
    QList<QPointF> upper, lower;
    int bucket = std::numeric_limits<int>::min();
    const auto close = [&] {
        if (upper.size() > 1) {
            QList<QPointF> band = upper;
            std::reverse(lower.begin(), lower.end());
            band.append(lower);
            bands.push_back(std::move(band));
        }
        upper.clear();
        lower.clear();
        bucket = std::numeric_limits<int>::min();
    };
    for (size_t i = 0; i < series.values.size(); ++i) {
        const double low = series.minValues[i], high = series.maxValues[i];
        if (!std::isfinite(low) || !std::isfinite(high)) {
            close();
            continue;
        }
        const double x = double(startMs + qint64(i) * stepMs);
        const int b = columns.count() > 0 ? columns.bucketOf(x) : int(i);
        if (b == bucket && !upper.isEmpty()) {
            upper.back().setY(std::max(upper.back().y(), high));
            lower.back().setY(std::min(lower.back().y(), low));
            continue;
        }
        bucket = b;
        upper.append(QPointF(x, high));
        lower.append(QPointF(x, low));
    }
    close();
    return bands;
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// The index of the sample nearest to ms on the result's grid; outside [0, pointCount()) when ms is
// more than half a step beyond either end.
qint64 nearestSample(const QueryResult &result, qint64 ms)
{
    const qint64 step = std::max<qint64>(result.stepMs, 1);
    return qint64(std::floor(double(ms - result.startMs) / double(step) + 0.5));
}

} // namespace

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QCategoryAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_placeholder(new QLabel(this))
    , m_band(new QRubberBand(QRubberBand::Rectangle, m_view->viewport()))
    , m_hoverLine(new QGraphicsLineItem(m_chart))
    , m_linesItem(new ChartLinesItem(m_chart, m_timeAxis, m_valueAxis))
{
    ChartStyle::setUpTimeChart(m_chart, m_timeAxis, m_valueAxis, font());
    m_chart->setBackgroundRoundness(0);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartPanel::handlePlotAreaChanged);

    // Above the series (Qt Charts draws them, stacked areas among them, just below its legend, at 5)
    // and the grid, below the legend and the hover line.
    m_linesItem->setZValue(5.5);
    connect(m_timeAxis, &QValueAxis::rangeChanged, this, [this] { m_linesItem->update(); });
    connect(m_valueAxis, &QValueAxis::rangeChanged, this, [this] { m_linesItem->update(); });
    m_hoverLine->setZValue(1000);
    m_hoverLine->hide();
    m_band->hide();
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_placeholder->setText(tr("Waiting for data…"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

QString ChartPanel::title() const
{
    return m_chart->title();
}

void ChartPanel::setModel(TimeSeriesModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (m_model) {
        m_valueAxis->setTitleText(UnitFormatter::unitLabel(m_model->unit()));
        connect(m_model, &QAbstractItemModel::modelReset, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::columnsInserted, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::columnsRemoved, this, &ChartPanel::scheduleRedraw);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &ChartPanel::scheduleRedraw);
    }
    redraw();
}

TimeSeriesModel *ChartPanel::model() const
{
    return m_model;
}

std::unique_ptr<ChartPanel> ChartPanel::copy() const
{
    auto panel = std::make_unique<ChartPanel>();
    panel->setTitle(title());
    if (m_fixedRange)
        panel->setFixedValueRange(m_valueAxis->min(), m_valueAxis->max());
    panel->setStacked(m_stacked);
    if (m_timeRange)
        panel->setTimeRange(m_timeRange->first, m_timeRange->second);
    panel->setModel(m_model);
    for (int i = 0; i < seriesCount(); ++i)
        panel->setSeriesVisible(i, isSeriesVisible(i));
    return panel;
}

bool ChartPanel::exportImage(const QString &path, QSize size, QString *error) const
{
    const auto format = ChartExporter::formatFromName(QFileInfo(path).suffix());
    if (!format) {
        *error = tr("Could not write %1: expected a file name ending in .png, .svg or .pdf").arg(path);
        return false;
    }
    const std::unique_ptr<ChartPanel> panel = copy();
    return ChartExporter::write(panel.get(), path, *format, size, title(), error);
}

bool ChartPanel::exportCsv(const QString &path, QString *error) const
{
    const QueryResult empty;
    const QByteArray csv
        = CsvWriter::fromResult(m_model ? m_model->result() : empty, m_model ? m_model->unit() : QString());
    return CsvWriter::writeFile(path, csv, error);
}

void ChartPanel::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QString name = title().isEmpty() ? tr("chart") : title();
    auto suggested = [&](const QString &suffix) {
        QString file = name;
        file.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("-"));
        return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(file + suffix);
    };
    auto exportAt = [&](QSize size) {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export chart"), suggested(QStringLiteral(".png")),
                tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportImage(path, size, &error))
            QMessageBox::warning(this, tr("Export chart"), error);
    };
    const QSize here = size();
    menu.addAction(tr("Export image at this size (%1 × %2)…").arg(here.width()).arg(here.height()), this,
        [&] { exportAt(here); });
    menu.addAction(tr("Export image at 1920 × 1080…"), this, [&] { exportAt(QSize(1920, 1080)); });
    menu.addAction(tr("Copy image"), this, [this] {
        const std::unique_ptr<ChartPanel> panel = copy();
        ChartExporter::copyToClipboard(panel.get(), size());
    });
    menu.addSeparator();
    menu.addAction(tr("Export data as CSV…"), this, [&] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export data"), suggested(QStringLiteral(".csv")), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export data"), error);
    });
    menu.exec(event->globalPos());
}

void ChartPanel::setFixedValueRange(double minimum, double maximum)
{
    m_fixedRange = true;
    m_valueAxis->setRange(minimum, maximum);
}

void ChartPanel::setTimeRange(qint64 startMs, qint64 endMs)
{
    if (endMs <= startMs)
        return;
    m_timeRange = std::pair(startMs, endMs);
    redraw();
}

void ChartPanel::clearTimeRange()
{
    m_timeRange.reset();
    redraw();
}

void ChartPanel::setStacked(bool stacked)
{
    if (m_stacked == stacked)
        return;
    m_stacked = stacked;
    redraw();
}

void ChartPanel::setDecimationEnabled(bool enabled)
{
    if (m_decimationEnabled == enabled)
        return;
    m_decimationEnabled = enabled;
    // Without decimation every segment is drawn as it is: the reference drawing.
    m_linesItem->setMergeColumns(enabled);
    redraw();
}

QStringList ChartPanel::legendNames() const
{
    QStringList names;
    for (const Line &line : m_lines)
        names.append(line.name);
    return names;
}

qsizetype ChartPanel::modelPointCount() const
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    qsizetype count = 0;
    for (const Series &series : result.series)
        count += std::count_if(
            series.values.begin(), series.values.end(), [](double v) { return std::isfinite(v); });
    return count;
}

qsizetype ChartPanel::drawnPointCount() const
{
    qsizetype count = 0;
    for (const Line &line : m_lines) {
        if (line.area)
            count += line.area->upperSeries()->count();
        for (const QList<QPointF> &run : line.runs)
            count += run.size();
    }
    return count;
}

std::vector<QList<QPointF>> ChartPanel::drawnEnvelope(int series) const
{
    if (series < 0 || series >= seriesCount() || m_lines[size_t(series)].hidden)
        return {};
    return m_lines[size_t(series)].bands;
}

std::vector<QList<QPointF>> ChartPanel::drawnSegments(int series) const
{
    std::vector<QList<QPointF>> segments;
    if (series < 0 || series >= seriesCount() || m_lines[size_t(series)].hidden)
        return segments;
    const Line &line = m_lines[size_t(series)];
    if (line.area)
        segments.push_back(line.area->upperSeries()->points());
    for (const QList<QPointF> &run : line.runs)
        if (!run.isEmpty())
            segments.push_back(run);
    return segments;
}

QString ChartPanel::placeholderText() const
{
    return m_placeholder->isVisible() ? m_placeholder->text() : QString();
}

void ChartPanel::setSeriesVisible(int series, bool visible)
{
    if (series < 0 || series >= seriesCount())
        return;
    const QString &name = m_lines[size_t(series)].name;
    if (visible)
        m_hiddenNames.remove(name);
    else
        m_hiddenNames.insert(name);
    redraw();
}

bool ChartPanel::isSeriesVisible(int series) const
{
    return series >= 0 && series < seriesCount() && !m_lines[size_t(series)].hidden;
}

QString ChartPanel::toolTipText(qint64 ms) const
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    const int count = result.pointCount();
    if (count == 0)
        return {};
    // The nearest sample, if the time is within half a step of one.
    const qint64 nearest = nearestSample(result, ms);
    const bool onGrid = nearest >= 0 && nearest < count;
    const qint64 atMs = onGrid ? result.timestampAt(int(nearest)) : ms;

    const QLocale locale = this->locale();
    const QString unit = m_model->unit();
    QStringList lines { locale.toString(QDateTime::fromMSecsSinceEpoch(atMs), QLocale::ShortFormat) };
    double total = 0;
    int shown = 0;
    for (size_t s = 0; s < m_lines.size() && s < result.series.size(); ++s) {
        if (m_lines[s].hidden)
            continue;
        const double value = onGrid ? result.series[s].values[size_t(nearest)] : std::nan("");
        const bool known = std::isfinite(value);
        lines.append(tr("%1: %2").arg(
            m_lines[s].name, known ? UnitFormatter::format(value, unit, locale) : tr("no data")));
        total += known ? value : 0;
        ++shown;
    }
    if (m_stacked && shown > 1)
        lines.append(tr("Total: %1").arg(UnitFormatter::format(total, unit, locale)));
    return lines.join(QLatin1Char('\n'));
}

QRectF ChartPanel::plotArea() const
{
    return m_view->viewportTransform().mapRect(m_chart->mapRectToScene(m_chart->plotArea()));
}

QWidget *ChartPanel::chartViewport() const
{
    return m_view->viewport();
}

qint64 ChartPanel::timeAt(double viewportX) const
{
    const QRectF plot = plotArea();
    if (plot.width() <= 0)
        return m_axisStartMs;
    const double fraction = std::clamp((viewportX - plot.left()) / plot.width(), 0.0, 1.0);
    return m_axisStartMs + qint64(std::llround(fraction * double(m_axisEndMs - m_axisStartMs)));
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_placeholder->setGeometry(rect());
}

void ChartPanel::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
        applyPalette();
        break;
    case QEvent::LocaleChange:
        updateTimeAxis();
        break;
    case QEvent::LanguageChange:
        scheduleRedraw();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

bool ChartPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);

    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !plotArea().contains(mouse->position()))
            break; // the legend takes its clicks
        m_dragOrigin = mouse->position().toPoint();
        hideHover();
        return true;
    }
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_dragOrigin) {
            showHover(mouse->position().toPoint());
            break;
        }
        const QRectF plot = plotArea();
        const double x0 = std::clamp(
            double(std::min(m_dragOrigin->x(), mouse->position().toPoint().x())), plot.left(), plot.right());
        const double x1 = std::clamp(
            double(std::max(m_dragOrigin->x(), mouse->position().toPoint().x())), plot.left(), plot.right());
        m_band->setGeometry(QRectF(QPointF(x0, plot.top()), QPointF(x1, plot.bottom())).toRect());
        m_band->setVisible(x1 - x0 >= minimumDragPx);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !m_dragOrigin)
            break;
        const int from = m_dragOrigin->x();
        const int to = mouse->position().toPoint().x();
        m_dragOrigin.reset();
        m_band->hide();
        if (std::abs(to - from) >= minimumDragPx) {
            const qint64 startMs = timeAt(std::min(from, to));
            const qint64 endMs = timeAt(std::max(from, to));
            if (endMs > startMs)
                Q_EMIT rangeSelected(startMs, endMs);
        }
        return true;
    }
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !plotArea().contains(mouse->position()))
            break;
        m_dragOrigin.reset();
        m_band->hide();
        Q_EMIT zoomOutRequested();
        return true;
    }
    case QEvent::Leave:
        hideHover();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void ChartPanel::showHover(const QPoint &viewportPos)
{
    const QRectF plot = plotArea();
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    if (!plot.contains(viewportPos) || result.pointCount() == 0 || m_axisEndMs <= m_axisStartMs) {
        hideHover();
        return;
    }
    const qint64 ms = timeAt(viewportPos.x());
    // The line marks the sample the tooltip speaks of.
    const qint64 nearest = std::clamp<qint64>(nearestSample(result, ms), 0, result.pointCount() - 1);
    const qint64 sampleMs = std::clamp(result.timestampAt(int(nearest)), m_axisStartMs, m_axisEndMs);
    const QRectF area = m_chart->plotArea();
    const double x
        = area.left() + double(sampleMs - m_axisStartMs) / double(m_axisEndMs - m_axisStartMs) * area.width();
    m_hoverLine->setLine(x, area.top(), x, area.bottom());
    m_hoverLine->show();
    QToolTip::showText(m_view->viewport()->mapToGlobal(viewportPos), toolTipText(ms), m_view->viewport());
}

void ChartPanel::hideHover()
{
    m_hoverLine->hide();
    QToolTip::hideText();
}

void ChartPanel::scheduleRedraw()
{
    // A model update arrives as several signals (rows removed, inserted, data changed): draw once.
    if (m_redrawPending)
        return;
    m_redrawPending = true;
    QTimer::singleShot(0, this, [this] {
        m_redrawPending = false;
        redraw();
    });
}

QColor ChartPanel::seriesColour(int line) const
{
    const QRgb rgb = seriesColours[size_t(line) % seriesColours.size()];
    return rgb == 0x000000 ? palette().color(QPalette::Text) : QColor::fromRgb(rgb);
}

QLineSeries *ChartPanel::newLegendSeries(int line)
{
    // No points: its legend marker names the line, takes the clicks and shows the line's colour.
    auto *series = new QLineSeries(m_chart);
    series->setName(m_lines[size_t(line)].name);
    series->setPen(QPen(seriesColour(line), lineWidth));
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        connect(marker, &QLegendMarker::clicked, this, [this, marker] { handleMarkerClicked(marker); });
    return series;
}

void ChartPanel::updateLinesItem()
{
    std::vector<ChartLinesItem::Line> lines;
    for (size_t s = 0; s < m_lines.size(); ++s)
        if (!m_lines[s].hidden && !m_lines[s].runs.empty())
            lines.push_back(ChartLinesItem::Line {
                QPen(seriesColour(int(s)), lineWidth), m_lines[s].runs, m_lines[s].bands });
    m_linesItem->setLines(std::move(lines));
}

void ChartPanel::rebuildSeries()
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    m_chart->removeAllSeries();
    m_lines.clear();
    for (const Series &series : result.series)
        m_lines.push_back(Line { series.name, false, nullptr, {}, {}, nullptr });
    for (size_t i = 0; i < m_lines.size(); ++i) {
        Line &line = m_lines[i];
        if (!m_stacked) {
            line.series = newLegendSeries(int(i));
            continue;
        }
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        line.area = new QAreaSeries(upper, lower);
        upper->setParent(line.area);
        lower->setParent(line.area);
        line.area->setName(line.name);
        const QColor colour = seriesColour(int(i));
        line.area->setPen(QPen(colour, areaBorderWidth));
        line.area->setBrush(withAlpha(colour, areaFillAlpha));
        m_chart->addSeries(line.area);
        line.area->attachAxis(m_timeAxis);
        line.area->attachAxis(m_valueAxis);
        const QList<QLegendMarker *> markers = m_chart->legend()->markers(line.area);
        for (QLegendMarker *marker : markers)
            connect(marker, &QLegendMarker::clicked, this, [this, marker] { handleMarkerClicked(marker); });
    }
    m_seriesAreStacked = m_stacked;
}

void ChartPanel::redraw()
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();

    // Reuse the series objects while the series set and the mode are unchanged; QXYSeries::replace()
    // redraws once.
    const bool sameSeries = m_seriesAreStacked == m_stacked && m_lines.size() == result.series.size()
        && std::equal(m_lines.begin(), m_lines.end(), result.series.begin(),
            [](const Line &line, const Series &series) { return line.name == series.name; });
    if (!sameSeries)
        rebuildSeries();
    for (Line &line : m_lines)
        line.hidden = m_hiddenNames.contains(line.name);

    // Stacked: the running total of the visible series, gaps counting as 0.
    m_totals.assign(m_stacked ? m_lines.size() : 0, {});
    const std::vector<double> *below = nullptr;
    for (size_t s = 0; s < m_totals.size(); ++s) {
        if (m_lines[s].hidden)
            continue;
        const std::vector<double> &values = result.series[s].values;
        std::vector<double> &total = m_totals[s];
        total.resize(values.size());
        for (size_t i = 0; i < values.size(); ++i)
            total[i] = (below ? (*below)[i] : 0.0) + (std::isfinite(values[i]) ? values[i] : 0.0);
        below = &total;
    }

    updateTimeRange();
    updateGeometryPoints();
    updateValueRange();
    updateTimeAxis();

    // Whether there is anything to draw: stops at the first value, unlike modelPointCount().
    const bool hasValues = std::any_of(result.series.begin(), result.series.end(), [](const Series &series) {
        return std::any_of(
            series.values.begin(), series.values.end(), [](double v) { return std::isfinite(v); });
    });
    if (hasValues) {
        m_placeholder->hide();
    } else {
        m_placeholder->setText(
            result.pointCount() > 0 ? tr("No data in this time range") : tr("Waiting for data…"));
        m_placeholder->setGeometry(rect());
        m_placeholder->show();
        m_placeholder->raise();
    }
}

void ChartPanel::updateTimeRange()
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    const int count = result.pointCount();
    if (m_timeRange) {
        std::tie(m_axisStartMs, m_axisEndMs) = *m_timeRange;
    } else if (count > 0) {
        m_axisStartMs = result.startMs;
        m_axisEndMs = std::max(
            result.timestampAt(count - 1), result.startMs + std::max<qint64>(result.stepMs, 60000));
    }
    // The axis itself moves in updateGeometryPoints(), together with the points.
}

void ChartPanel::updateValueRange()
{
    if (m_fixedRange)
        return;
    // Fit the visible series in the visible time, from zero. The drawn points hold every pixel column's
    // extremes, so they give the data's range at a fraction of the cost (all but the partial column at
    // either edge of the plot).
    const double from = double(m_axisStartMs), to = double(m_axisEndMs);
    double minimum = 0, maximum = 0;
    for (size_t s = 0; s < m_lines.size(); ++s) {
        std::vector<QList<QPointF>> drawn = drawnSegments(int(s));
        const std::vector<QList<QPointF>> bands = drawnEnvelope(int(s));
        drawn.insert(drawn.end(), bands.begin(), bands.end());
        for (const QList<QPointF> &segment : drawn) {
            for (const QPointF &point : segment) {
                if (point.x() < from || point.x() > to)
                    continue;
                minimum = std::min(minimum, point.y());
                maximum = std::max(maximum, point.y());
            }
        }
    }
    // Four to six round steps (1, 2, 2.5 or 5 times a power of ten), a little room above the data.
    if (maximum <= minimum)
        maximum = minimum + 1;
    const double rough = (maximum * 1.02 - minimum) / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / magnitude;
    const double step = magnitude
        * (fraction <= 1          ? 1
                : fraction <= 2   ? 2
                : fraction <= 2.5 ? 2.5
                : fraction <= 5   ? 5
                                  : 10);
    const double low = std::floor(minimum / step) * step;
    const double high = std::ceil(maximum * 1.02 / step) * step;
    m_valueAxis->setRange(low, high);
    m_valueAxis->setTickCount(int(std::lround((high - low) / step)) + 1);
    int decimals = 0;
    while (decimals < 3
        && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    m_valueAxis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

PixelColumns ChartPanel::pixelColumns(double penWidth) const
{
    QRectF area = m_chart->plotArea();
    if (area.width() < 1) // not laid out yet: a guess, corrected when the plot area is known
        area = QRectF(60, 0, std::max(100, m_view->width() - 80), 1);
    // In device pixels: on a high-density screen a logical pixel holds several columns.
    const double ratio = devicePixelRatioF();
    return PixelColumns { double(m_axisStartMs), double(m_axisEndMs), area.left() * ratio,
        area.width() * ratio, penWidth * ratio };
}

bool ChartPanel::decimates(size_t pointCount, const PixelColumns &columns) const
{
    return m_decimationEnabled && pointCount > 2 * size_t(columns.count());
}

void ChartPanel::updateGeometryPoints()
{
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    const PixelColumns columns = pixelColumns(lineWidth);
    const PixelColumns areaColumns = pixelColumns(areaBorderWidth);
    m_drawnFor = columns;

    // The points first: lines one run per segment between gaps, areas one run of the running total.
    std::vector<std::vector<Decimator::Run>> runs(m_lines.size());
    std::vector<size_t> visible;
    for (size_t s = 0; s < m_lines.size(); ++s)
        if (!m_lines[s].hidden)
            visible.push_back(s);
    auto reduce = [&](size_t s) {
        const std::vector<double> &values = m_stacked ? m_totals[s] : result.series[s].values;
        const PixelColumns &grid = m_stacked ? areaColumns : columns;
        runs[s] = decimates(values.size(), grid) ? Decimator::m4(values, result.startMs, result.stepMs, grid)
                                                 : Decimator::runs(values, result.startMs, result.stepMs);
    };
    // Series of hundreds of thousands of points take milliseconds each: one per core. Each task
    // writes only its own series' runs.
    if (visible.size() > 1 && size_t(result.pointCount()) >= parallelPoints)
        QtConcurrent::blockingMap(visible, reduce);
    else
        std::for_each(visible.begin(), visible.end(), reduce);

    // Moving the axis makes Qt Charts place every attached series' points again: empty the areas
    // first, so that it does so once, for the new points.
    const bool axisMoves = m_axisEndMs > m_axisStartMs
        && (m_timeAxis->min() != double(m_axisStartMs) || m_timeAxis->max() != double(m_axisEndMs));
    if (axisMoves) {
        for (Line &line : m_lines) {
            if (line.area) {
                line.area->upperSeries()->clear();
                line.area->lowerSeries()->clear();
            }
        }
        m_timeAxis->setRange(double(m_axisStartMs), double(m_axisEndMs));
    }

    QList<QPointF> below; // stacked: the top edge of the visible area beneath
    for (size_t s = 0; s < m_lines.size(); ++s) {
        Line &line = m_lines[s];
        if (line.area) {
            const QList<QPointF> upper = runs[s].empty() ? QList<QPointF>() : std::move(runs[s].front());
            if (below.isEmpty() && !upper.isEmpty())
                below = { QPointF(upper.front().x(), 0), QPointF(upper.back().x(), 0) };
            line.area->lowerSeries()->replace(upper.isEmpty() ? QList<QPointF>() : below);
            line.area->upperSeries()->replace(upper);
            if (!upper.isEmpty())
                below = upper;
            continue;
        }
        line.runs = std::move(runs[s]);
        const Series &series = result.series[s];
        line.bands = line.hidden || series.minValues.size() != series.values.size()
                || series.maxValues.size() != series.values.size()
            ? std::vector<QList<QPointF>> {}
            : envelope(series, result.startMs, result.stepMs, columns);
    }
    updateLinesItem();
    applyVisibility();
}

void ChartPanel::updateTimeAxis()
{
    QList<TimeTick> ticks;
    if (m_axisEndMs > m_axisStartMs)
        ticks = TimeAxisTicks::choose(m_axisStartMs, m_axisEndMs,
            m_chart->plotArea().width() >= 1 ? m_chart->plotArea().width() : pixelColumns(1).width,
            QFontMetricsF(m_timeAxis->labelsFont()), locale());
    // Qt Charts makes new label and grid items for every category: leave them be if the ticks stay.
    // (The first category may start anywhere before the first tick: it has no label.)
    const bool startFits = ticks.isEmpty() || m_timeAxis->startValue() <= double(ticks.front().ms);
    if (ticks == m_ticks && startFits)
        return;
    m_ticks = ticks;
    const QStringList oldLabels = m_timeAxis->categoriesLabels();
    for (const QString &label : oldLabels)
        m_timeAxis->remove(label);
    if (m_ticks.isEmpty())
        return;
    m_timeAxis->setStartValue(double(m_axisStartMs));
    // QCategoryAxis names categories by their labels, which must differ: a label that repeats ("12:00"
    // on every day of a week) gets invisible zero-width spaces appended.
    QHash<QString, int> repeats;
    for (const TimeTick &tick : std::as_const(m_ticks)) {
        const int repeat = repeats[tick.label]++;
        m_timeAxis->append(tick.label + QString(repeat, QChar(0x200b)), double(tick.ms));
    }
    m_timeAxis->setRange(double(m_axisStartMs), double(m_axisEndMs));
}

void ChartPanel::applyVisibility()
{
    const QColor text = palette().color(QPalette::Text);
    for (size_t s = 0; s < m_lines.size(); ++s) {
        const Line &line = m_lines[s];
        const int alpha = line.hidden ? hiddenAlpha : 255;
        const QColor colour = withAlpha(seriesColour(int(s)), alpha);
        QAbstractSeries *series = line.area ? static_cast<QAbstractSeries *>(line.area) : line.series;
        if (!series)
            continue;
        series->setVisible(!line.hidden);
        // Hiding a series hides its legend marker too: a hidden one stays listed, dimmed, so that it
        // can be clicked back on. Each change makes the legend lay out again: only what differs is set.
        const QList<QLegendMarker *> markers = m_chart->legend()->markers(series);
        for (QLegendMarker *marker : markers) {
            if (!marker->isVisible())
                marker->setVisible(true);
            if (marker->brush() != QBrush(colour))
                marker->setBrush(colour);
            if (marker->pen() != QPen(colour))
                marker->setPen(QPen(colour));
            if (marker->labelBrush() != QBrush(withAlpha(text, alpha)))
                marker->setLabelBrush(withAlpha(text, alpha));
        }
    }
}

void ChartPanel::applyPalette()
{
    const QPalette colours = palette();
    const QColor background = colours.color(QPalette::Base);
    const QColor text = colours.color(QPalette::Text);
    const QColor grid = mixed(background, text, 0.12);
    const QColor axisLine = mixed(background, text, 0.35);

    m_view->setBackgroundBrush(background);
    m_chart->setBackgroundBrush(background);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis) }) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(axisLine);
        axis->setShadesVisible(false);
    }
    QPen hoverPen(mixed(background, text, 0.5));
    hoverPen.setCosmetic(true);
    m_hoverLine->setPen(hoverPen);

    QPalette muted = m_placeholder->palette();
    muted.setColor(QPalette::WindowText, colours.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(muted);

    // The series keep their colours, except the one that follows the text colour.
    for (size_t s = 0; s < m_lines.size(); ++s) {
        const QColor colour = seriesColour(int(s));
        Line &line = m_lines[s];
        if (line.area) {
            line.area->setPen(QPen(colour, areaBorderWidth));
            line.area->setBrush(withAlpha(colour, areaFillAlpha));
        }
        if (line.series)
            line.series->setPen(QPen(colour, lineWidth));
    }
    updateLinesItem();
    applyVisibility();
}

void ChartPanel::handlePlotAreaChanged(const QRectF &plotArea)
{
    m_linesItem->updatePlotArea();
    if (plotArea.width() < 1)
        return;
    const PixelColumns columns = pixelColumns(lineWidth); // QChart::plotArea() is the new one already
    if (columns.left == m_drawnFor.left && columns.width == m_drawnFor.width)
        return;
    const QueryResult &result = m_model ? m_model->result() : emptyResult();
    const size_t points = size_t(result.pointCount());
    // Decimated points depend on where the pixel columns fall; all points do not.
    if (decimates(points, columns) || decimates(points, m_drawnFor))
        updateGeometryPoints();
    else
        m_drawnFor = columns;
    updateTimeAxis(); // the ticks depend on the width
}

void ChartPanel::handleMarkerClicked(QLegendMarker *marker)
{
    for (size_t s = 0; s < m_lines.size(); ++s) {
        const Line &line = m_lines[s];
        if (marker->series() == line.area || (line.series && marker->series() == line.series)) {
            setSeriesVisible(int(s), line.hidden);
            return;
        }
    }
}
