// libFuzzer target: a body as a Prometheus-compatible server might answer it, read by every
// PrometheusParser entry point, as a success and as an error status. Nothing may crash, what the
// parser accepts must be placed on the grid it was given, and the request's credentials, which a proxy
// may echo, appear in no message or warning, raw or in base64.
#include "PrometheusParser.h"

#include <cstdint>
#include <cstdlib>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

// The request's bearer token (the seed corpus has answers echoing it: echo_*).
const QByteArray token = QByteArrayLiteral("s3cr3t-T0ken");

bool hidesToken(const QString &text)
{
    return !text.contains(QString::fromLatin1(token))
        && !text.contains(QString::fromLatin1(token.toBase64()));
}

void parseAll(const QByteArray &body, int httpStatus, const QByteArray &contentType)
{
    PrometheusParser::Context context { QStringLiteral("http://prometheus.example.org:9090"),
        QStringLiteral("query power_mw"), httpStatus, contentType };
    context.secrets.add(token);
    SourceError error;
    auto failed = [&error] {
        check(!error.message.isEmpty());
        check(hidesToken(error.message));
    };

    // A 24 h range at 5 min steps from 2026-03-02, and an instant.
    const PrometheusParser::Grid range { 1772409600000, 300000, 289 };
    const PrometheusParser::Grid instant { 1772409600000, 0, 1 };
    for (const PrometheusParser::Grid &grid : { range, instant }) {
        QueryResult result;
        if (PrometheusParser::parseQuery(body, context, grid, QStringLiteral("partition"),
                QStringLiteral("power_mw"), &result, &error)) {
            for (const Series &series : result.series)
                check(series.values.size() == size_t(grid.points));
            for (const QString &warning : result.warnings)
                check(hidesToken(warning));
        } else {
            failed();
        }
    }

    std::vector<PrometheusAlert> alerts;
    if (!PrometheusParser::parseAlerts(body, context, &alerts, &error))
        failed();
    std::vector<PrometheusTarget> targets;
    if (!PrometheusParser::parseTargets(body, context, &targets, &error))
        failed();
    QStringList strings;
    if (!PrometheusParser::parseStringList(body, context, &strings, &error))
        failed();
    std::vector<std::map<QString, QString>> series;
    if (!PrometheusParser::parseSeries(body, context, &series, &error))
        failed();
    std::map<QString, QString> info;
    if (!PrometheusParser::parseBuildInfo(body, context, &info, &error))
        failed();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Without spare capacity the parser copies the body; with it, simdjson reads it in place.
    QByteArray padded;
    padded.reserve(bytes.size() + 128);
    padded.append(bytes);

    parseAll(bytes, 200, QByteArrayLiteral("application/json"));
    parseAll(padded, 200, {});
    parseAll(bytes, 422, QByteArrayLiteral("application/json"));
    parseAll(bytes, 502, QByteArrayLiteral("text/html"));
    return 0;
}
