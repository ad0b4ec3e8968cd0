// The client-side cost of a query_range answer (design.md budget: parse + model ≤ 10% of the raw
// HTTP fetch of the same response): a 400-series × 11,000-point matrix, parsed with simdjson
// (PrometheusParser) and with QJsonDocument, against downloading the same bytes over loopback
// with QNetworkAccessManager from a local server.
#include "PrometheusParser.h"
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

#include <benchmark/benchmark.h>
#include <cmath>
#include <future>
#include <thread>

namespace {

constexpr int seriesCount = 400;
constexpr int pointCount = 11000;
constexpr qint64 startSeconds = 1732665600;
constexpr qint64 stepSeconds = 15;

const QByteArray &responseBody()
{
    static const QByteArray body = [] {
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

const PrometheusParser::Grid grid { startSeconds * 1000, stepSeconds * 1000, pointCount };
const PrometheusParser::Context context { QStringLiteral("http://127.0.0.1"),
    QStringLiteral("query node_gpu_util"), 200, "application/json" };

void setBytes(benchmark::State &state)
{
    state.SetBytesProcessed(int64_t(state.iterations()) * responseBody().size());
    state.counters["MB"] = double(responseBody().size()) / 1e6;
}

void BM_ParseSimdjson(benchmark::State &state)
{
    const QByteArray &body = responseBody();
    for (auto _ : state) {
        QueryResult result;
        SourceError error;
        if (!PrometheusParser::parseQuery(body, context, grid, QStringLiteral("node"), {}, &result, &error))
            state.SkipWithError(qPrintable(error.message));
        benchmark::DoNotOptimize(result);
    }
    setBytes(state);
}

void BM_ParseSimdjsonAndModel(benchmark::State &state)
{
    const QByteArray &body = responseBody();
    TimeSeriesModel model(QStringLiteral("node_gpu_util"), QStringLiteral("%"));
    for (auto _ : state) {
        QueryResult result;
        SourceError error;
        PrometheusParser::parseQuery(body, context, grid, QStringLiteral("node"), {}, &result, &error);
        result.queryId = QStringLiteral("node_gpu_util");
        model.setResult(result);
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
        for (const QJsonValue &entry : series) {
            const QJsonObject object = entry.toObject();
            Series out;
            const QJsonObject metric = object.value(QLatin1String("metric")).toObject();
            for (auto it = metric.begin(); it != metric.end(); ++it)
                out.labels.emplace(it.key(), it.value().toString());
            out.name = out.labels[QStringLiteral("node")];
            out.values.assign(pointCount, qQNaN());
            for (const QJsonValue &sample : object.value(QLatin1String("values")).toArray()) {
                const QJsonArray pair = sample.toArray();
                const qint64 ms = std::llround(pair.at(0).toDouble() * 1000.0);
                const qint64 index = (ms - grid.startMs) / grid.stepMs;
                if (index >= 0 && index < pointCount)
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

} // namespace

BENCHMARK(BM_ParseSimdjson)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_ParseSimdjsonAndModel)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_ParseQJsonDocument)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_DownloadLoopback)->Unit(benchmark::kMillisecond)->MinTime(2)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
