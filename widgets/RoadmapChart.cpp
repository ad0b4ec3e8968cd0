#include "RoadmapChart.h"

#include "ChartStyle.h"
#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QGraphicsItem>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

// A label drawn on the chart: a first line in bold (the figure), further lines below it (the date), on
// a light box so that it stays readable over grid lines.
class RoadmapCallout : public QGraphicsItem
{
public:
    explicit RoadmapCallout(QGraphicsItem *parent)
        : QGraphicsItem(parent)
    {
        setZValue(20);
    }

    // The box and the lines after the first follow the chart's palette.
    void setColours(const QColor &box, const QColor &border, const QColor &text)
    {
        m_box = box;
        m_border = border;
        m_text = text;
        update();
    }

    void setText(const QStringList &lines, const QFont &font, const QColor &accent)
    {
        prepareGeometryChange();
        m_lines = lines;
        m_font = font;
        m_bold = font;
        m_bold.setBold(true);
        m_accent = accent;
        qreal width = 0, height = 0;
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QFontMetricsF metrics(i == 0 ? m_bold : m_font);
            width = std::max(width, metrics.horizontalAdvance(m_lines.at(i)));
            height += metrics.height();
        }
        m_size = m_lines.isEmpty()
            ? QSizeF()
            : QSizeF(std::ceil(width) + 2 * kPadding, std::ceil(height) + 2 * kPadding);
    }

    QStringList lines() const { return m_lines; }
    QSizeF size() const { return m_size; }
    QRectF boundingRect() const override { return QRectF(QPointF(), m_size); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(m_border, 1));
        painter->setBrush(m_box);
        painter->drawRoundedRect(boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        qreal y = kPadding;
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const QFont &font = i == 0 ? m_bold : m_font;
            const QFontMetricsF metrics(font);
            painter->setFont(font);
            painter->setPen(i == 0 ? m_accent : m_text);
            painter->drawText(QPointF(kPadding, y + metrics.ascent()), m_lines.at(i));
            y += metrics.height();
        }
    }

private:
    static constexpr qreal kPadding = 4;
    QStringList m_lines;
    QFont m_font;
    QFont m_bold;
    QColor m_accent;
    QColor m_box { 255, 255, 255, 235 };
    QColor m_border { 0, 0, 0, 50 };
    QColor m_text { 0x44, 0x44, 0x44 };
    QSizeF m_size;
};

namespace {

constexpr QRgb kInstalledColour = 0x0072b2; // Okabe–Ito blue
constexpr QRgb kDeliveredColour = 0xe69f00; // Okabe–Ito orange
constexpr QRgb kTodayColour = 0xd55e00; // Okabe–Ito vermillion
constexpr qreal kGap = 6; // between a label and the point it names

qint64 midnightUtc(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
}

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

bool crosses(const QRectF &rect, const QPointF &a, const QPointF &b)
{
    if (rect.contains(a) || rect.contains(b))
        return true;
    const QLineF segment(a, b);
    const std::array<QLineF, 4> edges
        = { QLineF(rect.topLeft(), rect.topRight()), QLineF(rect.topRight(), rect.bottomRight()),
              QLineF(rect.bottomRight(), rect.bottomLeft()), QLineF(rect.bottomLeft(), rect.topLeft()) };
    return std::any_of(edges.begin(), edges.end(),
        [&](const QLineF &edge) { return segment.intersects(edge, nullptr) == QLineF::BoundedIntersection; });
}

} // namespace

