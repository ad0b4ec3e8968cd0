#pragma once

#include "GpuPeakTable.h"
#include "MetricSource.h"
#include "PrometheusClient.h"
#include "QueryCatalogue.h"

#include <QPointer>
#include <QThreadPool>

#include <map>

class QNetworkAccessManager;
template<typename T> class QFutureWatcher;

// Answers catalogue queries from a Prometheus-compatible server: each query id runs its PromQL
// (the catalogue's, or an override), as query_range over the request's grid (split at 11,000
// points) or as an instant query. Answers are parsed on a private worker pool, named like the
// simulated centre's so that the views look the same, and the catalogue's transforms applied.
class PrometheusSource : public MetricSource
{
    Q_OBJECT
public:
    // promqlOverrides: query id to PromQL, replacing the catalogue's expression for that id.
    PrometheusSource(QNetworkAccessManager *network, const PrometheusServer &server,
        const std::map<QString, QString> &promqlOverrides = {}, QObject *parent = nullptr);
    ~PrometheusSource() override;

    // The server's URL, without credentials.
    QString displayName() const override;
    bool isSimulated() const override { return false; }
    qint64 nowMs() const override;
    void fetch(quint64 requestId, const QueryRequest &request) override;
    void cancel(quint64 requestId) override;
    void fetchAlerts(quint64 requestId) override;
    void fetchTargets(quint64 requestId) override;

    PrometheusClient *client() const { return m_client; }
    // The PromQL a query id runs; empty for an id neither the catalogue nor the overrides know.
    QString promql(const QString &queryId) const;

    // What the single series of a query without a legend label is called, as the simulated centre
    // calls it ("installed", "delivered", "all", "power").
    static QString singleSeriesName(const QString &queryId);
    // The "gpuPeakPflops" transform: series per modelName (GPU counts or summed activity) times each
    // model's peak at the query's precision, in PFLOPS, summed into one series. Models missing from the table
    // are left out and named in a warning.
    static Series sumPeakPflops(const std::vector<Series> &byModel, const GpuPeakTable &table,
        Precision precision, const QString &name, QStringList *warnings);

private:
    struct Chunk;
    struct Pending;
    struct Parsed;
    void onReplyFinished(quint64 requestId, size_t chunkIndex);
    void startParsing(quint64 requestId);
    void failLater(quint64 requestId, const QueryRequest &request, const SourceError &error);

    PrometheusClient *m_client;
    std::map<QString, QString> m_overrides;
    const GpuPeakTable *m_peaks;
    std::map<quint64, Pending> m_pending;
    // Not the global pool: Qt's raster paint engine uses that one.
    QThreadPool m_pool;
};
