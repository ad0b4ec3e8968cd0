#include "CapacityPage.h"

#include "CapacitySummary.h"
#include "GpuPeakModel.h"
#include "RoadmapChart.h"
#include "TimeSeriesModel.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

CapacityPage::CapacityPage(QWidget *parent)
    : QWidget(parent)
    , m_roadmap(Roadmap::builtIn())
    , m_headline(new QLabel(this))
    , m_delivered(new QLabel(this))
    , m_precisionNote(new QLabel(this))
    , m_precisionLabel(new QLabel(this))
    , m_precisionBox(new QComboBox(this))
    , m_chart(new RoadmapChart(this))
    , m_sourcesTitle(new QLabel(this))
    , m_peakView(new QTableView(this))
    , m_footnote(new QLabel(this))
    , m_peaks(new GpuPeakModel(GpuPeakTable::builtIn(), this))
{
    setObjectName(QStringLiteral("CapacityPage"));
    m_chart->setObjectName(QStringLiteral("roadmapChart"));
    m_peakView->setObjectName(QStringLiteral("peakView"));
    m_precisionBox->setObjectName(QStringLiteral("precisionBox"));

    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.45);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);
    m_delivered->setWordWrap(true);
    m_precisionNote->setWordWrap(true);
    QPalette muted = m_precisionNote->palette();
    muted.setColor(QPalette::WindowText, QColor(0x55, 0x55, 0x55));
    m_precisionNote->setPalette(muted);
    m_footnote->setPalette(muted);
    m_footnote->setWordWrap(true);
    m_footnote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    QFont titleFont = m_sourcesTitle->font();
    titleFont.setBold(true);
    m_sourcesTitle->setFont(titleFont);
    m_precisionBox->addItem(QString(), int(Precision::DenseFp16Bf16));
    m_precisionBox->addItem(QString(), int(Precision::DenseFp8));
    m_precisionBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_precisionLabel->setBuddy(m_precisionBox);

    m_peakView->setModel(m_peaks);
    m_peakView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peakView->setSelectionMode(QAbstractItemView::NoSelection);
    m_peakView->setFocusPolicy(Qt::NoFocus);
    m_peakView->verticalHeader()->hide();
    m_peakView->setWordWrap(false);
    m_peakView->verticalHeader()->setDefaultSectionSize(m_peakView->fontMetrics().height() + 8);
    m_peakView->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_peakView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_peakView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *header = new QHBoxLayout;
    auto *figures = new QVBoxLayout;
    figures->setSpacing(2);
    figures->addWidget(m_headline);
    figures->addWidget(m_delivered);
    figures->addWidget(m_precisionNote);
    header->addLayout(figures, 1);
    auto *precision = new QHBoxLayout;
    precision->addWidget(m_precisionLabel);
    precision->addWidget(m_precisionBox);
    header->addLayout(precision);
    header->setAlignment(precision, Qt::AlignTop | Qt::AlignRight);

    auto *sources = new QGridLayout;
    sources->setHorizontalSpacing(16);
    sources->addWidget(m_sourcesTitle, 0, 0, 1, 2);
    sources->addWidget(m_peakView, 1, 0);
    sources->addWidget(m_footnote, 1, 1);
    sources->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_chart, 1);
    layout->addLayout(sources);

    connect(m_precisionBox, &QComboBox::activated, this, [this](int index) {
        const Precision chosen = Precision(m_precisionBox->itemData(index).toInt());
        if (chosen == m_precision)
            return;
        setPrecision(chosen);
        Q_EMIT precisionChanged(chosen);
    });
    retranslate();
    showPrecision();
}

void CapacityPage::setRoadmap(const Roadmap &roadmap)
{
    m_roadmap = roadmap;
    m_chart->setRoadmap(roadmap);
    showPrecision();
}

void CapacityPage::setCapacityModels(
    Precision precision, TimeSeriesModel *installed, TimeSeriesModel *delivered)
{
    Models &models = m_models[precision == Precision::DenseFp8 ? 1 : 0];
    for (TimeSeriesModel *old : { models.installed.data(), models.delivered.data() })
        if (old && old != installed && old != delivered)
            old->disconnect(this);
    models.installed = installed;
    models.delivered = delivered;
    for (TimeSeriesModel *model : { installed, delivered }) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::modelReset, this, &CapacityPage::scheduleUpdate,
            Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::rowsInserted, this, &CapacityPage::scheduleUpdate,
            Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &CapacityPage::scheduleUpdate,
            Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::dataChanged, this, &CapacityPage::scheduleUpdate,
            Qt::UniqueConnection);
    }
    showPrecision();
}

