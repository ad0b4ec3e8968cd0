#include "GpuPeakTable.h"

#include "JsonFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

std::optional<Precision> parsePrecision(const QString &text)
{
    if (text == QLatin1String("fp16"))
        return Precision::DenseFp16Bf16;
    if (text == QLatin1String("fp8"))
        return Precision::DenseFp8;
    return std::nullopt;
}

QString precisionKey(Precision precision)
{
    return precision == Precision::DenseFp8 ? QStringLiteral("fp8") : QStringLiteral("fp16");
}

std::optional<GpuPeakTable> GpuPeakTable::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QCoreApplication::translate("GpuPeakTable", "GPU peak table %1: %2").arg(path, what);
        return std::optional<GpuPeakTable>();
    };
    QString readError;
    const std::optional<QJsonObject> root = readJsonObject(path, &readError);
    if (!root)
        return fail(readError);

    GpuPeakTable table;
    const QJsonArray models = root->value(QLatin1String("models")).toArray();
    for (const QJsonValueConstRef value : models) {
        const QJsonObject object = value.toObject();
        GpuPeak peak;
        peak.modelName = object.value(QLatin1String("modelName")).toString();
        peak.denseFp16Bf16Tflops = object.value(QLatin1String("denseFp16Bf16")).toDouble(-1);
        const QJsonValue fp8 = object.value(QLatin1String("denseFp8"));
        if (fp8.isDouble())
            peak.denseFp8Tflops = fp8.toDouble();
        peak.datasheet = object.value(QLatin1String("datasheet")).toString();
        if (peak.modelName.isEmpty() || peak.denseFp16Bf16Tflops <= 0 || peak.datasheet.isEmpty())
            return fail(QCoreApplication::translate(
                "GpuPeakTable", "entry %1 needs a modelName, a positive denseFp16Bf16 and a datasheet")
                            .arg(table.m_models.size() + 1));
        table.m_models.push_back(peak);
    }
    if (table.m_models.empty())
        return fail(QCoreApplication::translate("GpuPeakTable", "no GPU models"));
    return table;
}

const GpuPeakTable &GpuPeakTable::builtIn()
{
    static const GpuPeakTable table
        = loadBuiltInResource<GpuPeakTable>(QStringLiteral(":/aisc/gpu_peaks.json"));
    return table;
}

const GpuPeak *GpuPeakTable::find(const QString &modelName) const
{
    for (const GpuPeak &peak : m_models)
        if (peak.modelName == modelName)
            return &peak;
    return nullptr;
}

std::optional<double> GpuPeakTable::tflops(const QString &modelName, Precision precision) const
{
    const GpuPeak *peak = find(modelName);
    if (!peak)
        return std::nullopt;
    return precision == Precision::DenseFp8 ? peak->denseFp8Tflops
                                            : std::optional<double>(peak->denseFp16Bf16Tflops);
}
