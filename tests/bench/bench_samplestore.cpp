// The SQLite cache on realistic data: 30 days of every built-in query of the simulated centre at
// its 3,000-GPU phase (379 node series among them) at a 60 s step, written a day at a time as a
// backfill would, then read back. Reports ingest and read rates and the file size per sample (rollup
// tiers included), and the reads of the 30-day and 1-year views from the rollups.
// Budgets (design.md): ingest >= 5 M samples/s, <= 4 bytes/sample; reads >= 20 M samples/s (issue 4).
#include "QueryCatalogue.h"
#include "SampleStore.h"
#include "Simulation.h"
#include "ViewRange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cmath>
#include <map>

namespace {

constexpr int Days = 30;
constexpr qint64 StepMs = 60'000;
constexpr int PointsPerDay = 1440;
// Late 2026: the centre is at its 3,000 PFLOPS phase (about 3,000 GPUs, 379 nodes).
const qint64 T0
    = QDateTime::fromString(QStringLiteral("2026-10-21T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
const QString NodeQuery = QStringLiteral("node_gpu_util");

// Every built-in query of the simulated centre over 30 days at 60 s, as one result per query and
// day, the way a backfill writes them.
struct Data
{
    std::vector<QueryResult> days; // query-major: all days of the first id, then the next id
    double samples = 0; // non-gap values
    std::map<QString, double> samplesPerQuery;
};

const Data &data()
{
    static const Data d = [] {
        Data out;
        Simulation simulation;
        for (const QString &id : QueryCatalogue::builtInIds()) {
            for (int day = 0; day < Days; ++day) {
                const qint64 start = T0 + day * PointsPerDay * StepMs;
                QueryResult result
                    = simulation.evaluate(QueryRequest { id, start, start + PointsPerDay * StepMs, StepMs });
                for (const Series &series : result.series) {
                    const double n = double(std::count_if(
                        series.values.begin(), series.values.end(), [](double v) { return !std::isnan(v); }));
                    out.samples += n;
                    out.samplesPerQuery[id] += n;
                }
                out.days.push_back(std::move(result));
            }
        }
        return out;
    }();
    return d;
}

std::vector<QueryResult> daysOf(const QString &queryId)
{
    std::vector<QueryResult> out;
    for (const QueryResult &result : data().days)
        if (result.queryId == queryId)
            out.push_back(result);
    return out;
}

void writeAll(SampleStore &store, const std::vector<QueryResult> &results)
{
    for (const QueryResult &result : results) {
        QString error;
        if (!store.write(result, &error))
            qFatal("write failed: %s", qPrintable(error));
    }
}

QString openFresh(SampleStore &store, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    if (!store.open(path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

// Every built-in query into one file. samples/s counts stored values (gaps not counted).
void BM_Ingest(benchmark::State &state)
{
    data();
    double bytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        SampleStore store(QStringLiteral("bench-ingest"));
        const QString path = openFresh(store, dir);
        state.ResumeTiming();
        writeAll(store, data().days);
        store.close(); // includes the WAL checkpoint
        state.PauseTiming();
        bytes = double(QFileInfo(path).size());
        state.ResumeTiming();
    }
    state.counters["samples"] = data().samples;
    state.counters["samples/s"]
        = benchmark::Counter(data().samples * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bytes/sample"] = bytes / data().samples;
}
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The file size per stored value of one query alone (argument: index in builtInIds()).
void BM_BytesPerSample(benchmark::State &state)
{
    const QString id = QueryCatalogue::builtInIds().at(int(state.range(0)));
    const std::vector<QueryResult> results = daysOf(id);
    double bytes = 0;
    for (auto _ : state) {
        QTemporaryDir dir;
        SampleStore store(QStringLiteral("bench-bytes"));
        const QString path = openFresh(store, dir);
        writeAll(store, results);
        store.close();
        bytes = double(QFileInfo(path).size());
    }
    const double samples = data().samplesPerQuery.at(id);
    state.SetLabel(id.toStdString());
    state.counters["series"] = double(results.front().series.size());
    state.counters["samples"] = samples;
    state.counters["bytes/sample"] = bytes / samples;
}
BENCHMARK(BM_BytesPerSample)
    ->DenseRange(0, int(QueryCatalogue::builtInIds().size()) - 1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The refresh path: the newest few points of every node series land in a stored chunk
// (read-modify-write).
void BM_IngestTail(benchmark::State &state)
{
    QTemporaryDir dir;
    SampleStore store(QStringLiteral("bench-tail"));
    openFresh(store, dir);
    const std::vector<QueryResult> results = daysOf(NodeQuery);
    writeAll(store, results);
    const int points = int(state.range(0));
    QueryResult tail;
    tail.queryId = NodeQuery;
    tail.stepMs = StepMs;
    for (const Series &series : results.back().series) {
        Series s = series;
        s.values.assign(s.values.end() - points, s.values.end());
        tail.series.push_back(std::move(s));
    }
    tail.startMs = T0 + (qint64(Days) * PointsPerDay - points) * StepMs;
    QString error;
    for (auto _ : state) {
        if (!store.write(tail, &error))
            qFatal("%s", qPrintable(error));
    }
    state.counters["samples/s"] = benchmark::Counter(
        double(tail.series.size()) * points * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestTail)->Arg(5)->Arg(60)->Unit(benchmark::kMillisecond)->UseRealTime();

// One node series per node, the last 1 or 30 days. samples/s counts grid points delivered.
void BM_Read(benchmark::State &state)
{
    QTemporaryDir dir;
    QString path;
    const std::vector<QueryResult> results = daysOf(NodeQuery);
    {
        SampleStore writer(QStringLiteral("bench-read-writer"));
        path = openFresh(writer, dir);
        writeAll(writer, results);
    }
    SampleStore store(QStringLiteral("bench-read"));
    QString error;
    if (!store.open(path, &error))
        qFatal("%s", qPrintable(error));
    const int readDays = int(state.range(0));
    const QueryRequest request { NodeQuery, T0 + (Days - readDays) * PointsPerDay * StepMs,
        T0 + Days * PointsPerDay * StepMs, StepMs };
    size_t series = 0;
    for (auto _ : state) {
        const QueryResult result = store.read(request);
        series = result.series.size();
        benchmark::DoNotOptimize(result.series.data());
    }
    if (series != results.back().series.size())
        qFatal("read %zu series, expected %zu", series, results.back().series.size());
    state.counters["series"] = double(series);
    state.counters["samples/s"] = benchmark::Counter(
        double(series) * readDays * PointsPerDay * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Read)->Arg(1)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();

// The views over long ranges, as the dashboard asks for them: the step ViewRange chooses for the
// window (30 min for 30 days, 6 h for a year), answered from the rollups of the finer data the cache
// holds. Every node's series: the 30 days at 1 min above (5 min tier), or a year at 10 min, the 7-day
// view's step (1 h tier). "buckets read" counts the rollup buckets decoded, "points" the grid points
// delivered (each with mean, min and max).
void BM_RollupRead(benchmark::State &state)
{
    const int viewDays = int(state.range(0));
    const qint64 fineStep = viewDays > Days ? 10 * 60'000 : StepMs;
    const qint64 tierMs = viewDays > Days ? 3600'000 : 300'000;
    const qint64 length = qint64(viewDays) * 24 * 3600'000;
    const qint64 end = T0 + qint64(Days) * PointsPerDay * StepMs;
    const qint64 step = ViewRange::stepFor(length);
    QTemporaryDir dir;
    QString path;
    {
        SampleStore writer(QStringLiteral("bench-rollup-writer"));
        path = openFresh(writer, dir);
        if (fineStep == StepMs) {
            writeAll(writer, daysOf(NodeQuery));
        } else {
            Simulation simulation;
            const qint64 span = 11'000 * fineStep;
            for (qint64 t = end - length; t < end; t += span) {
                const QueryResult piece
                    = simulation.evaluate(QueryRequest { NodeQuery, t, std::min(end, t + span), fineStep });
                writeAll(writer, { piece });
            }
        }
    }
    SampleStore store(QStringLiteral("bench-rollup"));
    QString error;
    if (!store.open(path, &error))
        qFatal("%s", qPrintable(error));
    const QueryRequest request { NodeQuery, (end - length) / step * step, end, step };
    if (!store.missing(request).empty())
        qFatal("the %d-day view is not answered from the rollups", viewDays);
    size_t series = 0;
    int points = 0;
    for (auto _ : state) {
        const QueryResult result = store.read(request);
        series = result.series.size();
        points = result.pointCount();
        if (series == 0 || !result.series.front().hasRange())
            qFatal("no rollup range in the %d-day view", viewDays);
        benchmark::DoNotOptimize(result.series.data());
    }
    const double samples = double(series) * double(length / tierMs);
    state.SetLabel(QStringLiteral("%1 d at %2 min from %3 min rollups of %4 s data")
                       .arg(viewDays)
                       .arg(step / 60'000)
                       .arg(tierMs / 60'000)
                       .arg(fineStep / 1000)
                       .toStdString());
    state.counters["series"] = double(series);
    state.counters["points"] = double(series) * points;
    state.counters["buckets read"] = samples;
    state.counters["buckets/s"]
        = benchmark::Counter(samples * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RollupRead)->Arg(30)->Arg(365)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    // QSqlDatabase loads its driver as a plugin, which wants an application object.
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
