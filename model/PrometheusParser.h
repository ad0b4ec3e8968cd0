#pragma once

#include "QueryResult.h"
#include "SecretMask.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>

#include <map>
#include <vector>

class QThreadPool;

// An alert as /api/v1/alerts lists it.
struct PrometheusAlert
{
    QString name; // the alertname label
    QString state; // "firing", "pending" or "inactive"
    std::map<QString, QString> labels;
    std::map<QString, QString> annotations;
    qint64 activeAtMs = 0; // 0 when the server gave none
    double value = qQNaN();

    friend bool operator==(const PrometheusAlert &, const PrometheusAlert &) = default;
};

// A scrape target as /api/v1/targets lists it (the active ones).
struct PrometheusTarget
{
    enum class Health { Unknown, Up, Down };
    QString scrapePool;
    QString scrapeUrl;
    std::map<QString, QString> labels; // job, instance, ...
    Health health = Health::Unknown;
    QString lastError;
    qint64 lastScrapeMs = 0;

    friend bool operator==(const PrometheusTarget &, const PrometheusTarget &) = default;
};

// Reads Prometheus HTTP API answers with simdjson. Stateless and thread-safe: meant to run on a
// worker thread. Every failure becomes a SourceError whose message names the server, what was asked
// and what went wrong, for the user to read; what it quotes of the server never holds the context's
// secrets.
class PrometheusParser
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusParser)
public:
    // What the body is the answer to.
    struct Context
    {
        QString server; // display URL, no credentials
        QString subject; // e.g. "query power_mw"
        int httpStatus = 200;
        QByteArray contentType;
        // The credentials the request carried: hidden wherever the server's own text (an error page,
        // an error or warning of the API) is quoted.
        SecretMask secrets = {};
    };
    // The grid the answer is placed on: points startMs + i * stepMs, i < points; an instant query
    // has stepMs 0 and one point.
    struct Grid
    {
        qint64 startMs = 0;
        qint64 stepMs = 0;
        int points = 1;
    };

    // "Prometheus at <server>, <subject>: <what>", the form of every message about a request.
    static QString errorMessage(const QString &server, const QString &subject, const QString &what);

    // A query or query_range answer (matrix, vector or scalar) placed on the grid: a sample goes to
    // the nearest grid point, samples outside the grid are dropped, and missing points and
    // "NaN"/"+Inf"/"-Inf" values are NaN gaps. Warnings the server sent go to result->warnings (secrets
    // hidden). Each series is named by its legend label; a series without it is named singleName when it is
    // the only one, else by its label set. result->queryId is left to the caller. With a pool, the series of
    // a matrix are read in parallel on it (the calling thread takes part).
    static bool parseQuery(const QByteArray &body, const Context &context, const Grid &grid,
        const QString &legendLabel, const QString &singleName, QueryResult *result, SourceError *error,
        QThreadPool *pool = nullptr);
    static bool parseAlerts(const QByteArray &body, const Context &context,
        std::vector<PrometheusAlert> *alerts, SourceError *error);
    static bool parseTargets(const QByteArray &body, const Context &context,
        std::vector<PrometheusTarget> *targets, SourceError *error);
    // /api/v1/labels and /api/v1/label/<name>/values.
    static bool parseStringList(
        const QByteArray &body, const Context &context, QStringList *strings, SourceError *error);
    // /api/v1/series.
    static bool parseSeries(const QByteArray &body, const Context &context,
        std::vector<std::map<QString, QString>> *series, SourceError *error);
    // /api/v1/status/buildinfo; VictoriaMetrics answers it with no fields.
    static bool parseBuildInfo(
        const QByteArray &body, const Context &context, std::map<QString, QString> *info, SourceError *error);

    // "{a="1", b="2"}", the name of a series without a legend label.
    static QString labelSetName(const std::map<QString, QString> &labels);
};

Q_DECLARE_METATYPE(PrometheusAlert)
Q_DECLARE_METATYPE(PrometheusTarget)
Q_DECLARE_METATYPE(std::vector<PrometheusAlert>)
Q_DECLARE_METATYPE(std::vector<PrometheusTarget>)
