// libFuzzer target: exposition text (a scrape of aisc-exporter, or its --history output). Each family
// it holds is written again the way the exporter writes it (HistoryWriter for backfill in both
// formats, prometheus-cpp's serializer for a live scrape) and read back as a scraper reads it: every
// line must parse, with the same labels and values. Each label value must also survive the quoting
// that puts label values into PromQL.
#include "ExpositionReader.h"
#include "HistoryWriter.h"
#include "PromQL.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <prometheus/text_serializer.h>
#include <string>
#include <string_view>

namespace {
using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

[[noreturn]] void fail(const char *what, const std::string &line = {})
{
    std::fprintf(stderr, "fuzz_exposition: %s: [%s]\n", what, line.c_str());
    std::abort();
}

std::vector<std::string_view> lines(std::string_view text)
{
    std::vector<std::string_view> result;
    while (!text.empty()) {
        const size_t end = text.find('\n');
        result.push_back(text.substr(0, end));
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return result;
}

double valueOf(const MetricFamily &family, const ClientMetric &metric)
{
    return family.type == MetricType::Counter ? metric.counter.value : metric.gauge.value;
}

bool labelsMatch(const ClientMetric &metric, const ExpositionSample &sample)
{
    if (metric.label.size() != sample.labels.size())
        return false;
    for (size_t i = 0; i < metric.label.size(); ++i)
        if (metric.label[i].name != sample.labels[i].first
            || metric.label[i].value != sample.labels[i].second)
            return false;
    return true;
}

// Reads back what a writer wrote for family: header lines, then one sample per metric, in order.
// exact: the value must be the same double; else within the 16 significant digits prometheus-cpp writes.
template<typename CheckTimestamp>
void readBack(const std::string &text, const MetricFamily &family, const std::string &typeName, bool exact,
    CheckTimestamp &&checkTimestamp)
{
    size_t index = 0;
    for (const std::string_view line : lines(text)) {
        const std::string copy(line);
        if (line.starts_with("# HELP "))
            continue;
        if (line.starts_with("# TYPE ")) {
            if (!line.substr(7).starts_with(typeName + ' '))
                fail("TYPE names another family", copy);
            continue;
        }
        const std::optional<ExpositionSample> sample = readSampleLine(line);
        if (!sample)
            fail("a written line does not read back", copy);
        if (index >= family.metric.size())
            fail("more samples written than the family has", copy);
        const ClientMetric &metric = family.metric[index++];
        if (sample->name != family.name)
            fail("the sample has another name", copy);
        if (!labelsMatch(metric, *sample))
            fail("the labels changed", copy);
        const double expected = valueOf(family, metric);
        const bool same = exact
            ? (std::isnan(expected) ? std::isnan(sample->value) : sample->value == expected)
            : (std::isnan(expected)        ? std::isnan(sample->value)
                    : std::isinf(expected) ? sample->value == expected
                                           : std::abs(sample->value - expected) <= 1e-15 * std::abs(expected)
                        || (std::abs(expected) < 1e-300 && std::abs(sample->value) < 1e-300));
        if (!same)
            fail("the value changed", copy);
        checkTimestamp(*sample, copy);
    }
    if (index != family.metric.size())
        fail("samples were lost", text);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    std::map<std::string, MetricFamily> families;
    qint64 ms = 1772409600000;
    bool haveTime = false;
    size_t samples = 0;
    for (const std::string_view line : lines(input)) {
        if (line.starts_with('#') || samples >= 64)
            continue;
        const std::optional<ExpositionSample> sample = readSampleLine(line);
        if (!sample)
            continue;
        ++samples;
        MetricFamily &family = families[sample->name];
        if (family.name.empty()) {
            family.name = sample->name;
            family.help = "Read from the fuzz input.";
            family.type = sample->name.ends_with("_total") ? MetricType::Counter : MetricType::Gauge;
        }
        ClientMetric metric;
        for (const auto &[name, value] : sample->labels)
            metric.label.push_back({ name, value });
        (family.type == MetricType::Counter ? metric.counter.value : metric.gauge.value) = sample->value;
        family.metric.push_back(std::move(metric));
        if (sample->timestamp && !haveTime) {
            // Until 2100, in whole milliseconds, as the simulation steps.
            ms = qint64(std::clamp(*sample->timestamp, 0.0, 4102444800000.0));
            haveTime = true;
        }
    }

    for (const auto &entry : families) {
        const MetricFamily &family = entry.second;
        for (const HistoryWriter::Format format :
            { HistoryWriter::Format::OpenMetrics, HistoryWriter::Format::PrometheusText }) {
            const bool openMetrics = format == HistoryWriter::Format::OpenMetrics;
            std::string text = HistoryWriter::familyHeader(family, format);
            HistoryWriter::appendSamples(text, family, ms, format);
            std::string typeName = family.name;
            if (openMetrics && family.type == MetricType::Counter && typeName.size() > 6)
                typeName.resize(typeName.size() - 6);
            readBack(
                text, family, typeName, true, [&](const ExpositionSample &sample, const std::string &line) {
                    if (!sample.timestamp)
                        fail("the time stamp was lost", line);
                    const qint64 readMs = openMetrics ? std::llround(*sample.timestamp * 1000.0)
                                                      : std::llround(*sample.timestamp);
                    if (readMs != ms)
                        fail("the time stamp changed", line);
                });
        }
        // prometheus-cpp 1.0 writes 16 significant digits, so it rounds a value within 1e-15 of the largest
        // double up past it, to a text no scraper reads. The simulated centre's figures are nowhere near.
        const bool nearLargest
            = std::any_of(family.metric.begin(), family.metric.end(), [&](const ClientMetric &metric) {
                  return std::abs(valueOf(family, metric)) > 1.7976931348623e308;
              });
        if (!nearLargest) {
            const std::string scrape = prometheus::TextSerializer().Serialize({ family });
            readBack(scrape, family, family.name, false,
                [](const ExpositionSample &sample, const std::string &line) {
                    if (sample.timestamp)
                        fail("a live sample has a time stamp", line);
                });
        }

        for (const ClientMetric &metric : family.metric) {
            for (const ClientMetric::Label &label : metric.label) {
                const QString value = QString::fromUtf8(label.value.data(), qsizetype(label.value.size()));
                const QByteArray literal = PromQL::quoted(value).toUtf8();
                const std::optional<std::string> unquoted
                    = unquotePromQL(std::string_view(literal.constData(), size_t(literal.size())));
                if (!unquoted || *unquoted != value.toUtf8().toStdString())
                    fail("PromQL quoting does not read back", literal.toStdString());
            }
        }
    }
    return 0;
}
