#pragma once

#include <QString>
#include <QtGlobal>

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

private:
    const CentreMetrics &m_metrics;
    Format m_format;
};
