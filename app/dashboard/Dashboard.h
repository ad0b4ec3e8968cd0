#pragma once

#include "CommandLine.h"
#include "DashboardConfig.h"
#include "MetricSource.h"

#include <QObject>

#include <map>
#include <memory>

class AlertModel;
class CacheService;
class DashboardMetrics;
class TargetModel;
class KpiModel;
class NodeTableModel;
class AccountUsageModel;
class MainWindow;
class PresentationWindow;
class QNetworkAccessManager;
class RefreshController;
class TimeSeriesModel;
class ViewRange;
struct QueryResult;

// Wires a source, the cache, the models and the main window together: the dashboard without main().
// The source, its cache and the controller between them form a pipeline that is rebuilt when the
// user chooses another source; the models and the window stay.
class Dashboard : public QObject
{
    Q_OBJECT
public:
    // With no source given, the configured Prometheus server, or else the simulated centre.
    Dashboard(const DashboardOptions &options, const DashboardConfig &config = {},
        std::unique_ptr<MetricSource> source = {}, QObject *parent = nullptr);
    ~Dashboard() override;

    // Opens the cache, shows the window, paints what the cache holds and starts refreshing.
    void start();
    // Replaces the configuration (the settings dialog): saves it and, if the source changed,
    // switches to the new source with its own cache.
    void applyConfig(const DashboardConfig &config);
    // Records refreshes, errors and the cache in metrics (not owned; outlives the dashboard), from now on
    // and across source changes. Called once, before start().
    void setMetrics(DashboardMetrics *metrics);
    // Switches the interface language at run time ("en" or "zh_HK") and remembers it in the config.
    void setLanguage(const QString &language);
    // Writes the PDF report of the time range shown, from the data on screen. On error says why.
    bool exportReport(const QString &path, QString *error);

    MainWindow *window() const { return m_window.get(); }
    // Presentation mode: full-screen slides from the same models, instead of the window (--present,
    // View → Presentation mode or F11; Escape or F11 leaves). While presenting, the view follows live
    // data and refreshing runs, and failures go to the log, not the screen.
    PresentationWindow *presentation() const { return m_presentation.get(); }
    void setPresenting(bool presenting);
    bool isPresenting() const;
    RefreshController *controller() const { return m_controller; }
    MetricSource *source() const { return m_source.get(); }
    KpiModel *kpiModel() const { return m_kpis; }
    NodeTableModel *nodeTableModel() const { return m_nodes; }
    ViewRange *viewRange() const { return m_range; }
    // The model of a query drawn over the view window; null for a query no page draws.
    TimeSeriesModel *seriesModel(const QString &queryId) const;
    QString cachePath() const { return m_cachePath; }
    const DashboardConfig &config() const { return m_config; }

    // The cache file of a source when --cache names none: one per source, so that the simulated
    // centre's data and a server's never mix.
    static QString defaultCachePath(const MetricSource &source);
    // The source the options and config ask for: --demo, --prometheus, the config's server, or
    // else the simulated centre.
    // The allocations and AI Subsidy Scheme accounts to show: the config's, or for the simulated
    // centre without any configured, the simulated centre's own.
    static DashboardConfig withAllocations(const DashboardConfig &config, bool simulated);
    static std::unique_ptr<MetricSource> createSource(
        const DashboardOptions &options, const DashboardConfig &config, QNetworkAccessManager *network);

private:
    std::unique_ptr<MetricSource> makeSource() const;
    void buildPipeline(std::unique_ptr<MetricSource> source);
    void connectMetrics();
    void routeResult(const QueryResult &result);
    TimeSeriesModel *addSeriesModel(const QString &queryId);
    // The roadmap window: from the chart's start to now, a point a day.
    void applyRoadmapWindow();
    void applyAllocations();
    void showSettings();
    void applyConfig(const DashboardConfig &config, bool announce);
    void applyRetention();
    // The controller's window and step for the shared time range.
    void applyViewRange();
    void applyPresentationConfig();
    // Keeps a display choice made in the window (theme, refresh interval) for the next start.
    void rememberDisplayChoice();

    DashboardOptions m_options;
    DashboardConfig m_config;
    QNetworkAccessManager *m_network;
    ViewRange *m_range;
    KpiModel *m_kpis;
    NodeTableModel *m_nodes;
    AccountUsageModel *m_accounts;
    // Capacity over the roadmap's span, by query id (both precisions), fed from the controller's
    // fixed "roadmap" window.
    std::map<QString, TimeSeriesModel *> m_roadmapSeries;
    // One model per query drawn over the view window, by query id; every page's charts share them.
    std::map<QString, TimeSeriesModel *> m_series;
    AlertModel *m_alerts;
    TargetModel *m_targets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<PresentationWindow> m_presentation;
    // The pipeline.
    std::unique_ptr<MetricSource> m_source;
    CacheService *m_cache = nullptr;
    RefreshController *m_controller = nullptr;
    QString m_cachePath;
    DashboardMetrics *m_metrics = nullptr;
};
