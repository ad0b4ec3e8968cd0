#include "DashboardMetrics.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHostAddress>

#include <atomic>
#include <exception>
#include <mutex>
#include <prometheus/collectable.h>
#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

// The figures that are computed when Prometheus scrapes, on the server's thread.
class FreshnessCollectable : public prometheus::Collectable
{
public:
    std::atomic<qint64> lastGoodMs { QDateTime::currentMSecsSinceEpoch() };

    void setCachePath(const QString &path)
    {
        const std::lock_guard lock(m_mutex);
        m_cachePath = path;
    }

    std::vector<prometheus::MetricFamily> Collect() const override
    {
        std::vector<prometheus::MetricFamily> families;
        prometheus::MetricFamily stale;
        stale.name = "aisc_dashboard_seconds_since_last_good_data";
        stale.help
            = "Seconds since the last refresh that got every answer from the source (since start before "
              "the first).";
        stale.type = prometheus::MetricType::Gauge;
        prometheus::ClientMetric age;
        age.gauge.value = double(QDateTime::currentMSecsSinceEpoch() - lastGoodMs.load()) / 1000.0;
        stale.metric.push_back(age);
        families.push_back(std::move(stale));

        QString path;
        {
            const std::lock_guard lock(m_mutex);
            path = m_cachePath;
        }
        if (!path.isEmpty() && path != QLatin1String(":memory:")) {
            prometheus::MetricFamily size;
            size.name = "aisc_dashboard_cache_size_bytes";
            size.help = "Size of the cache file with its write-ahead log.";
            size.type = prometheus::MetricType::Gauge;
            prometheus::ClientMetric bytes;
            bytes.gauge.value
                = double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size());
            size.metric.push_back(bytes);
            families.push_back(std::move(size));
        }
        return families;
    }

private:
    mutable std::mutex m_mutex;
    QString m_cachePath;
};

std::unique_ptr<DashboardMetrics> DashboardMetrics::listen(const QString &host, quint16 port, QString *error)
{
    const QHostAddress address(host);
    const QString endpoint = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
        : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
    std::unique_ptr<DashboardMetrics> metrics(new DashboardMetrics);
    try {
        // Two threads: a scrape at a time is all a dashboard's metrics need.
        metrics->m_exposer = std::make_unique<prometheus::Exposer>(
            std::vector<std::string> { "listening_ports", endpoint.toStdString(), "num_threads", "2" });
    } catch (const std::exception &e) {
        *error = tr("--metrics-listen %1: cannot listen there: %2")
                     .arg(endpoint, QString::fromLocal8Bit(e.what()));
        return nullptr;
    }
    const std::vector<int> ports = metrics->m_exposer->GetListeningPorts();
    metrics->m_port = ports.empty() ? port : quint16(ports.front());

    metrics->m_registry = std::make_shared<prometheus::Registry>();
    prometheus::Registry &registry = *metrics->m_registry;
    metrics->m_refreshDuration
        = &prometheus::BuildHistogram()
               .Name("aisc_dashboard_refresh_duration_seconds")
               .Help("Time of a refresh round, from its first request to its last answer.")
               .Register(registry)
               .Add({},
                   prometheus::Histogram::BucketBoundaries { 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60 });
    metrics->m_errors = &prometheus::BuildCounter()
                             .Name("aisc_dashboard_errors_total")
                             .Help("Failed requests to the source by kind, and cache errors.")
                             .Register(registry);
    // Every kind from the start, so that rate() sees the first error of each.
    for (const char *kind : { "network", "deadline", "http", "parse", "unsupported", "cache" })
        metrics->m_errors->Add({ { "kind", kind } });
    prometheus::BuildGauge()
        .Name("aisc_dashboard_build_info")
        .Help("The dashboard's version and the Qt it runs on; always 1.")
        .Register(registry)
        .Add({ { "version", AISC_VERSION }, { "qt_version", qVersion() } })
        .Set(1);
    metrics->m_freshness = std::make_shared<FreshnessCollectable>();
    metrics->m_exposer->RegisterCollectable(metrics->m_registry);
    metrics->m_exposer->RegisterCollectable(metrics->m_freshness);
    return metrics;
}

DashboardMetrics::~DashboardMetrics() = default;

void DashboardMetrics::observeRefresh(qint64 durationMs)
{
    m_refreshDuration->Observe(double(durationMs) / 1000.0);
}

void DashboardMetrics::countError(const QString &kind)
{
    m_errors->Add({ { "kind", kind.toStdString() } }).Increment();
}

void DashboardMetrics::setLastGoodDataMs(qint64 ms)
{
    m_freshness->lastGoodMs = ms;
}

void DashboardMetrics::setCachePath(const QString &path)
{
    m_freshness->setCachePath(path);
}

QString DashboardMetrics::errorKind(SourceError::Kind kind)
{
    switch (kind) {
    case SourceError::Kind::Unreachable:
        return QStringLiteral("network");
    case SourceError::Kind::Timeout:
        return QStringLiteral("deadline");
    case SourceError::Kind::BadResponse:
        return QStringLiteral("parse");
    case SourceError::Kind::ServerError:
        return QStringLiteral("http");
    case SourceError::Kind::Unsupported:
        return QStringLiteral("unsupported");
    }
    return QStringLiteral("unsupported");
}
