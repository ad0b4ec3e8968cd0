#pragma once

#include "PrometheusParser.h"
#include "QueryResult.h"

#include <QObject>

// Turns named catalogue queries into series of samples. Asynchronous: fetch() returns at once and
// the answer arrives as fetched() or failed() with the same request id, on the source's thread.
class MetricSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // What the user is looking at, e.g. "simulated centre" or the server's URL; translated.
    virtual QString displayName() const = 0;
    virtual bool isSimulated() const = 0;
    // The source's clock: what "now" is for the data it serves (ms since the epoch, UTC).
    virtual qint64 nowMs() const = 0;
    virtual void fetch(quint64 requestId, const QueryRequest &request) = 0;
    // Drops a request still under way; neither fetched() nor failed() follows for it.
    virtual void cancel(quint64 requestId) = 0;

    // The centre's health: alerts as Prometheus lists them, and the scrape targets with their health.
    // Answered by alertsFetched()/targetsFetched(), or healthFailed().
    virtual void fetchAlerts(quint64 requestId) = 0;
    virtual void fetchTargets(quint64 requestId) = 0;

Q_SIGNALS:
    void fetched(quint64 requestId, const QueryResult &result);
    void failed(quint64 requestId, const QueryRequest &request, const SourceError &error);
    void alertsFetched(quint64 requestId, const std::vector<PrometheusAlert> &alerts);
    void targetsFetched(quint64 requestId, const std::vector<PrometheusTarget> &targets);
    void healthFailed(quint64 requestId, const SourceError &error);
};
