// The client-side cost of a query_range answer (design.md budget: parse + cache + model ≤ 10% of the
// raw HTTP fetch of the same response) for a 400-series × 11,000-point matrix: parsing it
// (PrometheusParser, alone and on a thread pool), parsing it into a TimeSeriesModel, parsing it into a
// SampleStore on a temporary file, and with QJsonDocument for comparison; against downloading the same
// bytes over loopback from a static local server (a lower bound of any fetch).
//
// With AISC_BENCH_PROMETHEUS_URL set (e.g. the PROMETHEUS_URL of tests/integration/backends.sh), the
// answer is fetched once from that real Prometheus and every benchmark uses those bytes; BM_FetchPrometheus
// then measures the real fetch (Prometheus evaluating and encoding, plus the transfer). The default query
// asks the fixture's backfilled week for 400 series at 11,000 points; AISC_BENCH_QUERY, AISC_BENCH_START,
// AISC_BENCH_STEP (seconds) and AISC_BENCH_POINTS change it.
#include "PrometheusParser.h"
#include "SampleStore.h"
#include "TimeSeriesModel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QUrlQuery>

#include <benchmark/benchmark.h>
#include <cmath>
#include <future>
#include <thread>

namespace {

constexpr int seriesCount = 400;
constexpr int pointCount = 11000;
constexpr qint64 startSeconds = 1732665600;
constexpr qint64 stepSeconds = 15;

// The real Prometheus the answer comes from, when one is given.
struct RealQuery
{
    QString url; // base URL with its path prefix
    QString query;
    qint64 startSeconds = 0;
    qint64 stepSeconds = 0;
    int points = 0;
};

const RealQuery &realQuery()
{
    static const RealQuery real = [] {
        RealQuery out;
        out.url = qEnvironmentVariable("AISC_BENCH_PROMETHEUS_URL");
        // Every per-GPU metric of the fixture's 64 GPUs (384 series) and the 16 per-partition Slurm
        // series; last_over_time fills the 54 s grid from the 600 s history (it keeps __name__).
        out.query = qEnvironmentVariable("AISC_BENCH_QUERY",
            QStringLiteral("last_over_time({__name__=~\"DCGM_.+|slurm_partition_.+\"}[10m])"));
        out.stepSeconds = qEnvironmentVariableIntValue("AISC_BENCH_STEP");
        if (out.stepSeconds <= 0)
            out.stepSeconds = 54;
        out.points = qEnvironmentVariableIntValue("AISC_BENCH_POINTS");
        if (out.points <= 0)
            out.points = pointCount;
        // backends.sh: 7 days of history up to 2026-03-02T00:00:00Z, every 600 s.
        const QByteArray start = qgetenv("AISC_BENCH_START");
        const qint64 earliest = start.isEmpty() ? 1772409600 - 7 * 86400 + 600 : start.toLongLong();
        // Aligned to the step, as the dashboard asks and as SampleStore caches.
        out.startSeconds = (earliest + out.stepSeconds - 1) / out.stepSeconds * out.stepSeconds;
        return out;
    }();
    return real;
}

QNetworkReply *postQuery(QNetworkAccessManager &network)
{
    const RealQuery &real = realQuery();
    QNetworkRequest request(QUrl(real.url + QStringLiteral("/api/v1/query_range")));
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    const qint64 end = real.startSeconds + qint64(real.points - 1) * real.stepSeconds;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(real.query)));
    form.addQueryItem(QStringLiteral("start"), QString::number(real.startSeconds));
    form.addQueryItem(QStringLiteral("end"), QString::number(end));
    form.addQueryItem(QStringLiteral("step"), QString::number(real.stepSeconds));
    return network.post(request, form.query(QUrl::FullyEncoded).toLatin1());
}

// The whole body of a reply, read as it arrives (as PrometheusReply does).
QByteArray readAll(QNetworkReply *reply)
{
    QByteArray received;
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    received += reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        qFatal("fetch failed: %s", qPrintable(reply->errorString()));
    reply->deleteLater();
    return received;
}

