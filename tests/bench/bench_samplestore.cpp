// The SQLite cache on realistic data: 400 series (one per node) over 30 days at a 60 s step,
// written a day at a time as a refresh would, then read back. Reports ingest and read rates and
// the file size per sample. Budgets (design.md): ingest >= 5 M samples/s, <= 4 bytes/sample.
#include "SampleStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <cmath>
#include <limits>

namespace {

constexpr int SeriesCount = 400;
constexpr int Days = 30;
constexpr qint64 StepMs = 60'000;
constexpr int PointsPerDay = 1440;
constexpr qint64 T0 = 1'735'689'600'000; // 2025-01-01T00:00:00Z
const QString QueryId = QStringLiteral("node_gpu_util");

// One result per day, values like GPU utilisation in %: a random walk with two decimals and the
// occasional scrape gap.
const std::vector<QueryResult> &days()
{
    static const std::vector<QueryResult> results = [] {
        QRandomGenerator generator(2024);
        std::vector<double> level(SeriesCount, 50.0);
        std::vector<QueryResult> out(Days);
        for (int day = 0; day < Days; ++day) {
            QueryResult &result = out[size_t(day)];
            result.queryId = QueryId;
            result.startMs = T0 + day * PointsPerDay * StepMs;
            result.stepMs = StepMs;
            for (int s = 0; s < SeriesCount; ++s) {
                Series series;
                series.name = QStringLiteral("node-%1").arg(s, 3, 10, QLatin1Char('0'));
                series.labels = { { QStringLiteral("hostname"), series.name },
                    { QStringLiteral("partition"), QStringLiteral("gpu-%1").arg(s % 4) } };
                series.values.resize(PointsPerDay);
                for (double &v : series.values) {
                    double &x = level[size_t(s)];
                    x = std::clamp(x + generator.bounded(6.0) - 3.0, 0.0, 100.0);
                    v = generator.bounded(1000) == 0 ? std::numeric_limits<double>::quiet_NaN()
                                                     : std::round(x * 100) / 100;
                }
                result.series.push_back(std::move(series));
            }
        }
        return out;
    }();
    return results;
}

constexpr double TotalSamples = double(SeriesCount) * Days * PointsPerDay;

void writeAll(SampleStore &store)
{
    for (const QueryResult &result : days()) {
        QString error;
        if (!store.write(result, &error))
            qFatal("write failed: %s", qPrintable(error));
    }
}

void BM_Ingest(benchmark::State &state)
{
    days();
    double bytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        SampleStore store(QStringLiteral("bench-ingest"));
        QString error;
        if (!store.open(path, &error))
            qFatal("%s", qPrintable(error));
        state.ResumeTiming();
        writeAll(store);
        store.close(); // includes the WAL checkpoint
        state.PauseTiming();
        bytes = double(QFileInfo(path).size());
        state.ResumeTiming();
    }
    state.counters["samples/s"]
        = benchmark::Counter(TotalSamples * double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bytes/sample"] = bytes / TotalSamples;
}
BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The refresh path: the newest few points of every series land in a stored chunk (read-modify-write).
void BM_IngestTail(benchmark::State &state)
{
    QTemporaryDir dir;
    SampleStore store(QStringLiteral("bench-tail"));
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("cache.sqlite")), &error))
        qFatal("%s", qPrintable(error));
    writeAll(store);
    const int points = int(state.range(0));
    QueryResult tail;
    tail.queryId = QueryId;
    tail.stepMs = StepMs;
    for (const Series &series : days().back().series) {
        Series s = series;
        s.values.assign(s.values.end() - points, s.values.end());
        tail.series.push_back(std::move(s));
    }
    tail.startMs = T0 + (qint64(Days) * PointsPerDay - points) * StepMs;
    for (auto _ : state) {
        if (!store.write(tail, &error))
            qFatal("%s", qPrintable(error));
    }
    state.counters["samples/s"] = benchmark::Counter(
        double(SeriesCount) * points * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_IngestTail)->Arg(5)->Arg(60)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Read(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    QString error;
    {
        SampleStore writer(QStringLiteral("bench-read-writer"));
        if (!writer.open(path, &error))
            qFatal("%s", qPrintable(error));
        writeAll(writer);
    }
    SampleStore store(QStringLiteral("bench-read"));
    if (!store.open(path, &error))
        qFatal("%s", qPrintable(error));
    const int readDays = int(state.range(0));
    const QueryRequest request { QueryId, T0 + (Days - readDays) * PointsPerDay * StepMs,
        T0 + Days * PointsPerDay * StepMs, StepMs };
    size_t series = 0;
    for (auto _ : state) {
        const QueryResult result = store.read(request);
        series = result.series.size();
        benchmark::DoNotOptimize(result.series.data());
    }
    if (series != size_t(SeriesCount))
        qFatal("read %zu series, expected %d", series, SeriesCount);
    state.counters["samples/s"]
        = benchmark::Counter(double(SeriesCount) * readDays * PointsPerDay * double(state.iterations()),
            benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Read)->Arg(1)->Arg(30)->Unit(benchmark::kMillisecond)->UseRealTime();

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
