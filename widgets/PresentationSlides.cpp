#include "PresentationSlides.h"

#include "CapacitySummary.h"
#include "KpiModel.h"
#include "RoadmapChart.h"
#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

const QString kPflops = QStringLiteral("PFLOPS");

QColor mixed(const QColor &from, const QColor &to, double amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// Text a step back from the figures: titles' companions, captions, footnotes.
void mute(QWidget *widget, double amount = 0.68)
{
    QPalette colours = widget->palette();
    colours.setColor(QPalette::WindowText,
        mixed(colours.color(QPalette::Window), colours.color(QPalette::WindowText), amount));
    widget->setPalette(colours);
}

// Only the size and weight: the family stays the application's, which follows the language.
QFont sized(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(6, pixels));
    font.setBold(bold);
    return font;
}

} // namespace

std::pair<double, qint64> PresentationData::kpi(const QString &id) const
{
    if (!kpis)
        return { qQNaN(), 0 };
    for (int row = 0; row < kpis->rowCount(); ++row) {
        const QModelIndex index = kpis->index(row);
        if (index.data(KpiModel::KpiIdRole).toString() == id)
            return { index.data(KpiModel::RawValueRole).toDouble(),
                index.data(KpiModel::TimestampRole).toLongLong() };
    }
    return { qQNaN(), 0 };
}

FittedLabel::FittedLabel(QWidget *parent)
    : QLabel(parent)
{
    // The layout decides the width; the text then fits it.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setAlignment(Qt::AlignCenter);
}

void FittedLabel::setPixelSize(int pixels, bool bold)
{
    m_pixels = std::max(6, pixels);
    m_bold = bold;
    // A little more than a line: a fallback face (Chinese in Noto Sans CJK) may stand taller.
    setFixedHeight(int(QFontMetrics(sized(m_pixels, m_bold).resolve(font())).height() * 1.08) + 2);
    fit();
}

void FittedLabel::setFittedText(const QString &text)
{
    if (text == this->text())
        return;
    setText(text);
    fit();
}

QSize FittedLabel::sizeHint() const
{
    return { 0, height() };
}

QSize FittedLabel::minimumSizeHint() const
{
    return { 0, minimumHeight() };
}

void FittedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

void FittedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // Another family (the language changed) has other widths.
    if (event->type() == QEvent::FontChange && !m_fitting)
        fit();
}

int FittedLabel::fittingPixelSize(int maximum) const
{
    const int room = contentsRect().width();
    int pixels = maximum;
    const QFont family = parentWidget() ? parentWidget()->font() : font();
    while (room > 0 && pixels > 6
        && QFontMetrics(sized(pixels, m_bold).resolve(family)).horizontalAdvance(text()) > room)
        pixels = std::max(6, int(pixels * 0.92));
    return pixels;
}

void FittedLabel::fit()
{
    const QFont candidate = sized(fittingPixelSize(m_pixels), m_bold);
    if (candidate.pixelSize() == font().pixelSize() && candidate.bold() == font().bold())
        return;
    m_fitting = true;
    setFont(candidate);
    m_fitting = false;
}

ShareBar::ShareBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ShareBar::setShare(double share)
{
    m_share = share;
    update();
}

void ShareBar::setMarks(const std::vector<double> &marks)
{
    m_marks = marks;
    update();
}

void ShareBar::setThickness(int pixels)
{
    m_thickness = std::max(4, pixels);
    setFixedHeight(m_thickness * 2);
    updateGeometry();
}

QSize ShareBar::sizeHint() const
{
    return { 400, m_thickness * 2 };
}

void ShareBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette colours = palette();
    const QRectF track(0, (height() - m_thickness) / 2.0, width(), m_thickness);
    const qreal radius = m_thickness / 2.0;
    painter.setPen(Qt::NoPen);
    painter.setBrush(mixed(colours.color(QPalette::Window), colours.color(QPalette::WindowText), 0.18));
    painter.drawRoundedRect(track, radius, radius);
    if (!std::isnan(m_share)) {
        QRectF filled = track;
        filled.setWidth(track.width() * std::clamp(m_share, 0.0, 1.0));
        painter.setBrush(colours.color(QPalette::Highlight));
        painter.drawRoundedRect(filled, radius, radius);
    }
    // Marks across the whole height, so that they read on the filled part and the track alike.
    painter.setPen(QPen(colours.color(QPalette::WindowText), std::max(2.0, m_thickness / 6.0)));
    for (double mark : m_marks) {
        const qreal x = std::clamp(mark, 0.0, 1.0) * (width() - 2) + 1;
        painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    }
}

PresentationSlide::PresentationSlide(const QString &id, const PresentationData *shared, QWidget *parent)
    : QWidget(parent)
    , m_data(shared)
{
    setObjectName(id);
    m_title = addLabel(Style::Title);
    m_title->setObjectName(QStringLiteral("slideTitle"));
}

QLabel *PresentationSlide::addLabel(Style style)
{
    auto *label = new QLabel(this);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    if (style == Style::Caption || style == Style::Footnote)
        mute(label, style == Style::Footnote ? 0.6 : 0.75);
    m_labels.emplace_back(label, style);
    return label;
}

FittedLabel *PresentationSlide::addFigure(double heightFraction)
{
    auto *figure = new FittedLabel(this);
    m_figures.emplace_back(figure, heightFraction);
    return figure;
}

void PresentationSlide::scaleTo(int height)
{
    for (const auto &[label, style] : m_labels) {
        switch (style) {
        case Style::Title:
            label->setFont(sized(height / 20, true));
            break;
        case Style::Body:
            label->setFont(sized(height / 26));
            break;
        case Style::Caption:
            label->setFont(sized(height / 30));
            break;
        case Style::Footnote:
            label->setFont(sized(height / 58));
            break;
        }
    }
    for (const auto &[figure, fraction] : m_figures)
        figure->setPixelSize(int(height * fraction), true);
    const int side = height / 10;
    if (layout())
        layout()->setContentsMargins(side, height / 24, side, height / 40);
}

void PresentationSlide::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

HeadlineSlide::HeadlineSlide(const PresentationData *shared, QWidget *parent)
    : PresentationSlide(QStringLiteral("headline"), shared, parent)
    , m_value(addFigure(1.0 / 8))
    , m_bar(new ShareBar(this))
    , m_next(addLabel(Style::Body))
    , m_share(addLabel(Style::Caption))
{
    m_value->setObjectName(QStringLiteral("installedValue"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_bar);
    layout->addWidget(m_next);
    layout->addWidget(m_share);
    layout->addStretch(3);
    retranslate();
}

bool HeadlineSlide::hasData() const
{
    return !std::isnan(m_data->kpi(QStringLiteral("installed")).first);
}

void HeadlineSlide::scaleTo(int height)
{
    PresentationSlide::scaleTo(height);
    m_bar->setThickness(height / 40);
    layout()->setSpacing(height / 40);
}

void HeadlineSlide::retranslate()
{
    m_title->setText(tr("Compute installed now"));
}

void HeadlineSlide::refresh()
{
    const auto [installed, atMs] = m_data->kpi(QStringLiteral("installed"));
    const Roadmap &roadmap = m_data->roadmap;
    const QLocale locale;
    m_value->setFittedText(UnitFormatter::format(installed, kPflops, locale));
    const double final = roadmap.milestones().empty() ? qQNaN() : roadmap.finalPflops();
    std::vector<double> marks;
    for (const RoadmapMilestone &milestone : roadmap.milestones())
        if (milestone.pflops < final)
            marks.push_back(milestone.pflops / final);
    m_bar->setMarks(marks);
    m_bar->setShare(installed / final);

    const CapacityProgress progress = CapacitySummary::progress(roadmap, installed, atMs);
    // The milestone date as the Capacity page writes it, with its translation.
    const QString dateFormat = QCoreApplication::translate("CapacitySummary", "d MMM yyyy");
    switch (progress.state) {
    case CapacityProgress::State::NoData:
        m_next->clear();
        break;
    case CapacityProgress::State::AllReached:
        m_next->setText(tr("Every milestone of the roadmap reached"));
        break;
    case CapacityProgress::State::Towards:
        //: e.g. "Next milestone: 3,000 PFLOPS by 31 Dec 2025, 99% there"
        m_next->setText((progress.overdue ? tr("Next milestone: %1, due %2, %3% there")
                                          : tr("Next milestone: %1 by %2, %3% there"))
                            .arg(UnitFormatter::format(progress.next->pflops, kPflops, locale),
                                locale.toString(progress.next->date, dateFormat),
                                locale.toString(progress.percentOfNext)));
        break;
    }
    if (std::isnan(installed) || std::isnan(final)) {
        m_share->clear();
    } else {
        //: Share of the capacity the whole roadmap plans, e.g. "99% of the 3,000 PFLOPS the centre is built
        //: for"
        m_share->setText(tr("%1% of the %2 the centre is built for")
                             .arg(locale.toString(int(std::floor(100 * installed / final))),
                                 UnitFormatter::format(final, kPflops, locale)));
    }
}

RoadmapSlide::RoadmapSlide(const PresentationData *shared, QWidget *parent)
    : PresentationSlide(QStringLiteral("roadmap"), shared, parent)
    , m_chart(new RoadmapChart(this))
{
    // With no data the milestones are drawn alone: never a "waiting" message on the big screen.
    m_chart->setPlaceholderEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_chart, 1);
    retranslate();
}

