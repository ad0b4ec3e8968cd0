// Redraw of a chart panel at a million points a series (budget, design.md: <= 16 ms, with
// pixel-aware decimation). A redraw (model:0): the panel decimates and replaces its lines after the
// model slid by one sample (one row off the front, one on the end), and the chart is rendered into an
// image. With model:1 the model's own update is timed too: what a refresh costs in all. Data: the simulated
// centre's GPU utilisation per partition over 347 days at a 30-s step (1,000,000 points a series), 1 or 4
// series, on a 1600 x 500 panel; decimated and undecimated, with and without the model's own update in the
// time. Also the parts: M4 over one series alone, and the model update alone.
#include "ChartPanel.h"
#include "Decimator.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"

#include <QApplication>
#include <QDateTime>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

namespace {

constexpr int Points = 1'000'000;
constexpr qint64 StepMs = 30'000;
const qint64 EndMs
    = QDateTime::fromString(QStringLiteral("2026-03-02T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
const QSize PanelSize(1600, 500);

// The centre's utilisation per partition, one sample more than a window, so that two windows one
// step apart can be cut from it.
const QueryResult &centre()
{
    static const QueryResult result = [] {
        Simulation simulation(SimulationConfig { .seed = 7, .targetGpus = 3000 });
        return simulation.evaluate(QueryRequest { QStringLiteral("gpu_util_by_partition"),
            EndMs - qint64(Points) * StepMs, EndMs + StepMs, StepMs });
    }();
    return result;
}

// The window of the first seriesCount series starting at sample offset (0 or 1).
QueryResult window(int seriesCount, int offset)
{
    const QueryResult &all = centre();
    QueryResult result;
    result.queryId = all.queryId;
    result.stepMs = all.stepMs;
    result.startMs = all.timestampAt(offset);
    for (int s = 0; s < seriesCount; ++s) {
        const std::vector<double> &values = all.series[size_t(s)].values;
        result.series.push_back(Series { all.series[size_t(s)].name, all.series[size_t(s)].labels,
            std::vector<double>(values.begin() + offset, values.begin() + offset + Points) });
    }
    return result;
}

// Arguments: series count, decimation on (1) or off (0), model update timed (1) or not (0).
void BM_Redraw(benchmark::State &state)
{
    const int seriesCount = int(state.range(0));
    const bool decimated = state.range(1) != 0;
    const bool modelTimed = state.range(2) != 0;
    const QueryResult windows[2] = { window(seriesCount, 0), window(seriesCount, 1) };

    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(windows[0]);
    ChartPanel panel;
    panel.setTitle(QStringLiteral("GPU utilisation by partition"));
    panel.setFixedValueRange(0, 100);
    panel.setDecimationEnabled(decimated);
    panel.setModel(&model);
    // Never shown: the image below is the only thing painted (a shown widget would paint the
    // screen as well, twice the work of one real redraw).
    panel.resize(PanelSize);
    QImage image(PanelSize, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&image);
        panel.render(&painter); // lays the chart out at its size
    }
    QCoreApplication::processEvents();

    int next = 1;
    for (auto _ : state) {
        if (!modelTimed)
            state.PauseTiming();
        model.setResult(windows[next]);
        next = 1 - next;
        if (!modelTimed)
            state.ResumeTiming();
        QCoreApplication::processEvents(); // the panel redraws once for the model's signals
        QPainter painter(&image);
        panel.render(&painter);
    }
    state.counters["drawn_points"] = double(panel.drawnPointCount());
    state.counters["model_points"] = double(panel.modelPointCount());
}
BENCHMARK(BM_Redraw)
    ->ArgNames({ "series", "decimated", "model" })
    ->Args({ 1, 1, 1 })
    ->Args({ 4, 1, 1 })
    ->Args({ 1, 1, 0 })
    ->Args({ 4, 1, 0 })
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Redraw)
    ->ArgNames({ "series", "decimated", "model" })
    ->Args({ 1, 0, 1 })
    ->Args({ 4, 0, 1 })
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// M4 over one series of a million points onto 1,500 columns with the panel's 1-px pen, alone.
void BM_Decimate(benchmark::State &state)
{
    const QueryResult data = window(1, 0);
    const std::vector<double> &values = data.series.front().values;
    const PixelColumns columns { double(data.startMs), double(data.timestampAt(Points - 1)), 62.5, 1500.3,
        1.0 };
    qsizetype kept = 0;
    for (auto _ : state) {
        const std::vector<Decimator::Run> runs = Decimator::m4(values, data.startMs, data.stepMs, columns);
        kept = 0;
        for (const Decimator::Run &run : runs)
            kept += run.size();
        benchmark::DoNotOptimize(kept);
    }
    state.counters["kept_points"] = double(kept);
}
BENCHMARK(BM_Decimate)->Unit(benchmark::kMillisecond)->UseRealTime();

// The model's share of a redraw: sliding four series of a million points by one sample.
void BM_ModelSlide(benchmark::State &state)
{
    const QueryResult windows[2] = { window(4, 0), window(4, 1) };
    TimeSeriesModel model(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
    model.setResult(windows[0]);
    int next = 1;
    for (auto _ : state) {
        model.setResult(windows[next]);
        next = 1 - next;
    }
}
BENCHMARK(BM_ModelSlide)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    // Widgets need an application and a platform; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