const QByteArray &responseBody()
{
    static const QByteArray body = [] {
        if (!realQuery().url.isEmpty()) {
            QNetworkAccessManager network;
            QByteArray out = readAll(postQuery(network));
            out.reserve(out.size() + 64);
            return out;
        }
        QByteArray out;
        out.reserve(qsizetype(seriesCount) * pointCount * 26);
        out += R"({"status":"success","data":{"resultType":"matrix","result":[)";
        for (int s = 0; s < seriesCount; ++s) {
            if (s)
                out += ',';
            out += R"({"metric":{"node":"aisc-gpu-)" + QByteArray::number(s).rightJustified(4, '0')
                + R"(","partition":"h100"},"values":[)";
            for (int i = 0; i < pointCount; ++i) {
                if (i)
                    out += ',';
                out += '[';
                out += QByteArray::number(startSeconds + i * stepSeconds);
                out += ",\"";
                // Utilisation-like values with a few decimals, as dcgm gauges averaged by PromQL give.
                out += QByteArray::number(50.0 + 40.0 * std::sin(i * 0.01 + s), 'g', 8);
                out += "\"]";
            }
            out += "]}";
        }
        out += "]}}";
        out.reserve(out.size() + 64); // the spare room a PrometheusReply body keeps
        return out;
    }();
    return body;
}

PrometheusParser::Grid gridOf()
{
    if (!realQuery().url.isEmpty())
        return { realQuery().startSeconds * 1000, realQuery().stepSeconds * 1000, realQuery().points };
    return { startSeconds * 1000, stepSeconds * 1000, pointCount };
}
const PrometheusParser::Grid grid = gridOf();
const QString legend = QStringLiteral("node");
const PrometheusParser::Context context { QStringLiteral("http://127.0.0.1"),
    QStringLiteral("query node_gpu_util"), 200, "application/json" };

void setBytes(benchmark::State &state)
{
    state.SetBytesProcessed(int64_t(state.iterations()) * responseBody().size());
    state.counters["MB"] = double(responseBody().size()) / 1e6;
}

QueryResult parse(benchmark::State &state, QThreadPool *pool = nullptr)
{
    QueryResult result;
    SourceError error;
    if (!PrometheusParser::parseQuery(responseBody(), context, grid, legend, {}, &result, &error, pool))
        state.SkipWithError(qPrintable(error.message));
    result.queryId = QStringLiteral("node_gpu_util");
    result.startMs = grid.startMs;
    return result;
}

// (a) parse, on the calling thread.
void BM_ParseSimdjson(benchmark::State &state)
{
    responseBody();
    for (auto _ : state) {
        QueryResult result = parse(state);
        benchmark::DoNotOptimize(result);
    }
    setBytes(state);
}

// (a) parse, the series spread over a pool of all cores (as PrometheusSource passes its pool).
void BM_ParseSimdjsonPool(benchmark::State &state)
{
    responseBody();
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    for (auto _ : state) {
        QueryResult result = parse(state, &pool);
        benchmark::DoNotOptimize(result);
    }
    setBytes(state);
    state.counters["threads"] = QThread::idealThreadCount();
}

// (c) parse + cache write: a SampleStore on a temporary file, as CacheService keeps it open; with
// model:1 also the model (a + b + c), the whole client-side cost.
void BM_ParseAndCache(benchmark::State &state)
{
    responseBody();
    const bool withModel = state.range(0) != 0;
    TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<QTemporaryDir>();
        auto store = std::make_unique<SampleStore>(QStringLiteral("bench-parse-cache"));
        QString message;
        if (!store->open(dir->filePath(QStringLiteral("cache.sqlite")), &message))
            qFatal("%s", qPrintable(message));
        state.ResumeTiming();
        const QueryResult result = parse(state);
        if (!store->write(result, &message))
            qFatal("cache write failed: %s", qPrintable(message));
        if (withModel) {
            model.setResult(result);
            benchmark::DoNotOptimize(model.rowCount());
        }
        state.PauseTiming();
        store.reset();
        dir.reset();
        state.ResumeTiming();
    }
    setBytes(state);
}

