#include "ReportBuilder.h"

#include "AccountUsageModel.h"
#include "AlertModel.h"
#include "CapacitySummary.h"
#include "KpiModel.h"
#include "QueryCatalogue.h"
#include "Roadmap.h"
#include "RoadmapChart.h"
#include "TimeSeriesModel.h"

#include <QDateTime>
#include <QLocale>
#include <QStandardItemModel>

#include <set>

ReportBuilder::ReportBuilder(const ReportData &data)
    : m_data(data)
    , m_kpis(std::make_unique<KpiModel>(Roadmap::builtIn()))
    , m_alerts(std::make_unique<AlertModel>())
    , m_accounts(std::make_unique<AccountUsageModel>())
    , m_accountHours(std::make_unique<TimeSeriesModel>(
          QStringLiteral("account_gpu_hours"), QueryCatalogue::unitOf(QStringLiteral("account_gpu_hours"))))
    , m_roadmapInstalled(std::make_unique<TimeSeriesModel>(
          QStringLiteral("capacity_installed_pflops"), QStringLiteral("PFLOPS")))
    , m_roadmapDelivered(std::make_unique<TimeSeriesModel>(
          QStringLiteral("capacity_delivered_pflops"), QStringLiteral("PFLOPS")))
{
    if (const auto it = m_data.results.find(QStringLiteral("account_gpu_hours")); it != m_data.results.end())
        m_accountHours->setResult(it->second);
    m_accounts->setAllocations(m_data.allocations, m_data.subsidyAccounts);
    m_accounts->setSource(m_accountHours.get());
    if (const auto it = m_data.roadmapResults.find(QStringLiteral("capacity_installed_pflops"));
        it != m_data.roadmapResults.end())
        m_roadmapInstalled->setResult(it->second);
    if (const auto it = m_data.roadmapResults.find(QStringLiteral("capacity_delivered_pflops"));
        it != m_data.roadmapResults.end())
        m_roadmapDelivered->setResult(it->second);
    m_kpis->setDefinitions(KpiModel::overviewDefinitions());
    for (const auto &[id, result] : m_data.results)
        m_kpis->updateFromResult(result);
    m_alerts->setAlerts(m_data.alerts);

    auto *table = new QStandardItemModel(0, 4);
    table->setHorizontalHeaderLabels({ tr("Figure"), tr("Latest"), tr("Over the range"), tr("Detail") });
    for (int row = 0; row < m_kpis->rowCount(); ++row) {
        const QModelIndex index = m_kpis->index(row);
        QList<QStandardItem *> items;
        for (int role : { int(KpiModel::TitleRole), int(KpiModel::FormattedValueRole),
                 int(KpiModel::FormattedChangeRole), int(KpiModel::DetailRole) })
            items.append(new QStandardItem(index.data(role).toString()));
        table->appendRow(items);
    }
    m_kpiTable.reset(table);
}

ReportBuilder::~ReportBuilder() = default;

QStringList ReportBuilder::queryIds()
{
    std::set<QString> ids { QStringLiteral("capacity_installed_pflops"),
        QStringLiteral("capacity_delivered_pflops"), QStringLiteral("gpu_util_by_partition"),
        QStringLiteral("tensor_active_by_partition"), QStringLiteral("queue_running_by_partition"),
        QStringLiteral("queue_pending_by_partition"), QStringLiteral("queue_wait_minutes"),
        QStringLiteral("gpus_by_state"), QStringLiteral("account_gpu_hours") };
    for (const KpiDefinition &definition : KpiModel::overviewDefinitions())
        ids.insert(definition.queryId);
    return QStringList(ids.begin(), ids.end());
}

QStringList ReportBuilder::roadmapQueryIds()
{
    return { QStringLiteral("capacity_installed_pflops"), QStringLiteral("capacity_delivered_pflops") };
}

