// What one scrape of aisc-exporter costs at the centre's full size, 3,000 GPUs (budget: under 100 ms):
// reading the simulation's state at the instant, building the metric families and serialising them in
// the Prometheus text format, as the exposer does for every scrape.

#include "CentreMetrics.h"
#include "Simulation.h"

#include <QDateTime>

#include <benchmark/benchmark.h>
#include <prometheus/text_serializer.h>
#include <sstream>

namespace {

constexpr qint64 kScrapeIntervalMs = 15 * 1000;

qint64 scrapeStartMs()
{
    // After the last milestone, so that all 3,000 GPUs are installed.
    return QDateTime::fromString(QStringLiteral("2026-03-02T09:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
}

Simulation &centre()
{
    static Simulation *simulation = [] {
        SimulationConfig config;
        config.seed = 1;
        config.targetGpus = 3000;
        auto *s = new Simulation(config);
        s->gpuStatesAt(scrapeStartMs()); // warm-up: simulate the centre's history once
        return s;
    }();
    return *simulation;
}

// A scrape every 15 s of simulated time, as Prometheus would do, each at a new instant.
void BM_Scrape3000Gpus(benchmark::State &state)
{
    Simulation &simulation = centre();
    const CentreMetrics metrics(simulation);
    const prometheus::TextSerializer serializer;
    qint64 ms = scrapeStartMs();
    size_t bytes = 0, series = 0;
    for (auto _ : state) {
        ms += kScrapeIntervalMs;
        const std::vector<prometheus::MetricFamily> families = metrics.collect(ms);
        std::ostringstream out;
        serializer.Serialize(out, families);
        bytes = out.str().size();
        series = 0;
        for (const prometheus::MetricFamily &family : families)
            series += family.metric.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["series"] = double(series);
    state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_Scrape3000Gpus)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same without serialisation: what the simulation and the family building cost.
void BM_Collect3000Gpus(benchmark::State &state)
{
    Simulation &simulation = centre();
    const CentreMetrics metrics(simulation);
    qint64 ms = scrapeStartMs();
    for (auto _ : state) {
        ms += kScrapeIntervalMs;
        benchmark::DoNotOptimize(metrics.collect(ms));
    }
}
BENCHMARK(BM_Collect3000Gpus)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
