#pragma once

#include "QueryResult.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace prometheus {
class Counter;
class Exposer;
class Histogram;
class Registry;
template<typename T> class Family;
} // namespace prometheus
class FreshnessCollectable;

// The dashboard's own metrics, served for Prometheus on an opt-in address (--metrics-listen):
//
//   aisc_dashboard_refresh_duration_seconds          histogram: one refresh round, first request to last
//   answer aisc_dashboard_errors_total{kind}                counter: network, deadline, http, parse,
//   unsupported, cache aisc_dashboard_cache_size_bytes                  gauge: the cache file with its
//   write-ahead log aisc_dashboard_seconds_since_last_good_data      gauge, computed at scrape time: since
//   the last round that
//                                                    got every answer (since start before the first)
//   aisc_dashboard_build_info{version,qt_version}    gauge: 1
//
// prometheus-cpp's metrics are thread-safe and its server runs on its own threads: the GUI thread
// records, the server's threads read.
class DashboardMetrics
{
    Q_DECLARE_TR_FUNCTIONS(DashboardMetrics)
public:
    // Serves /metrics on host:port (an IP address, not a name); on failure, null and *error says why.
    static std::unique_ptr<DashboardMetrics> listen(const QString &host, quint16 port, QString *error);
    ~DashboardMetrics();

    // The port bound (the one asked for, or the one the OS chose for 0).
    quint16 port() const { return m_port; }

    void observeRefresh(qint64 durationMs);
    void countError(const QString &kind);
    void countError(SourceError::Kind kind) { countError(errorKind(kind)); }
    void setLastGoodDataMs(qint64 ms);
    // The cache file whose size is reported; empty or ":memory:" for none.
    void setCachePath(const QString &path);

    // The kind label of a source error: network, deadline, parse, http or unsupported.
    static QString errorKind(SourceError::Kind kind);

private:
    DashboardMetrics() = default;

    std::unique_ptr<prometheus::Exposer> m_exposer;
    std::shared_ptr<prometheus::Registry> m_registry;
    std::shared_ptr<FreshnessCollectable> m_freshness;
    prometheus::Histogram *m_refreshDuration = nullptr;
    prometheus::Family<prometheus::Counter> *m_errors = nullptr;
    quint16 m_port = 0;
};