RoadmapChart::RoadmapChart(QWidget *parent)
    : QWidget(parent)
    , m_roadmap(Roadmap::builtIn())
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QCategoryAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_roadmapLine(new QLineSeries(m_chart))
    , m_milestonePoints(new QScatterSeries(m_chart))
    , m_todayLine(new QLineSeries(m_chart))
    , m_placeholder(new QLabel(this))
    , m_todayCallout(new RoadmapCallout(m_chart))
{
    ChartStyle::setUpTimeChart(m_chart, m_timeAxis, m_valueAxis, font());
    m_chart->setLocalizeNumbers(true);

    m_installed.colour = QColor::fromRgb(kInstalledColour);
    m_installed.width = 2.6;
    m_delivered.colour = QColor::fromRgb(kDeliveredColour);
    m_delivered.width = 1.4;

    m_milestonePoints->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    for (QXYSeries *series : { static_cast<QXYSeries *>(m_roadmapLine), static_cast<QXYSeries *>(m_todayLine),
             static_cast<QXYSeries *>(m_milestonePoints) }) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
    }
    // The milestones and today are named by their labels, not in the legend.
    for (QXYSeries *series :
        { static_cast<QXYSeries *>(m_todayLine), static_cast<QXYSeries *>(m_milestonePoints) })
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        updateTimeAxis();
        layoutCallouts();
    });

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    applyPalette();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    retranslate();
    redraw();
}

RoadmapChart::~RoadmapChart() = default;

void RoadmapChart::setRoadmap(const Roadmap &roadmap)
{
    m_roadmap = roadmap;
    scheduleRedraw();
}

void RoadmapChart::setModels(TimeSeriesModel *installed, TimeSeriesModel *delivered)
{
    for (TimeSeriesModel *old : { m_installedModel.data(), m_deliveredModel.data() })
        if (old)
            old->disconnect(this);
    m_installedModel = installed;
    m_deliveredModel = delivered;
    for (TimeSeriesModel *model : { installed, delivered }) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::modelReset, this, &RoadmapChart::scheduleRedraw);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RoadmapChart::scheduleRedraw);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RoadmapChart::scheduleRedraw);
        connect(model, &QAbstractItemModel::dataChanged, this, &RoadmapChart::scheduleRedraw);
    }
    redraw();
}

void RoadmapChart::setSpan(qint64 startMs, qint64 endMs)
{
    m_spanStartMs = startMs;
    m_spanEndMs = endMs;
    scheduleRedraw();
}

void RoadmapChart::setToday(qint64 ms)
{
    m_todayMs = ms;
    scheduleRedraw();
}

void RoadmapChart::setRoadmapVisible(bool visible)
{
    m_roadmapVisible = visible;
    redraw();
}

void RoadmapChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

void RoadmapChart::setTextPixelSize(int pixels)
{
    m_textPixelSize = std::max(0, pixels);
    applyTextSize();
    redraw();
}

void RoadmapChart::setTodayCaption(const QString &caption)
{
    m_todayCaption = caption;
    scheduleRedraw();
}

void RoadmapChart::setPlaceholderEnabled(bool enabled)
{
    m_placeholderEnabled = enabled;
    redraw();
}

qreal RoadmapChart::scale() const
{
    // The chart's own sizes suit text of about 12 pixels.
    return m_textPixelSize > 0 ? std::max(1.0, m_textPixelSize / 12.0) : 1.0;
}

QFont RoadmapChart::labelFont() const
{
    QFont labels = font();
    if (m_textPixelSize > 0)
        labels.setPixelSize(m_textPixelSize);
    return labels;
}

void RoadmapChart::applyTextSize()
{
    const qreal factor = scale();
    QPen roadmapPen(m_roadmapColour);
    roadmapPen.setWidthF(1.8 * factor);
    roadmapPen.setStyle(Qt::DashLine);
    m_roadmapLine->setPen(roadmapPen);
    m_milestonePoints->setMarkerSize(9 * factor);
    QPen todayPen(QColor::fromRgb(kTodayColour));
    todayPen.setWidthF(1.4 * factor);
    todayPen.setStyle(Qt::DotLine);
    m_todayLine->setPen(todayPen);
    for (const Line *line : { &m_installed, &m_delivered }) {
        QPen pen(line->colour);
        pen.setWidthF(line->width * factor);
        for (QLineSeries *segment : line->segments)
            segment->setPen(pen);
    }
    if (m_textPixelSize <= 0)
        return;
    const QFont labels = labelFont();
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis) }) {
        axis->setLabelsFont(labels);
        axis->setTitleFont(labels);
    }
    m_chart->legend()->setFont(labels);
    QFont title = labels;
    title.setBold(true);
    title.setPixelSize(int(m_textPixelSize * 1.15));
    m_chart->setTitleFont(title);
    m_placeholder->setFont(labels);
}

