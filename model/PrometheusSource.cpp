#include "PrometheusSource.h"

#include "PrometheusParser.h"
#include "StepPlanner.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <set>

struct PrometheusSource::Chunk
{
    QueryRequest request;
    QPointer<PrometheusReply> reply;
    PrometheusParser::Context context;
    QByteArray body;
};

struct PrometheusSource::Pending
{
    QueryRequest request;
    QueryDefinition definition;
    std::vector<Chunk> chunks;
    size_t outstanding = 0;
    QPointer<QFutureWatcher<Parsed>> watcher;
};

struct PrometheusSource::Parsed
{
    bool ok = false;
    QueryResult result;
    SourceError error;
};

PrometheusSource::PrometheusSource(QNetworkAccessManager *network, const PrometheusServer &server,
    const std::map<QString, QString> &promqlOverrides, QObject *parent)
    : MetricSource(parent)
    , m_client(new PrometheusClient(network, server, this))
    , m_overrides(promqlOverrides)
    , m_peaks(&GpuPeakTable::builtIn())
{
    m_pool.setObjectName(QStringLiteral("PrometheusSource"));
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    qRegisterMetaType<QueryRequest>();
    qRegisterMetaType<QueryResult>();
    qRegisterMetaType<SourceError>();
}

PrometheusSource::~PrometheusSource()
{
    // Replies still under way are children of the client; dropping them here keeps their finished()
    // from reaching a half-destroyed source.
    for (auto &[id, pending] : m_pending)
        for (Chunk &chunk : pending.chunks)
            if (chunk.reply)
                chunk.reply->disconnect(this);
    m_pending.clear();
    m_pool.waitForDone();
}

QString PrometheusSource::displayName() const
{
    return m_client->displayName();
}

qint64 PrometheusSource::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString PrometheusSource::promql(const QString &queryId) const
{
    const auto it = m_overrides.find(queryId);
    if (it != m_overrides.end())
        return it->second;
    const QueryDefinition *definition = QueryCatalogue::builtIn().find(queryId);
    return definition ? definition->promql : QString();
}

QString PrometheusSource::singleSeriesName(const QString &queryId)
{
    if (queryId == QLatin1String("capacity_installed_pflops")
        || queryId == QLatin1String("capacity_installed_pflops_fp8"))
        return QStringLiteral("installed");
    if (queryId == QLatin1String("capacity_delivered_pflops")
        || queryId == QLatin1String("capacity_delivered_pflops_fp8"))
        return QStringLiteral("delivered");
    if (queryId == QLatin1String("power_mw"))
        return QStringLiteral("power");
    return QStringLiteral("all");
}

Series PrometheusSource::sumPeakPflops(const std::vector<Series> &byModel, const GpuPeakTable &table,
    Precision precision, const QString &name, QStringList *warnings)
{
    Series total;
    total.name = name;
    size_t points = 0;
    for (const Series &series : byModel)
        points = std::max(points, series.values.size());
    total.values.assign(points, qQNaN());
    std::set<QString> unknown;
    for (const Series &series : byModel) {
        const auto label = series.labels.find(QStringLiteral("modelName"));
        const QString model = label == series.labels.end() ? QString() : label->second;
        const std::optional<double> tflops = table.tflops(model, precision);
        if (!tflops) {
            unknown.insert(model);
            continue;
        }
        for (size_t i = 0; i < series.values.size(); ++i) {
            const double value = series.values[i];
            if (std::isnan(value))
                continue;
            const double pflops = value * *tflops / 1000.0;
            total.values[i] = std::isnan(total.values[i]) ? pflops : total.values[i] + pflops;
        }
    }
    if (warnings) {
        for (const QString &model : unknown)
            warnings->append(model.isEmpty()
                    ? tr("Some GPUs have no modelName label, so their peak is unknown and they are not "
                         "counted.")
                    : table.find(model)
                    ? tr("The GPU model '%1' has no FP8 peak in the peak table, so its GPUs are not counted "
                         "at FP8.")
                          .arg(model)
                    : tr("The GPU model '%1' is not in the peak table, so its GPUs are not counted.")
                          .arg(model));
    }
    return total;
}

