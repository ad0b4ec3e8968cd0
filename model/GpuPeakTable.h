#pragma once

#include <QString>

#include <optional>
#include <vector>

// Which peak figure counts as a GPU's capacity. The default is dense FP16/BF16 (no sparsity).
enum class Precision { DenseFp16Bf16, DenseFp8 };

// "fp16" or "fp8" (config files, the query catalogue); nullopt for anything else.
std::optional<Precision> parsePrecision(const QString &text);
QString precisionKey(Precision precision);

// Peak dense tensor throughput per GPU model (resources/gpu_peaks.json), keyed by dcgm's modelName.
// PFLOPS is not a metric any exporter gives; it is GPUs present times this table.
struct GpuPeak
{
    QString modelName;
    double denseFp16Bf16Tflops = 0;
    std::optional<double> denseFp8Tflops;
    QString datasheet;
};

class GpuPeakTable
{
public:
    static std::optional<GpuPeakTable> load(const QString &path, QString *error);
    static const GpuPeakTable &builtIn();

    const std::vector<GpuPeak> &models() const { return m_models; }
    const GpuPeak *find(const QString &modelName) const;
    // Peak TFLOPS of one GPU of the model at the precision; nullopt for an unknown model or unsupported
    // precision.
    std::optional<double> tflops(const QString &modelName, Precision precision) const;

private:
    std::vector<GpuPeak> m_models;
};
