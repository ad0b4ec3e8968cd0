#include "NodeDetailDialog.h"

#include "ChartPanel.h"
#include "NodeTableModel.h"
#include "TimeSeriesModel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace {
// The node table's columns the form shows, in its order (the node is the heading).
constexpr std::array<int, 8> kFields = {
    NodeTableModel::PartitionColumn,
    NodeTableModel::StateColumn,
    NodeTableModel::GpuCountColumn,
    NodeTableModel::UtilisationColumn,
    NodeTableModel::TensorColumn,
    NodeTableModel::PowerColumn,
    NodeTableModel::TemperatureColumn,
    NodeTableModel::XidColumn,
};
} // namespace

NodeDetailDialog::NodeDetailDialog(QWidget *parent)
    : QDialog(parent)
    , m_series(new TimeSeriesModel(QStringLiteral("node_gpu_util"), QStringLiteral("%"), this))
    , m_heading(new QLabel(this))
    , m_form(new QFormLayout)
    , m_chart(new ChartPanel(this))
{
    setObjectName(QStringLiteral("NodeDetailDialog"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (int field : kFields) {
        m_names[size_t(field)] = new QLabel(this);
        m_values[size_t(field)] = new QLabel(this);
        m_values[size_t(field)]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(m_names[size_t(field)], m_values[size_t(field)]);
    }
    m_chart->setFixedValueRange(0, 100);
    m_chart->setModel(m_series);
    m_chart->setMinimumHeight(260);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(m_form);
    layout->addWidget(m_chart, 1);
    layout->addWidget(buttons);
    resize(640, 560);
    retranslate();
}

NodeDetailDialog::~NodeDetailDialog() = default;

void NodeDetailDialog::setModels(NodeTableModel *table, TimeSeriesModel *utilisation)
{
    for (QAbstractItemModel *old : { static_cast<QAbstractItemModel *>(m_table.data()),
             static_cast<QAbstractItemModel *>(m_utilisation.data()) })
        if (old)
            disconnect(old, nullptr, this, nullptr);
    m_table = table;
    m_utilisation = utilisation;
    for (QAbstractItemModel *model :
        { static_cast<QAbstractItemModel *>(table), static_cast<QAbstractItemModel *>(utilisation) }) {
        if (!model)
            continue;
        connect(model, &QAbstractItemModel::dataChanged, this, &NodeDetailDialog::scheduleRefresh);
        connect(model, &QAbstractItemModel::modelReset, this, &NodeDetailDialog::scheduleRefresh);
        connect(model, &QAbstractItemModel::rowsInserted, this, &NodeDetailDialog::scheduleRefresh);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &NodeDetailDialog::scheduleRefresh);
        connect(model, &QAbstractItemModel::columnsInserted, this, &NodeDetailDialog::scheduleRefresh);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &NodeDetailDialog::scheduleRefresh);
    }
    refresh();
}

void NodeDetailDialog::setNode(const QString &node)
{
    m_node = node;
    refresh();
}

QString NodeDetailDialog::fieldText(int column) const
{
    if (column == NodeTableModel::NodeColumn)
        return m_node;
    if (column < 0 || size_t(column) >= m_values.size() || !m_values[size_t(column)])
        return {};
    return m_values[size_t(column)]->text();
}

void NodeDetailDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void NodeDetailDialog::scheduleRefresh()
{
    // A refresh of the models arrives as several signals: follow it once.
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

void NodeDetailDialog::retranslate()
{
    for (int field : kFields) {
        QString name;
        switch (field) {
        case NodeTableModel::PartitionColumn:
            name = tr("Partition:");
            break;
        case NodeTableModel::StateColumn:
            name = tr("Slurm state:");
            break;
        case NodeTableModel::GpuCountColumn:
            name = tr("GPUs reporting:");
            break;
        case NodeTableModel::UtilisationColumn:
            name = tr("GPU utilisation:");
            break;
        case NodeTableModel::TensorColumn:
            name = tr("Tensor activity:");
            break;
        case NodeTableModel::PowerColumn:
            name = tr("GPU power:");
            break;
        case NodeTableModel::TemperatureColumn:
            name = tr("Hottest GPU:");
            break;
        case NodeTableModel::XidColumn:
            name = tr("Last XID error:");
            break;
        default:
            break;
        }
        m_names[size_t(field)]->setText(name);
    }
    refresh();
}

void NodeDetailDialog::refresh()
{
    setWindowTitle(m_node.isEmpty() ? tr("Node") : tr("Node %1").arg(m_node));
    m_chart->setTitle(tr("GPU utilisation of %1").arg(m_node));
    const int row = m_table ? m_table->rowOfNode(m_node) : -1;
    m_heading->setText(m_node);
    for (int field : kFields) {
        QString text = row >= 0 ? m_table->index(row, field).data().toString() : QString();
        if (field == NodeTableModel::XidColumn) {
            const QString meaning
                = row >= 0 ? m_table->index(row, field).data(Qt::ToolTipRole).toString() : QString();
            text = meaning.isEmpty() ? (text.isEmpty() && row >= 0 ? tr("none") : text) : meaning;
        }
        m_values[size_t(field)]->setText(text.isEmpty() ? QStringLiteral("\u2013") : text);
    }

    // The node's own series, on the utilisation model's grid.
    QueryResult own;
    own.queryId = QStringLiteral("node_gpu_util");
    if (m_utilisation) {
        const QueryResult &all = m_utilisation->result();
        own.startMs = all.startMs;
        own.stepMs = all.stepMs;
        if (const Series *series = all.findSeries(m_node))
            own.series.push_back(*series);
    }
    m_series->setResult(own);
}
