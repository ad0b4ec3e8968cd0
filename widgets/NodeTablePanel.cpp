#include "NodeTablePanel.h"

#include "NodeState.h"
#include "NodeTableModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <array>

namespace {

// Sorts and filters on the model's own roles, and gives the state column its colour swatch.
class NodeProxyModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == NodeTableModel::StateColumn) {
            const double code = QSortFilterProxyModel::data(index, NodeTableModel::RawValueRole).toDouble();
            if (!std::isnan(code))
                return NodeTablePanel::stateColour(code);
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

// What each column has to fit besides its header: the widest value it shows.
QString widestValue(int column)
{
    switch (column) {
    case NodeTableModel::NodeColumn:
        return QStringLiteral("aisc-gpu-0000");
    case NodeTableModel::PartitionColumn:
        return QStringLiteral("interactive");
    case NodeTableModel::StateColumn:
        return QStringLiteral("allocated");
    case NodeTableModel::GpuCountColumn:
        return QStringLiteral("88");
    case NodeTableModel::UtilisationColumn:
    case NodeTableModel::TensorColumn:
        return QStringLiteral("100.0%");
    case NodeTableModel::PowerColumn:
        return QStringLiteral("5.60 kW");
    case NodeTableModel::TemperatureColumn:
        return QStringLiteral("85 \u00b0C");
    default:
        return QStringLiteral("79");
    }
}

} // namespace

NodeTablePanel::NodeTablePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_proxy(new NodeProxyModel(this))
{
    m_filter->setObjectName(QStringLiteral("nodeFilter"));
    m_view->setObjectName(QStringLiteral("nodeTable"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_filter->setClearButtonEnabled(true);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_proxy->setSortRole(NodeTableModel::SortRole);
    m_proxy->setFilterRole(NodeTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(NodeTableModel::NodeColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Rows as tight as the text allows: a table of hundreds of nodes is read by scrolling.
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    const int swatch = m_view->fontMetrics().height() * 2 / 3;
    m_view->setIconSize(QSize(swatch, swatch));

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &NodeTablePanel::updateCount);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &NodeTablePanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &NodeTablePanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &NodeTablePanel::updateCount);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT nodeActivated(index.data(NodeTableModel::NodeRole).toString());
    });

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    retranslate();
}

void NodeTablePanel::setModel(NodeTableModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    fitColumns();
    updateCount();
}

QString NodeTablePanel::countText() const
{
    return m_count->text();
}

QSize NodeTablePanel::sizeHint() const
{
    int width = 2 * m_view->frameWidth() + m_view->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column)
        width += m_view->columnWidth(column);
    return QSize(width, QWidget::sizeHint().height());
}

QColor NodeTablePanel::stateColour(double code)
{
    // Okabe–Ito colours; the state's name is always beside its colour.
    switch (nodeStateFromCode(code).value_or(NodeState::Other)) {
    case NodeState::Idle:
        return QColor(0x00, 0x9e, 0x73);
    case NodeState::Mixed:
        return QColor(0x56, 0xb4, 0xe9);
    case NodeState::Allocated:
        return QColor(0x00, 0x72, 0xb2);
    case NodeState::Drain:
        return QColor(0xe6, 0x9f, 0x00);
    case NodeState::Down:
        return QColor(0xd5, 0x5e, 0x00);
    case NodeState::Other:
        break;
    }
    return QColor(0x99, 0x99, 0x99);
}

void NodeTablePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange)
        fitColumns();
    QWidget::changeEvent(event);
}

void NodeTablePanel::retranslate()
{
    m_title->setText(tr("Nodes"));
    m_filter->setPlaceholderText(tr("Filter by node, partition or state"));
    fitColumns();
    updateCount();
}

void NodeTablePanel::updateCount()
{
    const QLocale locale;
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    // Counts after a colon read right in any number, without plural forms.
    if (total == 0)
        m_count->setText(tr("Nodes: waiting for data"));
    else if (m_filter->text().isEmpty())
        m_count->setText(tr("Nodes: %1").arg(locale.toString(total)));
    else
        m_count->setText(tr("Nodes: %1 of %2").arg(locale.toString(shown), locale.toString(total)));
}

void NodeTablePanel::fitColumns()
{
    // From the widest value and the header rather than from the rows, so that widths do not jump
    // with each refresh and hundreds of rows need not be measured.
    const QFontMetrics metrics = m_view->fontMetrics();
    const QFontMetrics headerMetrics = m_view->horizontalHeader()->fontMetrics();
    const int sortIndicator = 12;
    const int swatch = m_view->iconSize().width() + 6;
    for (int column = 0; column < NodeTableModel::ColumnCount; ++column) {
        const QString header = m_proxy->headerData(column, Qt::Horizontal).toString();
        int width = std::max(metrics.horizontalAdvance(widestValue(column)),
            headerMetrics.horizontalAdvance(header) + sortIndicator);
        if (column == NodeTableModel::StateColumn)
            width += swatch;
        m_view->setColumnWidth(column, width + 12);
    }
}
