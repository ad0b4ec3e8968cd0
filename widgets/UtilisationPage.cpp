#include "UtilisationPage.h"

#include "ChartPanel.h"
#include "NodeDetailDialog.h"
#include "NodeHeatmapView.h"
#include "NodeTableModel.h"
#include "NodeTablePanel.h"
#include "TimeSeriesModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

// A partition query without the partition label on the server answers one cluster-wide series.
bool clusterWide(const TimeSeriesModel *model)
{
    if (!model || model->result().series.size() != 1)
        return false;
    const Series &series = model->result().series.front();
    const auto partition = series.labels.find(QStringLiteral("partition"));
    return partition == series.labels.end() || partition->second.isEmpty();
}

QWidget *chartWithNote(ChartPanel *chart, QLabel *note, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(chart, 1);
    layout->addWidget(note);
    return box;
}

} // namespace

UtilisationPage::UtilisationPage(QWidget *parent)
    : QWidget(parent)
    , m_utilisation(new ChartPanel(this))
    , m_tensor(new ChartPanel(this))
    , m_utilisationNote(new QLabel(this))
    , m_tensorNote(new QLabel(this))
    , m_heatmapTitle(new QLabel(this))
    , m_heatmap(new NodeHeatmapView(this))
    , m_table(new NodeTablePanel(this))
    , m_vertical(new QSplitter(Qt::Vertical, this))
    , m_horizontal(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("UtilisationPage"));
    m_utilisation->setObjectName(QStringLiteral("partitionUtilisationChart"));
    m_tensor->setObjectName(QStringLiteral("partitionTensorChart"));
    m_heatmap->setObjectName(QStringLiteral("nodeHeatmap"));
    m_utilisation->setFixedValueRange(0, 100);
    m_tensor->setFixedValueRange(0, 100);
    for (QLabel *note : { m_utilisationNote, m_tensorNote }) {
        note->setWordWrap(true);
        QPalette muted = note->palette();
        muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        note->setPalette(muted);
        note->hide();
    }
    // Titled as the charts are.
    QFont titleFont = m_heatmapTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_heatmapTitle->setFont(titleFont);

    auto *charts = new QWidget(m_vertical);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    chartRow->setSpacing(10);
    chartRow->addWidget(chartWithNote(m_utilisation, m_utilisationNote, charts), 1);
    chartRow->addWidget(chartWithNote(m_tensor, m_tensorNote, charts), 1);

    auto *heatmapBox = new QWidget(m_horizontal);
    auto *heatmapLayout = new QVBoxLayout(heatmapBox);
    heatmapLayout->setContentsMargins(0, 0, 0, 0);
    heatmapLayout->setSpacing(4);
    heatmapLayout->addWidget(m_heatmapTitle);
    heatmapLayout->addWidget(m_heatmap, 1);
    m_horizontal->addWidget(heatmapBox);
    m_horizontal->addWidget(m_table);
    // The table takes the width its columns need; the heatmap, whose resolution grows with width, the rest.
    m_horizontal->setStretchFactor(0, 1);
    m_horizontal->setStretchFactor(1, 0);
    m_horizontal->setChildrenCollapsible(false);

    m_vertical->addWidget(charts);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 2);
    m_vertical->setStretchFactor(1, 3);
    m_vertical->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_vertical);

    connect(m_heatmap, &NodeHeatmapView::nodeActivated, this, &UtilisationPage::showNode);
    connect(m_table, &NodeTablePanel::nodeActivated, this, &UtilisationPage::showNode);
    retranslate();
}

void UtilisationPage::setUtilisationModel(TimeSeriesModel *model)
{
    m_utilisationModel = model;
    m_utilisation->setModel(model);
    watchPartitions(model);
}

void UtilisationPage::setTensorModel(TimeSeriesModel *model)
{
    m_tensorModel = model;
    m_tensor->setModel(model);
    watchPartitions(model);
}

void UtilisationPage::setNodeUtilisationModel(TimeSeriesModel *model)
{
    m_nodeUtilisationModel = model;
    m_heatmap->setModel(model);
    if (m_detail)
        m_detail->setModels(m_nodeTableModel, model);
}

void UtilisationPage::setNodeTableModel(NodeTableModel *model)
{
    m_nodeTableModel = model;
    m_table->setModel(model);
    if (m_detail)
        m_detail->setModels(model, m_nodeUtilisationModel);
}

QList<ChartPanel *> UtilisationPage::charts() const
{
    return { m_utilisation, m_tensor };
}

QString UtilisationPage::partitionNote() const
{
    return m_utilisationNote->isVisibleTo(this) ? m_utilisationNote->text() : QString();
}

void UtilisationPage::showNode(const QString &node)
{
    if (node.isEmpty())
        return;
    if (!m_detail) {
        m_detail = new NodeDetailDialog(this);
        m_detail->setModels(m_nodeTableModel, m_nodeUtilisationModel);
    }
    m_detail->setNode(node);
    m_detail->show();
    m_detail->raise();
    m_detail->activateWindow();
}

void UtilisationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void UtilisationPage::retranslate()
{
    m_utilisation->setTitle(tr("GPU utilisation by partition"));
    m_tensor->setTitle(tr("Tensor activity by partition"));
    m_heatmapTitle->setText(tr("GPU utilisation by node"));
    updatePartitionNotes();
}

void UtilisationPage::watchPartitions(TimeSeriesModel *model)
{
    if (!model)
        return;
    // The series set changes only with a reset or with columns coming and going.
    connect(model, &QAbstractItemModel::modelReset, this, &UtilisationPage::updatePartitionNotes,
        Qt::UniqueConnection);
    connect(model, &QAbstractItemModel::columnsInserted, this, &UtilisationPage::updatePartitionNotes,
        Qt::UniqueConnection);
    connect(model, &QAbstractItemModel::columnsRemoved, this, &UtilisationPage::updatePartitionNotes,
        Qt::UniqueConnection);
    updatePartitionNotes();
}

void UtilisationPage::updatePartitionNotes()
{
    const QString note = tr("No partition label: showing the whole cluster");
    m_utilisationNote->setText(note);
    m_tensorNote->setText(note);
    m_utilisationNote->setVisible(clusterWide(m_utilisationModel));
    m_tensorNote->setVisible(clusterWide(m_tensorModel));
}
