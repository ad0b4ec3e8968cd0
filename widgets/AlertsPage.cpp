#include "AlertsPage.h"

#include "AlertModel.h"
#include "TargetModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace {
void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
}
} // namespace

AlertsPage::AlertsPage(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_alertTitle(new QLabel(this))
    , m_targetTitle(new QLabel(this))
    , m_alertView(new QTableView(this))
    , m_targetView(new QTableView(this))
{
    setObjectName(QStringLiteral("AlertsPage"));
    m_alertView->setObjectName(QStringLiteral("alertView"));
    m_targetView->setObjectName(QStringLiteral("targetView"));
    setUpTable(m_alertView);
    setUpTable(m_targetView);
    QFont titleFont = m_alertTitle->font();
    titleFont.setBold(true);
    m_alertTitle->setFont(titleFont);
    m_targetTitle->setFont(titleFont);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.2);
    m_summary->setFont(summaryFont);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_alertTitle);
    layout->addWidget(m_alertView, 3);
    layout->addWidget(m_targetTitle);
    layout->addWidget(m_targetView, 2);
    updateSummary();
}

void AlertsPage::setModels(AlertModel *alerts, TargetModel *targets)
{
    m_alerts = alerts;
    m_targets = targets;
    m_alertView->setModel(alerts);
    m_targetView->setModel(targets);
    for (QAbstractItemModel *model :
        { static_cast<QAbstractItemModel *>(alerts), static_cast<QAbstractItemModel *>(targets) }) {
        connect(model, &QAbstractItemModel::modelReset, this, &AlertsPage::updateSummary);
        connect(model, &QAbstractItemModel::rowsInserted, this, &AlertsPage::updateSummary);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateSummary);
    }
    connect(alerts, &QAbstractItemModel::modelReset, m_alertView, &QTableView::resizeColumnsToContents);
    connect(targets, &QAbstractItemModel::modelReset, m_targetView, &QTableView::resizeColumnsToContents);
    updateSummary();
}

void AlertsPage::setHealthError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString AlertsPage::summaryText() const
{
    return m_summary->text();
}

void AlertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateSummary();
    QWidget::changeEvent(event);
}

void AlertsPage::updateSummary()
{
    m_alertTitle->setText(tr("Alerts"));
    m_targetTitle->setText(tr("Scrape targets"));
    if (!m_alerts || !m_targets) {
        m_summary->setText(tr("Waiting for data…"));
        return;
    }
    const int critical = m_alerts->firingCount(AlertModel::Severity::Critical);
    const int warning = m_alerts->firingCount(AlertModel::Severity::Warning);
    const int info = m_alerts->firingCount(AlertModel::Severity::Info);
    const int down = m_targets->countWithHealth(PrometheusTarget::Health::Down);
    const int targets = m_targets->rowCount();
    // Counts after a colon read right in any number, without plural forms.
    const QLocale locale;
    const QString alerts = critical + warning + info == 0
        ? tr("No alerts firing")
        : tr("Alerts firing: %1 (critical %2, warning %3)")
              .arg(locale.toString(critical + warning + info), locale.toString(critical),
                  locale.toString(warning));
    const QString scrape = down == 0
        ? tr("scrape targets up: all %1").arg(locale.toString(targets))
        : tr("scrape targets down: %1 of %2").arg(locale.toString(down), locale.toString(targets));
    m_summary->setText(alerts + QStringLiteral(" · ") + scrape);
    Q_EMIT firingCountChanged(critical + warning + info);
}
