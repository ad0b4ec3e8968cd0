#pragma once

#include "PrometheusParser.h"
#include "QueryResult.h"
#include "ReportWriter.h"

#include <QCoreApplication>

#include <map>
#include <memory>
#include <vector>

class AccountUsageModel;
class AlertModel;
class TimeSeriesModel;
class KpiModel;
class QAbstractItemModel;

// What a report is made of: the data over its range, from the cache, and how fresh it is.
struct ReportData
{
    QString sourceName;
    bool simulated = false;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 generatedAtMs = 0;
    // When the source last answered; 0 when it could not be reached (the report then says it shows
    // cached data).
    qint64 lastSuccessMs = 0;
    QString failure; // why the source could not be read, if it could not
    std::map<QString, QueryResult> results; // by query id, over [startMs, endMs)
    // Installed and delivered compute over the roadmap's span (CapacitySummary::roadmapRequest).
    std::map<QString, QueryResult> roadmapResults;
    // GPU-hours granted per account, and the AI Subsidy Scheme's accounts (from the config).
    std::map<QString, double> allocations;
    QStringList subsidyAccounts;
    std::vector<PrometheusAlert> alerts;
};

// Turns the data into the report's pages: title page facts, KPI summary, capacity against the
// roadmap, utilisation, queue, top accounts, alerts. Owns the models its tables are drawn from.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)
public:
    explicit ReportBuilder(const ReportData &data);
    ~ReportBuilder();

    // The query ids a report needs over its range.
    static QStringList queryIds();
    // The query ids of the roadmap chart (over its own span, a point a day).
    static QStringList roadmapQueryIds();
    ReportContent content() const;

private:
    ReportData m_data;
    std::unique_ptr<KpiModel> m_kpis;
    std::unique_ptr<QAbstractItemModel> m_kpiTable;
    std::unique_ptr<AlertModel> m_alerts;
    std::unique_ptr<AccountUsageModel> m_accounts;
    std::unique_ptr<TimeSeriesModel> m_accountHours;
    std::unique_ptr<TimeSeriesModel> m_roadmapInstalled;
    std::unique_ptr<TimeSeriesModel> m_roadmapDelivered;
};
