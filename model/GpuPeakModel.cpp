#include "GpuPeakModel.h"

#include <QFont>
#include <QLocale>

GpuPeakModel::GpuPeakModel(const GpuPeakTable &table, QObject *parent)
    : QAbstractTableModel(parent)
    , m_models(table.models())
{ }

GpuPeakModel::Column GpuPeakModel::columnOf(Precision precision)
{
    return precision == Precision::DenseFp8 ? Fp8Column : Fp16Column;
}

void GpuPeakModel::setHighlightedPrecision(Precision precision)
{
    if (precision == m_highlighted)
        return;
    m_highlighted = precision;
    Q_EMIT headerDataChanged(Qt::Horizontal, Fp16Column, Fp8Column);
}

int GpuPeakModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int GpuPeakModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GpuPeakModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GpuPeak &peak = m_models[size_t(index.row())];
    const double fp8 = peak.denseFp8Tflops.value_or(qQNaN());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModelColumn:
            return peak.modelName;
        case Fp16Column:
            return QLocale().toString(peak.denseFp16Bf16Tflops, 'f', QLocale::FloatingPointShortest);
        case Fp8Column:
            return peak.denseFp8Tflops ? QLocale().toString(fp8, 'f', QLocale::FloatingPointShortest)
                                       : tr("not supported");
        case DatasheetColumn:
            return peak.datasheet;
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case ModelColumn:
            return peak.modelName;
        case Fp16Column:
            return peak.denseFp16Bf16Tflops;
        case Fp8Column:
            return fp8;
        case DatasheetColumn:
            return peak.datasheet;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Fp16Column || index.column() == Fp8Column)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == DatasheetColumn)
            return peak.datasheet;
        break;
    }
    return {};
}

QVariant GpuPeakModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::FontRole && section == columnOf(m_highlighted)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ModelColumn:
        return tr("GPU model");
    case Fp16Column:
        return tr("Dense FP16/BF16, TFLOPS");
    case Fp8Column:
        return tr("Dense FP8, TFLOPS");
    case DatasheetColumn:
        return tr("Datasheet");
    }
    return {};
}
