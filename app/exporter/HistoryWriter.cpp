#include "HistoryWriter.h"

#include "CentreMetrics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <prometheus/text_serializer.h>
#include <string>
#include <vector>

namespace {

using prometheus::MetricFamily;
using prometheus::MetricType;

void appendEscaped(std::string &out, const std::string &value)
{
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

void appendNumber(std::string &out, double value)
{
    std::array<char, 32> buffer {};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

void appendInteger(std::string &out, qint64 value)
{
    std::array<char, 24> buffer {};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

// OpenMetrics names a counter family without its "_total" suffix; its samples carry it.
std::string familyName(const MetricFamily &family, HistoryWriter::Format format)
{
    const std::string suffix = "_total";
    if (format == HistoryWriter::Format::OpenMetrics && family.type == MetricType::Counter
        && family.name.size() > suffix.size() && family.name.ends_with(suffix))
        return family.name.substr(0, family.name.size() - suffix.size());
    return family.name;
}

const char *typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return "counter";
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Histogram:
        return "histogram";
    default:
        return "unknown";
    }
}

// A bucket's le label exactly as prometheus-cpp's serializer writes it for a live scrape ("60" in one
// release, "60.000000" in another): label values are compared as text, so sum by (le) over backfilled
// and scraped samples needs the same text for the same bound.
std::string bucketBound(double bound)
{
    MetricFamily family;
    family.name = "x";
    family.type = MetricType::Histogram;
    prometheus::ClientMetric metric;
    metric.histogram.bucket.push_back({ 0, bound });
    family.metric.push_back(metric);
    const std::string text = prometheus::TextSerializer().Serialize({ family });
    const std::string key = "le=\"";
    const size_t begin = text.find(key);
    const size_t end = begin == std::string::npos ? begin : text.find('"', begin + key.size());
    if (end == std::string::npos)
        qFatal("prometheus-cpp wrote a histogram bucket without an le label");
    return text.substr(begin + key.size(), end - begin - key.size());
}

void appendSample(std::string &out, const std::string &name,
    const std::vector<prometheus::ClientMetric::Label> &labels, const char *extraName,
    const std::string &extraValue, double value, qint64 ms, HistoryWriter::Format format)
{
    out += name;
    if (!labels.empty() || extraName) {
        out += '{';
        const char *separator = "";
        for (const prometheus::ClientMetric::Label &label : labels) {
            out += separator;
            out += label.name;
            out += "=\"";
            appendEscaped(out, label.value);
            out += '"';
            separator = ",";
        }
        if (extraName) {
            out += separator;
            out += extraName;
            out += "=\"";
            appendEscaped(out, extraValue);
            out += '"';
        }
        out += '}';
    }
    out += ' ';
    appendNumber(out, value);
    out += ' ';
    if (format == HistoryWriter::Format::OpenMetrics) {
        // Seconds; whole ones unless the step has a fraction of a second.
        if (ms % 1000 == 0)
            appendInteger(out, ms / 1000);
        else
            appendNumber(out, double(ms) / 1000.0);
    } else {
        appendInteger(out, ms);
    }
    out += '\n';
}

// One family's lines, spooled to a file of its own until the last step is written.
struct Spool
{
    std::string header;
    std::unique_ptr<QFile> file;
    std::string buffer;
};

} // namespace

std::string HistoryWriter::familyHeader(const MetricFamily &family, Format format)
{
    const std::string name = familyName(family, format);
    return "# HELP " + name + ' ' + family.help + "\n# TYPE " + name + ' ' + typeName(family.type) + '\n';
}

void HistoryWriter::appendSamples(std::string &out, const MetricFamily &family, qint64 ms, Format format)
{
    for (const prometheus::ClientMetric &metric : family.metric) {
        if (family.type != MetricType::Histogram) {
            appendSample(out, family.name, metric.label, nullptr, {},
                family.type == MetricType::Counter ? metric.counter.value : metric.gauge.value, ms, format);
            continue;
        }
        // Buckets (+Inf last), then count and sum, as OpenMetrics orders a histogram's samples.
        const prometheus::ClientMetric::Histogram &histogram = metric.histogram;
        const std::string bucketName = family.name + "_bucket";
        for (const prometheus::ClientMetric::Bucket &bucket : histogram.bucket)
            appendSample(out, bucketName, metric.label, "le", bucketBound(bucket.upper_bound),
                double(bucket.cumulative_count), ms, format);
        appendSample(out, bucketName, metric.label, "le", "+Inf", double(histogram.sample_count), ms, format);
        appendSample(out, family.name + "_count", metric.label, nullptr, {}, double(histogram.sample_count),
            ms, format);
        appendSample(out, family.name + "_sum", metric.label, nullptr, {}, histogram.sample_sum, ms, format);
    }
}

HistoryWriter::HistoryWriter(const CentreMetrics &metrics, Format format)
    : m_metrics(metrics)
    , m_format(format)
{ }

bool HistoryWriter::write(
    qint64 fromMs, qint64 toMs, qint64 stepMs, const QString &path, QString *error) const
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (stepMs <= 0 || toMs < fromMs)
        return fail(QStringLiteral("%1: empty time range or step").arg(path));

    QTemporaryDir spoolDir(QFileInfo(path).absolutePath() + QStringLiteral("/.aisc-history-XXXXXX"));
    if (!spoolDir.isValid())
        return fail(QStringLiteral("%1: cannot create a temporary directory next to it: %2")
                        .arg(path, spoolDir.errorString()));

    constexpr size_t kFlushBytes = 1 << 20;
    std::map<std::string, Spool> spools; // by family name
    std::vector<std::string> order; // families in the order they first appear
    std::string line;
    for (qint64 ms = fromMs; ms <= toMs; ms += stepMs) {
        const std::vector<MetricFamily> families = m_metrics.collect(ms);
        for (const MetricFamily &family : families) {
            const std::string name = familyName(family, m_format);
            auto [it, inserted] = spools.try_emplace(name);
            Spool &spool = it->second;
            if (inserted) {
                order.push_back(name);
                spool.header = familyHeader(family, m_format);
                spool.file = std::make_unique<QFile>(spoolDir.filePath(QString::number(order.size())));
                if (!spool.file->open(QIODevice::WriteOnly))
                    return fail(
                        QStringLiteral("%1: %2").arg(spool.file->fileName(), spool.file->errorString()));
            }
            appendSamples(spool.buffer, family, ms, m_format);
            if (spool.buffer.size() > kFlushBytes) {
                if (spool.file->write(spool.buffer.data(), qint64(spool.buffer.size()))
                    != qint64(spool.buffer.size()))
                    return fail(
                        QStringLiteral("%1: %2").arg(spool.file->fileName(), spool.file->errorString()));
                spool.buffer.clear();
            }
        }
    }

    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("%1: %2").arg(path, output.errorString()));
    for (const std::string &name : order) {
        Spool &spool = spools[name];
        if (m_format == Format::OpenMetrics)
            output.write(spool.header.data(), qint64(spool.header.size()));
        spool.file->close();
        if (!spool.file->open(QIODevice::ReadOnly))
            return fail(QStringLiteral("%1: %2").arg(spool.file->fileName(), spool.file->errorString()));
        while (!spool.file->atEnd())
            output.write(spool.file->read(1 << 20));
        output.write(spool.buffer.data(), qint64(spool.buffer.size()));
        spool.file->remove();
    }
    if (m_format == Format::OpenMetrics)
        output.write("# EOF\n");
    if (!output.commit())
        return fail(QStringLiteral("%1: %2").arg(path, output.errorString()));
    return true;
}
