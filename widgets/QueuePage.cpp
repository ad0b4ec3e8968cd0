#include "QueuePage.h"

#include "AccountUsageModel.h"
#include "ChartPanel.h"
#include "ShareBarDelegate.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

QueuePage::QueuePage(QWidget *parent)
    : QWidget(parent)
    , m_running(new ChartPanel(this))
    , m_pending(new ChartPanel(this))
    , m_wait(new ChartPanel(this))
    , m_gpuStates(new ChartPanel(this))
    , m_accountTitle(new QLabel(this))
    , m_accountView(new QTableView(this))
{
    setObjectName(QStringLiteral("QueuePage"));
    m_running->setObjectName(QStringLiteral("runningChart"));
    // Jobs running add up to the cluster's: stacked, the top edge is the total.
    m_running->setStacked(true);
    m_pending->setObjectName(QStringLiteral("pendingChart"));
    m_wait->setObjectName(QStringLiteral("waitChart"));
    m_gpuStates->setObjectName(QStringLiteral("gpuStateChart"));
    m_accountView->setObjectName(QStringLiteral("accountView"));

    QFont titleFont = m_accountTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_accountTitle->setFont(titleFont);
    m_accountTitle->setAlignment(Qt::AlignHCenter);
    m_accountView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accountView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accountView->verticalHeader()->hide();
    m_accountView->verticalHeader()->setDefaultSectionSize(m_accountView->fontMetrics().height() + 8);
    m_accountView->setWordWrap(false);
    m_accountView->setItemDelegateForColumn(
        AccountUsageModel::ShareColumn, new ShareBarDelegate(AccountUsageModel::RawValueRole, m_accountView));

    auto *accounts = new QVBoxLayout;
    accounts->setSpacing(4);
    accounts->addWidget(m_accountTitle);
    accounts->addWidget(m_accountView, 1);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);
    layout->addWidget(m_running, 0, 0);
    layout->addWidget(m_pending, 0, 1);
    layout->addWidget(m_gpuStates, 0, 2);
    layout->addWidget(m_wait, 1, 0);
    layout->addLayout(accounts, 1, 1, 1, 2);
    for (int column = 0; column < 3; ++column)
        layout->setColumnStretch(column, 1);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(1, 1);
    retranslate();
}

void QueuePage::setRunningModel(TimeSeriesModel *model)
{
    m_running->setModel(model);
}

void QueuePage::setPendingModel(TimeSeriesModel *model)
{
    m_pending->setModel(model);
}

void QueuePage::setWaitModel(TimeSeriesModel *model)
{
    m_wait->setModel(model);
}

void QueuePage::setGpuStateModel(TimeSeriesModel *model)
{
    m_gpuStates->setModel(model);
}

void QueuePage::setAccountUsageModel(AccountUsageModel *model)
{
    m_accountView->setModel(model);
    QHeaderView *header = m_accountView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AccountUsageModel::ShareColumn, QHeaderView::Stretch);
    auto fit = [this] {
        for (int column = 0; column < AccountUsageModel::ColumnCount; ++column)
            if (column != AccountUsageModel::ShareColumn)
                m_accountView->resizeColumnToContents(column);
    };
    connect(model, &QAbstractItemModel::modelReset, m_accountView, fit);
    fit();
}

void QueuePage::setWindowLength(qint64 ms)
{
    m_windowMs = ms;
    retranslate();
}

QString QueuePage::accountTitle() const
{
    return m_accountTitle->text();
}

void QueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueuePage::retranslate()
{
    // The time range is the toolbar's, shared by every page: titles do not repeat it, as it may be a
    // zoomed or paused window rather than the last hours.
    m_running->setTitle(tr("Jobs running by partition (stacked)"));
    m_pending->setTitle(tr("Jobs waiting by partition"));
    //: Chart of the queue wait of started jobs: median (p50) and 90th percentile (p90)
    m_wait->setTitle(tr("Queue wait, p50 and p90"));
    m_gpuStates->setTitle(tr("GPUs allocated, idle and down"));
    m_accountTitle->setText(tr("Top accounts by GPU-hours over the time range shown"));
}