void PrometheusSource::failLater(quint64 requestId, const QueryRequest &request, const SourceError &error)
{
    QMetaObject::invokeMethod(
        this,
        [this, requestId, request, error] {
            if (m_pending.erase(requestId))
                Q_EMIT failed(requestId, request, error);
        },
        Qt::QueuedConnection);
}

void PrometheusSource::fetch(quint64 requestId, const QueryRequest &request)
{
    Pending &pending = m_pending[requestId];
    pending.request = request;
    const QueryDefinition *definition = QueryCatalogue::builtIn().find(request.queryId);
    const QString expression = promql(request.queryId);
    if (expression.isEmpty()) {
        failLater(requestId, request,
            SourceError { SourceError::Kind::Unsupported,
                PrometheusParser::errorMessage(displayName(), tr("query %1").arg(request.queryId),
                    tr("the query catalogue has no such query and no PromQL was configured for it")) });
        return;
    }
    if (definition)
        pending.definition = *definition;
    pending.definition.id = request.queryId;
    pending.definition.promql = expression;
    if (!request.isInstant() && request.pointCount() <= 0) {
        failLater(requestId, request,
            SourceError { SourceError::Kind::Unsupported,
                PrometheusParser::errorMessage(displayName(), tr("query %1").arg(request.queryId),
                    tr("the requested range is empty")) });
        return;
    }

    const std::vector<QueryRequest> pieces = StepPlanner::split(request);
    pending.chunks.resize(pieces.size());
    pending.outstanding = pieces.size();
    for (size_t i = 0; i < pieces.size(); ++i) {
        const QueryRequest &piece = pieces[i];
        PrometheusReply *reply = piece.isInstant()
            ? m_client->query(request.queryId, expression, piece.startMs)
            : m_client->queryRange(request.queryId, expression, piece.startMs,
                piece.startMs + qint64(piece.pointCount() - 1) * piece.stepMs, piece.stepMs);
        pending.chunks[i].request = piece;
        pending.chunks[i].reply = reply;
        connect(
            reply, &PrometheusReply::finished, this, [this, requestId, i] { onReplyFinished(requestId, i); });
    }
}

void PrometheusSource::cancel(quint64 requestId)
{
    auto node = m_pending.extract(requestId);
    if (node.empty())
        return;
    Pending &pending = node.mapped();
    if (pending.watcher) {
        pending.watcher->disconnect(this);
        pending.watcher->deleteLater();
    }
    for (Chunk &chunk : pending.chunks) {
        if (!chunk.reply)
            continue;
        chunk.reply->disconnect(this);
        chunk.reply->abort();
        chunk.reply->deleteLater();
    }
}

void PrometheusSource::onReplyFinished(quint64 requestId, size_t chunkIndex)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    Pending &pending = it->second;
    Chunk &chunk = pending.chunks[chunkIndex];
    PrometheusReply *reply = chunk.reply;
    chunk.reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();

    if (reply->outcome() != PrometheusReply::Outcome::Answered) {
        const SourceError error = reply->error();
        const QueryRequest request = pending.request;
        cancel(requestId);
        Q_EMIT failed(requestId, request, error);
        return;
    }
    chunk.context = reply->context();
    chunk.body = reply->body();
    if (--pending.outstanding == 0)
        startParsing(requestId);
}