void CapacityPage::setPrecision(Precision precision)
{
    m_precision = precision;
    showPrecision();
}

void CapacityPage::setNow(qint64 ms)
{
    m_nowMs = ms;
    const CapacitySummary::Span span = CapacitySummary::chartSpan(m_roadmap, ms);
    m_chart->setSpan(span.startMs, span.endMs);
    m_chart->setToday(ms);
}

QString CapacityPage::headlineText() const
{
    return m_headline->text();
}

QString CapacityPage::deliveredText() const
{
    return m_delivered->text();
}

QString CapacityPage::precisionNoteText() const
{
    return m_precisionNote->isVisibleTo(this) ? m_precisionNote->text() : QString();
}

void CapacityPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showPrecision();
    }
    QWidget::changeEvent(event);
}

void CapacityPage::retranslate()
{
    m_precisionLabel->setText(tr("Peak &precision:"));
    m_precisionBox->setItemText(0, tr("Dense FP16/BF16"));
    m_precisionBox->setItemText(1, tr("Dense FP8"));
    m_precisionBox->setToolTip(tr("Which peak of each GPU counts as its capacity. Dense: without structured "
                                  "sparsity, the figure datasheets print without an asterisk."));
    m_chart->setTitle(tr("Capacity roadmap: installed and delivered compute"));
    m_sourcesTitle->setText(tr("Where these figures come from"));
    m_footnote->setText(
        tr("Installed capacity is the GPUs the centre reports, by model, times the peak of that model; "
           "delivered compute is the tensor-pipe activity of every GPU (DCGM_FI_PROF_PIPE_TENSOR_ACTIVE) "
           "times the same peak. Peaks are dense, without structured sparsity, as each model's datasheet "
           "gives them (resources/gpu_peaks.json). Roadmap: %1, taken as %2.")
            .arg(m_roadmap.source().isEmpty() ? tr("resources/roadmap.json") : m_roadmap.source(),
                CapacitySummary::precisionName(m_roadmap.precision())));
}

void CapacityPage::showPrecision()
{
    m_precisionBox->setCurrentIndex(m_precision == Precision::DenseFp8 ? 1 : 0);
    m_peaks->setHighlightedPrecision(m_precision);
    const Models &models = modelsOf(m_precision);
    m_chart->setModels(models.installed, models.delivered);
    m_chart->setRoadmapVisible(m_precision == m_roadmap.precision());
    //: Value axis of the roadmap chart, e.g. "PFLOPS, dense FP16/BF16"
    m_chart->setValueAxisTitle(tr("PFLOPS, %1").arg(CapacitySummary::precisionName(m_precision)));
    updateFigures();
}

void CapacityPage::scheduleUpdate()
{
    if (m_updatePending)
        return;
    m_updatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_updatePending = false;
        updateFigures();
    });
}

void CapacityPage::updateFigures()
{
    // Progress at the roadmap's own precision, whatever is shown.
    const Models &atRoadmap = modelsOf(m_roadmap.precision());
    const auto [installed, atMs] = atRoadmap.installed
        ? CapacitySummary::latest(atRoadmap.installed->result())
        : std::pair { qQNaN(), qint64(0) };
    m_headline->setText(CapacitySummary::headline(CapacitySummary::progress(m_roadmap, installed, atMs)));

    const Models &shown = modelsOf(m_precision);
    const double shownInstalled
        = shown.installed ? CapacitySummary::latest(shown.installed->result()).first : qQNaN();
    const double shownDelivered
        = shown.delivered ? CapacitySummary::latest(shown.delivered->result()).first : qQNaN();
    m_delivered->setText(CapacitySummary::deliveredText(shownDelivered, shownInstalled));

    const bool otherPrecision = m_precision != m_roadmap.precision();
    m_precisionNote->setVisible(otherPrecision);
    if (otherPrecision)
        m_precisionNote->setText(
            tr("Chart and delivered compute at %1. The roadmap is stated at %2: the headline measures "
               "progress at %2, and the milestones are drawn only there.")
                .arg(CapacitySummary::precisionName(m_precision),
                    CapacitySummary::precisionName(m_roadmap.precision())));

    // The peak table shows every row and column whole, without scrolling; the footnote takes the rest.
    m_peakView->resizeColumnsToContents();
    m_peakView->setFixedSize(m_peakView->horizontalHeader()->length() + 2 * m_peakView->frameWidth(),
        m_peakView->horizontalHeader()->sizeHint().height() + m_peakView->verticalHeader()->length()
            + 2 * m_peakView->frameWidth());
}
