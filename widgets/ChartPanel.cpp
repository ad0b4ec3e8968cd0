#include "ChartPanel.h"

#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace {
// Okabe–Ito colours: distinguishable with the common forms of colour blindness.
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

// Tick spacing candidates for the time axis, in minutes.
constexpr std::array<qint64, 12> tickMinutes = { 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 10080 };
} // namespace

ChartPanel::ChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QCategoryAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_placeholder(new QLabel(this))
{
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(font().pointSizeF() * 1.15);
    m_chart->setTitleFont(titleFont);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_valueAxis->setRange(0, 1);
    m_valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette muted = m_placeholder->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_placeholder->setPalette(muted);
    m_placeholder->setText(tr("Waiting for data…"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
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

void ChartPanel::setFixedValueRange(double minimum, double maximum)
{
    m_fixedRange = true;
    m_valueAxis->setRange(minimum, maximum);
}

qsizetype ChartPanel::pointCount() const
{
    qsizetype count = 0;
    for (const Line &line : m_lines)
        for (const QLineSeries *segment : line.segments)
            count += segment->count();
    return count;
}

QStringList ChartPanel::legendNames() const
{
    QStringList names;
    for (const Line &line : m_lines)
        names.append(line.name);
    return names;
}

QString ChartPanel::placeholderText() const
{
    return m_placeholder->isVisible() ? m_placeholder->text() : QString();
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_placeholder->setGeometry(rect());
    if (m_endMs > m_startMs)
        updateTimeAxis(m_startMs, m_endMs);
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

QLineSeries *ChartPanel::newSegment(const QString &name, const QColor &colour, bool inLegend)
{
    auto *segment = new QLineSeries(m_chart);
    segment->setName(name);
    QPen pen(colour);
    pen.setWidthF(1.6);
    segment->setPen(pen);
    m_chart->addSeries(segment);
    segment->attachAxis(m_timeAxis);
    segment->attachAxis(m_valueAxis);
    const QList<QLegendMarker *> markers = m_chart->legend()->markers(segment);
    for (QLegendMarker *marker : markers)
        marker->setVisible(inLegend);
    return segment;
}

void ChartPanel::redraw()
{
    const QueryResult empty;
    const QueryResult &result = m_model ? m_model->result() : empty;

    // Split every series into runs between gaps; each run becomes one line segment in bulk.
    std::vector<std::vector<QList<QPointF>>> runsPerSeries(result.series.size());
    double maximum = 0;
    qsizetype points = 0;
    for (size_t s = 0; s < result.series.size(); ++s) {
        const std::vector<double> &values = result.series[s].values;
        QList<QPointF> run;
        for (size_t i = 0; i < values.size(); ++i) {
            const double value = values[i];
            if (std::isnan(value)) {
                if (!run.isEmpty())
                    runsPerSeries[s].push_back(std::exchange(run, {}));
                continue;
            }
            run.append(QPointF(double(result.timestampAt(int(i))), value));
            maximum = std::max(maximum, value);
            ++points;
        }
        if (!run.isEmpty())
            runsPerSeries[s].push_back(std::move(run));
    }

    // Reuse line segments where the series set is unchanged; QXYSeries::replace() redraws once.
    const bool sameSeries = m_lines.size() == result.series.size()
        && std::equal(m_lines.begin(), m_lines.end(), result.series.begin(),
            [](const Line &line, const Series &series) { return line.name == series.name; });
    if (!sameSeries) {
        m_chart->removeAllSeries();
        m_lines.clear();
        for (const Series &series : result.series)
            m_lines.push_back(Line { series.name, {} });
    }
    for (size_t s = 0; s < m_lines.size(); ++s) {
        Line &line = m_lines[s];
        const QColor colour = QColor::fromRgb(seriesColours[s % seriesColours.size()]);
        std::vector<QList<QPointF>> &runs = runsPerSeries[s];
        if (runs.empty())
            runs.emplace_back(); // keep one (empty) segment so that the legend still names the series
        while (line.segments.size() < runs.size())
            line.segments.push_back(newSegment(line.name, colour, line.segments.empty()));
        while (line.segments.size() > runs.size()) {
            QLineSeries *extra = line.segments.back();
            line.segments.pop_back();
            m_chart->removeSeries(extra);
            delete extra;
        }
        for (size_t r = 0; r < runs.size(); ++r)
            line.segments[r]->replace(runs[r]);
    }

    if (result.pointCount() > 0) {
        m_startMs = result.startMs;
        m_endMs = result.timestampAt(result.pointCount() - 1);
        updateTimeAxis(m_startMs, m_endMs);
    }
    if (!m_fixedRange) {
        m_valueAxis->setRange(0, maximum > 0 ? maximum * 1.08 : 1);
        m_valueAxis->applyNiceNumbers();
        m_valueAxis->setLabelFormat(
            m_valueAxis->max() <= 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    }

    if (points > 0) {
        m_placeholder->hide();
    } else {
        m_placeholder->setText(
            result.pointCount() > 0 ? tr("No data in this time range") : tr("Waiting for data…"));
        m_placeholder->setGeometry(rect());
        m_placeholder->show();
        m_placeholder->raise();
    }
}

void ChartPanel::updateTimeAxis(qint64 startMs, qint64 endMs)
{
    // Labels fall on round local times (every 2 h, 4 h, ...), as many as the width has room for;
    // the axis spans exactly the data.
    const qint64 span = std::max<qint64>(endMs - startMs, 60000);
    const int maxLabels = std::max(3, m_view->width() / 110);
    qint64 intervalMs = tickMinutes.back() * 60000;
    for (qint64 minutes : tickMinutes) {
        if (span / (minutes * 60000) + 1 <= maxLabels) {
            intervalMs = minutes * 60000;
            break;
        }
    }
    const qint64 offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(startMs).offsetFromUtc()) * 1000;
    const QString format = span <= 36 * 3600 * 1000LL
        ? QStringLiteral("HH:mm")
        : (intervalMs >= 1440 * 60000 ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd HH:mm"));

    const QStringList oldLabels = m_timeAxis->categoriesLabels();
    for (const QString &label : oldLabels)
        m_timeAxis->remove(label);
    m_timeAxis->setStartValue(double(startMs));
    // A label centred on a tick at the very edge would be clipped by the plot area: keep clear of the ends.
    const qint64 margin = span / 25;
    for (qint64 tick = ((startMs + offsetMs + intervalMs - 1) / intervalMs) * intervalMs - offsetMs;
         tick <= endMs; tick += intervalMs) {
        if (tick - startMs < margin || endMs - tick < margin)
            continue;
        m_timeAxis->append(QDateTime::fromMSecsSinceEpoch(tick).toString(format), double(tick));
    }
    m_timeAxis->setRange(double(startMs), double(endMs));
}
