#pragma once

#include "CommandLine.h"
#include "MetricSource.h"

#include <QObject>

#include <memory>

class CacheService;
class KpiModel;
class MainWindow;
class RefreshController;
class TimeSeriesModel;

// Wires a source, the cache, the models and the main window together: the dashboard without main().
class Dashboard : public QObject
{
    Q_OBJECT
public:
    // Takes the source to read; with none, the simulated centre.
    explicit Dashboard(const DashboardOptions &options, std::unique_ptr<MetricSource> source = {},
        QObject *parent = nullptr);
    ~Dashboard() override;

    // Opens the cache, shows the window, paints what the cache holds and starts refreshing.
    void start();

    MainWindow *window() const { return m_window.get(); }
    RefreshController *controller() const { return m_controller; }
    KpiModel *kpiModel() const { return m_kpis; }
    QString cachePath() const { return m_cachePath; }

private:
    void routeResult(const struct QueryResult &result);

    std::unique_ptr<MetricSource> m_source;
    CacheService *m_cache;
    RefreshController *m_controller;
    KpiModel *m_kpis;
    TimeSeriesModel *m_utilisation;
    TimeSeriesModel *m_queue;
    std::unique_ptr<MainWindow> m_window;
    QString m_cachePath;
};
