// How long the simulated centre takes to answer every built-in query for 30 days at a 60-s step
// (budget: under 5 s on 2 cores, warm-up from the centre's first node included).

#include "QueryCatalogue.h"
#include "Simulation.h"

#include <QDateTime>

#include <benchmark/benchmark.h>
#include <memory>

namespace {

qint64 rangeEndMs()
{
    return QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
}

constexpr qint64 kStepMs = 60 * 1000;
constexpr qint64 kRangeMs = 30LL * 24 * 3600 * 1000;

SimulationConfig benchConfig()
{
    SimulationConfig config;
    config.seed = 1;
    return config;
}

// Returns the number of values produced.
qint64 evaluateAllIds(Simulation &simulation)
{
    const qint64 end = rangeEndMs();
    qint64 values = 0;
    for (const QString &id : QueryCatalogue::builtInIds()) {
        QueryResult result = simulation.evaluate(QueryRequest { id, end - kRangeMs, end, kStepMs });
        for (const Series &series : result.series)
            values += qint64(series.values.size());
        benchmark::DoNotOptimize(result);
    }
    return values;
}

// From a fresh simulation: warm-up from the first node's commissioning, then 30 days of every id.
void BM_ThirtyDaysAllIds_WithWarmUp(benchmark::State &state)
{
    qint64 values = 0;
    for (auto _ : state) {
        Simulation simulation(benchConfig());
        values = evaluateAllIds(simulation);
    }
    state.counters["values"] = double(values);
}
BENCHMARK(BM_ThirtyDaysAllIds_WithWarmUp)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// The warm-up alone: simulating the centre's events from its first node to the end of the range.
void BM_WarmUp(benchmark::State &state)
{
    qint64 jobs = 0;
    for (auto _ : state) {
        Simulation simulation(benchConfig());
        jobs = simulation.jobCountersAt(rangeEndMs()).arrived;
    }
    state.counters["jobs"] = double(jobs);
}
BENCHMARK(BM_WarmUp)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// 30 days of every id on a simulation already run up to the range's end.
void BM_ThirtyDaysAllIds_AfterWarmUp(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        auto simulation = std::make_unique<Simulation>(benchConfig());
        simulation->jobCountersAt(rangeEndMs());
        state.ResumeTiming();
        evaluateAllIds(*simulation);
        state.PauseTiming();
        simulation.reset();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ThirtyDaysAllIds_AfterWarmUp)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// Each id alone on a warmed-up simulation, to see where the time goes.
void BM_OneId(benchmark::State &state)
{
    const QString id = QueryCatalogue::builtInIds().at(int(state.range(0)));
    state.SetLabel(id.toStdString());
    Simulation simulation(benchConfig());
    simulation.jobCountersAt(rangeEndMs());
    const qint64 end = rangeEndMs();
    for (auto _ : state) {
        QueryResult result = simulation.evaluate(QueryRequest { id, end - kRangeMs, end, kStepMs });
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_OneId)->DenseRange(0, 10)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