// (b) parse + model.
void BM_ParseSimdjsonAndModel(benchmark::State &state)
{
    responseBody();
    TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
    for (auto _ : state) {
        model.setResult(parse(state));
        benchmark::DoNotOptimize(model.rowCount());
    }
    setBytes(state);
}

void BM_ParseQJsonDocument(benchmark::State &state)
{
    const QByteArray &body = responseBody();
    for (auto _ : state) {
        QueryResult result;
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonArray series = document.object()
                                      .value(QLatin1String("data"))
                                      .toObject()
                                      .value(QLatin1String("result"))
                                      .toArray();
        for (const QJsonValueConstRef entry : series) {
            const QJsonObject object = entry.toObject();
            Series out;
            const QJsonObject metric = object.value(QLatin1String("metric")).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                out.labels.emplace(it.key(), it.value().toString());
            out.name = out.labels[QStringLiteral("node")];
            out.values.assign(size_t(grid.points), qQNaN());
            for (const QJsonValueConstRef sample : object.value(QLatin1String("values")).toArray()) {
                const QJsonArray pair = sample.toArray();
                const qint64 ms = std::llround(pair.at(0).toDouble() * 1000.0);
                const qint64 index = (ms - grid.startMs) / grid.stepMs;
                if (index >= 0 && index < grid.points)
                    out.values[size_t(index)] = pair.at(1).toString().toDouble();
            }
            result.series.push_back(std::move(out));
        }
        benchmark::DoNotOptimize(result);
    }
    setBytes(state);
}

// Serves the body to every connection, on its own thread, with blocking sockets.
class LoopbackServer
{
public:
    LoopbackServer()
    {
        std::promise<quint16> port;
        m_thread = std::thread([this, &port] {
            QTcpServer server;
            server.listen(QHostAddress::LocalHost, 0);
            port.set_value(server.serverPort());
            while (!m_stop) {
                if (!server.waitForNewConnection(100))
                    continue;
                std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
                QByteArray request;
                while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(5000))
                    request += socket->readAll();
                const QByteArray &body = responseBody();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n");
                socket->write(body);
                while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(5000)) { }
                socket->disconnectFromHost();
                if (socket->state() != QAbstractSocket::UnconnectedState)
                    socket->waitForDisconnected(5000);
            }
        });
        m_port = port.get_future().get();
    }
    ~LoopbackServer()
    {
        m_stop = true;
        m_thread.join();
    }
    quint16 port() const { return m_port; }

private:
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    quint16 m_port = 0;
};

// (d) the same bytes from a static loopback server: the lower bound of any fetch.
void BM_DownloadLoopback(benchmark::State &state)
{
    responseBody();
    LoopbackServer server;
    QNetworkAccessManager network;
    QUrl url(QStringLiteral("http://127.0.0.1/api/v1/query_range"));
    url.setPort(server.port());
    for (auto _ : state) {
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QByteArray received;
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] { received += reply->readAll(); });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        received += reply->readAll();
        if (received.size() != responseBody().size())
            state.SkipWithError("short download");
        reply->deleteLater();
    }
    setBytes(state);
}

// (e) the raw HTTP fetch of the same query from the real Prometheus.
void BM_FetchPrometheus(benchmark::State &state)
{
    if (realQuery().url.isEmpty()) {
        state.SkipWithError("AISC_BENCH_PROMETHEUS_URL is not set");
        return;
    }
    QNetworkAccessManager network;
    qsizetype size = 0;
    for (auto _ : state)
        size = readAll(postQuery(network)).size();
    state.SetBytesProcessed(int64_t(state.iterations()) * size);
    state.counters["MB"] = double(size) / 1e6;
}

} // namespace

BENCHMARK(BM_ParseSimdjson)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_ParseSimdjsonPool)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
BENCHMARK(BM_ParseSimdjsonAndModel)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_ParseAndCache)
    ->ArgName("model")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2)
    ->UseRealTime();
BENCHMARK(BM_ParseQJsonDocument)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_DownloadLoopback)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();
BENCHMARK(BM_FetchPrometheus)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
