// Test helper for tst_samplestore: writes batches into a cache until killed, and prints the number
// of each batch once its write() has returned (that is, committed).
//   cache_ingest_helper FILE
// Batch b holds Series batch series of BatchPoints points from T0 + b * BatchPoints minutes, with
// the values expectedValue(b, series, point) below (tst_samplestore checks them).
#include "SampleStore.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
constexpr qint64 Minute = 60'000;
constexpr qint64 T0 = 1'735'689'600'000; // 2025-01-01T00:00:00Z
constexpr int SeriesPerBatch = 100;
constexpr int BatchPoints = 60;
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: cache_ingest_helper FILE\n");
        return 2;
    }
    SampleStore store(QStringLiteral("helper"));
    QString error;
    if (!store.open(QString::fromLocal8Bit(argv[1]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    for (int batch = 0;; ++batch) {
        QueryResult result;
        result.queryId = QStringLiteral("node_gpu_util");
        result.startMs = T0 + qint64(batch) * BatchPoints * Minute;
        result.stepMs = Minute;
        for (int s = 0; s < SeriesPerBatch; ++s) {
            Series series;
            series.name = QStringLiteral("node-%1").arg(s, 3, 10, QLatin1Char('0'));
            series.values.resize(BatchPoints);
            for (int i = 0; i < BatchPoints; ++i)
                series.values[size_t(i)] = batch * 1000.0 + s + i / 8.0;
            result.series.push_back(std::move(series));
        }
        if (!store.write(result, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("%d\n", batch);
        std::fflush(stdout);
    }
}