void RoadmapSlide::scaleTo(int height)
{
    PresentationSlide::scaleTo(height);
    m_chart->setTextPixelSize(height / 44);
    layout()->setContentsMargins(height / 20, height / 24, height / 20, height / 60);
    layout()->setSpacing(height / 60);
}

void RoadmapSlide::retranslate()
{
    m_title->setText(tr("Capacity roadmap"));
    m_chart->setTodayCaption(tr("We are here"));
    m_chart->setValueAxisTitle(QStringLiteral("PFLOPS"));
}

void RoadmapSlide::refresh()
{
    if (m_installed != m_data->installed || m_delivered != m_data->delivered) {
        m_installed = m_data->installed;
        m_delivered = m_data->delivered;
        m_chart->setModels(m_installed, m_delivered);
    }
    if (m_roadmapVersion != m_data->roadmapVersion) {
        m_roadmapVersion = m_data->roadmapVersion;
        m_chart->setRoadmap(m_data->roadmap);
        m_day = -1;
    }
    const qint64 dayMs = 24LL * 3600 * 1000;
    const qint64 day = m_data->nowMs > 0 ? m_data->nowMs / dayMs : 0;
    if (day == m_day)
        return;
    m_day = day;
    if (m_data->nowMs > 0) {
        const CapacitySummary::Span span = CapacitySummary::chartSpan(m_data->roadmap, m_data->nowMs);
        m_chart->setSpan(span.startMs, span.endMs);
        m_chart->setToday(m_data->nowMs);
    } else {
        m_chart->setSpan(0, 0);
        m_chart->setToday(0);
    }
}

