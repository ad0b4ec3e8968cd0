#pragma once

#include "CommandLine.h"
#include "DashboardConfig.h"
#include "PrometheusParser.h"
#include "QueryResult.h"

#include <QObject>

#include <map>
#include <memory>

class CacheService;
class MetricSource;
class QNetworkAccessManager;
class RefreshController;

// `aisc-dashboard export`: fills the cache for the range asked for, as the window would, then writes
// the file, with no display. Progress and errors go to the message callback (stderr in main()).
// Exit codes: 0 written (also from the cache alone when the source failed, with a warning),
// 1 nothing could be written (no data, source unreachable with nothing cached, unwritable file),
// 2 a bad request (unknown query id).
class ExportRunner : public QObject
{
    Q_OBJECT
public:
    ExportRunner(const DashboardOptions &options, const ExportOptions &exportOptions,
        const DashboardConfig &config, std::unique_ptr<MetricSource> source = {}, QObject *parent = nullptr);
    ~ExportRunner() override;

    // Where messages go (main() prints them to stderr); each is one line.
    void setMessageHandler(std::function<void(const QString &)> handler) { m_message = std::move(handler); }
    void start();
    int exitCode() const { return m_exitCode; }

    // The query ids a chart or CSV may name: the catalogue's and those the config adds.
    static QStringList knownQueryIds(const DashboardConfig &config);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onRoundOver(const QString &failure);
    void writeWhenComplete();
    void write();
    // The range of the data written, in local time, for titles.
    QString rangeDescription() const;
    void finish(int exitCode, const QString &message = {});

    DashboardOptions m_options;
    ExportOptions m_export;
    DashboardConfig m_config;
    QNetworkAccessManager *m_network;
    std::unique_ptr<MetricSource> m_source;
    CacheService *m_cache = nullptr;
    RefreshController *m_controller = nullptr;
    QStringList m_queryIds;
    std::map<QString, QueryResult> m_results;
    std::map<QString, QueryResult> m_roadmapResults;
    std::vector<PrometheusAlert> m_alerts;
    // A report waits for the round and for the alerts, which come on their own.
    bool m_roundOver = false;
    bool m_healthOver = true;
    QString m_failure;
    std::function<void(const QString &)> m_message;
    int m_lastPercent = -1;
    int m_exitCode = -1;
};
