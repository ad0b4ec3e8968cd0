#pragma once

#include <QString>
#include <QtGlobal>

#include <prometheus/metric_family.h>
#include <string>

class CentreMetrics;

// Writes the centre's series over a time range, with timestamps, for backfilling a time-series database:
// OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`, or the Prometheus text format with
// millisecond timestamps for VictoriaMetrics' /api/v1/import/prometheus.
class HistoryWriter
{
public:
    enum class Format { OpenMetrics, PrometheusText };

    HistoryWriter(const CentreMetrics &metrics, Format format);

    // Samples at fromMs, fromMs + stepMs, ... up to and including toMs. Each family's lines are written
    // together (OpenMetrics does not allow families to interleave), each series oldest first. On failure
    // returns false and sets *error to a message naming the file.
    bool write(qint64 fromMs, qint64 toMs, qint64 stepMs, const QString &path, QString *error) const;

    // The "# HELP" and "# TYPE" lines of a family, named as the format names it.
    static std::string familyHeader(const prometheus::MetricFamily &family, Format format);
    // The family's samples at ms, one line each, appended to out.
    static void appendSamples(
        std::string &out, const prometheus::MetricFamily &family, qint64 ms, Format format);

private:
    const CentreMetrics &m_metrics;
    Format m_format;
};
