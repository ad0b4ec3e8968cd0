#pragma once

#include "GpuPeakTable.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>

// One named query of the catalogue (resources/queries.json).
struct QueryDefinition
{
    QString id;
    QString unit; // "PFLOPS", "%", "GPUs", "jobs", "GPU-h", "MW", "kW", "°C"; empty for codes
    QString promql; // what a Prometheus source evaluates
    QString legend; // label whose value names each series; empty for a single series
    QString transform; // client-side arithmetic after evaluation, e.g. "gpuPeakPflops"
    // Whose peak the "gpuPeakPflops" transform multiplies by. Part of the query, not a setting of the
    // source, so that each precision is cached under its own id and the two never mix.
    Precision precision = Precision::DenseFp16Bf16;
};

class QueryCatalogue
{
public:
    static std::optional<QueryCatalogue> load(const QString &path, QString *error);
    // The catalogue in json; name (a path) is what error messages call it.
    static std::optional<QueryCatalogue> fromJson(
        const QByteArray &json, const QString &name, QString *error);
    static const QueryCatalogue &builtIn();

    // The ids the design names; every source answers these, over time ranges and at instants.
    static QStringList builtInIds();
    // Per-node figures for the node table besides node_gpu_util: one series per node (legend "node").
    // Every source answers them too, but they are meant as instant queries: at 380 to 1,250 series
    // each they are not worth keeping over the live window, so loops over builtInIds() (cache, backfill)
    // leave them out.
    static QStringList nodeDetailIds();
    // Whether id is one of builtInIds() or nodeDetailIds().
    static bool isBuiltIn(const QString &id);
    // Translated, user-facing title of a query id (the id itself for ids the catalogue does not know).
    static QString title(const QString &id);
    // The unit of a query id of the built-in catalogue; empty for an id it does not know.
    static QString unitOf(const QString &id);

    const QueryDefinition *find(const QString &id) const;
    QStringList ids() const;

private:
    std::map<QString, QueryDefinition> m_queries;
};
