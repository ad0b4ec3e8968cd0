#pragma once

#include "GpuPeakTable.h"

#include <QAbstractTableModel>

// The GPU peak table as the Capacity page shows it under "Where these figures come from": one row per
// GPU model with its dense FP16/BF16 and FP8 peaks and the datasheet they are taken from.
class GpuPeakModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ModelColumn, Fp16Column, Fp8Column, DatasheetColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // TFLOPS as double (NaN: precision not supported); text otherwise
    };

    explicit GpuPeakModel(const GpuPeakTable &table, QObject *parent = nullptr);

    // The column that holds the peaks of a precision.
    static Column columnOf(Precision precision);
    // The precision the page counts: its column's header is bold.
    void setHighlightedPrecision(Precision precision);
    Precision highlightedPrecision() const { return m_highlighted; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<GpuPeak> m_models;
    Precision m_highlighted = Precision::DenseFp16Bf16;
};