void RoadmapChart::applyPalette()
{
    const QPalette colours = palette();
    const QColor background = colours.color(QPalette::Base);
    const QColor text = colours.color(QPalette::Text);
    // On the light theme the roadmap is the near-black it always was; on the dark one a light grey.
    m_roadmapColour = mixed(background, text, 0.77);
    m_view->setBackgroundBrush(background);
    m_chart->setBackgroundBrush(background);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis :
        { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis) }) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(mixed(background, text, 0.12));
        axis->setLinePenColor(mixed(background, text, 0.35));
        axis->setShadesVisible(false);
    }
    m_milestonePoints->setColor(m_roadmapColour);
    m_milestonePoints->setBorderColor(background);
    QColor box = background;
    box.setAlpha(235);
    QColor border = text;
    border.setAlpha(50);
    for (RoadmapCallout *callout : m_milestoneCallouts)
        callout->setColours(box, border, mixed(background, text, 0.75));
    m_todayCallout->setColours(box, border, mixed(background, text, 0.75));
    QPalette muted = m_placeholder->palette();
    muted.setColor(QPalette::WindowText, colours.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(muted);
    applyTextSize();
}

void RoadmapChart::setValueAxisTitle(const QString &title)
{
    m_valueAxis->setTitleText(title);
}

QString RoadmapChart::valueAxisTitle() const
{
    return m_valueAxis->titleText();
}

qsizetype RoadmapChart::installedPointCount() const
{
    qsizetype count = 0;
    for (const QLineSeries *segment : m_installed.segments)
        count += segment->count();
    return count;
}

qsizetype RoadmapChart::deliveredPointCount() const
{
    qsizetype count = 0;
    for (const QLineSeries *segment : m_delivered.segments)
        count += segment->count();
    return count;
}

int RoadmapChart::roadmapPointCount() const
{
    return m_roadmapLine->isVisible() ? int(m_roadmapLine->count()) : 0;
}

QStringList RoadmapChart::legendNames() const
{
    QStringList names;
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (const QLegendMarker *marker : markers)
        if (marker->isVisible())
            names.append(marker->label());
    return names;
}

QStringList RoadmapChart::calloutTexts() const
{
    QStringList texts;
    for (const RoadmapCallout *callout : m_milestoneCallouts)
        if (callout->isVisible())
            texts.append(callout->lines().join(QLatin1Char(' ')));
    if (m_todayCallout->isVisible())
        texts.append(m_todayCallout->lines().join(QLatin1Char(' ')));
    return texts;
}

QList<QRectF> RoadmapChart::calloutRects() const
{
    QList<QRectF> rects;
    for (const RoadmapCallout *callout : m_milestoneCallouts)
        if (callout->isVisible())
            rects.append(QRectF(callout->pos(), callout->size()));
    if (m_todayCallout->isVisible())
        rects.append(QRectF(m_todayCallout->pos(), m_todayCallout->size()));
    return rects;
}

QRectF RoadmapChart::plotArea() const
{
    return m_chart->plotArea();
}

QString RoadmapChart::placeholderText() const
{
    return m_placeholder->isVisible() ? m_placeholder->text() : QString();
}

void RoadmapChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_placeholder->setGeometry(rect());
}

void RoadmapChart::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslate();
        redraw();
        break;
    case QEvent::PaletteChange:
        applyPalette();
        redraw();
        break;
    case QEvent::FontChange:
        applyTextSize();
        scheduleRedraw();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void RoadmapChart::retranslate()
{
    m_roadmapLine->setName(tr("Roadmap"));
    m_installed.name = tr("Installed capacity");
    m_delivered.name = tr("Delivered compute");
    for (Line *line : { &m_installed, &m_delivered })
        for (QLineSeries *segment : line->segments)
            segment->setName(line->name);
}

void RoadmapChart::scheduleRedraw()
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

QLineSeries *RoadmapChart::newSegment(const Line &line, bool inLegend)
{
    auto *segment = new QLineSeries(m_chart);
    segment->setName(line.name);
    QPen pen(line.colour);
    pen.setWidthF(line.width * scale());
    segment->setPen(pen);
    m_chart->addSeries(segment);
    segment->attachAxis(m_timeAxis);
    segment->attachAxis(m_valueAxis);
    for (QLegendMarker *marker : m_chart->legend()->markers(segment))
        marker->setVisible(inLegend);
    return segment;
}

