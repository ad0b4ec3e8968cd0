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
    default:
        return "unknown";
    }
}

// One family's lines, spooled to a file of its own until the last step is written.
struct Spool
{
    std::string header;
    std::unique_ptr<QFile> file;
    std::string buffer;
};

} // namespace

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
                spool.header = "# HELP " + name + ' ' + family.help + "\n# TYPE " + name + ' '
                    + typeName(family.type) + '\n';
                spool.file = std::make_unique<QFile>(spoolDir.filePath(QString::number(order.size())));
                if (!spool.file->open(QIODevice::WriteOnly))
                    return fail(
                        QStringLiteral("%1: %2").arg(spool.file->fileName(), spool.file->errorString()));
            }
            for (const prometheus::ClientMetric &metric : family.metric) {
                std::string &out = spool.buffer;
                out += family.name;
                if (!metric.label.empty()) {
                    out += '{';
                    for (size_t l = 0; l < metric.label.size(); ++l) {
                        if (l > 0)
                            out += ',';
                        out += metric.label[l].name;
                        out += "=\"";
                        appendEscaped(out, metric.label[l].value);
                        out += '"';
                    }
                    out += '}';
                }
                out += ' ';
                appendNumber(
                    out, family.type == MetricType::Counter ? metric.counter.value : metric.gauge.value);
                out += ' ';
                if (m_format == Format::OpenMetrics) {
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