UtilisationSlide::UtilisationSlide(const PresentationData *shared, QWidget *parent)
    : PresentationSlide(QStringLiteral("utilisation"), shared, parent)
    , m_value(addFigure(1.0 / 8))
    , m_caption(addLabel(Style::Caption))
    , m_rowsBox(new QWidget(this))
{
    m_value->setObjectName(QStringLiteral("utilisationValue"));
    auto *rows = new QGridLayout(m_rowsBox);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setColumnStretch(1, 1);
    auto *figure = new QVBoxLayout;
    figure->addStretch();
    figure->addWidget(m_value);
    figure->addWidget(m_caption);
    figure->addStretch();
    auto *columns = new QHBoxLayout;
    columns->addLayout(figure, 2);
    columns->addWidget(m_rowsBox, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(columns, 1);
    retranslate();
}

bool UtilisationSlide::hasData() const
{
    return !std::isnan(m_data->kpi(QStringLiteral("gpu_util")).first);
}

void UtilisationSlide::scaleTo(int height)
{
    m_height = height;
    PresentationSlide::scaleTo(height);
    auto *grid = static_cast<QGridLayout *>(m_rowsBox->layout());
    grid->setHorizontalSpacing(height / 40);
    grid->setVerticalSpacing(height / 36);
    for (const Row &row : m_rows) {
        row.name->setFont(sized(height / 30));
        row.value->setFont(sized(height / 30, true));
        row.bar->setThickness(height / 50);
    }
    layout()->setSpacing(height / 30);
}

void UtilisationSlide::retranslate()
{
    m_title->setText(tr("GPU utilisation now"));
    //: Under the centre's GPU utilisation on the presentation slide
    m_caption->setText(tr("all GPUs, on average"));
}

void UtilisationSlide::refresh()
{
    const QLocale locale;
    m_value->setFittedText(
        UnitFormatter::format(m_data->kpi(QStringLiteral("gpu_util")).first, QStringLiteral("%"), locale));
    std::vector<std::pair<QString, double>> partitions;
    if (m_data->utilisation) {
        const QueryResult &result = m_data->utilisation->result();
        for (const Series &series : result.series) {
            const double value = CapacitySummary::latest(result, series.name).first;
            if (!std::isnan(value))
                partitions.emplace_back(series.name, value);
        }
    }
    // A row per partition; rows are kept and reused, so that hours of refreshes allocate nothing new.
    auto *grid = static_cast<QGridLayout *>(m_rowsBox->layout());
    while (m_rows.size() < partitions.size()) {
        Row row { new QLabel(m_rowsBox), new ShareBar(m_rowsBox), new QLabel(m_rowsBox) };
        row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.value->setObjectName(QStringLiteral("partitionValue"));
        const int index = int(m_rows.size());
        grid->addWidget(row.name, index, 0);
        grid->addWidget(row.bar, index, 1);
        grid->addWidget(row.value, index, 2);
        m_rows.push_back(row);
        row.name->setFont(sized(m_height / 30));
        row.value->setFont(sized(m_height / 30, true));
        row.bar->setThickness(m_height / 50);
    }
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const bool shown = i < partitions.size();
        for (QWidget *widget : { static_cast<QWidget *>(row.name), static_cast<QWidget *>(row.bar),
                 static_cast<QWidget *>(row.value) })
            widget->setVisible(shown);
        if (!shown)
            continue;
        row.name->setText(partitions[i].first);
        row.bar->setShare(partitions[i].second / 100);
        row.value->setText(UnitFormatter::format(partitions[i].second, QStringLiteral("%"), locale));
    }
}

FigureRow::FigureRow(int count, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < count; ++i) {
        auto *column = new QVBoxLayout;
        auto *value = new FittedLabel(this);
        value->setObjectName(QStringLiteral("figureValue"));
        auto *caption = new QLabel(this);
        caption->setWordWrap(true);
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        mute(caption, 0.8);
        column->addWidget(value);
        column->addWidget(caption, 1);
        layout->addLayout(column, 1);
        m_values.push_back(value);
        m_captions.push_back(caption);
    }
}

void FigureRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    equalise();
}

void FigureRow::equalise()
{
    int common = m_valuePixels;
    for (const FittedLabel *value : m_values)
        common = std::min(common, value->fittingPixelSize(m_valuePixels));
    for (FittedLabel *value : m_values)
        value->setPixelSize(common, true);
}

void FigureRow::scaleTo(int valuePixels, int captionPixels)
{
    m_valuePixels = valuePixels;
    for (FittedLabel *value : m_values)
        value->setPixelSize(valuePixels, true);
    for (QLabel *caption : m_captions) {
        caption->setFont(sized(captionPixels));
        // Room for two lines of caption, however they wrap.
        caption->setMinimumHeight(QFontMetrics(caption->font()).lineSpacing() * 2 + 4);
    }
    layout()->setSpacing(valuePixels / 2);
}