void RoadmapChart::drawLine(Line &line, const TimeSeriesModel *model, double *maximum, qint64 *lastMs)
{
    // Runs between gaps, each one line segment set in bulk; a gap is a break, never a zero.
    std::vector<QList<QPointF>> runs;
    if (model && !model->result().series.empty()) {
        const QueryResult &result = model->result();
        const std::vector<double> &values = result.series.front().values;
        QList<QPointF> run;
        for (size_t i = 0; i < values.size(); ++i) {
            if (std::isnan(values[i])) {
                if (!run.isEmpty())
                    runs.push_back(std::exchange(run, {}));
                continue;
            }
            const qint64 t = result.timestampAt(int(i));
            run.append(QPointF(double(t), values[i]));
            *maximum = std::max(*maximum, values[i]);
            *lastMs = std::max(*lastMs, t);
        }
        if (!run.isEmpty())
            runs.push_back(std::move(run));
    }
    if (runs.empty())
        runs.emplace_back(); // one (empty) segment keeps the line in the legend
    while (line.segments.size() < runs.size())
        line.segments.push_back(newSegment(line, line.segments.empty()));
    while (line.segments.size() > runs.size()) {
        QLineSeries *extra = line.segments.back();
        line.segments.pop_back();
        m_chart->removeSeries(extra);
        delete extra;
    }
    for (size_t r = 0; r < runs.size(); ++r)
        line.segments[r]->replace(runs[r]);
}

void RoadmapChart::redraw()
{
    double maximum = 0;
    qint64 lastMs = 0;
    drawLine(m_installed, m_installedModel, &maximum, &lastMs);
    drawLine(m_delivered, m_deliveredModel, &maximum, &lastMs);
    const bool hasData = lastMs > 0;

    qint64 start = m_spanStartMs, end = m_spanEndMs;
    if (end <= start && hasData && m_installedModel) {
        start = m_installedModel->result().startMs;
        end = std::max(lastMs, start + 1);
    }
    m_shownStartMs = start;
    m_shownEndMs = end;
    m_shownTodayMs = m_todayMs > 0 ? m_todayMs : lastMs;

    // The roadmap: flat until a milestone's date, up to its capacity on the date.
    QList<QPointF> steps, corners;
    const std::vector<RoadmapMilestone> &milestones = m_roadmap.milestones();
    if (m_roadmapVisible && end > start && !milestones.empty()) {
        double level = 0;
        steps.append(QPointF(double(start), 0));
        for (const RoadmapMilestone &milestone : milestones) {
            const qint64 x = midnightUtc(milestone.date);
            if (x > end)
                break;
            if (x >= start) {
                steps.append(QPointF(double(x), level));
                steps.append(QPointF(double(x), milestone.pflops));
                corners.append(QPointF(double(x), milestone.pflops));
            }
            level = milestone.pflops;
            maximum = std::max(maximum, milestone.pflops);
        }
        steps.append(QPointF(double(end), level));
    }
    m_roadmapLine->replace(steps);
    m_milestonePoints->replace(corners);
    m_roadmapLine->setVisible(m_roadmapVisible);
    m_milestonePoints->setVisible(m_roadmapVisible);
    for (QLegendMarker *marker : m_chart->legend()->markers(m_roadmapLine))
        marker->setVisible(m_roadmapVisible);

    // Headroom above the highest line for the labels of the top milestone and of today.
    m_valueAxis->setRange(0, maximum > 0 ? maximum * 1.2 : 1);
    m_valueAxis->applyNiceNumbers();

    const bool todayShown = hasData && m_shownTodayMs >= start && m_shownTodayMs <= end;
    m_todayLine->replace(todayShown ? QList<QPointF> { QPointF(double(m_shownTodayMs), 0),
                             QPointF(double(m_shownTodayMs), m_valueAxis->max()) }
                                    : QList<QPointF> {});
    if (end > start)
        m_timeAxis->setRange(double(start), double(end));
    updateTimeAxis();

    // Labels: each milestone's capacity and date, and today's date.
    const QLocale locale;
    //: Date format of a roadmap milestone (QDate::toString syntax)
    const QString dateFormat = tr("d MMM yyyy");
    const QFont calloutFont = labelFont();
    if (m_milestoneCallouts.size() < size_t(corners.size())) {
        while (m_milestoneCallouts.size() < size_t(corners.size()))
            m_milestoneCallouts.push_back(new RoadmapCallout(m_chart));
        applyPalette();
    }
    size_t shown = 0;
    for (const RoadmapMilestone &milestone : milestones) {
        const qint64 x = midnightUtc(milestone.date);
        if (!m_roadmapVisible || x < start || x > end)
            continue;
        RoadmapCallout *callout = m_milestoneCallouts[shown++];
        callout->setText({ UnitFormatter::format(milestone.pflops, QStringLiteral("PFLOPS"), locale),
                             locale.toString(milestone.date, dateFormat) },
            calloutFont, m_roadmapColour);
        callout->setToolTip(milestone.label(locale.name()));
        callout->setVisible(true);
    }
    for (size_t i = shown; i < m_milestoneCallouts.size(); ++i)
        m_milestoneCallouts[i]->setVisible(false);
    const QString todayDate = locale.toString(dayOf(m_shownTodayMs), dateFormat);
    //: Label of the marker at today's date on the roadmap chart, e.g. "Today, 2 Mar 2026"
    m_todayCallout->setText(m_todayCaption.isEmpty() ? QStringList { tr("Today, %1").arg(todayDate) }
                                                     : QStringList { m_todayCaption, todayDate },
        calloutFont, QColor::fromRgb(kTodayColour));
    m_todayCallout->setVisible(todayShown);

    if (hasData || !m_placeholderEnabled) {
        m_placeholder->hide();
    } else {
        m_placeholder->setText(m_installedModel && m_installedModel->result().pointCount() > 0
                ? tr("No data in this time range")
                : tr("Waiting for data…"));
        m_placeholder->setGeometry(rect());
        m_placeholder->show();
        m_placeholder->raise();
    }
    layoutCallouts();
}

