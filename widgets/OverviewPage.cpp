#include "OverviewPage.h"

#include "ChartPanel.h"
#include "KpiTileStrip.h"

#include <QEvent>
#include <QGridLayout>

OverviewPage::OverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_tiles(new KpiTileStrip(this))
    , m_utilisation(new ChartPanel(this))
    , m_queue(new ChartPanel(this))
{
    m_utilisation->setObjectName(QStringLiteral("utilisationChart"));
    m_queue->setObjectName(QStringLiteral("queueChart"));
    m_utilisation->setFixedValueRange(0, 100);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);
    layout->addWidget(m_tiles, 0, 0, 1, 2);
    layout->addWidget(m_utilisation, 1, 0);
    layout->addWidget(m_queue, 1, 1);
    layout->setRowStretch(1, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    retranslate();
}

void OverviewPage::setKpiModel(QAbstractItemModel *model)
{
    m_tiles->setModel(model);
}

void OverviewPage::setUtilisationModel(TimeSeriesModel *model)
{
    m_utilisation->setModel(model);
}

void OverviewPage::setQueueModel(TimeSeriesModel *model)
{
    m_queue->setModel(model);
}

void OverviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OverviewPage::retranslate()
{
    m_utilisation->setTitle(tr("GPU utilisation by partition"));
    m_queue->setTitle(tr("Jobs waiting by partition"));
}