void PrometheusSource::startParsing(quint64 requestId)
{
    Pending &pending = m_pending.at(requestId);
    auto *watcher = new QFutureWatcher<Parsed>(this);
    pending.watcher = watcher;
    connect(watcher, &QFutureWatcher<Parsed>::finished, this, [this, watcher, requestId] {
        watcher->deleteLater();
        auto node = m_pending.extract(requestId);
        if (node.empty())
            return;
        const Parsed parsed = watcher->result();
        if (parsed.ok)
            Q_EMIT fetched(requestId, parsed.result);
        else
            Q_EMIT failed(requestId, node.mapped().request, parsed.error);
    });

    std::vector<Chunk> chunks = std::move(pending.chunks);
    pending.chunks.clear();
    const QueryRequest request = pending.request;
    const QueryDefinition definition = pending.definition;
    const GpuPeakTable *peaks = m_peaks;
    // The query's own precision: each precision is its own query id, cached apart.
    const Precision precision = definition.precision;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [chunks = std::move(chunks), request, definition, peaks, precision] {
            Parsed parsed;
            const bool peakTransform = definition.transform == QLatin1String("gpuPeakPflops");
            const QString single = singleSeriesName(request.queryId);
            const PrometheusParser::Grid grid { request.startMs, request.stepMs, request.pointCount() };
            QueryResult &merged = parsed.result;
            for (size_t c = 0; c < chunks.size(); ++c) {
                QueryResult piece;
                if (!PrometheusParser::parseQuery(chunks[c].body, chunks[c].context, grid, definition.legend,
                        peakTransform ? QString() : single, &piece, &parsed.error))
                    return parsed;
                if (c == 0) {
                    merged = std::move(piece);
                    continue;
                }
                merged.warnings.append(piece.warnings);
                // Later pieces cover later points of the same grid: fill them into the series they continue.
                for (Series &series : piece.series) {
                    auto same = std::find_if(merged.series.begin(), merged.series.end(),
                        [&](const Series &s) { return s.labels == series.labels; });
                    if (same == merged.series.end()) {
                        merged.series.push_back(std::move(series));
                        continue;
                    }
                    for (size_t i = 0; i < series.values.size(); ++i)
                        if (!std::isnan(series.values[i]))
                            same->values[i] = series.values[i];
                }
            }
            merged.warnings.removeDuplicates();
            if (peakTransform) {
                Series total = sumPeakPflops(merged.series, *peaks, precision, single, &merged.warnings);
                total.values.resize(size_t(grid.stepMs > 0 ? grid.points : 1), qQNaN());
                merged.series = { std::move(total) };
            }
            merged.queryId = request.queryId;
            merged.startMs = request.startMs;
            merged.stepMs = request.stepMs;
            parsed.ok = true;
            return parsed;
        }));
}

namespace {
// Alert and target lists are small: parsed where they arrive. deliver gets the parsed list; a
// cancelled request (superseded by the next round's) delivers nothing.
template<typename Item, typename Parse, typename Deliver, typename Fail>
void onHealthReply(PrometheusReply *reply, Parse parse, Deliver deliver, Fail fail)
{
    reply->deleteLater();
    if (reply->outcome() == PrometheusReply::Outcome::Cancelled)
        return;
    SourceError error = reply->error();
    std::vector<Item> items;
    if (reply->outcome() == PrometheusReply::Outcome::Answered
        && parse(reply->body(), reply->context(), &items, &error))
        deliver(items);
    else
        fail(error);
}
} // namespace

void PrometheusSource::fetchAlerts(quint64 requestId)
{
    PrometheusReply *reply = m_client->alerts(QStringLiteral("alerts"));
    connect(reply, &PrometheusReply::finished, this, [this, reply, requestId] {
        onHealthReply<PrometheusAlert>(
            reply, &PrometheusParser::parseAlerts,
            [&](const std::vector<PrometheusAlert> &alerts) { Q_EMIT alertsFetched(requestId, alerts); },
            [&](const SourceError &error) { Q_EMIT healthFailed(requestId, error); });
    });
}

void PrometheusSource::fetchTargets(quint64 requestId)
{
    PrometheusReply *reply = m_client->targets(QStringLiteral("targets"));
    connect(reply, &PrometheusReply::finished, this, [this, reply, requestId] {
        onHealthReply<PrometheusTarget>(
            reply, &PrometheusParser::parseTargets,
            [&](const std::vector<PrometheusTarget> &targets) { Q_EMIT targetsFetched(requestId, targets); },
            [&](const SourceError &error) { Q_EMIT healthFailed(requestId, error); });
    });
}
