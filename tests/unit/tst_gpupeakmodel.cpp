#include "GpuPeakModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

class TestGpuPeakModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAreTheTableWithItsDatasheets();
    void columnOfPrecision();
    void highlightedPrecisionIsBold();
};

// Every row of the shipped table, with both peaks and the datasheet it comes from; a precision the
// model lacks says so instead of showing a number.
void TestGpuPeakModel::rowsAreTheTableWithItsDatasheets()
{
    const GpuPeakTable &table = GpuPeakTable::builtIn();
    GpuPeakModel model(table);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(table.models().size()));
    QCOMPARE(model.columnCount(), int(GpuPeakModel::ColumnCount));
    bool sawUnsupported = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const GpuPeak &peak = table.models()[size_t(row)];
        QCOMPARE(model.index(row, GpuPeakModel::ModelColumn).data().toString(), peak.modelName);
        QCOMPARE(model.index(row, GpuPeakModel::Fp16Column).data(GpuPeakModel::RawValueRole).toDouble(),
            peak.denseFp16Bf16Tflops);
        QVERIFY(!model.index(row, GpuPeakModel::DatasheetColumn).data().toString().isEmpty());
        QCOMPARE(model.index(row, GpuPeakModel::DatasheetColumn).data().toString(), peak.datasheet);
        const double fp8
            = model.index(row, GpuPeakModel::Fp8Column).data(GpuPeakModel::RawValueRole).toDouble();
        if (peak.denseFp8Tflops) {
            QCOMPARE(fp8, *peak.denseFp8Tflops);
        } else {
            sawUnsupported = true;
            QVERIFY(std::isnan(fp8));
            QCOMPARE(
                model.index(row, GpuPeakModel::Fp8Column).data().toString(), QStringLiteral("not supported"));
        }
    }
    QVERIFY(sawUnsupported); // the A100 has no FP8
    const GpuPeak *h100 = table.find(QStringLiteral("NVIDIA H100 80GB HBM3"));
    QVERIFY(h100);
    const int row = int(h100 - table.models().data());
    QCOMPARE(model.index(row, GpuPeakModel::Fp16Column).data().toString(), QStringLiteral("989.5"));
    QCOMPARE(model.index(row, GpuPeakModel::Fp8Column).data().toString(), QStringLiteral("1,979"));
    QCOMPARE(model.headerData(GpuPeakModel::DatasheetColumn, Qt::Horizontal).toString(),
        QStringLiteral("Datasheet"));
}

void TestGpuPeakModel::columnOfPrecision()
{
    QCOMPARE(GpuPeakModel::columnOf(Precision::DenseFp16Bf16), GpuPeakModel::Fp16Column);
    QCOMPARE(GpuPeakModel::columnOf(Precision::DenseFp8), GpuPeakModel::Fp8Column);
}

void TestGpuPeakModel::highlightedPrecisionIsBold()
{
    GpuPeakModel model(GpuPeakTable::builtIn());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto bold = [&](int section) {
        return model.headerData(section, Qt::Horizontal, Qt::FontRole).value<QFont>().bold();
    };
    QVERIFY(bold(GpuPeakModel::Fp16Column));
    QVERIFY(!bold(GpuPeakModel::Fp8Column));
    QSignalSpy changed(&model, &QAbstractItemModel::headerDataChanged);
    model.setHighlightedPrecision(Precision::DenseFp8);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!bold(GpuPeakModel::Fp16Column));
    QVERIFY(bold(GpuPeakModel::Fp8Column));
    QVERIFY(!bold(GpuPeakModel::ModelColumn));
    model.setHighlightedPrecision(Precision::DenseFp8);
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestGpuPeakModel)
#include "tst_gpupeakmodel.moc"
