#include "QueryCatalogue.h"

#include "JsonFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>

namespace {
struct BuiltInQuery
{
    const char *id;
    const char *title;
};

// Titles are marked here rather than in the JSON so that lupdate sees them.
constexpr BuiltInQuery builtInQueries[] = {
    { "capacity_installed_pflops", QT_TRANSLATE_NOOP("QueryCatalogue", "Installed compute") },
    { "capacity_delivered_pflops", QT_TRANSLATE_NOOP("QueryCatalogue", "Delivered compute") },
    { "gpu_util_cluster", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU utilisation, whole centre") },
    { "gpu_util_by_partition", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU utilisation by partition") },
    { "tensor_active_by_partition", QT_TRANSLATE_NOOP("QueryCatalogue", "Tensor activity by partition") },
    { "node_gpu_util", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU utilisation by node") },
    { "gpus_by_state", QT_TRANSLATE_NOOP("QueryCatalogue", "GPUs by state") },
    { "queue_pending_by_partition", QT_TRANSLATE_NOOP("QueryCatalogue", "Jobs waiting by partition") },
    { "queue_running_by_partition", QT_TRANSLATE_NOOP("QueryCatalogue", "Jobs running by partition") },
    { "account_gpu_hours", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU-hours by account") },
    { "power_mw", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU power") },
    { "capacity_installed_pflops_fp8", QT_TRANSLATE_NOOP("QueryCatalogue", "Installed compute, FP8") },
    { "capacity_delivered_pflops_fp8", QT_TRANSLATE_NOOP("QueryCatalogue", "Delivered compute, FP8") },
    { "queue_wait_minutes", QT_TRANSLATE_NOOP("QueryCatalogue", "Queue wait of started jobs") },
};

// One series per node, for the node table's latest values (node_gpu_util, above, gives its utilisation).
constexpr BuiltInQuery nodeDetailQueries[] = {
    { "node_tensor_active", QT_TRANSLATE_NOOP("QueryCatalogue", "Tensor activity by node") },
    { "node_power_kw", QT_TRANSLATE_NOOP("QueryCatalogue", "GPU power by node") },
    { "node_gpu_temp_max", QT_TRANSLATE_NOOP("QueryCatalogue", "Hottest GPU by node") },
    { "node_gpu_count", QT_TRANSLATE_NOOP("QueryCatalogue", "GPUs reporting by node") },
    { "node_last_xid", QT_TRANSLATE_NOOP("QueryCatalogue", "Last XID error by node") },
    { "node_state", QT_TRANSLATE_NOOP("QueryCatalogue", "Slurm state by node") },
};
} // namespace

namespace {
QString catalogueError(const QString &name, const QString &what)
{
    return QCoreApplication::translate("QueryCatalogue", "Query catalogue %1: %2").arg(name, what);
}
} // namespace

std::optional<QueryCatalogue> QueryCatalogue::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = catalogueError(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

std::optional<QueryCatalogue> QueryCatalogue::fromJson(
    const QByteArray &json, const QString &name, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = catalogueError(name, what);
        return std::optional<QueryCatalogue>();
    };
    QString readError;
    const std::optional<QJsonObject> root = parseJsonObject(json, &readError);
    if (!root)
        return fail(readError);

    QueryCatalogue catalogue;
    const QJsonObject queries = root->value(QLatin1String("queries")).toObject();
    for (auto it = queries.begin(); it != queries.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        QueryDefinition definition;
        definition.id = it.key();
        definition.unit = object.value(QLatin1String("unit")).toString();
        definition.promql = object.value(QLatin1String("promql")).toString();
        definition.legend = object.value(QLatin1String("legend")).toString();
        definition.transform = object.value(QLatin1String("transform")).toString();
        const QString precision = object.value(QLatin1String("precision")).toString();
        if (definition.promql.isEmpty())
            return fail(
                QCoreApplication::translate("QueryCatalogue", "query '%1' has no promql").arg(definition.id));
        if (!precision.isEmpty()) {
            const std::optional<Precision> parsed = parsePrecision(precision);
            if (!parsed)
                return fail(QCoreApplication::translate(
                    "QueryCatalogue", "query '%1' has precision '%2': expected fp16 or fp8")
                                .arg(definition.id, precision));
            definition.precision = *parsed;
        }
        catalogue.m_queries.emplace(definition.id, definition);
    }
    for (const QString &id : builtInIds() + nodeDetailIds())
        if (!catalogue.find(id))
            return fail(
                QCoreApplication::translate("QueryCatalogue", "built-in query '%1' is missing").arg(id));
    return catalogue;
}

const QueryCatalogue &QueryCatalogue::builtIn()
{
    static const QueryCatalogue catalogue
        = loadBuiltInResource<QueryCatalogue>(QStringLiteral(":/aisc/queries.json"));
    return catalogue;
}

QStringList QueryCatalogue::builtInIds()
{
    QStringList ids;
    for (const BuiltInQuery &query : builtInQueries)
        ids.append(QLatin1String(query.id));
    return ids;
}

QStringList QueryCatalogue::nodeDetailIds()
{
    QStringList ids;
    for (const BuiltInQuery &query : nodeDetailQueries)
        ids.append(QLatin1String(query.id));
    return ids;
}

bool QueryCatalogue::isBuiltIn(const QString &id)
{
    return builtInIds().contains(id) || nodeDetailIds().contains(id);
}

QString QueryCatalogue::title(const QString &id)
{
    for (const BuiltInQuery &query : builtInQueries)
        if (id == QLatin1String(query.id))
            return QCoreApplication::translate("QueryCatalogue", query.title);
    for (const BuiltInQuery &query : nodeDetailQueries)
        if (id == QLatin1String(query.id))
            return QCoreApplication::translate("QueryCatalogue", query.title);
    return id;
}

QString QueryCatalogue::unitOf(const QString &id)
{
    const QueryDefinition *definition = builtIn().find(id);
    return definition ? definition->unit : QString();
}

const QueryDefinition *QueryCatalogue::find(const QString &id) const
{
    const auto it = m_queries.find(id);
    return it == m_queries.end() ? nullptr : &it->second;
}

QStringList QueryCatalogue::ids() const
{
    QStringList ids;
    for (const auto &[id, definition] : m_queries)
        ids.append(id);
    return ids;
}