void RoadmapChart::updateTimeAxis()
{
    const qint64 start = m_shownStartMs, end = m_shownEndMs;
    if (end <= start)
        return;
    // A label on the first of a month every 1, 2, 3, 6 or 12 months, as many as the width has room for;
    // none so near an end that it would be clipped.
    const QLocale locale;
    //: Month labels of the roadmap chart's time axis (QDate::toString syntax)
    const QString format = tr("MMM yyyy");
    const QFontMetricsF metrics(m_timeAxis->labelsFont());
    const qreal labelWidth = metrics.horizontalAdvance(locale.toString(QDate(2025, 9, 30), format)) + 20;
    const qreal width = m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : m_view->width() * 0.9;
    const QDate first = dayOf(start);
    const QDate last = dayOf(end);
    const int months = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
    int interval = 12;
    for (int candidate : { 1, 2, 3, 6, 12 }) {
        if (double(months) / candidate * labelWidth <= width) {
            interval = candidate;
            break;
        }
    }
    QStringList labels;
    QList<double> values;
    const qint64 margin = (end - start) / 40;
    for (QDate month(first.year(), first.month(), 1); month <= last; month = month.addMonths(1)) {
        if ((month.month() - 1) % interval != 0)
            continue;
        const qint64 t = midnightUtc(month);
        if (t - start < margin || end - t < margin)
            continue;
        labels.append(locale.toString(month, format));
        values.append(double(t));
    }
    if (labels == m_timeAxis->categoriesLabels())
        return;
    const QStringList old = m_timeAxis->categoriesLabels();
    for (const QString &label : old)
        m_timeAxis->remove(label);
    m_timeAxis->setStartValue(double(start));
    for (qsizetype i = 0; i < labels.size(); ++i)
        m_timeAxis->append(labels.at(i), values.at(i));
    m_timeAxis->setRange(double(start), double(end));
}