JobsSlide::JobsSlide(const PresentationData *shared, QWidget *parent)
    : PresentationSlide(QStringLiteral("jobs"), shared, parent)
    , m_figures(new FigureRow(3, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addStretch(1);
    layout->addWidget(m_figures);
    layout->addStretch(3);
    retranslate();
}

bool JobsSlide::hasData() const
{
    return !std::isnan(m_data->kpi(QStringLiteral("jobs_running")).first);
}

void JobsSlide::scaleTo(int height)
{
    PresentationSlide::scaleTo(height);
    m_figures->scaleTo(height / 8, height / 28);
    m_figures->equalise();
}

void JobsSlide::retranslate()
{
    m_title->setText(tr("Jobs and GPUs now"));
}

void JobsSlide::refresh()
{
    const QLocale locale;
    const double running = m_data->kpi(QStringLiteral("jobs_running")).first;
    const double waiting = m_data->kpi(QStringLiteral("jobs_pending")).first;
    m_figures->value(0)->setFittedText(UnitFormatter::formatValue(running, QStringLiteral("jobs"), locale));
    m_figures->caption(0)->setText(tr("jobs running"));
    m_figures->value(1)->setFittedText(UnitFormatter::formatValue(waiting, QStringLiteral("jobs"), locale));
    m_figures->caption(1)->setText(tr("jobs waiting for GPUs"));
    double busy = qQNaN(), total = 0;
    if (m_data->gpuStates) {
        const QueryResult &result = m_data->gpuStates->result();
        busy = CapacitySummary::latest(result, QStringLiteral("allocated")).first;
        for (const char *state : { "allocated", "idle", "down" }) {
            const double count = CapacitySummary::latest(result, QLatin1String(state)).first;
            total += std::isnan(count) ? 0 : count;
        }
    }
    m_figures->value(2)->setFittedText(UnitFormatter::formatValue(busy, QStringLiteral("GPUs"), locale));
    //: Under the number of GPUs running jobs, e.g. "GPUs busy, of 3,000"
    m_figures->caption(2)->setText(std::isnan(busy) || total <= 0
            ? tr("GPUs busy")
            : tr("GPUs busy, of %1").arg(UnitFormatter::formatValue(total, QStringLiteral("GPUs"), locale)));
    m_figures->equalise();
}

EquivalencesSlide::EquivalencesSlide(const PresentationData *shared, QWidget *parent)
    : PresentationSlide(QStringLiteral("equivalences"), shared, parent)
    , m_figures(new FigureRow(3, this))
    , m_footnote(addLabel(Style::Footnote))
{
    m_footnote->setObjectName(QStringLiteral("footnote"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addStretch(1);
    layout->addWidget(m_figures);
    layout->addStretch(2);
    layout->addWidget(m_footnote);
    retranslate();
}

bool EquivalencesSlide::hasData() const
{
    return !std::isnan(m_data->kpi(QStringLiteral("installed")).first);
}

void EquivalencesSlide::scaleTo(int height)
{
    PresentationSlide::scaleTo(height);
    m_figures->scaleTo(height / 9, height / 28);
    m_figures->equalise();
}

void EquivalencesSlide::retranslate() { }

void EquivalencesSlide::refresh()
{
    const QLocale locale;
    const double installed = m_data->kpi(QStringLiteral("installed")).first;
    //: Title of the equivalences slide, e.g. "One hour of 2,970 PFLOPS is roughly equivalent to"
    m_title->setText(
        tr("One hour of %1 is roughly equivalent to").arg(UnitFormatter::format(installed, kPflops, locale)));
    const std::vector<ScaledEquivalence> scaled = m_data->equivalences.scaledTo(installed, locale);
    for (int i = 0; i < m_figures->count(); ++i) {
        const bool shown = size_t(i) < scaled.size();
        m_figures->value(i)->setFittedText(shown ? scaled[size_t(i)].value : QString());
        m_figures->caption(i)->setText(shown ? scaled[size_t(i)].caption : QString());
    }
    m_footnote->setText(m_data->equivalences.footnote(locale));
    m_figures->equalise();
}
