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
    QString unit; // "PFLOPS", "%", "GPUs", "jobs", "GPU-h", "MW"
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
    static const QueryCatalogue &builtIn();

    // The ids the design names; every source answers these.
    static QStringList builtInIds();
    // Translated, user-facing title of a query id (the id itself for ids the catalogue does not know).
    static QString title(const QString &id);

    const QueryDefinition *find(const QString &id) const;
    QStringList ids() const;

private:
    std::map<QString, QueryDefinition> m_queries;
};