void RoadmapChart::layoutCallouts()
{
    if (m_layingOut)
        return;
    m_layingOut = true;
    const QRectF plot = m_chart->plotArea();
    if (plot.width() < 10 || plot.height() < 10) {
        m_layingOut = false;
        return;
    }
    // What a label must not cover: the lines, in the chart's coordinates.
    std::vector<QPolygonF> obstacles;
    auto addSeries = [&](const QXYSeries *series) {
        if (!series->isVisible() || series->count() < 1)
            return;
        QPolygonF polygon;
        const QList<QPointF> points = series->points();
        for (const QPointF &point : points)
            polygon.append(m_chart->mapToPosition(point, const_cast<QXYSeries *>(series)));
        obstacles.push_back(polygon);
    };
    for (const Line *line : { &m_installed, &m_delivered })
        for (const QLineSeries *segment : line->segments)
            addSeries(segment);
    addSeries(m_roadmapLine);
    addSeries(m_todayLine);
    auto crossings = [&](const QRectF &rect) {
        int count = 0;
        for (const QPolygonF &polygon : obstacles) {
            if (polygon.size() == 1 && rect.contains(polygon.front()))
                ++count;
            for (qsizetype i = 1; i < polygon.size(); ++i)
                count += crosses(rect, polygon.at(i - 1), polygon.at(i)) ? 1 : 0;
        }
        return count;
    };
    std::vector<QRectF> placed;
    const QRectF inside = plot.adjusted(2, 2, -2, -2);
    // The first candidate inside the plot, clear of other labels, that covers the fewest lines.
    auto place = [&](RoadmapCallout *callout, const std::vector<QRectF> &candidates) {
        const QRectF *best = nullptr;
        int bestCrossings = 0;
        for (const QRectF &candidate : candidates) {
            if (!inside.contains(candidate))
                continue;
            const QRectF padded = candidate.adjusted(-4, -4, 4, 4);
            if (std::any_of(placed.begin(), placed.end(),
                    [&](const QRectF &other) { return other.intersects(padded); }))
                continue;
            const int count = crossings(candidate.adjusted(-2, -2, 2, 2));
            if (!best || count < bestCrossings) {
                best = &candidate;
                bestCrossings = count;
            }
            if (count == 0)
                break;
        }
        QRectF rect = best ? *best : candidates.front();
        if (!best) // nowhere clear: keep it at least inside the plot
            rect.moveTo(std::clamp(rect.left(), inside.left(),
                            std::max(inside.left(), inside.right() - rect.width())),
                std::clamp(
                    rect.top(), inside.top(), std::max(inside.top(), inside.bottom() - rect.height())));
        callout->setPos(rect.topLeft());
        placed.push_back(rect);
    };

    size_t index = 0;
    for (const QPointF &corner : m_milestonePoints->points()) {
        if (index >= m_milestoneCallouts.size() || !m_milestoneCallouts[index]->isVisible())
            break;
        RoadmapCallout *callout = m_milestoneCallouts[index++];
        const QPointF p = m_chart->mapToPosition(corner, m_milestonePoints);
        const QSizeF s = callout->size();
        place(callout,
            { QRectF(QPointF(p.x() - kGap - s.width(), p.y() - kGap - s.height()), s),
                QRectF(QPointF(p.x() + kGap, p.y() - kGap - s.height()), s),
                QRectF(QPointF(p.x() + kGap, p.y() + kGap), s),
                QRectF(QPointF(p.x() - kGap - s.width(), p.y() + kGap), s) });
    }
    if (m_todayCallout->isVisible()) {
        const qreal x = m_chart->mapToPosition(QPointF(double(m_shownTodayMs), 0), m_todayLine).x();
        const QSizeF s = m_todayCallout->size();
        place(m_todayCallout,
            { QRectF(QPointF(x - kGap - s.width(), plot.bottom() - kGap - s.height()), s),
                QRectF(QPointF(x + kGap, plot.bottom() - kGap - s.height()), s),
                QRectF(QPointF(x - kGap - s.width(), plot.top() + kGap), s),
                QRectF(QPointF(x + kGap, plot.top() + kGap), s) });
    }
    m_layingOut = false;
}