ReportContent ReportBuilder::content() const
{
    const QLocale locale;
    //: Date and time in the report (QDateTime::toString syntax)
    const QString format = tr("d MMM yyyy HH:mm");
    auto when = [&](qint64 ms) { return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), format); };
    auto chart = [&](const QString &id, bool stacked = false) {
        ReportChart c;
        c.title = QueryCatalogue::title(id);
        const auto it = m_data.results.find(id);
        c.result = it != m_data.results.end() ? it->second : QueryResult { id, m_data.startMs, 0, {}, {} };
        c.unit = QueryCatalogue::unitOf(id);
        c.percent = c.unit == QLatin1String("%");
        c.stacked = stacked;
        return c;
    };

    ReportContent report;
    report.title = tr("AISC Operations Report");
    report.subtitle = tr("Cyberport AI Supercomputing Centre, Hong Kong");
    report.facts << tr("Time range: %1 – %2").arg(when(m_data.startMs), when(m_data.endMs))
                 << tr("Generated: %1").arg(when(m_data.generatedAtMs))
                 << (m_data.simulated
                            ? tr("Data source: %1 (no Prometheus configured)").arg(m_data.sourceName)
                            : tr("Data source: %1").arg(m_data.sourceName));
    if (m_data.failure.isEmpty())
        report.facts
            << tr("Data as of %1, read from the source for this report.").arg(when(m_data.lastSuccessMs));
    else
        report.facts << tr("The source could not be read (%1): this report shows the data cached before.")
                            .arg(m_data.failure);

    ReportPage summary;
    summary.heading = tr("Summary");
    summary.paragraphs << tr("The headline figures at the end of the range, and how they changed over it.");
    summary.tables.push_back(ReportTable { tr("Headline figures"), m_kpiTable.get(), 10 });
    report.pages.push_back(std::move(summary));

    ReportPage capacity;
    capacity.heading = tr("Capacity against the roadmap");
    const QModelIndex installed = m_kpis->index(0);
    capacity.paragraphs
        << tr("Installed compute: %1 (%2).")
               .arg(installed.data(KpiModel::FormattedValueRole).toString(),
                   installed.data(KpiModel::DetailRole).toString())
        << tr("Peak dense FP16/BF16 compute of the GPUs present, from the GPU peak table; delivered "
              "compute is tensor-pipe activity times that peak.");
    if (m_roadmapInstalled->result().pointCount() > 0) {
        // The roadmap's whole story, then the range of the report.
        capacity.makeWidget = [this] {
            auto *roadmap = new RoadmapChart;
            roadmap->setRoadmap(Roadmap::builtIn());
            roadmap->setModels(m_roadmapInstalled.get(), m_roadmapDelivered.get());
            const CapacitySummary::Span span = CapacitySummary::chartSpan(Roadmap::builtIn(), m_data.endMs);
            roadmap->setSpan(span.startMs, span.endMs);
            roadmap->setToday(m_data.endMs);
            return roadmap;
        };
    }
    capacity.charts.push_back(chart(QStringLiteral("capacity_delivered_pflops")));
    report.pages.push_back(std::move(capacity));

    ReportPage utilisation;
    utilisation.heading = tr("GPU utilisation");
    utilisation.charts.push_back(chart(QStringLiteral("gpu_util_by_partition")));
    utilisation.charts.push_back(chart(QStringLiteral("tensor_active_by_partition")));
    report.pages.push_back(std::move(utilisation));

    ReportPage queue;
    queue.heading = tr("Job queue");
    queue.charts.push_back(chart(QStringLiteral("queue_running_by_partition"), true));
    queue.charts.push_back(chart(QStringLiteral("queue_pending_by_partition")));
    queue.charts.push_back(chart(QStringLiteral("queue_wait_minutes")));
    queue.charts.push_back(chart(QStringLiteral("gpus_by_state")));
    report.pages.push_back(std::move(queue));

    ReportPage accounts;
    accounts.heading = tr("Top accounts");
    accounts.paragraphs << tr(
        "GPU-hours used over the range by the accounts that used most, against their "
        "allocation where the configuration gives one; AI Subsidy Scheme projects are marked.");
    accounts.tables.push_back(ReportTable { tr("Top accounts by GPU-hours"), m_accounts.get(), 15 });
    report.pages.push_back(std::move(accounts));

    ReportPage alerts;
    alerts.heading = tr("Alerts");
    alerts.paragraphs << tr("Firing at the end of the range: %1 critical, %2 warning, %3 information.")
                             .arg(m_alerts->firingCount(AlertModel::Severity::Critical))
                             .arg(m_alerts->firingCount(AlertModel::Severity::Warning))
                             .arg(m_alerts->firingCount(AlertModel::Severity::Info));
    alerts.tables.push_back(ReportTable { tr("Alerts, most severe first"), m_alerts.get(), 25 });
    report.pages.push_back(std::move(alerts));
    return report;
}
